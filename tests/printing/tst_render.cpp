// Renderers: raster sizes at 203 dpi, barcode round trips through cz::barcode::decode, PDF text via
// pdftotext.
#include "barcode.h"
#include "documents.h"
#include "pdf.h"
#include "sampleprint.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace cz::print;

namespace {

bool hasInk(const QImage& img, const QRect& r) {
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            if (qGray(img.pixel(x, y)) < 128)
                return true;
    return false;
}

// Qt's PDF writer maps a glyph back to the lowest code point that uses it; Noto Sans CJK shares some Han
// glyphs with CJK radicals (民 with ⺠), so extracted text shows the radical. Fold those back.
QString foldRadicals(QString s) {
    static const std::pair<char16_t, char16_t> map[] = {
        {0x2E9F, 0x6BCD}, {0x2EA0, 0x6C11}, {0x2EC4, 0x897F}, {0x2EC5, 0x89C1}, {0x2EC6, 0x89D2},
        {0x2ECB, 0x8F66}, {0x2ED3, 0x9577}, {0x2ED4, 0x95E8}, {0x2ED8, 0x9752}, {0x2EDA, 0x9875},
        {0x2EDB, 0x98CE}, {0x2EDC, 0x98DE}, {0x2EDD, 0x98DF}, {0x2EE2, 0x9A6C}, {0x2EE4, 0x9B3C},
        {0x2EE9, 0x9EC4}, {0x2EF0, 0x9F99}};
    for (const auto& [radical, han] : map)
        s.replace(QChar(radical), QChar(han));
    return s.normalized(QString::NormalizationForm_KC);
}

QString pdfText(const QString& path) {
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
    if (!p.waitForFinished(20000) || p.exitCode() != 0)
        return {};
    return foldRadicals(QString::fromUtf8(p.readAllStandardOutput()));
}

QStringList texts(const QList<cz::barcode::Decoded>& found, const QString& format) {
    QStringList out;
    for (const auto& d : found)
        if (d.format == format)
            out.append(d.text);
    return out;
}

} // namespace

class TestRender : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        // CZ_KEEP_OUTPUT=1 keeps the PDFs for a look.
        if (qEnvironmentVariableIsSet("CZ_KEEP_OUTPUT")) {
            m_dir.setAutoRemove(false);
            qInfo("output in %s", qPrintable(m_dir.path()));
        }
    }
    void slipSizes_data();
    void slipSizes();
    void slipQrRoundTrip();
    void labelSizes_data();
    void labelSizes();
    void labelBarcodesRoundTrip();
    void labelMasksPeople();
    void shelfLabel();
    void arrivalListPages();
    void arrivalListPdfText();
    void manifestPdf();
    void pdfOfLabelHasPageSize();

private:
    QTemporaryDir m_dir;
};

void TestRender::slipSizes_data() {
    QTest::addColumn<int>("paper");
    QTest::addColumn<int>("width");
    QTest::newRow("58mm") << int(SlipPaper::Mm58) << 384;
    QTest::newRow("80mm") << int(SlipPaper::Mm80) << 576;
}

void TestRender::slipSizes() {
    QFETCH(int, paper);
    QFETCH(int, width);
    const Document doc =
        pickupSlip({QStringLiteral("张庄村便民服务站"), cz::test::sampleParcel(7, QStringLiteral("3"), 2), 3},
                   SlipPaper(paper));
    const QImage img = renderPage(doc);
    QCOMPARE(img.width(), width);
    QVERIFY(img.height() > 600 && img.height() < 1400);
    QVERIFY(hasInk(img, QRect(0, 0, img.width(), img.height() / 4)));
    QVERIFY(doc.media.startsWith(paper == int(SlipPaper::Mm58) ? u"Custom.58x" : u"Custom.80x"));
}

void TestRender::slipQrRoundTrip() {
    const cz::Parcel p = cz::test::sampleParcel(15, QStringLiteral("A"), 1);
    const QImage img = renderPage(pickupSlip({QStringLiteral("服务站"), p, 3}));
    const auto found = cz::barcode::decode(img);
    QVERIFY2(texts(found, QStringLiteral("QRCode")).contains(p.pickupCode), qPrintable(p.pickupCode));
}

void TestRender::labelSizes_data() {
    QTest::addColumn<int>("size");
    QTest::addColumn<QSize>("dots");
    QTest::newRow("76x130") << int(LabelSize::Mm76x130) << QSize(608, 1040);
    QTest::newRow("100x150") << int(LabelSize::Mm100x150) << QSize(800, 1200);
}

void TestRender::labelSizes() {
    QFETCH(int, size);
    QFETCH(QSize, dots);
    QElapsedTimer t;
    t.start();
    const QImage img = renderPage(waybillLabel(cz::test::sampleLabel(), LabelSize(size)));
    qInfo("label %dx%d rendered at 203 dpi in %lld ms", img.width(), img.height(), t.elapsed());
    QVERIFY(qAbs(img.width() - dots.width()) <= 1);
    QVERIFY(qAbs(img.height() - dots.height()) <= 1);
}

