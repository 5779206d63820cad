// Rasterising a document page at a printer's resolution.
#include "document.h"

#include <QPainter>
#include <cmath>

namespace cz::print {

QSize pageSizeDots(QSizeF pageMm, double dpi) {
    const double perMm = dpi / 25.4;
    return {static_cast<int>(std::lround(pageMm.width() * perMm)),
            static_cast<int>(std::lround(pageMm.height() * perMm))};
}

QImage renderPage(const Document& doc, int page, double dpi) {
    if (!doc.isValid() || page < 0 || page >= doc.pages)
        return {};
    const double res = dpi > 0 ? dpi : doc.dpi;
    QImage img(pageSizeDots(doc.pageMm, res), QImage::Format_RGB32);
    if (img.isNull())
        return {};
    img.fill(Qt::white);
    const int dpm = static_cast<int>(std::lround(res / 0.0254));
    img.setDotsPerMeterX(dpm);
    img.setDotsPerMeterY(dpm);
    QPainter painter(&img);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    Canvas canvas{painter, res / 25.4, page};
    doc.paint(canvas);
    painter.end();
    return img;
}

} // namespace cz::print
