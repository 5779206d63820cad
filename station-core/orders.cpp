// Proxy orders: placing (checks, snapshot prices, payment), cancelling with its refund, the county's
// decisions (storeOrderStatus), the receive and handover hooks, lists, and the schema step
// orders.initial.
#include "orders.h"

#include "catalogue.h"
#include "countychanges.h"
#include "migrations.h"
#include "privacy.h"
#include "sqltext.h"
#include "writetx.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace cz {

namespace {
struct OrdersText {
    Q_DECLARE_TR_FUNCTIONS(Orders)
};

constexpr qsizetype kMaxReason = 200;

const QString kOrderColumns = QStringLiteral(
    "SELECT o.id, o.villager_id, v.name, v.phone, v.phone_tail, o.status, o.payment, o.method, o.total_fen,"
    " o.placed_at, o.updated_at, o.waybill, o.carrier, o.parcel_id, o.reason, o.refund_due, o.price_changed"
    " FROM proxy_order o JOIN villager v ON v.id = o.villager_id");

Order orderFromRow(const QSqlQuery& q) {
    Order o;
    o.id = q.value(0).toString();
    o.villagerId = q.value(1).toString();
    o.villagerMasked = maskName(q.value(2).toString()) + QLatin1Char(' ') +
                       maskPhone(q.value(3).toString(), q.value(4).toString());
    o.status = orderStatusFrom(q.value(5).toString()).value_or(OrderStatus::Placed);
    o.payment = orderPaymentFrom(q.value(6).toString()).value_or(OrderPayment::Now);
    o.method = q.value(7).toString();
    o.totalFen = q.value(8).toLongLong();
    o.placedAt = q.value(9).toLongLong();
    o.updatedAt = q.value(10).toLongLong();
    o.waybill = q.value(11).toString();
    o.carrier = q.value(12).toString();
    o.parcelId = q.value(13).toString();
    o.reason = q.value(14).toString();
    o.refundDue = q.value(15).toInt() != 0;
    o.priceChanged = q.value(16).toInt() != 0;
    return o;
}

Result<QList<Order>> queryOrders(Database& db, const QString& where, const QVariantList& args) {
    auto q = db.exec(kOrderColumns + QLatin1Char(' ') + where, args);
    if (!q)
        return fail(q.error());
    QList<Order> out;
    while ((*q)->next())
        out << orderFromRow(**q);
    (*q)->finish();
    return out;
}

Error orderNotFound(const QString& id) {
    return {ErrorKind::NotFound,
            QStringLiteral("order.not_found"),
            OrdersText::tr("There is no order with the id %1.").arg(id),
            {}};
}

Result<Order> loadOrder(Database& db, const QString& id) {
    auto found = queryOrders(db, QStringLiteral("WHERE o.id = ?"), {id.trimmed()});
    if (!found)
        return fail(found.error());
    if (found->isEmpty())
        return fail(orderNotFound(id.trimmed()));
    return found->first();
}

Status appendOrderEvent(WriteTx& tx, const QString& orderId, const QString& kind, const QJsonObject& data) {
    auto q = tx.exec(QStringLiteral("INSERT INTO proxy_order_event(order_id, at, id, kind, data, actor)"
                                    " VALUES (?, ?, ?, ?, ?, ?)"),
                     {orderId, tx.now(), tx.newId(), kind,
                      QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact)), tx.actor()});
    if (!q)
        return fail(q.error());
    return {};
}

Status setStatus(WriteTx& tx, const QString& orderId, OrderStatus status) {
    auto q = tx.exec(QStringLiteral("UPDATE proxy_order SET status = ?, updated_at = ? WHERE id = ?"),
                     {toString(status), tx.now(), orderId});
    if (!q)
        return fail(q.error());
    return {};
}

