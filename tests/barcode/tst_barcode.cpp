// Tests of the ZXing adapter (printing/barcode): encoder round trips and module-exact output, decoding of
// generated frames at station sizes (including the sizes where Debian's ZXing aborts with default hints),
// hard frames the preprocessing passes exist for, and frames without any code (no false reads).
#include "barcode.h"
#include "framegen.h"

#include <QElapsedTimer>
#include <QTest>

using namespace cz::barcode;

namespace {

// What the preprocessing passes can find, whatever the machine's load: decode()'s default budget is
// wall-clock time (150 ms, for the camera), so a loaded test machine would run fewer passes and the
// test would measure the load. The budget itself is covered by enhanceOffAndZeroBudget and the
// benchmarks (bench_decode).
DecodeOptions unhurried(QStringList formats = {}) {
    DecodeOptions options;
    options.formats = std::move(formats);
    options.budgetMs = 60'000;
    return options;
}

bool contains(const QList<Decoded>& results, const QString& format, const QString& text) {
    return std::any_of(results.begin(), results.end(),
                       [&](const Decoded& d) { return d.format == format && d.text == text; });
}

// Lengths of the runs of equal pixels along row y.
QList<int> runs(const QImage& image, int y) {
    QList<int> out;
    const uchar* row = image.constScanLine(y);
    int length = 1;
    for (int x = 1; x < image.width(); ++x) {
        if (row[x] == row[x - 1]) {
            ++length;
        } else {
            out << length;
            length = 1;
        }
    }
    out << length;
    return out;
}

QString describe(const QList<Decoded>& results) {
    QStringList parts;
    for (const auto& d : results)
        parts << QStringLiteral("%1:%2 (%3)").arg(d.format, d.text, passName(d.pass));
    return parts.isEmpty() ? QStringLiteral("nothing") : parts.join(u", ");
}

} // namespace

class TstBarcode : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void code128RoundTrip_data();
    void code128RoundTrip();
    void qrRoundTrip_data();
    void qrRoundTrip();
    void code128ModulesAreWholeDots_data();
    void code128ModulesAreWholeDots();
    void qrModulesAreWholeDots();
    void encoderErrors();
    void frameSizes_data();
    void frameSizes();
    void twoIdenticalLinearCodesDoNotAbort();
    void twoDifferentCodes();
    void tilted_data();
    void tilted();
    void blurred();
    void lowContrast();
    void noCode_data();
    void noCode();
    void formatRestriction();
    void enhanceOffAndZeroBudget();
};

void TstBarcode::code128RoundTrip_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("module");
    for (const QString& text :
         QStringList{"YT764306505052", "SF1385628716739", "JT0012345678901", "773012345678", "A-1b"})
        for (int module : {1, 2, 3})
            QTest::addRow("%s@%d", qPrintable(text), module) << text << module;
}

void TstBarcode::code128RoundTrip() {
    QFETCH(QString, text);
    QFETCH(int, module);
    const QImage symbol = encodeCode128(text, module, 30 * module);
    QVERIFY(!symbol.isNull());
    const auto results = decodeRaw(testgen::code128Symbol(text, module, 30 * module), {});
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first().format, QStringLiteral("Code128"));
    QCOMPARE(results.first().text, text);
    QCOMPARE(results.first().pass, 0);
}

void TstBarcode::qrRoundTrip_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("module");
    for (const QString& text :
         {QStringLiteral("村站 3-2-1045"), QStringLiteral("取件码 8-4-2231 东坪村服务站 YT764306505052"),
          QStringLiteral("https://example.cn/p?c=3-2-1045")})
        for (int module : {1, 3, 5})
            QTest::addRow("%d chars@%d", static_cast<int>(text.size()), module) << text << module;
}

void TstBarcode::qrRoundTrip() {
    QFETCH(QString, text);
    QFETCH(int, module);
    QString error;
    const QImage symbol = encodeQr(text, module, &error);
    QVERIFY2(!symbol.isNull(), qPrintable(error));
    const auto results = decodeRaw(testgen::qrSymbol(text, module), {});
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first().format, QStringLiteral("QRCode"));
    QCOMPARE(results.first().text, text);
}

