// Receiving through the whole window: a scanner burst wherever the focus is fills the waybill,
// the phone tail and Enter receive the parcel, the code shown is the one stored.
#include "guifixture.h"
#include "mainwindow.h"
#include "parceltablemodel.h"
#include "prealertmodel.h"
#include "receivepage.h"
#include "writetx.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>

using namespace cz;
using namespace cz::ui;
using cz::test::GuiFixture;

class TestReceivePage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void scanPhoneEnterReceives();
    void ambiguousCarrierOffersCandidates();
    void carrierChoiceDoesNotStick();
    void errorsAreShownInPlace();
    void recipientNeverCarriesOver();
    void overCapacityWarns();
    void expectedTodayFromPrealerts();

private:
    static void showWindow(MainWindow& w) {
        w.show();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
    }
};

void TestReceivePage::scanPhoneEnterReceives() {
    GuiFixture f;
    MainWindow w(*f.station->ctx, f.scanClock());
    showWindow(w);
    ReceivePage* page = w.receivePage();
    QSignalSpy scans(w.scanFilter(), &ScanFilter::scanned);

    // The focus is on the phone field: a scan still goes to the waybill, not into the phone.
    page->phoneField()->setFocus();
    f.scan(QApplication::focusWidget(), QStringLiteral("yt764306505052"));
    QCOMPARE(scans.size(), 1);
    QCOMPARE(page->waybillField()->text(), QStringLiteral("YT764306505052"));
    QCOMPARE(page->phoneField()->text(), QString());
    QCOMPARE(QApplication::focusWidget(), page->phoneField());
    QVERIFY(!page->carrierBox()->isVisible()); // YTO only: nothing to confirm

    // The clerk types the last 4 digits of the phone (slowly) and presses Enter.
    f.type(QApplication::focusWidget(), QStringLiteral("5678"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QCOMPARE(scans.size(), 1);

    const QString shown = page->shownCode();
    QVERIFY2(!shown.isEmpty(), qPrintable(page->shownMessage()));
    auto stored = f.station->pickup.findByWaybill(QStringLiteral("YT764306505052"));
    QVERIFY(stored);
    QCOMPARE(stored->size(), 1);
    QCOMPARE(stored->first().pickupCode, shown);
    QCOMPARE(stored->first().phoneTail, QStringLiteral("5678"));
    QCOMPARE(stored->first().carrier, QStringLiteral("YTO"));
    // Ready for the next parcel; today's arrivals list it.
    QCOMPARE(page->waybillField()->text(), QString());
    QCOMPARE(QApplication::focusWidget(), page->waybillField());
    QCOMPARE(page->arrivalsModel()->rowCount(), 1);
    QCOMPARE(page->arrivalsModel()->parcelAt(0).pickupCode, shown);
}

void TestReceivePage::ambiguousCarrierOffersCandidates() {
    GuiFixture f;
    MainWindow w(*f.station->ctx, f.scanClock());
    showWindow(w);
    ReceivePage* page = w.receivePage();
    const auto candidates = f.station->ctx->carriers().detect(QStringLiteral("433431409940372"));
    QVERIFY(candidates.size() > 1); // STO and Yunda both use 43… numbers

    f.scan(QApplication::focusWidget(), QStringLiteral("433431409940372"));
    QVERIFY(page->carrierBox()->isVisible());
    QCOMPARE(page->carrierBox()->count(), candidates.size());
    QCOMPARE(page->carrierBox()->currentData().toString(), candidates.first().code);

    // The clerk picks the second candidate, then the phone and Enter.
    page->carrierBox()->setCurrentIndex(1);
    f.type(page->phoneField(), QStringLiteral("13912345678"));
    QTest::keyClick(page->phoneField(), Qt::Key_Return);
    auto stored = f.station->pickup.findByWaybill(QStringLiteral("433431409940372"));
    QVERIFY(stored);
    QCOMPARE(stored->size(), 1);
    QCOMPARE(stored->first().carrier, candidates.at(1).code);
    QCOMPARE(stored->first().pickupCode, page->shownCode());
    QVERIFY(!page->carrierBox()->isVisible());
}

void TestReceivePage::carrierChoiceDoesNotStick() {
    GuiFixture f;
    MainWindow w(*f.station->ctx, f.scanClock());
    showWindow(w);
    ReceivePage* page = w.receivePage();
    // An ambiguous number, Enter without choosing: refused, candidates offered.
    page->waybillField()->setText(QStringLiteral("433431409940372"));
    page->phoneField()->setText(QStringLiteral("5678"));
    page->receiveNow();
    QVERIFY(page->carrierBox()->isVisible());
    QVERIFY(page->phoneField()->text().isEmpty()); // an error clears the recipient
    // The next number is typed over it: the old choice must not be used for it.
    page->waybillField()->setText(QStringLiteral("YT764306505052"));
    QVERIFY(!page->carrierBox()->isVisible());
    page->phoneField()->setText(QStringLiteral("5678"));
    page->receiveNow();
    auto stored = f.station->pickup.findByWaybill(QStringLiteral("YT764306505052"));
    QVERIFY(stored);
    QCOMPARE(stored->size(), 1);
    QCOMPARE(stored->first().carrier, QStringLiteral("YTO"));
}

void TestReceivePage::errorsAreShownInPlace() {
    GuiFixture f;
    MainWindow w(*f.station->ctx, f.scanClock());
    showWindow(w);
    ReceivePage* page = w.receivePage();
    f.receive(QStringLiteral("YT764306505052"), QStringLiteral("13800001111"));

    // A duplicate is refused at the scan, before the phone is asked for; the number stays selected
    // for the next scan.
    f.scan(QApplication::focusWidget(), QStringLiteral("YT764306505052"));
    QVERIFY(page->shownCode().isEmpty());
    QVERIFY(page->shownMessage().contains(QStringLiteral("YT764306505052")));
    QCOMPARE(QApplication::focusWidget(), page->waybillField());
    QCOMPARE(page->waybillField()->selectedText(), QStringLiteral("YT764306505052"));
    QVERIFY(cz::ui::Messages::shown().isEmpty()); // no dialog

    // A bad phone: the message says so and the focus goes back to the phone.
    page->waybillField()->setText(QStringLiteral("YT764306505053"));
    page->phoneField()->setText(QStringLiteral("12"));
    page->receiveNow();
    QVERIFY(!page->shownMessage().isEmpty());
    QCOMPARE(QApplication::focusWidget(), page->phoneField());
    auto none = f.station->pickup.findByWaybill(QStringLiteral("YT764306505053"));
    QVERIFY(none);
    QVERIFY(none->isEmpty());
}

// The field case: after a failed receive the last phone tail stayed filled, and the next scan +
// Enter received a parcel under the wrong tail. The recipient is cleared after every receive and
// every error, and the previous parcel's big code goes when the next scan starts.
void TestReceivePage::recipientNeverCarriesOver() {
    GuiFixture f;
    MainWindow w(*f.station->ctx, f.scanClock());
    showWindow(w);
    ReceivePage* page = w.receivePage();
    const Parcel there = f.receive(QStringLiteral("YT764306505052"), QStringLiteral("13800001111"));

    f.scan(QApplication::focusWidget(), QStringLiteral("YT764306505053"));
    f.type(QApplication::focusWidget(), QStringLiteral("2222"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    const QString first = page->shownCode();
    QVERIFY2(!first.isEmpty(), qPrintable(page->shownMessage()));

    // A duplicate scanned: refused at once, the last parcel's code is gone, nothing in the phone.
    f.scan(QApplication::focusWidget(), there.waybill);
    QVERIFY(page->shownCode().isEmpty());
    QVERIFY(page->phoneField()->text().isEmpty());
    // A malformed number typed by hand: the same.
    page->waybillField()->setText(QStringLiteral("YT76!"));
    QTest::keyClick(page->waybillField(), Qt::Key_Return);
    QVERIFY(!page->shownMessage().isEmpty());
    QCOMPARE(QApplication::focusWidget(), page->waybillField());

    // A receive that fails on the phone: the phone typed is not kept for the next parcel.
    f.scan(QApplication::focusWidget(), QStringLiteral("YT764306505054"));
    QCOMPARE(QApplication::focusWidget(), page->phoneField());
    f.type(QApplication::focusWidget(), QStringLiteral("33"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QVERIFY(page->shownCode().isEmpty());
    QVERIFY(page->phoneField()->text().isEmpty());
    QVERIFY(page->nameField()->text().isEmpty());

    // The next scan and Enter without a phone receive nothing under anyone's number.
    f.scan(QApplication::focusWidget(), QStringLiteral("YT764306505055"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QVERIFY(page->shownCode().isEmpty());
    for (const char* waybill : {"YT764306505054", "YT764306505055"})
        QVERIFY(f.station->pickup.findByWaybill(QString::fromLatin1(waybill))->isEmpty());

    // Typing a new number by hand also clears the last big code.
    page->waybillField()->clear();
    f.scan(QApplication::focusWidget(), QStringLiteral("YT764306505056"));
    f.type(QApplication::focusWidget(), QStringLiteral("4444"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QVERIFY(!page->shownCode().isEmpty());
    page->waybillField()->setFocus();
    f.type(page->waybillField(), QStringLiteral("Y"));
    QTRY_VERIFY(page->shownCode().isEmpty()); // the scan filter lets a lone key through on its timer
}

void TestReceivePage::overCapacityWarns() {
    GuiFixture f(QStringLiteral("1:1x1"));
    MainWindow w(*f.station->ctx, f.scanClock());
    showWindow(w);
    ReceivePage* page = w.receivePage();
    f.receive(QStringLiteral("YT764306505052"), QStringLiteral("13800001111"));
    page->waybillField()->setText(QStringLiteral("YT764306505053"));
    page->phoneField()->setText(QStringLiteral("2222"));
    page->receiveNow();
    QVERIFY(!page->shownCode().isEmpty());
    QVERIFY(page->shownMessage().contains(QStringLiteral("full")));
}

// What sync stores from the county's pull: a pre-alert row, written downstream (no outbox op).
static void addPrealert(GuiFixture& f, const QString& waybill, const QString& phone, const QDate& day) {
    UuidV7Source ids(*f.clock);
    auto tx = WriteTx::beginDownstream(f.station->ctx->database(), *f.clock, ids);
    QVERIFY(tx.has_value());
    QVERIFY(
        tx->exec(QStringLiteral("INSERT INTO prealert(waybill, carrier, phone, name, van_date, updated_at)"
                                " VALUES (?, 'YTO', ?, '张三', ?, ?)"),
                 {waybill, phone, day.toString(Qt::ISODate), tx->now()})
            .has_value());
    QVERIFY(tx->commit().has_value());
}

void TestReceivePage::expectedTodayFromPrealerts() {
    GuiFixture f;
    ReceivePage page(*f.station->ctx);
    PrealertModel* model = page.expectedModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->rowCount(), 0);
    QVERIFY(page.shownExpected().isEmpty());

    const QDate today = localDate(f.clock->nowMs());
    addPrealert(f, QStringLiteral("YT700000000001"), QStringLiteral("13812345678"), today);
    addPrealert(f, QStringLiteral("YT700000000002"), QStringLiteral("13987654321"), today);
    addPrealert(f, QStringLiteral("YT700000000003"), QStringLiteral("13700001111"), today.addDays(1));
    // Sync refreshes the station after storing a page (SyncController: downstreamApplied).
    QVERIFY(f.station->ctx->refresh().has_value());
    QCOMPARE(model->rowCount(), 2);
    QVERIFY2(page.shownExpected().contains(QStringLiteral("2")), qPrintable(page.shownExpected()));
    QCOMPARE(model->index(0, PrealertModel::Waybill).data().toString(), QStringLiteral("YT700000000001"));
    // By name, as the arrivals list shows it, not by code.
    QCOMPARE(model->index(0, PrealertModel::Carrier).data().toString(),
             f.station->ctx->carriers().find(QStringLiteral("YTO"))->displayName());
    QVERIFY(model->index(0, PrealertModel::Carrier).data().toString() != QStringLiteral("YTO"));
    const QString phone = model->index(0, PrealertModel::Phone).data().toString();
    QCOMPARE(phone, QStringLiteral("138****5678"));
    for (int r = 0; r < model->rowCount(); ++r) {
        for (int c = 0; c < model->columnCount(); ++c) {
            const QString text = model->index(r, c).data().toString();
            QVERIFY2(!text.contains(QStringLiteral("12345678")) && !text.contains(QStringLiteral("87654321")),
                     qPrintable(text));
        }
    }

    // Scanned in without a phone: the pre-alert fills the recipient, the page says so, and the
    // waybill leaves the expected list.
    page.waybillField()->setText(QStringLiteral("YT700000000001"));
    page.receiveNow();
    QVERIFY2(!page.shownCode().isEmpty(), qPrintable(page.shownMessage()));
    QVERIFY2(page.shownMessage().contains(QStringLiteral("pre-alert")), qPrintable(page.shownMessage()));
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, PrealertModel::Waybill).data().toString(), QStringLiteral("YT700000000002"));
    QVERIFY2(page.shownExpected().contains(QStringLiteral("1")), qPrintable(page.shownExpected()));

    // A parcel received with its phone typed is not "filled in from the pre-alert".
    page.waybillField()->setText(QStringLiteral("YT700000000002"));
    page.phoneField()->setText(QStringLiteral("4321"));
    page.receiveNow();
    QVERIFY(!page.shownCode().isEmpty());
    QVERIFY(!page.shownMessage().contains(QStringLiteral("pre-alert")));
    QCOMPARE(model->rowCount(), 0);
    QVERIFY(page.shownExpected().isEmpty());
}

QTEST_MAIN(TestReceivePage)
#include "tst_receivepage.moc"
