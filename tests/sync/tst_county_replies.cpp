// The station client against a county that misbehaves: pull replies whose cursor creeps, goes back
// or promises more with nothing in it once kept `sync --once` running forever; and the county's
// high-water mark, which makes a station send again what a restored county lost (and not forever
// when the county keeps losing it).
#include "syncfixture.h"

#include <QTest>

using namespace czt;
using namespace cz;

namespace {

// A change for the station to store (a county setting).
Change setting(qint64 seq) {
    return {
        seq, QStringLiteral("setting"), QStringLiteral("free_days"), {{QStringLiteral("value"), 3}}, false};
}

int pulls(const FakeCounty& county) {
    return static_cast<int>(county.paths.count(pullPath(county.stationId)));
}

// Stops a script after this many pulls, so the old client (which looped) ends and the test fails
// instead of hanging.
constexpr int kGiveUpAfter = 5000;

} // namespace

class TstCountyReplies : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void creepingCursorIsBoundedPerRun() {
        SyncFixture f;
        f.county.pullScript = [&](const PullRequest& r) {
            const bool more = pulls(f.county) < kGiveUpAfter;
            return PullResponse{f.county.epoch, r.after + 1, more, false, {setting(r.after + 1)}};
        };
        auto report = f.engine.runOnce();
        QVERIFY2(report, report ? "" : qPrintable(report.error().message));
        QCOMPARE(pulls(f.county), sync::SyncEngine::kMaxPullPages);
        // The next run goes on from the stored cursor.
        QVERIFY(f.engine.runOnce().has_value());
        QCOMPARE(pulls(f.county), 2 * sync::SyncEngine::kMaxPullPages);
        QCOMPARE(f.engine.store().status()->cursor, qint64(2 * sync::SyncEngine::kMaxPullPages));
    }

    void cursorGoingBackIsABadResponse() {
        SyncFixture f;
        f.county.pullScript = [&](const PullRequest& r) {
            const bool more = pulls(f.county) < kGiveUpAfter;
            const qint64 next = r.after == 0 ? 50 : r.after - 1;
            return PullResponse{f.county.epoch, next, more, false, {setting(next)}};
        };
        auto report = f.engine.runOnce();
        QVERIFY(!report);
        QCOMPARE(report.error().code, sync::kErrBadResponse);
        QCOMPARE(pulls(f.county), 2);
    }

    void moreWithNothingInItIsABadResponse() {
        SyncFixture f;
        f.county.pullScript = [&](const PullRequest& r) {
            const bool more = pulls(f.county) < kGiveUpAfter;
            return PullResponse{f.county.epoch, r.after + 10, more, false, {}};
        };
        auto report = f.engine.runOnce();
        QVERIFY(!report);
        QCOMPARE(report.error().code, sync::kErrBadResponse);
        QCOMPARE(pulls(f.county), 1);
    }

    // The county lost the last ops (a restore without a new epoch): its high-water mark says so
    // and the station sends them again, whether it has something new to push or not.
    void opsBeyondTheHighWaterMarkAreSentAgain() {
        SyncFixture f;
        f.county.sendHighWater = true;
        for (int i = 0; i < 4; ++i)
            f.receive();
        QVERIFY(f.engine.runOnce().has_value());
        QVERIFY(f.converged());
        const QStringList ids = f.opIds();
        f.county.restoreBackup(f.county.epoch, 2); // same epoch: nobody ran `epoch renew`
        auto report = f.engine.runOnce();
        QVERIFY2(report, report ? "" : qPrintable(report.error().message));
        QCOMPARE(f.county.applied, ids);
        QCOMPARE(f.pending(), 0);
    }

    // A name the clerk could not have typed (too long, an escape sequence) is not stored; the
    // pre-alert is.
    void prealertNamesFollowTheStationsRule() {
        SyncFixture f;
        const auto publish = [&](const QString& waybill, const QString& name) {
            f.county.publish(QStringLiteral("prealert"), waybill,
                             {{QStringLiteral("carrier"), QStringLiteral("YTO")},
                              {QStringLiteral("phone"), QStringLiteral("13800138000")},
                              {QStringLiteral("name"), name},
                              {QStringLiteral("van_date"), QStringLiteral("2026-11-28")}});
        };
        publish(QStringLiteral("YT900000000001"), QStringLiteral("王\u001b[2J小明"));
        publish(QStringLiteral("YT900000000002"), QString(40, QChar(0x738B)));
        publish(QStringLiteral("YT900000000003"), QStringLiteral(" 王  小明 "));
        QVERIFY(f.engine.runOnce().has_value());
        QCOMPARE(f.station.rows(QStringLiteral("prealert")), 3);
        QCOMPARE(f.station.rows(QStringLiteral("prealert"), QStringLiteral("name IS NULL")), 2);
        QCOMPARE(f.station.rows(QStringLiteral("prealert"), QStringLiteral("name = '王 小明'")), 1);
    }

    // A county that never keeps anything is not fed the outbox again and again.
    void aCountyThatKeepsLosingOpsStopsTheRun() {
        SyncFixture f;
        f.receive();
        f.county.highWaterOverride = 0;
        auto report = f.engine.runOnce();
        QVERIFY(!report);
        QCOMPARE(report.error().code, QStringLiteral("sync.county_lost_ops"));
        QCOMPARE(static_cast<int>(f.county.paths.count(pushPath(f.county.stationId))), 2);
    }
};

QTEST_GUILESS_MAIN(TstCountyReplies)
#include "tst_county_replies.moc"
