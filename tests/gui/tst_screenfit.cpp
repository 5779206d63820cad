// The counter's 1024×768 screen, in the terminal's large type, in Chinese (what clerks read) and in
// English: the main window with each page, the first-run setup, the enrolment dialog, the print
// preview and the list of refused changes each fit (minimum size within 1024×720, leaving room for
// the title bar and a taskbar), and shown at that size nothing in them is squeezed below its minimum,
// cut off or outside the window. Messages appearing move no field; labels with a mnemonic have a buddy.
// CUNZHAN_GRAB_DIR=<folder> saves a picture of each window for a person to look at.
#include "documents.h"
#include "enroldialog.h"
#include "fakeprinter.h"
#include "faketransport.h"
#include "guifixture.h"
#include "handoverpage.h"
#include "loginpanel.h"
#include "mainwindow.h"
#include "navrail.h"
#include "ownerdialog.h"
#include "page.h"
#include "pickuppage.h"
#include "printpreview.h"
#include "printservice.h"
#include "receivepage.h"
#include "sampleprint.h"
#include "screenfit.h"
#include "setupdialog.h"
#include "staff.h"
#include "style.h"
#include "synccontroller.h"
#include "syncstatuswidget.h"

#include <QDialogButtonBox>
#include <QScreen>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QToolButton>
#include <functional>

using namespace cz;
using namespace cz::ui;
using namespace cz::test;

namespace {
class StoppedPrinter final : public LabelPrinterBackend {
public:
    Result<int> print(const print::PrintJob&) override { return stopped(); }
};

print::Document blankA4(int pages) {
    print::Document d;
    d.title = QStringLiteral("A4");
    d.pageMm = QSizeF(210, 297);
    d.media = QStringLiteral("A4");
    d.dpi = 300;
    d.pages = pages;
    d.paint = [](print::Canvas&) {};
    return d;
}

print::Document label() {
    return print::waybillLabel(sampleLabel());
}

QString sizeText(QSize s) {
    return QStringLiteral("%1×%2").arg(s.width()).arg(s.height());
}

bool fits(QSize s, QSize limit) {
    return s.width() <= limit.width() && s.height() <= limit.height();
}

// The window's minimum as the window system gets it: the layout's, or an explicit one if larger.
QSize minimumOf(QWidget* w) {
    return w->minimumSizeHint().expandedTo(w->minimumSize());
}
} // namespace

class TestScreenFit : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init() { Messages::setTestMode(true); }
    void cleanup() { Messages::setTestMode(false); }
    void mainWindowFits_data() { languages(); }
    void mainWindowFits();
    void setupDialogFits_data() { languages(); }
    void setupDialogFits();
    void enrolDialogFits_data() { languages(); }
    void enrolDialogFits();
    void printPreviewFits_data() { languages(); }
    void printPreviewFits();
    void rejectedDialogFits_data() { languages(); }
    void rejectedDialogFits();
    void staffScreensFit_data() { languages(); }
    void staffScreensFit();
    void messagesMoveNothing_data() { languages(); }
    void messagesMoveNothing();

private:
    static void languages() {
        QTest::addColumn<QString>("language");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
        QTest::newRow("en") << QStringLiteral("en");
    }
    static void showAt(QWidget* w, QSize size) {
        w->resize(size);
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        settle();
    }
    // Before it is shown: each label with a mnemonic has a buddy, and its minimum fits the screen.
    static void fitsUnshown(QWidget* w) {
        QCOMPARE(labelsWithoutBuddy(w), QStringList());
        QVERIFY2(fits(minimumOf(w), kWindowLimit), qPrintable(sizeText(minimumOf(w))));
    }
    // Shown at its own size, laid out.
    static void showOwnSize(QWidget* w) {
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        settle();
    }
    // As shown: it fits the screen and nothing in it is squeezed below its minimum.
    static void fitsShown(QWidget* w) {
        QVERIFY2(fits(w->size(), kWindowLimit), qPrintable(sizeText(w->size())));
        const QStringList bad = squeezed(w);
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(QStringLiteral("; "))));
    }
    // The fields and buttons shown in root, where they are.
    static QList<QRect> positions(QWidget* root) {
        QList<QRect> out;
        for (QWidget* w : root->findChildren<QWidget*>()) {
            if (w->isVisible() && (qobject_cast<QLineEdit*>(w) || qobject_cast<QAbstractButton*>(w)))
                out << QRect(w->mapTo(root, QPoint(0, 0)), w->size());
        }
        return out;
    }
    // refuse() must show a message in shower (a page or dialog with shownMessage()) and move no field or
    // button of root.
    template<class Shower>
    static void refusedInPlace(QWidget* root, const Shower* shower, const std::function<void()>& refuse) {
        settle();
        const QList<QRect> before = positions(root);
        refuse();
        QVERIFY(!shower->shownMessage().isEmpty());
        settle();
        QCOMPARE(positions(root), before);
    }
};

