// Real processes on loopback: `cunzhan-county serve` (SQLite or PostgreSQL, CUNZHAN_TEST_BACKEND),
// the fault-injecting proxy in front of it, and `cunzhanctl` as the station.
//  - through a proxy that drops requests, loses responses, truncates, replays and delays, the two
//    sides converge with nothing lost or duplicated;
//  - `cunzhanctl sync --once` is SIGKILLed at random moments (>= 30 times) while parcels keep
//    arriving; at the end the county holds exactly the station's ops, none twice, and the station's
//    database is intact.
#include "../server/countyfixture.h"
#include "admin.h"
#include "countyprocess.h"
#include "faultproxyprocess.h"
#include "processrun.h"
#include "readonlyquery.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <csignal>

using namespace cz;
using namespace cz::test;

namespace {

const QString kCtl = QStringLiteral(CUNZHAN_BIN_DIR "/cunzhanctl");

// A station database driven through cunzhanctl, with a read-only look at its tables.
class Station {
public:
    Station()
        : m_db(m_dir.filePath(QStringLiteral("station.db"))) {}

    Run ctl(const QStringList& args, int timeoutMs = 60000) {
        RunOptions options;
        options.timeoutMs = timeoutMs;
        return runProgram(ctlBinary(), QStringList{QStringLiteral("--db"), m_db} + args, options);
    }
    [[nodiscard]] QString path() const { return m_db; }

    void receive(int n) {
        const QString waybill = QStringLiteral("YT%1").arg(4300000000000LL + n);
        const Run r = ctl({QStringLiteral("receive"), waybill, QStringLiteral("--phone"),
                           QStringLiteral("139%1").arg(10000000 + n % 50)});
        if (r.code != 0)
            qFatal("receive %s failed: %s", qPrintable(waybill), r.err.constData());
    }

    QList<QVariantList> query(const QString& sql) { return readOnlyQuery(m_db, sql); }
    QSet<QString> opIds() {
        QSet<QString> ids;
        for (const auto& row : query(QStringLiteral("SELECT op_id FROM outbox")))
            ids.insert(row.at(0).toString());
        return ids;
    }
    int pending() {
        return query(QStringLiteral("SELECT count(*) FROM outbox WHERE acked_at IS NULL"))
            .first()
            .at(0)
            .toInt();
    }

private:
    QTemporaryDir m_dir;
    QString m_db;
};

// The county side: a database and a store of our own for this test (CountyFixture), and the
// server process on the same database (stopped first).
struct County {
    CountyFixture fixture;
    std::unique_ptr<CountyProcess> server = std::make_unique<CountyProcess>(fixture.db.spec());

    QList<county::Row> rows(const QString& sql, const QVariantList& args = {}) {
        return fixture.rows(sql, args);
    }
    county::CountyStore& store() { return *fixture.store; }
};

// Sets the station up and enrols it with the county (directly, not through the proxy).
QString enrol(Station& station, County& county) {
    if (station
            .ctl({QStringLiteral("init"), QStringLiteral("--station-name"), QStringLiteral("东村站"),
                  QStringLiteral("--shelves"), QStringLiteral("1-4:3x40")})
            .code != 0)
        qFatal("init failed");
    const QString code =
        addCountyStation(county.fixture.db.spec(), QStringLiteral("东村站"), QStringLiteral("城关镇"));
    if (code.isEmpty())
        qFatal("station add failed");
    const Run r = station.ctl({QStringLiteral("--json"), QStringLiteral("enroll"), QStringLiteral("--server"),
                               county.server->url(), QStringLiteral("--code"), code});
    if (r.code != 0)
        qFatal("enroll failed: %s", r.err.constData());
    return QJsonDocument::fromJson(r.out).object().value(QStringLiteral("station_id")).toString();
}

// Points the station at another URL (the proxy) without enrolling again.
void useServer(Station& station, const QString& url) {
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("retarget"));
    {
        db.setDatabaseName(station.path());
        if (!db.open())
            qFatal("cannot open the station database");
        QSqlQuery q(db);
        q.prepare(QStringLiteral("UPDATE sync_state SET value = ? WHERE key = 'server_url'"));
        q.addBindValue(url);
        if (!q.exec() || q.numRowsAffected() != 1)
            qFatal("cannot retarget the station");
        db.close();
    }
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("retarget"));
}

// Syncs until a run succeeds with nothing pending (the network may keep failing for a while).
bool syncUntilDone(Station& station, int attempts) {
    for (int i = 0; i < attempts; ++i) {
        const Run r = station.ctl({QStringLiteral("sync"), QStringLiteral("--once")});
        if (r.code == 0 && station.pending() == 0)
            return true;
        if (r.code != 5 && r.code != 0) {
            qWarning("sync --once exited %d: %s", r.code, r.err.constData());
            return false;
        }
    }
    return false;
}

