// Both real ends in one process: a station (station-core + the sync client) and the county's real
// CountyService on SQLite or PostgreSQL (CUNZHAN_TEST_BACKEND), joined by the fake network. Checks
// that the two sides converge — every station op on the county exactly once, and everything the
// county publishes on the station — through failed database accesses on either side at every
// point of a sync, a renewed county epoch, USB batches, conflicts and rejected ops.
#include "../server/countyfixture.h"
#include "../unit/fixture.h"
#include "accounts.h"
#include "admin.h"
#include "exportbatch.h"
#include "faketransport.h"
#include "feed.h"
#include "ops.h"
#include "outboxcodec.h"
#include "sms.h"
#include "syncengine.h"

#include <QFile>
#include <QJsonDocument>
#include <QSet>

using namespace cz;
using namespace cz::test;

namespace {

struct Pair {
    CountyFixture county;
    Fixture station;
    sync::FakeTransport net{[this](const sync::HttpRequest& r) { return county.service->handle(r); }};
    sync::SyncEngine engine{station.station->ctx->database(), net, *station.clock};
    QString stationId;
    int waybills = 0;

    Pair() {
        auto code = county::addStation(*county.store, QStringLiteral("东村站"), QStringLiteral("城关镇"));
        if (!code)
            qFatal("addStation: %s", qPrintable(code.error().message));
        auto e = engine.enroll(QStringLiteral("http://county.test"), code->code);
        if (!e)
            qFatal("enrol: %s", qPrintable(e.error().message));
        stationId = e->stationId;
    }

    Parcel receive() {
        ++waybills;
        return station.receive(QStringLiteral("YT%1").arg(4300000000000LL + waybills),
                               QStringLiteral("139%1").arg(10000000 + waybills));
    }

    QSet<QString> stationOps() {
        QSet<QString> ids;
        auto q = station.station->ctx->database().exec(QStringLiteral("SELECT op_id FROM outbox"));
        while (q && (*q)->next())
            ids.insert((*q)->value(0).toString());
        return ids;
    }
    QSet<QString> countyOps() {
        QSet<QString> ids;
        for (const county::Row& r :
             county.rows(QStringLiteral("SELECT op_id FROM ops WHERE station_id = ?"), {stationId}))
            ids.insert(r.at(0).toString());
        return ids;
    }
    qint64 countyOpRows() { return county.count(QStringLiteral("ops")); }
    int pending() { return station.rows(QStringLiteral("outbox"), QStringLiteral("acked_at IS NULL")); }
    QString stationSetting(const QString& key) {
        auto v = station.station->ctx->database().scalar(
            QStringLiteral("SELECT value FROM setting WHERE key = ?"), {key});
        return v ? v->toString() : QString();
    }
    qint64 cursor() {
        auto v = station.station->ctx->database().scalar(
            QStringLiteral("SELECT value FROM sync_state WHERE key = 'cursor'"));
        return v ? v->toLongLong() : -1;
    }
    qint64 countyMaxSeq() {
        return county.rows(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM changes"))
            .first()
            .at(0)
            .toLongLong();
    }

    // Everything agrees: the county holds each station op once, the station has nothing pending,
    // its cursor is at the county's newest change, and the county's status of each parcel is the
    // station's.
    void verifyConverged() {
        QCOMPARE(pending(), 0);
        const QSet<QString> mine = stationOps();
        QCOMPARE(countyOps(), mine);
        QCOMPARE(countyOpRows(), qint64(mine.size()));
        QCOMPARE(cursor(), countyMaxSeq());
        auto q = station.station->ctx->database().exec(QStringLiteral("SELECT id, status FROM parcel"));
        QVERIFY(q.has_value());
        int parcels = 0;
        while ((*q)->next()) {
            ++parcels;
            const auto rows = county.rows(
                QStringLiteral("SELECT status FROM parcels WHERE station_id = ? AND parcel_id = ?"),
                {stationId, (*q)->value(0).toString()});
            QCOMPARE(rows.size(), 1);
            QCOMPARE(rows.first().at(0).toString(), (*q)->value(1).toString());
        }
        QCOMPARE(county.count(QStringLiteral("parcels"), QStringLiteral("station_id = ?"), {stationId}),
                 qint64(parcels));
    }

    // Work on both sides, so a sync has ops to push and changes to pull.
    void makeWork(int round) {
        const Parcel p = receive();
        receive();
        if (round % 2 == 0)
            QVERIFY(station.station->pickup.handOver({p.id}, QStringLiteral("本人")).has_value());
        QVERIFY(county::setSetting(*county.store, QStringLiteral("free_days"), QString::number(3 + round))
                    .has_value());
    }
};

QByteArray prealertCsv(const QString& stationId, const QString& waybill, const QString& phone) {
    return QStringLiteral("waybill,carrier,phone,name,station,van_date\n%1,YTO,%2,李四,%3,2026-11-28\n")
        .arg(waybill, phone, stationId)
        .toUtf8();
}

} // namespace

class TstSyncE2e : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { CZ_REQUIRE_BACKEND(); }

