// Settings and first-run setup: yuan shown, fen stored; refusals shown in place; language
// changes announce the restart; the setup dialog initialises the station.
#include "guifixture.h"
#include "settingspage.h"
#include "setupdialog.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>

using namespace cz;
using namespace cz::ui;
using cz::test::GuiFixture;

class TestSettingsPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void feeInYuanStoredInFen();
    void refusedValueShownInPlace();
    void languageAppliesAfterRestart();
    void setupDialogInitialises();
};

void TestSettingsPage::feeInYuanStoredInFen() {
    GuiFixture f;
    QVERIFY(f.station->setup.setSetting(QStringLiteral("fee_per_day_fen"), QStringLiteral("120")));
    SettingsPage page(*f.station->ctx);
    page.load();
    QCOMPARE(page.feeBox()->value(), 1.20);
    QCOMPARE(page.languageBox()->currentData().toString(), QStringLiteral("zh_CN")); // the default
    page.feeBox()->setValue(1.5);
    page.save();
    QCOMPARE(f.station->ctx->settings().feePerDayFen, 150);
    QVERIFY(!page.shownMessage().contains(QStringLiteral("restart")));
}

void TestSettingsPage::refusedValueShownInPlace() {
    GuiFixture f;
    SettingsPage page(*f.station->ctx);
    page.nameField()->setText(QString());
    page.save();
    QCOMPARE(f.station->ctx->settings().stationName, QStringLiteral("测试站"));
    QVERIFY(!page.shownMessage().isEmpty());
    QVERIFY(Messages::shown().isEmpty());
}

void TestSettingsPage::languageAppliesAfterRestart() {
    GuiFixture f;
    SettingsPage page(*f.station->ctx);
    page.languageBox()->setCurrentIndex(page.languageBox()->findData(QStringLiteral("en")));
    page.save();
    QCOMPARE(f.station->ctx->settings().language, QStringLiteral("en"));
    QVERIFY(page.shownMessage().contains(QStringLiteral("restart")));
    // Chinese, the default, is a choice like English; there is no "follow the system" any more.
    QCOMPARE(page.languageBox()->findData(QString()), -1);
    page.languageBox()->setCurrentIndex(page.languageBox()->findData(QStringLiteral("zh_CN")));
    page.save();
    QCOMPARE(f.station->ctx->settings().language, QStringLiteral("zh_CN"));
}

void TestSettingsPage::setupDialogInitialises() {
    GuiFixture f(QString(), false);
    QVERIFY(!f.station->ctx->isInitialised());
    SetupDialog dialog(*f.station->ctx);
    dialog.nameField()->setText(QStringLiteral("大王庄服务站"));
    dialog.shelvesField()->setText(QStringLiteral("1-4:3x"));
    dialog.accept();
    QVERIFY(!f.station->ctx->isInitialised());
    QVERIFY(!dialog.shownMessage().isEmpty());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));

    dialog.shelvesField()->setText(QStringLiteral("1-2:3x20"));
    dialog.accept();
    QVERIFY(f.station->ctx->isInitialised());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(f.station->ctx->settings().stationName, QStringLiteral("大王庄服务站"));
    auto loads = f.station->shelves.slotLoads();
    QVERIFY(loads);
    QCOMPARE(loads->size(), 6);
}

QTEST_MAIN(TestSettingsPage)
#include "tst_settingspage.moc"
