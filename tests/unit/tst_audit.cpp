// Shelf audit: missing, misplaced and unknown parcels, and fixing places on confirmation.
#include "fixture.h"

using namespace cz;

class TestAudit : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void report();
    void applyMovesRecordsAndCodes();
    void staleReportRefused();
    void badSlotRejected();
};

namespace {
// Receives a parcel and forces it onto a place, through the audit itself (the only mover).
Parcel placed(test::Fixture& f, const QString& waybill, const QString& phone, const QString& slot) {
    Parcel p = f.receive(waybill, phone);
    if (p.slotName() != slot) {
        auto rep = f.station->shelves.audit({{slot, waybill}});
        auto moved = f.station->shelves.applyAudit(*rep);
        if (!moved || moved->size() != 1)
            qFatal("could not place parcel");
        p = *f.station->queries.parcel(p.id);
    }
    return p;
}
} // namespace

void TestAudit::report() {
    test::Fixture f(QStringLiteral("1-2:2x9"));
    const Parcel a =
        placed(f, QStringLiteral("YT000000000001"), QStringLiteral("1001"), QStringLiteral("1-1"));
    const Parcel b =
        placed(f, QStringLiteral("YT000000000002"), QStringLiteral("1002"), QStringLiteral("1-1"));
    const Parcel c =
        placed(f, QStringLiteral("YT000000000003"), QStringLiteral("1003"), QStringLiteral("2-2"));
    QCOMPARE(a.slotName(), QStringLiteral("1-1"));
    QCOMPARE(c.slotName(), QStringLiteral("2-2"));

    // On 1-1 the clerk finds a (right), c (belongs on 2-2) and a parcel the station never received;
    // b is not there.
    auto rep = f.station->shelves.audit({{QStringLiteral("1-1"), a.waybill},
                                         {QStringLiteral("1-1"), c.waybill.toLower()},
                                         {QStringLiteral("1-1"), QStringLiteral("SF1385628716739")}},
                                        {QStringLiteral("1-2")});
    QVERIFY2(rep.has_value(), rep ? "" : qPrintable(rep.error().message));
    QCOMPARE(rep->places, (QStringList{"1-2", "1-1"}));
    QCOMPARE(rep->ok.size(), 1);
    QCOMPARE(rep->ok.first().waybill, a.waybill);
    QCOMPARE(rep->missing.size(), 1);
    QCOMPARE(rep->missing.first().waybill, b.waybill);
    QCOMPARE(rep->misplaced.size(), 1);
    QCOMPARE(rep->misplaced.first().waybill, c.waybill);
    QCOMPARE(rep->misplaced.first().recordedSlot, QStringLiteral("2-2"));
    QCOMPARE(rep->misplaced.first().foundSlot, QStringLiteral("1-1"));
    QCOMPARE(rep->unknown.size(), 1);
    QCOMPARE(rep->unknown.first().waybill, QStringLiteral("SF1385628716739"));
}

void TestAudit::applyMovesRecordsAndCodes() {
    test::Fixture f(QStringLiteral("1-2:2x9"));
    const Parcel c =
        placed(f, QStringLiteral("YT000000000003"), QStringLiteral("1003"), QStringLiteral("2-2"));
    const int movedBefore = f.rows(QStringLiteral("parcel_event"), QStringLiteral("kind = 'moved'"));
    auto rep = f.station->shelves.audit({{QStringLiteral("1-1"), c.waybill}});
    auto moves = f.station->shelves.applyAudit(*rep);
    QVERIFY2(moves.has_value(), moves ? "" : qPrintable(moves.error().message));
    QCOMPARE(moves->size(), 1);
    QCOMPARE(moves->first().oldCode, c.pickupCode);
    QCOMPARE(moves->first().newCode, QStringLiteral("1-1-%1").arg(c.codeSeq)); // the number is kept
    const Parcel now = *f.station->queries.parcel(c.id);
    QCOMPARE(now.slotName(), QStringLiteral("1-1"));
    QCOMPARE(now.pickupCode, moves->first().newCode);
    QVERIFY(f.station->pickup.findByCode(c.pickupCode)->isEmpty());
    QCOMPARE(f.rows(QStringLiteral("parcel_event"), QStringLiteral("kind = 'moved'")), movedBefore + 1);
    QCOMPARE(f.rows(QStringLiteral("outbox"), QStringLiteral("kind = 'parcel.moved'")), movedBefore + 1);
    // A second audit of the same place is clean.
    auto again = f.station->shelves.audit({{QStringLiteral("1-1"), c.waybill}});
    QCOMPARE(again->ok.size(), 1);
    QVERIFY(again->misplaced.isEmpty());
}

void TestAudit::staleReportRefused() {
    test::Fixture f(QStringLiteral("1-2:2x9"));
    const Parcel c =
        placed(f, QStringLiteral("YT000000000003"), QStringLiteral("1003"), QStringLiteral("2-2"));
    auto rep = f.station->shelves.audit({{QStringLiteral("1-1"), c.waybill}});
    QVERIFY(
        f.station->pickup.handOver({c.id}).has_value()); // picked up between the audit and its confirmation
    const auto before = f.snapshot();
    auto moves = f.station->shelves.applyAudit(*rep);
    QVERIFY(!moves.has_value());
    QCOMPARE(moves.error().code, QStringLiteral("audit.stale"));
    QCOMPARE(f.snapshot(), before);
}

void TestAudit::badSlotRejected() {
    test::Fixture f(QStringLiteral("1-2:2x9"));
    QCOMPARE(
        f.station->shelves.audit({{QStringLiteral("9-9"), QStringLiteral("YT000000000003")}}).error().code,
        QStringLiteral("slot.unknown"));
    QCOMPARE(f.station->shelves.audit({{QStringLiteral("x"), QStringLiteral("YT000000000003")}}).error().code,
             QStringLiteral("slot.invalid"));
    QCOMPARE(f.station->shelves.audit({{QStringLiteral("1-1"), QStringLiteral("bad")}}).error().code,
             QStringLiteral("waybill.length"));
}

QTEST_GUILESS_MAIN(TestAudit)
#include "tst_audit.moc"
