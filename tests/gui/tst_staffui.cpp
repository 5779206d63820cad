// Staff at the terminal: the first start creates the owner and shows the recovery code once; with
// staff the window starts locked and a PIN opens it (a wrong one and the lockout say so); Switch user
// and Lock; the idle lock on the station's clock; while locked a scan shows where a parcel is and
// nothing can be handed over; a trainee's undo is refused with the core's message. Every PIN check is
// an Argon2id hash (about 150 ms), so the tests keep their logins few.
#include "fakeprinter.h"
#include "guifixture.h"
#include "loginpanel.h"
#include "mainwindow.h"
#include "ownerdialog.h"
#include "pickuppage.h"
#include "printservice.h"
#include "receivepage.h"
#include "staff.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>

using namespace cz;
using namespace cz::ui;
using namespace cz::test;

namespace {
const QString kOwner = QStringLiteral("王站长");
const QString kOwnerPin = QStringLiteral("135790");
const QString kKeeper = QStringLiteral("李芳");
const QString kKeeperPin = QStringLiteral("246802");

class AcceptingPrinter final : public LabelPrinterBackend {
public:
    Result<int> print(const print::PrintJob&) override { return ++jobs; }
    int jobs = 0;
};

// The owner, created as cunzhanctl staff init would; nobody logged in afterwards.
void createOwner(GuiFixture& f) {
    Staff staff(*f.station->ctx);
    auto code = staff.createFirstOwner(kOwner, kOwnerPin);
    QVERIFY2(code, qPrintable(code ? QString() : code.error().message));
    f.station->ctx->logout();
}

void addStaff(GuiFixture& f, const QString& name, Role role, const QString& pin) {
    Staff staff(*f.station->ctx);
    QVERIFY(staff.login(kOwner, kOwnerPin));
    QVERIFY(staff.add(name, role, pin));
    f.station->ctx->logout();
}

// Types the PIN into the login panel like a person and presses Enter.
void enterPin(GuiFixture& f, LoginPanel* panel, const QString& pin) {
    panel->pinField()->setFocus();
    f.type(panel->pinField(), pin);
    QTest::keyClick(panel->pinField(), Qt::Key_Return);
}
} // namespace

class TestStaffUi : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void firstStartCreatesTheOwner();
    void firstStartCanBeSkipped();
    void lockedStartWrongPinThenRight();
    void lockedScanLooksUpOnly();
    void idleLockOnTheStationsClock();
    void switchUser();
    void traineeUndoIsRefused();
};

void TestStaffUi::firstStartCreatesTheOwner() {
    GuiFixture f;
    PrintService printing(std::make_unique<AcceptingPrinter>(), f.dir.filePath(QStringLiteral("spool")));
    OwnerDialog d(*f.station->ctx, &printing);
    d.show();
    QVERIFY(!d.showsCode());
    d.nameField()->setText(kOwner);
    d.pinField()->setText(kOwnerPin);
    d.pinAgainField()->setText(QStringLiteral("135791"));
    QVERIFY(!d.createOwner()); // the two PINs differ: nothing created
    QVERIFY(!d.shownMessage().isEmpty());
    QVERIFY(!f.station->ctx->ownerExists());

    d.pinField()->setText(kOwnerPin);
    d.pinAgainField()->setText(kOwnerPin);
    QTest::mouseClick(d.createButton(), Qt::LeftButton);
    QVERIFY(d.showsCode());
    QVERIFY(!d.recoveryCode().isEmpty());
    QCOMPARE(d.shownCode(), d.recoveryCode());
    QVERIFY(f.station->ctx->ownerExists());
    QVERIFY(f.station->ctx->user());
    QCOMPARE(f.station->ctx->user()->name, kOwner); // the owner is at the counter
    // The code prints as a slip.
    QSignalSpy printed(&printing, &PrintService::printed);
    QTest::mouseClick(d.printButton(), Qt::LeftButton);
    QTRY_COMPARE(printed.size(), 1);

    // The window opens unlocked for the owner, and says who it is.
    MainWindow w(*f.station->ctx, f.scanClock(), &printing);
    w.show();
    QVERIFY(!w.isLocked());
    QVERIFY(w.userLabel()->isVisible());
    QVERIFY(w.userLabel()->toolTip().contains(kOwner));
    QVERIFY(w.lockButton()->isVisible());
}

