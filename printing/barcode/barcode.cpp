// ZXing-cpp 1.4 behind cz::barcode (barcode.h): decoding with cheap preprocessing passes, and the label
// encoders. The only file of the project that includes a ZXing header.
#include "barcode.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QPainter>
#include <QTransform>
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <exception>
#include <string>
#include <vector>

// 1.4's Result::text() returns std::wstring unless this is defined first (2.x always returns UTF-8).
#define ZX_USE_UTF8 1
#include <ZXing/BarcodeFormat.h>
#include <ZXing/BitMatrix.h>
#include <ZXing/CharacterSet.h>
#include <ZXing/DecodeHints.h>
#include <ZXing/ImageView.h>
#include <ZXing/MultiFormatWriter.h>
#include <ZXing/ReadBarcode.h>

namespace cz::barcode {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("cz::barcode", text);
}

// Pass numbers (Decoded::pass). Rotation passes follow kFirstRotation in the order of kRotations.
enum Pass : int {
    Plain = 0,
    Stretch = 1,   // percentile contrast stretch (only when the frame's range is narrow)
    Half = 2,      // 2×2 averaging to half size (large frames)
    Denoise = 3,   // 3×3 binomial blur (small frames)
    Sharpen = 4,   // unsharp mask against slight blur
    Threshold = 5, // local-mean threshold against uneven light and shadows
    kFirstRotation = 6,
};

// ZXing 1.4 reads linear codes only along rows and columns (tryRotate = 90° steps). A row still crosses a
// whole linear symbol of usual proportions when it is tilted by up to about 12° (measured: up to 15° for a
// 14-character Code 128 with 40-module bars), so the first three angles cover every tilt modulo 90° (rotating
// by +45° also straightens -45°, which lands on 90°); the rest narrow the gaps for long, flat symbols.
constexpr std::array kRotations{45, -22, 22, -34, 34, -11, 11};

// Frames of at least this many pixels get a pass at half size (2×2 averages: cheap, denoises, and safe unlike
// ZXing's own downscaling), and from kHugeFramePixels on every later pass works at half size: a pass costs a
// quarter, and the symbols such frames carry have modules of several pixels.
constexpr qint64 kLargeFramePixels = 1200LL * 700LL;
constexpr qint64 kHugeFramePixels = 2560LL * 1440LL;

constexpr std::array kStationFormats{
    ZXing::BarcodeFormat::Code128, ZXing::BarcodeFormat::Code39,     ZXing::BarcodeFormat::EAN13,
    ZXing::BarcodeFormat::EAN8,    ZXing::BarcodeFormat::UPCA,       ZXing::BarcodeFormat::ITF,
    ZXing::BarcodeFormat::QRCode,  ZXing::BarcodeFormat::DataMatrix, ZXing::BarcodeFormat::PDF417,
};

ZXing::BarcodeFormats formatsFrom(const QStringList& names) {
    ZXing::BarcodeFormats formats;
    if (names.isEmpty()) {
        for (const auto format : kStationFormats)
            formats |= format;
        return formats;
    }
    for (const QString& name : names) {
        try {
            const auto format = ZXing::BarcodeFormatFromString(name.toStdString());
            if (format != ZXing::BarcodeFormat::None)
                formats |= format;
        } catch (const std::exception&) {
            // an unknown name is ignored, as documented
        }
    }
    return formats;
}

ZXing::DecodeHints hintsFor(ZXing::BarcodeFormats formats) {
    ZXing::DecodeHints hints;
    hints.setFormats(formats);
    hints.setTryHarder(true);
    hints.setTryRotate(true);
    // Debian keeps asserts on, and the downscale pass aborts the process on some frames >= 1920×1080.
    hints.setTryDownscale(false);
    return hints;
}

QImage toGray(const QImage& image) {
    if (image.isNull() || image.format() == QImage::Format_Grayscale8)
        return image;
    return image.convertToFormat(QImage::Format_Grayscale8);
}

// Code39 and ITF carry no mandatory check digit, EAN/UPC a single mod-10 digit: on random bars (text, a
// barcode-like pattern) the many passes would now and then produce one. A read of these formats that only a
// preprocessing pass produced must be seen by a second pass before it is believed.
bool hasWeakCheck(ZXing::BarcodeFormat format) {
    using F = ZXing::BarcodeFormat;
    return format == F::Code39 || format == F::ITF || format == F::EAN13 || format == F::EAN8 ||
           format == F::UPCA || format == F::UPCE;
}