void TestRender::labelBarcodesRoundTrip() {
    const LabelData d = cz::test::sampleLabel();
    const QImage img = renderPage(waybillLabel(d));
    // Code 128 zone (top) and QR zone (lower left) decoded separately, as a scanner would see them.
    const QImage top = img.copy(0, 0, img.width(), img.height() / 5);
    const auto code = cz::barcode::decode(top);
    QVERIFY2(texts(code, QStringLiteral("Code128")).contains(d.waybill), "Code 128 not read back");
    const auto all = cz::barcode::decode(img);
    QVERIFY2(texts(all, QStringLiteral("QRCode")).contains(d.waybill), "QR not read back");

    // The bars are whole dots: the bar image has only black and white pixels in the barcode rows.
    const int y = img.height() / 10;
    int grey = 0;
    for (int x = 0; x < img.width(); ++x) {
        const int g = qGray(img.pixel(x, y));
        if (g != 0 && g != 255)
            ++grey;
    }
    QCOMPARE(grey, 0);
}

void TestRender::labelMasksPeople() {
    const QString dir = m_dir.path();
    QVERIFY(printToPdf(waybillLabel(cz::test::sampleLabel()), dir + "/label.pdf"));
    const QString text = pdfText(dir + "/label.pdf");
    QVERIFY2(text.contains(u"138****5678"), qPrintable(text));
    QVERIFY(text.contains(u"159****4321"));
    QVERIFY(!text.contains(u"13812345678"));
    QVERIFY(!text.contains(u"15987654321"));
    QVERIFY(!text.contains(u"李小明"));
    QVERIFY(text.contains(u"李*明"));
    QVERIFY(text.contains(u"顺丰速运"));
}

void TestRender::shelfLabel() {
    const QImage img = renderPage(cz::print::shelfLabel(QStringLiteral("3-2")));
    QCOMPARE(img.width(), 480);
    QCOMPARE(img.height(), 320);
    QVERIFY(texts(cz::barcode::decode(img), QStringLiteral("Code128")).contains(u"3-2"));
}

void TestRender::arrivalListPages() {
    ArrivalListData data{QStringLiteral("张庄村便民服务站"), QDate(2026, 11, 28), {}};
    for (int i = 0; i < 80; ++i)
        data.parcels.append(cz::test::sampleParcel(i, QString::number(1 + i % 3), 1 + i % 4));
    const Document doc = arrivalList(data);
    QVERIFY(doc.pages >= 3);
    QCOMPARE(doc.media, u"A4");
    const QImage first = renderPage(doc, 0, 100);
    QCOMPARE(first.size(), QSize(827, 1169));
    QVERIFY(renderPage(doc, doc.pages).isNull());
}

void TestRender::arrivalListPdfText() {
    ArrivalListData data{QStringLiteral("张庄村便民服务站"), QDate(2026, 11, 28), {}};
    for (int i = 0; i < 50; ++i)
        data.parcels.append(cz::test::sampleParcel(i, QString::number(1 + i % 2), 1 + i % 3));
    const QString path = m_dir.path() + "/arrivals.pdf";
    QElapsedTimer t;
    t.start();
    QVERIFY(printToPdf(arrivalList(data), path));
    qInfo("arrival list (50 parcels) PDF in %lld ms", t.elapsed());
    const QString text = pdfText(path);
    QVERIFY2(text.contains(u"张庄村便民服务站"), qPrintable(text.left(400)));
    QVERIFY(text.contains(u"2026-11-28"));
    const cz::Parcel p = data.parcels.at(17);
    QVERIFY(text.contains(p.pickupCode));
    QVERIFY(text.contains(p.maskedPhone()));
    for (const cz::Parcel& q : data.parcels)
        QVERIFY2(!text.contains(q.phone), qPrintable(q.phone));
    QVERIFY(!text.contains(u"欧阳明华"));
    QVERIFY(text.contains(u"欧**华"));
    QVERIFY(text.contains(u"Page 2 of 2"));
}

void TestRender::manifestPdf() {
    const QString path = m_dir.path() + "/manifest.pdf";
    const auto m = cz::test::sampleManifest();
    const Document doc = manifest(m);
    QVERIFY(printToPdf(doc, path));
    const QString text = pdfText(path);
    QVERIFY2(text.contains(u"中通快递: 24"), qPrintable(text.left(800)));
    QVERIFY(text.contains(u"韵达快递: 12"));
    QVERIFY(text.contains(u"赵*傅"));
    QVERIFY(text.contains(m.bags[1].bagNo));
    // Bag number Code 128 readable on the raster of page 1.
    const QImage page = renderPage(doc, 0);
    QVERIFY(texts(cz::barcode::decode(page), QStringLiteral("Code128")).contains(m.bags[0].bagNo));
}

void TestRender::pdfOfLabelHasPageSize() {
    const QString path = m_dir.path() + "/size.pdf";
    QVERIFY(printToPdf(waybillLabel(cz::test::sampleLabel(), LabelSize::Mm100x150), path));
    QProcess p;
    p.start(QStringLiteral("pdfinfo"), {path});
    QVERIFY(p.waitForFinished(10000));
    const QString info = QString::fromUtf8(p.readAllStandardOutput());
    // 100 × 150 mm = 283.46 × 425.2 pt; Qt writes whole points
    QVERIFY2(info.contains(u"283 x 425 pts"), qPrintable(info));
}

QTEST_MAIN(TestRender)
#include "tst_render.moc"
