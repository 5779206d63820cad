// The catalogue end to end with real processes: `cunzhan-county catalogue import` into the real
// server's database (SQLite, or PostgreSQL with CUNZHAN_TEST_BACKEND=pg), `cunzhan-county serve`,
// and a station that enrols and syncs with the real `cunzhanctl` and then finds the item by its
// pinyin initials; a price change and a withdrawal arrive by the next sync.
#include "../server/countyfixture.h"
#include "countyprocess.h"
#include "processrun.h"

#include <QFile>

using namespace cz::test;

class TstCatalogueE2e : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_station;

    Run ctl(const QStringList& args) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("xdg")));
        return runProgram(ctlBinary(),
                          QStringList{QStringLiteral("--db"), m_station, QStringLiteral("--json")} + args,
                          {env});
    }
    QString import(const QString& db, const QByteArray& csv) {
        const QString file = m_dir.filePath(QStringLiteral("catalogue.csv"));
        QFile f(file);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(csv) != csv.size())
            return {};
        f.close();
        int code = -1;
        const QString out = countyCli({QStringLiteral("catalogue"), QStringLiteral("import"), file,
                                       QStringLiteral("--db"), db, QStringLiteral("--json")},
                                      &code, true);
        return code == 0 ? out.trimmed() : QString();
    }
    QList<QJsonObject> search(const QString& text) {
        const Run r = ctl({QStringLiteral("catalogue"), QStringLiteral("search"), text});
        bool ok = false;
        const auto lines = jsonLines(r.out, &ok);
        return r.code == 0 && ok ? lines
                                 : QList<QJsonObject>{QJsonObject{{QStringLiteral("failed"), r.code}}};
    }

private Q_SLOTS:
    void initTestCase() { CZ_REQUIRE_BACKEND(); }

    void importedCatalogueReachesTheStation() {
        TestDatabase db;
        m_station = m_dir.filePath(QStringLiteral("station.db"));
        const QByteArray header = "sku,name,spec,unit,price_fen,category,supplier,barcode,active,image\n";
        QCOMPARE(import(db.spec(), header +
                                       "R1,香稻丸,500 g/袋,袋,1280,粮油,县供销社,6901234567892,1,r1.jpg\n"
                                       "F1,复合肥,50 kg,袋,16000,化肥,,,1,\n"
                                       "S1,稻种,1 kg,袋,3500,种子,,,1,\n"),
                 QStringLiteral(R"({"added":3,"changed":0,"unchanged":0,"withdrawn":0})"));
        const QString code = addCountyStation(db.spec(), QStringLiteral("东村站"), QStringLiteral("城关镇"));
        QVERIFY(!code.isEmpty());
        QCOMPARE(ctl({QStringLiteral("init"), QStringLiteral("--station-name"), QStringLiteral("T")}).code,
                 0);
        CountyProcess server(db.spec());
        QVERIFY2(server.port() > 0, qPrintable(server.output()));
        const Run enrolled = ctl({QStringLiteral("enroll"), QStringLiteral("--server"), server.url(),
                                  QStringLiteral("--code"), code});
        QVERIFY2(enrolled.code == 0, enrolled.err.constData());
        QVERIFY(search(QStringLiteral("xdw")).isEmpty()); // nothing before the first sync
        Run synced = ctl({QStringLiteral("sync"), QStringLiteral("--once")});
        QVERIFY2(synced.code == 0, synced.err.constData());

        auto found = search(QStringLiteral("xdw"));
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().value(QStringLiteral("sku")).toString(), QStringLiteral("R1"));
        QCOMPARE(found.first().value(QStringLiteral("price_fen")).toInteger(), 1280);
        QCOMPARE(search(QStringLiteral("dz")).first().value(QStringLiteral("sku")).toString(),
                 QStringLiteral("S1"));

        // A new price for R1, S1 left out: withdrawn.
        QCOMPARE(import(db.spec(), header +
                                       "R1,香稻丸,500 g/袋,袋,1350,粮油,县供销社,6901234567892,1,r1.jpg\n"
                                       "F1,复合肥,50 kg,袋,16000,化肥,,,1,\n"),
                 QStringLiteral(R"({"added":0,"changed":1,"unchanged":1,"withdrawn":1})"));
        QCOMPARE(search(QStringLiteral("xdw")).first().value(QStringLiteral("price_fen")).toInteger(), 1280);
        synced = ctl({QStringLiteral("sync"), QStringLiteral("--once")});
        QVERIFY2(synced.code == 0, synced.err.constData());
        found = search(QStringLiteral("xiangdaowan"));
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().value(QStringLiteral("price_fen")).toInteger(), 1350);
        QVERIFY(search(QStringLiteral("dz")).isEmpty());
        QVERIFY(search(QStringLiteral("稻种")).isEmpty());
        const Run cats = ctl({QStringLiteral("catalogue"), QStringLiteral("categories")});
        QCOMPARE(cats.code, 0);
        QVERIFY(!cats.out.contains("种子"));
    }
};

QTEST_GUILESS_MAIN(TstCatalogueE2e)
#include "tst_catalogue_e2e.moc"
