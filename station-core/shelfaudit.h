// ShelfAudit (盘点): what each place holds, and the audit that compares what was scanned on each
// place with what the records say, then moves the misplaced parcels' records to where they are.
#pragma once

#include "context.h"
#include "parcelstore.h"
#include "shelves.h"

namespace cz {

struct AuditScan {
    QString slot; // "3-2"
    QString waybill;
};

struct AuditLine {
    QString waybill;
    QString parcelId;
    QString pickupCode;
    QString recordedSlot;
    QString foundSlot;
};

struct AuditReport {
    QStringList places; // the places checked
    QList<AuditLine> ok, missing, misplaced, unknown;
};

struct MoveResult {
    QString waybill;
    QString oldCode;
    QString newCode;
};

class ShelfAudit {
public:
    explicit ShelfAudit(StationContext& context)
        : m_ctx(context)
        , m_parcels(context) {}

    // Every place with its capacity and the parcels waiting on it, in shelf order.
    [[nodiscard]] Result<QList<SlotLoad>> slotLoads();
    // Compares the scans (and the places named in extraSlots, scanned empty) with the records.
    [[nodiscard]] Result<AuditReport> audit(const QList<AuditScan>& scans,
                                            const QStringList& extraSlots = {});
    // Moves the records of misplaced parcels to where they were found (new codes when needed).
    [[nodiscard]] Result<QList<MoveResult>> applyAudit(const AuditReport& report);

private:
    StationContext& m_ctx;
    ParcelStore m_parcels;
};

} // namespace cz