// Gives back what the order took: to the account what it took from the account (deposit, credit, or
// the payment now that passed through it), then, for a payment now, that money paid out over the
// counter with the method it came in by (a negative cash entry). Computed from the order's own ledger
// entries, so refunding twice gives nothing the second time.
// payOut: how a payment now goes back over the counter (its own method when not given);
// PayMethod::Account keeps it in the villager's deposit instead.
Status refundOrder(WriteTx& tx, const Order& o, std::optional<PayMethod> payOut = std::nullopt) {
    auto taken = tx.scalar(QStringLiteral("SELECT coalesce(-sum(amount_fen), 0) FROM account_entry"
                                          " WHERE order_id = ? AND method = 'account'"),
                           {o.id});
    if (!taken)
        return fail(taken.error());
    if (taken->toLongLong() > 0) {
        if (auto e = appendAccountEntry(tx, o.villagerId, entry::kRefund, taken->toLongLong(),
                                        PayMethod::Account, o.id);
            !e)
            return fail(e.error());
    }
    if (o.payment == OrderPayment::Now) {
        auto paidIn = tx.scalar(QStringLiteral("SELECT coalesce(sum(amount_fen), 0) FROM account_entry"
                                               " WHERE order_id = ? AND method <> 'account'"),
                                {o.id});
        if (!paidIn)
            return fail(paidIn.error());
        const auto method = payOut.value_or(counterMethodFrom(o.method).value_or(PayMethod::Cash));
        auto paidOut = tx.scalar(QStringLiteral("SELECT coalesce(-sum(amount_fen), 0) FROM account_entry"
                                                " WHERE order_id = ? AND kind = ?"),
                                 {o.id, entry::kWithdrawal});
        if (!paidOut)
            return fail(paidOut.error());
        if (method != PayMethod::Account && paidIn->toLongLong() - paidOut->toLongLong() > 0) {
            if (auto e = appendAccountEntry(tx, o.villagerId, entry::kWithdrawal,
                                            -(paidIn->toLongLong() - paidOut->toLongLong()), method, o.id);
                !e)
                return fail(e.error());
        }
    }
    auto q = tx.exec(QStringLiteral("UPDATE proxy_order SET refund_due = 0 WHERE id = ?"), {o.id});
    if (!q)
        return fail(q.error());
    return {};
}

QJsonObject lineJson(const OrderLine& l) {
    return {{QStringLiteral("sku"), l.sku},
            {QStringLiteral("name"), l.name},
            {QStringLiteral("spec"), l.spec},
            {QStringLiteral("unit"), l.unit},
            {QStringLiteral("supplier"), l.supplier},
            {QStringLiteral("quantity"), l.quantity},
            {QStringLiteral("price_fen"), l.priceFen},
            {QStringLiteral("price_changed"), l.priceChanged}};
}

// The schema version at which a step was applied (0: not listed).
int stepVersion(const char* id) {
    const auto& steps = schemaSteps();
    for (size_t i = 0; i < steps.size(); ++i)
        if (QLatin1String(steps[i].id) == QLatin1String(id))
            return static_cast<int>(i) + 1;
    return 0;
}

// Whether the database has the orders' tables: one opened at an older schema (OpenOptions::migrateTo,
// as the migration tests do) receives and hands over parcels without them.
bool hasOrders(const Database& db) {
    static const int version = stepVersion("orders.initial");
    return db.schemaVersion() >= version;
}

// Whether it has the columns and index of orders.refunds_and_reports.
bool hasOrderReports(const Database& db) {
    static const int version = stepVersion("orders.refunds_and_reports");
    return version > 0 && db.schemaVersion() >= version;
}

// The ops a downstream transaction could not append: an order the county shipped after its parcel
// was already received here (storeOrderStatus linked them) reports its arrival.
Status reportArrival(WriteTx& tx, const Order& o) {
    if (auto st = tx.appendOp(QStringLiteral("order"), o.id, QStringLiteral("order.arrived"),
                              {{QStringLiteral("order_id"), o.id},
                               {QStringLiteral("parcel_id"), o.parcelId},
                               {QStringLiteral("waybill"), o.waybill},
                               {QStringLiteral("at"), o.updatedAt}});
        !st)
        return fail(st.error());
    auto q = tx.exec(QStringLiteral("UPDATE proxy_order SET report_due = 0 WHERE id = ?"), {o.id});
    if (!q)
        return fail(q.error());
    return {};
}

// Settles what the pull's downstream transactions left due, one WriteTx per order: refunds of
// refused orders paid from the account (deposit or credit), and arrival reports. A refused order
// paid at the counter stays refund due until the clerk pays the money out (Orders::payRefund).
Result<int> settleAll(Database& db, const std::function<Result<WriteTx>()>& begin) {
    const bool reports = hasOrderReports(db);
    auto due = db.exec(
        reports ? QStringLiteral("SELECT id FROM proxy_order WHERE refund_due = 1 AND payment <> 'now'"
                                 " UNION SELECT id FROM proxy_order WHERE report_due = 1 LIMIT 1000")
                : QStringLiteral("SELECT id FROM proxy_order WHERE refund_due = 1 AND payment <> 'now'"
                                 " LIMIT 1000"));
    if (!due)
        return fail(due.error());
    QStringList ids;
    while ((*due)->next())
        ids << (*due)->value(0).toString();
    (*due)->finish();
    int settled = 0;
    for (const QString& id : ids) {
        auto tx = begin();
        if (!tx)
            return fail(tx.error());
        auto o = loadOrder(tx->db(), id);
        if (!o)
            return fail(o.error());
        const bool refund = o->refundDue && o->payment != OrderPayment::Now;
        bool report = false;
        if (reports) {
            auto r = tx->scalar(QStringLiteral("SELECT report_due FROM proxy_order WHERE id = ?"), {id});
            if (!r)
                return fail(r.error());
            report = r->toInt() != 0;
        }
        if (!refund && !report)
            continue; // another program settled it meanwhile
        if (refund) {
            if (auto st = refundOrder(*tx, *o); !st)
                return fail(st.error());
            if (auto st = appendOrderEvent(*tx, o->id, QStringLiteral("refunded"), {}); !st)
                return fail(st.error());
        }
        if (report) {
            if (auto st = reportArrival(*tx, *o); !st)
                return fail(st.error());
        }
        if (auto st = tx->commit(); !st)
            return fail(st.error());
        ++settled;
    }
    return settled;
}
} // namespace

