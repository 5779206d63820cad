// Inbound (入库): receiving parcels from the van — the waybill checked, the carrier chosen, a place
// and pickup code given, the arrival notice queued, in one transaction — and the county's
// pre-alerts of what the van brings.
#pragma once

#include "context.h"
#include "parcel.h"
#include "parcelstore.h"

#include <QDate>
#include <optional>

namespace cz {

struct ReceiveRequest {
    QString waybill;
    QString phone; // 11 digits or the last 4
    QString name;
    QString carrier; // empty: detect; required when several carriers fit
    std::optional<DeliveryPref> pref;
};

struct ReceiveResult {
    Parcel parcel;
    bool keptTogether = false; // placed beside the same person's waiting parcels
    bool overCapacity = false; // every place was full; put on the least loaded one anyway
    bool prealerted = false;   // the recipient came from the county's pre-alert
};

// A parcel the county announced ahead of the van (pulled by sync; see sync/client).
struct Prealert {
    QString waybill;
    QString carrier; // may be empty
    QString phone;
    QString name;
    QDate vanDate; // local day the van brings it
    [[nodiscard]] QString maskedPhone() const;
};

// What a scanned waybill is, before the recipient is asked for.
struct IncomingCheck {
    QString waybill;
    QStringList carriers; // candidate codes, the likeliest first
    std::optional<Prealert> prealert;
};

class Inbound {
public:
    explicit Inbound(StationContext& context)
        : m_ctx(context)
        , m_parcels(context) {}

    [[nodiscard]] Result<ReceiveResult> receive(const ReceiveRequest& request);
    // Checks a scanned waybill before the recipient is asked for: well formed and not already in
    // the station (the same errors receive() gives); the carriers that fit and the pre-alert, if any.
    [[nodiscard]] Result<IncomingCheck> checkIncoming(const QString& waybill);

    // Parcels announced for the van of the local today that have not been received yet, by
    // waybill; and their number (prealert.cpp).
    [[nodiscard]] Result<QList<Prealert>> expectedToday();
    [[nodiscard]] Result<int> expectedTodayCount();

private:
    // Fills an empty phone (and name, carrier) from the waybill's pre-alert; true when it did.
    [[nodiscard]] Result<bool> fillFromPrealert(ReceiveRequest& request, const QString& waybill);

    StationContext& m_ctx;
    ParcelStore m_parcels;
};

} // namespace cz
