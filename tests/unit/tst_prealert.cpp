// Pre-alerts at receive: an announced waybill fills in the recipient when no phone is given, and
// the expected-today list leaves out what was already scanned in. Also the downstream write path
// (no outbox op) and the database's fault-injection seam that sync tests rely on.
#include "fixture.h"
#include "writetx.h"

using namespace cz;

class TestPrealert : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fillsRecipientWhenNoPhoneGiven();
    void givenPhoneAndCarrierWin();
    void expectedTodayExcludesReceived();
    void downstreamCommitsWithoutOpAndRefusesOne();
    void faultInjectorFailsTheChosenAccess();

private:
    static void addPrealert(test::Fixture& f, const QString& waybill, const QString& carrier,
                            const QString& phone, const QString& name, const QDate& day) {
        UuidV7Source ids(*f.clock);
        auto tx = WriteTx::beginDownstream(f.station->ctx->database(), *f.clock, ids);
        QVERIFY(tx.has_value());
        QVERIFY(tx->exec(QStringLiteral("INSERT INTO prealert(waybill, carrier, phone, name, van_date,"
                                        " updated_at) VALUES (?, ?, ?, ?, ?, ?)"),
                         {waybill, carrier, phone, name, day.toString(Qt::ISODate), tx->now()})
                    .has_value());
        QVERIFY(tx->commit().has_value());
    }
    static QDate today(const test::Fixture& f) { return localDate(f.clock->nowMs()); }
};

void TestPrealert::fillsRecipientWhenNoPhoneGiven() {
    test::Fixture f;
    // An all-digit number fits several carriers: the pre-alert's carrier settles it.
    addPrealert(f, QStringLiteral("123456789012"), QStringLiteral("ZTO"), QStringLiteral("13812345678"),
                QStringLiteral("张三"), today(f));
    auto r = f.station->inbound.receive({QStringLiteral("123456789012"), {}, {}, {}, std::nullopt});
    QVERIFY2(r.has_value(), r ? "" : qPrintable(r.error().message));
    QVERIFY(r->prealerted);
    QCOMPARE(r->parcel.phone, QStringLiteral("13812345678"));
    QCOMPARE(r->parcel.name, QStringLiteral("张三"));
    QCOMPARE(r->parcel.carrier, QStringLiteral("ZTO"));

    // Without a pre-alert a missing phone is still an error.
    auto none = f.station->inbound.receive({QStringLiteral("YT000000000009"), {}, {}, {}, std::nullopt});
    QVERIFY(!none.has_value());
    QCOMPARE(none.error().code, QStringLiteral("phone.missing"));
}

void TestPrealert::givenPhoneAndCarrierWin() {
    test::Fixture f;
    addPrealert(f, QStringLiteral("123456789013"), QStringLiteral("ZTO"), QStringLiteral("13812345678"),
                QStringLiteral("张三"), today(f));
    auto r = f.station->inbound.receive({QStringLiteral("123456789013"),
                                         QStringLiteral("13987651234"),
                                         {},
                                         QStringLiteral("SF"),
                                         std::nullopt});
    QVERIFY(r.has_value());
    QVERIFY(!r->prealerted);
    QCOMPARE(r->parcel.phone, QStringLiteral("13987651234"));
    QCOMPARE(r->parcel.carrier, QStringLiteral("SF"));

    // Phone from the pre-alert, carrier confirmed by the clerk.
    addPrealert(f, QStringLiteral("123456789014"), QStringLiteral("ZTO"), QStringLiteral("13812345678"), {},
                today(f));
    auto c = f.station->inbound.receive(
        {QStringLiteral("123456789014"), {}, {}, QStringLiteral("SF"), std::nullopt});
    QVERIFY(c.has_value());
    QVERIFY(c->prealerted);
    QCOMPARE(c->parcel.carrier, QStringLiteral("SF"));
}

void TestPrealert::expectedTodayExcludesReceived() {
    test::Fixture f;
    const QString phone = QStringLiteral("13812345678");
    addPrealert(f, QStringLiteral("YT100000000001"), QStringLiteral("YTO"), phone, {}, today(f));
    addPrealert(f, QStringLiteral("YT100000000002"), QStringLiteral("YTO"), phone, {}, today(f));
    addPrealert(f, QStringLiteral("YT100000000003"), QStringLiteral("YTO"), phone, {}, today(f).addDays(1));
    addPrealert(f, QStringLiteral("YT100000000004"), QStringLiteral("YTO"), phone, {}, today(f).addDays(-1));
    QCOMPARE(*f.station->inbound.expectedTodayCount(), 2);
    f.receive(QStringLiteral("YT100000000001"), {});
    auto list = f.station->inbound.expectedToday();
    QVERIFY(list.has_value());
    QCOMPARE(list->size(), 1);
    QCOMPARE(list->first().waybill, QStringLiteral("YT100000000002"));
    QCOMPARE(list->first().maskedPhone(), QStringLiteral("138****5678"));
    QCOMPARE(list->first().vanDate, today(f));
    QCOMPARE(*f.station->inbound.expectedTodayCount(), 1);
    // Tomorrow the next day's pre-alert is expected.
    f.clock->advance(kDayMs);
    QCOMPARE(f.station->inbound.expectedToday()->first().waybill, QStringLiteral("YT100000000003"));
}

void TestPrealert::downstreamCommitsWithoutOpAndRefusesOne() {
    test::Fixture f;
    const int ops = f.rows(QStringLiteral("outbox"));
    UuidV7Source ids(*f.clock);
    {
        auto tx = WriteTx::beginDownstream(f.station->ctx->database(), *f.clock, ids);
        QVERIFY(tx.has_value());
        QVERIFY(tx->exec(QStringLiteral("INSERT INTO sync_state(key, value) VALUES ('cursor', '7')"))
                    .has_value());
        auto op = tx->appendOp(QStringLiteral("x"), QStringLiteral("1"), QStringLiteral("x.test"), {});
        QVERIFY(!op.has_value());
        QCOMPARE(op.error().code, QStringLiteral("tx.downstream_op"));
        QVERIFY(tx->commit().has_value());
    }
    QCOMPARE(f.rows(QStringLiteral("outbox")), ops);
    QCOMPARE(f.rows(QStringLiteral("sync_state")), 1);
}

void TestPrealert::faultInjectorFailsTheChosenAccess() {
    test::Fixture f;
    Database& db = f.station->ctx->database();
    QList<int> seen;
    db.setFaultInjector([&](int i) {
        seen << i;
        return i == 2;
    });
    QVERIFY(db.scalar(QStringLiteral("SELECT 1")).has_value()); // 0
    QVERIFY(db.beginWrite().has_value());                       // 1
    auto e = db.exec(QStringLiteral("DELETE FROM prealert"));   // 2: fails
    QVERIFY(!e.has_value());
    QCOMPARE(e.error().code, QStringLiteral("db.fault_injected"));
    QCOMPARE(e.error().kind, ErrorKind::Unavailable);
    QVERIFY(db.commit().has_value()); // 3
    QCOMPARE(seen, (QList<int>{0, 1, 2, 3}));
    db.setFaultInjector({});
    const auto before = f.snapshot();
    db.setFaultInjector([](int i) { return i == 0; });
    QVERIFY(
        !f.station->inbound.receive({QStringLiteral("YT100000000001"), QStringLiteral("1234"), {}, {}, {}}));
    db.setFaultInjector({});
    QCOMPARE(f.snapshot(), before);
    QVERIFY(!db.inTransaction());
}

QTEST_GUILESS_MAIN(TestPrealert)
#include "tst_prealert.moc"
