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
    void tailOfSeveralPeopleTicksOnePerson();
    void collectedCodeSaysWhenAndToWhom();

private:
    static void showWindow(MainWindow& w) {
        w.show();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
    }
};

void TestPickupPage::phoneTailHandsOver() {
    GuiFixture f;
    QVERIFY(f.station->setup.setSetting(QStringLiteral("fee_per_day_fen"), QStringLiteral("50")));
    const Parcel a = f.receive(QStringLiteral("YT764306505052"), QStringLiteral("13812345678"));
    const Parcel b = f.receive(QStringLiteral("YT764306505053"), QStringLiteral("13812345678"));
    const Parcel other = f.receive(QStringLiteral("YT764306505054"), QStringLiteral("13900001111"));
    f.clock->advance(5 * kDayMs); // 3 free days: 2 days at 0.50
    MainWindow w(*f.station->ctx, f.scanClock());
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
        auto now = f.station->queries.parcel(p.id);
        QVERIFY(now);
        QCOMPARE(toString(now->status), toString(ParcelStatus::PickedUp));
        QCOMPARE(now->feeFen, 100);
        QCOMPARE(now->collector, QString());
    }
    auto untouched = f.station->queries.parcel(other.id);
    QVERIFY(untouched);
    QCOMPARE(toString(untouched->status), toString(ParcelStatus::Waiting));
    QCOMPARE(page->model()->rowCount(), 0);
    QVERIFY(page->shownMessage().contains(a.pickupCode));
}