struct Found {
    ZXing::BarcodeFormat format;
    Decoded decoded;
};

void addUnique(std::vector<Found>& found, Found f) {
    const bool duplicate = std::any_of(found.begin(), found.end(), [&](const Found& other) {
        return other.decoded.format == f.decoded.format && other.decoded.text == f.decoded.text;
    });
    if (!duplicate)
        found.push_back(std::move(f));
}

std::vector<ZXing::Result> readZXing(const QImage& gray, const ZXing::DecodeHints& hints) {
    const ZXing::ImageView view(gray.constBits(), gray.width(), gray.height(), ZXing::ImageFormat::Lum,
                                static_cast<int>(gray.bytesPerLine()));
    try {
        return ZXing::ReadBarcodes(view, hints);
    } catch (const std::exception&) {
        return {}; // ZXing reports no errors by exception while reading; should one escape, nothing was read
    }
}

// Whites out the area of a linear symbol ZXing found: its position spans the scan lines that decoded, so the
// box is widened along the symbol and across it by `across` times the symbol length on each side.
void maskLinear(QImage& gray, const ZXing::Result& result, double across) {
    const auto& q = result.position();
    const QPointF tl(q.topLeft().x, q.topLeft().y);
    const QPointF tr(q.topRight().x, q.topRight().y);
    const QPointF br(q.bottomRight().x, q.bottomRight().y);
    const QPointF bl(q.bottomLeft().x, q.bottomLeft().y);
    const QPointF start = (tl + bl) / 2;
    const QPointF end = (tr + br) / 2;
    const QPointF along = end - start;
    const double length = std::max(1.0, std::hypot(along.x(), along.y()));
    const QPointF u = along / length;
    const QPointF n(-u.y(), u.x());
    const double half = std::hypot(bl.x() - tl.x(), bl.y() - tl.y()) / 2 + across * length;
    const QPointF a = start - u * (0.1 * length);
    const QPointF b = end + u * (0.1 * length);
    QPainter painter(&gray);
    painter.setPen(Qt::NoPen);
    painter.setBrush(Qt::white);
    painter.drawPolygon(QPolygonF{a + n * half, b + n * half, b - n * half, a - n * half});
}

// One read of a grey image; positions are mapped back to the caller's frame by `toFrame`.
//
// Debian's ZXing 1.4 keeps asserts on, and ReadBarcodes aborts the process when one call yields two linear
// results with the same text (Result::operator== asserts lineCount() == 1): two copies of a waybill's Code
// 128 on one label, or one symbol found along rows and along columns. So matrix formats are read in one call,
// and linear ones one symbol per call (maxNumberOfSymbols = 1), whiting out each found symbol before looking
// for the next. Equality of texts is judged here, never by ZXing.
std::vector<Found> read(const QImage& gray, const ZXing::DecodeHints& hints, const QTransform& toFrame,
                        int pass) {
    constexpr int kMaxLinearSymbols = 4;
    constexpr int kMaxLinearCalls = 6;
    std::vector<Found> found;
    if (gray.isNull())
        return found;
    const auto toFound = [&](const ZXing::Result& result) {
        QPolygonF corners;
        for (const auto& point : result.position())
            corners << QPointF(point.x, point.y);
        return Found{result.format(),
                     Decoded{QString::fromLatin1(ZXing::ToString(result.format())),
                             QString::fromStdString(result.text()), toFrame.map(corners), pass}};
    };
    const auto matrixFormats = hints.formats() & ZXing::BarcodeFormat::MatrixCodes;
    const auto linearFormats = hints.formats() & ZXing::BarcodeFormat::LinearCodes;
    if (!matrixFormats.empty()) {
        auto matrixHints = hints;
        matrixHints.setFormats(matrixFormats);
        for (const auto& result : readZXing(gray, matrixHints))
            if (result.isValid())
                addUnique(found, toFound(result));
    }
    if (linearFormats.empty())
        return found;
    auto linearHints = hints;
    linearHints.setFormats(linearFormats);
    linearHints.setMaxNumberOfSymbols(1);
    QImage masked = gray; // shared until the first mask is drawn
    int linear = 0;
    for (int call = 0; call < kMaxLinearCalls && linear < kMaxLinearSymbols; ++call) {
        const auto results = readZXing(masked, linearHints);
        if (results.empty() || !results.front().isValid())
            break;
        const auto& result = results.front();
        const size_t before = found.size();
        addUnique(found, toFound(result));
        const bool again = found.size() == before; // the mask did not cover the whole symbol: widen it
        linear += again ? 0 : 1;
        if (linear >= kMaxLinearSymbols)
            break;
        if (masked.format() != QImage::Format_Grayscale8 || masked.constBits() == gray.constBits())
            masked = gray.copy();
        maskLinear(masked, result, again ? 0.5 : 0.15);
    }
    return found;
}

