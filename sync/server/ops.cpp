#include "ops.h"

#include <QHash>
#include <QSet>
#include <QJsonDocument>

namespace cz::county {

namespace {

constexpr int kOldestPayloadSchema = 1;
constexpr int kNewestPayloadSchema = 1;

struct Rejection {
    QString code;
    QString reason;
};

// Entities a station sends, and the kind prefixes each may carry (station-core's appendOp calls).
const QHash<QString, QStringList>& kindPrefixes() {
    static const QHash<QString, QStringList> prefixes{
        {QStringLiteral("parcel"), {QStringLiteral("parcel.")}},
        {QStringLiteral("dispatch"), {QStringLiteral("dispatch.")}},
        {QStringLiteral("manifest"), {QStringLiteral("manifest.")}},
        {QStringLiteral("setting"), {QStringLiteral("setting.")}},
        {QStringLiteral("station"), {QStringLiteral("station."), QStringLiteral("shelves.")}},
        {QStringLiteral("rates"), {QStringLiteral("rates.")}},
        {QStringLiteral("waybill_block"), {QStringLiteral("waybill_block.")}},
    };
    return prefixes;
}

bool knownParcelStatus(const QString& status) {
    static const QStringList statuses{QStringLiteral("waiting"), QStringLiteral("picked_up"),
                                      QStringLiteral("to_return"), QStringLiteral("returned")};
    return statuses.contains(status);
}

std::optional<Rejection> validateParcel(const sync::WireOp& op) {
    const QJsonValue parcel = op.payload.value(QStringLiteral("parcel"));
    if (!parcel.isObject())
        return Rejection{QStringLiteral("op.invalid_payload"),
                         QStringLiteral("The parcel op carries no parcel.")};
    const QJsonObject p = parcel.toObject();
    if (p.value(QStringLiteral("id")).toString() != op.entityId)
        return Rejection{
            QStringLiteral("op.invalid_payload"),
            QStringLiteral("The parcel in the payload is not the op's parcel %1.").arg(op.entityId)};
    if (!knownParcelStatus(p.value(QStringLiteral("status")).toString()))
        return Rejection{QStringLiteral("op.invalid_payload"),
                         QStringLiteral("The parcel has an unknown status \"%1\".")
                             .arg(p.value(QStringLiteral("status")).toString())};
    if (p.value(QStringLiteral("waybill")).toString().isEmpty())
        return Rejection{QStringLiteral("op.invalid_payload"),
                         QStringLiteral("The parcel has no waybill number.")};
    return std::nullopt;
}

std::optional<Rejection> validate(const sync::WireOp& op) {
    const auto prefixes = kindPrefixes().constFind(op.entity);
    if (prefixes == kindPrefixes().constEnd())
        return Rejection{QStringLiteral("op.unknown_entity"),
                         QStringLiteral("The county does not know the entity \"%1\".").arg(op.entity)};
    const bool kindFits = std::any_of(prefixes->cbegin(), prefixes->cend(),
                                      [&](const QString& prefix) { return op.kind.startsWith(prefix); });
    if (!kindFits || op.kind.size() <= 1)
        return Rejection{
            QStringLiteral("op.unknown_kind"),
            QStringLiteral("The kind \"%1\" does not belong to the entity \"%2\".").arg(op.kind, op.entity)};
    if (op.schemaVersion < kOldestPayloadSchema || op.schemaVersion > kNewestPayloadSchema)
        return Rejection{QStringLiteral("op.schema_version"),
                         QStringLiteral("Payload schema version %1 is not supported (supported: %2 to %3).")
                             .arg(op.schemaVersion)
                             .arg(kOldestPayloadSchema)
                             .arg(kNewestPayloadSchema)};
    if (op.entityId.isEmpty())
        return Rejection{QStringLiteral("op.invalid_payload"), QStringLiteral("The op names no entity id.")};
    if (op.entity == QLatin1String("parcel"))
        return validateParcel(op);
    return std::nullopt;
}

// Runs "head VALUES (…), (…) tail" for the rows, a chunk at a time: a push costs a few statements,
// not a few per op (each is a round trip to PostgreSQL).
Status insertRows(Tx& tx, const QString& head, const QString& tail, qsizetype columns, const QList<Row>& rows) {
    // Small enough that SQLite stays fast: Qt looks each parameter up by position in a list that
    // SQLite scans linearly, so a statement with n parameters costs O(n²) (seen in perf with 200 rows).
    constexpr qsizetype kRowsPerStatement = 32;
    const QString tuple = QStringLiteral("(") + QStringList(columns, QStringLiteral("?")).join(QLatin1Char(',')) +
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

Row opRow(const QString& stationId, const PreparedOp& prepared, const std::optional<Rejection>& rejection,
          qint64 now) {
    const QVariant noText(QMetaType::fromType<QString>());
    const sync::WireOp& op = *prepared.op;
    return {op.opId, stationId, op.seq, op.entity, op.entityId, op.kind, prepared.digest, prepared.payloadText,
            op.schemaVersion, op.createdAt, now, rejection ? QStringLiteral("rejected") : QStringLiteral("applied"),
            rejection ? QVariant(rejection->code) : noText, rejection ? QVariant(rejection->reason) : noText};
}

// Arrival notices and overdue reminders the station queued are sent by the county's SMS gateway.
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
    return Row{noticeId, stationId, op.entityId, kind, phone, p.value(QStringLiteral("pickup_code")).toString(),
               QStringLiteral("queued"), 0, now, now};
}

// What one push writes besides answering: the op rows, the newest parcel state per parcel (a
// batch often holds a parcel's receive and its pickup), and the notices.
struct Writes {
    QList<Row> ops;
    QHash<QString, const sync::WireOp*> newestParcelOp;
    QList<Row> notices;
    QSet<QString> noticeIds;
};

void collectApplied(Writes& w, const QString& stationId, const sync::WireOp& op, qint64 now) {
    if (op.entity != QLatin1String("parcel"))
        return;
    const sync::WireOp*& newest = w.newestParcelOp[op.entityId];
    if (!newest || newest->createdAt <= op.createdAt)
        newest = &op;
    if (auto notice = noticeRow(stationId, op, now); notice && !w.noticeIds.contains(notice->at(0).toString())) {
        w.noticeIds.insert(notice->at(0).toString());
        w.notices.append(*notice);
    }
}

Status write(Tx& tx, const QString& stationId, const Writes& w) {
    if (auto st = insertRows(tx,
                             QStringLiteral("INSERT INTO ops(op_id, station_id, seq, entity, entity_id, kind, digest,"
                                            " payload, schema_version, created_at, received_at, outcome,"
                                            " reason_code, reason)"),
                             {}, 14, w.ops);
        !st)
        return st;
    // The parcels projection keeps the newest state by the op's creation time: an older op arriving
    // late (another batch, a USB import) does not roll the status back.
    QList<Row> parcels;
    parcels.reserve(w.newestParcelOp.size());
    for (const sync::WireOp* op : w.newestParcelOp) {
        const QJsonObject p = op->payload.value(QStringLiteral("parcel")).toObject();
        parcels.append(Row{stationId, op->entityId, p.value(QStringLiteral("waybill")).toString(),
                           p.value(QStringLiteral("status")).toString(), op->createdAt});
    }
    if (auto st = insertRows(tx, QStringLiteral("INSERT INTO parcels(station_id, parcel_id, waybill, status, updated_at)"),
                             QStringLiteral(" ON CONFLICT(station_id, parcel_id) DO UPDATE"
                                            " SET waybill = excluded.waybill, status = excluded.status,"
                                            " updated_at = excluded.updated_at"
                                            " WHERE parcels.updated_at <= excluded.updated_at"),
                             5, parcels);
        !st)
        return st;
    return insertRows(tx,
                      QStringLiteral("INSERT INTO notices(id, station_id, parcel_id, kind, phone, pickup_code,"
                                     " state, attempts, created_at, updated_at)"),
                      QStringLiteral(" ON CONFLICT(id) DO NOTHING"), 10, w.notices);
}

// The answer for an op id seen before: columns station_id, digest, outcome, reason_code, reason.
sync::OpResult answerKnown(const Row& stored, const QString& stationId, const sync::WireOp& op,
                           const QString& digest) {
    if (stored.at(0).toString() != stationId || stored.at(1).toString() != digest)
        return {op.opId, sync::Outcome::Conflict, QStringLiteral("op.conflict"),
                QStringLiteral("An op with this id and different content was already received; the stored op "
                               "was kept.")};
    if (stored.at(2).toString() == QLatin1String("rejected"))
        return {op.opId, sync::Outcome::Rejected, stored.at(3).toString(), stored.at(4).toString()};
    return {op.opId, sync::Outcome::AlreadyApplied, {}, {}};
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

Result<QList<sync::OpResult>> applyOps(Tx& tx, const QString& stationId, const QList<PreparedOp>& ops) {
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
        const std::optional<Rejection> rejection = validate(op);
        Row row = opRow(stationId, prepared, rejection, tx.now());
        // The same op twice in one request answers like a re-send.
        stored->insert(op.opId, Row{row.at(1), row.at(6), row.at(11), row.at(12), row.at(13)});
        writes.ops.append(std::move(row));
        if (rejection) {
            results.append({op.opId, sync::Outcome::Rejected, rejection->code, rejection->reason});
            continue;
        }
        collectApplied(writes, stationId, op, tx.now());
        results.append({op.opId, sync::Outcome::Applied, {}, {}});
    }
    if (auto st = write(tx, stationId, writes); !st)
        return fail(st.error());
    return results;
}

} // namespace cz::county
