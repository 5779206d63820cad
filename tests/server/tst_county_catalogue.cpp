// The county's catalogue import (sync/server/catalogue.h) on both backends: every bad line named and
// nothing written, only differences published (added, changed, withdrawn), compaction keeping the
// newest change per sku, and a new station's first pull carrying the whole catalogue.
#include "catalogue.h"
#include "countyfixture.h"

using namespace cz;
using namespace cz::test;

namespace {

const QByteArray kHeader = "sku,name,spec,unit,price_fen,category,supplier,barcode,active\n";

// All changes a station sees from the start, following `more`.
QList<sync::Change> pullEverything(CountyFixture& f, const StationLogin& s, qint64 after = 0,
                                   int limit = 1000) {
    QList<sync::Change> all;
    for (;;) {
        const auto r = f.pull(s, after, limit);
        const auto d = sync::decodePullResponse(r.body);
        if (r.status != 200 || !d)
            qFatal("pull failed: %d", r.status);
        all.append(d->changes);
        after = d->next;
        if (!d->more)
            return all;
    }
}

QHash<QString, QJsonObject> latestBySku(const QList<sync::Change>& changes) {
    QHash<QString, QJsonObject> out;
    for (const sync::Change& c : changes)
        if (c.kind == QLatin1String("catalogue_item"))
            out.insert(c.key, c.data);
    return out;
}

} // namespace

