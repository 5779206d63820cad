#include "permissions.h"

#include <QCoreApplication>

namespace cz {

namespace {
struct PermissionText {
    Q_DECLARE_TR_FUNCTIONS(Staff)
};

constexpr quint8 kOwner = 1u << quint8(Role::Owner);
constexpr quint8 kKeeper = 1u << quint8(Role::Keeper);
constexpr quint8 kTrainee = 1u << quint8(Role::Trainee);

struct Row {
    Permission permission;
    const char* name;
    quint8 roles;
    bool audited = false; // every use is written to the audit log (WriteTx::setAuditAction)
};

// The table. One row per permission, in the enum's order (checked below).
constexpr Row kTable[] = {
    {Permission::ReceiveParcels, "receive_parcels", kOwner | kKeeper | kTrainee},
    {Permission::HandOver, "hand_over", kOwner | kKeeper | kTrainee},
    {Permission::UndoPickup, "undo_pickup", kOwner | kKeeper, true},
    {Permission::MarkReturn, "mark_return", kOwner | kKeeper, true},
    {Permission::QueueReminders, "queue_reminders", kOwner | kKeeper | kTrainee},
    {Permission::ApplyShelfAudit, "apply_shelf_audit", kOwner | kKeeper | kTrainee},
    {Permission::AcceptDispatch, "accept_dispatch", kOwner | kKeeper},
    {Permission::ImportRates, "import_rates", kOwner, true},
    {Permission::ImportWaybills, "import_waybills", kOwner, true},
    {Permission::VanHandover, "van_handover", kOwner | kKeeper},
    {Permission::AddVillager, "add_villager", kOwner | kKeeper},
    {Permission::CounterMoney, "counter_money", kOwner | kKeeper},
    {Permission::CorrectAccount, "correct_account", kOwner, true},
    {Permission::SetCreditLimit, "set_credit_limit", kOwner, true},
    {Permission::PlaceOrder, "place_order", kOwner | kKeeper},
    {Permission::CancelOrder, "cancel_order", kOwner | kKeeper, true},
    {Permission::ChangeSettings, "change_settings", kOwner, true},
    {Permission::ManageStaff, "manage_staff", kOwner, true},
    {Permission::RevealPhone, "reveal_phone", kOwner | kKeeper},
    {Permission::RevealSenderId, "reveal_sender_id", kOwner},
    {Permission::ExportData, "export_data", kOwner},
};

constexpr bool tableInOrder() {
    if (std::size(kTable) != size_t(kPermissionCount))
        return false;
    for (size_t i = 0; i < std::size(kTable); ++i)
        if (size_t(kTable[i].permission) != i)
            return false;
    return true;
}
static_assert(tableInOrder(), "permission table must list every permission once, in the enum's order");
} // namespace

QString roleName(Role role) {
    switch (role) {
    case Role::Owner:
        return QStringLiteral("owner");
    case Role::Keeper:
        return QStringLiteral("keeper");
    case Role::Trainee:
        return QStringLiteral("trainee");
    }
    return {};
}

std::optional<Role> parseRole(const QString& name) {
    for (Role r : {Role::Owner, Role::Keeper, Role::Trainee})
        if (name.trimmed().compare(roleName(r), Qt::CaseInsensitive) == 0)
            return r;
    return std::nullopt;
}

QString roleLabel(Role role) {
    switch (role) {
    case Role::Owner:
        return PermissionText::tr("owner");
    case Role::Keeper:
        return PermissionText::tr("keeper");
    case Role::Trainee:
        return PermissionText::tr("trainee");
    }
    return {};
}

const char* permissionName(Permission p) {
    return kTable[size_t(p)].name;
}

QString permissionLabel(Permission p) {
    switch (p) {
    case Permission::ReceiveParcels:
        return PermissionText::tr("receiving parcels");
    case Permission::HandOver:
        return PermissionText::tr("handing over parcels");
    case Permission::UndoPickup:
        return PermissionText::tr("undoing a pickup");
    case Permission::MarkReturn:
        return PermissionText::tr("marking a parcel for return");
    case Permission::QueueReminders:
        return PermissionText::tr("sending reminders");
    case Permission::ApplyShelfAudit:
        return PermissionText::tr("applying a shelf audit");
    case Permission::AcceptDispatch:
        return PermissionText::tr("accepting a parcel to send");
    case Permission::ImportRates:
        return PermissionText::tr("importing rates");
    case Permission::ImportWaybills:
        return PermissionText::tr("importing waybill numbers");
    case Permission::VanHandover:
        return PermissionText::tr("bagging and handing over to the van");
    case Permission::AddVillager:
        return PermissionText::tr("adding a villager");
    case Permission::CounterMoney:
        return PermissionText::tr("deposits, payouts and repayments");
    case Permission::CorrectAccount:
        return PermissionText::tr("correcting an account");
    case Permission::SetCreditLimit:
        return PermissionText::tr("setting a credit limit");
    case Permission::PlaceOrder:
        return PermissionText::tr("placing an order");
    case Permission::CancelOrder:
        return PermissionText::tr("cancelling an order");
    case Permission::ChangeSettings:
        return PermissionText::tr("changing the station's settings");
    case Permission::ManageStaff:
        return PermissionText::tr("managing staff");
    case Permission::RevealPhone:
        return PermissionText::tr("showing a full phone number");
    case Permission::RevealSenderId:
        return PermissionText::tr("showing a sender's full ID number");
    case Permission::ExportData:
        return PermissionText::tr("exporting data");
    }
    return {};
}

bool permissionAudited(Permission p) {
    return kTable[size_t(p)].audited;
}

bool roleAllows(Role role, Permission p) {
    return (kTable[size_t(p)].roles & (1u << quint8(role))) != 0;
}

} // namespace cz