// --- preprocessing, all on Format_Grayscale8 ---------------------------------------------------------------

uchar clampByte(int v) {
    return static_cast<uchar>(std::clamp(v, 0, 255));
}

// Grey levels below which `lowFraction` and `highFraction` of the pixels lie.
std::pair<int, int> percentiles(const QImage& g, double lowFraction, double highFraction) {
    std::array<qint64, 256> histogram{};
    for (int y = 0; y < g.height(); y += 2) {
        const uchar* row = g.constScanLine(y);
        for (int x = 0; x < g.width(); x += 2)
            ++histogram[row[x]];
    }
    qint64 total = 0;
    for (const qint64 n : histogram)
        total += n;
    const auto lowCount = static_cast<qint64>(static_cast<double>(total) * lowFraction);
    const auto highCount = static_cast<qint64>(static_cast<double>(total) * highFraction);
    int low = 0;
    int high = 255;
    qint64 seen = 0;
    bool lowSet = false;
    for (int v = 0; v < 256; ++v) {
        seen += histogram[static_cast<size_t>(v)];
        if (!lowSet && seen > lowCount) {
            low = v;
            lowSet = true;
        }
        if (seen >= highCount) {
            high = v;
            break;
        }
    }
    return {low, high};
}

QImage mapLevels(const QImage& g, const std::array<uchar, 256>& lut) {
    QImage out(g.size(), QImage::Format_Grayscale8);
    for (int y = 0; y < g.height(); ++y) {
        const uchar* in = g.constScanLine(y);
        uchar* o = out.scanLine(y);
        for (int x = 0; x < g.width(); ++x)
            o[x] = lut[in[x]];
    }
    return out;
}

// Null when the frame already spans most of the grey range: the pass would only repeat the plain attempt.
QImage stretchContrast(const QImage& g) {
    const auto [low, high] = percentiles(g, 0.01, 0.99);
    if (high - low >= 160 || high - low < 8)
        return {};
    std::array<uchar, 256> lut{};
    for (int v = 0; v < 256; ++v)
        lut[static_cast<size_t>(v)] = clampByte((v - low) * 255 / (high - low));
    return mapLevels(g, lut);
}

QImage halve(const QImage& g) {
    QImage out(g.width() / 2, g.height() / 2, QImage::Format_Grayscale8);
    for (int y = 0; y < out.height(); ++y) {
        const uchar* a = g.constScanLine(2 * y);
        const uchar* b = g.constScanLine(2 * y + 1);
        uchar* o = out.scanLine(y);
        for (int x = 0; x < out.width(); ++x)
            o[x] = static_cast<uchar>((a[2 * x] + a[2 * x + 1] + b[2 * x] + b[2 * x + 1] + 2) / 4);
    }
    return out;
}

