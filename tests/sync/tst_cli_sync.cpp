// cunzhanctl's sync commands as a separate process against the scripted county over real HTTP:
// enroll, sync --once, the sync loop stopped by SIGTERM, sync-status --json, export-batch, and an
// unreachable county (exit 5 with a clear message).
#include "httpcounty.h"
#include "processrun.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using cz::test::Run;

class TestCliSync : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_db;

    QProcessEnvironment env() const {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        // A fresh install's locale: the output is Chinese, the station's default, unless --lang en.
        e.insert(QStringLiteral("LANG"), QStringLiteral("C"));
        e.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
        e.remove(QStringLiteral("LANGUAGE"));
        e.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("xdg")));
        return e;
    }
    Run ctl(const QStringList& args) {
        return cz::test::runProgram(cz::test::ctlBinary(), QStringList{QStringLiteral("--db"), m_db} + args,
                                    {env()});
    }
    Run json(const QStringList& args) { return ctl(QStringList{QStringLiteral("--json")} + args); }
    void receive(const QString& waybill) {
        QCOMPARE(
            ctl({QStringLiteral("receive"), waybill, QStringLiteral("--phone"), QStringLiteral("1234")}).code,
            0);
    }
    void enrol(const czt::HttpCounty& county) {
        const Run r = json({QStringLiteral("enroll"), QStringLiteral("--server"), county.url(),
                            QStringLiteral("--code"), QStringLiteral("ENROL-123")});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.json().value(QStringLiteral("station_id")).toString(), QStringLiteral("county-station-7"));
    }

