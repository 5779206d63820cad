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
    void groupsByPerson();
    void tailMatchingSeveralPeopleTicksOne();
    void codeLookupListsThePersonsOtherParcels();
    void severalPeopleNeedAnExplicitChoice();
    void collectedCodeSaysWhenAndToWhom();
    void lookUpKinds();
    void lastHandedOverIsTheLatest();
};

void TestPickup::findByCodeTailWaybill() {
    test::Fixture f(QStringLiteral("1-3:2x9"));
    const Parcel a = f.receive(QStringLiteral("YT000000000001"), QStringLiteral("13812345678"));
    const Parcel b = f.receive(QStringLiteral("YT000000000002"), QStringLiteral("13812345678"));
    f.receive(QStringLiteral("YT000000000003"), QStringLiteral("13800001111"));

    auto byCode =
        f.station->pickup.findByCode(QStringLiteral(" ") + a.pickupCode.toLower() + QStringLiteral(" "));
    QVERIFY(byCode.has_value());
    QCOMPARE(byCode->size(), 1);
    QCOMPARE(byCode->first().id, a.id);

    auto byTail = f.station->pickup.findByPhoneTail(QStringLiteral("5678"));
    QVERIFY(byTail.has_value());
    QCOMPARE(byTail->size(), 2);
    QCOMPARE(byTail->at(0).id, a.id);
    QCOMPARE(byTail->at(1).id, b.id);

    auto byWaybill = f.station->pickup.findByWaybill(QStringLiteral("yt000000000002"));
    QVERIFY(byWaybill.has_value());
    QCOMPARE(byWaybill->first().id, b.id);

    QVERIFY(f.station->pickup.findByCode(QStringLiteral("9-9-9999"))->isEmpty());
    QCOMPARE(f.station->pickup.findByPhoneTail(QStringLiteral("12")).error().code,
             QStringLiteral("phone.invalid"));
}

void TestPickup::handOverSeveralRecordsCollector() {
    test::Fixture f;
    const Parcel a = f.receive(QStringLiteral("YT000000000001"), QStringLiteral("13812345678"));
    const Parcel b = f.receive(QStringLiteral("YT000000000002"), QStringLiteral("13812345678"));
    f.clock->advance(60 * 60 * 1000);
    auto r = f.station->pickup.handOver({a.id, b.id}, QStringLiteral("李四"));
    QVERIFY2(r.has_value(), r ? "" : qPrintable(r.error().message));
    QCOMPARE(r->parcels.size(), 2);
    QCOMPARE(r->totalFeeFen, 0);
    for (const QString& id : {a.id, b.id}) {
        auto p = f.station->queries.parcel(id);
        QCOMPARE(toString(p->status), toString(ParcelStatus::PickedUp));
        QVERIFY(!p->inStation);
        QCOMPARE(p->collector, QStringLiteral("李四"));
        QCOMPARE(p->pickedUpAt, test::kStart + 60 * 60 * 1000);
    }
    QCOMPARE(f.rows(QStringLiteral("parcel_event"), QStringLiteral("kind = 'picked_up'")), 2);
    QCOMPARE(f.rows(QStringLiteral("outbox"), QStringLiteral("kind = 'parcel.picked_up'")), 2);
    // Left the station: no longer found by code or tail.
    QVERIFY(f.station->pickup.findByCode(a.pickupCode)->isEmpty());
    QVERIFY(f.station->pickup.findByPhoneTail(QStringLiteral("5678"))->isEmpty());
}

void TestPickup::alreadyPickedUpIsConflict() {
    test::Fixture f;
    const Parcel a = f.receive(QStringLiteral("YT000000000001"), QStringLiteral("1234"));
    QVERIFY(f.station->pickup.handOver({a.id}).has_value());
    const auto before = f.snapshot();
    auto again = f.station->pickup.handOver({a.id});
    QVERIFY(!again.has_value());
    QCOMPARE(again.error().code, QStringLiteral("parcel.already_picked_up"));
    QCOMPARE(again.error().kind, ErrorKind::Conflict);
    QCOMPARE(f.snapshot(), before);
}

