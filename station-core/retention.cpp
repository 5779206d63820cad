#include "retention.h"

#include "settingdefs.h"

#include <QThread>

namespace cz {

namespace {
Result<int> retentionSetting(Database& db) {
    auto v = db.scalar(QStringLiteral("SELECT value FROM setting WHERE key = ?"),
                       {settings::kOutboxRetentionDays.name()});
    if (!v)
        return fail(v.error());
    return int(settings::kOutboxRetentionDays.parse(v->toString())
                   .value_or(settings::kOutboxRetentionDays.fallback));
}

// Runs sql (bound to the cutoff and the batch size) in short transactions until a batch deletes
// fewer rows than it may.
Result<PruneReport> pruneInBatches(Database& db, const Clock& clock, const PruneOptions& options,
                                   const QString& sql) {
    int days = options.retentionDays;
    if (days < 0) {
        auto setting = retentionSetting(db);
        if (!setting)
            return fail(setting.error());
        days = *setting;
    }
    PruneReport report;
    report.cutoffMs = clock.nowMs() - qint64(days) * kDayMs;
    const int batchSize = std::max(1, options.batchSize);
    while (options.maxBatches < 0 || report.batches < options.maxBatches) {
        if (report.batches > 0 && options.pauseMs > 0)
            QThread::msleep(static_cast<unsigned long>(options.pauseMs));
        if (auto st = db.beginWrite(); !st)
            return fail(st.error());
        auto q = db.exec(sql, {report.cutoffMs, batchSize});
        if (!q) {
            db.rollback();
            return fail(q.error());
        }
        const int n = (*q)->numRowsAffected();
        (*q)->finish();
        if (auto st = db.commit(); !st)
            return fail(st.error());
        ++report.batches;
        report.pruned += n;
        if (n < batchSize)
            break;
    }
    return report;
}
} // namespace

Result<PruneReport> pruneOutbox(Database& db, const Clock& clock, const PruneOptions& options) {
    // By the partial index outbox_acked: the oldest acknowledged ops first, never a pending one
    // (acked_at IS NULL is not < anything) nor a refused one (not in the index's result set).
    return pruneInBatches(
        db, clock, options,
        QStringLiteral("DELETE FROM outbox WHERE seq IN (SELECT seq FROM outbox WHERE acked_at < ?"
                       " AND result IN ('applied', 'already_applied') ORDER BY acked_at LIMIT ?)"));
}

Result<PruneReport> pruneNotifications(Database& db, const Clock& clock, const PruneOptions& options) {
    // In rowid order, which is creation order: a batch stops scanning once it has its rows.
    return pruneInBatches(
        db, clock, options,
        QStringLiteral("DELETE FROM notification WHERE rowid IN (SELECT n.rowid FROM notification n"
                       " JOIN parcel p ON p.id = n.parcel_id WHERE n.created_at < ?"
                       " AND p.in_station = 0 LIMIT ?)"));
}

Status checkpoint(Database& db) {
    auto q = db.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    if (!q)
        return fail(q.error());
    (*q)->finish();
    return {};
}

} // namespace cz
