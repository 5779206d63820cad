// The hand-over manifest (交接单) for outgoing bags: A4, counts per carrier, each bag with the Code 128 of
// its number and its items, signature lines for the station and the driver.
#include "clock.h"
#include "documents.h"
#include "drawing.h"
#include "privacy.h"

#include <QCoreApplication>
#include <QMap>
#include <QPainter>
#include <memory>

namespace cz::print {

namespace {
struct ManifestText {
    Q_DECLARE_TR_FUNCTIONS(Printing)
};

constexpr double kLeft = 15;
constexpr double kWidth = 180;
constexpr double kTop = 42;
constexpr double kBottom = 282;
constexpr double kLine = 6;

FlowBlock textLine(const QString& text, double font, bool bold, double height = kLine) {
    return {height, [text, font, bold, height](Canvas& c, double y) {
                drawText(c, mmRect(c, kLeft, y, kWidth, height), text, font, Qt::AlignLeft | Qt::AlignVCenter,
                         bold);
            }};
}

} // namespace

Document manifest(const ManifestData& data) {
    QMap<QString, std::pair<int, qint64>> perCarrier; // carrier name -> (count, grams)
    int total = 0;
    for (const ManifestBag& bag : data.bags) {
        for (const ManifestItem& item : bag.items) {
            auto& entry = perCarrier[data.carriers.displayName(item.carrier)];
            ++entry.first;
            entry.second += item.weightGrams;
            ++total;
        }
    }

    QList<FlowBlock> blocks;
    blocks.append(textLine(ManifestText::tr("Parcels per carrier"), 4.2, true, 8));
    for (auto it = perCarrier.cbegin(); it != perCarrier.cend(); ++it)
        blocks.append(textLine(ManifestText::tr("%1: %2 parcels, %3")
                                   .arg(it.key())
                                   .arg(it.value().first)
                                   .arg(formatWeight(static_cast<int>(it.value().second))),
                               3.6, false));
    blocks.append(textLine(ManifestText::tr("Total: %1 parcels in %2 bags").arg(total).arg(data.bags.size()),
                           3.6, true));

    for (const ManifestBag& bag : data.bags) {
        const QString head =
            ManifestText::tr("Bag %1  seal %2  %3 parcels").arg(bag.bagNo, bag.seal).arg(bag.items.size());
        blocks.append({22, [head, no = bag.bagNo](Canvas& c, double y) {
                           drawRule(c, c.dots(y + 1), c.dots(kLeft), c.dots(kLeft + kWidth), 0.3);
                           drawText(c, mmRect(c, kLeft, y + 2, 95, 8), head, 4,
                                    Qt::AlignLeft | Qt::AlignVCenter, true);
                           drawCode128(c, mmRect(c, kLeft + 95, y + 2, 85, 17), no, 0.4);
                       }});
        for (const ManifestItem& item : bag.items) {
            blocks.append(
                {5.5, [item, carrier = data.carriers.displayName(item.carrier)](Canvas& c, double y) {
                     const int flags = Qt::AlignLeft | Qt::AlignVCenter;
                     drawText(c, mmRect(c, kLeft + 5, y, 70, 5.5), item.waybill, 3.4, flags);
                     drawText(c, mmRect(c, kLeft + 80, y, 50, 5.5), carrier, 3.4, flags);
                     drawText(c, mmRect(c, kLeft + 135, y, 45, 5.5), formatWeight(item.weightGrams), 3.4,
                              flags);
                 }});
        }
    }

    blocks.append(
        {40, [](Canvas& c, double y) {
             const int flags = Qt::AlignLeft | Qt::AlignBottom;
             drawText(c, mmRect(c, kLeft, y + 8, 85, 8), ManifestText::tr("Station clerk:"), 3.8, flags);
             drawRule(c, c.dots(y + 16), c.dots(kLeft + 30), c.dots(kLeft + 85), 0.2);
             drawText(c, mmRect(c, kLeft + 95, y + 8, 85, 8), ManifestText::tr("Driver:"), 3.8, flags);
             drawRule(c, c.dots(y + 16), c.dots(kLeft + 115), c.dots(kLeft + kWidth), 0.2);
             drawText(c, mmRect(c, kLeft, y + 24, 85, 8), ManifestText::tr("Handed over at:"), 3.8, flags);
             drawRule(c, c.dots(y + 32), c.dots(kLeft + 30), c.dots(kLeft + 85), 0.2);
         }});

    const auto pages = std::make_shared<const QList<QList<Placed>>>(paginate(blocks, kTop, kBottom));
    const auto shared = std::make_shared<const QList<FlowBlock>>(std::move(blocks));

    Document doc;
    doc.title = ManifestText::tr("Manifest %1").arg(localDateTimeText(data.atMs));
    doc.pageMm = QSizeF(210, 297);
    doc.media = QStringLiteral("A4");
    doc.dpi = kOfficeDpi;
    doc.pages = static_cast<int>(pages->size());
    doc.paint = [pages, shared, data](Canvas& c) {
        const int flags = Qt::AlignLeft | Qt::AlignVCenter;
        drawText(c, mmRect(c, kLeft, 10, kWidth, 10), ManifestText::tr("Hand-over manifest"), 7, flags, true);
        drawText(c, mmRect(c, kLeft, 21, kWidth, 6), data.stationName, 4.2, flags);
        drawText(c, mmRect(c, kLeft, 28, kWidth, 6),
                 ManifestText::tr("Time %1   Driver %2   Vehicle %3")
                     .arg(localDateTimeText(data.atMs), maskName(data.driver), data.plate),
                 3.8, flags);
        drawRule(c, c.dots(kTop - 3), c.dots(kLeft), c.dots(kLeft + kWidth), 0.4);
        for (const Placed& placed : pages->at(c.page))
            (*shared)[placed.block].paint(c, placed.yMm);
        drawText(c, mmRect(c, kLeft + 120, 284, 60, 6),
                 ManifestText::tr("Page %1 of %2").arg(c.page + 1).arg(pages->size()), 3,
                 Qt::AlignRight | Qt::AlignVCenter);
    };
    return doc;
}

} // namespace cz::print