// Separable binomial blur with the given odd kernel ([1 2 1] or [1 4 6 4 1]), edges clamped.
template<size_t N> QImage binomialBlur(const QImage& g, const std::array<int, N>& kernel) {
    int sum = 0;
    for (const int k : kernel)
        sum += k;
    constexpr int r = static_cast<int>(N / 2);
    const int w = g.width();
    const int h = g.height();
    QImage tmp(g.size(), QImage::Format_Grayscale8);
    std::vector<uchar> padded(static_cast<size_t>(w + 2 * r)); // the row with its edge pixels repeated
    for (int y = 0; y < h; ++y) {
        const uchar* in = g.constScanLine(y);
        std::fill_n(padded.begin(), r, in[0]);
        std::copy_n(in, w, padded.begin() + r);
        std::fill_n(padded.begin() + r + w, r, in[w - 1]);
        uchar* o = tmp.scanLine(y);
        for (int x = 0; x < w; ++x) {
            const uchar* p = padded.data() + x;
            int acc = 0;
            for (size_t k = 0; k < N; ++k)
                acc += kernel[k] * p[k];
            o[x] = static_cast<uchar>((acc + sum / 2) / sum);
        }
    }
    QImage out(g.size(), QImage::Format_Grayscale8);
    std::array<const uchar*, N> rows{};
    std::vector<int> acc(static_cast<size_t>(w));
    for (int y = 0; y < h; ++y) {
        for (int i = -r; i <= r; ++i)
            rows[static_cast<size_t>(i + r)] = tmp.constScanLine(std::clamp(y + i, 0, h - 1));
        uchar* o = out.scanLine(y);
        std::fill(acc.begin(), acc.end(), 0);
        for (size_t k = 0; k < N; ++k)
            for (int x = 0; x < w; ++x)
                acc[static_cast<size_t>(x)] += kernel[k] * rows[k][x];
        for (int x = 0; x < w; ++x)
            o[x] = static_cast<uchar>((acc[static_cast<size_t>(x)] + sum / 2) / sum);
    }
    return out;
}

QImage unsharp(const QImage& g, int amountPercent) {
    const QImage blurred = binomialBlur(g, std::array{1, 4, 6, 4, 1});
    QImage out(g.size(), QImage::Format_Grayscale8);
    for (int y = 0; y < g.height(); ++y) {
        const uchar* in = g.constScanLine(y);
        const uchar* b = blurred.constScanLine(y);
        uchar* o = out.scanLine(y);
        for (int x = 0; x < g.width(); ++x)
            o[x] = clampByte(in[x] + (in[x] - b[x]) * amountPercent / 100);
    }
    return out;
}

// Black where a pixel is darker than the mean of its (2r+1)² neighbourhood by more than `offset`.
QImage localThreshold(const QImage& g, int radius, int offset) {
    const int w = g.width();
    const int h = g.height();
    const auto stride = static_cast<size_t>(w + 1);
    std::vector<qint64> integral(stride * static_cast<size_t>(h + 1), 0);
    for (int y = 0; y < h; ++y) {
        const uchar* in = g.constScanLine(y);
        qint64 rowSum = 0;
        for (int x = 0; x < w; ++x) {
            rowSum += in[x];
            integral[static_cast<size_t>(y + 1) * stride + static_cast<size_t>(x + 1)] =
                integral[static_cast<size_t>(y) * stride + static_cast<size_t>(x + 1)] + rowSum;
        }
    }
    const auto at = [&](int x, int y) {
        return integral[static_cast<size_t>(y) * stride + static_cast<size_t>(x)];
    };
    QImage out(g.size(), QImage::Format_Grayscale8);
    for (int y = 0; y < h; ++y) {
        const int y0 = std::max(0, y - radius);
        const int y1 = std::min(h, y + radius + 1);
        const uchar* in = g.constScanLine(y);
        uchar* o = out.scanLine(y);
        for (int x = 0; x < w; ++x) {
            const int x0 = std::max(0, x - radius);
            const int x1 = std::min(w, x + radius + 1);
            const qint64 area = static_cast<qint64>(x1 - x0) * (y1 - y0);
            const qint64 sum = at(x1, y1) - at(x0, y1) - at(x1, y0) + at(x0, y0);
            o[x] = static_cast<qint64>(in[x] + offset) * area < sum ? 0 : 255;
        }
    }
    return out;
}

