// Proxy orders at the counter: order place|cancel|list|show. Villagers are shown masked.
#include "commands.h"
#include "context.h"
#include "orders.h"
#include "output.h"
#include "privacy.h"

#include <QJsonArray>

namespace cz::ctl {

namespace {

void defineOrder(QCommandLineParser& p) {
    p.addPositionalArgument(QStringLiteral("ACTION"),
                            Tr::tr("place (with --villager, --line and --pay); cancel ID; list; show ID; "
                                   "refund ID."),
                            QStringLiteral("(place | cancel ID | list | show ID | refund ID)"));
    p.addOption(option(QStringLiteral("villager"), Tr::tr("With place and list: the villager's id."),
                       QStringLiteral("ID")));
    p.addOption(
        option(QStringLiteral("line"),
               Tr::tr("With place, once per line: the item's sku, the quantity and optionally the unit "
                      "price in fen the villager was told (default: the catalogue's)."),
               QStringLiteral("SKU:QTY[:PRICE_FEN]")));
    p.addOption(
        option(QStringLiteral("pay"), Tr::tr("With place: now, deposit or credit."), QStringLiteral("HOW")));
    p.addOption(
        option(QStringLiteral("method"),
               Tr::tr("With place --pay now: cash, wechat, alipay or bank (default cash). With refund: "
                      "how the money is paid back (default: as it was paid)."),
               QStringLiteral("METHOD")));
    p.addOption(option(QStringLiteral("to-account"),
                       Tr::tr("With refund: credit the money to the villager's deposit instead of paying it "
                              "out.")));
    p.addOption(option(QStringLiteral("refund-due"),
                       Tr::tr("With list: only the refused orders whose money is still to be paid back.")));
    p.addOption(option(QStringLiteral("reason"), Tr::tr("With cancel: why."), QStringLiteral("TEXT")));
    p.addOption(
        option(QStringLiteral("status"),
               Tr::tr("With list: placed, accepted, refused, shipped, arrived, collected or cancelled."),
               QStringLiteral("STATUS")));
}

QJsonObject orderJson(const Order& o, bool full) {
    QJsonObject j{{QStringLiteral("id"), o.id},
                  {QStringLiteral("villager_id"), o.villagerId},
                  {QStringLiteral("villager_masked"), o.villagerMasked},
                  {QStringLiteral("status"), toString(o.status)},
                  {QStringLiteral("payment"), toString(o.payment)},
                  {QStringLiteral("method"), o.method},
                  {QStringLiteral("total_fen"), o.totalFen},
                  {QStringLiteral("placed_at"), o.placedAt},
                  {QStringLiteral("waybill"), o.waybill},
                  {QStringLiteral("carrier"), o.carrier},
                  {QStringLiteral("parcel_id"), o.parcelId},
                  {QStringLiteral("reason"), o.reason},
                  {QStringLiteral("refund_due"), o.refundDue},
                  {QStringLiteral("price_changed"), o.priceChanged}};
    if (!full)
        return j;
    QJsonArray lines;
    for (const OrderLine& l : o.lines)
        lines.append(QJsonObject{{QStringLiteral("sku"), l.sku},
                                 {QStringLiteral("name"), l.name},
                                 {QStringLiteral("spec"), l.spec},
                                 {QStringLiteral("unit"), l.unit},
                                 {QStringLiteral("supplier"), l.supplier},
                                 {QStringLiteral("quantity"), l.quantity},
                                 {QStringLiteral("price_fen"), l.priceFen},
                                 {QStringLiteral("snapshot_price_fen"), l.snapshotPriceFen},
                                 {QStringLiteral("price_changed"), l.priceChanged}});
    j.insert(QStringLiteral("lines"), lines);
    QJsonArray events;
    for (const OrderEvent& e : o.events)
        events.append(QJsonObject{{QStringLiteral("at"), e.at},
                                  {QStringLiteral("kind"), e.kind},
                                  {QStringLiteral("data"), e.data},
                                  {QStringLiteral("actor"), e.actor}});
    j.insert(QStringLiteral("events"), events);
    return j;
}

void printOrder(const Context& ctx, const Order& o) {
    if (ctx.out.json()) {
        ctx.out.object(orderJson(o, true));
        return;
    }
    ctx.out.fields(
        {{Tr::tr("Order"), o.id},
         {Tr::tr("Villager"), o.villagerMasked},
         {Tr::tr("Status"), statusDisplayName(o.status)},
         {Tr::tr("Placed"), localDateTimeText(o.placedAt)},
         {Tr::tr("Total"), yuan(o.totalFen)},
         {Tr::tr("Paid"), QStringLiteral("%1 (%2)").arg(toString(o.payment), methodDisplayName(o.method))},
         {Tr::tr("Waybill"), o.waybill.isEmpty() ? QStringLiteral("-") : o.waybill},
         {Tr::tr("Reason"), o.reason.isEmpty() ? QStringLiteral("-") : o.reason}});
    Table lines{{Tr::tr("Sku"), Tr::tr("Item"), Tr::tr("Quantity"), Tr::tr("Price"), Tr::tr("Amount")}, {}};
    for (const OrderLine& l : o.lines)
        lines.rows << QStringList{
            l.sku, QStringLiteral("%1 %2").arg(l.name, l.spec).trimmed(),
            QStringLiteral("%1 %2").arg(l.quantity).arg(l.unit).trimmed(),
            formatFen(l.priceFen) +
                (l.priceChanged ? Tr::tr(" (catalogue %1)").arg(formatFen(l.snapshotPriceFen)) : QString()),
            formatFen(l.amountFen())};
    if (!lines.rows.isEmpty())
        ctx.out.table(lines);
    if (o.priceChanged)
        ctx.out.note(Tr::tr("The catalogue's price of some items differed from the price ordered at."));
    if (o.refundDue && o.payment == OrderPayment::Now)
        ctx.out.note(Tr::tr("The county refused this order: %1 is to be paid back to the villager "
                            "(\"order refund %2\").")
                         .arg(yuan(o.totalFen), o.id));
    Table events{{Tr::tr("Time"), Tr::tr("Event")}, {}};
    for (const OrderEvent& e : o.events)
        events.rows << QStringList{localDateTimeText(e.at), e.kind};
    if (!events.rows.isEmpty())
        ctx.out.table(events);
}

// SKU:QTY[:PRICE_FEN]
Result<OrderLineInput> parseLine(const QString& text) {
    const QStringList parts = text.trimmed().split(QLatin1Char(':'));
    bool qtyOk = false;
    bool priceOk = true;
    OrderLineInput line;
    if (parts.size() == 2 || parts.size() == 3) {
        line.sku = parts[0].trimmed();
        line.quantity = parts[1].trimmed().toLongLong(&qtyOk);
        if (parts.size() == 3)
            line.priceFen = parts[2].trimmed().toLongLong(&priceOk);
    }
    if (line.sku.isEmpty() || !qtyOk || !priceOk)
        return fail(
            usageError(Tr::tr("\"%1\" is not an order line: write SKU:QUANTITY or SKU:QUANTITY:PRICE_FEN.")
                           .arg(text.left(80))));
    return line;
}

int place(const Context& ctx, const QCommandLineParser& p) {
    if (!p.isSet(QStringLiteral("villager")) || !p.isSet(QStringLiteral("line")) ||
        !p.isSet(QStringLiteral("pay")))
        return ctx.out.usage(Tr::tr("Give --villager, at least one --line and --pay."), ctx.command);
    const QStringList given = p.values(QStringLiteral("line"));
    if (given.size() > kMaxOrderLines * 2)
        return ctx.out.usage(Tr::tr("An order has at most %1 lines.").arg(kMaxOrderLines), ctx.command);
    QList<OrderLineInput> lines;
    for (const QString& text : given) {
        auto line = parseLine(text);
        if (!line)
            return report(ctx, line.error());
        lines << *line;
    }
    const auto payment = orderPaymentFrom(p.value(QStringLiteral("pay")));
    if (!payment)
        return ctx.out.usage(Tr::tr("--pay is one of now, deposit, credit."), ctx.command);
    PayMethod method = PayMethod::Cash;
    if (p.isSet(QStringLiteral("method"))) {
        const auto m = counterMethodFrom(p.value(QStringLiteral("method")));
        if (!m)
            return ctx.out.usage(Tr::tr("--method is one of cash, wechat, alipay, bank."), ctx.command);
        if (*payment != OrderPayment::Now)
            return ctx.out.usage(Tr::tr("--method goes with --pay now only."), ctx.command);
        method = *m;
    }
    auto o = Orders(ctx.station()).place(p.value(QStringLiteral("villager")), lines, *payment, method);
    if (!o)
        return ctx.out.fail(o.error());
    printOrder(ctx, *o);
    return 0;
}

int runOrder(Context& ctx, const QCommandLineParser& p) {
    const QStringList pos = p.positionalArguments();
    const QString action = pos.value(0);
    Orders orders(ctx.station());
    if (action == QLatin1String("place") && pos.size() == 1)
        return place(ctx, p);
    if (action == QLatin1String("cancel") && pos.size() == 2) {
        auto o = orders.cancel(pos[1], p.value(QStringLiteral("reason")));
        if (!o)
            return ctx.out.fail(o.error());
        auto shown = orders.show(o->id);
        if (!shown)
            return ctx.out.fail(shown.error());
        printOrder(ctx, *shown);
        return 0;
    }
    if (action == QLatin1String("refund") && pos.size() == 2) {
        auto shown = orders.show(pos[1]);
        if (!shown)
            return ctx.out.fail(shown.error());
        PayMethod method = counterMethodFrom(shown->method).value_or(PayMethod::Cash);
        if (p.isSet(QStringLiteral("to-account"))) {
            if (p.isSet(QStringLiteral("method")))
                return ctx.out.usage(Tr::tr("Give --to-account or --method, not both."), ctx.command);
            method = PayMethod::Account;
        } else if (p.isSet(QStringLiteral("method"))) {
            const auto m = counterMethodFrom(p.value(QStringLiteral("method")));
            if (!m)
                return ctx.out.usage(Tr::tr("--method is one of cash, wechat, alipay, bank."), ctx.command);
            method = *m;
        }
        auto o = orders.payRefund(shown->id, method);
        if (!o)
            return ctx.out.fail(o.error());
        auto after = orders.show(o->id);
        if (!after)
            return ctx.out.fail(after.error());
        printOrder(ctx, *after);
        return 0;
    }
    if (action == QLatin1String("show") && pos.size() == 2) {
        auto o = orders.show(pos[1]);
        if (!o)
            return ctx.out.fail(o.error());
        printOrder(ctx, *o);
        return 0;
    }
    if (action == QLatin1String("list") && pos.size() == 1) {
        // The county's refusals of orders paid from the account are refunded before they are listed;
        // those paid at the counter wait for "order refund" (docs/protocol.md, "Proxy orders").
        if (auto settled = orders.settleRefunds(); !settled)
            return ctx.out.fail(settled.error());
        OrderFilter filter;
        if (p.isSet(QStringLiteral("status"))) {
            filter.status = orderStatusFrom(p.value(QStringLiteral("status")));
            if (!filter.status)
                return ctx.out.usage(Tr::tr("--status is one of placed, accepted, refused, shipped, arrived, "
                                            "collected, cancelled."),
                                     ctx.command);
        }
        filter.villagerId = p.value(QStringLiteral("villager"));
        filter.refundDueOnly = p.isSet(QStringLiteral("refund-due"));
        auto list = orders.list(filter);
        if (!list)
            return ctx.out.fail(list.error());
        if (ctx.out.json()) {
            for (const Order& o : *list)
                ctx.out.object(orderJson(o, false));
            return 0;
        }
        if (list->isEmpty()) {
            ctx.out.note(Tr::tr("No order matches."));
            return 0;
        }
        Table t{{Tr::tr("Order"), Tr::tr("Placed"), Tr::tr("Villager"), Tr::tr("Status"), Tr::tr("Total"),
                 Tr::tr("Waybill")},
                {}};
        for (const Order& o : *list)
            t.rows << QStringList{o.id,
                                  localDateTimeText(o.placedAt),
                                  o.villagerMasked,
                                  statusDisplayName(o.status),
                                  formatFen(o.totalFen),
                                  o.waybill};
        ctx.out.table(t);
        return 0;
    }
    return ctx.out.usage(
        Tr::tr("Write \"order place --villager ID --line SKU:QTY --pay HOW\", \"order cancel ID\", "
               "\"order list\", \"order show ID\" or \"order refund ID\"."),
        ctx.command);
}

} // namespace

QList<Command> orderCommands() {
    return {
        {QStringLiteral("order"), Tr::tr("Proxy orders for villagers: place, cancel, list, show, refund."),
         QStringLiteral(
             "(place --villager ID --line SKU:QTY[:PRICE_FEN]... --pay now|deposit|credit [--method M] | "
             "cancel ID [--reason R] | list [--status S] [--villager ID] [--refund-due] | show ID | "
             "refund ID [--method M | --to-account])"),
         true, false, defineOrder, runOrder},
    };
}

} // namespace cz::ctl
