// Pickup: lookups, handing over several parcels atomically, conflicts, and undo as a reversal.
#include "fixture.h"

using namespace cz;

class TestPickup : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void findByCodeTailWaybill();
    void handOverSeveralRecordsCollector();
    void alreadyPickedUpIsConflict();
    void oneBadParcelHandsOverNone();
    void unknownIdIsNotFound();
    void undoWithinWindow();
    void undoAfterWindowRefused();
    void undoWhenCodeWasReused();
    void markedForReturnCannotBeHandedOver();
};

void TestPickup::findByCodeTailWaybill() {
    test::Fixture f(QStringLiteral("1-3:2x9"));
    const Parcel a = f.receive(QStringLiteral("YT000000000001"), QStringLiteral("13812345678"));
    const Parcel b = f.receive(QStringLiteral("YT000000000002"), QStringLiteral("13812345678"));
    f.receive(QStringLiteral("YT000000000003"), QStringLiteral("13800001111"));

    auto byCode = f.station->findByCode(QStringLiteral(" ") + a.pickupCode.toLower() + QStringLiteral(" "));
    QVERIFY(byCode.has_value());
    QCOMPARE(byCode->size(), 1);
    QCOMPARE(byCode->first().id, a.id);

    auto byTail = f.station->findByPhoneTail(QStringLiteral("5678"));
    QVERIFY(byTail.has_value());
    QCOMPARE(byTail->size(), 2);
    QCOMPARE(byTail->at(0).id, a.id);
    QCOMPARE(byTail->at(1).id, b.id);

    auto byWaybill = f.station->findByWaybill(QStringLiteral("yt000000000002"));
    QVERIFY(byWaybill.has_value());
    QCOMPARE(byWaybill->first().id, b.id);

    QVERIFY(f.station->findByCode(QStringLiteral("9-9-9999"))->isEmpty());
    QCOMPARE(f.station->findByPhoneTail(QStringLiteral("12")).error().code, QStringLiteral("phone.invalid"));
}

void TestPickup::handOverSeveralRecordsCollector() {
    test::Fixture f;
    const Parcel a = f.receive(QStringLiteral("YT000000000001"), QStringLiteral("13812345678"));
    const Parcel b = f.receive(QStringLiteral("YT000000000002"), QStringLiteral("13812345678"));
    f.clock->advance(60 * 60 * 1000);
    auto r = f.station->handOver({a.id, b.id}, QStringLiteral("李四"));
    QVERIFY2(r.has_value(), r ? "" : qPrintable(r.error().message));
    QCOMPARE(r->parcels.size(), 2);
    QCOMPARE(r->totalFeeFen, 0);
    for (const QString& id : {a.id, b.id}) {
        auto p = f.station->parcel(id);
        QCOMPARE(toString(p->status), toString(ParcelStatus::PickedUp));
        QVERIFY(!p->inStation);
        QCOMPARE(p->collector, QStringLiteral("李四"));
        QCOMPARE(p->pickedUpAt, test::kStart + 60 * 60 * 1000);
    }
    QCOMPARE(f.rows(QStringLiteral("parcel_event"), QStringLiteral("kind = 'picked_up'")), 2);
    QCOMPARE(f.rows(QStringLiteral("outbox"), QStringLiteral("kind = 'parcel.picked_up'")), 2);
    // Left the station: no longer found by code or tail.
    QVERIFY(f.station->findByCode(a.pickupCode)->isEmpty());
    QVERIFY(f.station->findByPhoneTail(QStringLiteral("5678"))->isEmpty());
}

void TestPickup::alreadyPickedUpIsConflict() {
    test::Fixture f;
    const Parcel a = f.receive(QStringLiteral("YT000000000001"), QStringLiteral("1234"));
    QVERIFY(f.station->handOver({a.id}).has_value());
    const auto before = f.snapshot();
    auto again = f.station->handOver({a.id});
    QVERIFY(!again.has_value());
    QCOMPARE(again.error().code, QStringLiteral("parcel.already_picked_up"));
    QCOMPARE(again.error().kind, ErrorKind::Conflict);
    QCOMPARE(f.snapshot(), before);
}