void TestPickup::oneBadParcelHandsOverNone() {
    test::Fixture f;
    const Parcel a = f.receive(QStringLiteral("YT000000000001"), QStringLiteral("1234"));
    const Parcel b = f.receive(QStringLiteral("YT000000000002"), QStringLiteral("1234"));
    QVERIFY(f.station->pickup.handOver({b.id}).has_value());
    const auto before = f.snapshot();
    auto r = f.station->pickup.handOver({a.id, b.id});
    QVERIFY(!r.has_value());
    QCOMPARE(f.snapshot(), before);
    QCOMPARE(toString(f.station->queries.parcel(a.id)->status), toString(ParcelStatus::Waiting));
}

void TestPickup::unknownIdIsNotFound() {
    test::Fixture f;
    auto r = f.station->pickup.handOver({QStringLiteral("no-such-id")});
    QVERIFY(!r.has_value());
    QCOMPARE(r.error().kind, ErrorKind::NotFound);
    auto empty = f.station->pickup.handOver({});
    QCOMPARE(empty.error().kind, ErrorKind::BadInput);
}

void TestPickup::undoWithinWindow() {
    test::Fixture f;
    const Parcel a = f.receive(QStringLiteral("YT000000000001"), QStringLiteral("1234"));
    QVERIFY(f.station->pickup.handOver({a.id}, QStringLiteral("王五")).has_value());
    f.clock->advance(5 * 60 * 1000);
    auto u = f.station->pickup.undoPickup(a.id);
    QVERIFY2(u.has_value(), u ? "" : qPrintable(u.error().message));
    QCOMPARE(toString(u->status), toString(ParcelStatus::Waiting));
    QCOMPARE(u->pickupCode, a.pickupCode); // same code when still free
    QVERIFY(u->collector.isEmpty());
    // History is kept: the handover and its reversal are both events.
    QCOMPARE(f.rows(QStringLiteral("parcel_event"), QStringLiteral("kind = 'picked_up'")), 1);
    QCOMPARE(f.rows(QStringLiteral("parcel_event"), QStringLiteral("kind = 'pickup_undone'")), 1);
    QCOMPARE(f.rows(QStringLiteral("outbox"), QStringLiteral("kind = 'parcel.pickup_undone'")), 1);
    QCOMPARE(f.station->pickup.findByCode(a.pickupCode)->size(), 1);
    // Undoing a waiting parcel is refused.
    QCOMPARE(f.station->pickup.undoPickup(a.id).error().code, QStringLiteral("pickup.undo_not_picked_up"));
}

void TestPickup::undoAfterWindowRefused() {
    test::Fixture f;
    const Parcel a = f.receive(QStringLiteral("YT000000000001"), QStringLiteral("1234"));
    QVERIFY(f.station->pickup.handOver({a.id}).has_value());
    f.clock->advance(11 * 60 * 1000); // default window: 10 minutes
    const auto before = f.snapshot();
    auto u = f.station->pickup.undoPickup(a.id);
    QVERIFY(!u.has_value());
    QCOMPARE(u.error().code, QStringLiteral("pickup.undo_expired"));
    QCOMPARE(f.snapshot(), before);
}

void TestPickup::undoWhenCodeWasReused() {
    test::Fixture f(QStringLiteral("1:1x5"));
    const Parcel a = f.receive(QStringLiteral("YT000000000001"), QStringLiteral("1234"));
    QVERIFY(f.station->pickup.handOver({a.id}).has_value());
    // Force the next receive to take the same number by rewinding the running sequence.
    QVERIFY(
        f.station->ctx->database()
            .exec(QStringLiteral("UPDATE counter SET value = ? WHERE name = 'pickup_seq'"), {a.codeSeq - 1})
            .has_value());
    const Parcel b = f.receive(QStringLiteral("YT000000000002"), QStringLiteral("5678"));
    QCOMPARE(b.pickupCode, a.pickupCode);
    auto u = f.station->pickup.undoPickup(a.id);
    QVERIFY(u.has_value());
    QVERIFY(u->pickupCode != b.pickupCode);
    QCOMPARE(f.station->pickup.findByCode(u->pickupCode)->first().id, a.id);
    QCOMPARE(f.station->pickup.findByCode(b.pickupCode)->first().id, b.id);
}

