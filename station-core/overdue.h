// Overdue parcels (滞留), storage fees, reminder notices and the return list (退回).
#pragma once

#include "context.h"
#include "parcel.h"
#include "parcelstore.h"

namespace cz {

// How long a parcel has been held and what that costs: the one rule for every screen, list and fee.
struct Holding {
    int daysHeld = 0; // started days since it was received (12 h is day 1, 24 h + 1 ms day 2)
    int feeDays = 0;  // days held beyond the free days
    qint64 feeFen = 0;
    bool unclaimed = false; // held past the unclaimed limit: suggest returning it
};
[[nodiscard]] Holding holding(const StationSettings& settings, const Parcel& parcel, qint64 atMs);

struct OverdueItem {
    Parcel parcel;
    Holding held;
};

class Overdue {
public:
    explicit Overdue(StationContext& context)
        : m_ctx(context)
        , m_parcels(context) {}

    // Waiting parcels held beyond the free days, the oldest first.
    [[nodiscard]] Result<QList<OverdueItem>> overdue();
    // Queues a reminder notice for each overdue parcel, at most one per parcel per local day.
    [[nodiscard]] Result<int> queueReminders();
    [[nodiscard]] Result<Parcel> markForReturn(const QString& parcelId, ReturnReason reason,
                                               const QString& note = {});
    [[nodiscard]] Result<QList<Parcel>> returnList();

private:
    StationContext& m_ctx;
    ParcelStore m_parcels;
};

} // namespace cz