void TestPickup::oneBadParcelHandsOverNone() {
    test::Fixture f;
    const Parcel a = f.receive(QStringLiteral("YT000000000001"), QStringLiteral("1234"));
    const Parcel b = f.receive(QStringLiteral("YT000000000002"), QStringLiteral("1234"));
    QVERIFY(f.station->handOver({b.id}).has_value());
    const auto before = f.snapshot();
    auto r = f.station->handOver({a.id, b.id});
    QVERIFY(!r.has_value());
    QCOMPARE(f.snapshot(), before);
    QCOMPARE(toString(f.station->parcel(a.id)->status), toString(ParcelStatus::Waiting));
}

void TestPickup::unknownIdIsNotFound() {
    test::Fixture f;
    auto r = f.station->handOver({QStringLiteral("no-such-id")});
    QVERIFY(!r.has_value());
    QCOMPARE(r.error().kind, ErrorKind::NotFound);
    auto empty = f.station->handOver({});
    QCOMPARE(empty.error().kind, ErrorKind::BadInput);
}

void TestPickup::undoWithinWindow() {
    test::Fixture f;
    const Parcel a = f.receive(QStringLiteral("YT000000000001"), QStringLiteral("1234"));
    QVERIFY(f.station->handOver({a.id}, QStringLiteral("王五")).has_value());
    f.clock->advance(5 * 60 * 1000);
    auto u = f.station->undoPickup(a.id);
    QVERIFY2(u.has_value(), u ? "" : qPrintable(u.error().message));
    QCOMPARE(toString(u->status), toString(ParcelStatus::Waiting));
    QCOMPARE(u->pickupCode, a.pickupCode); // same code when still free
    QVERIFY(u->collector.isEmpty());
    // History is kept: the handover and its reversal are both events.
    QCOMPARE(f.rows(QStringLiteral("parcel_event"), QStringLiteral("kind = 'picked_up'")), 1);
    QCOMPARE(f.rows(QStringLiteral("parcel_event"), QStringLiteral("kind = 'pickup_undone'")), 1);
    QCOMPARE(f.rows(QStringLiteral("outbox"), QStringLiteral("kind = 'parcel.pickup_undone'")), 1);
    QCOMPARE(f.station->findByCode(a.pickupCode)->size(), 1);
    // Undoing a waiting parcel is refused.
    QCOMPARE(f.station->undoPickup(a.id).error().code, QStringLiteral("pickup.undo_not_picked_up"));
}

void TestPickup::undoAfterWindowRefused() {
    test::Fixture f;
    const Parcel a = f.receive(QStringLiteral("YT000000000001"), QStringLiteral("1234"));
    QVERIFY(f.station->handOver({a.id}).has_value());
    f.clock->advance(11 * 60 * 1000); // default window: 10 minutes
    const auto before = f.snapshot();
    auto u = f.station->undoPickup(a.id);
    QVERIFY(!u.has_value());
    QCOMPARE(u.error().code, QStringLiteral("pickup.undo_expired"));
    QCOMPARE(f.snapshot(), before);
}

void TestPickup::undoWhenCodeWasReused() {
    test::Fixture f(QStringLiteral("1:1x5"));
    const Parcel a = f.receive(QStringLiteral("YT000000000001"), QStringLiteral("1234"));
    QVERIFY(f.station->handOver({a.id}).has_value());
    // Force the next receive to take the same number by rewinding the running sequence.
    QVERIFY(
        f.station->database()
            .exec(QStringLiteral("UPDATE counter SET value = ? WHERE name = 'pickup_seq'"), {a.codeSeq - 1})
            .has_value());
    const Parcel b = f.receive(QStringLiteral("YT000000000002"), QStringLiteral("5678"));
    QCOMPARE(b.pickupCode, a.pickupCode);
    auto u = f.station->undoPickup(a.id);
    QVERIFY(u.has_value());
    QVERIFY(u->pickupCode != b.pickupCode);
    QCOMPARE(f.station->findByCode(u->pickupCode)->first().id, a.id);
    QCOMPARE(f.station->findByCode(b.pickupCode)->first().id, b.id);
}

void TestPickup::markedForReturnCannotBeHandedOver() {
    test::Fixture f;
    const Parcel a = f.receive(QStringLiteral("YT000000000001"), QStringLiteral("1234"));
    QVERIFY(f.station->markForReturn(a.id, ReturnReason::Refused).has_value());
    auto r = f.station->handOver({a.id});
    QVERIFY(!r.has_value());
    QCOMPARE(r.error().code, QStringLiteral("parcel.marked_for_return"));
}

QTEST_GUILESS_MAIN(TestPickup)
#include "tst_pickup.moc"
