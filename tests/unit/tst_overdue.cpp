// Overdue parcels, storage fees, at most one reminder per parcel per day, the return list; the settings
// (checked values, the language Chinese unless chosen).
#include "fixture.h"

using namespace cz;

class TestOverdue : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void daysHeldAndFeeDaysAgree();
    void feeStartsAfterFreeDays_data();
    void feeStartsAfterFreeDays();
    void feeChargedAtPickup();
    void overdueListAndUnclaimed();
    void remindersAtMostOncePerDay();
    void returnsList();
    void settingsValidated();
    void languageIsChineseUnlessChosen();
};

void TestOverdue::feeStartsAfterFreeDays_data() {
    QTest::addColumn<qint64>("heldMs");
    QTest::addColumn<qint64>("fee");
    const qint64 h = 3600 * 1000;
    // free_days 3, 50 fen per started day after that
    QTest::newRow("1 day") << 24 * h << qint64(0);
    QTest::newRow("exactly 3 days") << 72 * h << qint64(0);
    QTest::newRow("3 days + 1 h") << 73 * h << qint64(50);
    QTest::newRow("4 days") << 96 * h << qint64(50);
    QTest::newRow("4 days + 1 ms") << 96 * h + 1 << qint64(100);
    QTest::newRow("10 days") << 240 * h << qint64(350);
}

void TestOverdue::feeStartsAfterFreeDays() {
    QFETCH(qint64, heldMs);
    QFETCH(qint64, fee);
    test::Fixture f;
    QVERIFY(f.station->setup.setSetting(QStringLiteral("fee_per_day_fen"), QStringLiteral("50")).has_value());
    const Parcel p = f.receive(QStringLiteral("YT000000000001"), QStringLiteral("1234"));
    QCOMPARE(holding(f.station->ctx->settings(), p, p.receivedAt + heldMs).feeFen, fee);
}

void TestOverdue::feeChargedAtPickup() {
    test::Fixture f;
    QVERIFY(
        f.station->setup.setSetting(QStringLiteral("fee_per_day_fen"), QStringLiteral("100")).has_value());
    QVERIFY(f.station->setup.setSetting(QStringLiteral("free_days"), QStringLiteral("2")).has_value());
    const Parcel p = f.receive(QStringLiteral("YT000000000001"), QStringLiteral("1234"));
    f.clock->advance(5 * kDayMs - 1000);
    auto r = f.station->pickup.handOver({p.id});
    QVERIFY(r.has_value());
    QCOMPARE(r->totalFeeFen, 300);
    QCOMPARE(f.station->queries.parcel(p.id)->feeFen, 300);
}

void TestOverdue::overdueListAndUnclaimed() {
    test::Fixture f;
    const Parcel old = f.receive(QStringLiteral("YT000000000001"), QStringLiteral("1111"));
    f.clock->advance(4 * kDayMs);
    const Parcel mid = f.receive(QStringLiteral("YT000000000002"), QStringLiteral("2222"));
    f.clock->advance(4 * kDayMs);
    f.receive(QStringLiteral("YT000000000003"), QStringLiteral("3333"));
    // now: old held 8 days, mid 4 days, the last one 0 days
    auto list = f.station->overdue.overdue();
    QVERIFY(list.has_value());
    QCOMPARE(list->size(), 2);
    QCOMPARE(list->at(0).parcel.id, old.id);
    QCOMPARE(list->at(0).held.daysHeld, 8);
    QCOMPARE(list->at(0).held.feeDays, 5);
    QVERIFY(list->at(0).held.unclaimed);
    QCOMPARE(list->at(1).parcel.id, mid.id);
    QVERIFY(!list->at(1).held.unclaimed);
}

void TestOverdue::remindersAtMostOncePerDay() {
    test::Fixture f;
    f.receive(QStringLiteral("YT000000000001"), QStringLiteral("1111"));
    f.receive(QStringLiteral("YT000000000002"), QStringLiteral("2222"));
    QCOMPARE(*f.station->overdue.queueReminders(), 0); // nothing overdue yet
    QCOMPARE(f.rows(QStringLiteral("outbox"), QStringLiteral("kind = 'parcel.reminded'")), 0);

    f.clock->advance(4 * kDayMs);
    QCOMPARE(*f.station->overdue.queueReminders(), 2);
    f.clock->advance(2 * 3600 * 1000); // same local day
    QCOMPARE(*f.station->overdue.queueReminders(), 0);
    QCOMPARE(f.rows(QStringLiteral("notification"), QStringLiteral("kind = 'overdue'")), 2);
    f.clock->advance(kDayMs); // next day
    QCOMPARE(*f.station->overdue.queueReminders(), 2);
    QCOMPARE(f.rows(QStringLiteral("notification"), QStringLiteral("kind = 'overdue'")), 4);
    QCOMPARE(f.rows(QStringLiteral("parcel_event"), QStringLiteral("kind = 'reminded'")), 4);
    QCOMPARE(f.rows(QStringLiteral("outbox"), QStringLiteral("kind = 'parcel.reminded'")), 4);
}