void TstBarcode::code128ModulesAreWholeDots_data() {
    QTest::addColumn<int>("moduleDots");
    for (int dots : {1, 2, 3, 4, 7})
        QTest::addRow("%d dots", dots) << dots;
}

void TstBarcode::code128ModulesAreWholeDots() {
    QFETCH(int, moduleDots);
    const QString text = QStringLiteral("SF1385628716739");
    const QImage one = encodeCode128(text, 1, 1);
    const QImage image = encodeCode128(text, moduleDots, 80);
    QVERIFY(!one.isNull() && !image.isNull());
    QCOMPARE(image.format(), QImage::Format_Grayscale8);
    QCOMPARE(image.height(), 80);
    QCOMPARE(image.width(), one.width() * moduleDots);
    // Code 128: 11 modules per symbol character, 13 for the stop pattern.
    QCOMPARE(one.width() % 11, 2);
    // No quiet zone: the first and last modules are bars.
    QCOMPARE(image.pixelColor(0, 0), QColor(Qt::black));
    QCOMPARE(image.pixelColor(image.width() - 1, 0), QColor(Qt::black));
    // Every pixel is pure black or white, every row the same, every bar and space 1..4 whole modules.
    for (int y = 0; y < image.height(); ++y) {
        QCOMPARE(memcmp(image.constScanLine(y), image.constScanLine(0), static_cast<size_t>(image.width())),
                 0);
    }
    for (int x = 0; x < image.width(); ++x) {
        const uchar v = image.constScanLine(0)[x];
        QVERIFY2(v == 0 || v == 255, qPrintable(QStringLiteral("pixel %1 is %2").arg(x).arg(v)));
    }
    const QList<int> moduleRuns = runs(one, 0);
    const QList<int> dotRuns = runs(image, 0);
    QCOMPARE(dotRuns.size(), moduleRuns.size());
    for (qsizetype i = 0; i < dotRuns.size(); ++i) {
        QVERIFY(moduleRuns[i] >= 1 && moduleRuns[i] <= 4);
        QCOMPARE(dotRuns[i], moduleRuns[i] * moduleDots);
    }
    // Start pattern (B or C) and stop pattern, module by module.
    QString start;
    for (int m = 0; m < 11; ++m)
        start += one.constScanLine(0)[m] == 0 ? u'1' : u'0';
    QVERIFY2(start == u"11010010000" || start == u"11010011100", qPrintable(start));
    QString stop;
    for (int m = one.width() - 13; m < one.width(); ++m)
        stop += one.constScanLine(0)[m] == 0 ? u'1' : u'0';
    QCOMPARE(stop, QStringLiteral("1100011101011"));
}

void TstBarcode::qrModulesAreWholeDots() {
    const QString text = QStringLiteral("村站 3-2-1045");
    const QImage one = encodeQr(text, 1);
    QVERIFY(!one.isNull());
    QCOMPARE(one.width(), one.height());
    QCOMPARE((one.width() - 21) % 4, 0); // version v has 17 + 4v modules
    for (int dots : {2, 4}) {
        const QImage image = encodeQr(text, dots);
        QCOMPARE(image.size(), one.size() * dots);
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                QCOMPARE(image.constScanLine(y)[x], one.constScanLine(y / dots)[x / dots]);
    }
    // Finder pattern in the top-left corner: a 7×7 dark ring, light ring, 3×3 dark core; no quiet zone.
    for (int i = 0; i < 7; ++i) {
        QCOMPARE(one.constScanLine(0)[i], uchar(0));
        QCOMPARE(one.constScanLine(i)[0], uchar(0));
        QCOMPARE(one.constScanLine(6)[i], uchar(0));
    }
    QCOMPARE(one.constScanLine(1)[1], uchar(255));
    QCOMPARE(one.constScanLine(3)[3], uchar(0));
    // Error correction level M. Version 1 has 152 data bits at L, 128 at M, 104 at Q; with the UTF-8 ECI
    // (12 bits), byte mode header (12 bits) it holds 16 bytes at L, 13 at M, 10 at Q.
    QCOMPARE(encodeQr(QStringLiteral("abcdefghijklm"), 1).width(), 21);  // 13 bytes: M (or L), not Q
    QCOMPARE(encodeQr(QStringLiteral("abcdefghijklmn"), 1).width(), 25); // 14 bytes: not L
}

