// The station's side of sync in its database: the enrolment and bookkeeping in sync_state, the
// outbox read as wire ops, push results recorded together with the acknowledgement, pulled pages
// stored together with the new cursor, and the epoch check. Every write here is a downstream
// transaction (station-core/writetx.h): none of it appends outbox ops.
#pragma once

#include "clock.h"
#include "database.h"
#include "protocol.h"
#include "writetx.h"

#include <QHash>
#include <QJsonObject>

namespace cz::sync {

// What enrolment stored, with the cursor: everything a sync run needs to address the county.
struct Enrolment {
    QString serverUrl;
    QString stationId; // the county's id for this station
    QString token;
    QString epoch;
    QByteArray caCertPem;
    qint64 cursor = 0;
    QByteArray batchKey; // the private half of the batch-signing key (empty: enrolled before keys)
    [[nodiscard]] bool enrolled() const { return !serverUrl.isEmpty() && !token.isEmpty(); }
};

// An op the county refused (rejected or conflict), kept for the clerk.
struct RejectedOp {
    QString opId;
    QString kind;
    QString entityId;
    QString result; // "rejected" or "conflict"
    QString reasonCode;
    QString reason;
};

struct SyncStatus {
    bool enrolled = false;
    QString serverUrl;
    QString stationId;
    int pending = 0;
    QList<RejectedOp> rejected;
    qint64 lastSuccessAt = 0; // UTC ms, 0 = never
    qint64 lastAttemptAt = 0;
    QString lastError; // empty after a successful run
    qint64 cursor = 0;
    QString epoch;
    // The sync-status --json shape (times as UTC ms, null when never).
    [[nodiscard]] QJsonObject toJson() const;
};

class SyncStore {
public:
    SyncStore(Database& db, const Clock& clock);

    [[nodiscard]] Result<Enrolment> enrolment();
    // Stores a (re-)enrolment; a different epoch than the stored one starts over (see adoptEpoch).
    // batchKey is the private half of the batch-signing key whose public half went with the request.
    [[nodiscard]] Status saveEnrolment(const QString& serverUrl, const QByteArray& caCertPem,
                                       const EnrollResponse& response, const QByteArray& batchKey = {});
    // Unacknowledged ops with a seq in (afterSeq, upToSeq], oldest first (export-batch's pages).
    [[nodiscard]] Result<QList<WireOp>> pendingBetween(qint64 afterSeq, qint64 upToSeq, int limit);
    // The highest seq of the outbox and how many ops up to it are unacknowledged.
    [[nodiscard]] Result<std::pair<qint64, int>> pendingSnapshot();

    // Unacknowledged ops, oldest first.
    [[nodiscard]] Result<QList<WireOp>> pending(int limit);
    [[nodiscard]] Result<int> pendingCount();
    // Records the server's answer for the ops sent and acknowledges them, in one transaction. A
    // rejected or conflicting op is acknowledged too, with its reason: it never blocks later ops.
    // An answer that does not match the ops sent changes nothing and is an error.
    [[nodiscard]] Status recordPush(const QList<WireOp>& sent, const PushResponse& response);
    // Stores a pulled page and its cursor in one transaction (downstream.cpp).
    [[nodiscard]] Status applyPull(const PullResponse& page);
    // Compares a reply's epoch with the stored one. Different (the county restored a backup): every
    // op becomes unacknowledged again and the cursor goes back to 0, in one transaction; returns
    // true. The first epoch seen is just stored.
    [[nodiscard]] Result<bool> adoptEpoch(const QString& epoch);
    // Compares the county's high-water mark for this station (PushResponse/PullResponse::highWater)
    // with the acknowledged ops: those with a higher seq were lost by the county (a database
    // restored without `epoch renew`) and become unacknowledged again, to be sent once more.
    // Conflicts are left alone (the county keeps another op under that id). Returns how many.
    [[nodiscard]] Result<int> reconcileHighWater(qint64 highWater);

    [[nodiscard]] Status recordAttempt();
    // An empty error records a success.
    [[nodiscard]] Status recordOutcome(const QString& error);

    [[nodiscard]] Result<SyncStatus> status();

private:
    [[nodiscard]] Result<WriteTx> begin();
    [[nodiscard]] Result<QHash<QString, QString>> stateValues();

    Database& m_db;
    const Clock& m_clock;
    UuidV7Source m_ids; // a downstream transaction makes no ids, but WriteTx wants a source
};

} // namespace cz::sync
