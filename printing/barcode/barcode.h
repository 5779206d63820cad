// The one adapter over ZXing-cpp (Debian 12 ships 1.4.0): decoding camera and scanner frames, and
// encoding the Code 128 and QR symbols the label renderer prints. No ZXing type leaks out of
// barcode.cpp, so moving to ZXing 2.x (ReaderOptions, UTF-8 text) touches that one file only.
#pragma once

#include <QImage>
#include <QList>
#include <QPolygonF>
#include <QString>
#include <QStringList>

namespace cz::barcode {

struct Decoded {
    // ZXing's format name: "Code128", "Code39", "EAN-13", "EAN-8", "UPC-A", "ITF", "QRCode", "DataMatrix",
    // "PDF417".
    QString format;
    QString text;       // content as UTF-8 decoded text
    QPolygonF position; // the symbol's corners in the input image's pixel coordinates
    int pass = 0;       // 0 = plain ZXing found it, > 0 = the preprocessing pass that did (see passName())
};

struct DecodeOptions {
    // Format names as in Decoded::format (case, '-' and '_' do not matter). Empty = the formats a station
    // meets: Code128, Code39, EAN-13, EAN-8, UPC-A, ITF, QRCode, DataMatrix, PDF417. Unknown names are
    // ignored; if no name is known, nothing is decoded.
    QStringList formats;
    // Time decode() may spend on preprocessing passes after the plain attempt failed. A pass is only started
    // while the budget lasts, so the worst case is plain + budget + one pass.
    int budgetMs = 150;
    bool enhance = true; // false: decode() == decodeRaw()
};

// Plain ZXing: formats restricted, 90° rotations tried, ZXing's own downscaling off (it aborts on some large
// frames in Debian's build). Any QImage format; converted to 8-bit grey.
[[nodiscard]] QList<Decoded> decodeRaw(const QImage& image, const DecodeOptions& options = {});

// decodeRaw(), and when it finds nothing, preprocessing passes within the budget: contrast stretch,
// half-size averaging (large frames) or a denoising blur (small ones), unsharp masking, rotations by
// ±15..45° (ZXing 1.4 only rotates by 90° for linear codes), a local-mean threshold. Returns what the
// first successful pass found; only results ZXing validated are kept, and Code39 / ITF (no mandatory
// check digit) and EAN/UPC (one mod-10 digit) found by a pass must be confirmed by a second pass. Results are
// unique by format + text.
[[nodiscard]] QList<Decoded> decode(const QImage& image, const DecodeOptions& options = {});

// Short name of a pass number from Decoded::pass ("plain", "stretch", "rotate+30", ...), for logs.
[[nodiscard]] QString passName(int pass);

// Quiet zones the encoders leave to the caller (the images below have none): place the symbol with this many
// modules of white on each side (Code 128: left and right; QR: all four sides).
inline constexpr int kCode128QuietZoneModules = 10;
inline constexpr int kQrQuietZoneModules = 4;

// Code 128 (ASCII text) as a Format_Grayscale8 image of exactly 0 (bar) and 255 (space) pixels: every module
// is moduleDots pixels wide, the image heightDots tall, no quiet zone, no text line. Meant to be drawn at one
// image pixel per printer dot. On error (empty or non-ASCII text, moduleDots or heightDots < 1) returns a
// null QImage and, if error is given, a translated message.
[[nodiscard]] QImage encodeCode128(const QString& text, int moduleDots, int heightDots,
                                   QString* error = nullptr);

// QR code, error correction level M, text encoded as UTF-8 (with an ECI designator, so Chinese decodes
// everywhere): Format_Grayscale8, 0/255, each module moduleDots × moduleDots pixels, no quiet zone. Errors as
// for encodeCode128 (empty text, too long for a QR code, moduleDots < 1).
[[nodiscard]] QImage encodeQr(const QString& utf8Text, int moduleDots, QString* error = nullptr);

} // namespace cz::barcode