// Rotation about the centre into a canvas that holds the whole frame, bilinear, outside filled white.
// `toRotated` receives the mapping from frame to rotated coordinates.
QImage rotate(const QImage& g, double degrees, QTransform* toRotated) {
    const double rad = degrees * M_PI / 180.0;
    const double c = std::abs(std::cos(rad));
    const double s = std::abs(std::sin(rad));
    const int w = g.width();
    const int h = g.height();
    const auto outW = static_cast<int>(std::ceil(w * c + h * s));
    const auto outH = static_cast<int>(std::ceil(w * s + h * c));
    const QTransform forward =
        QTransform().translate(outW / 2.0, outH / 2.0).rotate(degrees).translate(-w / 2.0, -h / 2.0);
    *toRotated = forward;
    const QTransform back = forward.inverted();
    QImage out(outW, outH, QImage::Format_Grayscale8);
    // Fixed point (16 fractional bits) stepping through the source along each output row.
    constexpr int kOne = 1 << 16;
    const auto fx = [](double v) { return static_cast<qint64>(std::llround(v * kOne)); };
    const qint64 dxStep = fx(back.m11());
    const qint64 dyStep = fx(back.m12());
    const qint64 xLimit = static_cast<qint64>(w - 1) * kOne; // bilinear reads x and x + 1
    const qint64 yLimit = static_cast<qint64>(h - 1) * kOne;
    const uchar* src = g.constBits();
    const auto stride = static_cast<qsizetype>(g.bytesPerLine());
    for (int y = 0; y < outH; ++y) {
        const QPointF start = back.map(QPointF(0.5, y + 0.5)) - QPointF(0.5, 0.5);
        const qint64 sx0 = fx(start.x());
        const qint64 sy0 = fx(start.y());
        const auto inside = [&](int x) {
            const qint64 sx = sx0 + x * dxStep;
            const qint64 sy = sy0 + x * dyStep;
            return sx >= 0 && sy >= 0 && sx < xLimit && sy < yLimit;
        };
        // The source positions along a row are on a line, so the inside part is one run [lo, hi): find it
        // from an estimate, then read without bounds checks.
        double lo = 0;
        double hi = outW;
        const auto narrow = [&](double s0, double step, double limit) {
            if (step == 0) {
                if (s0 < 0 || s0 >= limit)
                    hi = lo;
                return;
            }
            const double a = -s0 / step;
            const double b = (limit - s0) / step;
            lo = std::max(lo, std::min(a, b));
            hi = std::min(hi, std::max(a, b));
        };
        narrow(static_cast<double>(sx0), static_cast<double>(dxStep), static_cast<double>(xLimit));
        narrow(static_cast<double>(sy0), static_cast<double>(dyStep), static_cast<double>(yLimit));
        int x0 = std::clamp(static_cast<int>(std::floor(lo)) - 1, 0, outW);
        int x1 = std::clamp(static_cast<int>(std::ceil(hi)) + 1, x0, outW);
        while (x0 < x1 && !inside(x0))
            ++x0;
        while (x1 > x0 && !inside(x1 - 1))
            --x1;
        uchar* o = out.scanLine(y);
        std::fill(o, o + x0, uchar(255));
        std::fill(o + x1, o + outW, uchar(255));
        qint64 sx = sx0 + x0 * dxStep;
        qint64 sy = sy0 + x0 * dyStep;
        for (int x = x0; x < x1; ++x, sx += dxStep, sy += dyStep) {
            const auto ax = static_cast<int>((sx & (kOne - 1)) >> 8); // 8-bit weights
            const auto ay = static_cast<int>((sy & (kOne - 1)) >> 8);
            const uchar* r0 = src + (sy >> 16) * stride + (sx >> 16);
            const uchar* r1 = r0 + stride;
            const int top = r0[0] * (256 - ax) + r0[1] * ax;
            const int bottom = r1[0] * (256 - ax) + r1[1] * ax;
            o[x] = static_cast<uchar>((top * (256 - ay) + bottom * ay + (1 << 15)) >> 16);
        }
    }
    return out;
}

// The passes after a failed plain attempt, and what they found. Strong reads (formats with a check ZXing
// enforces) end the search; weak ones need a second pass to agree.
class Search {
public:
    Search(const ZXing::DecodeHints& hints, int budgetMs)
        : m_hints(hints)
        , m_budgetMs(budgetMs) {
        m_timer.start();
    }

    [[nodiscard]] bool goOn() const { return !m_done && m_timer.elapsed() < m_budgetMs; }

    void attempt(int pass, const QImage& image, const QTransform& frameToImage) {
        attempt(pass, image, frameToImage, m_hints);
    }

