// The Send page: a filled form and Enter write the dispatch with its fee and cash entry; a wrong
// ID check character or a parcel not inspected is refused in place and writes nothing; the
// resident ID is shown masked and never appears whole in a list.
#include "dispatch.h"
#include "dispatchmodel.h"
#include "guifixture.h"
#include "printpreview.h"
#include "sendpage.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>

using namespace cz;
using namespace cz::ui;
using cz::test::GuiFixture;

namespace {
const QString kId = QStringLiteral("410102199003071230");
const QString kBadId = QStringLiteral("410102199003071231");
} // namespace

class TestSendPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void enterAcceptsWithFeeAndCash();
    void wrongCheckCharacterRefused();
    void notInspectedRefused();
    void ratesImportedByCliShowWithoutRestart();

private:
    void fill(SendPage& page, const QString& id);
    int count(const QString& sql);
    std::unique_ptr<GuiFixture> m_f;
};

void TestSendPage::init() {
    m_f = std::make_unique<GuiFixture>();
    DispatchDesk desk(*m_f->station->ctx);
    auto n = desk.importRates(QStringLiteral("carrier,province,zone,first_fen,extra_fen_per_kg,max_weight_g\n"
                                             "YTO,广东省,粤-20,1200,600,30000\n"
                                             "YTO,江西省,赣-01,800,300,30000\n"));
    QVERIFY(n && *n == 2);
}

void TestSendPage::cleanup() {
    m_f.reset();
}

int TestSendPage::count(const QString& sql) {
    auto v = m_f->station->ctx->database().scalar(sql);
    return v ? v->toInt() : -1;
}

// Types the resident ID as a clerk does and leaves the field (which checks it).
void TestSendPage::fill(SendPage& page, const QString& id) {
    page.senderNameField()->setText(QStringLiteral("张三"));
    page.senderPhoneField()->setText(QStringLiteral("13812345678"));
    page.senderIdField()->setFocus();
    QTest::keyClicks(page.senderIdField(), id);
    QTest::keyClick(page.senderIdField(), Qt::Key_Tab);
    page.recipientNameField()->setText(QStringLiteral("李四"));
    page.recipientPhoneField()->setText(QStringLiteral("13987654321"));
    page.provinceBox()->setEditText(QStringLiteral("广东省"));
    page.cityField()->setText(QStringLiteral("深圳市"));
    page.districtField()->setText(QStringLiteral("南山区"));
    page.addressField()->setText(QStringLiteral("科技园一路 8 号"));
    page.contentsBox()->setCurrentIndex(page.contentsBox()->findData(QStringLiteral("farm_produce")));
    page.inspectedBox()->setChecked(true);
    page.weightBox()->setValue(2300);
    page.carrierBox()->setCurrentIndex(page.carrierBox()->findData(QStringLiteral("YTO")));
    page.waybillField()->setText(QStringLiteral("YT900000000001"));
}

void TestSendPage::enterAcceptsWithFeeAndCash() {
    SendPage page(*m_f->station->ctx);
    page.show();
    page.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    QAbstractItemModelTester tester(page.todayModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    fill(page, kId);
    // Accepted on leaving the field: shown masked from then on.
    QCOMPARE(page.senderIdField()->text(), maskResidentId(kId));
    QVERIFY(!page.senderIdField()->text().contains(kId));
    // The live quote: 1200 + 2 started kilograms × 600 fen.
    QVERIFY2(page.shownQuote().contains(QStringLiteral("24.00")), qPrintable(page.shownQuote()));
    QVERIFY(!page.printButton()->isEnabled());

    QTest::keyClick(page.weightBox(), Qt::Key_Return);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM dispatch")), 1);
    QCOMPARE(count(QStringLiteral("SELECT fee_fen FROM dispatch")), 2400);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM dispatch WHERE sender_id_no = '%1'").arg(kId)), 1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM cash_entry WHERE amount_fen = 2400")), 1);
    QCOMPARE(page.shownWaybill(), QStringLiteral("YT900000000001"));
    QVERIFY(page.printButton()->isEnabled());
    QVERIFY(Messages::shown().isEmpty());

    // Cleared for the next villager, the carrier kept.
    QVERIFY(page.senderNameField()->text().isEmpty());
    QVERIFY(page.senderIdField()->text().isEmpty());
    QVERIFY(!page.inspectedBox()->isChecked());
    QCOMPARE(page.weightBox()->value(), 0);
    QCOMPARE(page.carrierBox()->currentData().toString(), QStringLiteral("YTO"));

    // Today's list: masked, and the ID never whole in any role of any cell.
    DispatchModel* m = page.todayModel();
    QCOMPARE(m->rowCount(), 1);
    QCOMPARE(m->index(0, DispatchModel::Waybill).data().toString(), QStringLiteral("YT900000000001"));
    QCOMPARE(m->index(0, DispatchModel::Fee).data().toString(), QStringLiteral("24.00"));
    for (int col = 0; col < m->columnCount(); ++col) {
        for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(Qt::UserRole), int(Qt::EditRole)}) {
            const QString text = m->index(0, col).data(role).toString();
            QVERIFY(!text.contains(kId));
            QVERIFY(!text.contains(QStringLiteral("13812345678")));
            QVERIFY(!text.contains(QStringLiteral("13987654321")));
            QVERIFY(!text.contains(QStringLiteral("张三")));
        }
    }

    // Print label opens the preview of a 76×130 label.
    QTest::keyClick(&page, Qt::Key_L, Qt::AltModifier); // an animated click
    QList<print::Document> opened;
    QTRY_VERIFY((opened += PrintPreview::takeOpened()).size() == 1);
    QCOMPARE(opened.first().pageMm, QSizeF(76, 130));
}

