// Backoff: grows from about 2 s, caps at 10 min, stays within its jitter bounds, resets on success,
// and a network change brings the next attempt forward. A manual clock and a scripted random source.
#include "backoff.h"

#include <QTest>

using namespace cz;
using namespace cz::sync;

class TestBackoff : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void growsWithinJitterAndCaps_data();
    void growsWithinJitterAndCaps();
    void resetsOnSuccess();
    void networkChangeBringsItForward();
};

void TestBackoff::growsWithinJitterAndCaps_data() {
    QTest::addColumn<double>("random");
    QTest::newRow("lowest") << 0.0;
    QTest::newRow("middle") << 0.5;
    QTest::newRow("highest") << 0.999999;
}

void TestBackoff::growsWithinJitterAndCaps() {
    QFETCH(double, random);
    ManualClock clock(1000000);
    Backoff b(clock, [random] { return random; });
    QCOMPARE(b.msUntilNext(), 0);
    qint64 last = 0;
    for (int i = 1; i <= 40; ++i) {
        b.failed();
        const qint64 ceiling = std::min<qint64>(Backoff::kCapMs, 2000LL << std::min(i - 1, 30));
        const qint64 wait = b.msUntilNext();
        QVERIFY2(wait >= ceiling / 2 && wait <= ceiling,
                 qPrintable(QStringLiteral("failure %1: %2 ms").arg(i).arg(wait)));
        QVERIFY(wait <= 10 * 60 * 1000);
        QVERIFY(wait >= last || ceiling == Backoff::kCapMs);
        last = wait;
    }
    QCOMPARE(b.failures(), 40);
    QVERIFY(last >= Backoff::kCapMs / 2);
}

void TestBackoff::resetsOnSuccess() {
    ManualClock clock(0);
    Backoff b(clock, [] { return 0.0; });
    for (int i = 0; i < 6; ++i)
        b.failed();
    QCOMPARE(b.msUntilNext(), 32000); // half of 64 s
    clock.advance(10000);
    QCOMPARE(b.msUntilNext(), 22000);
    b.succeeded();
    QCOMPARE(b.msUntilNext(), Backoff::kIdleMs);
    QCOMPARE(b.failures(), 0);
    b.failed();
    QCOMPARE(b.msUntilNext(), 1000);
}

void TestBackoff::networkChangeBringsItForward() {
    ManualClock clock(0);
    Backoff b(clock, [] { return 0.9; });
    for (int i = 0; i < 12; ++i)
        b.failed();
    QVERIFY(b.msUntilNext() > 5 * 60 * 1000);
    b.networkChanged();
    QCOMPARE(b.msUntilNext(), Backoff::kSoonMs);
    // Never later than already planned.
    clock.advance(Backoff::kIdleMs);
    b.networkChanged();
    QCOMPARE(b.msUntilNext(), 0);
    b.succeeded();
    b.networkChanged();
    QCOMPARE(b.msUntilNext(), Backoff::kSoonMs);
    // Still failing afterwards: the delay keeps growing from where it was.
    b.failed();
    QCOMPARE(b.failures(), 1);
}

QTEST_GUILESS_MAIN(TestBackoff)
#include "tst_backoff.moc"
