// Shelf layout specs and changing the layout of a running station.
#include "fixture.h"

using namespace cz;

class TestShelves : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parse_data();
    void parse();
    void slotNames();
    void changeLayout();
};

void TestShelves::parse_data() {
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QStringList>("slots"); // empty = error
    QTest::addColumn<int>("capacity");
    QTest::newRow("range") << "1-2:2x30" << QStringList{"1-1", "1-2", "2-1", "2-2"} << 30;
    QTest::newRow("letters") << "a-b:1x5" << QStringList{"A-1", "B-1"} << 5;
    QTest::newRow("mixed") << "1:1x9, M:2x9" << QStringList{"1-1", "M-1", "M-2"} << 9;
    QTest::newRow("star") << "3:1*7" << QStringList{"3-1"} << 7;
    QTest::newRow("empty") << "" << QStringList{} << 0;
    QTest::newRow("no capacity") << "1-4:3" << QStringList{} << 0;
    QTest::newRow("zero layers") << "1:0x5" << QStringList{} << 0;
    QTest::newRow("reverse range") << "4-1:1x5" << QStringList{} << 0;
    QTest::newRow("duplicate shelf") << "1-2:1x5,2:1x5" << QStringList{} << 0;
    QTest::newRow("garbage") << "shelves please" << QStringList{} << 0;
}

void TestShelves::parse() {
    QFETCH(QString, spec);
    QFETCH(QStringList, slots);
    QFETCH(int, capacity);
    const auto r = parseShelfSpec(spec);
    if (slots.isEmpty()) {
        QVERIFY(!r.has_value());
        QCOMPARE(r.error().kind, ErrorKind::BadInput);
        return;
    }
    QVERIFY2(r.has_value(), r ? "" : qPrintable(r.error().message));
    QStringList names;
    for (const auto& s : *r) {
        names << s.name();
        QCOMPARE(s.capacity, capacity);
    }
    QCOMPARE(names, slots);
}

void TestShelves::slotNames() {
    QCOMPARE(parseSlotName(QStringLiteral(" 3-2 "))->first, QStringLiteral("3"));
    QCOMPARE(parseSlotName(QStringLiteral("m-12"))->second, 12);
    QVERIFY(!parseSlotName(QStringLiteral("3")).has_value());
    QVERIFY(!parseSlotName(QStringLiteral("3-2-1045")).has_value());
}

void TestShelves::changeLayout() {
    test::Fixture f(QStringLiteral("1-2:1x5"));
    const Parcel p = f.receive(QStringLiteral("YT000000000001"), QStringLiteral("1111"));
    const QString occupiedShelf = p.shelf;
    const QString other = occupiedShelf == QLatin1String("1") ? QStringLiteral("2") : QStringLiteral("1");

    // Removing the occupied shelf is refused and changes nothing.
    const auto before = f.rows(QStringLiteral("outbox"));
    auto bad = f.station->setup.setShelfLayout(other + QStringLiteral(":1x5"));
    QVERIFY(!bad.has_value());
    QCOMPARE(bad.error().code, QStringLiteral("shelves.not_empty"));
    QCOMPARE(f.rows(QStringLiteral("slot")), 2);
    QCOMPARE(f.rows(QStringLiteral("outbox")), before);

    // Growing the layout works and is recorded for sync.
    auto ok = f.station->setup.setShelfLayout(QStringLiteral("1-3:2x8"));
    QVERIFY2(ok.has_value(), ok ? "" : qPrintable(ok.error().message));
    QCOMPARE(f.rows(QStringLiteral("slot")), 6);
    QCOMPARE(f.rows(QStringLiteral("outbox"), QStringLiteral("kind = 'shelves.changed'")), 1);
    QCOMPARE(f.station->ctx->settings().shelfSpec, QStringLiteral("1-3:2X8"));
    auto loads = f.station->shelves.slotLoads();
    QVERIFY(loads.has_value());
    int waiting = 0;
    for (const auto& l : *loads)
        waiting += l.waiting;
    QCOMPARE(waiting, 1);
}

QTEST_GUILESS_MAIN(TestShelves)
#include "tst_shelves.moc"
