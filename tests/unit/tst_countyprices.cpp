// Unified prices at the station: the county's rate tables and waybill blocks stored through
// applyCountyChange (as the sync client does), the county's table winning per carrier over the
// station's own import, a block sent again kept as it is, and dispatches priced and numbered from
// them without any hand import.
#include "countychanges.h"
#include "dispatch.h"
#include "fixture.h"
#include "ratetable.h"
#include "sampledispatch.h"
#include "writetx.h"

#include <QJsonArray>

using namespace cz;

namespace {

ChangeOutcome apply(test::Fixture& f, const CountyChange& change) {
    UuidV7Source ids(*f.clock);
    auto tx = WriteTx::beginDownstream(f.station->ctx->database(), *f.clock, ids);
    if (!tx)
        qFatal("begin: %s", qPrintable(tx.error().message));
    auto outcome = applyCountyChange(*tx, change);
    if (!outcome)
        qFatal("apply: %s", qPrintable(outcome.error().message));
    if (!tx->commit())
        qFatal("commit");
    return *outcome;
}

CountyChange rateTable(const QString& carrier, const QJsonArray& rows) {
    return {QStringLiteral("rates"), carrier,
            QJsonObject{{QStringLiteral("carrier"), carrier}, {QStringLiteral("rows"), rows}}, false};
}

CountyChange block(const QString& carrier, const QString& prefix, qint64 from, qint64 to, int digits) {
    return {QStringLiteral("waybill_block"),
            carrier + QLatin1Char(':') + rates::waybillNumber(prefix, from, digits),
            QJsonObject{{QStringLiteral("carrier"), carrier},
                        {QStringLiteral("prefix"), prefix},
                        {QStringLiteral("digits"), digits},
                        {QStringLiteral("from"), from},
                        {QStringLiteral("to"), to}},
            false};
}

// A table of one row (a braced QJsonArray of one QJsonArray would be a copy of the row).
QJsonArray oneRow(const QString& province, const QString& zone, qint64 first, qint64 extra, int maxWeight) {
    QJsonArray rows;
    rows.append(QJsonArray{province, zone, first, extra, maxWeight});
    return rows;
}

DispatchRequest request(const QString& carrier, const QString& province) {
    DispatchRequest r = test::sampleDispatchRequest();
    r.carrier = carrier;
    r.province = province;
    r.weightGrams = 2500;
    r.waybill.clear(); // the next number of the carrier's block
    return r;
}

} // namespace