void TestPickup::markedForReturnCannotBeHandedOver() {
    test::Fixture f;
    const Parcel a = f.receive(QStringLiteral("YT000000000001"), QStringLiteral("1234"));
    QVERIFY(f.station->overdue.markForReturn(a.id, ReturnReason::Refused).has_value());
    auto r = f.station->pickup.handOver({a.id});
    QVERIFY(!r.has_value());
    QCOMPARE(r.error().code, QStringLiteral("parcel.marked_for_return"));
}

namespace {
Parcel parcelWith(const QString& id, const QString& phone, const QString& tail, const QString& name) {
    Parcel p;
    p.id = id;
    p.phone = phone;
    p.phoneTail = tail;
    p.name = name;
    return p;
}
QStringList idsOf(const PersonParcels& person) {
    QStringList ids;
    for (const Parcel& p : person.parcels)
        ids << p.id;
    return ids;
}
} // namespace

void TestPickup::groupsByPerson() {
    const QString a = QStringLiteral("13812345678"), b = QStringLiteral("13912345678");
    const QList<PersonParcels> people = groupByPerson({
        parcelWith(QStringLiteral("1"), a, QStringLiteral("5678"), QStringLiteral("张三")),
        parcelWith(QStringLiteral("2"), b, QStringLiteral("5678"), QStringLiteral("李四")),
        parcelWith(QStringLiteral("3"), a, QStringLiteral("5678"),
                   QString()), // joins 张三: the number's only name
        parcelWith(QStringLiteral("4"), QString(), QStringLiteral("5678"), QString()), // tail only
        parcelWith(QStringLiteral("5"), QString(), QStringLiteral("5678"), QString()),
        parcelWith(QStringLiteral("6"), b, QStringLiteral("5678"),
                   QStringLiteral("王五")),                                    // same number, other name
        parcelWith(QStringLiteral("7"), b, QStringLiteral("5678"), QString()), // whose? two names on b
    });
    QCOMPARE(people.size(), 5);
    QCOMPARE(idsOf(people[0]), QStringList({QStringLiteral("1"), QStringLiteral("3")}));
    QCOMPARE(people[0].maskedLabel(), QStringLiteral("138****5678 张*"));
    QCOMPARE(idsOf(people[1]), QStringList({QStringLiteral("2")}));
    QCOMPARE(idsOf(people[2]), QStringList({QStringLiteral("6")}));
    QCOMPARE(idsOf(people[3]), QStringList({QStringLiteral("7")}));
    QCOMPARE(people[3].name, QString());
    QCOMPARE(idsOf(people[4]), QStringList({QStringLiteral("4"), QStringLiteral("5")}));
    QCOMPARE(people[4].maskedLabel(), QStringLiteral("****5678"));
}

void TestPickup::tailMatchingSeveralPeopleTicksOne() {
    // The field case: tail 5678 for three recipients, six parcels.
    test::Fixture f(QStringLiteral("1-3:2x9"));
    const Parcel z1 = f.receive(QStringLiteral("YT000000000001"), QStringLiteral("13812345678"),
                                QStringLiteral("YTO"), QStringLiteral("张三"));
    const Parcel l1 = f.receive(QStringLiteral("YT000000000002"), QStringLiteral("13912345678"),
                                QStringLiteral("YTO"), QStringLiteral("李四"));
    const Parcel t1 = f.receive(QStringLiteral("YT000000000003"), QStringLiteral("5678"));
    const Parcel z2 = f.receive(QStringLiteral("YT000000000004"), QStringLiteral("13812345678"));
    const Parcel l2 = f.receive(QStringLiteral("YT000000000005"), QStringLiteral("13912345678"),
                                QStringLiteral("YTO"), QStringLiteral("李四"));
    const Parcel t2 = f.receive(QStringLiteral("YT000000000006"), QStringLiteral("5678"));
    auto found = f.station->pickup.lookUp(QStringLiteral("5678"));
    QVERIFY(found.has_value());
    QVERIFY(!found->nothingWaiting);
    QCOMPARE(found->by, PickupLookup::By::PhoneTail);
    QVERIFY(found->severalPeople());
    QCOMPARE(found->people.size(), 3);
    QCOMPARE(idsOf(found->people[0]), QStringList({z1.id, z2.id}));
    QCOMPARE(idsOf(found->people[1]), QStringList({l1.id, l2.id}));
    QCOMPARE(idsOf(found->people[2]), QStringList({t1.id, t2.id}));

    // A full number: that person, and the parcels known only by the tail (they may be theirs).
    auto full = f.station->pickup.lookUp(QStringLiteral("139-1234-5678"));
    QVERIFY(full.has_value());
    QCOMPARE(full->by, PickupLookup::By::Phone);
    QCOMPARE(full->people.size(), 2);
    QCOMPARE(idsOf(full->people[0]), QStringList({l1.id, l2.id}));
    QCOMPARE(idsOf(full->people[1]), QStringList({t1.id, t2.id}));
}

