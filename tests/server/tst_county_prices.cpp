// Unified prices at the county on SQLite or PostgreSQL: rate tables validated like the station's
// import (every bad line named, nothing published) and published per carrier to every station;
// waybill blocks assigned to one station each, never overlapping across stations.
#include "countyfixture.h"
#include "prices.h"

#include <QJsonArray>

using namespace cz;
using namespace cz::test;

namespace {

QList<sync::Change> pulled(CountyFixture& f, const StationLogin& s, const QString& kind) {
    const auto r = f.pull(s, 0, 1000);
    const auto d = sync::decodePullResponse(r.body);
    if (r.status != 200 || !d)
        qFatal("pull failed: %d", r.status);
    QList<sync::Change> out;
    for (const sync::Change& c : d->changes)
        if (c.kind == kind)
            out.append(c);
    return out;
}

} // namespace

class TstCountyPrices : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { CZ_REQUIRE_BACKEND(); }

    void ratesArePublishedToEveryStation() {
        CountyFixture f;
        const StationLogin a = f.enrolStation(QStringLiteral("甲站"));
        const StationLogin b = f.enrolStation(QStringLiteral("乙站"));
        const QByteArray csv = "\xEF\xBB\xBF"
                               "carrier,province,zone,first_fen,extra_fen_per_kg,max_weight_g\r\n"
                               "yto,江西省,赣-01,800,300,30000\r\n"
                               "YTO,广东省,粤-20,1200,600,30000\r\n"
                               "SF,江西省,赣-A,1300,500,20000\r\n"
                               "YTO,江西省,赣-01,900,300,30000\r\n";
        auto published = county::importCountyRates(*f.store, csv);
        QVERIFY2(published, published ? "" : qPrintable(published.error().message));
        QCOMPARE(published->rows, 3);
        QCOMPARE(published->carriers, (QStringList{QStringLiteral("YTO"), QStringLiteral("SF")}));
        for (const StationLogin& s : {a, b}) {
            const auto changes = pulled(f, s, QStringLiteral("rates"));
            QCOMPARE(changes.size(), 2);
            QCOMPARE(changes.at(0).key, QStringLiteral("YTO"));
            const QJsonArray rows = changes.at(0).data.value(QStringLiteral("rows")).toArray();
            QCOMPARE(rows.size(), 2);
            // The later line for the same carrier and province wins, as at the station.
            QCOMPARE(rows.at(0).toArray().at(2).toInt(), 900);
            QCOMPARE(changes.at(1).key, QStringLiteral("SF"));
        }
    }

    void badRateFilesPublishNothing() {
        CountyFixture f;
        f.enrolStation();
        const auto bad = county::importCountyRates(
            *f.store, "carrier,province,zone,first_fen,extra_fen_per_kg,max_weight_g\n"
                      "YTO,江西省,赣-01,800,300,30000\n"
                      "YTO,广东省,粤-20,abc,600,30000\n"
                      "NOPE,江西省,x,1,1,1\n"
                      "SF,江西省,赣-A,1300,500\n");
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, QStringLiteral("rates.invalid"));
        QCOMPARE(bad.error().details.size(), 3);
        QVERIFY(bad.error().details.at(0).startsWith(QLatin1String("line 3:")));
        QVERIFY(bad.error().details.at(1).startsWith(QLatin1String("line 4:")));
        QVERIFY(bad.error().details.at(1).contains(QLatin1String("NOPE")));
        QVERIFY(bad.error().details.at(2).startsWith(QLatin1String("line 5:")));
        QCOMPARE(county::importCountyRates(*f.store, "carrier,province\n").error().code,
                 QStringLiteral("rates.empty"));
        QCOMPARE(county::importCountyRates(*f.store, "YTO,\xC4\xE3,x,1,1,1\n").error().code,
                 QStringLiteral("rates.encoding"));
        QCOMPARE(f.count(QStringLiteral("changes")), 0);
        // A carrier the county's own rules added is known.
        f.addChange({}, QStringLiteral("carrier_rules"), QStringLiteral("all"),
                    QJsonObject{{QStringLiteral("carriers"),
                                 QJsonArray{QJsonObject{{QStringLiteral("code"), QStringLiteral("NOPE")}}}}});
        QVERIFY(county::importCountyRates(*f.store, "NOPE,江西省,x,1,1,1\n"));
    }

    void blocksAreAssignedToOneStationWithoutOverlap() {
        CountyFixture f;
        const StationLogin a = f.enrolStation(QStringLiteral("甲站"));
        const StationLogin b = f.enrolStation(QStringLiteral("乙站"));
        auto first = county::assignWaybillBlock(
            *f.store, {a.id, QStringLiteral("yto"), QStringLiteral("yt8"), 1, 1000, 11});
        QVERIFY2(first, first ? "" : qPrintable(first.error().message));
        QCOMPARE(county::firstNumber(*first), QStringLiteral("YT800000000001"));
        const qint64 changes = f.count(QStringLiteral("changes"));
        // Overlapping a block of another station: refused, nothing written.
        auto overlap = county::assignWaybillBlock(
            *f.store, {b.id, QStringLiteral("YTO"), QStringLiteral("YT8"), 1000, 2000, 11});
        QVERIFY(!overlap);
        QCOMPARE(overlap.error().code, QStringLiteral("waybill_block.overlap"));
        QCOMPARE(overlap.error().kind, ErrorKind::Conflict);
        QVERIFY(overlap.error().message.contains(a.id));
        QCOMPARE(f.count(QStringLiteral("changes")), changes);
        QVERIFY(county::assignWaybillBlock(
            *f.store, {b.id, QStringLiteral("YTO"), QStringLiteral("YT8"), 1001, 2000, 11}));
        // The station's own rules for a block, an unknown station, an unknown carrier.
        QCOMPARE(
            county::assignWaybillBlock(*f.store, {b.id, QStringLiteral("YTO"), {}, 1, 99, 0}).error().code,
            QStringLiteral("waybill_block.invalid"));
        QCOMPARE(county::assignWaybillBlock(*f.store,
                                            {QStringLiteral("st-none"), QStringLiteral("YTO"), {}, 1, 99, 9})
                     .error()
                     .kind,
                 ErrorKind::NotFound);
        QCOMPARE(
            county::assignWaybillBlock(*f.store, {b.id, QStringLiteral("XX"), {}, 1, 99, 9}).error().code,
            QStringLiteral("carrier.unknown"));
        // Each block only to its station, keyed carrier:first number.
        const auto forA = pulled(f, a, QStringLiteral("waybill_block"));
        QCOMPARE(forA.size(), 1);
        QCOMPARE(forA.first().key, QStringLiteral("YTO:YT800000000001"));
        QCOMPARE(forA.first().data.value(QStringLiteral("to")).toInteger(), 1000);
        QCOMPARE(forA.first().data.value(QStringLiteral("digits")).toInt(), 11);
        const auto forB = pulled(f, b, QStringLiteral("waybill_block"));
        QCOMPARE(forB.size(), 1);
        QCOMPARE(forB.first().key, QStringLiteral("YTO:YT800000001001"));
    }

    // Withdrawals: a carrier's table (every station then prices it from its own import again) and
    // one station's block (no new number from it), each published as a tombstone; a block withdrawn
    // stays recorded, so its numbers are never assigned to another station.
    void withdrawalsArePublished() {
        CountyFixture f;
        const StationLogin a = f.enrolStation(QStringLiteral("甲站"));
        const StationLogin b = f.enrolStation(QStringLiteral("乙站"));
        QVERIFY(county::importCountyRates(*f.store,
                                          "carrier,province,zone,first_fen,extra_fen_per_kg,max_weight_g\n"
                                          "YTO,江西省,赣-01,800,300,30000\n"
                                          "SF,江西省,赣-A,1300,500,20000\n"));
        const auto last = [&](const StationLogin& s, const QString& kind, const QString& key) {
            sync::Change found;
            found.key = QStringLiteral("none");
            for (const sync::Change& c : pulled(f, s, kind))
                if (c.key == key)
                    found = c;
            return found;
        };
        QVERIFY(!last(a, QStringLiteral("rates"), QStringLiteral("YTO")).deleted);
        const qint64 before = f.count(QStringLiteral("changes"));
        QCOMPARE(county::withdrawCountyRates(*f.store, QStringLiteral("EMS")).error().code,
                 QStringLiteral("rates.not_published"));
        QCOMPARE(f.count(QStringLiteral("changes")), before);
        QVERIFY(county::withdrawCountyRates(*f.store, QStringLiteral("yto")));
        for (const StationLogin& s : {a, b}) {
            const sync::Change c = last(s, QStringLiteral("rates"), QStringLiteral("YTO"));
            QCOMPARE(c.key, QStringLiteral("YTO"));
            QVERIFY(c.deleted);
            QVERIFY(!last(s, QStringLiteral("rates"), QStringLiteral("SF")).deleted);
        }
        QCOMPARE(county::withdrawCountyRates(*f.store, QStringLiteral("YTO")).error().code,
                 QStringLiteral("rates.not_published"));
        // Published again later: in use again.
        QVERIFY(county::importCountyRates(*f.store,
                                          "carrier,province,zone,first_fen,extra_fen_per_kg,max_weight_g\n"
                                          "YTO,江西省,赣-01,850,300,30000\n"));
        QVERIFY(!last(b, QStringLiteral("rates"), QStringLiteral("YTO")).deleted);

        QVERIFY(county::assignWaybillBlock(
            *f.store, {a.id, QStringLiteral("YTO"), QStringLiteral("YT8"), 1, 1000, 11}));
        QCOMPARE(
            county::withdrawWaybillBlock(*f.store, b.id, QStringLiteral("YTO:YT800000000001")).error().code,
            QStringLiteral("waybill_block.not_found"));
        QCOMPARE(
            county::withdrawWaybillBlock(*f.store, a.id, QStringLiteral("YTO:YT800000000002")).error().code,
            QStringLiteral("waybill_block.not_found"));
        auto withdrawn = county::withdrawWaybillBlock(*f.store, a.id, QStringLiteral("yto:yt800000000001"));
        QVERIFY2(withdrawn, withdrawn ? "" : qPrintable(withdrawn.error().message));
        QCOMPARE(withdrawn->to, 1000);
        const sync::Change c = last(a, QStringLiteral("waybill_block"), QStringLiteral("YTO:YT800000000001"));
        QVERIFY(c.deleted);
        QCOMPARE(last(b, QStringLiteral("waybill_block"), QStringLiteral("YTO:YT800000000001")).key,
                 QStringLiteral("none"));
        QCOMPARE(
            county::withdrawWaybillBlock(*f.store, a.id, QStringLiteral("YTO:YT800000000001")).error().code,
            QStringLiteral("waybill_block.withdrawn"));
        QCOMPARE(county::assignWaybillBlock(
                     *f.store, {b.id, QStringLiteral("YTO"), QStringLiteral("YT8"), 500, 600, 11})
                     .error()
                     .code,
                 QStringLiteral("waybill_block.overlap"));
    }
};

QTEST_GUILESS_MAIN(TstCountyPrices)
#include "tst_county_prices.moc"
