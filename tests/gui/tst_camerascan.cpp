// Scanning with a camera, without a camera: FrameDecoder fed rendered Code 128 and QR symbols under
// a hand-moved clock (rate limit, empty frames, normalisation), and the main window's camera action
// (hidden here, as on CI, where no camera exists) routing a decoded code to the Receive page.
#include "barcode.h"
#include "framedecoder.h"
#include "guifixture.h"
#include "mainwindow.h"
#include "receivepage.h"

#include <QAction>
#include <QCameraDevice>
#include <QLineEdit>
#include <QMediaDevices>
#include <QPainter>
#include <QToolButton>

using namespace cz;
using namespace cz::ui;
using cz::test::GuiFixture;

namespace {

// A symbol on white, with its quiet zone and a margin, as a camera frame would frame it.
QImage onWhite(const QImage& symbol, int quietX, int quietY) {
    QImage frame(symbol.width() + 2 * quietX, symbol.height() + 2 * quietY, QImage::Format_RGB32);
    frame.fill(Qt::white);
    QPainter p(&frame);
    p.drawImage(quietX, quietY, symbol);
    return frame;
}

QImage code128Frame(const QString& text) {
    constexpr int module = 3;
    const QImage symbol = barcode::encodeCode128(text, module, 90);
    const int quiet = barcode::kCode128QuietZoneModules * module;
    return onWhite(symbol, quiet, quiet);
}

QImage qrFrame(const QString& text) {
    constexpr int module = 6;
    const QImage symbol = barcode::encodeQr(text, module);
    const int quiet = barcode::kQrQuietZoneModules * module;
    return onWhite(symbol, quiet, quiet);
}

} // namespace

class TestCameraScan : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void decodesRenderedSymbols_data();
    void decodesRenderedSymbols();
    void framesFasterThanTheRateAreSkipped();
    void frameWithoutCodeYieldsNothing();
    void normalisesLikeTheWedgeScanner();
    void cameraActionHiddenWithoutCamera();
    void cameraScanReachesReceivePage();
};

void TestCameraScan::decodesRenderedSymbols_data() {
    QTest::addColumn<QImage>("frame");
    QTest::addColumn<QString>("expected");
    QTest::newRow("code128") << code128Frame(QStringLiteral("YT764306505052"))
                             << QStringLiteral("YT764306505052");
    // Lower case in the symbol: upper-cased, as ScanFilter delivers wedge scans.
    QTest::newRow("code128 lower") << code128Frame(QStringLiteral("jt0012345678"))
                                   << QStringLiteral("JT0012345678");
    QTest::newRow("qr") << qrFrame(QStringLiteral("sf1402345678901")) << QStringLiteral("SF1402345678901");
}

void TestCameraScan::decodesRenderedSymbols() {
    QFETCH(QImage, frame);
    QFETCH(QString, expected);
    QVERIFY(!frame.isNull());
    qint64 now = 0;
    FrameDecoder decoder([&now] { return now; });
    const auto code = decoder.offer(frame);
    QVERIFY(code.has_value());
    QCOMPARE(*code, expected);
    QCOMPARE(decoder.decodedFrames(), 1);
}

void TestCameraScan::framesFasterThanTheRateAreSkipped() {
    qint64 now = 5000;
    FrameDecoder decoder([&now] { return now; });
    QCOMPARE(decoder.intervalMs(), 200); // at most 5 decodes a second
    const QImage frame = code128Frame(QStringLiteral("YT764306505052"));

    QVERIFY(decoder.due());
    QCOMPARE(decoder.offer(frame), std::optional<QString>(QStringLiteral("YT764306505052")));
    // 30 fps: the next frames, 33 ms apart, arrive inside the interval and are not even decoded.
    for (int i = 1; i <= 5; ++i) {
        now += 33;
        QVERIFY(!decoder.due());
        QCOMPARE(decoder.offer(frame), std::nullopt);
    }
    QCOMPARE(decoder.decodedFrames(), 1);
    // 200 ms after the last decode: taken again.
    now = 5200;
    QVERIFY(decoder.due());
    QCOMPARE(decoder.offer(frame), std::optional<QString>(QStringLiteral("YT764306505052")));
    QCOMPARE(decoder.decodedFrames(), 2);

    // A null frame (a failed conversion) does not use up the slot.
    now += 200;
    QCOMPARE(decoder.offer(QImage()), std::nullopt);
    QCOMPARE(decoder.decodedFrames(), 2);
    QVERIFY(decoder.due());
}

