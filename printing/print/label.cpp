// Electronic waybill label (电子面单) 76×130 mm and 100×150 mm, zones top to bottom as in GB/T 41833:
// carrier and barcode, routing code, recipient, sender, contents, QR and signature. Recipient and sender
// are masked (privacy waybill); the address stays whole because the courier needs it.
#include "clock.h"
#include "documents.h"
#include "drawing.h"
#include "privacy.h"

#include <QCoreApplication>
#include <QPainter>
#include <algorithm>

namespace cz::print {

namespace {
struct LabelText {
    Q_DECLARE_TR_FUNCTIONS(Printing)
};

// The zone plan is drawn for 76×130 mm and stretched for larger stock.
constexpr double kBaseW = 76.0;
constexpr double kBaseH = 130.0;

void paintLabel(Canvas& c, const LabelData& d, QSizeF page) {
    const double sx = page.width() / kBaseW;
    const double sy = page.height() / kBaseH;
    const double sf = std::min(sx, sy);
    const auto box = [&](double x, double y, double w, double h) {
        return mmRect(c, x * sx, y * sy, w * sx, h * sy);
    };
    const auto hline = [&](double y) { drawRule(c, c.dots(y * sy), c.dots(1 * sx), c.dots(75 * sx), 0.3); };

    drawFrame(c, box(1, 1, 74, 128), 0.3);

    // Zone 1: carrier, date, Code 128 of the waybill.
    drawText(c, box(3, 2, 40, 7), d.carrier, 5 * sf, Qt::AlignLeft | Qt::AlignVCenter, true);
    if (d.createdAtMs > 0)
        drawText(c, box(40, 2, 33, 7), localDateTimeText(d.createdAtMs), 2.6 * sf,
                 Qt::AlignRight | Qt::AlignVCenter);
    drawCode128(c, box(2, 9.5, 72, 12), d.waybill);
    drawText(c, box(2, 21.5, 72, 4), d.waybill, 3.2 * sf, Qt::AlignCenter, true);
    hline(26);

    // Zone 2: routing code.
    drawText(c, box(2, 26.5, 72, 13), d.routingZone, 10 * sf, Qt::AlignCenter, true);
    hline(40);

    // Zone 3: recipient.
    drawText(c, box(2.5, 41, 7, 7), LabelText::tr("To"), 4 * sf, Qt::AlignCenter, true);
    drawText(c, box(10, 41, 64, 6),
             QStringLiteral("%1  %2").arg(maskName(d.recipientName),
                                          maskPhone(d.recipientPhone, d.recipientPhone.right(4))),
             4.2 * sf, Qt::AlignLeft | Qt::AlignVCenter, true);
    drawText(c, box(10, 47.5, 64, 14), d.recipientAddress, 3.4 * sf,
             Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap);
    hline(62);

    // Zone 4: sender.
    drawText(c, box(2.5, 63, 7, 6), LabelText::tr("From"), 3.2 * sf, Qt::AlignCenter, true);
    drawText(c, box(10, 63, 64, 5),
             QStringLiteral("%1  %2").arg(maskName(d.senderName),
                                          maskPhone(d.senderPhone, d.senderPhone.right(4))),
             3.2 * sf, Qt::AlignLeft | Qt::AlignVCenter);
    drawText(c, box(10, 68, 64, 8), d.senderAddress, 2.8 * sf,
             Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap);
    hline(77);

    // Zone 5: contents, weight, fee.
    drawText(c, box(3, 78, 71, 5), LabelText::tr("Contents: %1").arg(d.contents), 3.2 * sf,
             Qt::AlignLeft | Qt::AlignVCenter);
    drawText(c, box(3, 83, 35, 5), LabelText::tr("Weight: %1").arg(formatWeight(d.weightGrams)), 3.2 * sf,
             Qt::AlignLeft | Qt::AlignVCenter);
    drawText(c, box(38, 83, 36, 5), LabelText::tr("Fee: ¥%1").arg(formatFen(d.feeFen)), 3.2 * sf,
             Qt::AlignLeft | Qt::AlignVCenter);
    hline(89);

    // Zone 6: QR of the waybill and the signature box.
    drawQr(c, box(2, 90, 30, 30), d.waybill);
    const QRect sign = box(34, 91, 40, 28);
    drawFrame(c, sign, 0.25);
    drawText(c, box(35, 92, 38, 5), LabelText::tr("Recipient signature"), 2.8 * sf,
             Qt::AlignLeft | Qt::AlignVCenter);
    drawText(c, box(35, 113, 38, 5), LabelText::tr("Date:"), 2.8 * sf, Qt::AlignLeft | Qt::AlignVCenter);
    hline(121);

    // Footer: waybill again for the counter copy.
    drawText(c, box(3, 122, 70, 6), LabelText::tr("Waybill %1").arg(d.waybill), 3 * sf,
             Qt::AlignLeft | Qt::AlignVCenter);
}

} // namespace

QSizeF labelSizeMm(LabelSize size) {
    return size == LabelSize::Mm100x150 ? QSizeF(100, 150) : QSizeF(76, 130);
}

Document waybillLabel(const LabelData& data, LabelSize size) {
    Document doc;
    doc.title = LabelText::tr("Waybill %1").arg(data.waybill);
    doc.pageMm = labelSizeMm(size);
    doc.media = QStringLiteral("Custom.%1x%2mm")
                    .arg(static_cast<int>(doc.pageMm.width()))
                    .arg(static_cast<int>(doc.pageMm.height()));
    doc.dpi = kThermalDpi;
    doc.paint = [data, page = doc.pageMm](Canvas& c) { paintLabel(c, data, page); };
    return doc;
}

Document shelfLabel(const QString& place, QSizeF sizeMm) {
    Document doc;
    doc.title = LabelText::tr("Shelf %1").arg(place);
    doc.pageMm = sizeMm;
    doc.media = QStringLiteral("Custom.%1x%2mm")
                    .arg(static_cast<int>(sizeMm.width()))
                    .arg(static_cast<int>(sizeMm.height()));
    doc.dpi = kThermalDpi;
    doc.paint = [place, sizeMm](Canvas& c) {
        const double w = sizeMm.width();
        const double h = sizeMm.height();
        drawText(c, mmRect(c, 1, 1, w - 2, h * 0.55), place, h * 0.45, Qt::AlignCenter, true);
        drawCode128(c, mmRect(c, 1, h * 0.58, w - 2, h * 0.38), place, 0.5);
    };
    return doc;
}

} // namespace cz::print