    void attempt(int pass, const QImage& image, const QTransform& frameToImage,
                 const ZXing::DecodeHints& hints) {
        if (!goOn() || image.isNull())
            return;
        for (auto& found : read(image, hints, frameToImage.inverted(), pass)) {
            auto same = std::find_if(m_candidates.begin(), m_candidates.end(), [&](const Candidate& c) {
                return c.decoded.format == found.decoded.format && c.decoded.text == found.decoded.text;
            });
            if (same != m_candidates.end())
                ++same->seen;
            else
                m_candidates.push_back({std::move(found.decoded), 1, !hasWeakCheck(found.format)});
        }
        m_done = std::any_of(m_candidates.begin(), m_candidates.end(),
                             [](const Candidate& c) { return c.trusted(); });
    }

    [[nodiscard]] QList<Decoded> results() const {
        QList<Decoded> out;
        for (const auto& c : m_candidates)
            if (c.trusted())
                out.append(c.decoded);
        return out;
    }

private:
    struct Candidate {
        Decoded decoded;
        int seen = 0;
        bool strong = false;
        [[nodiscard]] bool trusted() const { return strong || seen >= 2; }
    };

    ZXing::DecodeHints m_hints;
    int m_budgetMs;
    QElapsedTimer m_timer;
    std::vector<Candidate> m_candidates;
    bool m_done = false;
};

QList<Decoded> toList(std::vector<Found> found) {
    QList<Decoded> out;
    out.reserve(static_cast<qsizetype>(found.size()));
    for (auto& f : found)
        out.append(std::move(f.decoded));
    return out;
}

// Expands a one-pixel-per-module matrix by whole dots; 0 = set module (bar), 255 = space. A linear symbol
// (heightDots > 0) takes its single row heightDots times; a matrix symbol is scaled alike in both directions.
QImage expand(const ZXing::BitMatrix& matrix, int moduleDots, int heightDots) {
    const bool linear = heightDots > 0;
    const int rows = linear ? 1 : matrix.height();
    const int rowDots = linear ? heightDots : moduleDots;
    QImage out(matrix.width() * moduleDots, rows * rowDots, QImage::Format_Grayscale8);
    for (int my = 0; my < rows; ++my) {
        uchar* first = out.scanLine(my * rowDots);
        for (int mx = 0; mx < matrix.width(); ++mx)
            std::fill_n(first + mx * moduleDots, moduleDots, matrix.get(mx, my) ? uchar(0) : uchar(255));
        for (int k = 1; k < rowDots; ++k)
            std::copy_n(first, out.width(), out.scanLine(my * rowDots + k));
    }
    return out;
}

QImage fail(QString* error, const QString& message) {
    if (error)
        *error = message;
    return {};
}

} // namespace

QList<Decoded> decodeRaw(const QImage& image, const DecodeOptions& options) {
    const auto formats = formatsFrom(options.formats);
    if (formats.empty())
        return {};
    return toList(read(toGray(image), hintsFor(formats), QTransform(), Plain));
}

