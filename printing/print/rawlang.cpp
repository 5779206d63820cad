// ESC/POS, ZPL and TSPL encodings of a rendered page (Chinese printed as a bitmap).
#include "rawlang.h"

#include <QPainter>
#include <algorithm>

namespace cz::print {

namespace {

char lowByte(int v) {
    return static_cast<char>(v & 0xff);
}
char highByte(int v) {
    return static_cast<char>((v >> 8) & 0xff);
}

QByteArray number(double v) {
    return QByteArray::number(v, 'g', 6);
}

} // namespace

MonoBitmap toMono(const QImage& image, int threshold) {
    MonoBitmap out;
    if (image.isNull())
        return out;
    QImage flat = image;
    if (image.hasAlphaChannel()) {
        flat = QImage(image.size(), QImage::Format_RGB32);
        flat.fill(Qt::white);
        QPainter p(&flat);
        p.drawImage(0, 0, image);
    }
    const QImage grey = flat.convertToFormat(QImage::Format_Grayscale8);
    out.width = grey.width();
    out.height = grey.height();
    out.bytesPerRow = (out.width + 7) / 8;
    out.bits = QByteArray(qsizetype(out.bytesPerRow) * out.height, '\0');
    auto* dst = reinterpret_cast<uchar*>(out.bits.data());
    for (int y = 0; y < out.height; ++y) {
        const uchar* row = grey.constScanLine(y);
        uchar* drow = dst + qsizetype(y) * out.bytesPerRow;
        for (int x = 0; x < out.width; ++x) {
            if (row[x] < threshold)
                drow[x >> 3] = static_cast<uchar>(drow[x >> 3] | (0x80 >> (x & 7)));
        }
    }
    return out;
}

QByteArray escPosRaster(const QImage& image, const EscPosOptions& options) {
    const MonoBitmap mono = toMono(image, options.threshold);
    QByteArray out("\x1b\x40", 2); // ESC @
    for (int y0 = 0; y0 < mono.height; y0 += kEscPosBandRows) {
        const int rows = std::min(kEscPosBandRows, mono.height - y0);
        const char head[] = {
            '\x1d',        'v',           '0', '\0', lowByte(mono.bytesPerRow), highByte(mono.bytesPerRow),
            lowByte(rows), highByte(rows)};
        out.append(head, sizeof head);
        out.append(mono.bits.mid(qsizetype(y0) * mono.bytesPerRow, qsizetype(rows) * mono.bytesPerRow));
    }
    if (options.feedLines > 0) {
        const char feed[] = {'\x1b', 'd', static_cast<char>(std::clamp(options.feedLines, 0, 255))};
        out.append(feed, sizeof feed);
    }
    if (options.cut)
        out.append("\x1d\x56\x42\x00", 4); // GS V 66 0
    return out;
}

QByteArray zplGraphic(const QImage& image, int threshold) {
    const MonoBitmap mono = toMono(image, threshold);
    const QByteArray total = QByteArray::number(mono.bits.size());
    QByteArray out;
    out += "^XA\n";
    out += "^PW" + QByteArray::number(mono.width) + '\n';
    out += "^LL" + QByteArray::number(mono.height) + '\n';
    out += "^FO0,0^GFA," + total + ',' + total + ',' + QByteArray::number(mono.bytesPerRow) + ',';
    out += mono.bits.toHex().toUpper();
    out += "^FS\n";
    out += "^XZ\n";
    return out;
}

QByteArray tsplBitmap(const QImage& image, QSizeF labelMm, double gapMm, int threshold) {
    MonoBitmap mono = toMono(image, threshold);
    for (char& b : mono.bits)
        b = static_cast<char>(~b);
    QByteArray out;
    out += "SIZE " + number(labelMm.width()) + " mm," + number(labelMm.height()) + " mm\r\n";
    out += "GAP " + number(gapMm) + " mm,0 mm\r\n";
    out += "DIRECTION 0\r\n";
    out += "CLS\r\n";
    out +=
        "BITMAP 0,0," + QByteArray::number(mono.bytesPerRow) + ',' + QByteArray::number(mono.height) + ",0,";
    out += mono.bits;
    out += "\r\nPRINT 1,1\r\n";
    return out;
}

} // namespace cz::print
