// Pickup slip (取件凭条) for 58 mm and 80 mm receipt printers: the pickup code big, the place, the masked
// recipient and a QR of the code for the scanner at the counter.
#include "clock.h"
#include "documents.h"
#include "drawing.h"
#include "privacy.h"

#include <QCoreApplication>
#include <QPainter>
#include <cmath>

namespace cz::print {

namespace {
struct SlipText {
    Q_DECLARE_TR_FUNCTIONS(Printing)
};

struct SlipLayout {
    double width = 48;
    double titleH = 6, labelH = 4.5, codeFont = 12, codeH = 14, placeFont = 6, placeH = 8;
    double rowFont = 3.2, rowH = 4.6, labelW = 14, qrH = 24, footH = 9, bottom = 5;

    [[nodiscard]] double height(int rows) const {
        return 1 + titleH + 1 + labelH + codeH + placeH + 1 + rows * rowH + 1 + qrH + footH + bottom;
    }
};

SlipLayout layoutFor(SlipPaper paper) {
    SlipLayout l;
    l.width = slipPrintableWidthMm(paper);
    if (paper == SlipPaper::Mm80) {
        l.titleH = 7;
        l.codeFont = 16;
        l.codeH = 19;
        l.placeFont = 7;
        l.placeH = 9;
        l.rowFont = 3.6;
        l.rowH = 5;
        l.labelW = 18;
        l.qrH = 30;
    }
    return l;
}

QString lastDigits(const QString& waybill) {
    return waybill.size() <= 4 ? waybill : QStringLiteral("…") + waybill.right(4);
}

} // namespace

double slipPrintableWidthMm(SlipPaper paper) {
    return paper == SlipPaper::Mm80 ? 72.0 : 48.0;
}

Document pickupSlip(const SlipData& data, SlipPaper paper) {
    const SlipLayout l = layoutFor(paper);
    const cz::Parcel& p = data.parcel;
    const QDate freeUntil = localDate(p.receivedAt).addDays(data.freeDays);
    const QList<std::pair<QString, QString>> rows{
        {SlipText::tr("Phone"), p.maskedPhone()},
        {SlipText::tr("Name"), p.maskedName()},
        {SlipText::tr("Carrier"), data.carriers.displayName(p.carrier)},
        {SlipText::tr("Waybill"), lastDigits(p.waybill)},
        {SlipText::tr("Received"), localDateTimeText(p.receivedAt)},
        {SlipText::tr("Free until"), freeUntil.toString(QStringLiteral("yyyy-MM-dd"))},
    };

    Document doc;
    doc.title = SlipText::tr("Pickup slip %1").arg(p.pickupCode);
    doc.pageMm = QSizeF(l.width, std::ceil(l.height(static_cast<int>(rows.size()))));
    doc.media = QStringLiteral("Custom.%1x%2mm")
                    .arg(paper == SlipPaper::Mm80 ? 80 : 58)
                    .arg(static_cast<int>(doc.pageMm.height()));
    doc.dpi = kThermalDpi;
    doc.paint = [l, rows, data](Canvas& c) {
        const double w = l.width;
        double y = 1;
        drawText(c, mmRect(c, 0, y, w, l.titleH), data.stationName, l.titleH * 0.7, Qt::AlignCenter, true);
        y += l.titleH;
        drawRule(c, c.dots(y + 0.5), 0, c.dots(w));
        y += 1;
        drawText(c, mmRect(c, 0, y, w, l.labelH), SlipText::tr("Pickup code"), l.labelH * 0.7,
                 Qt::AlignCenter);
        y += l.labelH;
        drawText(c, mmRect(c, 0, y, w, l.codeH), data.parcel.pickupCode, l.codeFont, Qt::AlignCenter, true);
        y += l.codeH;
        const QString place = data.parcel.slotName();
        if (!place.isEmpty())
            drawText(c, mmRect(c, 0, y, w, l.placeH), SlipText::tr("Place %1").arg(place), l.placeFont,
                     Qt::AlignCenter, true);
        y += l.placeH;
        drawRule(c, c.dots(y + 0.5), 0, c.dots(w));
        y += 1;
        for (const auto& [label, value] : rows) {
            drawText(c, mmRect(c, 0.5, y, l.labelW, l.rowH), label, l.rowFont,
                     Qt::AlignLeft | Qt::AlignVCenter);
            drawText(c, mmRect(c, l.labelW + 1, y, w - l.labelW - 1.5, l.rowH), value, l.rowFont,
                     Qt::AlignLeft | Qt::AlignVCenter);
            y += l.rowH;
        }
        y += 1;
        drawQr(c, mmRect(c, 0, y, w, l.qrH), data.parcel.pickupCode);
        y += l.qrH;
        drawText(c, mmRect(c, 1, y, w - 2, l.footH),
                 SlipText::tr("Show this slip or the pickup code to collect your parcel."), l.rowFont * 0.85,
                 Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap);
    };
    return doc;
}

QString formatWeight(int grams) {
    if (grams < 1000)
        return SlipText::tr("%1 g").arg(grams);
    return SlipText::tr("%1 kg").arg(QString::number(grams / 1000.0, 'f', 2));
}

} // namespace cz::print