void TstBarcode::encoderErrors() {
    QString error;
    QVERIFY(encodeCode128(QString(), 2, 50, &error).isNull());
    QVERIFY(!error.isEmpty());
    error.clear();
    QVERIFY(encodeCode128(QStringLiteral("村站123"), 2, 50, &error).isNull());
    QVERIFY(!error.isEmpty());
    error.clear();
    QVERIFY(encodeCode128(QStringLiteral("YT1"), 0, 50, &error).isNull());
    QVERIFY(!error.isEmpty());
    error.clear();
    QVERIFY(encodeCode128(QStringLiteral("YT1"), 2, 0, &error).isNull());
    QVERIFY(!error.isEmpty());
    error.clear();
    QVERIFY(encodeQr(QString(), 2, &error).isNull());
    QVERIFY(!error.isEmpty());
    error.clear();
    QVERIFY(encodeQr(QString(8000, u'村'), 2, &error).isNull()); // beyond version 40
    QVERIFY(!error.isEmpty());
    // without an error pointer, still a null image and no crash
    QVERIFY(encodeCode128(QStringLiteral("é"), 2, 50).isNull());
    // a good call leaves the image non-null
    QVERIFY(!encodeCode128(QStringLiteral("YT1"), 2, 50, &error).isNull());
}

void TstBarcode::frameSizes_data() {
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("qr");
    for (const QSize size : {QSize(640, 480), QSize(1280, 720), QSize(1920, 1080), QSize(4000, 3000)}) {
        QTest::addRow("code128 %dx%d", size.width(), size.height()) << size << false;
        QTest::addRow("qr %dx%d", size.width(), size.height()) << size << true;
    }
}

void TstBarcode::frameSizes() {
    QFETCH(QSize, size);
    QFETCH(bool, qr);
    const int module = std::max(2, size.width() / 640);
    const QString text = qr ? QStringLiteral("村站 3-2-1045") : QStringLiteral("YT764306505052");
    const QImage symbol =
        qr ? testgen::qrSymbol(text, module + 1) : testgen::code128Symbol(text, module, 40 * module);
    testgen::Look look;
    look.offset = QPointF(size.width() / 7.0, -size.height() / 9.0);
    const QImage frame = testgen::frame(size, symbol, look);
    // Also through a colour format: decode converts to grey itself.
    const QImage rgb = frame.convertToFormat(QImage::Format_RGB32);
    const auto raw = decodeRaw(rgb, {});
    QVERIFY2(contains(raw, qr ? QStringLiteral("QRCode") : QStringLiteral("Code128"), text),
             qPrintable(describe(raw)));
    const auto results = decode(frame, unhurried());
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first().text, text);
    QCOMPARE(results.first().pass, 0);
    // The position is in frame coordinates, around where the symbol was drawn.
    const QPointF centre = results.first().position.boundingRect().center();
    const QPointF expected(size.width() / 2.0 + look.offset.x(), size.height() / 2.0 + look.offset.y());
    QVERIFY2(QLineF(centre, expected).length() < symbol.width() / 3.0,
             qPrintable(QStringLiteral("centre %1,%2").arg(centre.x()).arg(centre.y())));
}

void TstBarcode::twoIdenticalLinearCodesDoNotAbort() {
    // Debian's ZXing 1.4 asserts (aborts the process) when one ReadBarcodes call finds the same linear text
    // twice, as on a waybill label that carries its number in two places.
    const QImage symbol = testgen::code128Symbol(QStringLiteral("YT764306505052"), 2, 60);
    QImage canvas(900, 700, QImage::Format_RGB32);
    canvas.fill(Qt::white);
    QPainter p(&canvas);
    p.drawImage(60, 60, symbol);
    p.drawImage(60, 420, symbol);
    p.end();
    const auto raw = decodeRaw(canvas, {});
    QCOMPARE(raw.size(), 1);
    QCOMPARE(raw.first().text, QStringLiteral("YT764306505052"));
    QCOMPARE(decode(canvas, unhurried()).size(), 1);
}

