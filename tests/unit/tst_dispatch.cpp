// Sending parcels: real-name checks, rates and number blocks as data, the fee in the cash book,
// bad input writing nothing, and the van handover freezing what it carried.
#include "dispatch.h"
#include "fixture.h"
#include "manifest.h"
#include "sampledispatch.h"

using namespace cz;

class TestDispatch : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void residentId_data();
    void residentId();
    void quotes();
    void acceptWritesDispatchCashAndOp();
    void badInputWritesNothing_data();
    void badInputWritesNothing();
    void numberBlocks();
    void manifestHandOverFreezes();

private:
    static void setUp(test::Fixture& f);
    static DispatchRequest request();
    static QList<int> counts(test::Fixture& f);
};

void TestDispatch::setUp(test::Fixture& f) {
    DispatchDesk desk(*f.station->ctx);
    auto n = desk.importRates(QStringLiteral("carrier,province,zone,first_fen,extra_fen_per_kg,max_weight_g\n"
                                             "YTO,江西省,赣-01,800,300,30000\n"
                                             "YTO,广东省,粤-20,1200,600,30000\n"
                                             "SF,江西省,赣-A,1300,500,20000\n"));
    if (!n || *n != 3)
        qFatal("rates not imported");
}

DispatchRequest TestDispatch::request() {
    DispatchRequest r = test::sampleDispatchRequest();
    r.senderId = QStringLiteral("36072119850815001 7"); // typed with a space: accepted
    r.contentsNote = QStringLiteral("脐橙");
    return r;
}

QList<int> TestDispatch::counts(test::Fixture& f) {
    return {f.rows(QStringLiteral("dispatch")), f.rows(QStringLiteral("dispatch_event")),
            f.rows(QStringLiteral("cash_entry")), f.rows(QStringLiteral("outbox")),
            f.rows(QStringLiteral("waybill_block"), QStringLiteral("next_no > 1"))};
}

void TestDispatch::residentId_data() {
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("error");
    QTest::newRow("valid X") << "11010519491231002x"
                             << "";
    QTest::newRow("valid digit") << "410102199003071230"
                                 << "";
    QTest::newRow("wrong check") << "410102199003071231"
                                 << "id.check";
    QTest::newRow("wrong check X") << "11010519491231002 1"
                                   << "id.check";
    QTest::newRow("17 chars") << "41010219900307123"
                              << "id.format";
    QTest::newRow("letters") << "4101021990030712AB"
                             << "id.format";
    QTest::newRow("bad birth date") << "410102199002301234"
                                    << "id.check";
}

void TestDispatch::residentId() {
    QFETCH(QString, id);
    QFETCH(QString, error);
    const auto r = validateResidentId(id);
    if (error.isEmpty()) {
        QVERIFY2(r.has_value(), r ? "" : qPrintable(r.error().message));
        QCOMPARE(r->size(), 18);
        return;
    }
    QVERIFY(!r.has_value());
    QCOMPARE(r.error().code, error);
    // The message never shows the whole number.
    QVERIFY(!r.error().message.contains(id.trimmed()));
}

void TestDispatch::quotes() {
    test::Fixture f;
    setUp(f);
    DispatchDesk desk(*f.station->ctx);
    QCOMPARE(desk.quote(QStringLiteral("YTO"), QStringLiteral("江西省"), 1)->feeFen, 800);
    QCOMPARE(desk.quote(QStringLiteral("YTO"), QStringLiteral("江西省"), 1000)->feeFen, 800);
    QCOMPARE(desk.quote(QStringLiteral("YTO"), QStringLiteral("江西省"), 1001)->feeFen, 1100);
    auto q = desk.quote(QStringLiteral("yto"), QStringLiteral("广东省"), 2300);
    QCOMPARE(q->feeFen, 1200 + 2 * 600);
    QCOMPARE(q->chargeableKg, 3);
    QCOMPARE(q->zone, QStringLiteral("粤-20"));
    QCOMPARE(desk.quote(QStringLiteral("SF"), QStringLiteral("广东省"), 500).error().code,
             QStringLiteral("dispatch.no_rate"));
    QCOMPARE(desk.quote(QStringLiteral("SF"), QStringLiteral("江西省"), 20001).error().code,
             QStringLiteral("dispatch.too_heavy"));
    // Just over the limit must not read as "up to 20 kg; this one weighs 20 kg".
    QVERIFY(desk.quote(QStringLiteral("SF"), QStringLiteral("江西省"), 20001)
                .error()
                .message.contains(QStringLiteral("20.001")));
    // Importing a carrier's rates replaces that carrier's table only.
    QCOMPARE(*desk.importRates(QStringLiteral("YTO,江西省,赣-02,900,300,30000")), 1);
    QCOMPARE(desk.quote(QStringLiteral("YTO"), QStringLiteral("广东省"), 500).error().code,
             QStringLiteral("dispatch.no_rate"));
    QCOMPARE(desk.quote(QStringLiteral("SF"), QStringLiteral("江西省"), 500)->feeFen, 1300);
    QCOMPARE(desk.importRates(QStringLiteral("YTO,江西省,x,abc,300,30000")).error().code,
             QStringLiteral("rates.line"));
    QCOMPARE(desk.importRates(QStringLiteral("NOPE,江西省,x,1,1,1")).error().code,
             QStringLiteral("carrier.unknown"));
}

