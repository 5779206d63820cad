// Pickup through the whole window: F2, the phone tail, Enter, Enter hands over; fees, the
// collector, undo, and a scanned pickup code.
#include "guifixture.h"
#include "mainwindow.h"
#include "pickupmodel.h"
#include "pickuppage.h"

#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>

using namespace cz;
using namespace cz::ui;
using cz::test::GuiFixture;

class TestPickupPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void phoneTailHandsOver();
    void scannedCodeUntickedRowAndCollector();
    void undoLastHandover();

private:
    static void showWindow(MainWindow& w) {
        w.show();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
    }
};

void TestPickupPage::phoneTailHandsOver() {
    GuiFixture f;
    QVERIFY(f.station->setSetting(QStringLiteral("fee_per_day_fen"), QStringLiteral("50")));
    const Parcel a = f.receive(QStringLiteral("YT764306505052"), QStringLiteral("13812345678"));
    const Parcel b = f.receive(QStringLiteral("YT764306505053"), QStringLiteral("13812345678"));
    const Parcel other = f.receive(QStringLiteral("YT764306505054"), QStringLiteral("13900001111"));
    f.clock->advance(5 * kDayMs); // 3 free days: 2 days at 0.50
    MainWindow w(*f.station, f.scanClock());
    showWindow(w);

    QTest::keyClick(&w, Qt::Key_F2);
    PickupPage* page = w.pickupPage();
    QCOMPARE(w.currentPage(), page);
    QCOMPARE(QApplication::focusWidget(), page->lookupField());

    f.type(QApplication::focusWidget(), QStringLiteral("5678"), 10); // typed quickly, still not a scan
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QCOMPARE(page->model()->rowCount(), 2);
    QCOMPARE(page->model()->checkedIds().size(), 2);
    QCOMPARE(page->model()->index(0, PickupModel::Phone).data().toString(), QStringLiteral("138****5678"));
    QCOMPARE(page->model()->index(0, PickupModel::DaysHeld).data().toInt(), 5);
    QVERIFY2(page->shownTotal().contains(QStringLiteral("2.00")), qPrintable(page->shownTotal()));
    QCOMPARE(QApplication::focusWidget(), page->handOverButton());

    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    for (const Parcel& p : {a, b}) {
        auto now = f.station->parcel(p.id);
        QVERIFY(now);
        QCOMPARE(toString(now->status), toString(ParcelStatus::PickedUp));
        QCOMPARE(now->feeFen, 100);
        QCOMPARE(now->collector, QString());
    }
    auto untouched = f.station->parcel(other.id);
    QVERIFY(untouched);
    QCOMPARE(toString(untouched->status), toString(ParcelStatus::Waiting));
    QCOMPARE(page->model()->rowCount(), 0);
    QVERIFY(page->shownMessage().contains(a.pickupCode));
}

void TestPickupPage::scannedCodeUntickedRowAndCollector() {
    GuiFixture f;
    const Parcel a = f.receive(QStringLiteral("YT764306505052"), QStringLiteral("13812345678"));
    const Parcel b = f.receive(QStringLiteral("YT764306505053"), QStringLiteral("13812345678"));
    MainWindow w(*f.station, f.scanClock());
    showWindow(w);
    w.showPage(1);
    PickupPage* page = w.pickupPage();

    // A scanned pickup code (from the villager's phone screen) finds just that parcel.
    QSignalSpy scans(w.scanFilter(), &ScanFilter::scanned);
    f.scan(QApplication::focusWidget(), a.pickupCode);
    QCOMPARE(scans.size(), 1);
    QCOMPARE(page->model()->rowCount(), 1);
    QCOMPARE(page->model()->rowAt(0).parcel.id, a.id);

    // Both by tail, the second unticked, collected by a family member.
    page->lookUp(QStringLiteral("5678"));
    QCOMPARE(page->model()->rowCount(), 2);
    const int rowB = page->model()->rowAt(0).parcel.id == b.id ? 0 : 1;
    QVERIFY(page->model()->setData(page->model()->index(rowB, PickupModel::Code), Qt::Unchecked,
                                   Qt::CheckStateRole));
    page->collectorField()->setText(QStringLiteral("王芳"));
    QTest::keyClick(page->collectorField(), Qt::Key_Return);

    auto pa = f.station->parcel(a.id);
    auto pb = f.station->parcel(b.id);
    QVERIFY(pa && pb);
    QCOMPARE(toString(pa->status), toString(ParcelStatus::PickedUp));
    QCOMPARE(pa->collector, QStringLiteral("王芳"));
    QCOMPARE(toString(pb->status), toString(ParcelStatus::Waiting));

    // Nothing found: said in place, no dialog.
    page->lookUp(QStringLiteral("0000"));
    QCOMPARE(page->model()->rowCount(), 0);
    QVERIFY(!page->shownMessage().isEmpty());
    QVERIFY(Messages::shown().isEmpty());
}

void TestPickupPage::undoLastHandover() {
    GuiFixture f;
    const Parcel a = f.receive(QStringLiteral("YT764306505052"), QStringLiteral("13812345678"));
    MainWindow w(*f.station, f.scanClock());
    showWindow(w);
    w.showPage(1);
    PickupPage* page = w.pickupPage();
    QVERIFY(!page->undoButton()->isEnabled());
    page->lookUp(QStringLiteral("5678"));
    page->handOver();
    QCOMPARE(toString(f.station->parcel(a.id)->status), toString(ParcelStatus::PickedUp));
    QVERIFY(page->undoButton()->isEnabled());
    f.clock->advance(60'000);
    QTest::mouseClick(page->undoButton(), Qt::LeftButton);
    auto back = f.station->parcel(a.id);
    QVERIFY(back);
    QCOMPARE(toString(back->status), toString(ParcelStatus::Waiting));
    QCOMPARE(back->pickupCode, a.pickupCode);
    QVERIFY(!page->undoButton()->isEnabled());

    // Past the window the station refuses, and the page says why.
    page->lookUp(QStringLiteral("5678"));
    page->handOver();
    f.clock->advance(qint64(f.station->settings().undoWindowMin + 1) * 60'000);
    page->undoLast();
    QCOMPARE(toString(f.station->parcel(a.id)->status), toString(ParcelStatus::PickedUp));
    QVERIFY(!page->shownMessage().isEmpty());
}

QTEST_MAIN(TestPickupPage)
#include "tst_pickuppage.moc"
