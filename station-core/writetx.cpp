#include "writetx.h"

#include "outboxcodec.h"
#include "sqltext.h"

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
    , m_downstream(downstream)
    , m_chained(hasChains(db)) {}

WriteTx::WriteTx(WriteTx&& other) noexcept
    : m_db(other.m_db)
    , m_ids(other.m_ids)
    , m_now(other.m_now)
    , m_actor(std::move(other.m_actor))
    , m_ops(other.m_ops)
    , m_active(other.m_active)
    , m_downstream(other.m_downstream)
    , m_local(other.m_local)
    , m_auditAction(std::move(other.m_auditAction))
    , m_firstEntityId(std::move(other.m_firstEntityId))
    , m_firstKind(std::move(other.m_firstKind))
    , m_chained(other.m_chained)
    , m_chains(std::move(other.m_chains)) {
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

Result<WriteTx> WriteTx::beginLocal(Database& db, const Clock& clock, IdSource& ids, const QString& actor) {
    if (auto st = db.beginWrite(); !st)
        return fail(st.error());
    WriteTx tx(db, ids, clock.nowMs(), false, actor);
    tx.m_local = true;
    return tx;
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
    if (m_ops == 0) {
        m_firstEntityId = entityId;
        m_firstKind = kind;
    }
    ++m_ops;
    return {};
}

Result<QString> WriteTx::appendParcelEvent(const QString& parcelId, const QString& kind,
                                           const QJsonObject& data) {
    const QString id = newId();
    const QByteArray encoded = encodeOpPayload(data);
    if (!m_chained) {
        if (auto st =
                m_db->write(QStringLiteral("INSERT INTO parcel_event(id, parcel_id, kind, at, data, actor)"
                                           " VALUES (?, ?, ?, ?, ?, ?)"),
                            {id, parcelId, kind, m_now, encoded, m_actor});
            !st)
            return fail(st.error());
        return id;
    }
    // chain.cpp: id, parcel_id, at, kind, data, actor
    auto link = nextLink(Chain::ParcelEvents, {id, parcelId, m_now, kind, encoded, m_actor});
    if (!link)
        return fail(link.error());
    if (auto st = m_db->write(
            QStringLiteral("INSERT INTO parcel_event(id, parcel_id, kind, at, data, actor, chain_seq, hash)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
            {id, parcelId, kind, m_now, encoded, m_actor, link->seq, link->hash});
        !st)
        return fail(st.error());
    return id;
}

Result<QString> WriteTx::appendCashEntry(const QString& kind, qint64 amountFen, const QString& ref,
                                         const QString& note, const QString& method) {
    const QString id = newId();
    // chain.cpp: id, at, kind, amount_fen, ref, note, actor, method
    QVariantList values{id,
                        m_now,
                        kind,
                        amountFen,
                        ref.isEmpty() ? QVariant() : ref,
                        note.isEmpty() ? QVariant() : note,
                        m_actor,
                        method.isEmpty() ? QVariant() : method};
    QString sql = QStringLiteral("INSERT INTO cash_entry(id, at, kind, amount_fen, ref, note, actor, method");
    if (m_chained) {
        auto link = nextLink(Chain::CashBook, values);
        if (!link)
            return fail(link.error());
        values << link->seq << link->hash;
        sql += QStringLiteral(", chain_seq, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    } else {
        sql += QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    }
    if (auto st = m_db->write(sql, values); !st)
        return fail(st.error());
    return id;
}

Result<WriteTx::Link> WriteTx::nextLink(Chain chain, const QVariantList& values) {
    ChainState& state = m_chains[size_t(chain)];
    if (!state.loaded) {
        auto q = m_db->exec(QStringLiteral("SELECT seq, hash FROM chain_head WHERE chain = ?"),
                            {QString::fromLatin1(chainDef(chain).name)});
        if (!q)
            return fail(q.error());
        if (!(*q)->next())
            return fail(ErrorKind::Internal, QStringLiteral("chain.head_missing"),
                        TxText::tr("Internal error: the history's chain record is missing; the change was "
                                   "cancelled. Run cunzhanctl audit verify."));
        state.head = {(*q)->value(0).toLongLong(), (*q)->value(1).toByteArray()};
        (*q)->finish();
        state.loaded = true;
    }
    const qint64 seq = state.head.seq + 1;
    state.head = {seq, chainHash(state.head.hash, chain, seq, values)};
    state.dirty = true;
    return state.head;
}

Status WriteTx::appendAudit(const QString& action, const QString& subject, const QString& detail) {
    if (!m_chained)
        return {}; // a database at an older schema (tests build them) has no audit log
    auto seq = m_db->scalar(QStringLiteral("SELECT coalesce(max(seq), 0) + 1 FROM audit_log"));
    if (!seq)
        return fail(seq.error());
    const qint64 rowSeq = seq->toLongLong();
    const QString subjectText = textOrEmpty(subject);
    const QString detailText = textOrEmpty(detail);
    // chain.cpp: seq, at, actor, action, subject, detail
    auto link = nextLink(Chain::Audit, {rowSeq, m_now, m_actor, action, subjectText, detailText});
    if (!link)
        return fail(link.error());
    return m_db->write(
        QStringLiteral("INSERT INTO audit_log(seq, at, actor, action, subject, detail, chain_seq,"
                       " hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        {rowSeq, m_now, m_actor, action, subjectText, detailText, link->seq, link->hash});
}

Status WriteTx::sealRow(Chain chain, const QString& key) {
    if (!m_chained)
        return {};
    const ChainDef& def = chainDef(chain);
    const QString columns = QString::fromLatin1(def.columns);
    auto q = m_db->exec(QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ?")
                            .arg(columns, QString::fromLatin1(def.table), QString::fromLatin1(def.key)),
                        {key});
    if (!q)
        return fail(q.error());
    if (!(*q)->next())
        return fail(ErrorKind::Internal, QStringLiteral("chain.row_missing"),
                    TxText::tr("Internal error: a row to record in the history is missing."));
    QVariantList values;
    const int n = int(columns.count(QLatin1Char(','))) + 1;
    for (int i = 0; i < n; ++i)
        values.append((*q)->value(i));
    (*q)->finish();
    auto link = nextLink(chain, values);
    if (!link)
        return fail(link.error());
    return m_db->write(QStringLiteral("UPDATE %1 SET chain_seq = ?, hash = ? WHERE %2 = ?")
                           .arg(QString::fromLatin1(def.table), QString::fromLatin1(def.key)),
                       {link->seq, link->hash, key});
}

Status WriteTx::commit() {
    if (!m_auditAction.isEmpty()) {
        if (auto st = appendAudit(m_auditAction, m_firstEntityId, m_firstKind); !st) {
            m_db->rollback();
            m_active = false;
            return st;
        }
        m_auditAction.clear();
    }
    for (size_t c = 0; c < m_chains.size(); ++c) {
        if (!m_chains[c].dirty)
            continue;
        if (auto st = m_db->write(
                QStringLiteral("UPDATE chain_head SET seq = ?, hash = ? WHERE chain = ?"),
                {m_chains[c].head.seq, m_chains[c].head.hash, QString::fromLatin1(chainDef(Chain(c)).name)});
            !st) {
            m_db->rollback();
            m_active = false;
            return st;
        }
        m_chains[c].dirty = false;
    }
    if (m_ops == 0 && !m_downstream && !m_local) {
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