void TestDispatch::acceptWritesDispatchCashAndOp() {
    test::Fixture f;
    setUp(f);
    DispatchDesk desk(*f.station->ctx);
    auto d = desk.accept(request());
    QVERIFY2(d.has_value(), d ? "" : qPrintable(d.error().message));
    QCOMPARE(d->waybill, QStringLiteral("YT900000000001"));
    QCOMPARE(d->feeFen, 2400);
    QCOMPARE(d->zone, QStringLiteral("粤-20"));
    QCOMPARE(d->senderId, QStringLiteral("360721198508150017"));
    QCOMPARE(toString(d->status), QStringLiteral("accepted"));
    QCOMPARE(
        f.rows(QStringLiteral("cash_entry"), QStringLiteral("kind = 'dispatch_fee' AND amount_fen = 2400")),
        1);
    QCOMPARE(f.rows(QStringLiteral("dispatch_event"), QStringLiteral("kind = 'accepted'")), 1);
    QCOMPARE(f.rows(QStringLiteral("outbox"), QStringLiteral("kind = 'dispatch.accepted'")), 1);
    // Lists and scripts see the ID masked.
    const QJsonObject pub = d->toPublicJson();
    QCOMPARE(pub.value(QStringLiteral("sender_id_no")).toString(), QStringLiteral("3607**********0017"));
    QCOMPARE(pub.value(QStringLiteral("recipient_phone")).toString(), QStringLiteral("139****4321"));
    // The same waybill twice is a conflict.
    const auto before = counts(f);
    auto again = desk.accept(request());
    QCOMPARE(again.error().code, QStringLiteral("dispatch.duplicate_waybill"));
    QCOMPARE(again.error().kind, ErrorKind::Conflict);
    QCOMPARE(counts(f), before);
}

void TestDispatch::badInputWritesNothing_data() {
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("code");
    QTest::newRow("wrong ID check character") << "senderId"
                                              << "360721198508150018"
                                              << "id.check";
    QTest::newRow("unknown destination zone") << "province"
                                              << "火星"
                                              << "dispatch.no_rate";
    QTest::newRow("weight 0") << "weight"
                              << "0"
                              << "dispatch.weight";
    QTest::newRow("weight above limit") << "weight"
                                        << "30001"
                                        << "dispatch.too_heavy";
    QTest::newRow("missing recipient phone") << "recipientPhone"
                                             << ""
                                             << "dispatch.recipient_phone";
    QTest::newRow("recipient phone tail only") << "recipientPhone"
                                               << "4321"
                                               << "dispatch.recipient_phone";
    QTest::newRow("no sender name") << "senderName"
                                    << " "
                                    << "dispatch.sender_name";
    QTest::newRow("not inspected") << "inspected"
                                   << "no"
                                   << "dispatch.not_inspected";
    QTest::newRow("unknown contents") << "contents"
                                      << "weapons"
                                      << "dispatch.contents";
    QTest::newRow("bad waybill") << "waybill"
                                 << "YT#1"
                                 << "waybill.chars";
}

void TestDispatch::badInputWritesNothing() {
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, code);
    test::Fixture f;
    setUp(f);
    DispatchDesk desk(*f.station->ctx);
    QVERIFY(desk.importWaybillBlock(QStringLiteral("YTO"), QStringLiteral("YT8"), 1, 100, 11).has_value());
    DispatchRequest r = request();
    if (field == QLatin1String("senderId"))
        r.senderId = value;
    else if (field == QLatin1String("province"))
        r.province = value;
    else if (field == QLatin1String("weight"))
        r.weightGrams = value.toInt();
    else if (field == QLatin1String("recipientPhone"))
        r.recipientPhone = value;
    else if (field == QLatin1String("senderName"))
        r.senderName = value;
    else if (field == QLatin1String("inspected"))
        r.inspected = false;
    else if (field == QLatin1String("contents"))
        r.contents = value;
    else if (field == QLatin1String("waybill"))
        r.waybill = value;
    const auto before = counts(f);
    auto d = desk.accept(r);
    QVERIFY(!d.has_value());
    QCOMPARE(d.error().code, code);
    QCOMPARE(d.error().kind, ErrorKind::BadInput);
    QVERIFY(!d.error().message.isEmpty());
    QCOMPARE(counts(f), before);
}

