#include "ops.h"

#include "orders.h"
#include "securitylog.h"
#include "sms.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <algorithm>

namespace cz::county {

namespace {

// The outcome stored for a new op, by the catalogue's verdict.
QString storedOutcome(sync::OpStanding standing) {
    switch (standing) {
    case sync::OpStanding::Known:
        return QStringLiteral("applied");
    case sync::OpStanding::UnknownKind:
    case sync::OpStanding::NewerSchema:
        return QStringLiteral("held");
    case sync::OpStanding::Invalid:
        return QStringLiteral("rejected");
    }
    return QStringLiteral("rejected");
}

// Bounds on what one op may make the county store. A station's parcel state is under 1 KiB and its
// largest op (a rate table) a few KiB; without them a 31 KB deflated push once stored 31 MiB.
constexpr qsizetype kMaxPayloadString = 1024; // characters in one string value
constexpr qsizetype kMaxPayloadKey = 64;
constexpr qsizetype kMaxParcelPayloadBytes = 8 * 1024;
constexpr qsizetype kMaxPayloadBytes = 64 * 1024;

// The first string (or key) over its bound in a JSON value, as a path for the reason; "" if none.
QString overlongField(const QJsonValue& v, const QString& path, int depth = 0) {
    if (v.isString())
        return v.toString().size() > kMaxPayloadString ? path : QString();
    if (depth > 16)
        return path;
    if (v.isArray()) {
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            if (QString f = overlongField(a.at(i), QStringLiteral("%1[%2]").arg(path).arg(i), depth + 1);
                !f.isEmpty())
                return f;
    } else if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            const QString here = path + QLatin1Char('.') + it.key().left(kMaxPayloadKey);
            if (it.key().size() > kMaxPayloadKey)
                return here;
            if (QString f = overlongField(it.value(), here, depth + 1); !f.isEmpty())
                return f;
        }
    }
    return {};
}

// Rejects an op whose payload is too large to keep; its stored payload is then "{}".
std::optional<sync::OpVerdict> boundsVerdict(const PreparedOp& prepared) {
    const qsizetype limit =
        prepared.op->entity == QLatin1String("parcel") ? kMaxParcelPayloadBytes : kMaxPayloadBytes;
    if (prepared.payloadText.size() > limit)
        return sync::OpVerdict{sync::OpStanding::Invalid, nullptr, QStringLiteral("op.too_large"),
                               QStringLiteral("The op's payload has %1 bytes; at most %2 are kept.")
                                   .arg(prepared.payloadText.size())
                                   .arg(limit)};
    if (const QString field = overlongField(prepared.op->payload, QStringLiteral("payload"));
        !field.isEmpty())
        return sync::OpVerdict{
            sync::OpStanding::Invalid, nullptr, QStringLiteral("op.field_too_long"),
            QStringLiteral("The field %1 is longer than %2 characters.").arg(field).arg(kMaxPayloadString)};
    return std::nullopt;
}

sync::Outcome answerFor(const QString& stored) {
    if (stored == QLatin1String("rejected"))
        return sync::Outcome::Rejected;
    if (stored == QLatin1String("held"))
        return sync::Outcome::Held;
    return sync::Outcome::Applied;
}

// Runs "head VALUES (…), (…) tail" for the rows, a chunk at a time: a push costs a few statements,
// not a few per op (each is a round trip to PostgreSQL).
Status insertRows(Tx& tx, const QString& head, const QString& tail, qsizetype columns,
                  const QList<Row>& rows) {
    // Small enough that SQLite stays fast: Qt looks each parameter up by position in a list that
    // SQLite scans linearly, so a statement with n parameters costs O(n²) (seen in perf with 200 rows).
    constexpr qsizetype kRowsPerStatement = 32;
    const QString tuple = QStringLiteral("(") +
                          QStringList(columns, QStringLiteral("?")).join(QLatin1Char(',')) +
                          QStringLiteral(")");
    for (qsizetype first = 0; first < rows.size(); first += kRowsPerStatement) {
        const qsizetype n = std::min(kRowsPerStatement, rows.size() - first);
        QVariantList args;
        args.reserve(n * columns);
        for (qsizetype i = first; i < first + n; ++i)
            args.append(rows.at(i));
        const QString sql =
            head + QStringLiteral(" VALUES ") + QStringList(n, tuple).join(QLatin1Char(',')) + tail;
        if (auto r = tx.exec(sql, args); !r)
            return fail(r.error());
    }
    return {};
}