void TestCameraScan::frameWithoutCodeYieldsNothing() {
    qint64 now = 0;
    FrameDecoder decoder([&now] { return now; });
    QImage blank(640, 480, QImage::Format_RGB32);
    blank.fill(QColor(200, 200, 200));
    QPainter(&blank).fillRect(100, 100, 200, 50, Qt::darkGray); // something, but no symbol
    QCOMPARE(decoder.offer(blank), std::nullopt);
    QCOMPARE(decoder.decodedFrames(), 1); // decoded, not skipped
    // Nor a valid symbol whose text no scanner would type (a URL): the camera keeps looking.
    now += 200;
    QCOMPARE(decoder.offer(qrFrame(QStringLiteral("https://example.com/p?id=1"))), std::nullopt);
    QCOMPARE(decoder.decodedFrames(), 2);
}

void TestCameraScan::normalisesLikeTheWedgeScanner() {
    QCOMPARE(FrameDecoder::normalise(QStringLiteral(" ab-12c\n")),
             std::optional<QString>(QStringLiteral("AB-12C")));
    QCOMPARE(FrameDecoder::normalise(QString()), std::nullopt);
    QCOMPARE(FrameDecoder::normalise(QStringLiteral("YT 7643")), std::nullopt);
    QCOMPARE(FrameDecoder::normalise(QStringLiteral("包裹123")), std::nullopt);
}

void TestCameraScan::cameraActionHiddenWithoutCamera() {
    GuiFixture f;
    MainWindow w(*f.station->ctx, f.scanClock());
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QAction* action = w.cameraAction();
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(Qt::Key_F9));
    QVERIFY(w.actions().contains(action));
    // No camera on this machine or on CI; a developer's laptop with one sees it shown.
    const bool haveCamera = !QMediaDevices::videoInputs().isEmpty();
    QCOMPARE(action->isVisible(), haveCamera);
    QToolButton* button = nullptr;
    for (QToolButton* b : w.findChildren<QToolButton*>()) {
        if (b->defaultAction() == action)
            button = b;
    }
    QVERIFY(button);
    QCOMPARE(button->isVisible(), haveCamera);
}

void TestCameraScan::cameraScanReachesReceivePage() {
    GuiFixture f;
    MainWindow w(*f.station->ctx, f.scanClock());
    w.show();
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    ReceivePage* page = w.receivePage();
    QCOMPARE(w.currentPage(), page);
    QCOMPARE(page->waybillField()->text(), QString());

    qint64 now = 0;
    FrameDecoder decoder([&now] { return now; });
    const auto code = decoder.offer(code128Frame(QStringLiteral("yt764306505052")));
    QVERIFY(code.has_value());
    w.handleCameraScan(*code);
    QCOMPARE(page->waybillField()->text(), QStringLiteral("YT764306505052"));
    // As after a wedge scan: the clerk goes on with the phone tail.
    QCOMPARE(QApplication::focusWidget(), page->phoneField());

    // Another page current: the scan goes there, not to Receive.
    w.showPage(1);
    QVERIFY(w.currentPage() != page);
    w.handleCameraScan(QStringLiteral("YT000000000001"));
    QCOMPARE(page->waybillField()->text(), QStringLiteral("YT764306505052"));
}

QTEST_MAIN(TestCameraScan)
#include "tst_camerascan.moc"