void TestDispatch::numberBlocks() {
    test::Fixture f;
    setUp(f);
    DispatchDesk desk(*f.station->ctx);
    QVERIFY(desk.importWaybillBlock(QStringLiteral("YTO"), QStringLiteral("yt8"), 7, 8, 11).has_value());
    QCOMPARE(desk.importWaybillBlock(QStringLiteral("YTO"), QStringLiteral("YT8"), 8, 20, 11).error().code,
             QStringLiteral("waybill_block.overlap"));
    QCOMPARE(*desk.waybillsLeft(QStringLiteral("YTO")), 2);
    DispatchRequest r = request();
    r.waybill.clear();
    QCOMPARE(desk.accept(r)->waybill, QStringLiteral("YT800000000007"));
    QCOMPARE(desk.accept(r)->waybill, QStringLiteral("YT800000000008"));
    QCOMPARE(*desk.waybillsLeft(QStringLiteral("YTO")), 0);
    const auto before = counts(f);
    auto none = desk.accept(r);
    QCOMPARE(none.error().code, QStringLiteral("dispatch.no_waybill_numbers"));
    QCOMPARE(counts(f), before);
}

void TestDispatch::manifestHandOverFreezes() {
    test::Fixture f;
    setUp(f);
    DispatchDesk desk(*f.station->ctx);
    Manifests manifests(*f.station->ctx);
    auto d = desk.accept(request());
    QVERIFY(d.has_value());
    const Parcel refused = f.receive(QStringLiteral("JT0001234567890"), QStringLiteral("1234"));
    const Parcel waiting = f.receive(QStringLiteral("JT0001234567891"), QStringLiteral("5678"));
    QVERIFY(f.station->overdue.markForReturn(refused.id, ReturnReason::Refused).has_value());

    auto bag = manifests.addToBag(QStringLiteral("b1"), QStringLiteral("S-0001"), d->waybill);
    QVERIFY2(bag.has_value(), bag ? "" : qPrintable(bag.error().message));
    QCOMPARE(bag->waybills, QStringList{d->waybill});
    QCOMPARE(toString(desk.dispatch(d->waybill)->status), QStringLiteral("bagged"));
    QVERIFY(manifests.addToBag(QStringLiteral("B1"), QStringLiteral("S-0001"), refused.waybill).has_value());
    // Wrong seal for an existing bag, a waiting parcel, a second scan: refused, nothing written.
    DispatchRequest second = request();
    second.waybill = QStringLiteral("YT900000000002");
    QVERIFY(desk.accept(second).has_value());
    const auto before = counts(f);
    QCOMPARE(manifests.addToBag(QStringLiteral("B1"), QStringLiteral("S-9999"), second.waybill).error().code,
             QStringLiteral("bag.seal_mismatch"));
    QCOMPARE(manifests.addToBag(QStringLiteral("B2"), QStringLiteral("S-0002"), waiting.waybill).error().code,
             QStringLiteral("bag.not_for_return"));
    QCOMPARE(manifests.addToBag(QStringLiteral("B2"), QStringLiteral("S-0002"), d->waybill).error().code,
             QStringLiteral("bag.already_bagged"));
    QCOMPARE(manifests.addToBag(QStringLiteral("B2"), QStringLiteral("S-0002"), QStringLiteral("ZZ12345678"))
                 .error()
                 .kind,
             ErrorKind::NotFound);
    QCOMPARE(counts(f), before);

    QCOMPARE(manifests.handOver(QString(), QStringLiteral("赣C12345")).error().code,
             QStringLiteral("manifest.driver"));
    auto m = manifests.handOver(QStringLiteral("王师傅"), QStringLiteral("赣c12345"));
    QVERIFY2(m.has_value(), m ? "" : qPrintable(m.error().message));
    QCOMPARE(m->status, QStringLiteral("handed_over"));
    QCOMPARE(m->plate, QStringLiteral("赣C12345"));
    QCOMPARE(m->bags.size(), 1);
    QCOMPARE(m->bags.first().waybills.size(), 2);
    QCOMPARE(toString(desk.dispatch(d->waybill)->status), QStringLiteral("handed_over"));
    QCOMPARE(toString(desk.dispatch(second.waybill)->status),
             QStringLiteral("accepted")); // not bagged: stays
    const Parcel gone = *f.station->queries.parcel(refused.id);
    QCOMPARE(toString(gone.status), QStringLiteral("returned"));
    QVERIFY(!gone.inStation);
    QCOMPARE(f.rows(QStringLiteral("outbox"), QStringLiteral("kind = 'manifest.handed_over'")), 1);
    QCOMPARE(f.rows(QStringLiteral("outbox"), QStringLiteral("kind = 'parcel.returned'")), 1);
    // Frozen: the handed-over dispatch cannot be bagged again; the next manifest starts empty.
    QCOMPARE(manifests.addToBag(QStringLiteral("B9"), QStringLiteral("S-0009"), d->waybill).error().code,
             QStringLiteral("dispatch.frozen"));
    QCOMPARE(manifests.handOver(QStringLiteral("王师傅"), QStringLiteral("赣C12345")).error().code,
             QStringLiteral("manifest.empty"));
}

QTEST_GUILESS_MAIN(TestDispatch)
#include "tst_dispatch.moc"