QVariant textOrNull(const QString& text) {
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

Row opRow(const QString& stationId, const PreparedOp& prepared, const sync::OpVerdict& verdict, qint64 now,
          bool keepPayload = true) {
    const sync::WireOp& op = *prepared.op;
    return {op.opId,
            stationId,
            op.seq,
            op.entity,
            op.entityId,
            op.kind,
            prepared.digest,
            keepPayload ? prepared.payloadText : QStringLiteral("{}"),
            op.schemaVersion,
            op.createdAt,
            now,
            storedOutcome(verdict.standing),
            textOrNull(verdict.code),
            textOrNull(verdict.reason)};
}

// Arrival notices and overdue reminders the station queued are sent by the county's SMS gateway,
// once sms.cpp has checked them (admitNotices).
std::optional<Row> noticeRow(const QString& stationId, const sync::WireOp& op, qint64 now) {
    const QString kind = op.kind == QLatin1String("parcel.received")   ? QStringLiteral("arrival")
                         : op.kind == QLatin1String("parcel.reminded") ? QStringLiteral("overdue")
                                                                       : QString();
    const QString noticeId = op.payload.value(QStringLiteral("data"))
                                 .toObject()
                                 .value(QStringLiteral("notification_id"))
                                 .toString();
    const QJsonObject p = op.payload.value(QStringLiteral("parcel")).toObject();
    const QString phone = p.value(QStringLiteral("phone")).toString();
    if (kind.isEmpty() || noticeId.isEmpty() || phone.isEmpty())
        return std::nullopt;
    return Row{noticeId,
               stationId,
               op.entityId,
               kind,
               phone,
               p.value(QStringLiteral("pickup_code")).toString(),
               QStringLiteral("queued"),
               0,
               now,
               now};
}

// What one push writes besides answering: the op rows, the newest parcel state per parcel (a
// batch often holds a parcel's receive and its pickup), and the notices.
struct Writes {
    QList<Row> ops;
    QHash<QString, const sync::WireOp*> newestParcelOp;
    QList<Row> notices;
    QSet<QString> noticeIds;
    QList<const sync::WireOp*> orderOps; // in the station's order (orders.h)
};

void collectApplied(Writes& w, const QString& stationId, const sync::WireOp& op, qint64 now) {
    if (op.entity == QLatin1String("order"))
        w.orderOps.append(&op);
    if (op.entity != QLatin1String("parcel"))
        return;
    // The station's own sequence orders its ops, not its clock (which may be set to 2000-01-01).
    const sync::WireOp*& newest = w.newestParcelOp[op.entityId];
    // Equal seqs (a station database restored from a backup numbers again) fall back to the time.
    if (!newest || newest->seq < op.seq || (newest->seq == op.seq && newest->createdAt <= op.createdAt))
        newest = &op;
    if (auto notice = noticeRow(stationId, op, now);
        notice && !w.noticeIds.contains(notice->at(0).toString())) {
        w.noticeIds.insert(notice->at(0).toString());
        w.notices.append(*notice);
    }
}

// The parcels projection and the notices of the applied ops (their op rows are written by the caller).
Status writeProjections(Tx& tx, const QString& stationId, const Writes& w) {
    // The parcels projection keeps the newest state by the station's op sequence: an older op
    // arriving late (another batch, a USB import, a held op applied later) does not roll the status
    // back, and neither does a station clock set to the past.
    QList<Row> parcels;
    parcels.reserve(w.newestParcelOp.size());
    for (const sync::WireOp* op : w.newestParcelOp) {
        const QJsonObject p = op->payload.value(QStringLiteral("parcel")).toObject();
        parcels.append(Row{stationId, op->entityId, p.value(QStringLiteral("waybill")).toString(),
                           p.value(QStringLiteral("status")).toString(), op->createdAt, op->seq});
    }
    if (auto st = insertRows(
            tx,
            QStringLiteral("INSERT INTO parcels(station_id, parcel_id, waybill, status, updated_at, seq)"),
            QStringLiteral(" ON CONFLICT(station_id, parcel_id) DO UPDATE"
                           " SET waybill = excluded.waybill, status = excluded.status,"
                           " updated_at = excluded.updated_at, seq = excluded.seq"
                           " WHERE parcels.seq < excluded.seq OR (parcels.seq = excluded.seq"
                           " AND parcels.updated_at <= excluded.updated_at)"),
            6, parcels);
        !st)
        return st;
    if (auto st = projectOrderOps(tx, stationId, w.orderOps); !st)
        return st;
    auto notices = admitNotices(tx, stationId, w.notices);
    if (!notices)
        return fail(notices.error());
    return insertRows(
        tx,
        QStringLiteral("INSERT INTO notices(id, station_id, parcel_id, kind, phone, pickup_code,"
                       " state, attempts, created_at, updated_at)"),
        QStringLiteral(" ON CONFLICT(id) DO NOTHING"), 10, *notices);
}

Status write(Tx& tx, const QString& stationId, const Writes& w) {
    if (auto st = insertRows(
            tx,
            QStringLiteral("INSERT INTO ops(op_id, station_id, seq, entity, entity_id, kind, digest,"
                           " payload, schema_version, created_at, received_at, outcome,"
                           " reason_code, reason)"),
            {}, 14, w.ops);
        !st)
        return st;
    return writeProjections(tx, stationId, w);
}

// The answer for an op id seen before: columns station_id, digest, outcome, reason_code, reason.
sync::OpResult answerKnown(const Row& stored, const QString& stationId, const sync::WireOp& op,
                           const QString& digest) {
    if (stored.at(0).toString() != stationId || stored.at(1).toString() != digest)
        return {op.opId, sync::Outcome::Conflict, QStringLiteral("op.conflict"),
                QStringLiteral("An op with this id and different content was already received; the stored op "
                               "was kept.")};
    // A held op answers Held again until the county applies it, so the station learns nothing new
    // either way; a held op found invalid once known answers Rejected from then on.
    const sync::Outcome outcome = answerFor(stored.at(2).toString());
    if (outcome == sync::Outcome::Applied)
        return {op.opId, sync::Outcome::AlreadyApplied, {}, {}};
    return {op.opId, outcome, stored.at(3).toString(), stored.at(4).toString()};
}

// The stored ops among these ids, by op id (one statement per chunk).
Result<QHash<QString, Row>> storedOps(Tx& tx, const QList<PreparedOp>& ops) {
    constexpr qsizetype kIdsPerStatement = 200;
    QHash<QString, Row> stored;
    for (qsizetype first = 0; first < ops.size(); first += kIdsPerStatement) {
        const qsizetype n = std::min(kIdsPerStatement, ops.size() - first);
        QVariantList ids;
        for (qsizetype i = first; i < first + n; ++i)
            ids.append(ops.at(i).op->opId);
        auto rows = tx.select(QStringLiteral("SELECT op_id, station_id, digest, outcome, reason_code, reason"
                                             " FROM ops WHERE op_id IN (%1)")
                                  .arg(QStringList(n, QStringLiteral("?")).join(QLatin1Char(','))),
                              ids);
        if (!rows)
            return fail(rows.error());
        for (const Row& row : *rows)
            stored.insert(row.at(0).toString(), row.mid(1));
    }
    return stored;
}

} // namespace