void TestStaffUi::firstStartCanBeSkipped() {
    GuiFixture f;
    OwnerDialog d(*f.station->ctx, nullptr);
    d.show();
    QTest::mouseClick(d.skipButton(), Qt::LeftButton);
    QCOMPARE(d.result(), int(QDialog::Rejected));
    QVERIFY(!f.station->ctx->ownerExists());
    // As before staff: no login, no user shown, and the counter works as "station".
    MainWindow w(*f.station->ctx, f.scanClock());
    w.show();
    QVERIFY(!w.isLocked());
    QVERIFY(!w.userLabel()->isVisible());
    QVERIFY(!w.lockButton()->isVisible());
    w.lock();
    QVERIFY(!w.isLocked());
    const Parcel p = f.receive(QStringLiteral("YT764306505052"), QStringLiteral("13812345678"));
    QCOMPARE(toString(p.status), toString(ParcelStatus::Waiting));
}

void TestStaffUi::lockedStartWrongPinThenRight() {
    GuiFixture f;
    createOwner(f);
    MainWindow w(*f.station->ctx, f.scanClock());
    w.show();
    QVERIFY(w.isLocked());
    QVERIFY(!w.lockButton()->isVisible());
    LoginPanel* panel = w.loginPanel();
    QVERIFY(panel->isVisible());
    // No one chosen yet: the panel asks who.
    enterPin(f, panel, kOwnerPin);
    QVERIFY(w.isLocked());
    QVERIFY(!panel->shownMessage().isEmpty());
    QVERIFY(panel->pinField()->text().isEmpty());

    QVERIFY(panel->chooseUser(kOwner));
    QVERIFY(panel->userBox()->currentText().contains(kOwner)); // staff names are shown whole
    for (int i = 0; i < kMaxFailedPins; ++i) {
        enterPin(f, panel, QStringLiteral("000000"));
        QVERIFY(w.isLocked());
        QVERIFY(panel->pinField()->text().isEmpty());
    }
    // The fifth wrong PIN locks the name, and the message says for how long.
    const QString lockedOut = panel->shownMessage();
    QVERIFY2(lockedOut.contains(QStringLiteral("30")), qPrintable(lockedOut));
    enterPin(f, panel, kOwnerPin);
    QVERIFY(w.isLocked()); // even the right PIN waits
    QVERIFY(!f.station->ctx->user());

    f.clock->advance(kFirstLockMs + 1);
    enterPin(f, panel, kOwnerPin);
    QVERIFY(!w.isLocked());
    QCOMPARE(f.station->ctx->user()->name, kOwner);
    QVERIFY(w.userLabel()->toolTip().contains(kOwner));
    QVERIFY(w.currentPage()->isVisible());
}

void TestStaffUi::lockedScanLooksUpOnly() {
    GuiFixture f;
    const Parcel p = f.receive(QStringLiteral("YT764306505052"), QStringLiteral("13812345678"));
    createOwner(f);
    MainWindow w(*f.station->ctx, f.scanClock());
    w.show();
    QVERIFY(w.isLocked());
    f.scan(w.loginPanel()->pinField(), p.pickupCode);
    const QString shown = w.loginPanel()->shownLookup();
    QVERIFY2(shown.contains(p.slotName()) && shown.contains(p.pickupCode), qPrintable(shown));
    QVERIFY(!shown.contains(QStringLiteral("13812345678"))); // masked
    QVERIFY(w.loginPanel()->pinField()->text().isEmpty());   // the scan is not typed into the PIN
    // By waybill too.
    f.scan(w.loginPanel()->pinField(), p.waybill);
    QVERIFY(w.loginPanel()->shownLookup().contains(p.slotName()));

    // The pages stay out of reach, and the core refuses a handover from this context anyway.
    w.showPage(1);
    QVERIFY(w.isLocked());
    QVERIFY(!w.pickupPage()->isVisible());
    w.pickupPage()->lookUp(p.pickupCode);
    w.pickupPage()->handOver();
    QVERIFY(!w.pickupPage()->shownMessage().isEmpty());
    QCOMPARE(toString(f.station->queries.parcel(p.id)->status), toString(ParcelStatus::Waiting));
}