QList<Decoded> decode(const QImage& image, const DecodeOptions& options) {
    const auto formats = formatsFrom(options.formats);
    const QImage gray = toGray(image);
    if (formats.empty() || gray.isNull())
        return {};
    const auto hints = hintsFor(formats);
    auto plain = read(gray, hints, QTransform(), Plain);
    if (!plain.empty() || !options.enhance)
        return toList(std::move(plain));

    Search search(hints, options.budgetMs);
    // Matrix codes are found at any angle already; rotated passes look for the linear formats only.
    auto linearHints = hints;
    linearHints.setFormats(formats & ZXing::BarcodeFormat::LinearCodes);
    const bool anyLinear = !linearHints.formats().empty();
    const auto rotationPasses = [&](const QImage& work, const QTransform& frameToWork, size_t from,
                                    size_t to) {
        for (size_t i = from; anyLinear && i < to && search.goOn(); ++i) {
            QTransform workToRotated;
            const QImage rotated = rotate(work, kRotations[i], &workToRotated);
            search.attempt(kFirstRotation + static_cast<int>(i), rotated, frameToWork * workToRotated,
                           linearHints);
        }
    };

    QImage base = stretchContrast(gray);
    search.attempt(Stretch, base, QTransform());
    if (base.isNull())
        base = gray;

    const qint64 pixels = static_cast<qint64>(gray.width()) * gray.height();
    QImage work = base;
    QTransform frameToWork;
    if (pixels >= kLargeFramePixels) {
        const QImage half = halve(base);
        search.attempt(Half, half, QTransform::fromScale(0.5, 0.5));
        if (pixels >= kHugeFramePixels) {
            work = half;
            frameToWork = QTransform::fromScale(0.5, 0.5);
        }
    }
    // Tilt is the commonest reason for a miss with a hand-held phone or camera, so the three rotations that
    // cover all angles come before the filters; the finer ones after.
    rotationPasses(work, frameToWork, 0, 3);
    if (search.goOn())
        search.attempt(Sharpen, unsharp(work, 150), frameToWork);
    if (pixels < kLargeFramePixels && search.goOn())
        search.attempt(Denoise, binomialBlur(base, std::array{1, 2, 1}), QTransform());
    rotationPasses(work, frameToWork, 3, kRotations.size());
    if (search.goOn()) {
        const int radius = std::max(8, std::min(work.width(), work.height()) / 30);
        search.attempt(Threshold, localThreshold(work, radius, 6), frameToWork);
    }
    return search.results();
}

QString passName(int pass) {
    switch (pass) {
    case Plain:
        return QStringLiteral("plain");
    case Stretch:
        return QStringLiteral("stretch");
    case Half:
        return QStringLiteral("half");
    case Denoise:
        return QStringLiteral("denoise");
    case Sharpen:
        return QStringLiteral("sharpen");
    case Threshold:
        return QStringLiteral("threshold");
    default:
        break;
    }
    const int i = pass - kFirstRotation;
    if (i >= 0 && i < static_cast<int>(kRotations.size()))
        return QStringLiteral("rotate%1%2")
            .arg(kRotations[static_cast<size_t>(i)] > 0 ? QStringLiteral("+") : QString())
            .arg(kRotations[static_cast<size_t>(i)]);
    return QStringLiteral("pass%1").arg(pass);
}

QImage encodeCode128(const QString& text, int moduleDots, int heightDots, QString* error) {
    if (text.isEmpty())
        return fail(error, tr("There is no text to encode as Code 128."));
    if (moduleDots < 1 || heightDots < 1)
        return fail(error, tr("A Code 128 symbol needs a module width and a height of at least one dot."));
    const bool ascii = std::all_of(text.begin(), text.end(), [](QChar ch) { return ch.unicode() < 128; });
    if (!ascii)
        return fail(error, tr("Code 128 holds only ASCII characters: %1").arg(text));
    try {
        const auto matrix = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::Code128)
                                .setMargin(0)
                                .encode(text.toStdWString(), 0, 0);
        if (matrix.width() < 1 || matrix.height() < 1)
            return fail(error, tr("%1 cannot be encoded as Code 128.").arg(text));
        return expand(matrix, moduleDots, heightDots);
    } catch (const std::exception& e) {
        return fail(error, tr("%1 cannot be encoded as Code 128: %2").arg(text, QString::fromUtf8(e.what())));
    }
}

QImage encodeQr(const QString& utf8Text, int moduleDots, QString* error) {
    if (utf8Text.isEmpty())
        return fail(error, tr("There is no text to encode as a QR code."));
    if (moduleDots < 1)
        return fail(error, tr("A QR code needs a module size of at least one dot."));
    try {
        // MultiFormatWriter maps ECC 0..8 onto L, M, Q, H: (level - 1) / 2, so 4 is M.
        const auto matrix = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
                                .setEncoding(ZXing::CharacterSet::UTF8)
                                .setEccLevel(4)
                                .setMargin(0)
                                .encode(utf8Text.toStdWString(), 0, 0);
        if (matrix.width() < 1 || matrix.height() < 1)
            return fail(error, tr("The text cannot be encoded as a QR code."));
        return expand(matrix, moduleDots, 0);
    } catch (const std::exception& e) {
        return fail(error,
                    tr("The text cannot be encoded as a QR code: %1").arg(QString::fromUtf8(e.what())));
    }
}

} // namespace cz::barcode