QString toString(OrderPayment payment) {
    switch (payment) {
    case OrderPayment::Now:
        return QStringLiteral("now");
    case OrderPayment::Deposit:
        return QStringLiteral("deposit");
    case OrderPayment::Credit:
        break;
    }
    return QStringLiteral("credit");
}

std::optional<OrderPayment> orderPaymentFrom(const QString& text) {
    for (OrderPayment p : {OrderPayment::Now, OrderPayment::Deposit, OrderPayment::Credit})
        if (toString(p) == text.trimmed().toLower())
            return p;
    return std::nullopt;
}

QString toString(OrderStatus status) {
    switch (status) {
    case OrderStatus::Placed:
        return QStringLiteral("placed");
    case OrderStatus::Accepted:
        return QStringLiteral("accepted");
    case OrderStatus::Refused:
        return QStringLiteral("refused");
    case OrderStatus::Shipped:
        return QStringLiteral("shipped");
    case OrderStatus::Arrived:
        return QStringLiteral("arrived");
    case OrderStatus::Collected:
        return QStringLiteral("collected");
    case OrderStatus::Cancelled:
        break;
    }
    return QStringLiteral("cancelled");
}

std::optional<OrderStatus> orderStatusFrom(const QString& text) {
    for (OrderStatus s :
         {OrderStatus::Placed, OrderStatus::Accepted, OrderStatus::Refused, OrderStatus::Shipped,
          OrderStatus::Arrived, OrderStatus::Collected, OrderStatus::Cancelled})
        if (toString(s) == text.trimmed().toLower())
            return s;
    return std::nullopt;
}

QString statusDisplayName(OrderStatus status) {
    switch (status) {
    case OrderStatus::Placed:
        return OrdersText::tr("placed");
    case OrderStatus::Accepted:
        return OrdersText::tr("accepted");
    case OrderStatus::Refused:
        return OrdersText::tr("refused");
    case OrderStatus::Shipped:
        return OrdersText::tr("shipped");
    case OrderStatus::Arrived:
        return OrdersText::tr("arrived");
    case OrderStatus::Collected:
        return OrdersText::tr("collected");
    case OrderStatus::Cancelled:
        break;
    }
    return OrdersText::tr("cancelled");
}

