// ESC/POS, ZPL and TSPL encodings compared byte by byte with goldens worked out by hand on a tiny image.
#include "rawlang.h"

#include <QtTest>

using namespace cz::print;

namespace {

// 10 × 2 dots: bytesPerRow 2, six padding bits per row.
//   row 0: x 0..3 black, x 9 black        -> 1111 0000 | 01.. .... = F0 40
//   row 1: x 0, 7, 8 black, x 4 dark grey  -> 1000 1001 | 1... .... = 89 80
//   x 5 of row 1 light grey (200) stays white.
QImage tiny() {
    QImage img(10, 2, QImage::Format_RGB32);
    img.fill(Qt::white);
    for (int x : {0, 1, 2, 3, 9})
        img.setPixel(x, 0, qRgb(0, 0, 0));
    for (int x : {0, 7, 8})
        img.setPixel(x, 1, qRgb(0, 0, 0));
    img.setPixel(4, 1, qRgb(100, 100, 100));
    img.setPixel(5, 1, qRgb(200, 200, 200));
    return img;
}

QByteArray bytes(std::initializer_list<int> values) {
    QByteArray out;
    for (int v : values)
        out.append(static_cast<char>(v));
    return out;
}

} // namespace

class TestRawLang : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void mono() {
        const MonoBitmap m = toMono(tiny());
        QCOMPARE(m.width, 10);
        QCOMPARE(m.height, 2);
        QCOMPARE(m.bytesPerRow, 2);
        QCOMPARE(m.bits, bytes({0xF0, 0x40, 0x89, 0x80}));
    }

    void transparentIsWhite() {
        QImage img(8, 1, QImage::Format_ARGB32);
        img.fill(Qt::transparent);
        img.setPixel(0, 0, qRgba(0, 0, 0, 255));
        QCOMPARE(toMono(img).bits, bytes({0x80}));
    }

    void escPos() {
        const QByteArray expected =
            bytes({0x1B, 0x40,                                     // ESC @
                   0x1D, 0x76, 0x30, 0x00, 0x02, 0x00, 0x02, 0x00, // GS v 0, 2 B × 2 rows
                   0xF0, 0x40, 0x89, 0x80,                         // bits
                   0x1B, 0x64, 0x04,                               // ESC d 4
                   0x1D, 0x56, 0x42, 0x00});                       // GS V 66 0
        QCOMPARE(escPosRaster(tiny()).toHex(' '), expected.toHex(' '));
        QCOMPARE(escPosRaster(tiny(), {128, 0, false}), expected.left(14));
    }

    void escPosBands() {
        QImage img(16, 300, QImage::Format_RGB32);
        img.fill(Qt::black);
        const QByteArray out = escPosRaster(img, {128, 0, false});
        // init + (8 + 256*2) + (8 + 44*2)
        QCOMPARE(out.size(), 2 + 8 + 512 + 8 + 88);
        QCOMPARE(out.mid(2, 8), bytes({0x1D, 0x76, 0x30, 0x00, 0x02, 0x00, 0x00, 0x01}));
        QCOMPARE(out.mid(2 + 8 + 512, 8), bytes({0x1D, 0x76, 0x30, 0x00, 0x02, 0x00, 44, 0x00}));
    }

    void zpl() {
        QCOMPARE(zplGraphic(tiny()), QByteArray("^XA\n^PW10\n^LL2\n^FO0,0^GFA,4,4,2,F0408980^FS\n^XZ\n"));
    }

    void tspl() {
        const QByteArray expected = QByteArray("SIZE 76 mm,130 mm\r\nGAP 2 mm,0 mm\r\nDIRECTION 0\r\nCLS\r\n"
                                               "BITMAP 0,0,2,2,0,") +
                                    bytes({0x0F, 0xBF, 0x76, 0x7F}) + QByteArray("\r\nPRINT 1,1\r\n");
        QCOMPARE(tsplBitmap(tiny(), QSizeF(76, 130)), expected);
        QVERIFY(
            tsplBitmap(tiny(), QSizeF(58, 40.5), 3).startsWith("SIZE 58 mm,40.5 mm\r\nGAP 3 mm,0 mm\r\n"));
    }
};

QTEST_MAIN(TestRawLang)
#include "tst_rawlang.moc"
