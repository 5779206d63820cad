// The terminal's side of sync: runs a SyncWorker on its own QThread, feeds it the station's changes,
// refreshes the station when the county's data arrived, and keeps the last SyncStatus for the widgets.
// Every call into the worker is queued: the UI thread never waits for the network.
#pragma once

#include "syncstore.h"
#include "syncworker.h"

#include <QObject>

class QThread;

namespace cz {
class StationContext;
}

namespace cz::ui {

class SyncController : public QObject {
    Q_OBJECT
public:
    // transport and clock as in SyncWorker (defaults: QtTransport, the system clock). The status is
    // read once from the station's database here (local, no network); start() starts the thread.
    explicit SyncController(StationContext& station, sync::SyncWorker::TransportFactory transport = {},
                            std::shared_ptr<Clock> clock = {}, QObject* parent = nullptr);
    // Stops the thread (quit + wait): a sync in progress finishes first.
    ~SyncController() override;

    void start();
    void syncNow();
    void enroll(const QString& serverUrl, const QString& code, const QByteArray& caCertPem);

    [[nodiscard]] const sync::SyncStatus& status() const { return m_status; }
    // The county refused the token: sync waits for a new enrolment.
    [[nodiscard]] bool revoked() const { return m_revoked; }
    [[nodiscard]] sync::SyncWorker* worker() const { return m_worker; }

Q_SIGNALS:
    void statusChanged(); // status() or revoked() changed
    void progress(int done, int total);
    void syncFinished(bool ok, const QString& message);
    void enrolled(const QString& stationId, const QString& name);
    void enrollFailed(const QString& message);

private:
    void setStatus(const sync::SyncStatus& status);
    void updatePending();

    StationContext& m_station;
    QThread* m_thread;
    sync::SyncWorker* m_worker;
    sync::SyncStatus m_status;
    bool m_revoked = false;
    bool m_refreshing = false; // the county's data is being read: not a local change to push
};

} // namespace cz::ui