class TestCountyCatalogue : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { CZ_REQUIRE_BACKEND(); }

    void importPublishesOnlyDifferences() {
        CountyFixture f;
        const StationLogin s = f.enrolStation();
        const QByteArray first = kHeader + "R1,香稻丸,500 g/袋,袋,1280,粮油,县供销社,6901234567892,1\n"
                                           "F1,\"复合肥, 45%\",50 kg,袋,16000,化肥,,,1\n"
                                           "S1,稻种,1 kg,袋,3500,种子,,,1\n"
                                           "O1,旧货,,,100,日用,,,0\n";
        auto r = county::importCatalogue(*f.store, first);
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QCOMPARE(r->added, 4);
        QCOMPARE(f.count(QStringLiteral("changes")), 4);
        auto page = pullEverything(f, s);
        QCOMPARE(page.size(), 4);
        QCOMPARE(page.first().kind, QStringLiteral("catalogue_item"));
        const QJsonObject rice = latestBySku(page).value(QStringLiteral("R1"));
        QCOMPARE(rice.value(QStringLiteral("name")).toString(), QStringLiteral("香稻丸"));
        QCOMPARE(rice.value(QStringLiteral("price_fen")).toInteger(), 1280);
        QCOMPARE(rice.value(QStringLiteral("barcode")).toString(), QStringLiteral("6901234567892"));
        QCOMPARE(rice.value(QStringLiteral("supplier")).toString(), QStringLiteral("县供销社"));
        QCOMPARE(rice.value(QStringLiteral("active")).toBool(), true);
        QCOMPARE(rice.keys().size(), 9);
        QCOMPARE(latestBySku(page).value(QStringLiteral("F1")).value(QStringLiteral("name")).toString(),
                 QStringLiteral("复合肥, 45%"));
        const qint64 cursor = page.last().seq;

        // The same file again publishes nothing.
        r = county::importCatalogue(*f.store, first);
        QVERIFY(r);
        QCOMPARE(r->unchanged, 4);
        QCOMPARE(r->added + r->changed + r->withdrawn, 0);
        QCOMPARE(f.count(QStringLiteral("changes")), 4);

        // A price change, S1 missing (withdrawn), O1 back in sale, a new item; an image name alone
        // changes nothing the stations see.
        const QByteArray second = "sku,name,spec,unit,price_fen,category,supplier,barcode,active,image\n"
                                  "R1,香稻丸,500 g/袋,袋,1350,粮油,县供销社,6901234567892,1,\n"
                                  "F1,\"复合肥, 45%\",50 kg,袋,16000,化肥,,,1,f1.jpg\n"
                                  "O1,旧货,,,100,日用,,,1,\n"
                                  "N1,洗衣粉,1 kg,袋,990,日用,,,1,n1.png\n";
        r = county::importCatalogue(*f.store, second);
        QVERIFY(r);
        QCOMPARE(r->added, 1);
        QCOMPARE(r->changed, 2);
        QCOMPARE(r->withdrawn, 1);
        QCOMPARE(r->unchanged, 1);
        const auto next = pullEverything(f, s, cursor);
        QCOMPARE(next.size(), 4);
        const auto latest = latestBySku(next);
        QCOMPARE(latest.value(QStringLiteral("R1")).value(QStringLiteral("price_fen")).toInteger(), 1350);
        QCOMPARE(latest.value(QStringLiteral("S1")).value(QStringLiteral("active")).toBool(), false);
        QCOMPARE(latest.value(QStringLiteral("S1")).value(QStringLiteral("name")).toString(),
                 QStringLiteral("稻种"));
        QCOMPARE(latest.value(QStringLiteral("O1")).value(QStringLiteral("active")).toBool(), true);
        QVERIFY(!latest.contains(QStringLiteral("F1")));
        auto list = county::listCatalogue(*f.store);
        QVERIFY(list);
        QCOMPARE(list->size(), 5);
        QCOMPARE(list->at(0).sku, QStringLiteral("F1"));
        QCOMPARE(list->at(0).image, QStringLiteral("f1.jpg"));
        QCOMPARE(list->at(4).sku, QStringLiteral("S1"));
        QCOMPARE(list->at(4).active, false);

        // Explicitly withdrawn (active 0) counts as withdrawn; a withdrawn item absent again, nothing.
        r = county::importCatalogue(*f.store, kHeader +
                                                  "R1,香稻丸,500 g/袋,袋,1350,粮油,县供销社,6901234567892,0\n"
                                                  "F1,\"复合肥, 45%\",50 kg,袋,16000,化肥,,,1\n");
        QVERIFY(r);
        QCOMPARE(r->withdrawn, 3); // R1 by its flag, O1 and N1 by their absence
        QCOMPARE(r->unchanged, 1);
    }

    void compactionKeepsTheNewestPerSkuAndANewStationGetsAll() {
        CountyFixture f;
        QByteArray csv = kHeader;
        for (int i = 0; i < 30; ++i)
            csv += QStringLiteral("K%1,商品%1,,,%2,日用,,,1\n").arg(i).arg(100 + i).toUtf8();
        QVERIFY(county::importCatalogue(*f.store, csv));
        QByteArray repriced = kHeader;
        for (int i = 0; i < 30; ++i)
            if (i != 7)
                repriced += QStringLiteral("K%1,商品%1,,,%2,日用,,,1\n")
                                .arg(i)
                                .arg(i < 10 ? 200 + i : 100 + i)
                                .toUtf8();
        auto r = county::importCatalogue(*f.store, repriced);
        QVERIFY(r);
        QCOMPARE(r->changed, 9);
        QCOMPARE(r->withdrawn, 1);
        QCOMPARE(f.count(QStringLiteral("changes")), 40);
        auto compacted = county::compact(*f.store, std::nullopt);
        QVERIFY(compacted);
        QCOMPARE(compacted->superseded, 10);
        QCOMPARE(f.count(QStringLiteral("changes")), 30);
        // A station enrolled now pulls the whole catalogue, newest versions, in small pages too.
        const StationLogin late = f.enrolStation(QStringLiteral("新站"));
        const auto all = latestBySku(pullEverything(f, late, 0, 7));
        QCOMPARE(all.size(), 30);
        QCOMPARE(all.value(QStringLiteral("K3")).value(QStringLiteral("price_fen")).toInteger(), 203);
        QCOMPARE(all.value(QStringLiteral("K15")).value(QStringLiteral("price_fen")).toInteger(), 115);
        QCOMPARE(all.value(QStringLiteral("K7")).value(QStringLiteral("active")).toBool(), false);
    }

    void badLinesRejectTheWholeFile() {
        CountyFixture f;
        QVERIFY(county::importCatalogue(*f.store, kHeader + "A1,好东西,,,100,日用,,,1\n"));
        const QList<qint64> before = f.counts();
        const QByteArray bad = kHeader + "A1,好东西,,,150,日用,,,1\n"       // line 2: fine
                                         "B 1,名字,,,100,日用,,,1\n"        // 3: space in sku
                                         "C1,,,,100,日用,,,1\n"             // 4: no name
                                         "D1,名字,,,12.5,日用,,,1\n"        // 5: price
                                         "E1,名字,,,100,日用,,,2\n"         // 6: active
                                         "F1,名字,,,100,日用,,1234567,1\n"  // 7: barcode too short
                                         "A1,重复,,,100,日用,,,1\n"         // 8: duplicate sku
                                         "G1,名字,,,100,日用,,,1,extra\n"   // 9: field count
                                         "H1,名字,,,10000000001,日用,,,1\n" // 10: price too high
                                         "I1,名\x1b[31m字,,,100,日用,,,1\n" // 11: control character
                                         "J1,名字,,,-5,日用,,,1\n";         // 12: negative
        auto r = county::importCatalogue(*f.store, bad);
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("catalogue.invalid"));
        QStringList lines;
        for (const QString& d : r.error().details)
            lines.append(d.section(QLatin1Char(':'), 0, 0));
        QCOMPARE(lines, (QStringList{"line 3", "line 4", "line 5", "line 6", "line 7", "line 8", "line 9",
                                     "line 10", "line 11", "line 12"}));
        QCOMPARE(f.counts(), before);
        QCOMPARE(county::listCatalogue(*f.store)->first().priceFen, 100);

        QCOMPARE(county::importCatalogue(*f.store, "sku,name\nA,b\n").error().code,
                 QStringLiteral("catalogue.bad_header"));
        QCOMPARE(county::importCatalogue(*f.store, kHeader).error().code, QStringLiteral("catalogue.empty"));
        QCOMPARE(county::importCatalogue(*f.store, kHeader + "A1,\xff\xfe,,,1,,,,1\n").error().code,
                 QStringLiteral("catalogue.encoding"));
        QCOMPARE(county::importCatalogue(*f.store,
                                         kHeader.trimmed() + ",image\nA1,好东西,,,100,日用,,,1,../x.jpg\n")
                     .error()
                     .code,
                 QStringLiteral("catalogue.invalid"));
        // Long fields and a byte-order mark with CRLF line ends.
        QCOMPARE(county::importCatalogue(*f.store, kHeader + "A1," + QByteArray(201, 'x') + ",,,1,,,,1\n")
                     .error()
                     .code,
                 QStringLiteral("catalogue.invalid"));
        QCOMPARE(
            county::importCatalogue(*f.store, kHeader + QByteArray(65, 'S') + ",n,,,1,,,,1\n").error().code,
            QStringLiteral("catalogue.invalid"));
        QCOMPARE(f.counts(), before);
        auto ok = county::importCatalogue(*f.store, "\xEF\xBB\xBF" + kHeader.trimmed() +
                                                        "\r\nA1,好东西,,,100,日用,,69012345678921,1\r\n");
        QVERIFY2(ok, ok ? "" : qPrintable(ok.error().details.join(QLatin1Char('\n'))));
        QCOMPARE(ok->changed, 1);
    }
};

QTEST_GUILESS_MAIN(TestCountyCatalogue)
#include "tst_county_catalogue.moc"