// The county holds exactly the station's ops, each once, and agrees on every parcel's status.
void verifyExactlyOnce(Station& station, County& county, const QString& stationId) {
    const QSet<QString> mine = station.opIds();
    const auto theirs =
        county.rows(QStringLiteral("SELECT op_id FROM ops WHERE station_id = ?"), {stationId});
    QSet<QString> theirIds;
    for (const auto& row : theirs)
        theirIds.insert(row.at(0).toString());
    QCOMPARE(theirs.size(), mine.size()); // none twice (op_id is also the key)
    QCOMPARE(theirIds, mine);
    QCOMPARE(county.rows(QStringLiteral("SELECT COUNT(*) FROM ops")).first().at(0).toInt(), mine.size());
    const auto parcels = station.query(QStringLiteral("SELECT id, status FROM parcel ORDER BY id"));
    const auto projected = county.rows(
        QStringLiteral("SELECT parcel_id, status FROM parcels WHERE station_id = ? ORDER BY parcel_id"),
        {stationId});
    QCOMPARE(projected.size(), parcels.size());
    for (qsizetype i = 0; i < parcels.size(); ++i) {
        QCOMPARE(projected.at(i).at(0).toString(), parcels.at(i).at(0).toString());
        QCOMPARE(projected.at(i).at(1).toString(), parcels.at(i).at(1).toString());
    }
    QCOMPARE(station.query(QStringLiteral("PRAGMA integrity_check")).first().at(0).toString(),
             QStringLiteral("ok"));
}

} // namespace

class TstSyncHostile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { CZ_REQUIRE_BACKEND(); }

    void convergesThroughAHostileNetwork() {
        County county;
        QVERIFY2(county.server->port() > 0, qPrintable(county.server->output()));
        Station station;
        const QString stationId = enrol(station, county);
        QVERIFY(!stationId.isEmpty());
        FaultProxyProcess proxy(
            county.server->port(),
            {QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--drop-request"),
             QStringLiteral("0.15"), QStringLiteral("--drop-response"), QStringLiteral("0.15"),
             QStringLiteral("--truncate"), QStringLiteral("0.2"), QStringLiteral("--replay"),
             QStringLiteral("0.3"), QStringLiteral("--delay-ms"), QStringLiteral("40")});
        QVERIFY(proxy.port() > 0);
        useServer(station, proxy.url());

        int waybill = 0;
        int succeeded = 0;
        for (int round = 0; round < 15; ++round) {
            for (int i = 0; i < 3; ++i)
                station.receive(++waybill);
            if (round % 3 == 0)
                QCOMPARE(station
                             .ctl({QStringLiteral("pickup"), QStringLiteral("--waybill"),
                                   QStringLiteral("YT%1").arg(4300000000000LL + waybill)})
                             .code,
                         0);
            if (round == 5)
                QVERIFY(county::setSetting(county.store(), QStringLiteral("free_days"), QStringLiteral("9"))
                            .has_value());
            const Run r = station.ctl({QStringLiteral("sync"), QStringLiteral("--once")});
            QVERIFY2(r.code == 0 || r.code == 5, r.err.constData());
            succeeded += r.code == 0 ? 1 : 0;
        }
        QVERIFY(syncUntilDone(station, 40));
        const QString tally = proxy.tally();
        qInfo("proxy: %s; %d of 15 syncs got through", qPrintable(tally), succeeded);
        // The faults really happened.
        for (const char* fault : {"dropped_requests", "dropped_responses", "truncated", "replayed"})
            QVERIFY2(!tally.contains(QLatin1String(fault) + QLatin1String(" 0 ")), qPrintable(tally));
        verifyExactlyOnce(station, county, stationId);
        QCOMPARE(station.query(QStringLiteral("SELECT value FROM setting WHERE key = 'free_days'"))
                     .first()
                     .at(0)
                     .toString(),
                 QStringLiteral("9"));
    }

    void clientKilledMidSyncLosesAndDuplicatesNothing() {
        County county;
        QVERIFY2(county.server->port() > 0, qPrintable(county.server->output()));
        Station station;
        const QString stationId = enrol(station, county);
        // A slow link, so kills land while requests and replies are in flight.
        FaultProxyProcess proxy(county.server->port(), {QStringLiteral("--delay-ms"), QStringLiteral("150"),
                                                        QStringLiteral("--rtt-ms"), QStringLiteral("60")});
        useServer(station, proxy.url());
        QRandomGenerator rng(20261129);
        int waybill = 0;
        int killed = 0;
        for (int round = 0; round < 32; ++round) {
            for (int i = 0; i < 4; ++i)
                station.receive(++waybill);
            QProcess sync;
            sync.start(kCtl, {QStringLiteral("--db"), station.path(), QStringLiteral("sync"),
                              QStringLiteral("--once")});
            QVERIFY(sync.waitForStarted());
            QTest::qWait(int(rng.bounded(20, 350)));
            if (sync.state() == QProcess::Running) {
                ::kill(pid_t(sync.processId()), SIGKILL);
                ++killed;
            }
            sync.waitForFinished(10000);
        }
        qInfo("killed %d of 32 syncs mid-run", killed);
        QVERIFY2(killed >= 30, qPrintable(QString::number(killed)));
        QVERIFY(syncUntilDone(station, 10));
        verifyExactlyOnce(station, county, stationId);
    }
};

QTEST_GUILESS_MAIN(TstSyncHostile)
#include "tst_sync_hostile.moc"