    void convergesBothWays() {
        Pair pair;
        const Parcel first = pair.receive();
        pair.receive();
        QVERIFY(pair.station.station->pickup.handOver({first.id}, QStringLiteral("本人")).has_value());
        // What the county publishes: settings, carrier rules and a pre-alert for this station.
        QVERIFY(county::setSetting(*pair.county.store, QStringLiteral("free_days"), QStringLiteral("6"))
                    .has_value());
        const QByteArray rules =
            R"({"carriers":[{"code":"YTO","name_zh":"圆通","name_en":"YTO Express","sort":3},
            {"code":"XDS","name_zh":"乡递送","name_en":"Village Express","sort":20}],
            "rules":[{"carrier":"YTO","pattern":"^YT\\d{12,13}$","priority":100},
                     {"carrier":"XDS","pattern":"^XDS\\d{10}$","priority":100}]})";
        QVERIFY(county::importRules(*pair.county.store, rules).has_value());
        QVERIFY(county::importPrealerts(*pair.county.store,
                                        prealertCsv(pair.stationId, QStringLiteral("YT4300000009999"),
                                                    QStringLiteral("13712345678")))
                    .has_value());

        auto report = pair.engine.runOnce();
        QVERIFY2(report, report ? "" : qPrintable(report.error().message));
        QCOMPARE(report->pushed, pair.station.rows(QStringLiteral("outbox")));
        QVERIFY(report->pulled >= 3);
        pair.verifyConverged();
        QVERIFY(pair.station.station->ctx->refresh().has_value());
        QCOMPARE(pair.station.station->ctx->settings().freeDays, 6);
        QCOMPARE(pair.station.station->ctx->carriers().detect(QStringLiteral("XDS0123456789")).value(0).code,
                 QStringLiteral("XDS"));
        // The pre-alert fills in the recipient at scan-in.
        auto received = pair.station.station->inbound.receive(
            {QStringLiteral("YT4300000009999"), {}, {}, {}, std::nullopt});
        QVERIFY2(received, received ? "" : qPrintable(received.error().message));
        QVERIFY(received->prealerted);
        QCOMPARE(received->parcel.phone, QStringLiteral("13712345678"));

        // Arrival notices travel up, the county's gateway sends them, and the status comes back.
        auto sms = county::sendPendingNotices(*pair.county.store);
        QVERIFY2(sms, sms ? "" : qPrintable(sms.error().message));
        QCOMPARE(sms->sent, 2); // the two parcels received before the first sync
        QVERIFY(pair.engine.runOnce().has_value());
        QCOMPARE(pair.station.rows(QStringLiteral("notification"), QStringLiteral("state = 'sent'")), 2);
        pair.verifyConverged();
    }

    void stationDatabaseFailsAtEveryAccess() {
        Pair pair;
        QVERIFY(pair.engine.runOnce().has_value());
        int accesses = 0;
        // Count the accesses of one sync with work on both sides.
        pair.makeWork(0);
        pair.station.station->ctx->database().setFaultInjector([&](int) {
            ++accesses;
            return false;
        });
        QVERIFY(pair.engine.runOnce().has_value());
        pair.station.station->ctx->database().setFaultInjector({});
        QVERIFY(accesses > 10);
        int failedRuns = 0;
        for (int i = 0; i < accesses; ++i) {
            pair.makeWork(i + 1);
            int n = 0;
            pair.station.station->ctx->database().setFaultInjector([&](int) { return n++ == i; });
            failedRuns += pair.engine.runOnce().has_value() ? 0 : 1;
            pair.station.station->ctx->database().setFaultInjector({});
            auto again = pair.engine.runOnce();
            QVERIFY2(again, again ? "" : qPrintable(again.error().message));
            pair.verifyConverged();
            if (QTest::currentTestFailed()) {
                qWarning("diverged after a failure at station access %d", i);
                return;
            }
        }
        QVERIFY2(failedRuns > accesses / 2, qPrintable(QString::number(failedRuns)));
    }

    void countyDatabaseFailsAtEveryAccess() {
        Pair pair;
        QVERIFY(pair.engine.runOnce().has_value());
        int accesses = 0;
        pair.makeWork(0);
        pair.county.store->setFaultInjector([&](int) {
            ++accesses;
            return false;
        });
        QVERIFY(pair.engine.runOnce().has_value());
        pair.county.store->setFaultInjector({});
        QVERIFY(accesses > 5);
        int failedRuns = 0;
        for (int i = 0; i < accesses; ++i) {
            pair.makeWork(i + 1);
            pair.county.store->setFaultInjector([i](int index) { return index == i; });
            auto failed = pair.engine.runOnce();
            failedRuns += failed ? 0 : 1;
            if (!failed) // a county failure is the county's 500: retry later, never a clerk's error
                QVERIFY2(failed.error().kind == ErrorKind::Unavailable, qPrintable(failed.error().message));
            pair.county.store->setFaultInjector({});
            auto again = pair.engine.runOnce();
            QVERIFY2(again, again ? "" : qPrintable(again.error().message));
            pair.verifyConverged();
            if (QTest::currentTestFailed()) {
                qWarning("diverged after a failure at county access %d", i);
                return;
            }
        }
        QCOMPARE(failedRuns, accesses);
    }

    void lostResponsesAreResentNotDuplicated() {
        Pair pair;
        for (int i = 0; i < 5; ++i)
            pair.receive();
        const int ops = pair.pending();                  // the receives and the station's setup
        pair.net.failNext(sync::NetFault::LoseResponse); // the county applies, the answer is lost
        QVERIFY(!pair.engine.runOnce().has_value());
        QCOMPARE(pair.pending(), ops);
        QCOMPARE(pair.countyOpRows(), qint64(ops));
        QVERIFY(pair.engine.runOnce().has_value());
        pair.verifyConverged();
    }

    void renewedEpochResendsEverythingOnce() {
        Pair pair;
        for (int i = 0; i < 4; ++i)
            pair.receive();
        QVERIFY(pair.engine.runOnce().has_value());
        // The county restores a backup that lost the last ops, and renews its epoch.
        const QString lost = *pair.stationOps().begin();
        {
            auto tx = pair.county.store->begin(county::Tx::Mode::Write);
            QVERIFY(tx.has_value());
            QVERIFY(tx->exec(QStringLiteral("DELETE FROM ops WHERE op_id = ?"), {lost}).has_value());
            QVERIFY(tx->commit().has_value());
        }
        QVERIFY(county::renewEpoch(*pair.county.store).has_value());
        auto report = pair.engine.runOnce();
        QVERIFY2(report, report ? "" : qPrintable(report.error().message));
        QVERIFY(report->epochChanged);
        QVERIFY(pair.countyOps().contains(lost));
        pair.verifyConverged();
    }

    void usbBatchTwiceThenSyncChangesNothing() {
        Pair pair;
        for (int i = 0; i < 6; ++i)
            pair.receive();
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("batch.czb"));
        auto exported = sync::exportBatch(pair.engine.store(), file);
        QVERIFY2(exported, exported ? "" : qPrintable(exported.error().message));
        QCOMPARE(exported->ops, pair.pending());
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        auto first = county::importBatch(*pair.county.store, bytes);
        QVERIFY2(first, first ? "" : qPrintable(first.error().message));
        QCOMPARE(first->applied, exported->ops);
        const QList<qint64> before = pair.county.counts();
        auto second = county::importBatch(*pair.county.store, bytes);
        QVERIFY(second.has_value());
        QCOMPARE(second->applied, 0);
        QCOMPARE(second->alreadyApplied, exported->ops);
        QCOMPARE(pair.county.counts(), before);
        auto report = pair.engine.runOnce();
        QVERIFY(report.has_value());
        QCOMPARE(pair.countyOpRows(), qint64(exported->ops));
        pair.verifyConverged();
    }

    // Ops carry the acting user in their payload; the county accepts the extra field and keeps it.
    // An op written before ops had an actor (JSON text, no actor) is re-sent with the body it was
    // first sent with, so a renewed epoch finds it already applied, not in conflict.
    void actorReachesTheCountyAndOldOpsKeepTheirBody() {
        Pair pair;
        auto& db = pair.station.station->ctx->database();
        QVERIFY(db.exec(QStringLiteral(
                            "INSERT INTO outbox(op_id, entity, entity_id, kind, payload, schema_version,"
                            " created_at) VALUES (?, 'setting', 'free_days', 'setting.changed',"
                            " '{\"key\":\"free_days\",\"value\":\"4\"}', 1, ?)"),
                        {QStringLiteral("0190f3a2-7b1c-7def-8a00-00000000cafe"), kStart})
                    .has_value());
        const Parcel p = pair.receive();
        auto report = pair.engine.runOnce();
        QVERIFY2(report, report ? "" : qPrintable(report.error().message));
        QCOMPARE(report->rejected, 0);
        const auto stored =
            pair.county.rows(QStringLiteral("SELECT payload, outcome FROM ops WHERE entity_id = ?"), {p.id});
        QCOMPARE(stored.size(), 1);
        QCOMPARE(QJsonDocument::fromJson(stored.first().at(0).toString().toUtf8())
                     .object()
                     .value(QStringLiteral("actor"))
                     .toString(),
                 QStringLiteral("station"));
        QCOMPARE(stored.first().at(1).toString(), QStringLiteral("applied"));
        const auto old =
            pair.county.rows(QStringLiteral("SELECT payload FROM ops WHERE entity_id = 'free_days'"));
        QCOMPARE(old.size(), 1);
        QVERIFY(!old.first().at(0).toString().contains(QLatin1String("actor")));

        QVERIFY(county::renewEpoch(*pair.county.store).has_value());
        report = pair.engine.runOnce();
        QVERIFY2(report, report ? "" : qPrintable(report.error().message));
        QCOMPARE(report->rejected, 0);
        auto status = pair.engine.store().status();
        QVERIFY(status.has_value());
        QVERIFY(status->rejected.isEmpty());
        pair.verifyConverged();
    }

    void conflictAndRejectedOpsDoNotBlockTheQueue() {
        Pair pair;
        const Parcel p = pair.receive();
        QVERIFY(pair.engine.runOnce().has_value());
        auto& db = pair.station.station->ctx->database();
        // An op the county cannot know (as from a newer station), and an acknowledged op whose body
        // was altered and sent again under the same id.
        QVERIFY(db.exec(QStringLiteral(
                            "INSERT INTO outbox(op_id, entity, entity_id, kind, payload, schema_version,"
                            " created_at) VALUES (?, 'loyalty', 'x', 'loyalty.points', '{}', 1, ?)"),
                        {QStringLiteral("0190f3a2-7b1c-7def-8a00-00000000beef"), kStart})
                    .has_value());
        auto storedPayload =
            db.scalar(QStringLiteral("SELECT payload FROM outbox WHERE entity_id = ?"), {p.id});
        QVERIFY(storedPayload.has_value());
        QJsonObject altered = decodeOpPayload(*storedPayload);
        altered.insert(QStringLiteral("at"), 1);
        QVERIFY(db.exec(QStringLiteral("UPDATE outbox SET acked_at = NULL, result = NULL, payload = ?"
                                       " WHERE entity_id = ?"),
                        {encodeOpPayload(altered), p.id})
                    .has_value());
        const Parcel later = pair.receive();
        auto report = pair.engine.runOnce();
        QVERIFY2(report, report ? "" : qPrintable(report.error().message));
        // The unknown kind is held (acknowledged, not refused); only the conflict is refused.
        QCOMPARE(report->rejected, 1);
        QCOMPARE(pair.pending(), 0);
        QCOMPARE(pair.county.count(QStringLiteral("parcels"), QStringLiteral("parcel_id = ?"), {later.id}),
                 1);
        QCOMPARE(pair.station.rows(QStringLiteral("outbox"), QStringLiteral("result = 'held'")), 1);
        auto status = pair.engine.store().status();
        QVERIFY(status.has_value());
        QCOMPARE(status->rejected.size(), 1);
        QStringList results;
        for (const auto& r : status->rejected) {
            results << r.result + QLatin1Char(':') + r.reasonCode;
            QVERIFY(!r.reason.isEmpty());
        }
        results.sort();
        QCOMPARE(results, (QStringList{QStringLiteral("conflict:op.conflict")}));
        // The county kept the original body of the conflicting op.
        const auto stored =
            pair.county.rows(QStringLiteral("SELECT payload FROM ops WHERE entity_id = ?"), {p.id});
        QCOMPARE(stored.size(), 1);
        QVERIFY(!stored.first().at(0).toString().contains(QLatin1String("\"at\":1,")));
    }

    // Issue 9: a station newer than its county loses nothing. The county runs an older catalogue —
    // it does not know "parcel.picked_up" at all and knows "parcel.received" only up to a payload
    // schema older than the station writes. Those ops are acknowledged as held (not rejected, not
    // re-sent); once the county has the full catalogue they are applied exactly once.
    void newerStationAgainstOlderCountyLosesNothing() {
        Pair pair;
        const sync::OpCatalog older = sync::OpCatalog::current()
                                          .without(QStringLiteral("parcel.picked_up"))
                                          .withNewestSchema(QStringLiteral("parcel.received"), 0);
        pair.county.service = std::make_unique<county::CountyService>(*pair.county.store, older);
        const Parcel first = pair.receive();
        pair.receive();
        pair.receive();
        QVERIFY(pair.station.station->pickup.handOver({first.id}, QStringLiteral("本人")).has_value());
        QVERIFY(pair.station.station->setup.setSetting(QStringLiteral("free_days"), QStringLiteral("5"))
                    .has_value());

        auto report = pair.engine.runOnce();
        QVERIFY2(report, report ? "" : qPrintable(report.error().message));
        QCOMPARE(report->rejected, 0);
        QCOMPARE(pair.pending(), 0);
        const int ops = pair.station.rows(QStringLiteral("outbox"));
        const int parcelOps =
            pair.station.rows(QStringLiteral("outbox"), QStringLiteral("entity = 'parcel'"));
        QCOMPARE(parcelOps, 4);
        QCOMPARE(pair.station.rows(QStringLiteral("outbox"), QStringLiteral("result = 'held'")), parcelOps);
        QCOMPARE(
            pair.station.rows(QStringLiteral("outbox"), QStringLiteral("result IN ('rejected', 'conflict')")),
            0);
        auto status = pair.engine.store().status();
        QVERIFY(status.has_value());
        QVERIFY(status->rejected.isEmpty());
        QCOMPARE(pair.countyOps(), pair.stationOps()); // everything is stored on the county
        QCOMPARE(pair.county.count(QStringLiteral("ops"), QStringLiteral("outcome = 'held'")),
                 qint64(parcelOps));
        QCOMPARE(pair.county.count(QStringLiteral("parcels")), 0);
        QCOMPARE(pair.county.count(QStringLiteral("notices")), 0);

        // Held ops are acknowledged: another sync sends nothing again.
        const qint64 rowsBefore = pair.countyOpRows();
        auto again = pair.engine.runOnce();
        QVERIFY(again.has_value());
        QCOMPARE(again->pushed, 0);
        QCOMPARE(pair.countyOpRows(), rowsBefore);

        // The county is upgraded: the full catalogue, then the held ops applied (serve does this at
        // start; `ops apply-held` by hand). Twice changes nothing more.
        pair.county.service = std::make_unique<county::CountyService>(*pair.county.store);
        auto run = county::applyHeldOps(*pair.county.store);
        QVERIFY2(run, run ? "" : qPrintable(run.error().message));
        QCOMPARE(run->applied, parcelOps);
        QCOMPARE(run->rejected, 0);
        QCOMPARE(run->stillHeld, 0);
        const QList<qint64> counts = pair.county.counts();
        auto twice = county::applyHeldOps(*pair.county.store);
        QVERIFY(twice.has_value());
        QCOMPARE(twice->applied, 0);
        QCOMPARE(pair.county.counts(), counts);
        QCOMPARE(pair.county.count(QStringLiteral("ops"), QStringLiteral("outcome = 'applied'")),
                 qint64(ops));
        QCOMPARE(pair.county.count(QStringLiteral("notices")),
                 qint64(pair.station.rows(QStringLiteral("notification"))));
        QVERIFY(pair.engine.runOnce().has_value());
        pair.verifyConverged();
    }
};

QTEST_GUILESS_MAIN(TstSyncE2e)
#include "tst_sync_e2e.moc"
