// Proxy buying (代购) on paper: the receipt of an order and of a payment into or out of a villager's
// account, on 58 or 80 mm receipt paper, and the villager's account statement on A4. The villager's phone
// and name print masked, every amount in yuan with two decimals.
#include "clock.h"
#include "documents.h"
#include "drawing.h"
#include "privacy.h"

#include <QCoreApplication>
#include <QPainter>
#include <cmath>
#include <memory>

namespace cz::print {

namespace {
struct ReceiptText {
    Q_DECLARE_TR_FUNCTIONS(Printing)
};

// One line of a receipt: text on the left, an amount (or other value) on the right.
struct Row {
    QString left;
    QString right;
    double fontMm = 3.2;
    bool bold = false;
    bool centred = false;
    bool rule = false; // a rule instead of text
};

struct ReceiptLayout {
    double width = 48;
    double scale = 1.0; // 80 mm paper: larger type
};

// About how wide a text is at a font height: Han characters are square, digits and letters half as wide.
double textWidthMm(const QString& text, double fontMm) {
    double em = 0;
    for (QChar ch : text)
        em += ch.unicode() >= 0x2E80 ? 1.0 : 0.6;
    return em * fontMm;
}

double rowHeight(const Row& r) {
    return r.rule ? 1.5 : r.fontMm * 1.45;
}

Document receiptDocument(const QString& title, const QList<Row>& rows, SlipPaper paper) {
    ReceiptLayout l;
    l.width = slipPrintableWidthMm(paper);
    l.scale = paper == SlipPaper::Mm80 ? 1.15 : 1.0;
    double height = 2 + 5; // top margin, bottom margin for the cutter
    for (const Row& r : rows)
        height += rowHeight(r) * l.scale;
    Document doc;
    doc.title = title;
    doc.pageMm = QSizeF(l.width, std::ceil(height));
    doc.media = QStringLiteral("Custom.%1x%2mm")
                    .arg(paper == SlipPaper::Mm80 ? 80 : 58)
                    .arg(static_cast<int>(doc.pageMm.height()));
    doc.dpi = kThermalDpi;
    doc.paint = [l, rows](Canvas& c) {
        double y = 2;
        for (const Row& r : rows) {
            const double h = rowHeight(r) * l.scale;
            const double font = r.fontMm * l.scale;
            if (r.rule) {
                drawRule(c, c.dots(y + h / 2), 0, c.dots(l.width));
            } else if (r.centred) {
                drawText(c, mmRect(c, 0, y, l.width, h), r.left, font, Qt::AlignCenter, r.bold);
            } else if (r.right.isEmpty()) {
                drawText(c, mmRect(c, 0.5, y, l.width - 1, h), r.left, font, Qt::AlignLeft | Qt::AlignVCenter,
                         r.bold);
            } else {
                // The value keeps its room; the text on the left shrinks into what is left.
                const double valueW = std::min(l.width * 0.5, textWidthMm(r.right, font) + 1);
                drawText(c, mmRect(c, 0.5, y, l.width - valueW - 1.5, h), r.left, font,
                         Qt::AlignLeft | Qt::AlignVCenter, r.bold);
                drawText(c, mmRect(c, l.width - valueW - 0.5, y, valueW, h), r.right, font,
                         Qt::AlignRight | Qt::AlignVCenter, r.bold);
            }
            y += h;
        }
    };
    return doc;
}

Row rule() {
    Row r;
    r.rule = true;
    return r;
}

Row centred(const QString& text, double fontMm, bool bold = false) {
    Row r;
    r.left = text;
    r.fontMm = fontMm;
    r.bold = bold;
    r.centred = true;
    return r;
}

Row pair(const QString& left, const QString& right, double fontMm = 3.2, bool bold = false) {
    Row r;
    r.left = left;
    r.right = right;
    r.fontMm = fontMm;
    r.bold = bold;
    return r;
}

QString yuan(qint64 fen) {
    return ReceiptText::tr("%1 yuan").arg(cz::formatFen(fen));
}

// A short number for people: the end of the id, which the station's lists can find.
QString shortId(const QString& id) {
    return id.right(8).toUpper();
}

QList<Row> header(const QString& station, const QString& title, const QString& number, qint64 atMs,
                  const cz::Villager& v) {
    return {centred(station, 4.2, true),
            centred(title, 3.6),
            rule(),
            pair(ReceiptText::tr("No."), number),
            pair(ReceiptText::tr("Time"), localDateTimeText(atMs)),
            pair(ReceiptText::tr("Villager"), v.maskedName()),
            pair(ReceiptText::tr("Phone"), v.maskedPhone()),
            rule()};
}

QString paymentText(const cz::Order& o) {
    switch (o.payment) {
    case cz::OrderPayment::Now:
        return ReceiptText::tr("Paid now (%1)").arg(cz::methodDisplayName(o.method));
    case cz::OrderPayment::Deposit:
        return ReceiptText::tr("From the deposit");
    case cz::OrderPayment::Credit:
        return ReceiptText::tr("On credit");
    }
    return {};
}

QString balanceText(qint64 balanceFen) {
    return balanceFen < 0 ? ReceiptText::tr("owes %1").arg(yuan(-balanceFen)) : yuan(balanceFen);
}

// A4 statement geometry, in millimetres.
constexpr QSizeF kA4(210, 297);
constexpr double kLeft = 15;
constexpr double kWidth = 180;
constexpr double kBodyTop = 52;
constexpr double kBodyBottom = 282;
constexpr double kRowH = 6.5;
struct Column {
    double x;
    double w;
    Qt::Alignment align;
};
// time, kind, method, amount, balance, note
constexpr Column kCols[] = {{0, 32, Qt::AlignLeft},   {32, 24, Qt::AlignLeft},   {56, 22, Qt::AlignLeft},
                            {78, 28, Qt::AlignRight}, {106, 30, Qt::AlignRight}, {138, 42, Qt::AlignLeft}};

void paintStatementRow(Canvas& c, double y, const QStringList& cells, double font, bool bold) {
    for (int i = 0; i < cells.size() && i < int(std::size(kCols)); ++i)
        drawText(c, mmRect(c, kLeft + kCols[i].x + 0.5, y, kCols[i].w - 1, kRowH), cells[i], font,
                 kCols[i].align | Qt::AlignVCenter, bold);
}

} // namespace

Document orderReceipt(const OrderReceiptData& data, SlipPaper paper) {
    const cz::Order& o = data.order;
    QList<Row> rows = header(data.stationName, ReceiptText::tr("Proxy order receipt"), shortId(o.id),
                             o.placedAt, data.villager);
    for (const cz::OrderLine& l : o.lines) {
        Row name;
        name.left = l.spec.isEmpty() ? l.name : QStringLiteral("%1 %2").arg(l.name, l.spec);
        rows << name;
        rows << pair(QStringLiteral("  %1 × %2").arg(l.quantity).arg(cz::formatFen(l.priceFen)),
                     cz::formatFen(l.amountFen()));
    }
    rows << rule();
    rows << pair(ReceiptText::tr("Total"), yuan(o.totalFen), 4.0, true);
    rows << pair(ReceiptText::tr("Payment"), paymentText(o));
    rows << pair(ReceiptText::tr("Balance"), balanceText(data.balanceFen));
    if (o.priceChanged)
        rows << pair(ReceiptText::tr("Price differs from the catalogue"), QString());
    rows << rule();
    rows << centred(ReceiptText::tr("Goods arrive at the station; keep this receipt."), 2.8);
    return receiptDocument(ReceiptText::tr("Order receipt %1").arg(shortId(o.id)), rows, paper);
}

Document paymentReceipt(const PaymentReceiptData& data, SlipPaper paper) {
    const cz::AccountEntry& e = data.entry;
    QList<Row> rows =
        header(data.stationName, ReceiptText::tr("Payment receipt"), shortId(e.id), e.at, data.villager);
    rows << pair(ReceiptText::tr("For"), cz::entryKindDisplayName(e.kind));
    rows << pair(ReceiptText::tr("Method"), cz::methodDisplayName(e.method));
    rows << pair(ReceiptText::tr("Amount"), yuan(std::abs(e.amountFen)), 4.0, true);
    rows << pair(ReceiptText::tr("Balance"), balanceText(data.balanceFen));
    if (!e.note.isEmpty())
        rows << pair(ReceiptText::tr("Note"), e.note);
    rows << rule();
    rows << centred(ReceiptText::tr("Keep this receipt."), 2.8);
    return receiptDocument(ReceiptText::tr("Payment receipt %1").arg(shortId(e.id)), rows, paper);
}

int statementRowsPerPage() {
    return static_cast<int>((kBodyBottom - kBodyTop) / kRowH);
}

Document accountStatement(const StatementData& data) {
    // Each row with the running balance after it.
    auto rows = std::make_shared<QList<QStringList>>();
    qint64 running = data.state.balanceFen;
    for (const cz::AccountEntry& e : data.entries)
        running -= e.amountFen; // the balance before the first entry shown (older ones may be cut off)
    for (const cz::AccountEntry& e : data.entries) {
        running += e.amountFen;
        rows->append({localDateTimeText(e.at), cz::entryKindDisplayName(e.kind),
                      cz::methodDisplayName(e.method),
                      (e.amountFen > 0 ? QStringLiteral("+") : QString()) + cz::formatFen(e.amountFen),
                      cz::formatFen(running), e.note});
    }
    const int perPage = statementRowsPerPage();
    const int pages = std::max(1, static_cast<int>((rows->size() + perPage - 1) / perPage));

    Document doc;
    doc.title = ReceiptText::tr("Account statement %1").arg(data.villager.maskedName());
    doc.pageMm = kA4;
    doc.media = QStringLiteral("A4");
    doc.dpi = kOfficeDpi;
    doc.pages = pages;
    doc.paint = [rows, perPage, pages, data](Canvas& c) {
        const cz::Villager& v = data.villager;
        drawText(c, mmRect(c, kLeft, 10, kWidth, 10), data.stationName, 7, Qt::AlignLeft | Qt::AlignVCenter,
                 true);
        drawText(c, mmRect(c, kLeft, 20, kWidth, 7),
                 ReceiptText::tr("Account statement of %1 (%2), %3")
                     .arg(v.maskedName(), v.maskedPhone(), localDateTimeText(data.atMs)),
                 4.2, Qt::AlignLeft | Qt::AlignVCenter);
        drawText(c, mmRect(c, kLeft, 28, kWidth, 7),
                 ReceiptText::tr("Balance: %1 yuan · Credit limit: %2 yuan · Owed: %3 yuan")
                     .arg(cz::formatFen(data.state.balanceFen), cz::formatFen(data.state.creditLimitFen),
                          cz::formatFen(data.state.owedFen())),
                 4.0, Qt::AlignLeft | Qt::AlignVCenter, true);
        paintStatementRow(c, 42,
                          {ReceiptText::tr("Time"), ReceiptText::tr("Entry"), ReceiptText::tr("Method"),
                           ReceiptText::tr("Amount"), ReceiptText::tr("Balance"), ReceiptText::tr("Note")},
                          3.4, true);
        drawRule(c, c.dots(kBodyTop - 1), c.dots(kLeft), c.dots(kLeft + kWidth), 0.4);
        const int first = c.page * perPage;
        for (int i = first; i < rows->size() && i < first + perPage; ++i)
            paintStatementRow(c, kBodyTop + (i - first) * kRowH, rows->at(i), 3.4, false);
        if (rows->isEmpty())
            drawText(c, mmRect(c, kLeft, kBodyTop, kWidth, kRowH), ReceiptText::tr("No entries."), 3.4,
                     Qt::AlignLeft | Qt::AlignVCenter);
        drawRule(c, c.dots(kBodyBottom + 1), c.dots(kLeft), c.dots(kLeft + kWidth), 0.2);
        drawText(c, mmRect(c, kLeft, 284, 120, 6), ReceiptText::tr("Phone numbers and names are masked."), 3,
                 Qt::AlignLeft | Qt::AlignVCenter);
        drawText(c, mmRect(c, kLeft + 120, 284, 60, 6),
                 ReceiptText::tr("Page %1 of %2").arg(c.page + 1).arg(pages), 3,
                 Qt::AlignRight | Qt::AlignVCenter);
    };
    return doc;
}

} // namespace cz::print
