// The terminal's sync loop, off the UI thread. Move a SyncWorker to its own QThread and call
// start() there (connect QThread::started): it opens its own connection to the station database
// (WAL lets the terminal keep writing meanwhile) and its own transport, syncs on a timer driven
// by Backoff, retries early when Qt reports the network back (QNetworkInformation, when a backend
// exists), and reports through queued signals. The UI thread never touches the network.
//
//   auto* thread = new QThread(this);
//   auto* worker = new cz::sync::SyncWorker(station.database().path());
//   worker->moveToThread(thread);
//   connect(thread, &QThread::started, worker, &SyncWorker::start);
//   connect(thread, &QThread::finished, worker, &QObject::deleteLater);
//   connect(worker, &SyncWorker::downstreamApplied, &station, [&] { (void)station.refresh(); });
//   connect(&context, &StationContext::changed, worker, &SyncWorker::syncSoon);
//   thread->start();
#pragma once

#include "backoff.h"
#include "syncengine.h"

#include <QObject>
#include <memory>

class QTimer;

namespace cz::sync {

class SyncWorker : public QObject {
    Q_OBJECT
public:
    using TransportFactory = std::function<std::unique_ptr<Transport>()>;
    // transport defaults to a QtTransport, clock to the system clock; both are made in start().
    explicit SyncWorker(QString dbPath, TransportFactory transport = {}, std::shared_ptr<Clock> clock = {});
    ~SyncWorker() override;

    // A local change waits this long, so a burst of scans goes out as one push.
    static constexpr int kSoonAfterChangeMs = 3000;
    // Batches of old sync records pruned after each successful sync (retention.h).
    static constexpr int kPruneBatchesPerSync = 20;

public Q_SLOTS:
    void start();
    void syncNow();
    void syncSoon(); // after a local change
    void networkChanged();
    void enroll(const QString& serverUrl, const QString& code, const QByteArray& caCertPem);

Q_SIGNALS:
    void statusChanged(const cz::sync::SyncStatus& status);
    void progress(int done, int total);
    void syncFinished(bool ok, const QString& message);
    void downstreamApplied(); // the county's data changed: call StationContext::refresh()
    void enrolled(const QString& stationId, const QString& name);
    void enrollFailed(const QString& message);
    void failedToStart(const QString& message);
    // Sync stopped until enroll(): never enrolled, or (revoked) the county no longer takes the token.
    void enrolmentNeeded(bool revoked);

private:
    void schedule(qint64 inMs);
    void publishStatus();
    void prune();

    QString m_dbPath;
    TransportFactory m_makeTransport;
    std::shared_ptr<Clock> m_clock;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Transport> m_transport;
    std::unique_ptr<SyncEngine> m_engine;
    std::unique_ptr<Backoff> m_backoff;
    QTimer* m_timer = nullptr;
    bool m_needsEnrolment = false; // token revoked or never enrolled: no retries until enroll()
};

} // namespace cz::sync

Q_DECLARE_METATYPE(cz::sync::SyncStatus)
