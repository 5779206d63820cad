#include "syncstore.h"

#include "outboxcodec.h"
#include "syncstate.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace cz::sync {

namespace {
struct StoreText {
    Q_DECLARE_TR_FUNCTIONS(Sync)
};

Status resetAcknowledgements(WriteTx& tx) {
    auto q = tx.exec(QStringLiteral("UPDATE outbox SET acked_at = NULL, result = NULL, reason_code = NULL,"
                                    " reason = NULL WHERE acked_at IS NOT NULL"));
    if (!q)
        return fail(q.error());
    return state::set(tx, state::kCursor, QStringLiteral("0"));
}

Error mismatch(const QString& what) {
    return {ErrorKind::Internal,
            QStringLiteral("sync.bad_response"),
            StoreText::tr("The county server's answer does not match what was sent (%1); nothing was "
                          "recorded.")
                .arg(what),
            {}};
}

Enrolment enrolmentFrom(const QHash<QString, QString>& v) {
    return {v.value(state::kServerUrl),
            v.value(state::kStationId),
            v.value(state::kToken),
            v.value(state::kEpoch),
            v.value(state::kCaCert).toUtf8(),
            v.value(state::kCursor).toLongLong(),
            QByteArray::fromBase64(v.value(state::kBatchKey).toLatin1())};
}

QJsonValue timeOrNull(qint64 ms) {
    return ms > 0 ? QJsonValue(ms) : QJsonValue();
}
} // namespace

SyncStore::SyncStore(Database& db, const Clock& clock)
    : m_db(db)
    , m_clock(clock)
    , m_ids(clock) {}

Result<WriteTx> SyncStore::begin() {
    return WriteTx::beginDownstream(m_db, m_clock, m_ids);
}

Result<QHash<QString, QString>> SyncStore::stateValues() {
    auto q = m_db.exec(QStringLiteral("SELECT key, value FROM sync_state"));
    if (!q)
        return fail(q.error());
    QHash<QString, QString> values;
    while ((*q)->next())
        values.insert((*q)->value(0).toString(), (*q)->value(1).toString());
    (*q)->finish();
    return values;
}

Result<Enrolment> SyncStore::enrolment() {
    auto values = stateValues();
    if (!values)
        return fail(values.error());
    return enrolmentFrom(*values);
}

Status SyncStore::saveEnrolment(const QString& serverUrl, const QByteArray& caCertPem,
                                const EnrollResponse& response, const QByteArray& batchKey) {
    auto old = enrolment();
    if (!old)
        return fail(old.error());
    auto tx = begin();
    if (!tx)
        return fail(tx.error());
    // A new county (or a restored one) has not seen what the old one acknowledged.
    if (old->epoch != response.epoch || old->stationId != response.stationId) {
        if (auto st = resetAcknowledgements(*tx); !st)
            return st;
    }
    for (const auto& [key, value] :
         {std::pair{state::kServerUrl, serverUrl}, std::pair{state::kStationId, response.stationId},
          std::pair{state::kToken, response.token}, std::pair{state::kEpoch, response.epoch},
          std::pair{state::kCaCert, QString::fromUtf8(caCertPem)}, std::pair{state::kLastError, QString()},
          std::pair{state::kBatchKey, QString::fromLatin1(batchKey.toBase64())}}) {
        if (auto st = state::set(*tx, key, value); !st)
            return st;
    }
    return tx->commit();
}

Result<QList<WireOp>> SyncStore::pending(int limit) {
    return pendingBetween(0, std::numeric_limits<qint64>::max(), limit);
}

Result<std::pair<qint64, int>> SyncStore::pendingSnapshot() {
    auto q = m_db.exec(
        QStringLiteral("SELECT COALESCE(MAX(seq), 0), (SELECT COUNT(*) FROM outbox WHERE acked_at IS"
                       " NULL) FROM outbox"));
    if (!q)
        return fail(q.error());
    std::pair<qint64, int> out{0, 0};
    if ((*q)->next())
        out = {(*q)->value(0).toLongLong(), (*q)->value(1).toInt()};
    (*q)->finish();
    return out;
}

Result<QList<WireOp>> SyncStore::pendingBetween(qint64 afterSeq, qint64 upToSeq, int limit) {
    auto q = m_db.exec(QStringLiteral("SELECT seq, op_id, entity, entity_id, kind, payload, schema_version,"
                                      " created_at, actor FROM outbox WHERE acked_at IS NULL AND seq > ? AND"
                                      " seq <= ? ORDER BY seq LIMIT ?"),
                       {afterSeq, upToSeq, limit});
    if (!q)
        return fail(q.error());
    QList<WireOp> ops;
    while ((*q)->next()) {
        const QSqlQuery& r = **q;
        ops.append({r.value(1).toString(), r.value(0).toLongLong(), r.value(2).toString(),
                    r.value(3).toString(), r.value(4).toString(), opPayloadForWire(r.value(5), r.value(8)),
                    r.value(6).toInt(), r.value(7).toLongLong()});
    }
    (*q)->finish();
    return ops;
}

Result<int> SyncStore::pendingCount() {
    auto v = m_db.scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE acked_at IS NULL"));
    if (!v)
        return fail(v.error());
    return v->toInt();
}

