// Fonts, text boxes and whole-dot barcodes for the renderers.
#include "drawing.h"

#include "barcode.h"

#include <QFontDatabase>
#include <QFontMetrics>
#include <QPainter>
#include <algorithm>
#include <cmath>

namespace cz::print {

namespace {

// A Latin family goes first when one is installed: in Latin runs Noto Sans CJK shapes digits with glyphs
// that have no cmap entry, so Qt's PDF writer cannot map them back to text (pdftotext, search, copy).
// Han characters fall back to the CJK family.
QStringList cjkFamilies() {
    static const QStringList families = [] {
        const QStringList preferred{
            QStringLiteral("Noto Sans"),         QStringLiteral("DejaVu Sans"),
            QStringLiteral("Liberation Sans"),   QStringLiteral("Noto Sans CJK SC"),
            QStringLiteral("Noto Sans SC"),      QStringLiteral("Source Han Sans SC"),
            QStringLiteral("WenQuanYi Zen Hei"), QStringLiteral("WenQuanYi Micro Hei"),
            QStringLiteral("Noto Serif CJK SC")};
        const QStringList installed = QFontDatabase::families();
        QStringList out;
        for (const QString& f : preferred) {
            if (installed.contains(f, Qt::CaseInsensitive))
                out.append(f);
        }
        out.append(QStringLiteral("sans-serif"));
        return out;
    }();
    return families;
}

} // namespace

int Canvas::dots(double mm) const {
    return static_cast<int>(std::lround(mm * dotsPerMm));
}

QSize Canvas::pageDots(QSizeF pageMm) const {
    return {dots(pageMm.width()), dots(pageMm.height())};
}

QFont cjkFont(int pixelSize, bool bold) {
    QFont font;
    font.setFamilies(cjkFamilies());
    font.setPixelSize(std::max(1, pixelSize));
    font.setBold(bold);
    font.setHintingPreference(QFont::PreferNoHinting);
    font.setStyleStrategy(QFont::PreferAntialias);
    return font;
}

QRect mmRect(const Canvas& c, double xMm, double yMm, double wMm, double hMm) {
    const int x = c.dots(xMm);
    const int y = c.dots(yMm);
    return {x, y, c.dots(xMm + wMm) - x, c.dots(yMm + hMm) - y};
}

void drawText(Canvas& c, const QRect& box, const QString& text, double heightMm, int flags, bool bold) {
    if (text.isEmpty())
        return;
    // Cap height of CJK glyphs is close to the em size; pixel size = the requested height.
    int px = c.dots(heightMm);
    QFont font = cjkFont(px, bold);
    if (!(flags & Qt::TextWordWrap)) {
        while (px > 4 && QFontMetrics(font).horizontalAdvance(text) > box.width()) {
            px = px * 9 / 10;
            font.setPixelSize(px);
        }
    }
    c.painter.setFont(font);
    c.painter.setPen(Qt::black);
    c.painter.drawText(box, flags, text);
}

QRect drawCode128(Canvas& c, const QRect& box, const QString& text, double maxModuleMm) {
    const QImage unit = cz::barcode::encodeCode128(text, 1, 1);
    const int quiet = cz::barcode::kCode128QuietZoneModules;
    const int modules = unit.width() + 2 * quiet;
    if (unit.isNull() || modules <= 0)
        return {};
    const int maxModule = std::max(1, c.dots(maxModuleMm));
    const int moduleDots = std::min(maxModule, box.width() / modules);
    if (moduleDots < 1) {
        drawText(c, box, text, 3.0, Qt::AlignCenter);
        return {};
    }
    const QImage img = cz::barcode::encodeCode128(text, moduleDots, box.height());
    const QPoint at(box.x() + (box.width() - img.width()) / 2, box.y() + (box.height() - img.height()) / 2);
    c.painter.save();
    c.painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    c.painter.setRenderHint(QPainter::Antialiasing, false);
    c.painter.drawImage(at, img);
    c.painter.restore();
    return {at, img.size()};
}

QRect drawQr(Canvas& c, const QRect& box, const QString& text) {
    const QImage unit = cz::barcode::encodeQr(text, 1);
    if (unit.isNull())
        return {};
    const int modules = unit.width() + 2 * cz::barcode::kQrQuietZoneModules;
    const int moduleDots = std::min(box.width(), box.height()) / modules;
    if (moduleDots < 1)
        return {};
    const QImage img = cz::barcode::encodeQr(text, moduleDots);
    const QPoint at(box.x() + (box.width() - img.width()) / 2, box.y() + (box.height() - img.height()) / 2);
    c.painter.save();
    c.painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    c.painter.drawImage(at, img);
    c.painter.restore();
    return {at, img.size()};
}

void drawFrame(Canvas& c, const QRect& box, double widthMm) {
    const int w = std::max(1, c.dots(widthMm));
    c.painter.fillRect(QRect(box.left(), box.top(), box.width(), w), Qt::black);
    c.painter.fillRect(QRect(box.left(), box.bottom() - w + 1, box.width(), w), Qt::black);
    c.painter.fillRect(QRect(box.left(), box.top(), w, box.height()), Qt::black);
    c.painter.fillRect(QRect(box.right() - w + 1, box.top(), w, box.height()), Qt::black);
}

void drawRule(Canvas& c, int y, int x0, int x1, double widthMm) {
    const int w = std::max(1, c.dots(widthMm));
    c.painter.fillRect(QRect(x0, y, x1 - x0, w), Qt::black);
}

} // namespace cz::print

namespace cz::print {

QList<QList<Placed>> paginate(const QList<FlowBlock>& blocks, double topMm, double bottomMm) {
    QList<QList<Placed>> pages(1);
    double y = topMm;
    for (int i = 0; i < blocks.size(); ++i) {
        const double h = blocks[i].heightMm;
        if (y + h > bottomMm && !pages.last().isEmpty()) {
            pages.append(QList<Placed>());
            y = topMm;
        }
        pages.last().append(Placed{i, y});
        y += h;
    }
    return pages;
}

} // namespace cz::print