QList<PreparedOp> prepareOps(const QList<sync::WireOp>& ops) {
    QList<PreparedOp> prepared;
    prepared.reserve(ops.size());
    for (const sync::WireOp& op : ops)
        prepared.append({&op, sync::opDigest(op),
                         QString::fromUtf8(QJsonDocument(op.payload).toJson(QJsonDocument::Compact))});
    return prepared;
}

qsizetype storedPayloadBytes(const QList<PreparedOp>& ops) {
    qsizetype total = 0;
    for (const PreparedOp& p : ops)
        total += boundsVerdict(p) ? 2 : p.payloadText.size();
    return total;
}

Result<qint64> highWaterMark(Tx& tx, const QString& stationId) {
    auto row = tx.selectOne(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM ops WHERE station_id = ?"),
                            {stationId});
    if (!row)
        return fail(row.error());
    return *row ? (**row).at(0).toLongLong() : 0;
}

Result<QList<sync::OpResult>> applyOps(Tx& tx, const QString& stationId, const QList<PreparedOp>& ops,
                                       const sync::OpCatalog& catalog) {
    if (auto st = tx.lock(QStringLiteral("station:") + stationId); !st)
        return fail(st.error());
    auto stored = storedOps(tx, ops);
    if (!stored)
        return fail(stored.error());
    QList<sync::OpResult> results;
    results.reserve(ops.size());
    Writes writes;
    for (const PreparedOp& prepared : ops) {
        const sync::WireOp& op = *prepared.op;
        if (const auto known = stored->constFind(op.opId); known != stored->constEnd()) {
            results.append(answerKnown(*known, stationId, op, prepared.digest));
            continue;
        }
        const std::optional<sync::OpVerdict> tooLarge = boundsVerdict(prepared);
        const sync::OpVerdict verdict = tooLarge ? *tooLarge : catalog.judge(op);
        Row row = opRow(stationId, prepared, verdict, tx.now(), !tooLarge);
        // The same op twice in one request answers like a re-send.
        stored->insert(op.opId, Row{row.at(1), row.at(6), row.at(11), row.at(12), row.at(13)});
        writes.ops.append(std::move(row));
        if (verdict.standing != sync::OpStanding::Known) {
            results.append(
                {op.opId, answerFor(storedOutcome(verdict.standing)), verdict.code, verdict.reason});
            continue;
        }
        collectApplied(writes, stationId, op, tx.now());
        results.append({op.opId, sync::Outcome::Applied, {}, {}});
    }
    if (auto st = write(tx, stationId, writes); !st)
        return fail(st.error());
    return results;
}

