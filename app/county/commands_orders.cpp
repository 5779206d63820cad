// cunzhan-county's proxy-order commands (orders list|show|accept|refuse|ship|purchase-list) and the
// unified prices it publishes (rates import|withdraw, waybill-block assign|withdraw). English output for
// operators, like the other county commands.
#include "commands.h"
#include "orders.h"
#include "prices.h"
#include "store.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QSaveFile>
#include <QTimeZone>

namespace cz::county::cli {

namespace {

template<class F> int withOpenStore(const Context& c, F f) {
    auto store = CountyStore::open(c.db);
    if (!store)
        return report(store.error(), c.json);
    const Result<int> code = f(**store);
    return code ? *code : report(code.error(), c.json);
}

QString when(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone(8 * 3600))
        .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString yuan(qint64 fen) {
    return QStringLiteral("%1%2.%3")
        .arg(fen < 0 ? QStringLiteral("-") : QString())
        .arg(std::abs(fen) / 100)
        .arg(std::abs(fen) % 100, 2, 10, QLatin1Char('0'));
}

QString summary(const CountyOrder& o) {
    QString text = QStringLiteral("%1  %2  %3  %4  %5 yuan  %6 line(s)  placed %7")
                       .arg(o.id, o.stationName, o.status, o.villagerMasked, yuan(o.totalFen))
                       .arg(o.lines.size())
                       .arg(when(o.placedAt));
    if (!o.waybill.isEmpty())
        text += QStringLiteral("  waybill %1%2")
                    .arg(o.waybill, o.carrier.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(o.carrier));
    if (o.cancelConflict)
        text += QStringLiteral("  CANCELLED AT THE STATION AFTER SHIPPING");
    return text;
}

int printOrder(const Context& c, const CountyOrder& o) {
    if (c.json) {
        printJson(o.toJson());
        return 0;
    }
    printLine(summary(o));
    if (!o.reason.isEmpty())
        printLine(QStringLiteral("  reason: %1").arg(o.reason));
    for (const OrderLine& l : o.lines)
        if (!l.sku.isEmpty())
            printLine(
                QStringLiteral("  %1  %2 %3  x%4 %5  at %6 yuan  supplier %7%8")
                    .arg(l.sku, l.name, l.spec)
                    .arg(l.quantity)
                    .arg(l.unit, yuan(l.priceFen), l.supplier,
                         l.priceChanged ? QStringLiteral("  (price changed when ordered)") : QString()));
    return 0;
}

int decide(const Context& c, OrderDecision decision, const DecisionInput& input) {
    return withOpenStore(c, [&](CountyStore& store) -> Result<int> {
        auto order = decideOrder(store, c.args.at(0), decision, input);
        if (!order)
            return fail(order.error());
        if (c.json)
            printJson(order->toJson());
        else
            printLine(QStringLiteral("order %1 %2; the station %3 will see it at its next sync")
                          .arg(order->id, order->status, order->stationName));
        return 0;
    });
}

Result<qint64> wholeOption(const Context& c, const QString& name, qint64 min, qint64 max) {
    bool ok = false;
    const qint64 v = c.parser.value(name).toLongLong(&ok);
    if (!ok || v < min || v > max)
        return fail(ErrorKind::BadInput, QStringLiteral("usage"),
                    QStringLiteral("--%1 needs a whole number from %2 to %3.").arg(name).arg(min).arg(max));
    return v;
}

} // namespace

int ordersList(const Context& c) {
    return withOpenStore(c, [&](CountyStore& store) -> Result<int> {
        auto orders = listOrders(store, {c.parser.value(QStringLiteral("status")).trimmed(),
                                         c.parser.value(QStringLiteral("station")).trimmed()});
        if (!orders)
            return fail(orders.error());
        for (const CountyOrder& o : *orders) {
            if (c.json)
                printJson(o.toJson());
            else
                printLine(summary(o));
        }
        if (!c.json && orders->isEmpty())
            printLine(QStringLiteral("no orders"));
        return 0;
    });
}

int ordersShow(const Context& c) {
    return withOpenStore(c, [&](CountyStore& store) -> Result<int> {
        auto order = findOrder(store, c.args.at(0));
        if (!order)
            return fail(order.error());
        return printOrder(c, *order);
    });
}

int ordersAccept(const Context& c) {
    return decide(c, OrderDecision::Accept, {});
}

int ordersRefuse(const Context& c) {
    if (c.parser.value(QStringLiteral("reason")).trimmed().isEmpty())
        return usage(QStringLiteral("usage: cunzhan-county orders refuse ID --reason TEXT"));
    return decide(c, OrderDecision::Refuse, {c.parser.value(QStringLiteral("reason")), {}, {}});
}

int ordersShip(const Context& c) {
    if (c.parser.value(QStringLiteral("waybill")).trimmed().isEmpty())
        return usage(QStringLiteral("usage: cunzhan-county orders ship ID --waybill W [--carrier C]"));
    return decide(c, OrderDecision::Ship,
                  {{}, c.parser.value(QStringLiteral("waybill")), c.parser.value(QStringLiteral("carrier"))});
}

int ordersPurchaseList(const Context& c) {
    const QString out = c.parser.value(QStringLiteral("out"));
    if (out.isEmpty())
        return usage(QStringLiteral("usage: cunzhan-county orders purchase-list [--status accepted] "
                                    "[--supplier S] --out FILE.csv"));
    return withOpenStore(c, [&](CountyStore& store) -> Result<int> {
        auto rows = purchaseList(store, c.parser.value(QStringLiteral("status")).trimmed(),
                                 c.parser.value(QStringLiteral("supplier")));
        if (!rows)
            return fail(rows.error());
        QSaveFile file(out);
        if (!file.open(QIODevice::WriteOnly) || file.write(purchaseListCsv(*rows)) < 0 || !file.commit())
            return fail(ErrorKind::Unavailable, QStringLiteral("file.unwritable"),
                        QStringLiteral("Cannot write %1: %2").arg(out, file.errorString()));
        qint64 amount = 0;
        for (const PurchaseRow& r : *rows)
            amount += r.amountFen;
        if (c.json)
            printJson({{QStringLiteral("file"), out},
                       {QStringLiteral("rows"), int(rows->size())},
                       {QStringLiteral("amount_fen"), amount}});
        else
            printLine(QStringLiteral("%1 line(s), %2 yuan, written to %3")
                          .arg(rows->size())
                          .arg(yuan(amount), out));
        return 0;
    });
}

int ratesImport(const Context& c) {
    QFile f(c.args.at(0));
    if (!f.open(QIODevice::ReadOnly))
        return report({ErrorKind::BadInput,
                       QStringLiteral("file.unreadable"),
                       QStringLiteral("Cannot read %1: %2").arg(c.args.at(0), f.errorString()),
                       {}},
                      c.json);
    const QByteArray bytes = f.readAll();
    return withOpenStore(c, [&](CountyStore& store) -> Result<int> {
        auto published = importCountyRates(store, bytes);
        if (!published)
            return fail(published.error());
        if (c.json)
            printJson({{QStringLiteral("rows"), published->rows},
                       {QStringLiteral("carriers"), QJsonArray::fromStringList(published->carriers)}});
        else
            printLine(QStringLiteral("%1 rate(s) of %2 published to all stations")
                          .arg(published->rows)
                          .arg(published->carriers.join(QStringLiteral(", "))));
        return 0;
    });
}

int waybillBlockAssign(const Context& c) {
    const QString station = c.parser.value(QStringLiteral("station")).trimmed();
    const QString carrier = c.parser.value(QStringLiteral("carrier")).trimmed();
    if (station.isEmpty() || carrier.isEmpty() || !c.parser.isSet(QStringLiteral("from")) ||
        !c.parser.isSet(QStringLiteral("to")))
        return usage(QStringLiteral("usage: cunzhan-county waybill-block assign --station ID --carrier C "
                                    "--from N --to N [--prefix P] [--digits D]"));
    auto from = wholeOption(c, QStringLiteral("from"), 0, 999999999999999999LL);
    auto to = wholeOption(c, QStringLiteral("to"), 0, 999999999999999999LL);
    for (const auto* v : {&from, &to})
        if (!*v)
            return report(v->error(), c.json);
    WaybillBlock block{station, carrier, c.parser.value(QStringLiteral("prefix")), *from, *to, 0};
    if (c.parser.isSet(QStringLiteral("digits"))) {
        auto digits = wholeOption(c, QStringLiteral("digits"), 1, 18);
        if (!digits)
            return report(digits.error(), c.json);
        block.digits = static_cast<int>(*digits);
    }
    return withOpenStore(c, [&](CountyStore& store) -> Result<int> {
        auto assigned = assignWaybillBlock(store, block);
        if (!assigned)
            return fail(assigned.error());
        if (c.json)
            printJson(toJson(*assigned));
        else
            printLine(QStringLiteral("%1 numbers of %2 (%3 to %4) assigned to station %5")
                          .arg(assigned->to - assigned->from + 1)
                          .arg(assigned->carrier, firstNumber(*assigned), lastNumber(*assigned),
                               assigned->stationId));
        return 0;
    });
}

int ratesWithdraw(const Context& c) {
    return withOpenStore(c, [&](CountyStore& store) -> Result<int> {
        const QString carrier = c.args.at(0).trimmed().toUpper();
        if (auto st = withdrawCountyRates(store, carrier); !st)
            return fail(st.error());
        if (c.json)
            printJson({{QStringLiteral("withdrawn"), carrier}});
        else
            printLine(
                QStringLiteral("the rates of %1 are withdrawn: stations use their own again").arg(carrier));
        return 0;
    });
}

int waybillBlockWithdraw(const Context& c) {
    return withOpenStore(c, [&](CountyStore& store) -> Result<int> {
        auto withdrawn = withdrawWaybillBlock(store, c.args.at(0), c.args.at(1));
        if (!withdrawn)
            return fail(withdrawn.error());
        if (c.json)
            printJson(toJson(*withdrawn));
        else
            printLine(QStringLiteral("the block %1 to %2 of station %3 is withdrawn")
                          .arg(firstNumber(*withdrawn), lastNumber(*withdrawn), withdrawn->stationId));
        return 0;
    });
}

} // namespace cz::county::cli
