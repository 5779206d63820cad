#include "ops.h"

#include <QHash>
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

Status insertOp(Tx& tx, const QString& stationId, const sync::WireOp& op, const QString& digest,
                const std::optional<Rejection>& rejection) {
    const QVariant noText(QMetaType::fromType<QString>());
    auto r = tx.exec(
        QStringLiteral("INSERT INTO ops(op_id, station_id, seq, entity, entity_id, kind, digest, payload,"
                       " schema_version, created_at, received_at, outcome, reason_code, reason)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {op.opId, stationId, op.seq, op.entity, op.entityId, op.kind, digest,
         QString::fromUtf8(QJsonDocument(op.payload).toJson(QJsonDocument::Compact)), op.schemaVersion,
         op.createdAt, tx.now(), rejection ? QStringLiteral("rejected") : QStringLiteral("applied"),
         rejection ? QVariant(rejection->code) : noText, rejection ? QVariant(rejection->reason) : noText});
    if (!r)
        return fail(r.error());
    return {};
}

// The parcels projection keeps the newest state by the op's creation time: an older op arriving
// late (another batch, a USB import) does not roll the status back.
Status projectParcel(Tx& tx, const QString& stationId, const sync::WireOp& op) {
    const QJsonObject p = op.payload.value(QStringLiteral("parcel")).toObject();
    auto r = tx.exec(
        QStringLiteral("INSERT INTO parcels(station_id, parcel_id, waybill, status, updated_at)"
                       " VALUES (?, ?, ?, ?, ?) ON CONFLICT(station_id, parcel_id) DO UPDATE"
                       " SET waybill = excluded.waybill, status = excluded.status,"
                       " updated_at = excluded.updated_at WHERE parcels.updated_at <= excluded.updated_at"),
        {stationId, op.entityId, p.value(QStringLiteral("waybill")).toString(),
         p.value(QStringLiteral("status")).toString(), op.createdAt});
    if (!r)
        return fail(r.error());
    return {};
}

// Arrival notices and overdue reminders the station queued are sent by the county's SMS gateway.
Status queueNotice(Tx& tx, const QString& stationId, const sync::WireOp& op) {
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
        return {};
    auto r = tx.exec(
        QStringLiteral("INSERT INTO notices(id, station_id, parcel_id, kind, phone, pickup_code, state,"
                       " attempts, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?)"
                       " ON CONFLICT(id) DO NOTHING"),
        {noticeId, stationId, op.entityId, kind, phone, p.value(QStringLiteral("pickup_code")).toString(),
         tx.now(), tx.now()});
    if (!r)
        return fail(r.error());
    return {};
}

Result<sync::OpResult> applyNew(Tx& tx, const QString& stationId, const sync::WireOp& op,
                                const QString& digest) {
    const std::optional<Rejection> rejection = validate(op);
    if (auto st = insertOp(tx, stationId, op, digest, rejection); !st)
        return fail(st.error());
    if (rejection)
        return sync::OpResult{op.opId, sync::Outcome::Rejected, rejection->code, rejection->reason};
    if (op.entity == QLatin1String("parcel")) {
        if (auto st = projectParcel(tx, stationId, op); !st)
            return fail(st.error());
        if (auto st = queueNotice(tx, stationId, op); !st)
            return fail(st.error());
    }
    return sync::OpResult{op.opId, sync::Outcome::Applied, {}, {}};
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

} // namespace

Result<QList<sync::OpResult>> applyOps(Tx& tx, const QString& stationId, const QList<sync::WireOp>& ops) {
    if (auto st = tx.lock(QStringLiteral("station:") + stationId); !st)
        return fail(st.error());
    QList<sync::OpResult> results;
    results.reserve(ops.size());
    for (const sync::WireOp& op : ops) {
        const QString digest = sync::opDigest(op);
        auto stored = tx.selectOne(
            QStringLiteral(
                "SELECT station_id, digest, outcome, reason_code, reason FROM ops WHERE op_id = ?"),
            {op.opId});
        if (!stored)
            return fail(stored.error());
        if (*stored) {
            results.append(answerKnown(**stored, stationId, op, digest));
            continue;
        }
        auto result = applyNew(tx, stationId, op, digest);
        if (!result)
            return fail(result.error());
        results.append(*result);
    }
    return results;
}

} // namespace cz::county
