// The one write path: a transaction without an outbox op cannot commit; op ids are UUIDv7 in
// creation order; the outbox seq follows commit order.
#include "fixture.h"
#include "writetx.h"

#include <QRegularExpression>
#include <QSet>

using namespace cz;

class TestOutbox : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void commitWithoutOpIsRefused();
    void failedChangeRollsBack();
    void uuidV7OrderedAndUnique();
    void opsFollowCommitOrder();
};

void TestOutbox::commitWithoutOpIsRefused() {
    test::Fixture f;
    const auto before = f.snapshot();
    UuidV7Source ids(*f.clock);
    auto tx = WriteTx::begin(f.station->ctx->database(), *f.clock, ids);
    QVERIFY(tx.has_value());
    QVERIFY(tx->exec(QStringLiteral("INSERT INTO counter(name, value) VALUES ('x', 1)")).has_value());
    auto st = tx->commit();
    QVERIFY(!st.has_value());
    QCOMPARE(st.error().code, QStringLiteral("tx.no_outbox_op"));
    QCOMPARE(f.snapshot(), before);
    QVERIFY(!f.station->ctx->database().inTransaction());
}

void TestOutbox::failedChangeRollsBack() {
    test::Fixture f;
    const auto before = f.snapshot();
    UuidV7Source ids(*f.clock);
    {
        auto tx = WriteTx::begin(f.station->ctx->database(), *f.clock, ids);
        QVERIFY(tx.has_value());
        QVERIFY(
            tx->appendOp(QStringLiteral("x"), QStringLiteral("1"), QStringLiteral("x.test"), {}).has_value());
        // Going out of scope without commit: everything rolls back.
    }
    QCOMPARE(f.snapshot(), before);
    // The station can write again afterwards.
    f.receive(QStringLiteral("YT000000000001"), QStringLiteral("1234"));
}

void TestOutbox::uuidV7OrderedAndUnique() {
    ManualClock clock(test::kStart);
    UuidV7Source ids(clock);
    QSet<QString> seen;
    QString last;
    const QRegularExpression v7(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
    for (int i = 0; i < 10000; ++i) {
        if (i % 1000 == 0)
            clock.advance(1);
        const QString id = ids.newId();
        QVERIFY(v7.match(id).hasMatch());
        QVERIFY2(id > last, qPrintable(id + QStringLiteral(" <= ") + last));
        QVERIFY(!seen.contains(id));
        seen.insert(id);
        last = id;
    }
    // The first 48 bits are the millisecond time.
    const QString first = ids.newId();
    const qint64 ms = first.left(8).append(first.mid(9, 4)).toLongLong(nullptr, 16);
    QVERIFY(ms >= clock.nowMs());
}

void TestOutbox::opsFollowCommitOrder() {
    test::Fixture f;
    const Parcel a = f.receive(QStringLiteral("YT000000000001"), QStringLiteral("1234"));
    QVERIFY(f.station->pickup.handOver({a.id}).has_value());
    const Parcel b = f.receive(QStringLiteral("YT000000000002"), QStringLiteral("1234"));
    auto q =
        f.station->ctx->database().exec(QStringLiteral("SELECT kind, entity_id FROM outbox ORDER BY seq"));
    QStringList kinds;
    while ((*q)->next())
        kinds << (*q)->value(0).toString();
    (*q)->finish();
    QCOMPARE(kinds,
             (QStringList{"station.initialised", "parcel.received", "parcel.picked_up", "parcel.received"}));
    QCOMPARE(*f.station->setup.pendingOps(), 4);
    Q_UNUSED(b);
}

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
