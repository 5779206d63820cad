// Drawing helpers shared by the renderers: the CJK font, text in millimetre boxes, and barcodes placed
// at whole printer dots (never scaled, never smoothed) so a scanner reads what the printer prints.
#pragma once

#include "document.h"

#include <QFont>
#include <QList>
#include <QRect>
#include <QString>
#include <functional>

namespace cz::print {

// Noto Sans CJK SC when installed (fonts-noto-cjk), else another CJK family, else the default sans.
[[nodiscard]] QFont cjkFont(int pixelSize, bool bold = false);

// A rectangle in dots from one in millimetres.
[[nodiscard]] QRect mmRect(const Canvas& c, double xMm, double yMm, double wMm, double hMm);

// Text fitted into a box: the font height is heightMm, shrunk until the text fits the width.
void drawText(Canvas& c, const QRect& box, const QString& text, double heightMm, int flags,
              bool bold = false);

// Code 128 centred in box with quiet zones, module width the largest whole number of dots that fits
// (at most maxModuleMm). Returns the area drawn, or an empty rect (and prints the text) when it cannot fit.
QRect drawCode128(Canvas& c, const QRect& box, const QString& text, double maxModuleMm = 0.375);

// QR code centred in box, module size the largest whole number of dots that fits.
QRect drawQr(Canvas& c, const QRect& box, const QString& text);

// A thin frame and a horizontal rule, in dots proportional to the resolution.
void drawFrame(Canvas& c, const QRect& box, double widthMm = 0.25);
void drawRule(Canvas& c, int y, int x0, int x1, double widthMm = 0.25);

} // namespace cz::print

namespace cz::print {

// A block of an A4 flow (a list row, a bag header): its height and how to paint it at a vertical offset.
struct FlowBlock {
    double heightMm = 0;
    std::function<void(Canvas&, double yMm)> paint;
};

// Places blocks on pages whose body spans [topMm, bottomMm): returns, per page, the block indexes and their
// offsets. A block taller than the body gets a page of its own.
struct Placed {
    int block = 0;
    double yMm = 0;
};
[[nodiscard]] QList<QList<Placed>> paginate(const QList<FlowBlock>& blocks, double topMm, double bottomMm);

} // namespace cz::print
