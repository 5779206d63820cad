// The terminal's SyncWorker on its own thread with its own database connection: syncs at start,
// after syncNow, reports progress and status through queued signals, backs off while offline and
// retries soon after a network change, stops retrying on a revoked token until enrolled again.
// Signals are awaited by count, not with QSignalSpy::wait(): one from the worker thread may come
// before wait() starts listening.
#include "sharedcounty.h"
#include "syncfixture.h"
#include "syncworker.h"

#include <QSignalSpy>
#include <QThread>

using namespace cz;
using namespace cz::sync;

class TestSyncWorker : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void syncsOnItsThread();
    void offlineThenNetworkBack();
    void revokedTokenWaitsForEnrolment();

private:
    struct Running {
        test::SharedCounty shared;
        test::Fixture station;
        QThread thread;
        SyncWorker* worker = nullptr;
        explicit Running(bool enrol = true) {
            if (enrol) {
                FakeTransport net([this](const HttpRequest& r) { return shared.handle(r); });
                SyncEngine engine(station.station->ctx->database(), net, *station.clock);
                if (!engine.enroll(QStringLiteral("https://county.test"), shared.county.code))
                    qFatal("enrolment failed");
            }
            worker = new SyncWorker(station.path(), [this] {
                return std::make_unique<FakeTransport>(
                    [this](const HttpRequest& r) { return shared.handle(r); });
            });
            worker->moveToThread(&thread);
            connect(&thread, &QThread::started, worker, &SyncWorker::start);
            connect(&thread, &QThread::finished, worker, &QObject::deleteLater);
        }
        ~Running() {
            thread.quit();
            thread.wait();
        }
    };
};

void TestSyncWorker::syncsOnItsThread() {
    Running r;
    r.station.receive(QStringLiteral("YT500000000001"), QStringLiteral("1234"));
    QSignalSpy status(r.worker, &SyncWorker::statusChanged);
    QSignalSpy progress(r.worker, &SyncWorker::progress);
    QSignalSpy finished(r.worker, &SyncWorker::syncFinished);
    r.thread.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(finished.first().at(0).toBool(), true);
    QCOMPARE(r.shared.applied(), 2);
    QCOMPARE(status.size(), 1);
    const auto s = status.first().at(0).value<SyncStatus>();
    QVERIFY(s.enrolled);
    QCOMPARE(s.pending, 0);
    QCOMPARE(progress.last().at(0).toInt(), 2);
    QCOMPARE(progress.last().at(1).toInt(), 2);
    // A local change, then syncNow from the UI thread.
    r.station.receive(QStringLiteral("YT500000000002"), QStringLiteral("1234"));
    QMetaObject::invokeMethod(r.worker, &SyncWorker::syncNow);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 10000);
    QCOMPARE(r.shared.applied(), 3);
    QCOMPARE(r.station.rows(QStringLiteral("outbox"), QStringLiteral("acked_at IS NULL")), 0);
}

void TestSyncWorker::offlineThenNetworkBack() {
    Running r;
    QSignalSpy finished(r.worker, &SyncWorker::syncFinished);
    QSignalSpy status(r.worker, &SyncWorker::statusChanged);
    {
        const std::lock_guard lock(r.shared.mutex);
        r.shared.county.forcedStatus = 503;
    }
    r.thread.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(finished.first().at(0).toBool(), false);
    QVERIFY(!status.last().at(0).value<SyncStatus>().lastError.isEmpty());
    {
        const std::lock_guard lock(r.shared.mutex);
        r.shared.county.forcedStatus = 0;
    }
    // The next attempt is seconds away; the network coming back brings it to about one second.
    QElapsedTimer t;
    t.start();
    QMetaObject::invokeMethod(r.worker, &SyncWorker::networkChanged);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 10000);
    QCOMPARE(finished.last().at(0).toBool(), true);
    QVERIFY(t.elapsed() < 5000);
    QCOMPARE(r.shared.applied(), 1);
    QVERIFY(status.last().at(0).value<SyncStatus>().lastError.isEmpty());
}

void TestSyncWorker::revokedTokenWaitsForEnrolment() {
    Running r;
    QSignalSpy finished(r.worker, &SyncWorker::syncFinished);
    QSignalSpy enrolled(r.worker, &SyncWorker::enrolled);
    QSignalSpy enrollFailed(r.worker, &SyncWorker::enrollFailed);
    {
        const std::lock_guard lock(r.shared.mutex);
        r.shared.county.revoked = true;
    }
    r.thread.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(finished.first().at(0).toBool(), false);
    // No retry on its own, even after a network change.
    QMetaObject::invokeMethod(r.worker, &SyncWorker::networkChanged);
    QTest::qWait(2500);
    QCOMPARE(finished.size(), 1);
    QMetaObject::invokeMethod(r.worker, "enroll", Q_ARG(QString, QStringLiteral("https://county.test")),
                              Q_ARG(QString, QStringLiteral("WRONG")), Q_ARG(QByteArray, QByteArray()));
    QTRY_COMPARE_WITH_TIMEOUT(enrollFailed.size(), 1, 10000);
    {
        const std::lock_guard lock(r.shared.mutex);
        r.shared.county.revoked = false;
        r.shared.county.token = QStringLiteral("fresh");
    }
    QMetaObject::invokeMethod(r.worker, "enroll", Q_ARG(QString, QStringLiteral("https://county.test")),
                              Q_ARG(QString, QStringLiteral("ENROL-123")), Q_ARG(QByteArray, QByteArray()));
    QTRY_COMPARE_WITH_TIMEOUT(enrolled.size(), 1, 10000);
    QCOMPARE(enrolled.first().at(0).toString(), QStringLiteral("county-station-7"));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 10000);
    QCOMPARE(finished.last().at(0).toBool(), true);
    QCOMPARE(r.shared.applied(), 1);
}

QTEST_GUILESS_MAIN(TestSyncWorker)
#include "tst_syncworker.moc"
