#include "parcelcolumns.h"

namespace cz::ui {

QString ParcelColumns::header(ParcelField field) {
    switch (field) {
    case ParcelField::Code:
        return tr("Pickup code");
    case ParcelField::Place:
        return tr("Place");
    case ParcelField::Waybill:
        return tr("Waybill");
    case ParcelField::Carrier:
        return tr("Carrier");
    case ParcelField::Phone:
        return tr("Phone");
    case ParcelField::Name:
        return tr("Name");
    case ParcelField::Status:
        return tr("Status");
    case ParcelField::Received:
        return tr("Received");
    case ParcelField::ReturnReason:
        return tr("Reason");
    }
    return {};
}

QString ParcelColumns::text(const Parcel& p, ParcelField field, const QString& carrierName) {
    switch (field) {
    case ParcelField::Code:
        return p.pickupCode;
    case ParcelField::Place:
        return p.slotName();
    case ParcelField::Waybill:
        return p.waybill;
    case ParcelField::Carrier:
        return carrierName;
    case ParcelField::Phone:
        return p.maskedPhone();
    case ParcelField::Name:
        return p.maskedName();
    case ParcelField::Status:
        return statusLabel(p.status);
    case ParcelField::Received:
        return localDateTimeText(p.receivedAt);
    case ParcelField::ReturnReason: {
        // An unknown stored reason (a newer peer's) is shown as stored rather than hidden.
        const auto reason = returnReasonFrom(p.returnReason);
        return reason ? returnReasonLabel(*reason) : p.returnReason;
    }
    }
    return {};
}

std::optional<ParcelField> ParcelColumns::fieldAt(std::span<const ParcelField> leading, int column) {
    if (column < 0 || static_cast<std::size_t>(column) >= leading.size())
        return std::nullopt;
    return leading[static_cast<std::size_t>(column)];
}

} // namespace cz::ui
