// One sync run, headless: enrolment, then push every pending op in batches and pull until the
// county has nothing more. Used by the terminal's SyncWorker and by cunzhanctl alike.
//
// Crash-safe by construction: an op's result is recorded only together with its acknowledgement,
// and a pulled page only together with its cursor, so after a kill or a failed access at any point
// the next run re-sends exactly the unacknowledged ops (the county answers already_applied for
// those it has) and re-pulls from the stored cursor.
#pragma once

#include "syncstore.h"
#include "transport.h"

#include <functional>

namespace cz::sync {

// Error codes of a run besides the station's own (db.*) and the transport's (net.*).
inline const QString kErrUnauthorized = QStringLiteral("sync.unauthorized"); // token revoked: enrol again
inline const QString kErrNotEnrolled = QStringLiteral("sync.not_enrolled");
inline const QString kErrOtherCounty = QStringLiteral("sync.other_county");   // enrol --force to change
inline const QString kErrOtherStation = QStringLiteral("sync.other_station"); // enrol --force to change
inline const QString kErrServerUnavailable = QStringLiteral("sync.server_unavailable"); // 5xx, 429
inline const QString kErrRefused = QStringLiteral("sync.refused"); // other 4xx, with the server's message
inline const QString kErrBadResponse =
    QStringLiteral("sync.bad_response"); // undecodable or mismatched answer (retried)

struct SyncReport {
    int pushed = 0;   // ops acknowledged in this run
    int rejected = 0; // of which the county refused
    int pulled = 0;   // changes received
    bool epochChanged = false;
};

class SyncEngine {
public:
    static constexpr int kDefaultBatch = 500;
    // Pages a run pulls at most; a county with more left is asked again on the next run (from the
    // stored cursor), so a hostile or broken county cannot keep a run going forever.
    static constexpr int kMaxPullPages = 200;
    // Times a run sends again what the county lost (see SyncStore::reconcileHighWater).
    static constexpr int kMaxResends = 1;
    using Progress = std::function<void(int done, int total)>;

    SyncEngine(Database& db, Transport& transport, const Clock& clock);

    // POST /v1/enroll with the one-time code; stores server, station id, token and epoch.
    // The server URL is http(s)://host[:port]; caCertPem may be empty. A station enrolled with
    // another server, or given another station id by the county, is refused (Conflict,
    // kErrOtherCounty / kErrOtherStation; nothing stored) unless replaceOther: its pending ops and
    // history would go to the new one. Another server is refused before anything is sent.
    [[nodiscard]] Result<EnrollResponse> enroll(const QString& serverUrl, const QString& code,
                                                const QByteArray& caCertPem = {}, bool replaceOther = false);
    // Pushes all pending ops, then pulls until the county has no more. An error is Unavailable
    // (retry later), Conflict with kErrUnauthorized / kErrNotEnrolled (needs enrolment), or
    // Internal with the server's message. Records attempt, success and last error in sync_state.
    [[nodiscard]] Result<SyncReport> runOnce(const Progress& progress = {});

    void setBatchSize(int ops) { m_batch = ops; }
    [[nodiscard]] SyncStore& store() { return m_store; }

private:
    enum class Pass { Done, EpochChanged, Resend };
    [[nodiscard]] Result<Pass> pass(const Enrolment& e, SyncReport& report, const Progress& progress);
    [[nodiscard]] Result<Pass> push(const Enrolment& e, SyncReport& report, const Progress& progress);
    [[nodiscard]] Result<Pass> pull(const Enrolment& e, SyncReport& report);
    [[nodiscard]] Result<QByteArray> post(const QString& path, const QByteArray& body, const Enrolment& e,
                                          bool enrolling = false);

    [[nodiscard]] Result<bool> resendLost(qint64 highWater);

    SyncStore m_store;
    Transport& m_transport;
    Database& m_db; // for the proxy orders' refunds after a pull (orders.h)
    const Clock& m_clock;
    int m_resends = 0; // in the current run
    int m_batch = kDefaultBatch;
};

} // namespace cz::sync