Result<Order> Orders::place(const QString& villagerId, const QList<OrderLineInput>& input,
                            OrderPayment payment, PayMethod method) {
    if (auto st = m_ctx.requireInitialised(); !st)
        return fail(st.error());
    if (input.isEmpty())
        return fail(ErrorKind::BadInput, QStringLiteral("order.no_lines"),
                    OrdersText::tr("An order needs at least one line."));
    if (input.size() > kMaxOrderLines)
        return fail(
            ErrorKind::BadInput, QStringLiteral("order.too_many_lines"),
            OrdersText::tr("An order has at most %1 lines; this one has %2. Split it into several orders.")
                .arg(kMaxOrderLines)
                .arg(input.size()));
    for (const OrderLineInput& l : input) {
        if (l.quantity <= 0 || l.quantity > kMaxLineQuantity)
            return fail(ErrorKind::BadInput, QStringLiteral("order.quantity"),
                        OrdersText::tr("The quantity of %1 must be a whole number from 1 to %2.")
                            .arg(l.sku.trimmed())
                            .arg(kMaxLineQuantity));
        if (l.priceFen && (*l.priceFen < 0 || *l.priceFen > kMaxPriceFen))
            return fail(ErrorKind::BadInput, QStringLiteral("order.price"),
                        OrdersText::tr("The price of %1 is out of range.").arg(l.sku.trimmed()));
    }
    if (payment == OrderPayment::Now && method == PayMethod::Account)
        return fail(
            ErrorKind::BadInput, QStringLiteral("method.unknown"),
            OrdersText::tr("Choose how the order is paid now: cash, WeChat, Alipay or bank transfer."));
    const PayMethod paidBy = payment == OrderPayment::Now ? method : PayMethod::Account;

    auto tx = m_ctx.beginWrite(Permission::PlaceOrder);
    if (!tx)
        return fail(tx.error());
    auto villager = loadVillager(*tx, villagerId);
    if (!villager)
        return fail(villager.error());

    Order o;
    o.id = tx->newId();
    o.villagerId = villager->id;
    o.villagerMasked = villager->maskedLabel();
    o.payment = payment;
    o.method = toString(paidBy);
    o.placedAt = tx->now();
    o.updatedAt = tx->now();
    Catalogue catalogue(m_ctx);
    for (const OrderLineInput& in : input) {
        const QString sku = in.sku.trimmed();
        auto item = catalogue.item(sku);
        if (!item)
            return fail(item.error());
        if (!*item)
            return fail(ErrorKind::BadInput, QStringLiteral("order.unknown_sku"),
                        OrdersText::tr("There is no item %1 in the catalogue.").arg(sku.left(64)));
        if (!(*item)->active)
            return fail(ErrorKind::Conflict, QStringLiteral("order.item_withdrawn"),
                        OrdersText::tr("%1 (%2) has been withdrawn from the catalogue and cannot be ordered.")
                            .arg((*item)->name, sku));
        OrderLine l;
        l.lineNo = static_cast<int>(o.lines.size()) + 1;
        l.sku = sku;
        l.name = (*item)->name;
        l.spec = (*item)->spec;
        l.unit = (*item)->unit;
        l.supplier = (*item)->supplier;
        l.quantity = in.quantity;
        l.snapshotPriceFen = (*item)->priceFen;
        l.priceFen = in.priceFen.value_or(l.snapshotPriceFen);
        l.priceChanged = l.priceFen != l.snapshotPriceFen;
        o.priceChanged = o.priceChanged || l.priceChanged;
        o.totalFen += l.amountFen();
        o.lines << l;
    }

    auto balance = accountBalance(*tx, villager->id);
    if (!balance)
        return fail(balance.error());
    if (payment == OrderPayment::Deposit && *balance - o.totalFen < 0)
        return fail(insufficientDeposit(*balance, o.totalFen));
    if (payment == OrderPayment::Credit && *balance - o.totalFen < -villager->creditLimitFen)
        return fail(beyondCreditLimit(*balance, villager->creditLimitFen, o.totalFen));

    auto ins = tx->exec(
        QStringLiteral("INSERT INTO proxy_order(id, villager_id, status, payment, method, total_fen,"
                       " placed_at, updated_at, price_changed) VALUES (?, ?, 'placed', ?, ?, ?, ?, ?, ?)"),
        {o.id, o.villagerId, toString(payment), o.method, o.totalFen, o.placedAt, o.updatedAt,
         o.priceChanged ? 1 : 0});
    if (!ins)
        return fail(ins.error());
    QJsonArray lines;
    for (const OrderLine& l : o.lines) {
        auto q = tx->exec(
            QStringLiteral("INSERT INTO proxy_order_line(order_id, line_no, sku, name, spec, unit,"
                           " supplier, quantity, price_fen, snapshot_price_fen, price_changed)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {o.id, l.lineNo, l.sku, l.name, textOrEmpty(l.spec), textOrEmpty(l.unit), textOrEmpty(l.supplier),
             l.quantity, l.priceFen, l.snapshotPriceFen, l.priceChanged ? 1 : 0});
        if (!q)
            return fail(q.error());
        lines.append(lineJson(l));
    }
    if (auto st = appendOrderEvent(
            *tx, o.id, QStringLiteral("placed"),
            {{QStringLiteral("total_fen"), o.totalFen}, {QStringLiteral("payment"), toString(payment)}});
        !st)
        return fail(st.error());
    if (auto st = tx->appendOp(
            QStringLiteral("order"), o.id, QStringLiteral("order.placed"),
            {{QStringLiteral("order"), QJsonObject{{QStringLiteral("id"), o.id},
                                                   {QStringLiteral("villager_id"), o.villagerId},
                                                   {QStringLiteral("villager_masked"), o.villagerMasked},
                                                   {QStringLiteral("placed_at"), o.placedAt},
                                                   {QStringLiteral("payment"), toString(payment)},
                                                   {QStringLiteral("method"), o.method},
                                                   {QStringLiteral("total_fen"), o.totalFen},
                                                   {QStringLiteral("lines"), lines}}}});
        !st)
        return fail(st.error());
    // The money: a payment now enters the till and passes through the account (so the ledger shows
    // it); deposit and credit move inside the account.
    if (o.totalFen > 0) {
        if (payment == OrderPayment::Now) {
            if (auto e = appendAccountEntry(*tx, o.villagerId, entry::kDeposit, o.totalFen, paidBy, o.id); !e)
                return fail(e.error());
        }
        const QString kind = payment == OrderPayment::Credit ? entry::kCreditCharge : entry::kOrderPayment;
        if (auto e = appendAccountEntry(*tx, o.villagerId, kind, -o.totalFen, PayMethod::Account, o.id); !e)
            return fail(e.error());
    }
    if (auto st = tx->commit(); !st)
        return fail(st.error());
    m_ctx.notifyChanged(Domains(Domain::Orders) | Domain::Accounts);
    return o;
}