void TestStaffUi::idleLockOnTheStationsClock() {
    GuiFixture f;
    createOwner(f);
    Staff staff(*f.station->ctx);
    QVERIFY(staff.login(kOwner, kOwnerPin));
    QVERIFY(f.station->setup.setSetting(settings::kLockAfterMin.name(), QStringLiteral("2")));
    MainWindow w(*f.station->ctx, f.scanClock());
    w.show();
    QVERIFY(!w.isLocked());
    f.clock->advance(119'000);
    w.checkIdle();
    QVERIFY(!w.isLocked());
    // A key keeps it open for another two minutes.
    QTest::keyClick(&w, Qt::Key_Shift);
    f.clock->advance(119'000);
    w.checkIdle();
    QVERIFY(!w.isLocked());
    f.clock->advance(1'000);
    w.checkIdle();
    QVERIFY(w.isLocked());
    QVERIFY(!f.station->ctx->user());
    // Lock keeps the person chosen: only the PIN is asked.
    QCOMPARE(w.loginPanel()->userBox()->currentData().toString(), kOwner);
    QVERIFY(w.userLabel()->isVisible());
    QVERIFY(!w.userLabel()->text().contains(kOwner));
}

void TestStaffUi::switchUser() {
    GuiFixture f;
    createOwner(f);
    addStaff(f, kKeeper, Role::Keeper, kKeeperPin);
    Staff staff(*f.station->ctx);
    QVERIFY(staff.login(kOwner, kOwnerPin));
    MainWindow w(*f.station->ctx, f.scanClock());
    w.show();
    QVERIFY(!w.isLocked());
    QTest::mouseClick(w.switchUserButton(), Qt::LeftButton);
    QVERIFY(w.isLocked());
    QVERIFY(!f.station->ctx->user());
    QCOMPARE(w.loginPanel()->userBox()->currentIndex(), -1); // whoever comes next chooses
    QCOMPARE(w.loginPanel()->userBox()->count(), 2);
    QVERIFY(w.loginPanel()->chooseUser(kKeeper));
    enterPin(f, w.loginPanel(), kKeeperPin);
    QVERIFY(!w.isLocked());
    QCOMPARE(f.station->ctx->user()->name, kKeeper);
    QCOMPARE(f.station->ctx->user()->role, Role::Keeper);
    QVERIFY(w.userLabel()->toolTip().contains(kKeeper));
}

void TestStaffUi::traineeUndoIsRefused() {
    GuiFixture f;
    const Parcel p = f.receive(QStringLiteral("YT764306505052"), QStringLiteral("13812345678"));
    createOwner(f);
    const QString trainee = QStringLiteral("小张");
    const QString pin = QStringLiteral("112233");
    addStaff(f, trainee, Role::Trainee, pin);
    Staff staff(*f.station->ctx);
    QVERIFY(staff.login(trainee, pin));
    MainWindow w(*f.station->ctx, f.scanClock());
    w.show();
    w.showPage(1);
    PickupPage* page = w.pickupPage();
    page->lookUp(p.pickupCode);
    page->handOver(); // a trainee hands over
    QCOMPARE(toString(f.station->queries.parcel(p.id)->status), toString(ParcelStatus::PickedUp));
    page->undoLast(); // but may not undo: the core's own words
    QVERIFY2(page->shownMessage().contains(permissionLabel(Permission::UndoPickup)),
             qPrintable(page->shownMessage()));
    QCOMPARE(toString(f.station->queries.parcel(p.id)->status), toString(ParcelStatus::PickedUp));
}

QTEST_MAIN(TestStaffUi)
#include "tst_staffui.moc"