void TestScreenFit::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCOMPARE(QGuiApplication::primaryScreen()->size(), kScreen);
    // The terminal's type as main() sets it on a desktop with the usual 9 or 10 pt font: 14 pt.
    QFont base = QApplication::font();
    base.setPointSizeF(10);
    QApplication::setFont(base);
    applyCounterFont();
    QCOMPARE(QApplication::font().pointSizeF(), 14.0);
}

void TestScreenFit::mainWindowFits() {
    QFETCH(QString, language);
    const LanguageScope lang(language);
    if (language == QLatin1String("zh_CN"))
        QCOMPARE(QCoreApplication::translate("cz::ui::HandoverPage", "Handov&er"),
                 QStringLiteral("交接(&E)"));
    GuiFixture f;
    PrintService::setPrinterFor(Paper::Label, QString()); // the default printer
    // Everything the window can show besides the page: a print job waiting, a camera, sync.
    PrintService printing(std::make_unique<StoppedPrinter>(), f.dir.filePath(QStringLiteral("spool")));
    (void)printing.print(label(), Paper::Label);
    QTRY_COMPARE(printing.pendingCount(), 1);
    SyncController sync(*f.station->ctx, [] {
        return std::make_unique<sync::FakeTransport>(
            [](const sync::HttpRequest&) { return sync::HttpResponse{}; });
    });
    MainWindow w(*f.station->ctx, f.scanClock(), &printing);
    w.attachSync(&sync);
    for (QToolButton* b : w.findChildren<QToolButton*>()) {
        if (b->defaultAction() == w.cameraAction())
            b->setVisible(true); // as on a terminal with a camera
    }
    QCOMPARE(labelsWithoutBuddy(&w), QStringList());

    showAt(&w, kWindowLimit);
    // The busiest sync indicator: changes to send, refusals, and offline in a long catch-up, or
    // the token revoked (no catch-up runs then).
    for (const bool revoked : {false, true}) {
        sync::SyncStatus status;
        status.enrolled = true;
        status.pending = 12345;
        status.lastSuccessAt = kStart;
        status.lastError = revoked ? QString() : QStringLiteral("The county server is not available.");
        status.rejected = {{QStringLiteral("op"), QStringLiteral("parcel.received"), QStringLiteral("p"),
                            QStringLiteral("rejected"), QStringLiteral("x"), QStringLiteral("x")}};
        w.syncStatus()->setStatus(status, revoked);
        w.syncStatus()->setProgress(10, revoked ? 0 : 5000);
        for (int i = 0; i < w.pageCount(); ++i) {
            w.showPage(i);
            settle();
            const QString page = w.navRail()->pageText(i);
            // On failure, say which part is too large (the pages share one stack: the largest counts).
            QStringList parts{QStringLiteral("rail ") + sizeText(w.navRail()->sizeHint()),
                              QStringLiteral("status bar ") + sizeText(w.statusBar()->minimumSizeHint())};
            for (int p = 0; p < w.pageCount(); ++p)
                parts << w.navRail()->pageText(p) + QLatin1Char(' ') + sizeText(w.page(p)->minimumSizeHint());
            QVERIFY2(fits(minimumOf(&w), kWindowLimit),
                     qPrintable(page + QStringLiteral(": window minimum ") + sizeText(minimumOf(&w)) +
                                QStringLiteral(" (") + parts.join(QStringLiteral(", ")) +
                                QStringLiteral(")")));
            const QStringList bad = squeezed(&w);
            QVERIFY2(bad.isEmpty(), qPrintable(page + QStringLiteral(": ") + bad.join(QStringLiteral("; "))));
            if (!revoked)
                grabTo(&w, QStringLiteral("main-%1-%2").arg(language).arg(i + 1));
        }
    }
    // The rail shows every page without scrolling, with room for the areas still to come.
    QVERIFY(!w.navRail()->verticalScrollBar()->isVisible());
}