void TestOverdue::returnsList() {
    test::Fixture f;
    const Parcel a = f.receive(QStringLiteral("YT000000000001"), QStringLiteral("1111"));
    const Parcel b = f.receive(QStringLiteral("YT000000000002"), QStringLiteral("2222"));
    auto r = f.station->overdue.markForReturn(a.id, ReturnReason::Damaged, QStringLiteral("外箱破损"));
    QVERIFY(r.has_value());
    QCOMPARE(toString(r->status), toString(ParcelStatus::ToReturn));
    QCOMPARE(r->returnReason, QStringLiteral("damaged"));
    auto list = f.station->overdue.returnList();
    QCOMPARE(list->size(), 1);
    QCOMPARE(list->first().id, a.id);
    // Its place is free again, but the code stays reserved until the parcel leaves the station.
    auto loads = f.station->shelves.slotLoads();
    int waiting = 0;
    for (const auto& l : *loads)
        waiting += l.waiting;
    QCOMPARE(waiting, 1);
    QCOMPARE(f.station->pickup.findByCode(a.pickupCode)->size(), 1);
    // Marking twice, or a picked-up parcel, is a conflict that writes nothing.
    QVERIFY(f.station->pickup.handOver({b.id}).has_value());
    const auto before = f.snapshot();
    QCOMPARE(f.station->overdue.markForReturn(a.id, ReturnReason::Lost).error().code,
             QStringLiteral("return.not_waiting"));
    QCOMPARE(f.station->overdue.markForReturn(b.id, ReturnReason::Lost).error().code,
             QStringLiteral("return.not_waiting"));
    QCOMPARE(f.snapshot(), before);
}

void TestOverdue::settingsValidated() {
    test::Fixture f;
    const int ops = f.rows(QStringLiteral("outbox"));
    QCOMPARE(f.station->setup.setSetting(QStringLiteral("free_days"), QStringLiteral("-1")).error().code,
             QStringLiteral("setting.range"));
    QCOMPARE(f.station->setup.setSetting(QStringLiteral("free_days"), QStringLiteral("three")).error().code,
             QStringLiteral("setting.range"));
    QCOMPARE(f.station->setup.setSetting(QStringLiteral("colour"), QStringLiteral("red")).error().code,
             QStringLiteral("setting.unknown"));
    QCOMPARE(f.station->setup.setSetting(QStringLiteral("language"), QStringLiteral("fr")).error().code,
             QStringLiteral("setting.language"));
    QCOMPARE(f.rows(QStringLiteral("outbox")), ops);
    QVERIFY(f.station->setup.setSetting(QStringLiteral("free_days"), QStringLiteral("5")).has_value());
    QCOMPARE(f.station->ctx->settings().freeDays, 5);
    QCOMPARE(f.rows(QStringLiteral("outbox"), QStringLiteral("kind = 'setting.changed'")), 1);
}

void TestOverdue::languageIsChineseUnlessChosen() {
    test::Fixture f;
    QCOMPARE(f.station->ctx->settings().language, QStringLiteral("zh_CN"));
    // "Follow the system" is gone: an empty value is refused like any unknown language.
    QCOMPARE(f.station->setup.setSetting(QStringLiteral("language"), QString()).error().code,
             QStringLiteral("setting.language"));
    QVERIFY(f.station->setup.setSetting(QStringLiteral("language"), QStringLiteral("en")).has_value());
    QCOMPARE(f.station->ctx->settings().language, QStringLiteral("en"));
    QCOMPARE(f.rows(QStringLiteral("outbox"), QStringLiteral("kind = 'setting.changed'")), 1);
    QVERIFY(f.station->setup.setSetting(QStringLiteral("language"), QStringLiteral("zh_CN")).has_value());
    QCOMPARE(f.station->ctx->settings().language, QStringLiteral("zh_CN"));
    // A database that stored "" (follow the system) in an earlier version reads as the default.
    QVERIFY(f.station->ctx->database()
                .exec(QStringLiteral("UPDATE setting SET value = '' WHERE key = 'language'"))
                .has_value());
    QVERIFY(f.station->ctx->refresh().has_value());
    QCOMPARE(f.station->ctx->settings().language, QStringLiteral("zh_CN"));
}

// One rule for the days held and the fee days: 12 days held with 3 free are 9 fee days, also part
// way through a day (days held used to round down while fee days rounded up).
void TestOverdue::daysHeldAndFeeDaysAgree() {
    test::Fixture f;
    QVERIFY(f.station->setup.setSetting(QStringLiteral("fee_per_day_fen"), QStringLiteral("50")).has_value());
    const Parcel p = f.receive(QStringLiteral("YT000000000001"), QStringLiteral("1234"));
    for (const qint64 held : {11 * kDayMs + kDayMs / 2, 12 * kDayMs}) {
        const Holding h = holding(f.station->ctx->settings(), p, p.receivedAt + held);
        QCOMPARE(h.daysHeld, 12);
        QCOMPARE(h.feeDays, 9);
        QCOMPARE(h.feeFen, 450);
    }
    QCOMPARE(holding(f.station->ctx->settings(), p, p.receivedAt).daysHeld, 0);
    QCOMPARE(holding(f.station->ctx->settings(), p, p.receivedAt + 1).daysHeld, 1);
    f.clock->advance(11 * kDayMs + kDayMs / 2);
    auto list = f.station->overdue.overdue();
    QVERIFY(list.has_value());
    QCOMPARE(list->size(), 1);
    QCOMPARE(list->first().held.daysHeld, 12);
    QCOMPARE(list->first().held.feeDays, 9);
    QCOMPARE(list->first().held.daysHeld - list->first().held.feeDays, 3);
}

QTEST_GUILESS_MAIN(TestOverdue)
#include "tst_overdue.moc"
