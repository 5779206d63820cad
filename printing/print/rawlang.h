// Raw printer languages for receipt and label printers that have no Chinese fonts: the rendered page is
// thresholded to 1 bit and sent as a bitmap. Pure functions, byte-exact (tests compare goldens).
#pragma once

#include <QByteArray>
#include <QImage>
#include <QSizeF>

namespace cz::print {

// A page as 1-bit rows: bytesPerRow = ceil(width / 8), most significant bit = leftmost dot, 1 = dark
// (grey < threshold after compositing over white), padding bits 0 (white).
struct MonoBitmap {
    int width = 0;
    int height = 0;
    int bytesPerRow = 0;
    QByteArray bits;
};

[[nodiscard]] MonoBitmap toMono(const QImage& image, int threshold = 128);

// ESC/POS: ESC @ (init), then GS v 0 raster bit images in bands of at most kEscPosBandRows rows,
// ESC d feedLines, and GS V 66 0 (feed to the cutter and cut) when cut is set.
constexpr int kEscPosBandRows = 256;
struct EscPosOptions {
    int threshold = 128;
    int feedLines = 4;
    bool cut = true;
};
[[nodiscard]] QByteArray escPosRaster(const QImage& image, const EscPosOptions& options = {});

// ZPL II: ^XA ^PW<width> ^LL<height> ^FO0,0^GFA,<total>,<total>,<bytesPerRow>,<HEX>^FS ^XZ, one command per
// line; ^GF bits: 1 = black.
[[nodiscard]] QByteArray zplGraphic(const QImage& image, int threshold = 128);

// TSPL: SIZE w mm,h mm / GAP g mm,0 mm / DIRECTION 0 / CLS / BITMAP 0,0,<bytesPerRow>,<height>,0,<binary> /
// PRINT 1,1, lines ended by CR LF. TSPL bitmap bits are 0 = black, so the 1-bit rows are inverted
// (padding bits stay white = 1).
[[nodiscard]] QByteArray tsplBitmap(const QImage& image, QSizeF labelMm, double gapMm = 2.0,
                                    int threshold = 128);

} // namespace cz::print