private Q_SLOTS:
    void init() {
        m_db = m_dir.filePath(
            QStringLiteral("station-%1.db").arg(QString::fromLatin1(QTest::currentTestFunction())));
        QCOMPARE(ctl({QStringLiteral("init"), QStringLiteral("--station-name"), QStringLiteral("T")}).code,
                 0);
    }

    void usageAndNotEnrolled() {
        QCOMPARE(
            ctl({QStringLiteral("enroll"), QStringLiteral("--server"), QStringLiteral("https://x")}).code, 2);
        const Run badUrl = ctl({QStringLiteral("enroll"), QStringLiteral("--server"),
                                QStringLiteral("ftp://x"), QStringLiteral("--code"), QStringLiteral("1")});
        QCOMPARE(badUrl.code, 2);
        const Run once = json({QStringLiteral("sync"), QStringLiteral("--once")});
        QCOMPARE(once.code, 3);
        QCOMPARE(
            once.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
            QStringLiteral("sync.not_enrolled"));
        QCOMPARE(ctl({QStringLiteral("export-batch"), m_dir.filePath(QStringLiteral("b.czb"))}).code, 3);
        for (const char* command : {"enroll", "sync", "sync-status", "export-batch"}) {
            const Run help = ctl({QString::fromLatin1(command), QStringLiteral("--help")});
            QCOMPARE(help.code, 0);
            QVERIFY2(help.out.contains("用法：cunzhanctl"), help.out.constData());
        }
    }

    void enrolSyncAndStatus() {
        czt::HttpCounty county;
        enrol(county);
        receive(QStringLiteral("YT500000000001"));
        receive(QStringLiteral("YT500000000002"));
        {
            const std::lock_guard lock(county.mutex);
            county.county.publish(QStringLiteral("prealert"), QStringLiteral("YT500000000009"),
                                  {{QStringLiteral("phone"), QStringLiteral("13812345678")},
                                   {QStringLiteral("van_date"), QStringLiteral("2026-11-28")}});
        }
        const Run once = json({QStringLiteral("sync"), QStringLiteral("--once")});
        QVERIFY2(once.code == 0, once.err.constData());
        QCOMPARE(once.json().value(QStringLiteral("pushed")).toInt(), 3);
        QCOMPARE(once.json().value(QStringLiteral("pulled")).toInt(), 1);
        {
            const std::lock_guard lock(county.mutex);
            QCOMPARE(county.county.applied.size(), 3);
        }
        const Run status = json({QStringLiteral("sync-status")});
        QCOMPARE(status.code, 0);
        const QJsonObject s = status.json();
        for (const char* key : {"enrolled", "server", "station_id", "pending", "rejected", "last_success_at",
                                "last_attempt_at", "last_error", "cursor", "epoch"})
            QVERIFY2(s.contains(QLatin1String(key)), key);
        QCOMPARE(s.value(QStringLiteral("enrolled")).toBool(), true);
        QCOMPARE(s.value(QStringLiteral("server")).toString(), county.url());
        QCOMPARE(s.value(QStringLiteral("pending")).toInt(), 0);
        QCOMPARE(s.value(QStringLiteral("cursor")).toInteger(), 10);
        QCOMPARE(s.value(QStringLiteral("epoch")).toString(), QStringLiteral("epoch-1"));
        QVERIFY(s.value(QStringLiteral("last_success_at")).toInteger() > 0);
        // The pulled pre-alert fills in the recipient.
        const Run r = json({QStringLiteral("receive"), QStringLiteral("YT500000000009")});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.json().value(QStringLiteral("prealerted")).toBool(), true);
    }

    void rejectedOpsAreListed() {
        czt::HttpCounty county;
        enrol(county);
        receive(QStringLiteral("YT500000000001"));
        const QString parcelId = json({QStringLiteral("list")}).json().value(QStringLiteral("id")).toString();
        QVERIFY(!parcelId.isEmpty());
        {
            const std::lock_guard lock(county.mutex);
            county.county.rejectEntities.insert(parcelId);
        }
        QCOMPARE(ctl({QStringLiteral("sync"), QStringLiteral("--once")}).code, 0);
        const QJsonArray rejected =
            json({QStringLiteral("sync-status")}).json().value(QStringLiteral("rejected")).toArray();
        QCOMPARE(rejected.size(), 1);
        const QJsonObject op = rejected.first().toObject();
        QCOMPARE(op.value(QStringLiteral("entity_id")).toString(), parcelId);
        QCOMPARE(op.value(QStringLiteral("kind")).toString(), QStringLiteral("parcel.received"));
        QCOMPARE(op.value(QStringLiteral("reason_code")).toString(),
                 QStringLiteral("parcel.unknown_recipient"));
        QVERIFY(!op.value(QStringLiteral("op_id")).toString().isEmpty());
        QVERIFY(!op.value(QStringLiteral("reason")).toString().isEmpty());
        // The reason is the county's own text, shown as it came.
        const Run text = ctl({QStringLiteral("sync-status")});
        QVERIFY(text.out.contains("The county does not know this recipient."));
    }

    void unreachableCounty() {
        czt::HttpCounty county;
        enrol(county);
        county.stop();
        receive(QStringLiteral("YT500000000001"));
        const Run once = ctl({QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("sync"),
                              QStringLiteral("--once")});
        QCOMPARE(once.code, 5);
        QVERIFY2(once.err.contains("Cannot reach the county server"), once.err.constData());
        const QJsonObject s = json({QStringLiteral("sync-status")}).json();
        QCOMPARE(s.value(QStringLiteral("pending")).toInt(), 2);
        QVERIFY(s.value(QStringLiteral("last_error")).toString().contains(QStringLiteral("Cannot reach")));
        QVERIFY(s.value(QStringLiteral("last_success_at")).isNull());
        QVERIFY(s.value(QStringLiteral("last_attempt_at")).toInteger() > 0);
    }

    void loopRunsUntilTerminated() {
        czt::HttpCounty county;
        enrol(county);
        QProcess p;
        p.setProcessEnvironment(env());
        p.start(QStringLiteral(CUNZHAN_BIN_DIR "/cunzhanctl"),
                {QStringLiteral("--db"), m_db, QStringLiteral("--json"), QStringLiteral("sync")});
        QVERIFY(p.waitForReadyRead(30000));
        QTRY_VERIFY(p.canReadLine());
        const QJsonObject first = QJsonDocument::fromJson(p.readLine()).object();
        QCOMPARE(first.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(first.value(QStringLiteral("pushed")).toInt(), 1);
        QVERIFY(first.value(QStringLiteral("next_attempt_in_ms")).toInteger() > 0);
        p.terminate();
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
    }

    void exportBatch() {
        czt::HttpCounty county;
        enrol(county);
        QCOMPARE(ctl({QStringLiteral("sync"), QStringLiteral("--once")}).code, 0);
        receive(QStringLiteral("YT500000000001"));
        receive(QStringLiteral("YT500000000002"));
        const QString file = m_dir.filePath(QStringLiteral("batch.czb"));
        const Run r = json({QStringLiteral("export-batch"), file});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.json().value(QStringLiteral("ops")).toInt(), 2);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto batch = cz::sync::decodeBatch(f.readAll());
        QVERIFY(batch);
        QCOMPARE(batch->stationId, QStringLiteral("county-station-7"));
        QCOMPARE(batch->ops.size(), 2);
        QCOMPARE(json({QStringLiteral("sync-status")}).json().value(QStringLiteral("pending")).toInt(), 2);
    }

    // Enrolling again with another server (a forged invite, a typo) would send the station's
    // waiting changes and history there: refused unless confirmed with --force; another station id
    // from the same county likewise.
    void reEnrolWithAnotherCountyNeedsForce() {
        czt::HttpCounty first;
        enrol(first);
        receive(QStringLiteral("YT500000000011"));
        czt::HttpCounty second;
        const auto enrolWith = [&](const czt::HttpCounty& county, const QStringList& extra) {
            return json(QStringList{QStringLiteral("enroll"), QStringLiteral("--server"), county.url(),
                                    QStringLiteral("--code"), QStringLiteral("ENROL-123")} +
                        extra);
        };
        const Run refused = enrolWith(second, {});
        QCOMPARE(refused.code, 3);
        const QJsonObject error = refused.json().value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("sync.other_county"));
        QVERIFY(error.value(QStringLiteral("message")).toString().contains(first.url()));
        QVERIFY(error.value(QStringLiteral("message")).toString().contains(second.url()));
        {
            const std::lock_guard lock(second.mutex);
            QVERIFY(second.county.paths.isEmpty()); // nothing was sent to the other server
        }
        QCOMPARE(json({QStringLiteral("sync-status")}).json().value(QStringLiteral("server")).toString(),
                 first.url());
        // The same county now naming another station.
        {
            const std::lock_guard lock(first.mutex);
            first.county.stationId = QStringLiteral("county-station-8");
        }
        const Run otherStation = enrolWith(first, {});
        QCOMPARE(otherStation.code, 3);
        QCOMPARE(otherStation.json()
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toString(),
                 QStringLiteral("sync.other_station"));
        QCOMPARE(json({QStringLiteral("sync-status")}).json().value(QStringLiteral("station_id")).toString(),
                 QStringLiteral("county-station-7"));
        // Confirmed: the new server is kept.
        const Run forced = enrolWith(second, {QStringLiteral("--force")});
        QVERIFY2(forced.code == 0, forced.err.constData());
        QCOMPARE(json({QStringLiteral("sync-status")}).json().value(QStringLiteral("server")).toString(),
                 second.url());
        // The same server and station again needs no confirmation.
        QCOMPARE(enrolWith(second, {}).code, 0);
    }
};

QTEST_GUILESS_MAIN(TestCliSync)
#include "tst_cli_sync.moc"
