#include "feed.h"

#include "ops.h"

#include <QJsonDocument>
#include <QUuid>

namespace cz::county {

namespace {

constexpr qint64 kDayMs = 24LL * 3600 * 1000;

// Which changes a station sees: those for all stations and its own. Version 1 predates pre-alerts.
QString visibleTo(int protocolVersion) {
    QString sql = QStringLiteral("(station_id IS NULL OR station_id = ?)");
    if (protocolVersion < 2)
        sql += QStringLiteral(" AND kind <> 'prealert'");
    return sql;
}

Result<QList<sync::Change>> selectChanges(Tx& tx, const QString& where, QVariantList args,
                                          std::optional<int> limit = std::nullopt) {
    QString sql = QStringLiteral("SELECT seq, kind, key, data FROM changes WHERE ") + where +
                  QStringLiteral(" ORDER BY seq");
    if (limit) {
        sql += QStringLiteral(" LIMIT ?");
        args.append(*limit);
    }
    auto rows = tx.select(sql, args);
    if (!rows)
        return fail(rows.error());
    QList<sync::Change> changes;
    changes.reserve(rows->size());
    for (const Row& r : *rows) {
        sync::Change c;
        c.seq = r.at(0).toLongLong();
        c.kind = r.at(1).toString();
        c.key = r.at(2).toString();
        c.deleted = r.at(3).isNull();
        c.data = QJsonDocument::fromJson(r.at(3).toString().toUtf8()).object();
        changes.append(std::move(c));
    }
    return changes;
}

Result<qint64> scalarInt(Tx& tx, const QString& sql, const QVariantList& args = {}) {
    auto row = tx.selectOne(sql, args);
    if (!row)
        return fail(row.error());
    return *row ? (**row).at(0).toLongLong() : 0;
}

} // namespace

Result<QString> readMeta(Tx& tx, const QString& key) {
    auto row = tx.selectOne(QStringLiteral("SELECT value FROM meta WHERE key = ?"), {key});
    if (!row)
        return fail(row.error());
    if (!*row)
        return fail(ErrorKind::Internal, QStringLiteral("server.storage"),
                    QStringLiteral("The meta value %1 is missing.").arg(key));
    return (**row).at(0).toString();
}

Status writeMeta(Tx& tx, const QString& key, const QString& value) {
    auto r = tx.exec(QStringLiteral("INSERT INTO meta(key, value) VALUES (?, ?)"
                                    " ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                     {key, value});
    if (!r)
        return fail(r.error());
    return {};
}

Status appendChange(Tx& tx, const QString& stationId, const QString& kind, const QString& key,
                    const std::optional<QJsonObject>& data) {
    if (auto st = tx.lock(QStringLiteral("feed")); !st)
        return st;
    const QVariant station =
        stationId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(stationId);
    const QVariant text =
        data ? QVariant(QString::fromUtf8(QJsonDocument(*data).toJson(QJsonDocument::Compact)))
             : QVariant(QMetaType::fromType<QString>());
    auto r = tx.exec(
        QStringLiteral("INSERT INTO changes(station_id, kind, key, data, created_at) VALUES (?, ?, ?, ?, ?)"),
        {station, kind, key, text, tx.now()});
    if (!r)
        return fail(r.error());
    return {};
}

Result<sync::PullResponse> pullChanges(Tx& tx, const QString& stationId, int protocolVersion,
                                       const sync::PullRequest& request) {
    const int limit = std::clamp(request.limit, 1, sync::kMaxChangesPerPull);
    auto epoch = readEpoch(tx);
    if (!epoch)
        return fail(epoch.error());
    auto horizonText = readMeta(tx, QStringLiteral("horizon"));
    if (!horizonText)
        return fail(horizonText.error());
    auto maxSeq = scalarInt(tx, QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM changes"));
    if (!maxSeq)
        return fail(maxSeq.error());
    const qint64 horizon = horizonText->toLongLong();

    sync::PullResponse response;
    response.epoch = *epoch;
    response.reset = request.after <= 0 || request.after < horizon || request.after > *maxSeq;
    const QString visible = visibleTo(protocolVersion);
    if (response.reset && horizon > 0) {
        // The snapshot below the horizon comes whole, whatever the limit, so the next cursor is past it.
        auto prefix = selectChanges(tx, visible + QStringLiteral(" AND seq <= ?"), {stationId, horizon});
        if (!prefix)
            return fail(prefix.error());
        response.changes = std::move(*prefix);
    }
    const qint64 start = response.reset ? horizon : request.after;
    auto page = selectChanges(tx, visible + QStringLiteral(" AND seq > ?"), {stationId, start}, limit + 1);
    if (!page)
        return fail(page.error());
    response.more = page->size() > limit;
    if (response.more)
        page->resize(limit);
    response.changes.append(*page);
    response.next = response.more ? response.changes.last().seq : *maxSeq;
    auto highWater = highWaterMark(tx, stationId);
    if (!highWater)
        return fail(highWater.error());
    response.highWater = *highWater;
    return response;
}

Result<CompactResult> compact(CountyStore& store, std::optional<int> purgeBeforeDays) {
    auto tx = store.begin(Tx::Mode::Write);
    if (!tx)
        return fail(tx.error());
    if (auto st = tx->lock(QStringLiteral("feed")); !st)
        return fail(st.error());
    CompactResult result;
    auto superseded = tx->exec(QStringLiteral(
        "DELETE FROM changes WHERE EXISTS (SELECT 1 FROM changes AS newer WHERE newer.kind = changes.kind"
        " AND newer.key = changes.key AND COALESCE(newer.station_id, '') = COALESCE(changes.station_id, '')"
        " AND newer.seq > changes.seq)"));
    if (!superseded)
        return fail(superseded.error());
    result.superseded = *superseded;
    auto horizonText = readMeta(*tx, QStringLiteral("horizon"));
    if (!horizonText)
        return fail(horizonText.error());
    result.horizon = horizonText->toLongLong();
    if (purgeBeforeDays) {
        // Tombstones, and rows whose key never repeats so compaction never drops them: pre-alerts
        // (one per waybill) and SMS delivery states (one per notice). Without this, the snapshot a
        // reset sends would grow with every parcel the county ever texted about.
        const QString purgeable =
            QStringLiteral("(data IS NULL OR kind IN ('prealert', 'notice_status')) AND created_at < ?");
        const qint64 cutoff = tx->now() - qint64(*purgeBeforeDays) * kDayMs;
        auto last = scalarInt(
            *tx, QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM changes WHERE ") + purgeable, {cutoff});
        if (!last)
            return fail(last.error());
        auto purged = tx->exec(QStringLiteral("DELETE FROM changes WHERE ") + purgeable, {cutoff});
        if (!purged)
            return fail(purged.error());
        result.purged = *purged;
        if (*last > result.horizon) {
            result.horizon = *last;
            if (auto st = writeMeta(*tx, QStringLiteral("horizon"), QString::number(*last)); !st)
                return fail(st.error());
        }
    }
    if (auto st = tx->commit(); !st)
        return fail(st.error());
    return result;
}

Result<QString> renewEpoch(CountyStore& store) {
    auto tx = store.begin(Tx::Mode::Write);
    if (!tx)
        return fail(tx.error());
    const QString epoch = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (auto st = writeMeta(*tx, QStringLiteral("epoch"), epoch); !st)
        return fail(st.error());
    if (auto st = tx->commit(); !st)
        return fail(st.error());
    return epoch;
}

} // namespace cz::county
