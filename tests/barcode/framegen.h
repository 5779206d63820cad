// Synthetic camera frames for the barcode tests and bench_decode: a symbol from the adapter's encoders on a
// paper-like background, then tilt, blur, contrast loss and sensor noise; and frames that hold no symbol at
// all (noise, text-like strokes, random bars, a photo-like scene). Deterministic for a given seed.
#pragma once

#include "barcode.h"

#include <QImage>
#include <QPainter>
#include <QtMath>
#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

namespace cz::barcode::testgen {

// The symbol with its quiet zone, black on white, RGB32.
inline QImage withQuietZone(const QImage& symbol, int marginX, int marginY) {
    QImage out(symbol.width() + 2 * marginX, symbol.height() + 2 * marginY, QImage::Format_RGB32);
    out.fill(Qt::white);
    QPainter p(&out);
    p.drawImage(marginX, marginY, symbol);
    return out;
}

inline QImage code128Symbol(const QString& text, int module, int height) {
    return withQuietZone(encodeCode128(text, module, height), kCode128QuietZoneModules * module, 3 * module);
}

inline QImage qrSymbol(const QString& text, int module) {
    return withQuietZone(encodeQr(text, module), kQrQuietZoneModules * module, kQrQuietZoneModules * module);
}

struct Look {
    double angle = 0;     // degrees, clockwise
    double blurSigma = 0; // Gaussian blur, pixels
    int dark = 0;         // grey levels black and white end up at (contrast)
    int light = 255;
    double noiseSigma = 0; // additive Gaussian noise, grey levels
    QPointF offset;        // symbol centre relative to the frame centre, pixels
    unsigned seed = 1;
};

inline QImage gaussianBlur(const QImage& gray, double sigma) {
    if (sigma <= 0)
        return gray;
    const int r = std::max(1, static_cast<int>(std::ceil(3 * sigma)));
    std::vector<double> k(static_cast<size_t>(2 * r + 1));
    double sum = 0;
    for (int i = -r; i <= r; ++i)
        sum += k[static_cast<size_t>(i + r)] = std::exp(-(i * i) / (2 * sigma * sigma));
    for (double& v : k)
        v /= sum;
    const int w = gray.width();
    const int h = gray.height();
    std::vector<double> tmp(static_cast<size_t>(w) * static_cast<size_t>(h));
    for (int y = 0; y < h; ++y) {
        const uchar* in = gray.constScanLine(y);
        for (int x = 0; x < w; ++x) {
            double acc = 0;
            for (int i = -r; i <= r; ++i)
                acc += k[static_cast<size_t>(i + r)] * in[std::clamp(x + i, 0, w - 1)];
            tmp[static_cast<size_t>(y * w + x)] = acc;
        }
    }
    QImage out(gray.size(), QImage::Format_Grayscale8);
    for (int y = 0; y < h; ++y) {
        uchar* o = out.scanLine(y);
        for (int x = 0; x < w; ++x) {
            double acc = 0;
            for (int i = -r; i <= r; ++i)
                acc += k[static_cast<size_t>(i + r)] *
                       tmp[static_cast<size_t>(std::clamp(y + i, 0, h - 1) * w + x)];
            o[x] = static_cast<uchar>(std::clamp(std::lround(acc), 0L, 255L));
        }
    }
    return out;
}

inline QImage addNoise(const QImage& gray, double sigma, unsigned seed) {
    if (sigma <= 0)
        return gray;
    std::mt19937 rng(seed);
    std::normal_distribution<double> noise(0, sigma);
    QImage out = gray.copy();
    for (int y = 0; y < out.height(); ++y) {
        uchar* o = out.scanLine(y);
        for (int x = 0; x < out.width(); ++x)
            o[x] = static_cast<uchar>(std::clamp(std::lround(o[x] + noise(rng)), 0L, 255L));
    }
    return out;
}

inline QImage mapContrast(const QImage& gray, int dark, int light) {
    if (dark == 0 && light == 255)
        return gray;
    QImage out = gray.copy();
    for (int y = 0; y < out.height(); ++y) {
        uchar* o = out.scanLine(y);
        for (int x = 0; x < out.width(); ++x)
            o[x] = static_cast<uchar>(dark + (light - dark) * o[x] / 255);
    }
    return out;
}

// A desk-like background (soft gradient) with the symbol, tilted and degraded as `look` says; Grayscale8.
inline QImage frame(QSize size, const QImage& symbol, const Look& look) {
    QImage canvas(size, QImage::Format_RGB32);
    QPainter p(&canvas);
    QLinearGradient desk(0, 0, size.width(), size.height());
    desk.setColorAt(0, QColor(150, 150, 150));
    desk.setColorAt(1, QColor(190, 190, 190));
    p.fillRect(canvas.rect(), desk);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.setRenderHint(QPainter::Antialiasing);
    p.translate(size.width() / 2.0 + look.offset.x(), size.height() / 2.0 + look.offset.y());
    p.rotate(look.angle);
    p.drawImage(QPointF(-symbol.width() / 2.0, -symbol.height() / 2.0), symbol);
    p.end();
    QImage gray = canvas.convertToFormat(QImage::Format_Grayscale8);
    gray = gaussianBlur(gray, look.blurSigma);
    gray = mapContrast(gray, look.dark, look.light);
    return addNoise(gray, look.noiseSigma, look.seed);
}

// --- frames without any symbol
// ------------------------------------------------------------------------------

inline QImage noiseFrame(QSize size, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> level(0, 255);
    QImage out(size, QImage::Format_Grayscale8);
    for (int y = 0; y < size.height(); ++y) {
        uchar* o = out.scanLine(y);
        for (int x = 0; x < size.width(); ++x)
            o[x] = static_cast<uchar>(level(rng));
    }
    return gaussianBlur(out, 0.7);
}

// Lines of "words": clusters of short dark strokes of random widths, like printed text seen from afar.
inline QImage textFrame(QSize size, unsigned seed) {
    std::mt19937 rng(seed);
    QImage canvas(size, QImage::Format_RGB32);
    canvas.fill(QColor(235, 235, 235));
    QPainter p(&canvas);
    const int lineH = std::max(12, size.height() / 30);
    for (int y = lineH; y + lineH < size.height(); y += lineH * 2) {
        int x = lineH;
        while (x < size.width() - lineH) {
            const int strokes = std::uniform_int_distribution<int>(2, 9)(rng);
            for (int s = 0; s < strokes && x < size.width() - lineH; ++s) {
                const int w = std::uniform_int_distribution<int>(1, 4)(rng);
                const int h = std::uniform_int_distribution<int>(lineH / 2, lineH)(rng);
                p.fillRect(x, y + lineH - h, w, h, QColor(30, 30, 30));
                x += w + std::uniform_int_distribution<int>(1, 5)(rng);
            }
            x += std::uniform_int_distribution<int>(lineH / 2, lineH * 2)(rng);
        }
    }
    p.end();
    return canvas.convertToFormat(QImage::Format_Grayscale8);
}

// Full-height random black and white bars: the hardest negative for linear readers.
inline QImage barsFrame(QSize size, unsigned seed) {
    std::mt19937 rng(seed);
    QImage canvas(size, QImage::Format_RGB32);
    canvas.fill(Qt::white);
    QPainter p(&canvas);
    const int top = size.height() / 4;
    int x = size.width() / 8;
    bool black = true;
    while (x < size.width() * 7 / 8) {
        const int w = std::uniform_int_distribution<int>(2, 10)(rng);
        if (black)
            p.fillRect(x, top, w, size.height() / 2, Qt::black);
        black = !black;
        x += w;
    }
    p.end();
    return canvas.convertToFormat(QImage::Format_Grayscale8);
}

// A photo-like scene: smooth gradient sky, soft shapes, a little sensor noise.
inline QImage sceneFrame(QSize size, unsigned seed) {
    std::mt19937 rng(seed);
    QImage canvas(size, QImage::Format_RGB32);
    QPainter p(&canvas);
    QLinearGradient sky(0, 0, 0, size.height());
    sky.setColorAt(0, QColor(90, 140, 210));
    sky.setColorAt(1, QColor(230, 210, 170));
    p.fillRect(canvas.rect(), sky);
    p.setRenderHint(QPainter::Antialiasing);
    std::uniform_int_distribution<int> px(0, size.width());
    std::uniform_int_distribution<int> py(0, size.height());
    std::uniform_int_distribution<int> radius(size.height() / 20, size.height() / 4);
    std::uniform_int_distribution<int> channel(20, 235);
    for (int i = 0; i < 12; ++i) {
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(channel(rng), channel(rng), channel(rng)));
        const int r = radius(rng);
        p.drawEllipse(QPoint(px(rng), py(rng)), r, r * 2 / 3);
    }
    p.end();
    return addNoise(gaussianBlur(canvas.convertToFormat(QImage::Format_Grayscale8), 1.0), 4, seed);
}

} // namespace cz::barcode::testgen
