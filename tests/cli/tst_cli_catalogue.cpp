// cunzhanctl catalogue search / categories: what a clerk finds (initials, full pinyin, name, barcode),
// prices in yuan in both languages, --json lines, the category filter and bad usage.
#include "ctlfixture.h"
#include "samplecatalogue.h"
#include "stationfixture.h"

using namespace cz;
using namespace cz::test;

class TestCliCatalogue : public QObject, public CtlFixture {
    Q_OBJECT
private Q_SLOTS:
    void init() {
        setUpFolder();
        initStation();
        // Stored as sync stores what the county publishes; no cunzhanctl runs meanwhile.
        auto station = StationServices::open(m_db);
        QVERIFY(station.has_value());
        QVERIFY(storeCatalogue(
            *(*station)->ctx,
            {{QStringLiteral("R1"), QStringLiteral("香稻丸"), 1280, QStringLiteral("粮油"),
              QStringLiteral("6901234567892"), true, QStringLiteral("500 g/袋"), QStringLiteral("袋")},
             {QStringLiteral("R2"),
              QStringLiteral("东北大米"),
              4500,
              QStringLiteral("粮油"),
              {},
              true,
              QStringLiteral("5 kg"),
              QStringLiteral("袋")},
             {QStringLiteral("S1"), QStringLiteral("稻种"), 3505, QStringLiteral("种子"), {}, true, {}, {}},
             {QStringLiteral("X1"),
              QStringLiteral("香稻饼"),
              990,
              QStringLiteral("食品"),
              {},
              false,
              {},
              {}}}));
    }
    void cleanup() { tearDownFolder(); }

    void searchesAsAClerkDoes() {
        for (const QString& q : {QStringLiteral("xdw"), QStringLiteral("xiangdaowan"), QStringLiteral("丸"),
                                 QStringLiteral("6901234567892")}) {
            const auto found = json({QStringLiteral("catalogue"), QStringLiteral("search"), q});
            QCOMPARE(found.size(), 1);
            QCOMPARE(found.first().value(QStringLiteral("sku")).toString(), QStringLiteral("R1"));
            QCOMPARE(found.first().value(QStringLiteral("price_fen")).toInteger(), 1280);
            QCOMPARE(found.first().value(QStringLiteral("unit")).toString(), QStringLiteral("袋"));
        }
        // "xiang dao" is two words on the command line or one quoted argument.
        QCOMPARE(json({QStringLiteral("catalogue"), QStringLiteral("search"), QStringLiteral("xiang"),
                       QStringLiteral("dao")})
                     .size(),
                 1);
        // The withdrawn 香稻饼 is not offered.
        const auto xiang =
            json({QStringLiteral("catalogue"), QStringLiteral("search"), QStringLiteral("香稻")});
        QCOMPARE(xiang.size(), 1);
        const auto dao = json({QStringLiteral("catalogue"), QStringLiteral("search"), QStringLiteral("稻"),
                               QStringLiteral("--category"), QStringLiteral("种子")});
        QCOMPARE(dao.size(), 1);
        QCOMPARE(dao.first().value(QStringLiteral("sku")).toString(), QStringLiteral("S1"));
        QCOMPARE(json({QStringLiteral("catalogue"), QStringLiteral("search"), QStringLiteral("稻"),
                       QStringLiteral("--limit"), QStringLiteral("1")})
                     .size(),
                 1);
        QCOMPARE(json({QStringLiteral("catalogue"), QStringLiteral("search"), QStringLiteral("zzzz")}).size(),
                 0);
    }

    void pricesInYuanInBothLanguages() {
        Run r = ctl({QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("catalogue"),
                     QStringLiteral("search"), QStringLiteral("xdw")});
        QCOMPARE(r.code, 0);
        const QString en = QString::fromUtf8(r.out);
        QVERIFY2(en.contains(QStringLiteral("12.80 yuan/袋")), qPrintable(en));
        QVERIFY(en.contains(QStringLiteral("Name")));
        QVERIFY(en.contains(QStringLiteral("500 g/袋")));
        r = ctl({QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("catalogue"),
                 QStringLiteral("search"), QStringLiteral("daozhong")});
        QCOMPARE(r.code, 0);
        const QString zh = QString::fromUtf8(r.out);
        QVERIFY2(zh.contains(QStringLiteral("35.05 元")), qPrintable(zh));
        QVERIFY(zh.contains(QStringLiteral("名称")));
        r = ctl({QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("catalogue"),
                 QStringLiteral("search"), QStringLiteral("zzzz")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.isEmpty());
        QVERIFY(r.err.contains("No item"));
    }

    void categories() {
        const auto cats = json({QStringLiteral("catalogue"), QStringLiteral("categories")});
        QCOMPARE(cats.size(), 2);
        QCOMPARE(cats.at(0).value(QStringLiteral("category")).toString(), QStringLiteral("种子"));
        QCOMPARE(cats.at(0).value(QStringLiteral("items")).toInt(), 1);
        QCOMPARE(cats.at(1).value(QStringLiteral("category")).toString(), QStringLiteral("粮油"));
        QCOMPARE(cats.at(1).value(QStringLiteral("items")).toInt(), 2);
        const Run r = ctl({QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("catalogue"),
                           QStringLiteral("categories")});
        QCOMPARE(r.code, 0);
        QVERIFY(QString::fromUtf8(r.out).contains(QStringLiteral("粮油")));
    }

    void badUsage() {
        for (const QStringList& args :
             {QStringList{QStringLiteral("catalogue")},
              QStringList{QStringLiteral("catalogue"), QStringLiteral("search")},
              QStringList{QStringLiteral("catalogue"), QStringLiteral("search"), QStringLiteral("  ")},
              QStringList{QStringLiteral("catalogue"), QStringLiteral("search"), QStringLiteral("x"),
                          QStringLiteral("--limit"), QStringLiteral("0")},
              QStringList{QStringLiteral("catalogue"), QStringLiteral("search"), QStringLiteral("x"),
                          QStringLiteral("--limit"), QStringLiteral("201")},
              QStringList{QStringLiteral("catalogue"), QStringLiteral("categories"), QStringLiteral("x")},
              QStringList{QStringLiteral("catalogue"), QStringLiteral("remove")}}) {
            const Run r = ctl(args);
            QVERIFY2(r.code == 2, qPrintable(args.join(QLatin1Char(' '))));
        }
    }
};

QTEST_GUILESS_MAIN(TestCliCatalogue)
#include "tst_cli_catalogue.moc"
