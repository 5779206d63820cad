// The Pickup page's undo button follows the station's undo window by the station's clock: still
// on at the window's last millisecond, off (by its timer, without any click) just after it.
#include "guifixture.h"
#include "mainwindow.h"
#include "pickupmodel.h"
#include "pickuppage.h"

#include <QPushButton>
#include <QTimer>

using namespace cz;
using namespace cz::ui;
using cz::test::GuiFixture;

class TestPickupUndo : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void undoButtonClosesWithTheWindow();
};

void TestPickupUndo::undoButtonClosesWithTheWindow() {
    GuiFixture f;
    QVERIFY(f.station->setup.setSetting(QStringLiteral("undo_window_min"), QStringLiteral("2")));
    const Parcel a = f.receive(QStringLiteral("YT764306505052"), QStringLiteral("13812345678"));
    const Parcel b = f.receive(QStringLiteral("YT764306505053"), QStringLiteral("13900001111"));
    MainWindow w(*f.station->ctx, f.scanClock());
    w.show();
    w.showPage(1);
    PickupPage* page = w.pickupPage();
    page->undoTimer()->setInterval(10); // the decision is the station clock's; only the polling is sped up

    QVERIFY(!page->undoButton()->isEnabled());
    QVERIFY(!page->undoTimer()->isActive());
    page->lookUp(QStringLiteral("5678"));
    page->handOver();
    QVERIFY(page->undoButton()->isEnabled());
    QVERIFY(page->undoTimer()->isActive());

    // Exactly at the end of the window the station still allows the undo, so the button stays on.
    f.clock->advance(2 * 60'000);
    QTest::qWait(50);
    QVERIFY(page->undoButton()->isEnabled());

    // One millisecond later it goes off on its own, and the timer stops.
    f.clock->advance(1);
    QTRY_VERIFY_WITH_TIMEOUT(!page->undoButton()->isEnabled(), 2000);
    QVERIFY(!page->undoTimer()->isActive());
    QCOMPARE(toString(f.station->queries.parcel(a.id)->status), toString(ParcelStatus::PickedUp));

    // A new handover opens a new window, and undo within it works.
    page->lookUp(QStringLiteral("1111"));
    page->handOver();
    QVERIFY(page->undoButton()->isEnabled());
    f.clock->advance(60'000);
    QTest::qWait(50);
    QVERIFY(page->undoButton()->isEnabled());
    QTest::mouseClick(page->undoButton(), Qt::LeftButton);
    QCOMPARE(toString(f.station->queries.parcel(b.id)->status), toString(ParcelStatus::Waiting));
    QVERIFY(!page->undoButton()->isEnabled());
    QVERIFY(!page->undoTimer()->isActive());
}

QTEST_MAIN(TestPickupUndo)
#include "tst_pickupundo.moc"
