// Receiving parcels: the one transaction (parcel + event + notice + outbox op), place choice,
// pickup-code uniqueness, and every bad input writing nothing.
#include "fixture.h"
#include "outboxcodec.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>

using namespace cz;

class TestInbound : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void receiveWritesEverythingOnce();
    void badInputWritesNothing_data();
    void badInputWritesNothing();
    void notInitialised();
    void duplicateIsConflict();
    void sameWaybillAfterPickupIsFine();
    void keepsPersonTogether();
    void leastLoaded();
    void fullPlaceNotKeptTogether();
    void placesInShelfOrderNotTextOrder();
    void overCapacityStillReceives();
    void codesUniqueOverManyReceivesAndPickups();
    void preferenceRemembered();
};

void TestInbound::receiveWritesEverythingOnce() {
    test::Fixture f;
    auto r = f.station->inbound.receive({QStringLiteral(" yt764306505052 "),
                                         QStringLiteral("13812345678"),
                                         QStringLiteral("张三"),
                                         {},
                                         std::nullopt});
    QVERIFY2(r.has_value(), r ? "" : qPrintable(r.error().message));
    const Parcel& p = r->parcel;
    QCOMPARE(p.waybill, QStringLiteral("YT764306505052"));
    QCOMPARE(p.carrier, QStringLiteral("YTO"));
    QCOMPARE(p.maskedPhone(), QStringLiteral("138****5678"));
    QVERIFY(QRegularExpression(QStringLiteral("^[12]-[12]-\\d{4}$")).match(p.pickupCode).hasMatch());
    QVERIFY(p.pickupCode.startsWith(p.slotName() + QLatin1Char('-')));
    QCOMPARE(toString(p.status), toString(ParcelStatus::Waiting));

    QCOMPARE(f.rows(QStringLiteral("parcel")), 1);
    QCOMPARE(f.rows(QStringLiteral("parcel_event"), QStringLiteral("kind = 'received'")), 1);
    QCOMPARE(
        f.rows(QStringLiteral("notification"), QStringLiteral("kind = 'arrival' AND day = '2026-11-28'")), 1);
    QCOMPARE(f.rows(QStringLiteral("outbox"), QStringLiteral("kind = 'parcel.received'")), 1);

    auto q = f.station->ctx->database().exec(
        QStringLiteral("SELECT op_id, seq, entity, entity_id, payload, schema_version, created_at FROM outbox"
                       " WHERE kind = 'parcel.received'"));
    QVERIFY(q && (*q)->next());
    QVERIFY(QRegularExpression(
                QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"))
                .match((*q)->value(0).toString())
                .hasMatch());
    QCOMPARE((*q)->value(2).toString(), QStringLiteral("parcel"));
    QCOMPARE((*q)->value(3).toString(), p.id);
    const QJsonObject payload = decodeOpPayload((*q)->value(4));
    QCOMPARE(
        payload.value(QStringLiteral("parcel")).toObject().value(QStringLiteral("pickup_code")).toString(),
        p.pickupCode);
    QCOMPARE(payload.value(QStringLiteral("parcel")).toObject().value(QStringLiteral("phone")).toString(),
             QStringLiteral("13812345678"));
    QCOMPARE((*q)->value(5).toInt(), 1);
    QCOMPARE((*q)->value(6).toLongLong(), test::kStart);
    (*q)->finish();

    // The day's arrival list is derived from the parcels.
    auto arrivals = f.station->queries.arrivals(QDate(2026, 11, 28));
    QVERIFY(arrivals.has_value());
    QCOMPARE(arrivals->size(), 1);
    QVERIFY(f.station->queries.arrivals(QDate(2026, 11, 27))->isEmpty());
}

void TestInbound::badInputWritesNothing_data() {
    QTest::addColumn<QString>("waybill");
    QTest::addColumn<QString>("phone");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("carrier");
    QTest::addColumn<QString>("code");
    QTest::newRow("short waybill") << "YT123"
                                   << "1234"
                                   << ""
                                   << ""
                                   << "waybill.length";
    QTest::newRow("bad chars") << "YT76430650505#"
                               << "1234"
                               << ""
                               << ""
                               << "waybill.chars";
    QTest::newRow("empty waybill") << ""
                                   << "1234"
                                   << ""
                                   << ""
                                   << "waybill.missing";
    QTest::newRow("bad phone") << "YT764306505052"
                               << "12345"
                               << ""
                               << ""
                               << "phone.invalid";
    QTest::newRow("no phone") << "YT764306505052"
                              << ""
                              << ""
                              << ""
                              << "phone.missing";
    QTest::newRow("long name") << "YT764306505052"
                               << "1234" << QString(33, QLatin1Char('x')) << ""
                               << "name.too_long";
    QTest::newRow("unknown carrier") << "YT764306505052"
                                     << "1234"
                                     << ""
                                     << "NOPE"
                                     << "carrier.unknown";
    QTest::newRow("undetectable") << "XX12345678XX"
                                  << "1234"
                                  << ""
                                  << ""
                                  << "carrier.not_detected";
    QTest::newRow("ambiguous") << "431234567890123"
                               << "1234"
                               << ""
                               << ""
                               << "carrier.ambiguous";
}

void TestInbound::badInputWritesNothing() {
    QFETCH(QString, waybill);
    QFETCH(QString, phone);
    QFETCH(QString, name);
    QFETCH(QString, carrier);
    QFETCH(QString, code);
    test::Fixture f;
    f.receive(QStringLiteral("YT000000000001"), QStringLiteral("1111"));
    const auto before = f.snapshot();
    auto r = f.station->inbound.receive({waybill, phone, name, carrier, std::nullopt});
    QVERIFY(!r.has_value());
    QCOMPARE(r.error().code, code);
    QCOMPARE(r.error().kind, ErrorKind::BadInput);
    QVERIFY(!r.error().message.isEmpty());
    QCOMPARE(f.snapshot(), before);
    if (code == QLatin1String("carrier.ambiguous")) {
        QCOMPARE(r.error().details, (QStringList{QStringLiteral("STO"), QStringLiteral("YUNDA")}));
        // Confirming one of the candidates receives it.
        auto ok = f.station->inbound.receive({waybill, phone, name, QStringLiteral("yunda"), std::nullopt});
        QVERIFY(ok.has_value());
        QCOMPARE(ok->parcel.carrier, QStringLiteral("YUNDA"));
    }
}

void TestInbound::notInitialised() {
    test::Fixture f({}, false);
    auto r = f.station->inbound.receive(
        {QStringLiteral("YT764306505052"), QStringLiteral("1234"), {}, {}, std::nullopt});
    QVERIFY(!r.has_value());
    QCOMPARE(r.error().code, QStringLiteral("station.not_initialised"));
    QCOMPARE(r.error().kind, ErrorKind::Conflict);
    QCOMPARE(f.rows(QStringLiteral("parcel")), 0);
    QCOMPARE(f.rows(QStringLiteral("outbox")), 0);
}

void TestInbound::duplicateIsConflict() {
    test::Fixture f;
    const Parcel first = f.receive(QStringLiteral("YT764306505052"), QStringLiteral("1234"));
    const auto before = f.snapshot();
    auto r = f.station->inbound.receive(
        {QStringLiteral("yt764306505052"), QStringLiteral("9999"), {}, {}, std::nullopt});
    QVERIFY(!r.has_value());
    QCOMPARE(r.error().code, QStringLiteral("waybill.duplicate"));
    QCOMPARE(r.error().kind, ErrorKind::Conflict);
    QVERIFY(r.error().message.contains(first.pickupCode));
    QCOMPARE(f.snapshot(), before);
}

void TestInbound::sameWaybillAfterPickupIsFine() {
    test::Fixture f;
    const Parcel first = f.receive(QStringLiteral("YT764306505052"), QStringLiteral("1234"));
    QVERIFY(f.station->pickup.handOver({first.id}).has_value());
    // A parcel that came back (for example returned by the villager) can be received again.
    const Parcel again = f.receive(QStringLiteral("YT764306505052"), QStringLiteral("1234"));
    QVERIFY(again.id != first.id);
    QCOMPARE(f.rows(QStringLiteral("parcel")), 2);
}

void TestInbound::keepsPersonTogether() {
    test::Fixture f(QStringLiteral("1-3:2x5"));
    const Parcel a = f.receive(QStringLiteral("YT000000000001"), QStringLiteral("13800000001"));
    f.receive(QStringLiteral("YT000000000002"), QStringLiteral("13800000002"));
    f.receive(QStringLiteral("YT000000000003"), QStringLiteral("13800000003"));
    auto r = f.station->inbound.receive(
        {QStringLiteral("YT000000000004"), QStringLiteral("13800000001"), {}, {}, std::nullopt});
    QVERIFY(r.has_value());
    QVERIFY(r->keptTogether);
    QCOMPARE(r->parcel.slotName(), a.slotName());
    // Tail-only parcels of the same tail also go together.
    const Parcel t1 = f.receive(QStringLiteral("YT000000000005"), QStringLiteral("7777"));
    const Parcel t2 = f.receive(QStringLiteral("YT000000000006"), QStringLiteral("7777"));
    QCOMPARE(t2.slotName(), t1.slotName());
}

void TestInbound::leastLoaded() {
    test::Fixture f(QStringLiteral("1:2x4,2:1x2"));
    // Different people fill places by fill ratio: 1-1 (0/4), 1-2 (0/4), 2-1 (0/2), then 1-1 ...
    QStringList places;
    for (int i = 0; i < 6; ++i)
        places << f.receive(QStringLiteral("YT00000000010%1").arg(i),
                            QStringLiteral("13900000%1").arg(100 + i))
                      .slotName();
    QCOMPARE(places, (QStringList{"1-1", "1-2", "2-1", "1-1", "1-2", "1-1"}));
    // 1-1 is 3/4, 1-2 2/4 and 2-1 1/2: the next one goes to 1-2 (0.5 ties with 2-1; shelf order wins).
    QCOMPARE(f.receive(QStringLiteral("YT000000000200"), QStringLiteral("13900000200")).slotName(),
             QStringLiteral("1-2"));
}

void TestInbound::fullPlaceNotKeptTogether() {
    test::Fixture f(QStringLiteral("1:2x2"));
    const Parcel a = f.receive(QStringLiteral("YT000000000001"), QStringLiteral("13800000001"));
    QCOMPARE(a.slotName(), QStringLiteral("1-1"));
    QCOMPARE(f.receive(QStringLiteral("YT000000000002"), QStringLiteral("13800000001")).slotName(),
             QStringLiteral("1-1"));
    // 1-1 is full (2/2): the same person's next parcel goes to the least loaded place instead.
    f.clock->advance(1000);
    auto r = f.station->inbound.receive(
        {QStringLiteral("YT000000000003"), QStringLiteral("13800000001"), {}, {}, std::nullopt});
    QVERIFY(r.has_value());
    QVERIFY(!r->keptTogether);
    QVERIFY(!r->overCapacity);
    QCOMPARE(r->parcel.slotName(), QStringLiteral("1-2"));
    // Their latest parcel is now on 1-2, which has room: kept together there.
    f.clock->advance(1000);
    auto again = f.station->inbound.receive(
        {QStringLiteral("YT000000000004"), QStringLiteral("13800000001"), {}, {}, std::nullopt});
    QVERIFY(again.has_value());
    QVERIFY(again->keptTogether);
    QCOMPARE(again->parcel.slotName(), QStringLiteral("1-2"));
}

void TestInbound::placesInShelfOrderNotTextOrder() {
    // Shelf 10 sorts after shelf 9 (shelf_sort), though "10" < "9" as text; equal loads pick shelf 9.
    test::Fixture f(QStringLiteral("9-10:1x3"));
    QCOMPARE(f.receive(QStringLiteral("YT000000000001"), QStringLiteral("13800000001")).slotName(),
             QStringLiteral("9-1"));
    QCOMPARE(f.receive(QStringLiteral("YT000000000002"), QStringLiteral("13800000002")).slotName(),
             QStringLiteral("10-1"));
}

void TestInbound::overCapacityStillReceives() {
    test::Fixture f(QStringLiteral("1:1x2"));
    f.receive(QStringLiteral("YT000000000001"), QStringLiteral("1001"));
    f.receive(QStringLiteral("YT000000000002"), QStringLiteral("1002"));
    auto r = f.station->inbound.receive(
        {QStringLiteral("YT000000000003"), QStringLiteral("1003"), {}, {}, std::nullopt});
    QVERIFY(r.has_value());
    QVERIFY(r->overCapacity);
    QCOMPARE(r->parcel.slotName(), QStringLiteral("1-1"));
}

void TestInbound::codesUniqueOverManyReceivesAndPickups() {
    test::Fixture f(QStringLiteral("1-2:2x50"));
    auto* rng = QRandomGenerator::global();
    QList<Parcel> waiting;
    QSet<QString> everIssued;
    int handed = 0;
    const QRegularExpression shape(QStringLiteral("^[12]-[12]-\\d{4}$"));
    for (int i = 0; i < 1500; ++i) {
        if (!waiting.isEmpty() && rng->bounded(100) < 45) {
            const int k = static_cast<int>(rng->bounded(static_cast<quint32>(waiting.size())));
            QVERIFY(f.station->pickup.handOver({waiting.takeAt(k).id}).has_value());
            ++handed;
            continue;
        }
        f.clock->advance(1000);
        const Parcel p = f.receive(QStringLiteral("JT%1").arg(i, 12, 10, QLatin1Char('0')),
                                   QStringLiteral("%1").arg(rng->bounded(10000), 4, 10, QLatin1Char('0')));
        QVERIFY(shape.match(p.pickupCode).hasMatch());
        for (const Parcel& w : waiting)
            QVERIFY2(w.pickupCode != p.pickupCode, qPrintable(p.pickupCode));
        everIssued.insert(p.pickupCode);
        waiting.append(p);
    }
    QVERIFY(handed > 300);
    QCOMPARE(f.rows(QStringLiteral("parcel"), QStringLiteral("in_station = 1")), waiting.size());
    auto dup = f.station->ctx->database().scalar(QStringLiteral(
        "SELECT count(*) FROM (SELECT pickup_code FROM parcel WHERE in_station = 1 GROUP BY pickup_code"
        " HAVING count(*) > 1)"));
    QCOMPARE(dup->toInt(), 0);
    // Every waiting parcel is found by its own code, and only it.
    for (const Parcel& w : waiting) {
        auto found = f.station->pickup.findByCode(w.pickupCode);
        QVERIFY(found.has_value());
        QCOMPARE(found->size(), 1);
        QCOMPARE(found->first().id, w.id);
    }
}

void TestInbound::preferenceRemembered() {
    test::Fixture f;
    auto r = f.station->inbound.receive({QStringLiteral("YT000000000001"),
                                         QStringLiteral("13812345678"),
                                         {},
                                         {},
                                         DeliveryPref::DoorDelivery});
    QVERIFY(r.has_value());
    const Parcel second = f.receive(QStringLiteral("YT000000000002"), QStringLiteral("13812345678"));
    QCOMPARE(toString(second.pref), toString(DeliveryPref::DoorDelivery));
    const Parcel other = f.receive(QStringLiteral("YT000000000003"), QStringLiteral("13800000000"));
    QCOMPARE(toString(other.pref), toString(DeliveryPref::StationPickup));
}

QTEST_GUILESS_MAIN(TestInbound)
#include "tst_inbound.moc"