Result<Order> Orders::cancel(const QString& orderId, const QString& reasonInput) {
    const QString reason = reasonInput.simplified();
    if (reason.size() > kMaxReason)
        return fail(ErrorKind::BadInput, QStringLiteral("text.too_long"),
                    OrdersText::tr("The reason is too long (at most %1 characters).").arg(kMaxReason));
    auto tx = m_ctx.beginWrite(Permission::CancelOrder);
    if (!tx)
        return fail(tx.error());
    auto o = loadOrder(tx->db(), orderId);
    if (!o)
        return fail(o.error());
    switch (o->status) {
    case OrderStatus::Placed:
    case OrderStatus::Accepted:
        break;
    case OrderStatus::Cancelled:
        return fail(ErrorKind::Conflict, QStringLiteral("order.already_cancelled"),
                    OrdersText::tr("The order %1 was already cancelled.").arg(o->id));
    case OrderStatus::Refused:
        return fail(
            ErrorKind::Conflict, QStringLiteral("order.refused"),
            OrdersText::tr("The county refused the order %1; it is refunded without cancelling.").arg(o->id));
    case OrderStatus::Shipped:
    case OrderStatus::Arrived:
    case OrderStatus::Collected:
        return fail(ErrorKind::Conflict, QStringLiteral("order.already_shipped"),
                    OrdersText::tr("The order %1 has already been shipped (waybill %2) and can no longer be "
                                   "cancelled.")
                        .arg(o->id, o->waybill));
    }
    if (auto st = setStatus(*tx, o->id, OrderStatus::Cancelled); !st)
        return fail(st.error());
    auto q = tx->exec(QStringLiteral("UPDATE proxy_order SET reason = ? WHERE id = ?"),
                      {textOrEmpty(reason), o->id});
    if (!q)
        return fail(q.error());
    if (auto st =
            appendOrderEvent(*tx, o->id, QStringLiteral("cancelled"), {{QStringLiteral("reason"), reason}});
        !st)
        return fail(st.error());
    if (auto st = tx->appendOp(QStringLiteral("order"), o->id, QStringLiteral("order.cancelled"),
                               {{QStringLiteral("order_id"), o->id},
                                {QStringLiteral("reason"), reason},
                                {QStringLiteral("at"), tx->now()}});
        !st)
        return fail(st.error());
    if (auto st = refundOrder(*tx, *o); !st)
        return fail(st.error());
    if (auto st = tx->commit(); !st)
        return fail(st.error());
    m_ctx.notifyChanged(Domains(Domain::Orders) | Domain::Accounts);
    return loadOrder(m_ctx.database(), o->id);
}

