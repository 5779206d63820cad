// The one write path of shared/DESIGN.md: a write transaction that must append at least one
// outbox op before it may commit. Services never write domain tables any other way.
//
// The one documented exception is a downstream transaction (beginDownstream): it stores what came
// from the county (carrier rules, settings, pre-alerts, notice states pulled by sync) and sync's own
// bookkeeping (acknowledgements, sync_state). Those writes must not append outbox ops, or they would
// be echoed back to the county (and acknowledging an op would create a new one, forever). Only the
// sync client (sync/client/syncstore.cpp) begins them; a station-side change never does.
#pragma once

#include "chain.h"
#include "clock.h"
#include "database.h"
#include "result.h"

#include <QJsonObject>
#include <array>

namespace cz {

// Version of the outbox op payloads; bump when a payload's shape changes.
constexpr int kOpSchemaVersion = 1;

// Who acts until people log in: every event, cash entry and op records an actor, and this one stands
// for "someone at this station's counter".
constexpr const char* kStationActor = "station";

class WriteTx {
public:
    // actor: who makes the change (kStationActor when empty); recorded on every row that says who.
    [[nodiscard]] static Result<WriteTx> begin(Database& db, const Clock& clock, IdSource& ids,
                                               const QString& actor = {});
    // A transaction that commits without an outbox op and refuses to append one (see above).
    [[nodiscard]] static Result<WriteTx> beginDownstream(Database& db, const Clock& clock, IdSource& ids);
    // The second exception: the station's own security bookkeeping (staff, PIN hashes, failed PINs,
    // the audit log), which never goes to the county as ops. Commits without an op.
    [[nodiscard]] static Result<WriteTx> beginLocal(Database& db, const Clock& clock, IdSource& ids,
                                                    const QString& actor = {});
    WriteTx(WriteTx&& other) noexcept;
    WriteTx& operator=(WriteTx&&) = delete;
    WriteTx(const WriteTx&) = delete;
    ~WriteTx(); // rolls back unless committed

    [[nodiscard]] Result<QSqlQuery*> exec(const QString& sql, const QVariantList& args = {});
    [[nodiscard]] Result<QVariant> scalar(const QString& sql, const QVariantList& args = {});
    // A statement that returns no rows (Database::write: the cheaper path for inserts and updates).
    [[nodiscard]] Status write(const QString& sql, const QVariantList& args = {});
    // Appends an outbox op (UUIDv7 op id, local seq from the outbox's key). The payload is stored
    // compactly (outboxcodec.h) and the actor in its own column; sync sends it in the payload.
    [[nodiscard]] Status appendOp(const QString& entity, const QString& entityId, const QString& kind,
                                  const QJsonObject& payload);
    // The same with the payload already in its stored form (outboxcodec.h: encodeOpPayload, PayloadWriter).
    [[nodiscard]] Status appendEncodedOp(const QString& entity, const QString& entityId, const QString& kind,
                                         const QByteArray& payload);
    // Appends an event row for a parcel (its data stored like op payloads: decodeOpPayload reads it);
    // returns the event id.
    [[nodiscard]] Result<QString> appendParcelEvent(const QString& parcelId, const QString& kind,
                                                    const QJsonObject& data);
    // Appends a cash book entry (fen, negative for a reversal); returns its id. method: how it was
    // paid (cash, wechat, alipay, bank), empty where the counter does not record it (fees in cash).
    [[nodiscard]] Result<QString> appendCashEntry(const QString& kind, qint64 amountFen, const QString& ref,
                                                  const QString& note = {}, const QString& method = {});
    // Appends a row to the audit log (security-relevant actions: logins, failed PINs, denials,
    // reveals, setting changes, undo, corrections, exports), chained like the history.
    [[nodiscard]] Status appendAudit(const QString& action, const QString& subject = {},
                                     const QString& detail = {});
    // At commit, also appends an audit row: action, the first op's entity id and kind.
    void setAuditAction(const QString& action) { m_auditAction = action; }
    // Links a row another file inserted in this transaction (by its key) into its chain.
    [[nodiscard]] Status sealRow(Chain chain, const QString& key);
    // Fails, rolling back, if no outbox op was appended: a state change that sync would never see.
    [[nodiscard]] Status commit();

    [[nodiscard]] qint64 now() const { return m_now; }
    [[nodiscard]] QString newId() { return m_ids->newId(); }
    [[nodiscard]] Database& db() { return *m_db; }
    [[nodiscard]] const QString& actor() const { return m_actor; }

private:
    WriteTx(Database& db, IdSource& ids, qint64 now, bool downstream, QString actor);
    // The next link of a chain for a row with these values (chain.h): its seq and hash. The head
    // is read once per chain and transaction and written back at commit.
    struct Link {
        qint64 seq = 0;
        QByteArray hash;
    };
    [[nodiscard]] Result<Link> nextLink(Chain chain, const QVariantList& values);
    struct ChainState {
        bool loaded = false;
        bool dirty = false;
        Link head;
    };

    Database* m_db;
    IdSource* m_ids;
    qint64 m_now;
    QString m_actor;
    int m_ops = 0;
    bool m_active = true;
    bool m_downstream = false;
    bool m_local = false;
    QString m_auditAction;
    QString m_firstEntityId;
    QString m_firstKind;
    bool m_chained = false; // the database has the chains (hasChains)
    std::array<ChainState, kChainCount> m_chains;
};

} // namespace cz
