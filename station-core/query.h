// ParcelQueries: read-only views over parcels — one parcel, filtered lists and counts, the day's
// arrivals.
#pragma once

#include "context.h"
#include "parcel.h"
#include "parcelstore.h"

#include <optional>

namespace cz {

struct ParcelFilter {
    std::optional<ParcelStatus> status;
    bool inStationOnly = false;
    QString text; // pickup code, waybill (or its beginning), or phone tail
    qint64 fromMs = 0;
    qint64 toMs = 0;
    int limit = 200;
    int offset = 0;
    // Received on the local day `day` (sets fromMs and toMs).
    void receivedOn(const QDate& day);
};

class ParcelQueries {
public:
    explicit ParcelQueries(StationContext& context)
        : m_ctx(context)
        , m_parcels(context) {}

    [[nodiscard]] Result<Parcel> parcel(const QString& id);
    // Newest first.
    [[nodiscard]] Result<QList<Parcel>> list(const ParcelFilter& filter);
    [[nodiscard]] Result<int> count(const ParcelFilter& filter);
    // Received on a local day, by pickup code.
    [[nodiscard]] Result<QList<Parcel>> arrivals(const QDate& localDay);

private:
    StationContext& m_ctx;
    ParcelStore m_parcels;
};

} // namespace cz