Result<QList<Order>> Orders::list(const OrderFilter& filter) {
    QStringList where;
    QVariantList args;
    if (filter.status) {
        where << QStringLiteral("o.status = ?");
        args << toString(*filter.status);
    }
    if (filter.refundDueOnly)
        where << QStringLiteral("o.refund_due = 1");
    if (!filter.villagerId.trimmed().isEmpty()) {
        where << QStringLiteral("o.villager_id = ?");
        args << filter.villagerId.trimmed();
    }
    const int limit = std::clamp(filter.limit, 1, kMaxOrdersListed);
    return queryOrders(
        m_ctx.database(),
        (where.isEmpty() ? QString() : QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND "))) +
            QStringLiteral(" ORDER BY o.placed_at DESC, o.rowid DESC LIMIT %1").arg(limit),
        args);
}

Result<Order> Orders::show(const QString& orderId) {
    auto o = loadOrder(m_ctx.database(), orderId);
    if (!o)
        return fail(o.error());
    auto lines = m_ctx.database().exec(
        QStringLiteral(
            "SELECT line_no, sku, name, spec, unit, supplier, quantity, price_fen, snapshot_price_fen,"
            " price_changed FROM proxy_order_line WHERE order_id = ? ORDER BY line_no"),
        {o->id});
    if (!lines)
        return fail(lines.error());
    while ((*lines)->next()) {
        const QSqlQuery& q = **lines;
        o->lines << OrderLine{q.value(0).toInt(),      q.value(1).toString(),   q.value(2).toString(),
                              q.value(3).toString(),   q.value(4).toString(),   q.value(5).toString(),
                              q.value(6).toLongLong(), q.value(7).toLongLong(), q.value(8).toLongLong(),
                              q.value(9).toInt() != 0};
    }
    (*lines)->finish();
    auto events =
        m_ctx.database().exec(QStringLiteral("SELECT id, at, kind, data, actor FROM proxy_order_event"
                                             " WHERE order_id = ? ORDER BY at, id"),
                              {o->id});
    if (!events)
        return fail(events.error());
    while ((*events)->next()) {
        const QSqlQuery& q = **events;
        o->events << OrderEvent{q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toString(),
                                QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object(),
                                q.value(4).toString()};
    }
    (*events)->finish();
    return *o;
}

Result<int> Orders::settleRefunds() {
    if (!m_ctx.can(Permission::PlaceOrder)) // a read-only run leaves them to the next clerk or sync
        return 0;
    auto n = settleAll(m_ctx.database(), [this] { return m_ctx.beginWrite(Permission::PlaceOrder); });
    if (n && *n > 0)
        m_ctx.notifyChanged(Domains(Domain::Orders) | Domain::Accounts);
    return n;
}

Result<Order> Orders::payRefund(const QString& orderId, PayMethod method) {
    auto tx = m_ctx.beginWrite(Permission::CounterMoney);
    if (!tx)
        return fail(tx.error());
    auto o = loadOrder(tx->db(), orderId);
    if (!o)
        return fail(o.error());
    if (!o->refundDue || o->status != OrderStatus::Refused)
        return fail(ErrorKind::Conflict, QStringLiteral("order.no_refund_due"),
                    OrdersText::tr("No refund is due on the order %1.").arg(o->id));
    if (auto st = refundOrder(*tx, *o, method); !st)
        return fail(st.error());
    if (auto st = appendOrderEvent(
            *tx, o->id, QStringLiteral("refunded"),
            {{QStringLiteral("method"), toString(method)}, {QStringLiteral("total_fen"), o->totalFen}});
        !st)
        return fail(st.error());
    if (auto st = tx->commit(); !st)
        return fail(st.error());
    m_ctx.notifyChanged(Domains(Domain::Orders) | Domain::Accounts);
    return loadOrder(m_ctx.database(), o->id);
}

Result<int> settleOrderRefunds(Database& db, const Clock& clock, IdSource& ids, const QString& actor) {
    return settleAll(db, [&] { return WriteTx::begin(db, clock, ids, actor); });
}

Result<bool> linkArrivedOrder(WriteTx& tx, const QString& parcelId, const QString& waybill) {
    if (!hasOrders(tx.db()))
        return false;
    // One lookup in a partial index that holds only the shipped orders' waybills: a receive pays
    // nothing for the parcels' history or for the orders that arrived long ago.
    auto id = tx.scalar(QStringLiteral("SELECT id FROM proxy_order INDEXED BY proxy_order_shipped_waybill"
                                       " WHERE waybill = ? AND status = 'shipped' LIMIT 1"),
                        {waybill});
    if (!id)
        return fail(id.error());
    if (!id->isValid())
        return false;
    const QString orderId = id->toString();
    auto q = tx.exec(QStringLiteral("UPDATE proxy_order SET status = 'arrived', parcel_id = ?, updated_at = ?"
                                    " WHERE id = ?"),
                     {parcelId, tx.now(), orderId});
    if (!q)
        return fail(q.error());
    if (auto st =
            appendOrderEvent(tx, orderId, QStringLiteral("arrived"),
                             {{QStringLiteral("parcel_id"), parcelId}, {QStringLiteral("waybill"), waybill}});
        !st)
        return fail(st.error());
    if (auto st = tx.appendOp(QStringLiteral("order"), orderId, QStringLiteral("order.arrived"),
                              {{QStringLiteral("order_id"), orderId},
                               {QStringLiteral("parcel_id"), parcelId},
                               {QStringLiteral("waybill"), waybill},
                               {QStringLiteral("at"), tx.now()}});
        !st)
        return fail(st.error());
    return true;
}

Result<bool> completeCollectedOrder(WriteTx& tx, const QString& parcelId) {
    if (!hasOrders(tx.db()))
        return false;
    auto id = tx.scalar(QStringLiteral("SELECT id FROM proxy_order INDEXED BY proxy_order_arrived_parcel"
                                       " WHERE parcel_id = ? AND status = 'arrived' LIMIT 1"),
                        {parcelId});
    if (!id)
        return fail(id.error());
    if (!id->isValid())
        return false;
    const QString orderId = id->toString();
    if (auto st = setStatus(tx, orderId, OrderStatus::Collected); !st)
        return fail(st.error());
    if (auto st = appendOrderEvent(tx, orderId, QStringLiteral("collected"),
                                   {{QStringLiteral("parcel_id"), parcelId}});
        !st)
        return fail(st.error());
    if (auto st = tx.appendOp(QStringLiteral("order"), orderId, QStringLiteral("order.collected"),
                              {{QStringLiteral("order_id"), orderId}, {QStringLiteral("at"), tx.now()}});
        !st)
        return fail(st.error());
    return true;
}

Result<bool> reopenCollectedOrder(WriteTx& tx, const QString& parcelId) {
    if (!hasOrderReports(tx.db()))
        return false;
    auto id = tx.scalar(QStringLiteral("SELECT id FROM proxy_order INDEXED BY proxy_order_parcel"
                                       " WHERE parcel_id = ? AND status = 'collected' LIMIT 1"),
                        {parcelId});
    if (!id)
        return fail(id.error());
    if (!id->isValid())
        return false;
    const QString orderId = id->toString();
    if (auto st = setStatus(tx, orderId, OrderStatus::Arrived); !st)
        return fail(st.error());
    if (auto st = appendOrderEvent(tx, orderId, QStringLiteral("collection_undone"),
                                   {{QStringLiteral("parcel_id"), parcelId}});
        !st)
        return fail(st.error());
    if (auto st = tx.appendOp(QStringLiteral("order"), orderId, QStringLiteral("order.collection_undone"),
                              {{QStringLiteral("order_id"), orderId},
                               {QStringLiteral("parcel_id"), parcelId},
                               {QStringLiteral("at"), tx.now()}});
        !st)
        return fail(st.error());
    return true;
}

// The county's decision on an order ("order_status": accepted, refused or shipped). Applied only
// forward: an order the station cancelled, or that already moved further (a late or repeated
// change), stays as it is. A refusal marks the order refund_due: this downstream transaction may not
// append the refund's ops, so Orders::settleRefunds makes the refund in a normal transaction.
Result<ChangeOutcome> storeOrderStatus(WriteTx& tx, const CountyChange& change) {
    if (change.deleted)
        return skipped("an order status cannot be deleted");
    auto o = loadOrder(tx.db(), change.key);
    if (!o) {
        if (o.error().kind == ErrorKind::NotFound)
            return skipped("an order this station does not have");
        return fail(o.error());
    }
    const QString status = change.data.value(QStringLiteral("status")).toString();
    const bool open = o->status == OrderStatus::Placed || o->status == OrderStatus::Accepted;
    QJsonObject data{{QStringLiteral("county_at"), change.data.value(QStringLiteral("at")).toInteger()}};
    if (status == QLatin1String("accepted")) {
        if (o->status != OrderStatus::Placed)
            return skipped("the order was cancelled here or moved further");
        if (auto st = setStatus(tx, o->id, OrderStatus::Accepted); !st)
            return fail(st.error());
    } else if (status == QLatin1String("refused")) {
        if (!open)
            return skipped("the order was cancelled here or moved further");
        const QString reason =
            change.data.value(QStringLiteral("reason")).toString().simplified().left(kMaxReason);
        data.insert(QStringLiteral("reason"), reason);
        auto q =
            tx.exec(QStringLiteral("UPDATE proxy_order SET status = 'refused', reason = ?, refund_due = 1,"
                                   " updated_at = ? WHERE id = ?"),
                    {textOrEmpty(reason), tx.now(), o->id});
        if (!q)
            return fail(q.error());
    } else if (status == QLatin1String("shipped")) {
        if (!open)
            return skipped("the order was cancelled here or moved further");
        auto waybill = validateWaybill(change.data.value(QStringLiteral("waybill")).toString());
        if (!waybill)
            return skipped("a shipped order without a usable waybill");
        const QString carrier = change.data.value(QStringLiteral("carrier")).toString().trimmed().left(32);
        data.insert(QStringLiteral("waybill"), *waybill);
        data.insert(QStringLiteral("carrier"), carrier);
        auto q = tx.exec(QStringLiteral("UPDATE proxy_order SET status = 'shipped', waybill = ?, carrier = ?,"
                                        " updated_at = ? WHERE id = ?"),
                         {*waybill, carrier, tx.now(), o->id});
        if (!q)
            return fail(q.error());
        // The van was faster than sync: the parcel is already here. Link it now; the order.arrived
        // op this downstream transaction may not append is sent by settleRefunds (report_due).
        if (hasOrderReports(tx.db())) {
            auto parcel =
                tx.scalar(QStringLiteral("SELECT p.id FROM parcel p WHERE p.waybill = ? AND p.in_station = 1"
                                         " AND NOT EXISTS (SELECT 1 FROM proxy_order o"
                                         " WHERE o.parcel_id = p.id)"),
                          {*waybill});
            if (!parcel)
                return fail(parcel.error());
            if (parcel->isValid()) {
                if (auto st = appendOrderEvent(tx, o->id, status, data); !st)
                    return fail(st.error());
                const QString parcelId = parcel->toString();
                auto linked =
                    tx.exec(QStringLiteral("UPDATE proxy_order SET status = 'arrived', parcel_id = ?,"
                                           " report_due = 1, updated_at = ? WHERE id = ?"),
                            {parcelId, tx.now(), o->id});
                if (!linked)
                    return fail(linked.error());
                if (auto st = appendOrderEvent(
                        tx, o->id, QStringLiteral("arrived"),
                        {{QStringLiteral("parcel_id"), parcelId}, {QStringLiteral("waybill"), *waybill}});
                    !st)
                    return fail(st.error());
                return ChangeOutcome{};
            }
        }
    } else {
        return skipped("an order status this station does not know");
    }
    if (auto st = appendOrderEvent(tx, o->id, status, data); !st)
        return fail(st.error());
    return ChangeOutcome{};
}

// Version 11: proxy orders, their lines and events. Two small partial indexes serve the parcel
// hooks: the waybills of shipped orders (receive) and the parcels of arrived orders (handover), so
// they hold only the orders on their way, whatever the history.
QStringList ordersSchemaStep() {
    return {
        QStringLiteral("CREATE TABLE proxy_order ("
                       " id TEXT PRIMARY KEY,"
                       " villager_id TEXT NOT NULL REFERENCES villager(id),"
                       " status TEXT NOT NULL,"
                       " payment TEXT NOT NULL,"
                       " method TEXT NOT NULL,"
                       " total_fen INTEGER NOT NULL,"
                       " placed_at INTEGER NOT NULL,"
                       " updated_at INTEGER NOT NULL,"
                       " waybill TEXT,"
                       " carrier TEXT,"
                       " parcel_id TEXT,"
                       " reason TEXT NOT NULL DEFAULT '',"
                       " refund_due INTEGER NOT NULL DEFAULT 0,"
                       " price_changed INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE INDEX proxy_order_villager ON proxy_order(villager_id, placed_at)"),
        QStringLiteral("CREATE INDEX proxy_order_status ON proxy_order(status, placed_at)"),
        QStringLiteral(
            "CREATE INDEX proxy_order_shipped_waybill ON proxy_order(waybill) WHERE status = 'shipped'"),
        QStringLiteral(
            "CREATE INDEX proxy_order_arrived_parcel ON proxy_order(parcel_id) WHERE status = 'arrived'"),
        QStringLiteral("CREATE INDEX proxy_order_refund_due ON proxy_order(id) WHERE refund_due = 1"),
        QStringLiteral("CREATE TABLE proxy_order_line ("
                       " order_id TEXT NOT NULL REFERENCES proxy_order(id),"
                       " line_no INTEGER NOT NULL,"
                       " sku TEXT NOT NULL,"
                       " name TEXT NOT NULL,"
                       " spec TEXT NOT NULL,"
                       " unit TEXT NOT NULL,"
                       " supplier TEXT NOT NULL,"
                       " quantity INTEGER NOT NULL,"
                       " price_fen INTEGER NOT NULL,"
                       " snapshot_price_fen INTEGER NOT NULL,"
                       " price_changed INTEGER NOT NULL,"
                       " PRIMARY KEY (order_id, line_no)) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE proxy_order_event ("
                       " order_id TEXT NOT NULL REFERENCES proxy_order(id),"
                       " at INTEGER NOT NULL,"
                       " id TEXT NOT NULL,"
                       " kind TEXT NOT NULL,"
                       " data TEXT NOT NULL,"
                       " actor TEXT NOT NULL,"
                       " PRIMARY KEY (order_id, at, id)) WITHOUT ROWID"),
    };
}

// Refunds paid out by the clerk, arrivals found by a late "shipped" decision, undone handovers: the
// flag of an arrival still to report (settleRefunds sends it), and the orders by their parcel.
QStringList ordersRefundsSchemaStep() {
    return {
        QStringLiteral("ALTER TABLE proxy_order ADD COLUMN report_due INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("CREATE INDEX proxy_order_report_due ON proxy_order(id) WHERE report_due = 1"),
        QStringLiteral(
            "CREATE INDEX proxy_order_parcel ON proxy_order(parcel_id) WHERE parcel_id IS NOT NULL"),
    };
}

} // namespace cz