void TestPickupPage::scannedCodeUntickedRowAndCollector() {
    GuiFixture f;
    const Parcel a = f.receive(QStringLiteral("YT764306505052"), QStringLiteral("13812345678"));
    const Parcel b = f.receive(QStringLiteral("YT764306505053"), QStringLiteral("13812345678"));
    MainWindow w(*f.station->ctx, f.scanClock());
    showWindow(w);
    w.showPage(1);
    PickupPage* page = w.pickupPage();

    // A scanned pickup code (from the villager's phone screen) finds that parcel first, then the
    // same person's other waiting parcels, all ticked: the villager leaves with all of them.
    QSignalSpy scans(w.scanFilter(), &ScanFilter::scanned);
    f.scan(QApplication::focusWidget(), a.pickupCode);
    QCOMPARE(scans.size(), 1);
    QCOMPARE(page->model()->rowCount(), 2);
    QCOMPARE(page->model()->rowAt(0).parcel.id, a.id);
    QCOMPARE(page->model()->rowAt(1).parcel.id, b.id);
    QCOMPARE(page->model()->checkedIds(), QStringList({a.id, b.id}));

    // Both by tail, the second unticked, collected by a family member.
    page->lookUp(QStringLiteral("5678"));
    QCOMPARE(page->model()->rowCount(), 2);
    const int rowB = page->model()->rowAt(0).parcel.id == b.id ? 0 : 1;
    QVERIFY(page->model()->setData(page->model()->index(rowB, PickupModel::Code), Qt::Unchecked,
                                   Qt::CheckStateRole));
    page->collectorField()->setText(QStringLiteral("王芳"));
    QTest::keyClick(page->collectorField(), Qt::Key_Return);

    auto pa = f.station->queries.parcel(a.id);
    auto pb = f.station->queries.parcel(b.id);
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
    MainWindow w(*f.station->ctx, f.scanClock());
    showWindow(w);
    w.showPage(1);
    PickupPage* page = w.pickupPage();
    QVERIFY(!page->undoButton()->isEnabled());
    page->lookUp(QStringLiteral("5678"));
    page->handOver();
    QCOMPARE(toString(f.station->queries.parcel(a.id)->status), toString(ParcelStatus::PickedUp));
    QVERIFY(page->undoButton()->isEnabled());
    f.clock->advance(60'000);
    QTest::mouseClick(page->undoButton(), Qt::LeftButton);
    auto back = f.station->queries.parcel(a.id);
    QVERIFY(back);
    QCOMPARE(toString(back->status), toString(ParcelStatus::Waiting));
    QCOMPARE(back->pickupCode, a.pickupCode);
    QVERIFY(!page->undoButton()->isEnabled());

    // Past the window the station refuses, and the page says why.
    page->lookUp(QStringLiteral("5678"));
    page->handOver();
    f.clock->advance(qint64(f.station->ctx->settings().undoWindowMin + 1) * 60'000);
    page->undoLast();
    QCOMPARE(toString(f.station->queries.parcel(a.id)->status), toString(ParcelStatus::PickedUp));
    QVERIFY(!page->shownMessage().isEmpty());
}

// The field case: tail 5678 matched three people, all six parcels came ticked and one Enter
// handed them all over. Now only one person's are ticked; adding another's needs a confirmation.
void TestPickupPage::tailOfSeveralPeopleTicksOnePerson() {
    GuiFixture f(QStringLiteral("1-3:2x9"));
    const Parcel z1 = f.receive(QStringLiteral("YT764306505052"), QStringLiteral("13812345678"));
    const Parcel l1 = f.receive(QStringLiteral("YT764306505053"), QStringLiteral("13912345678"));
    const Parcel t1 = f.receive(QStringLiteral("YT764306505054"), QStringLiteral("5678"));
    const Parcel z2 = f.receive(QStringLiteral("YT764306505055"), QStringLiteral("13812345678"));
    const Parcel l2 = f.receive(QStringLiteral("YT764306505056"), QStringLiteral("13912345678"));
    MainWindow w(*f.station->ctx, f.scanClock());
    showWindow(w);
    QTest::keyClick(&w, Qt::Key_F2);
    PickupPage* page = w.pickupPage();

    f.type(QApplication::focusWidget(), QStringLiteral("5678"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QCOMPARE(page->model()->rowCount(), 5);
    QCOMPARE(page->model()->checkedIds(), QStringList({z1.id, z2.id}));
    QVERIFY2(page->shownMessage().contains(QStringLiteral("138****5678")), qPrintable(page->shownMessage()));
    // Each person's rows share a tint: the second person's differ from the first's.
    const QVariant tint0 = page->model()->index(0, PickupModel::Code).data(Qt::BackgroundRole);
    const QVariant tint2 = page->model()->index(2, PickupModel::Code).data(Qt::BackgroundRole);
    QCOMPARE(page->model()->rowAt(2).parcel.id, l1.id);
    QVERIFY(tint0 != tint2);

    // Enter hands over 张's two parcels only.
    QCOMPARE(QApplication::focusWidget(), page->handOverButton());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QCOMPARE(toString(f.station->queries.parcel(z1.id)->status), toString(ParcelStatus::PickedUp));
    QCOMPARE(toString(f.station->queries.parcel(z2.id)->status), toString(ParcelStatus::PickedUp));
    for (const Parcel& p : {l1, l2, t1})
        QCOMPARE(toString(f.station->queries.parcel(p.id)->status), toString(ParcelStatus::Waiting));

    // The clerk ticks a parcel of another person too: asked first; "no" hands over nothing.
    page->lookUp(QStringLiteral("5678"));
    QCOMPARE(page->model()->checkedIds(), QStringList({l1.id, l2.id}));
    const int rowT = page->model()->rowAt(2).parcel.id == t1.id ? 2 : -1;
    QCOMPARE(rowT, 2);
    QVERIFY(page->model()->setData(page->model()->index(rowT, PickupModel::Code), Qt::Checked,
                                   Qt::CheckStateRole));
    Messages::setNextAnswer(false);
    page->handOver();
    QCOMPARE(Messages::shown().size(), 1);
    for (const Parcel& p : {l1, l2, t1})
        QCOMPARE(toString(f.station->queries.parcel(p.id)->status), toString(ParcelStatus::Waiting));
    QCOMPARE(page->model()->rowCount(), 3); // still there to correct the ticks
    // "Yes": one person collects for both.
    Messages::setNextAnswer(true);
    page->handOver();
    for (const Parcel& p : {l1, l2, t1})
        QCOMPARE(toString(f.station->queries.parcel(p.id)->status), toString(ParcelStatus::PickedUp));
}

void TestPickupPage::collectedCodeSaysWhenAndToWhom() {
    GuiFixture f;
    const Parcel a = f.receive(QStringLiteral("YT764306505052"), QStringLiteral("13812345678"));
    QVERIFY(f.station->pickup.handOver({a.id}, QStringLiteral("王芳")));
    MainWindow w(*f.station->ctx, f.scanClock());
    showWindow(w);
    w.showPage(1);
    PickupPage* page = w.pickupPage();
    page->lookUp(a.pickupCode);
    QCOMPARE(page->model()->rowCount(), 0);
    const QString message = page->shownMessage();
    QVERIFY2(message.contains(localDateTimeText(f.station->queries.parcel(a.id)->pickedUpAt)),
             qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("王*")), qPrintable(message));
}

QTEST_MAIN(TestPickupPage)
#include "tst_pickuppage.moc"
