#include "syncworker.h"

#include "qttransport.h"
#include "retention.h"

#include <QNetworkInformation>
#include <QTimer>

namespace cz::sync {

SyncWorker::SyncWorker(QString dbPath, TransportFactory transport, std::shared_ptr<Clock> clock)
    : m_dbPath(std::move(dbPath))
    , m_makeTransport(transport ? std::move(transport) : [] { return std::make_unique<QtTransport>(); })
    , m_clock(clock ? std::move(clock) : std::make_shared<SystemClock>()) {}

SyncWorker::~SyncWorker() = default;

void SyncWorker::start() {
    auto db = Database::open(m_dbPath);
    if (!db) {
        Q_EMIT failedToStart(db.error().message);
        return;
    }
    m_db = std::move(*db);
    m_transport = m_makeTransport();
    m_engine = std::make_unique<SyncEngine>(*m_db, *m_transport, *m_clock);
    m_backoff = std::make_unique<Backoff>(*m_clock);
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &SyncWorker::syncNow);
    if (QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
                [this](QNetworkInformation::Reachability r) {
                    if (r == QNetworkInformation::Reachability::Online)
                        networkChanged();
                });
    }
    schedule(0);
}

void SyncWorker::schedule(qint64 inMs) {
    if (!m_timer || m_needsEnrolment)
        return;
    // Never postpone an attempt that is already due sooner.
    const qint64 wait = std::clamp<qint64>(inMs, 0, Backoff::kCapMs);
    if (!m_timer->isActive() || m_timer->remainingTime() > wait)
        m_timer->start(static_cast<int>(wait));
}

void SyncWorker::syncSoon() {
    schedule(kSoonAfterChangeMs);
}

void SyncWorker::networkChanged() {
    if (!m_backoff)
        return;
    m_backoff->networkChanged();
    schedule(m_backoff->msUntilNext());
}

void SyncWorker::syncNow() {
    if (!m_engine)
        return;
    m_timer->stop();
    auto r = m_engine->runOnce([this](int done, int total) { Q_EMIT progress(done, total); });
    if (r) {
        m_backoff->succeeded();
        if (r->pulled > 0)
            Q_EMIT downstreamApplied();
    } else if (r.error().code == kErrUnauthorized || r.error().code == kErrNotEnrolled) {
        m_needsEnrolment = true;
        Q_EMIT enrolmentNeeded(r.error().code == kErrUnauthorized);
    } else {
        m_backoff->failed();
    }
    publishStatus();
    Q_EMIT syncFinished(r.has_value(), r ? QString() : r.error().message);
    if (r)
        prune();
    schedule(m_backoff->msUntilNext());
}

void SyncWorker::prune() {
    // On this thread's own connection, in short batches with pauses (retention.h), so the counter
    // never waits long; a few batches per sync, which runs every minute, keep up with any station.
    PruneOptions options;
    options.maxBatches = kPruneBatchesPerSync;
    auto ops = pruneOutbox(*m_db, *m_clock, options);
    auto notices =
        ops ? pruneNotifications(*m_db, *m_clock, options) : Result<PruneReport>(fail(ops.error()));
    if (!notices)
        qWarning("sync: pruning old sync records failed: %s", qPrintable(notices.error().message));
}

void SyncWorker::enroll(const QString& serverUrl, const QString& code, const QByteArray& caCertPem) {
    if (!m_engine) {
        Q_EMIT enrollFailed(tr("Sync could not start: the station database is not open."));
        return;
    }
    auto r = m_engine->enroll(serverUrl, code, caCertPem);
    if (!r) {
        Q_EMIT enrollFailed(r.error().message);
        return;
    }
    m_needsEnrolment = false;
    m_backoff->succeeded();
    Q_EMIT enrolled(r->stationId, r->name);
    publishStatus();
    schedule(0);
}

void SyncWorker::publishStatus() {
    auto s = m_engine->store().status();
    if (s)
        Q_EMIT statusChanged(*s);
}

} // namespace cz::sync