void TestPickup::codeLookupListsThePersonsOtherParcels() {
    test::Fixture f(QStringLiteral("1-3:2x9"));
    const Parcel a = f.receive(QStringLiteral("YT000000000001"), QStringLiteral("13812345678"));
    const Parcel other = f.receive(QStringLiteral("YT000000000002"), QStringLiteral("13912345678"));
    const Parcel b = f.receive(QStringLiteral("YT000000000003"), QStringLiteral("13812345678"));
    const Parcel c = f.receive(QStringLiteral("YT000000000004"), QStringLiteral("13812345678"));
    QVERIFY(f.station->pickup.handOver({c.id}).has_value());

    for (const QString& input : {b.pickupCode, b.waybill.toLower()}) {
        auto found = f.station->pickup.lookUp(input);
        QVERIFY(found.has_value());
        QCOMPARE(found->people.size(), 1);
        // The scanned parcel first, then the same person's other waiting ones; not the neighbour's.
        QCOMPARE(idsOf(found->people.first()), QStringList({b.id, a.id}));
    }
    QCOMPARE(f.station->pickup.lookUp(QStringLiteral(" ") + b.pickupCode.toLower())->by,
             PickupLookup::By::Code);
    QCOMPARE(f.station->pickup.lookUp(b.waybill)->by, PickupLookup::By::Waybill);
    QCOMPARE(idsOf(f.station->pickup.lookUp(other.pickupCode)->people.first()), QStringList({other.id}));
}

void TestPickup::severalPeopleNeedAnExplicitChoice() {
    test::Fixture f;
    const Parcel a = f.receive(QStringLiteral("YT000000000001"), QStringLiteral("13812345678"));
    const Parcel b = f.receive(QStringLiteral("YT000000000002"), QStringLiteral("13912345678"));
    const auto before = f.snapshot();
    auto refused = f.station->pickup.handOver({a.id, b.id});
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, QStringLiteral("pickup.several_people"));
    QCOMPARE(refused.error().kind, ErrorKind::Conflict);
    QCOMPARE(refused.error().details,
             QStringList({QStringLiteral("138****5678"), QStringLiteral("139****5678")}));
    QCOMPARE(f.snapshot(), before); // nothing written
    QCOMPARE(toString(f.station->queries.parcel(a.id)->status), toString(ParcelStatus::Waiting));

    auto chosen = f.station->pickup.handOver({a.id, b.id}, QStringLiteral("王芳"), Recipients::SeveralPeople);
    QVERIFY(chosen.has_value());
    QCOMPARE(chosen->parcels.size(), 2);
}

