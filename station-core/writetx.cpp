#include "writetx.h"

#include "outboxcodec.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace cz {

namespace {
struct TxText {
    Q_DECLARE_TR_FUNCTIONS(Storage)
};
} // namespace

WriteTx::WriteTx(Database& db, IdSource& ids, qint64 now, bool downstream, QString actor)
    : m_db(&db)
    , m_ids(&ids)
    , m_now(now)
    , m_actor(actor.isEmpty() ? QString::fromLatin1(kStationActor) : std::move(actor))
    , m_downstream(downstream) {}

WriteTx::WriteTx(WriteTx&& other) noexcept
    : m_db(other.m_db)
    , m_ids(other.m_ids)
    , m_now(other.m_now)
    , m_actor(std::move(other.m_actor))
    , m_ops(other.m_ops)
    , m_active(other.m_active)
    , m_downstream(other.m_downstream) {
    other.m_active = false;
}

WriteTx::~WriteTx() {
    if (m_active)
        m_db->rollback();
}

Result<WriteTx> WriteTx::begin(Database& db, const Clock& clock, IdSource& ids, const QString& actor) {
    if (auto st = db.beginWrite(); !st)
        return fail(st.error());
    return WriteTx(db, ids, clock.nowMs(), false, actor);
}

Result<WriteTx> WriteTx::beginDownstream(Database& db, const Clock& clock, IdSource& ids) {
    if (auto st = db.beginWrite(); !st)
        return fail(st.error());
    return WriteTx(db, ids, clock.nowMs(), true, {});
}

Result<QSqlQuery*> WriteTx::exec(const QString& sql, const QVariantList& args) {
    return m_db->exec(sql, args);
}

Result<QVariant> WriteTx::scalar(const QString& sql, const QVariantList& args) {
    return m_db->scalar(sql, args);
}

Status WriteTx::write(const QString& sql, const QVariantList& args) {
    return m_db->write(sql, args);
}

Status WriteTx::appendOp(const QString& entity, const QString& entityId, const QString& kind,
                         const QJsonObject& payload) {
    return appendEncodedOp(entity, entityId, kind, encodeOpPayload(payload));
}

Status WriteTx::appendEncodedOp(const QString& entity, const QString& entityId, const QString& kind,
                                const QByteArray& payload) {
    if (m_downstream)
        return fail(ErrorKind::Internal, QStringLiteral("tx.downstream_op"),
                    TxText::tr("Internal error: data from the county was about to be sent back to it; the "
                               "change was cancelled."));
    if (auto st = m_db->write(
            QStringLiteral("INSERT INTO outbox(op_id, entity, entity_id, kind, payload, schema_version,"
                           " created_at, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
            {newId(), entity, entityId, kind, payload, kOpSchemaVersion, m_now, m_actor});
        !st)
        return st;
    ++m_ops;
    return {};
}

Result<QString> WriteTx::appendParcelEvent(const QString& parcelId, const QString& kind,
                                           const QJsonObject& data) {
    const QString id = newId();
    if (auto st = m_db->write(
            QStringLiteral(
                "INSERT INTO parcel_event(id, parcel_id, kind, at, data, actor) VALUES (?, ?, ?, ?, ?, ?)"),
            {id, parcelId, kind, m_now, encodeOpPayload(data), m_actor});
        !st)
        return fail(st.error());
    return id;
}

Result<QString> WriteTx::appendCashEntry(const QString& kind, qint64 amountFen, const QString& ref,
                                         const QString& note, const QString& method) {
    const QString id = newId();
    if (auto st = m_db->write(
            QStringLiteral("INSERT INTO cash_entry(id, at, kind, amount_fen, ref, note, actor, method)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
            {id, m_now, kind, amountFen, ref.isEmpty() ? QVariant() : ref, note.isEmpty() ? QVariant() : note,
             m_actor, method.isEmpty() ? QVariant() : method});
        !st)
        return fail(st.error());
    return id;
}

Status WriteTx::commit() {
    if (m_ops == 0 && !m_downstream) {
        m_db->rollback();
        m_active = false;
        return fail(
            ErrorKind::Internal, QStringLiteral("tx.no_outbox_op"),
            TxText::tr("Internal error: a change was about to be saved without its sync record; it was "
                       "cancelled."));
    }
    m_active = false;
    return m_db->commit();
}

} // namespace cz
