// The print preview and the terminal's print queue: a 76×130 label previews at 608×1040 dots
// (203 dpi), Save as PDF writes a PDF where the file seam says, and a failed print stays queued
// with its message until the retry succeeds. Printing runs on the service's print thread, so the
// preview reports the outcome when it arrives.
#include "documents.h"
#include "fakeprinter.h"
#include "guifixture.h"
#include "printpreview.h"
#include "printservice.h"
#include "sampleprint.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>

using namespace cz;
using namespace cz::ui;
using cz::test::GuiFixture;

namespace {
class FakeBackend final : public cz::test::LabelPrinterBackend {
public:
    bool up = false;
    QList<print::PrintJob> printed;

    Result<int> print(const print::PrintJob& job) override {
        if (!up)
            return stopped();
        printed.append(job);
        return static_cast<int>(printed.size());
    }
};

print::Document label() {
    return print::waybillLabel(cz::test::sampleLabel());
}
} // namespace

class TestPrintPreview : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void labelPreviewAtPrinterDots();
    void saveAsPdf();
    void failedPrintWaitsForRetry();
    void fitsAndZooms();
};

void TestPrintPreview::labelPreviewAtPrinterDots() {
    GuiFixture f;
    PrintPreview preview(label(), Paper::Label, nullptr);
    QCOMPARE(preview.pageCount(), 1);
    QCOMPARE(preview.pageImage(0).size(), QSize(608, 1040));
    // Something is drawn: not a blank white page.
    const QImage page = preview.pageImage(0);
    int dark = 0;
    for (int y = 0; y < page.height(); y += 4) {
        for (int x = 0; x < page.width(); x += 4)
            dark += qGray(page.pixel(x, y)) < 128 ? 1 : 0;
    }
    QVERIFY(dark > 100);
    // Without a print service only Save as PDF can work.
    QVERIFY(!preview.printNow());
}

void TestPrintPreview::saveAsPdf() {
    GuiFixture f;
    PrintPreview preview(label(), Paper::Label, nullptr);
    // Cancelled: nothing written.
    QVERIFY(!preview.saveAsPdf());
    const QString path = f.dir.filePath(QStringLiteral("label.pdf"));
    Messages::setNextFileName(path);
    QVERIFY2(preview.saveAsPdf(), qPrintable(preview.shownMessage()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(4) == "%PDF");
    QVERIFY(preview.shownMessage().contains(QStringLiteral("label.pdf")));
}

void TestPrintPreview::failedPrintWaitsForRetry() {
    GuiFixture f;
    PrintService::setPrinterFor(Paper::Label, QString()); // the default printer
    auto backend = std::make_unique<FakeBackend>();
    FakeBackend* fake = backend.get();
    const QString spool = PrintService::spoolDirFor(f.station->ctx->database().path());
    QVERIFY(spool.startsWith(f.dir.path()));
    PrintService service(std::move(backend), spool);
    QSignalSpy pending(&service, &PrintService::pendingChanged);

    PrintPreview preview(label(), Paper::Label, &service);
    // Print returns at once; the printer's answer arrives from the print thread.
    QVERIFY(preview.printNow());
    QVERIFY(preview.isPrinting());
    QVERIFY(!preview.printNow()); // one job at a time from a preview
    QTRY_VERIFY_WITH_TIMEOUT(!preview.isPrinting(), 10000);
    QVERIFY2(preview.shownMessage().contains(QStringLiteral("stopped")), qPrintable(preview.shownMessage()));
    QCOMPARE(preview.result(), int(QDialog::Rejected)); // still open to try again
    QCOMPARE(service.pendingCount(), 1);
    QCOMPARE(pending.last().first().toInt(), 1);
    QVERIFY(fake->printed.isEmpty());
    // Spooled beside the database: a restart would not lose it.
    QVERIFY(!QDir(spool).entryList(QDir::Files).isEmpty());

    fake->up = true;
    QSignalSpy printed(&service, &PrintService::printed);
    QVERIFY(service.retry());
    QVERIFY(printed.wait(10000));
    QCOMPARE(printed.first().at(1).toString(), label().title);
    QTRY_COMPARE_WITH_TIMEOUT(service.pendingCount(), 0, 10000);
    QCOMPARE(fake->printed.size(), 1);
    QCOMPARE(fake->printed.first().printer, QStringLiteral("labels"));
    QVERIFY(fake->printed.first().data.startsWith("%PDF"));
    QVERIFY(QDir(spool).entryList(QDir::Files).isEmpty());

    // Printing from the preview now succeeds: the message says so and the dialog closes.
    QVERIFY(preview.printNow());
    QTRY_VERIFY_WITH_TIMEOUT(!preview.isPrinting(), 10000);
    QCOMPARE(preview.shownMessage(), PrintPreview::tr("Printed."));
    QCOMPARE(preview.result(), int(QDialog::Accepted));
    QCOMPARE(fake->printed.size(), 2);
}

// A4 opens fitted to the width, a label whole; zooming leaves the fit, fitting again returns to it,
// and a fitted page follows the window's size.
void TestPrintPreview::fitsAndZooms() {
    GuiFixture f;
    print::Document a4;
    a4.title = QStringLiteral("A4");
    a4.pageMm = QSizeF(210, 297);
    a4.media = QStringLiteral("A4");
    a4.pages = 2;
    a4.paint = [](print::Canvas&) {};
    PrintPreview preview(a4, Paper::A4, nullptr);
    preview.show();
    QVERIFY(QTest::qWaitForWindowExposed(&preview));
    QCOMPARE(preview.fit(), PrintPreview::Fit::Width);
    const int room = preview.pageViewportSize().width();
    QVERIFY2(qAbs(preview.shownPageSize(0).width() - room) <= 2,
             qPrintable(QStringLiteral("%1 in %2").arg(preview.shownPageSize(0).width()).arg(room)));
    QVERIFY(preview.zoom() < 1.0); // an A4 page at 203 dpi is wider than any screen here
    const double fitted = preview.zoom();

    preview.zoomIn();
    QCOMPARE(preview.fit(), PrintPreview::Fit::None);
    QVERIFY(preview.zoom() > fitted);
    QVERIFY(preview.shownPageSize(0).width() > room);
    preview.setFit(PrintPreview::Fit::Page);
    QVERIFY(preview.shownPageSize(0).height() <= preview.pageViewportSize().height());
    preview.setFit(PrintPreview::Fit::Width);
    QCOMPARE(preview.zoom(), fitted);
    preview.resize(preview.width() - 100, preview.height());
    QTRY_VERIFY(preview.shownPageSize(0).width() <= preview.pageViewportSize().width());
    QVERIFY(preview.zoom() < fitted);

    PrintPreview labelPreview(label(), Paper::Label, nullptr);
    labelPreview.show();
    QVERIFY(QTest::qWaitForWindowExposed(&labelPreview));
    QCOMPARE(labelPreview.fit(), PrintPreview::Fit::Page);
    QVERIFY(labelPreview.shownPageSize(0).height() <= labelPreview.pageViewportSize().height());
    QVERIFY(labelPreview.shownPageSize(0).width() <= labelPreview.pageViewportSize().width());
    // Zooming in past the fit is still possible.
    labelPreview.zoomIn();
    QVERIFY(labelPreview.shownPageSize(0).height() > labelPreview.pageViewportSize().height());
}

QTEST_MAIN(TestPrintPreview)
#include "tst_printpreview.moc"