void TestPickup::collectedCodeSaysWhenAndToWhom() {
    test::Fixture f;
    const Parcel a = f.receive(QStringLiteral("YT000000000001"), QStringLiteral("13812345678"),
                               QStringLiteral("YTO"), QStringLiteral("张三"));
    f.clock->advance(3600 * 1000);
    QVERIFY(f.station->pickup.handOver({a.id}, QStringLiteral("王芳")).has_value());
    const QString when = localDateTimeText(f.clock->nowMs());

    auto byCode = f.station->pickup.lookUp(a.pickupCode);
    QVERIFY(byCode.has_value());
    QVERIFY(byCode->people.isEmpty());
    QVERIFY(byCode->nothingWaiting);
    QCOMPARE(byCode->nothingWaiting->code, QStringLiteral("parcel.already_picked_up"));
    const QString message = byCode->nothingWaiting->message;
    QVERIFY2(message.contains(when), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("王*")) && message.contains(QStringLiteral("138****5678 张*")),
             qPrintable(message));
    QVERIFY2(!message.contains(QStringLiteral("王芳")) && !message.contains(QStringLiteral("13812345678")),
             qPrintable(message));

    auto byWaybill = f.station->pickup.lookUp(a.waybill);
    QCOMPARE(byWaybill->nothingWaiting->code, QStringLiteral("parcel.already_picked_up"));
    // By phone nothing is waiting (not found), and the message tells of the last handover.
    auto byTail = f.station->pickup.lookUp(QStringLiteral("5678"));
    QCOMPARE(byTail->nothingWaiting->code, QStringLiteral("parcel.not_found"));
    QVERIFY(byTail->nothingWaiting->message.contains(when));

    auto nothing = f.station->pickup.lookUp(QStringLiteral("9-9-9999"));
    QVERIFY(nothing.has_value());
    QCOMPARE(nothing->nothingWaiting->code, QStringLiteral("parcel.not_found"));
    QCOMPARE(nothing->nothingWaiting->kind, ErrorKind::NotFound);
}

void TestPickup::lookUpKinds() {
    test::Fixture f;
    QCOMPARE(f.station->pickup.lookUp(QStringLiteral("1234"))->by, PickupLookup::By::PhoneTail);
    QCOMPARE(f.station->pickup.lookUp(QStringLiteral("13812345678"))->by, PickupLookup::By::Phone);
    QCOMPARE(f.station->pickup.lookUp(QStringLiteral("1-1-1001"))->by, PickupLookup::By::Code);
    QCOMPARE(f.station->pickup.lookUp(QStringLiteral("12345"))->by, PickupLookup::By::Code);
    QCOMPARE(f.station->pickup.lookUp(PickupLookup::By::PhoneTail, QStringLiteral("12")).error().code,
             QStringLiteral("phone.invalid"));
}

// Codes are reused once a parcel has left: the handover meant is the latest one of that code.
void TestPickup::lastHandedOverIsTheLatest() {
    test::Fixture f(QStringLiteral("1:1x1"));
    const Parcel a = f.receive(QStringLiteral("YT000000000001"), QStringLiteral("13812345678"));
    QVERIFY(f.station->pickup.handOver({a.id}).has_value());
    f.clock->advance(60'000);
    // The running sequence wraps round in time: rewind it so the next receive takes the same code.
    QVERIFY(
        f.station->ctx->database()
            .exec(QStringLiteral("UPDATE counter SET value = ? WHERE name = 'pickup_seq'"), {a.codeSeq - 1})
            .has_value());
    const Parcel b = f.receive(QStringLiteral("YT000000000002"), QStringLiteral("13912345678"));
    QCOMPARE(b.pickupCode, a.pickupCode);
    auto stillWaiting = f.station->pickup.lastHandedOver(PickupLookup::By::Code, a.pickupCode.toLower());
    QVERIFY(stillWaiting.has_value());
    QCOMPARE((*stillWaiting)->id, a.id);
    QVERIFY(f.station->pickup.handOver({b.id}).has_value());
    QCOMPARE((*f.station->pickup.lastHandedOver(PickupLookup::By::Code, a.pickupCode))->id, b.id);
    QCOMPARE(
        (*f.station->pickup.lastHandedOver(PickupLookup::By::Waybill, QStringLiteral("yt000000000001")))->id,
        a.id);
    QCOMPARE((*f.station->pickup.lastHandedOver(PickupLookup::By::Phone, QStringLiteral("13812345678")))->id,
             a.id);
    QVERIFY(!*f.station->pickup.lastHandedOver(PickupLookup::By::PhoneTail, QStringLiteral("0000")));
    QCOMPARE(f.station->pickup.lastHandedOver(PickupLookup::By::Waybill, QStringLiteral("??")).error().code,
             QStringLiteral("waybill.chars"));
}

QTEST_GUILESS_MAIN(TestPickup)
#include "tst_pickup.moc"
