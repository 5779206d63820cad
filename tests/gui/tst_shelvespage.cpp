// The shelf audit page: scans during an audit, the findings, fixes applied only when confirmed.
#include "auditmodel.h"
#include "guifixture.h"
#include "shelvespage.h"
#include "slotloadmodel.h"

using namespace cz;
using namespace cz::ui;
using cz::test::GuiFixture;

class TestShelvesPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void auditFindsAndFixes();
    void scanBeforeAuditStartsOnlyForAPlace();
};

void TestShelvesPage::auditFindsAndFixes() {
    GuiFixture f(QStringLiteral("1:2x5"));
    // Alternating places: the least loaded place wins, so a/c go to one place, b to the other.
    const Parcel a = f.receive(QStringLiteral("YT764306505001"), QStringLiteral("13800001111"));
    const Parcel b = f.receive(QStringLiteral("YT764306505002"), QStringLiteral("13800002222"));
    const Parcel c = f.receive(QStringLiteral("YT764306505003"), QStringLiteral("13800003333"));
    QCOMPARE(a.slotName(), c.slotName());
    QVERIFY(a.slotName() != b.slotName());

    ShelvesPage page(*f.station->ctx);
    page.show();
    page.activate();
    QCOMPARE(page.loadModel()->rowCount(), 2);

    page.startAudit(a.slotName());
    QVERIFY(page.auditing());
    page.handleScan(a.waybill);                        // where it belongs
    page.handleScan(b.waybill);                        // belongs on the other place
    page.handleScan(QStringLiteral("YT999999999999")); // not in the station
    QCOMPARE(page.report().ok.size(), 1);
    QCOMPARE(page.report().missing.size(), 1); // c was not seen
    QCOMPARE(page.report().missing.first().waybill, c.waybill);
    QCOMPARE(page.report().misplaced.size(), 1);
    QCOMPARE(page.report().unknown.size(), 1);
    QCOMPARE(page.auditModel()->rowCount(), 4);

    // Declined: nothing moves.
    Messages::setNextAnswer(false);
    page.applyFixes();
    QCOMPARE(Messages::shown().size(), 1);
    QCOMPARE(f.station->queries.parcel(b.id)->slotName(), b.slotName());

    // Confirmed: b is recorded where it was found, with a new code.
    Messages::setNextAnswer(true);
    page.applyFixes();
    auto moved = f.station->queries.parcel(b.id);
    QVERIFY(moved);
    QCOMPARE(moved->slotName(), a.slotName());
    QVERIFY(moved->pickupCode != b.pickupCode);
    QVERIFY(page.shownMessage().contains(moved->pickupCode));
    QCOMPARE(page.report().misplaced.size(), 0);
    QCOMPARE(page.report().ok.size(), 2);

    page.finishAudit();
    QVERIFY(!page.auditing());
    QCOMPARE(page.auditModel()->rowCount(), 0);
}

void TestShelvesPage::scanBeforeAuditStartsOnlyForAPlace() {
    GuiFixture f(QStringLiteral("1:2x5"));
    ShelvesPage page(*f.station->ctx);
    page.activate();
    page.handleScan(QStringLiteral("YT764306505001"));
    QVERIFY(!page.auditing());
    QVERIFY(!page.shownMessage().isEmpty());
    page.handleScan(QStringLiteral("1-2"));
    QVERIFY(page.auditing());
    page.startAudit(QStringLiteral("9-9")); // not in the layout
    QVERIFY(!page.shownMessage().isEmpty());
}

QTEST_MAIN(TestShelvesPage)
#include "tst_shelvespage.moc"