void TstBarcode::twoDifferentCodes() {
    QImage canvas(1000, 800, QImage::Format_RGB32);
    canvas.fill(Qt::white);
    QPainter p(&canvas);
    p.drawImage(40, 40, testgen::code128Symbol(QStringLiteral("SF1385628716739"), 2, 60));
    p.drawImage(40, 300, testgen::code128Symbol(QStringLiteral("ORD-20240601-77"), 2, 60));
    p.drawImage(600, 400, testgen::qrSymbol(QStringLiteral("村站 3-2-1045"), 4));
    p.end();
    const auto results = decodeRaw(canvas, {});
    QVERIFY2(contains(results, QStringLiteral("Code128"), QStringLiteral("SF1385628716739")),
             qPrintable(describe(results)));
    QVERIFY2(contains(results, QStringLiteral("Code128"), QStringLiteral("ORD-20240601-77")),
             qPrintable(describe(results)));
    QVERIFY2(contains(results, QStringLiteral("QRCode"), QStringLiteral("村站 3-2-1045")),
             qPrintable(describe(results)));
    QCOMPARE(results.size(), 3);
}

void TstBarcode::tilted_data() {
    QTest::addColumn<double>("angle");
    QTest::addColumn<QSize>("size");
    for (const double angle : {20.0, 30.0, 45.0, -20.0, -30.0, -45.0, 60.0})
        for (const QSize size : {QSize(640, 480), QSize(1920, 1080)})
            QTest::addRow("%g deg %dx%d", angle, size.width(), size.height()) << angle << size;
}

void TstBarcode::tilted() {
    QFETCH(double, angle);
    QFETCH(QSize, size);
    const QString text = QStringLiteral("SF1385628716739");
    const int module = size.width() >= 1920 ? 3 : 2;
    const QImage symbol = testgen::code128Symbol(text, module, 35 * module);
    testgen::Look look;
    look.angle = angle;
    const QImage frame = testgen::frame(size, symbol, look);
    const auto raw = decodeRaw(frame, {});
    const auto results = decode(frame, unhurried());
    qInfo("tilt %g°: decodeRaw %s; decode %s", angle, qPrintable(describe(raw)),
          qPrintable(describe(results)));
    QVERIFY2(contains(results, QStringLiteral("Code128"), text), qPrintable(describe(results)));
    QCOMPARE(results.size(), 1);
    if (raw.isEmpty())
        QVERIFY(results.first().pass > 0);
    // The position maps back to the frame: its centre is near the frame centre where the symbol was drawn.
    const QPointF centre = results.first().position.boundingRect().center();
    QVERIFY2(QLineF(centre, QPointF(size.width() / 2.0, size.height() / 2.0)).length() < symbol.width() / 4.0,
             qPrintable(QStringLiteral("centre %1,%2").arg(centre.x()).arg(centre.y())));
}

void TstBarcode::blurred() {
    const QString text = QStringLiteral("YT764306505052");
    int rawFound = 0;
    for (const double sigma : {1.2, 1.5, 1.8}) {
        testgen::Look look;
        look.blurSigma = sigma;
        const QImage frame = testgen::frame({640, 480}, testgen::code128Symbol(text, 3, 90), look);
        const auto raw = decodeRaw(frame, {});
        rawFound += contains(raw, QStringLiteral("Code128"), text) ? 1 : 0;
        const auto results = decode(frame, unhurried());
        qInfo("blur sigma %g: decodeRaw %s; decode %s", sigma, qPrintable(describe(raw)),
              qPrintable(describe(results)));
        QVERIFY2(contains(results, QStringLiteral("Code128"), text), qPrintable(describe(results)));
    }
    qInfo("decodeRaw read %d of 3 blurred frames", rawFound);
}

