#include "parcelfields.h"

#include "carriers.h"
#include "clock.h"
#include "privacy.h"

namespace cz {

QString ParcelFields::header(ParcelField field) {
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
    case ParcelField::State:
        return tr("Status");
    case ParcelField::Received:
        return tr("Received");
    case ParcelField::Fee:
        return tr("Fee (yuan)");
    case ParcelField::ReturnReason:
        return tr("Reason");
    }
    return {};
}

QString ParcelFields::text(const Parcel& p, ParcelField field, const QString& carrierName) {
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
    case ParcelField::State:
        return statusLabel(p.status);
    case ParcelField::Received:
        return localDateTimeText(p.receivedAt);
    case ParcelField::Fee:
        return formatFen(p.feeFen);
    case ParcelField::ReturnReason: {
        // An unknown stored reason (a newer peer's) is shown as stored rather than hidden.
        const auto reason = returnReasonFrom(p.returnReason);
        return reason ? returnReasonLabel(*reason) : p.returnReason;
    }
    }
    return {};
}

QString ParcelFields::text(const Parcel& p, ParcelField field, const CarrierRegistry& carriers) {
    return text(p, field, field == ParcelField::Carrier ? carriers.displayName(p.carrier) : QString());
}

} // namespace cz
