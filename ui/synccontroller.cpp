#include "synccontroller.h"

#include "context.h"

#include <QThread>

namespace cz::ui {

SyncController::SyncController(StationContext& station, sync::SyncWorker::TransportFactory transport,
                               std::shared_ptr<Clock> clock, QObject* parent)
    : QObject(parent)
    , m_station(station)
    , m_thread(new QThread(this))
    , m_worker(new sync::SyncWorker(station.database().path(), std::move(transport), std::move(clock))) {
    m_thread->setObjectName(QStringLiteral("sync"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::started, m_worker, &sync::SyncWorker::start);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);

    connect(&m_station, &StationContext::changed, this, [this] {
        if (m_refreshing)
            return;
        updatePending();
        // Only local changes waiting to go out: the worker's own commits (acknowledgements, pulled
        // rows) are noticed as changes too, and must not start another round.
        if (m_status.pending > 0)
            QMetaObject::invokeMethod(m_worker, &sync::SyncWorker::syncSoon, Qt::QueuedConnection);
    });
    connect(m_worker, &sync::SyncWorker::downstreamApplied, this, [this] {
        m_refreshing = true;
        (void)m_station.refresh();
        m_refreshing = false;
    });
    connect(m_worker, &sync::SyncWorker::statusChanged, this, &SyncController::setStatus);
    connect(m_worker, &sync::SyncWorker::progress, this, &SyncController::progress);
    connect(m_worker, &sync::SyncWorker::syncFinished, this, [this](bool ok, const QString& message) {
        if (ok && m_revoked) {
            m_revoked = false;
            Q_EMIT statusChanged();
        }
        Q_EMIT syncFinished(ok, message);
    });
    connect(m_worker, &sync::SyncWorker::enrolmentNeeded, this, [this](bool revoked) {
        m_revoked = revoked;
        Q_EMIT statusChanged();
    });
    connect(m_worker, &sync::SyncWorker::enrolled, this, [this](const QString& id, const QString& name) {
        m_revoked = false;
        Q_EMIT enrolled(id, name);
    });
    connect(m_worker, &sync::SyncWorker::enrollFailed, this, &SyncController::enrollFailed);
    connect(m_worker, &sync::SyncWorker::failedToStart, this, [this](const QString& message) {
        m_status.lastError = message;
        Q_EMIT statusChanged();
    });

    // What the database says now, before the worker's first run reports.
    sync::SyncStore store(m_station.database(), m_station.clock());
    if (auto s = store.status())
        m_status = *s;
}

SyncController::~SyncController() {
    // A request in flight is abandoned (QtTransport watches for the interruption), so closing the
    // terminal never waits for a slow county; whatever was not acknowledged is simply sent again.
    m_thread->requestInterruption();
    m_thread->quit();
    m_thread->wait();
}

void SyncController::start() {
    m_thread->start();
}

void SyncController::syncNow() {
    QMetaObject::invokeMethod(m_worker, &sync::SyncWorker::syncNow, Qt::QueuedConnection);
}

void SyncController::enroll(const QString& serverUrl, const QString& code, const QByteArray& caCertPem) {
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, serverUrl, code, caCertPem] { worker->enroll(serverUrl, code, caCertPem); },
        Qt::QueuedConnection);
}

void SyncController::setStatus(const sync::SyncStatus& status) {
    m_status = status;
    Q_EMIT statusChanged();
}

void SyncController::updatePending() {
    // A local count on the terminal's own connection: the indicator follows each scan at once.
    sync::SyncStore store(m_station.database(), m_station.clock());
    if (auto n = store.pendingCount(); n && *n != m_status.pending) {
        m_status.pending = *n;
        Q_EMIT statusChanged();
    }
}

} // namespace cz::ui
