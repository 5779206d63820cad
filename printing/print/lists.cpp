// The daily arrival list (到件清单) for the notice board: A4, grouped by place, sorted by pickup code,
// masked phones and names, station and date in every page header, page numbers in the footer.
#include "clock.h"
#include "documents.h"
#include "drawing.h"

#include <QCollator>
#include <QCoreApplication>
#include <QPainter>
#include <algorithm>
#include <memory>

namespace cz::print {

namespace {
struct ListText {
    Q_DECLARE_TR_FUNCTIONS(Printing)
};

constexpr QSizeF kA4(210, 297);
constexpr double kLeft = 15;
constexpr double kWidth = 180;
constexpr double kBodyTop = 38;
constexpr double kBodyBottom = 282;
constexpr double kRowH = 6.5;
constexpr double kGroupH = 8;

struct Column {
    double x;
    double w;
};
// pickup code, place, phone, name, carrier, waybill tail, received
constexpr Column kCols[] = {{0, 30}, {30, 18}, {48, 34}, {82, 24}, {106, 28}, {134, 22}, {156, 24}};

void paintRow(Canvas& c, double y, const QStringList& cells, double font, bool bold) {
    for (int i = 0; i < cells.size() && i < int(std::size(kCols)); ++i)
        drawText(c, mmRect(c, kLeft + kCols[i].x + 0.5, y, kCols[i].w - 1, kRowH), cells[i], font,
                 Qt::AlignLeft | Qt::AlignVCenter, bold && i == 0);
}

} // namespace

int arrivalRowsPerPage() {
    return static_cast<int>((kBodyBottom - kBodyTop) / kRowH);
}

Document arrivalList(const ArrivalListData& data) {
    QList<cz::Parcel> parcels = data.parcels;
    QCollator collator;
    collator.setNumericMode(true);
    std::stable_sort(parcels.begin(), parcels.end(), [&](const cz::Parcel& a, const cz::Parcel& b) {
        if (const int s = collator.compare(a.shelf, b.shelf); s != 0)
            return s < 0;
        return collator.compare(a.pickupCode, b.pickupCode) < 0;
    });

    QList<FlowBlock> blocks;
    QString group;
    for (const cz::Parcel& p : parcels) {
        if (blocks.isEmpty() || p.shelf != group) {
            group = p.shelf;
            const QString title =
                group.isEmpty() ? ListText::tr("No place") : ListText::tr("Shelf %1").arg(group);
            blocks.append({kGroupH, [title](Canvas& c, double y) {
                               drawText(c, mmRect(c, kLeft, y + 1, kWidth, kGroupH - 1.5), title, 4.2,
                                        Qt::AlignLeft | Qt::AlignBottom, true);
                               drawRule(c, c.dots(y + kGroupH - 0.3), c.dots(kLeft), c.dots(kLeft + kWidth),
                                        0.2);
                           }});
        }
        const QStringList cells{p.pickupCode,
                                p.slotName(),
                                p.maskedPhone(),
                                p.maskedName(),
                                data.carriers.displayName(p.carrier),
                                p.waybill.right(4),
                                localDateTimeText(p.receivedAt).mid(11)};
        blocks.append({kRowH, [cells](Canvas& c, double y) { paintRow(c, y, cells, 3.6, true); }});
    }

    const auto pages = std::make_shared<const QList<QList<Placed>>>(paginate(blocks, kBodyTop, kBodyBottom));
    const auto shared = std::make_shared<const QList<FlowBlock>>(std::move(blocks));
    const QString dayText = data.day.toString(QStringLiteral("yyyy-MM-dd"));
    const qsizetype count = parcels.size();

    Document doc;
    doc.title = ListText::tr("Arrivals %1").arg(dayText);
    doc.pageMm = kA4;
    doc.media = QStringLiteral("A4");
    doc.dpi = kOfficeDpi;
    doc.pages = static_cast<int>(pages->size());
    doc.paint = [pages, shared, station = data.stationName, dayText, count](Canvas& c) {
        drawText(c, mmRect(c, kLeft, 10, kWidth, 10), station, 7, Qt::AlignLeft | Qt::AlignVCenter, true);
        drawText(c, mmRect(c, kLeft, 20, kWidth, 7),
                 ListText::tr("Parcels arrived on %1: %n", nullptr, static_cast<int>(count)).arg(dayText),
                 4.2, Qt::AlignLeft | Qt::AlignVCenter);
        paintRow(c, 30,
                 {ListText::tr("Code"), ListText::tr("Place"), ListText::tr("Phone"), ListText::tr("Name"),
                  ListText::tr("Carrier"), ListText::tr("Waybill"), ListText::tr("Time")},
                 3.4, true);
        drawRule(c, c.dots(kBodyTop - 1), c.dots(kLeft), c.dots(kLeft + kWidth), 0.4);
        for (const Placed& placed : pages->at(c.page))
            (*shared)[placed.block].paint(c, placed.yMm);
        drawRule(c, c.dots(kBodyBottom + 1), c.dots(kLeft), c.dots(kLeft + kWidth), 0.2);
        drawText(c, mmRect(c, kLeft, 284, 120, 6), ListText::tr("Phone numbers and names are masked."), 3,
                 Qt::AlignLeft | Qt::AlignVCenter);
        drawText(c, mmRect(c, kLeft + 120, 284, 60, 6),
                 ListText::tr("Page %1 of %2").arg(c.page + 1).arg(pages->size()), 3,
                 Qt::AlignRight | Qt::AlignVCenter);
    };
    return doc;
}

} // namespace cz::print