Status SyncStore::recordPush(const QList<WireOp>& sent, const PushResponse& response) {
    if (response.results.size() != sent.size())
        return fail(mismatch(
            StoreText::tr("%1 answers for %2 changes").arg(response.results.size()).arg(sent.size())));
    for (qsizetype i = 0; i < sent.size(); ++i) {
        if (response.results.at(i).opId != sent.at(i).opId)
            return fail(mismatch(StoreText::tr("answer %1 is for another change").arg(i + 1)));
    }
    auto tx = begin();
    if (!tx)
        return fail(tx.error());
    for (const OpResult& r : response.results) {
        // Held is acknowledged like applied (the county applies it once upgraded); its reason is
        // kept for support, but only refused ops are shown to the clerk (status()).
        const bool why =
            r.outcome == Outcome::Rejected || r.outcome == Outcome::Conflict || r.outcome == Outcome::Held;
        auto q =
            tx->exec(QStringLiteral("UPDATE outbox SET acked_at = ?, result = ?, reason_code = ?, reason = ?"
                                    " WHERE op_id = ? AND acked_at IS NULL"),
                     {tx->now(), toString(r.outcome), why ? QVariant(r.reasonCode) : QVariant(),
                      why ? QVariant(r.reason) : QVariant(), r.opId});
        if (!q)
            return fail(q.error());
    }
    return tx->commit();
}

Result<bool> SyncStore::adoptEpoch(const QString& epoch) {
    auto current = m_db.scalar(QStringLiteral("SELECT value FROM sync_state WHERE key = ?"), {state::kEpoch});
    if (!current)
        return fail(current.error());
    const QString stored = current->toString();
    if (stored == epoch)
        return false;
    auto tx = begin();
    if (!tx)
        return fail(tx.error());
    const bool restored = !stored.isEmpty();
    if (restored) {
        qInfo("sync: the county's epoch changed (%s -> %s): re-sending every change, pulling from the start",
              qPrintable(stored), qPrintable(epoch));
        if (auto st = resetAcknowledgements(*tx); !st)
            return fail(st.error());
    }
    if (auto st = state::set(*tx, state::kEpoch, epoch); !st)
        return fail(st.error());
    if (auto st = tx->commit(); !st)
        return fail(st.error());
    return restored;
}

Result<int> SyncStore::reconcileHighWater(qint64 highWater) {
    if (highWater < 0)
        return 0; // a county that does not say
    auto lost =
        m_db.scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE acked_at IS NOT NULL AND seq > ?"
                                   " AND COALESCE(result, '') <> 'conflict'"),
                    {highWater});
    if (!lost)
        return fail(lost.error());
    if (lost->toInt() == 0)
        return 0;
    auto tx = begin();
    if (!tx)
        return fail(tx.error());
    auto q = tx->exec(QStringLiteral("UPDATE outbox SET acked_at = NULL, result = NULL, reason_code = NULL,"
                                     " reason = NULL WHERE acked_at IS NOT NULL AND seq > ?"
                                     " AND COALESCE(result, '') <> 'conflict'"),
                      {highWater});
    if (!q)
        return fail(q.error());
    if (auto st = tx->commit(); !st)
        return fail(st.error());
    qInfo("sync: the county holds this station's changes up to %lld only: sending %d acknowledged changes "
          "again",
          static_cast<long long>(highWater), lost->toInt());
    return lost->toInt();
}

Status SyncStore::recordAttempt() {
    auto tx = begin();
    if (!tx)
        return fail(tx.error());
    if (auto st = state::set(*tx, state::kLastAttemptAt, QString::number(tx->now())); !st)
        return st;
    return tx->commit();
}

Status SyncStore::recordOutcome(const QString& error) {
    auto tx = begin();
    if (!tx)
        return fail(tx.error());
    if (auto st = state::set(*tx, state::kLastError, error); !st)
        return st;
    if (error.isEmpty()) {
        if (auto st = state::set(*tx, state::kLastSuccessAt, QString::number(tx->now())); !st)
            return st;
    }
    return tx->commit();
}

Result<SyncStatus> SyncStore::status() {
    auto values = stateValues();
    if (!values)
        return fail(values.error());
    auto count = pendingCount();
    if (!count)
        return fail(count.error());
    const QHash<QString, QString>& v = *values;
    const Enrolment e = enrolmentFrom(v);
    SyncStatus s{e.enrolled(),
                 e.serverUrl,
                 e.stationId,
                 *count,
                 {},
                 v.value(state::kLastSuccessAt).toLongLong(),
                 v.value(state::kLastAttemptAt).toLongLong(),
                 v.value(state::kLastError),
                 e.cursor,
                 e.epoch};
    auto r = m_db.exec(QStringLiteral("SELECT op_id, kind, entity_id, result, reason_code, reason FROM outbox"
                                      " WHERE result IN ('rejected', 'conflict') ORDER BY seq"));
    if (!r)
        return fail(r.error());
    while ((*r)->next())
        s.rejected.append({(*r)->value(0).toString(), (*r)->value(1).toString(), (*r)->value(2).toString(),
                           (*r)->value(3).toString(), (*r)->value(4).toString(), (*r)->value(5).toString()});
    (*r)->finish();
    return s;
}

QJsonObject SyncStatus::toJson() const {
    QJsonArray refused;
    for (const RejectedOp& op : rejected)
        refused.append(QJsonObject{{QStringLiteral("op_id"), op.opId},
                                   {QStringLiteral("kind"), op.kind},
                                   {QStringLiteral("entity_id"), op.entityId},
                                   {QStringLiteral("result"), op.result},
                                   {QStringLiteral("reason_code"), op.reasonCode},
                                   {QStringLiteral("reason"), op.reason}});
    return {{QStringLiteral("enrolled"), enrolled},
            {QStringLiteral("server"), serverUrl},
            {QStringLiteral("station_id"), stationId},
            {QStringLiteral("pending"), pending},
            {QStringLiteral("rejected"), refused},
            {QStringLiteral("last_success_at"), timeOrNull(lastSuccessAt)},
            {QStringLiteral("last_attempt_at"), timeOrNull(lastAttemptAt)},
            {QStringLiteral("last_error"), lastError},
            {QStringLiteral("cursor"), cursor},
            {QStringLiteral("epoch"), epoch}};
}

} // namespace cz::sync