namespace {

// One chunk of held ops after the op id `after`, in one transaction. Returns the last op id seen
// (empty when there were none).
Result<QString> applyHeldChunk(CountyStore& store, const sync::OpCatalog& catalog, const QString& after,
                               HeldOpsRun& run) {
    // Small enough to keep a transaction short on a busy county; held ops are rare.
    constexpr int kChunk = 500;
    auto tx = store.begin(Tx::Mode::Write);
    if (!tx)
        return fail(tx.error());
    auto rows = tx->select(QStringLiteral("SELECT op_id, station_id, seq, entity, entity_id, kind, payload,"
                                          " schema_version, created_at FROM ops"
                                          " WHERE outcome = 'held' AND op_id > ? ORDER BY op_id LIMIT %1")
                               .arg(kChunk),
                           {after});
    if (!rows)
        return fail(rows.error());
    if (rows->isEmpty())
        return QString();
    // Built whole before any pointer into it is taken (Writes keeps pointers to the newest op).
    QList<sync::WireOp> ops;
    QStringList stations;
    for (const Row& r : *rows) {
        ops.append({r.at(0).toString(), r.at(2).toLongLong(), r.at(3).toString(), r.at(4).toString(),
                    r.at(5).toString(), QJsonDocument::fromJson(r.at(6).toString().toUtf8()).object(),
                    r.at(7).toInt(), r.at(8).toLongLong()});
        stations.append(r.at(1).toString());
    }
    // Each station's lock, as its pushes take it, in one order so two runs cannot deadlock.
    QStringList locks = stations;
    std::sort(locks.begin(), locks.end());
    locks.erase(std::unique(locks.begin(), locks.end()), locks.end());
    for (const QString& station : locks)
        if (auto st = tx->lock(QStringLiteral("station:") + station); !st)
            return fail(st.error());

    QHash<QString, Writes> writes; // by station
    for (qsizetype i = 0; i < ops.size(); ++i) {
        const sync::WireOp& op = ops.at(i);
        const sync::OpVerdict verdict = catalog.judge(op);
        if (verdict.standing == sync::OpStanding::UnknownKind ||
            verdict.standing == sync::OpStanding::NewerSchema) {
            ++run.stillHeld;
            continue;
        }
        // Only the run that moves the op out of "held" projects it: exactly once.
        auto moved = tx->exec(
            QStringLiteral("UPDATE ops SET outcome = ?, reason_code = ?, reason = ?"
                           " WHERE op_id = ? AND outcome = 'held'"),
            {storedOutcome(verdict.standing), textOrNull(verdict.code), textOrNull(verdict.reason), op.opId});
        if (!moved)
            return fail(moved.error());
        if (*moved == 0)
            continue;
        if (verdict.standing == sync::OpStanding::Invalid) {
            ++run.rejected;
            continue;
        }
        collectApplied(writes[stations.at(i)], stations.at(i), op, tx->now());
        ++run.applied;
    }
    for (auto it = writes.cbegin(); it != writes.cend(); ++it)
        if (auto st = writeProjections(*tx, it.key(), it.value()); !st)
            return fail(st.error());
    if (auto st = tx->commit(); !st)
        return fail(st.error());
    return ops.last().opId;
}

} // namespace

Result<HeldOpsRun> applyHeldOps(CountyStore& store, const sync::OpCatalog& catalog) {
    HeldOpsRun run;
    // Not QString(): Qt binds a null string as NULL, and "op_id > NULL" matches nothing.
    QString after = QStringLiteral("");
    for (;;) {
        auto last = applyHeldChunk(store, catalog, after, run);
        if (!last)
            return fail(last.error());
        if (last->isEmpty())
            return run;
        after = *last;
    }
}

} // namespace cz::county