void TestScreenFit::setupDialogFits() {
    QFETCH(QString, language);
    const LanguageScope lang(language);
    GuiFixture f(QStringLiteral("1-2:2x3"), false);
    SetupDialog d(*f.station->ctx);
    fitsUnshown(&d);
    // As it opens (its own size) and with an error shown.
    showOwnSize(&d);
    fitsShown(&d);
    grabTo(&d, QStringLiteral("setup-%1").arg(language));
    d.shelvesField()->setText(QStringLiteral("1-4:3x30,A:2x10,B:9x999,C:bad"));
    d.nameField()->setText(QStringLiteral("李家村服务站"));
    d.accept();
    QVERIFY(!d.shownMessage().isEmpty());
    settle();
    const QStringList bad = squeezed(&d);
    QVERIFY2(bad.isEmpty(), qPrintable(bad.join(QStringLiteral("; "))));
    grabTo(&d, QStringLiteral("setup-error-%1").arg(language));
}

void TestScreenFit::enrolDialogFits() {
    QFETCH(QString, language);
    const LanguageScope lang(language);
    GuiFixture f;
    SyncController sync(*f.station->ctx, [] {
        return std::make_unique<sync::FakeTransport>(
            [](const sync::HttpRequest&) { return sync::HttpResponse{}; });
    });
    EnrolDialog d(sync);
    fitsUnshown(&d);
    showOwnSize(&d);
    d.caField()->setText(f.dir.filePath(QStringLiteral("no-such-folder/county-ca-certificate.pem")));
    d.serverField()->setText(QStringLiteral("https://county.example.cn:8443"));
    d.codeField()->setText(QStringLiteral("K7QM-2XPD"));
    QVERIFY(!d.connectNow()); // the certificate cannot be read: a long message in place
    settle();
    fitsShown(&d);
    grabTo(&d, QStringLiteral("enrol-%1").arg(language));
}

void TestScreenFit::printPreviewFits() {
    QFETCH(QString, language);
    const LanguageScope lang(language);
    GuiFixture f;
    for (const auto& [doc, paper] : {std::pair{blankA4(3), Paper::A4}, std::pair{label(), Paper::Label}}) {
        PrintPreview p(doc, paper, nullptr);
        fitsUnshown(&p);
        // It opens no larger than the screen leaves, so its buttons are on the screen.
        showOwnSize(&p);
        fitsShown(&p);
        QDialogButtonBox* buttons = p.findChild<QDialogButtonBox*>();
        QVERIFY(buttons && buttons->isVisible());
        QVERIFY(p.rect().contains(QRect(buttons->mapTo(&p, QPoint(0, 0)), buttons->size())));
        // A page is shown whole across (A4 fitted to the width; the label whole, as it fits).
        QVERIFY2(p.shownPageSize(0).width() <= p.pageViewportSize().width(),
                 qPrintable(sizeText(p.shownPageSize(0)) + QStringLiteral(" in ") +
                            sizeText(p.pageViewportSize())));
        if (paper == Paper::Label)
            QVERIFY(fits(p.shownPageSize(0), p.pageViewportSize()));
        grabTo(&p, QStringLiteral("preview-%1-%2")
                       .arg(language, paper == Paper::A4 ? QStringLiteral("a4") : QStringLiteral("label")));
    }
}

