// Keeping the station's database small over years: acknowledged outbox ops are only the sync's
// record of what the county already has, so they are pruned once they are older than the retention
// period (outbox_retention_days), and so are the notices of parcels that left the station. Ops the county
// refused (rejected, conflict) stay for the clerk, and nothing unacknowledged is ever touched. Pruning runs
// in small batches, each its own short transaction, with a pause between them, so the counter's writes
// (another connection, another process) wait a few milliseconds at most instead of behind one long write
// lock.
#pragma once

#include "clock.h"
#include "database.h"

namespace cz {

struct PruneOptions {
    int retentionDays = -1; // -1: the station's outbox_retention_days setting
    int batchSize = 500;    // ops per transaction: a few milliseconds of write lock
    int pauseMs = 30;       // between batches, longer than SQLite's busy-handler steps, so a waiting
                            // writer gets the lock before the next batch
    int maxBatches = -1;    // -1: until nothing is left to prune
};

struct PruneReport {
    qint64 pruned = 0;
    int batches = 0;
    qint64 cutoffMs = 0; // ops acknowledged before this were pruned
};

// Deletes acknowledged, accepted ops (applied, already_applied) acknowledged before now minus the
// retention period. Not inside another transaction.
[[nodiscard]] Result<PruneReport> pruneOutbox(Database& db, const Clock& clock,
                                              const PruneOptions& options = {});

// Arrival and reminder notices of parcels that have left the station, created before the same
// cutoff: they only mattered while the parcel was waiting (one reminder a day, the county's SMS
// state). Same batches and pauses as pruneOutbox.
[[nodiscard]] Result<PruneReport> pruneNotifications(Database& db, const Clock& clock,
                                                     const PruneOptions& options = {});

// Writes the WAL back into the database file and truncates it (cunzhanctl maintenance): a PASSIVE
// checkpoint would do too, TRUNCATE also gives the WAL's disk space back. Waits for no reader.
[[nodiscard]] Status checkpoint(Database& db);

} // namespace cz
