// A printable document: page geometry in millimetres plus one drawing routine per document type.
// The same routine paints onto a QImage at the printer's dpi (raster, raw printer languages) and onto a
// QPdfWriter (PDF for CUPS and for files), so what is printed and what is previewed cannot drift apart.
#pragma once

#include <QImage>
#include <QSizeF>
#include <QString>
#include <functional>

class QPainter;

namespace cz::print {

// Thermal receipt and label printers sold as "203 dpi" print 8 dots per millimetre.
constexpr double kThermalDpi = 203.2;
// A4 lists and manifests go out as PDF; 300 dpi keeps barcodes crisp on office printers.
constexpr double kOfficeDpi = 300.0;

// What a drawing routine gets: a painter in device dots (no transform), the dots per millimetre and the
// page index.
struct Canvas {
    QPainter& painter;
    double dotsPerMm = 8.0;
    int page = 0;

    [[nodiscard]] int dots(double mm) const;
    [[nodiscard]] QSize pageDots(QSizeF pageMm) const;
};

struct Document {
    QString title;            // job title, PDF title
    QSizeF pageMm;            // printable page size
    QString media;            // CUPS "media" option, e.g. "Custom.76x130mm" or "A4"
    double dpi = kThermalDpi; // the resolution the document is meant for (raster and PDF)
    int pages = 1;
    std::function<void(Canvas&)> paint; // paints page canvas.page; the page is already white

    [[nodiscard]] bool isValid() const { return pages > 0 && pageMm.isValid() && paint != nullptr; }
};

// Dots of a page at dpi: round(mm * dpi / 25.4).
[[nodiscard]] QSize pageSizeDots(QSizeF pageMm, double dpi);

// Renders one page onto a white RGB32 image at dpi (the document's own dpi when dpi <= 0).
[[nodiscard]] QImage renderPage(const Document& doc, int page = 0, double dpi = 0);

} // namespace cz::print