void TestScreenFit::rejectedDialogFits() {
    QFETCH(QString, language);
    const LanguageScope lang(language);
    GuiFixture f;
    RejectedOpsDialog d({{QStringLiteral("op"), QStringLiteral("parcel.received"), QStringLiteral("p"),
                          QStringLiteral("rejected"), QStringLiteral("parcel.unknown_recipient"),
                          QStringLiteral("No such recipient.")}});
    fitsUnshown(&d);
    showOwnSize(&d);
    fitsShown(&d);
}

// Staff: the owner dialog (both steps), the locked window with a lookup shown, and the window with
// the person logged in above the rail.
void TestScreenFit::staffScreensFit() {
    QFETCH(QString, language);
    const LanguageScope lang(language);
    GuiFixture f;
    const Parcel p = f.receive(QStringLiteral("YT764306505052"), QStringLiteral("13812345678"));
    PrintService printing(std::make_unique<StoppedPrinter>(), f.dir.filePath(QStringLiteral("spool")));
    {
        OwnerDialog d(*f.station->ctx, &printing);
        fitsUnshown(&d);
        showOwnSize(&d);
        fitsShown(&d);
        d.nameField()->setText(QStringLiteral("王站长"));
        d.pinField()->setText(QStringLiteral("135790"));
        d.pinAgainField()->setText(QStringLiteral("135790"));
        QVERIFY(d.createOwner());
        settle();
        fitsShown(&d);
        grabTo(&d, QStringLiteral("owner-%1").arg(language));
    }
    QVERIFY(f.station->ctx->user()); // the owner is logged in
    MainWindow w(*f.station->ctx, f.scanClock(), &printing);
    QCOMPARE(labelsWithoutBuddy(&w), QStringList());
    showAt(&w, kWindowLimit);
    QVERIFY(!w.isLocked());
    fitsShown(&w);
    QVERIFY(fits(minimumOf(&w), kWindowLimit));
    w.lock();
    w.loginPanel()->lookUp(p.pickupCode);
    w.loginPanel()->logIn(); // no PIN typed: refused with a message
    settle();
    QVERIFY(w.isLocked());
    QVERIFY(!w.loginPanel()->shownMessage().isEmpty());
    QVERIFY(!w.loginPanel()->shownLookup().isEmpty());
    fitsShown(&w);
    QVERIFY(fits(minimumOf(&w), kWindowLimit));
    grabTo(&w, QStringLiteral("locked-%1").arg(language));
}

// A message appearing in place (and going again) moves no field or button.
void TestScreenFit::messagesMoveNothing() {
    QFETCH(QString, language);
    const LanguageScope lang(language);
    {
        GuiFixture f(QStringLiteral("1-2:2x3"), false);
        SetupDialog d(*f.station->ctx);
        showOwnSize(&d);
        refusedInPlace(&d, &d, [&] {
            d.nameField()->clear();
            d.accept(); // no name: refused in place
        });
    }
    {
        GuiFixture f;
        PrintService printing(std::make_unique<StoppedPrinter>(), f.dir.filePath(QStringLiteral("spool")));
        MainWindow w(*f.station->ctx, f.scanClock(), &printing);
        showAt(&w, kWindowLimit);
        // Handover: a waybill without a bag is refused in place.
        w.showPage(6);
        HandoverPage* handover = w.handoverPage();
        refusedInPlace(&w, handover, [&] {
            handover->waybillField()->setText(QStringLiteral("YT900000000001"));
            handover->addToBag();
        });
        // Receive: a malformed waybill refused at the scan; Pickup: a lookup that finds nothing.
        w.showPage(0);
        ReceivePage* receive = w.receivePage();
        refusedInPlace(&w, receive, [&] {
            receive->waybillField()->setText(QStringLiteral("YT7!"));
            receive->checkWaybill();
        });
        w.showPage(1);
        refusedInPlace(&w, w.pickupPage(), [&] { w.pickupPage()->lookUp(QStringLiteral("9-9-9999")); });
    }
}

int main(int argc, char* argv[]) {
    QTemporaryDir config;
    cz::test::useCounterScreen(config.path());
    QApplication app(argc, argv);
    TestScreenFit test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_screenfit.moc"
