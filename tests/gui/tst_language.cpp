// The terminal's language under the locale of a fresh install or a kiosk (this test runs with
// LANG=LC_ALL=C): the station's setting decides, through the same chooseLanguage() and
// installTranslations() as app/terminal/main.cpp, so the first-run setup (no station yet) is Chinese
// and --lang en gives English for one run. The real binary's --help is checked in tst_terminal_smoke.
#include "guifixture.h"
#include "i18n.h"
#include "receivepage.h"
#include "setupdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>

using namespace cz;
using namespace cz::ui;
using cz::test::GuiFixture;

class TestLanguage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void setupDialogIsChineseUnderTheCLocale();
    void langEnGivesEnglishForOneRun();
    void stationThatChoseEnglish();
};

namespace {
QDialogButtonBox* buttons(const QWidget& w) {
    return w.findChild<QDialogButtonBox*>();
}

bool anyLabelContains(const QWidget& w, const QString& text) {
    const auto labels = w.findChildren<QLabel*>();
    return std::any_of(labels.cbegin(), labels.cend(),
                       [&](const QLabel* l) { return l->text().contains(text); });
}
} // namespace

void TestLanguage::initTestCase() {
    // The premise: nothing in the environment asks for Chinese.
    QCOMPARE(qgetenv("LC_ALL"), QByteArray("C"));
    QCOMPARE(QLocale::system().language(), QLocale::C);
}

void TestLanguage::cleanup() {
    (void)installTranslations(*qApp, QStringLiteral("en")); // the source texts again
}

void TestLanguage::setupDialogIsChineseUnderTheCLocale() {
    GuiFixture f(QString(), false); // first run: the station is not set up
    QCOMPARE(f.station->ctx->settings().language, QStringLiteral("zh_CN"));
    QCOMPARE(installTranslations(*qApp, chooseLanguage({}, f.station->ctx->settings().language)),
             QStringLiteral("zh_CN"));
    QCOMPARE(QLocale().language(), QLocale::Chinese);

    SetupDialog dialog(*f.station->ctx);
    QCOMPARE(dialog.windowTitle(), QStringLiteral("设置服务站"));
    QVERIFY(anyLabelContains(dialog, QStringLiteral("欢迎使用")));
    QCOMPARE(buttons(dialog)->button(QDialogButtonBox::Ok)->text(), QStringLiteral("完成设置(&S)"));
    // Qt's own texts too (qtbase_zh_CN from qt6-translations-l10n).
    QVERIFY2(buttons(dialog)->button(QDialogButtonBox::Cancel)->text().contains(QStringLiteral("取消")),
             qPrintable(buttons(dialog)->button(QDialogButtonBox::Cancel)->text()));
    // Refusals in the dialog come from station-core, translated as well.
    dialog.accept();
    QVERIFY2(dialog.shownMessage().contains(QStringLiteral("站名")), qPrintable(dialog.shownMessage()));
}

void TestLanguage::langEnGivesEnglishForOneRun() {
    GuiFixture f(QString(), false);
    QCOMPARE(
        installTranslations(*qApp, chooseLanguage(QStringLiteral("en"), f.station->ctx->settings().language)),
        QStringLiteral("en"));
    SetupDialog dialog(*f.station->ctx);
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Set up the station"));
    QCOMPARE(buttons(dialog)->button(QDialogButtonBox::Ok)->text(), QStringLiteral("&Set up"));
    // The setting was not touched: the next run without --lang is Chinese.
    QCOMPARE(f.station->ctx->settings().language, QStringLiteral("zh_CN"));
    QCOMPARE(chooseLanguage({}, f.station->ctx->settings().language), QStringLiteral("zh_CN"));
    // Installing again replaces the translations (the terminal installs once more when the station's
    // setting is read).
    (void)installTranslations(*qApp, QStringLiteral("zh_CN"));
    QCOMPARE(SetupDialog(*f.station->ctx).windowTitle(), QStringLiteral("设置服务站"));
}

void TestLanguage::stationThatChoseEnglish() {
    GuiFixture f;
    f.receive(QStringLiteral("YT764306505052"), QStringLiteral("13812345678"));
    QVERIFY(f.station->setup.setSetting(QStringLiteral("language"), QStringLiteral("en")));
    (void)installTranslations(*qApp, chooseLanguage({}, f.station->ctx->settings().language));
    ReceivePage english(*f.station->ctx);
    QVERIFY(anyLabelContains(english, QStringLiteral("&Waybill:")));
    QCOMPARE(f.station->ctx->carriers().displayName(QStringLiteral("YTO")), QStringLiteral("YTO Express"));

    QVERIFY(f.station->setup.setSetting(QStringLiteral("language"), QStringLiteral("zh_CN")));
    (void)installTranslations(*qApp, chooseLanguage({}, f.station->ctx->settings().language));
    ReceivePage chinese(*f.station->ctx);
    QVERIFY(anyLabelContains(chinese, QStringLiteral("运单号(&W)：")));
    QCOMPARE(f.station->ctx->carriers().displayName(QStringLiteral("YTO")), QStringLiteral("圆通"));
}

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"