class TestCountyPrices : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void countyRatesPriceAndNumberWithoutImport() {
        test::Fixture f;
        DispatchDesk desk(*f.station->ctx);
        QCOMPARE(desk.quote(QStringLiteral("YTO"), QStringLiteral("江西省"), 2500).error().code,
                 QStringLiteral("dispatch.no_rate"));
        QVERIFY(apply(f, rateTable(QStringLiteral("YTO"), oneRow(QStringLiteral("江西省"),
                                                                 QStringLiteral("赣-01"), 800, 300, 30000)))
                    .stored);
        QVERIFY(apply(f, block(QStringLiteral("YTO"), QStringLiteral("YT8"), 1, 2, 11)).stored);
        auto q = desk.quote(QStringLiteral("YTO"), QStringLiteral("江西省"), 2500);
        QVERIFY2(q, q ? "" : qPrintable(q.error().message));
        QCOMPARE(q->feeFen, 800 + 2 * 300);
        QCOMPARE(*desk.provinces(), QStringList{QStringLiteral("江西省")});
        QCOMPARE(*desk.waybillsLeft(QStringLiteral("YTO")), 2);
        auto d = desk.accept(request(QStringLiteral("YTO"), QStringLiteral("江西省")));
        QVERIFY2(d, d ? "" : qPrintable(d.error().message));
        QCOMPARE(d->waybill, QStringLiteral("YT800000000001"));
        QCOMPARE(d->feeFen, 1400);
        // The same block sent again (a reset's snapshot) keeps the numbers already used.
        QVERIFY(apply(f, block(QStringLiteral("YTO"), QStringLiteral("YT8"), 1, 2, 11)).stored);
        QCOMPARE(*desk.waybillsLeft(QStringLiteral("YTO")), 1);
        QCOMPARE(desk.accept(request(QStringLiteral("YTO"), QStringLiteral("江西省")))->waybill,
                 QStringLiteral("YT800000000002"));
        QCOMPARE(desk.accept(request(QStringLiteral("YTO"), QStringLiteral("江西省"))).error().code,
                 QStringLiteral("dispatch.no_waybill_numbers"));
    }

    void countyTableWinsPerCarrier() {
        test::Fixture f;
        DispatchDesk desk(*f.station->ctx);
        QCOMPARE(*desk.importRates(QStringLiteral("YTO,江西省,本站,500,100,30000\n"
                                                  "YTO,湖南省,本站,600,100,30000\n"
                                                  "SF,江西省,本站,1300,500,20000\n")),
                 3);
        QCOMPARE(desk.quote(QStringLiteral("YTO"), QStringLiteral("江西省"), 1000)->feeFen, 500);
        QVERIFY(apply(f, rateTable(QStringLiteral("YTO"), oneRow(QStringLiteral("江西省"),
                                                                 QStringLiteral("赣-01"), 800, 300, 30000)))
                    .stored);
        // YTO: the county's table only (湖南省 is not in it); SF: the station's own.
        QCOMPARE(desk.quote(QStringLiteral("YTO"), QStringLiteral("江西省"), 1000)->feeFen, 800);
        QCOMPARE(desk.quote(QStringLiteral("YTO"), QStringLiteral("江西省"), 1000)->zone,
                 QStringLiteral("赣-01"));
        QCOMPARE(desk.quote(QStringLiteral("YTO"), QStringLiteral("湖南省"), 1000).error().code,
                 QStringLiteral("dispatch.no_rate"));
        QCOMPARE(desk.quote(QStringLiteral("SF"), QStringLiteral("江西省"), 1000)->feeFen, 1300);
        QCOMPARE(*desk.provinces(), QStringList{QStringLiteral("江西省")});
        // A local import of YTO still succeeds, and the county's table still decides.
        QCOMPARE(*desk.importRates(QStringLiteral("YTO,江西省,本站,400,100,30000\n")), 1);
        QCOMPARE(desk.quote(QStringLiteral("YTO"), QStringLiteral("江西省"), 1000)->feeFen, 800);
        // The county withdraws its table: the station's own is used again.
        QVERIFY(apply(f, {QStringLiteral("rates"), QStringLiteral("YTO"), {}, true}).stored);
        QCOMPARE(desk.quote(QStringLiteral("YTO"), QStringLiteral("江西省"), 1000)->feeFen, 400);
    }

    void unusableChangesAreSkipped() {
        test::Fixture f;
        DispatchDesk desk(*f.station->ctx);
        const int outbox = f.rows(QStringLiteral("outbox"));
        QVERIFY(!apply(f, rateTable(QStringLiteral("YTO"),
                                    oneRow(QStringLiteral("江西省"), QStringLiteral("x"), -1, 300, 30000)))
                     .stored);
        QVERIFY(!apply(f, rateTable(QStringLiteral("YTO"), {})).stored);
        QCOMPARE(f.rows(QStringLiteral("county_rate")), 0);
        QVERIFY(!apply(f, block(QStringLiteral("YTO"), QStringLiteral("YT8"), 5, 1, 11)).stored);
        QVERIFY(!apply(f, block(QStringLiteral("NOPE"), QStringLiteral("YT8"), 1, 5, 11)).stored);
        // Overlapping a block the station imported itself: skipped, no number handed out twice.
        QVERIFY(desk.importWaybillBlock(QStringLiteral("YTO"), QStringLiteral("YT8"), 1, 100, 11));
        QVERIFY(!apply(f, block(QStringLiteral("YTO"), QStringLiteral("YT8"), 50, 150, 11)).stored);
        QCOMPARE(*desk.waybillsLeft(QStringLiteral("YTO")), 100);
        // Downstream writes append no op.
        QCOMPARE(f.rows(QStringLiteral("outbox")), outbox + 1);
    }
};

QTEST_GUILESS_MAIN(TestCountyPrices)
#include "tst_countyprices.moc"
