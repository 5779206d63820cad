// Who may do what at the station: one table, permission -> roles, read by the core before every
// state change (StationContext::require, beginWrite(Permission)) and by the front ends to decide what
// to offer. Hiding a button is a convenience; the core's check is the rule.
#pragma once

#include <QString>
#include <optional>

namespace cz {

// Owner (站长): everything, including settings, rates, staff, credit limits and corrections.
// Keeper (营业员): the counter's daily work, money at the counter included.
// Trainee (实习): receiving, handing over, shelf audit and reminders; no money beyond a pickup's
// storage fee, no undo, no returns, no sending, nothing that changes rules or people.
enum class Role : quint8 { Owner, Keeper, Trainee };

[[nodiscard]] QString roleName(Role role); // "owner", "keeper", "trainee"
[[nodiscard]] std::optional<Role> parseRole(const QString& name);
[[nodiscard]] QString roleLabel(Role role); // translated, for people

enum class Permission : quint8 {
    ReceiveParcels,  // Inbound::receive
    HandOver,        // Pickup::handOver
    UndoPickup,      // Pickup::undoPickup (within the undo window, which only the owner widens)
    MarkReturn,      // Overdue::markForReturn
    QueueReminders,  // Overdue::queueReminders
    ApplyShelfAudit, // ShelfAudit::applyAudit
    AcceptDispatch,  // DispatchDesk::accept
    ImportRates,     // DispatchDesk::importRates
    ImportWaybills,  // DispatchDesk::importWaybillBlock
    VanHandover,     // Manifests: open, bag, hand over
    AddVillager,     // Accounts::add, Accounts::edit
    CounterMoney,    // Accounts: deposit, withdraw, repay; Orders::payRefund
    CorrectAccount,  // Accounts::correct
    SetCreditLimit,  // Accounts::setCreditLimit
    PlaceOrder,      // Orders::place, Orders::settleRefunds
    CancelOrder,     // Orders::cancel
    ChangeSettings,  // StationSetup: initialise, settings (fees, undo window, ...), shelf layout
    ManageStaff,     // Staff: add, reset a PIN, deactivate
    RevealPhone,     // showing a villager's full phone number
    RevealSenderId,  // a sender's full resident ID (police request)
    ExportData,      // exports of station data
};

constexpr int kPermissionCount = int(Permission::ExportData) + 1;

[[nodiscard]] const char* permissionName(Permission p); // stable, for the audit log and tests
[[nodiscard]] QString permissionLabel(Permission p);    // translated, for refusals
[[nodiscard]] bool roleAllows(Role role, Permission p);
// Uses written to the audit log as well (undo, returns, corrections, settings, rates, ...).
[[nodiscard]] bool permissionAudited(Permission p);

} // namespace cz
