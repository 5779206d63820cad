// A county database restored from a backup without `epoch renew` once lost acknowledged ops for
// good: the station showed 0 pending and the county never had the parcel. Now each push and pull
// reply carries the county's high-water mark for the station, and a station whose acknowledged ops
// go beyond it sends them again. The real `cunzhan-county serve` (SQLite) and the real
// `cunzhanctl` as separate processes over HTTP on loopback.
#include "countyprocess.h"
#include "processrun.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace cz::test;

class TstSyncRestore : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_station;

    QString countyFile() const { return m_dir.filePath(QStringLiteral("county.db")); }
    QString countySpec() const { return QStringLiteral("sqlite:") + countyFile(); }

    Run ctl(const QStringList& args) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("xdg")));
        return runProgram(ctlBinary(),
                          QStringList{QStringLiteral("--db"), m_station, QStringLiteral("--json")} + args,
                          {env});
    }
    void receive(const QString& waybill) {
        const Run r =
            ctl({QStringLiteral("receive"), waybill, QStringLiteral("--phone"), QStringLiteral("1234")});
        QVERIFY2(r.code == 0, r.err.constData());
    }
    void syncOnce() {
        const Run r = ctl({QStringLiteral("sync"), QStringLiteral("--once")});
        QVERIFY2(r.code == 0, r.err.constData());
    }
    // The parcels the county holds for its one station.
    int countyParcels() {
        int exitCode = -1;
        const QString out = countyCli(
            {QStringLiteral("stats"), QStringLiteral("--db"), countySpec(), QStringLiteral("--json")},
            &exitCode, true);
        int total = 0;
        const QJsonObject parcels =
            QJsonDocument::fromJson(out.toUtf8()).object().value(QStringLiteral("parcels")).toObject();
        for (auto it = parcels.constBegin(); it != parcels.constEnd(); ++it)
            total += it.value().toInt();
        return total;
    }
    // The county's database files, copied or put back while the server is stopped.
    static void copyDatabase(const QString& from, const QString& to) {
        for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            QFile::remove(to + suffix);
            if (QFile::exists(from + suffix))
                QVERIFY(QFile::copy(from + suffix, to + suffix));
        }
    }

private Q_SLOTS:
    void restoreWithoutEpochRenewLosesNothing() {
        m_station = m_dir.filePath(QStringLiteral("station.db"));
        const QString code =
            addCountyStation(countySpec(), QStringLiteral("东村站"), QStringLiteral("城关镇"));
        QVERIFY(!code.isEmpty());
        QCOMPARE(ctl({QStringLiteral("init"), QStringLiteral("--station-name"), QStringLiteral("T")}).code,
                 0);
        QStringList listen; // each later start listens where the station was enrolled
        {
            CountyProcess server(countySpec());
            QVERIFY2(server.port() > 0, qPrintable(server.output()));
            listen = {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(server.port())};
            const Run enrolled = ctl({QStringLiteral("enroll"), QStringLiteral("--server"), server.url(),
                                      QStringLiteral("--code"), code});
            QVERIFY2(enrolled.code == 0, enrolled.err.constData());
            receive(QStringLiteral("YT500000000001"));
            syncOnce();
        }
        const QString backup = m_dir.filePath(QStringLiteral("backup.db"));
        copyDatabase(countyFile(), backup);
        {
            CountyProcess server(countySpec(), listen);
            QVERIFY2(server.port() > 0, qPrintable(server.output()));
            receive(QStringLiteral("YT500000000002"));
            syncOnce();
            QCOMPARE(ctl({QStringLiteral("sync-status")}).json().value(QStringLiteral("pending")).toInt(), 0);
        }
        QCOMPARE(countyParcels(), 2);
        copyDatabase(backup, countyFile()); // restored, and no `epoch renew`
        QCOMPARE(countyParcels(), 1);
        {
            CountyProcess server(countySpec(), listen);
            QVERIFY2(server.port() > 0, qPrintable(server.output()));
            syncOnce();
        }
        QCOMPARE(countyParcels(), 2);
        QCOMPARE(ctl({QStringLiteral("sync-status")}).json().value(QStringLiteral("pending")).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TstSyncRestore)
#include "tst_sync_restore.moc"