void TstBarcode::lowContrast() {
    const QString code = QStringLiteral("JT0012345678901");
    const QString qr = QStringLiteral("村站 3-2-1045");
    for (const double noise : {0.0, 6.0}) {
        testgen::Look look;
        look.dark = 100;
        look.light = 150;
        look.noiseSigma = noise;
        look.angle = 3;
        const QImage linear = testgen::frame({1280, 720}, testgen::code128Symbol(code, 3, 100), look);
        const QImage matrix = testgen::frame({1280, 720}, testgen::qrSymbol(qr, 5), look);
        const auto rawLinear = decodeRaw(linear, {});
        const auto rawMatrix = decodeRaw(matrix, {});
        const auto linearResults = decode(linear, unhurried());
        const auto matrixResults = decode(matrix, unhurried());
        qInfo("grey 100 on 150, noise %g: decodeRaw %s / %s; decode %s / %s", noise,
              qPrintable(describe(rawLinear)), qPrintable(describe(rawMatrix)),
              qPrintable(describe(linearResults)), qPrintable(describe(matrixResults)));
        QVERIFY2(contains(linearResults, QStringLiteral("Code128"), code),
                 qPrintable(describe(linearResults)));
        QVERIFY2(contains(matrixResults, QStringLiteral("QRCode"), qr), qPrintable(describe(matrixResults)));
    }
}

void TstBarcode::noCode_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<unsigned>("seed");
    for (const QString& kind : QStringList{"noise", "text", "bars", "scene"})
        for (const QSize size : {QSize(640, 480), QSize(1920, 1080)})
            for (unsigned seed : {1u, 2u, 3u})
                QTest::addRow("%s %dx%d #%u", qPrintable(kind), size.width(), size.height(), seed)
                    << kind << size << seed;
}

void TstBarcode::noCode() {
    QFETCH(QString, kind);
    QFETCH(QSize, size);
    QFETCH(unsigned, seed);
    const QImage frame = kind == u"noise"  ? testgen::noiseFrame(size, seed)
                         : kind == u"text" ? testgen::textFrame(size, seed)
                         : kind == u"bars" ? testgen::barsFrame(size, seed)
                                           : testgen::sceneFrame(size, seed);
    QVERIFY(!frame.isNull());
    const auto results = decode(frame, unhurried());
    QVERIFY2(results.isEmpty(), qPrintable(describe(results)));
    QVERIFY2(decodeRaw(frame, {}).isEmpty(), qPrintable(describe(decodeRaw(frame, {}))));
}

void TstBarcode::formatRestriction() {
    const QImage frame = testgen::frame({640, 480}, testgen::qrSymbol(QStringLiteral("村站"), 4), {});
    QVERIFY(decode(frame, unhurried(QStringList{"Code128"})).isEmpty());
    QVERIFY(decode(frame, unhurried(QStringList{"NoSuchFormat"})).isEmpty());
    QCOMPARE(decode(frame, unhurried(QStringList{"QRCode"})).size(), 1);
    QCOMPARE(decode(frame, unhurried(QStringList{"qr_code", "EAN-13"})).size(), 1);
    const QImage linear =
        testgen::frame({640, 480}, testgen::code128Symbol(QStringLiteral("YT1"), 3, 90), {});
    QVERIFY(decodeRaw(linear, {QStringList{"QRCode", "EAN-13"}}).isEmpty());
    QCOMPARE(decodeRaw(linear, {QStringList{"code128"}}).size(), 1);
}

void TstBarcode::enhanceOffAndZeroBudget() {
    testgen::Look look;
    look.angle = 30;
    const QString text = QStringLiteral("YT764306505052");
    const QImage frame = testgen::frame({640, 480}, testgen::code128Symbol(text, 2, 60), look);
    QVERIFY2(decodeRaw(frame, {}).isEmpty(), "this frame is meant to need a rotation pass");
    DecodeOptions off;
    off.enhance = false;
    QVERIFY(decode(frame, off).isEmpty());
    DecodeOptions noBudget;
    noBudget.budgetMs = 0;
    QVERIFY(decode(frame, noBudget).isEmpty());
    QVERIFY(contains(decode(frame, unhurried()), QStringLiteral("Code128"), text));
}

QTEST_MAIN(TstBarcode)
#include "tst_barcode.moc"