void TestSendPage::wrongCheckCharacterRefused() {
    SendPage page(*m_f->station->ctx);
    page.show();
    page.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    fill(page, kBadId);
    QVERIFY(!page.shownIdMessage().isEmpty());
    // The wrong number is left for the clerk to correct, not masked as if accepted.
    QCOMPARE(page.senderIdField()->text(), kBadId);
    QTest::keyClick(page.addressField(), Qt::Key_Return);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM dispatch")), 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM cash_entry")), 0);
    QVERIFY(!page.shownMessage().isEmpty());
    QVERIFY(page.shownWaybill().isEmpty());
    QVERIFY(page.senderIdField()->hasFocus());
    QVERIFY(Messages::shown().isEmpty());
    // Nothing was cleared: the clerk corrects the one field.
    QCOMPARE(page.senderNameField()->text(), QStringLiteral("张三"));
}

void TestSendPage::notInspectedRefused() {
    SendPage page(*m_f->station->ctx);
    page.show();
    page.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    fill(page, kId);
    page.inspectedBox()->setChecked(false);
    QTest::keyClick(page.addressField(), Qt::Key_Return);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM dispatch")), 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM cash_entry")), 0);
    QVERIFY(!page.shownMessage().isEmpty());
    QVERIFY(page.inspectedBox()->hasFocus());
    // Ticking the box and Enter again accepts the same form.
    page.inspectedBox()->setChecked(true);
    QTest::keyClick(page.inspectedBox(), Qt::Key_Return);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM dispatch")), 1);
}

// Rates imported with cunzhanctl while the terminal runs: the Send page offers the new province
// without a restart (the station watches SQLite's data_version for other programs' commits).
void TestSendPage::ratesImportedByCliShowWithoutRestart() {
    SendPage page(*m_f->station->ctx);
    m_f->station->ctx->watchChangesElsewhere(20);
    QCOMPARE(page.provinceBox()->findText(QStringLiteral("湖南省")), -1);
    QSignalSpy changed(m_f->station->ctx.get(), &StationContext::changed);
    QTest::qWait(100);
    QCOMPARE(changed.size(), 0); // nothing changed elsewhere: no refresh

    QTemporaryDir dir;
    QFile csv(dir.filePath(QStringLiteral("rates.csv")));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("carrier,province,zone,first_fen,extra_fen_per_kg,max_weight_g\n"
              "YTO,湖南省,湘-01,900,400,30000\n");
    csv.close();
    QProcess ctl;
    ctl.start(QStringLiteral(CUNZHAN_BIN_DIR "/cunzhanctl"),
              {QStringLiteral("--db"), m_f->station->ctx->database().path(), QStringLiteral("rates"),
               QStringLiteral("import"), csv.fileName()});
    QVERIFY(ctl.waitForFinished(60000));
    QCOMPARE(ctl.exitCode(), 0);
    QTRY_VERIFY(page.provinceBox()->findText(QStringLiteral("湖南省")) >= 0);
    QVERIFY(changed.size() >= 1);
}

QTEST_MAIN(TestSendPage)
#include "tst_sendpage.moc"
