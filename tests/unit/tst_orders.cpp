// Proxy orders: placing with each payment, refusals writing nothing, the price the clerk saw,
// cancellation refunds to the source, the county's decisions, and the parcel hooks (arrived on
// receive, collected on handover); the cash book and the accounts agreeing to the fen throughout.
#include "accounts.h"
#include "countychanges.h"
#include "fixture.h"
#include "orders.h"
#include "outboxcodec.h"
#include "writetx.h"

using namespace cz;

namespace {

void seedItem(test::Fixture& f, const QString& sku, const QString& name, qint64 priceFen,
              bool active = true) {
    auto& db = f.station->ctx->database();
    UuidV7Source ids(*f.clock);
    auto tx = WriteTx::beginDownstream(db, *f.clock, ids);
    QVERIFY(tx.has_value());
    auto r = applyCountyChange(*tx, {QStringLiteral("catalogue_item"), sku,
                                     QJsonObject{{QStringLiteral("name"), name},
                                                 {QStringLiteral("spec"), QStringLiteral("50 kg/袋")},
                                                 {QStringLiteral("unit"), QStringLiteral("袋")},
                                                 {QStringLiteral("price_fen"), priceFen},
                                                 {QStringLiteral("supplier"), QStringLiteral("县农资")},
                                                 {QStringLiteral("category"), QStringLiteral("农资")},
                                                 {QStringLiteral("active"), active}}});
    QVERIFY2(r.has_value() && r->stored, r ? qPrintable(r->skipped) : qPrintable(r.error().message));
    QVERIFY(tx->commit().has_value());
}

Result<ChangeOutcome> countyDecides(test::Fixture& f, const QString& orderId, const QJsonObject& data) {
    UuidV7Source ids(*f.clock);
    auto tx = WriteTx::beginDownstream(f.station->ctx->database(), *f.clock, ids);
    if (!tx)
        return fail(tx.error());
    auto r = applyCountyChange(*tx, {QStringLiteral("order_status"), orderId, data});
    if (!r)
        return r;
    if (auto st = tx->commit(); !st)
        return fail(st.error());
    return r;
}

QJsonObject shipped(const QString& waybill) {
    return {{QStringLiteral("status"), QStringLiteral("shipped")},
            {QStringLiteral("waybill"), waybill},
            {QStringLiteral("carrier"), QStringLiteral("YTO")},
            {QStringLiteral("at"), test::kStart}};
}

QList<int> orderRows(test::Fixture& f) {
    return {f.rows(QStringLiteral("proxy_order")),       f.rows(QStringLiteral("proxy_order_line")),
            f.rows(QStringLiteral("proxy_order_event")), f.rows(QStringLiteral("account_entry")),
            f.rows(QStringLiteral("cash_entry")),        f.rows(QStringLiteral("outbox"))};
}

qint64 value(test::Fixture& f, const QString& sql) {
    auto v = f.station->ctx->database().scalar(sql);
    return v ? v->toLongLong() : -999999;
}

// The cash book's account entries and the ledger's counter entries: the same money, to the fen.
void verifyBooksAgree(test::Fixture& f) {
    QCOMPARE(value(f, QStringLiteral("SELECT coalesce(sum(amount_fen), 0) FROM cash_entry"
                                     " WHERE kind LIKE 'account\\_%' ESCAPE '\\'")),
             value(f, QStringLiteral("SELECT coalesce(sum(amount_fen), 0) FROM account_entry"
                                     " WHERE method <> 'account'")));
    QCOMPARE(value(f, QStringLiteral(
                          "SELECT count(*) FROM account_entry a LEFT JOIN cash_entry c"
                          " ON c.id = a.cash_entry_id WHERE a.method <> 'account'"
                          " AND (c.id IS NULL OR c.amount_fen <> a.amount_fen OR c.method <> a.method)")),
             0);
}

struct Shop {
    test::Fixture f;
    Accounts accounts{*f.station->ctx};
    Orders orders{*f.station->ctx};
    Villager v;
    Shop() {
        seedItem(f, QStringLiteral("FERT-01"), QStringLiteral("复合肥"), 12000);
        seedItem(f, QStringLiteral("SEED-02"), QStringLiteral("香稻丸"), 1550);
        seedItem(f, QStringLiteral("OLD-03"), QStringLiteral("旧农药"), 800, false);
        v = *accounts.add(
            {QStringLiteral("张三"), QStringLiteral("13812345678"), QStringLiteral("三组"), {}, 20000});
    }
    qint64 balance() { return accounts.state(v.id)->balanceFen; }
};

} // namespace

class TestOrders : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void placeNow();
    void placeFromDepositAndOnCredit();
    void refusalsWriteNothing();
    void priceTheClerkSawIsKept();
    void cancelRefundsToTheSource();
    void cancelAfterShippingRefused();
    void countyDecisions();
    void refusedIsRefundedBySettle();
    void parcelArrivesAndIsCollected();
    void shippedAfterItsParcelArrived();
    void undoHandoverReopensTheOrder();
    void listAndShow();
};

void TestOrders::placeNow() {
    Shop s;
    auto o = s.orders.place(s.v.id, {{QStringLiteral("FERT-01"), 2, {}}, {QStringLiteral("SEED-02"), 3, {}}},
                            OrderPayment::Now, PayMethod::Wechat);
    QVERIFY2(o.has_value(), o ? "" : qPrintable(o.error().message));
    QCOMPARE(o->totalFen, 2 * 12000 + 3 * 1550);
    QCOMPARE(toString(o->status), toString(OrderStatus::Placed));
    QCOMPARE(s.balance(), 0); // paid at the counter: the money passed through the account
    QCOMPARE(s.f.rows(QStringLiteral("cash_entry"),
                      QStringLiteral("amount_fen = %1 AND method = 'wechat'").arg(o->totalFen)),
             1);
    QCOMPARE(s.f.rows(QStringLiteral("account_entry"), QStringLiteral("order_id = '%1'").arg(o->id)), 2);
    auto payload = decodeOpPayload(*s.f.station->ctx->database().scalar(
        QStringLiteral("SELECT payload FROM outbox WHERE kind = 'order.placed'")));
    const QJsonObject order = payload.value(QStringLiteral("order")).toObject();
    QCOMPARE(order.value(QStringLiteral("id")).toString(), o->id);
    QCOMPARE(order.value(QStringLiteral("villager_masked")).toString(), QStringLiteral("张* 138****5678"));
    QCOMPARE(order.value(QStringLiteral("payment")).toString(), QStringLiteral("now"));
    QCOMPARE(order.value(QStringLiteral("method")).toString(), QStringLiteral("wechat"));
    QCOMPARE(order.value(QStringLiteral("total_fen")).toInteger(), o->totalFen);
    const QJsonArray lines = order.value(QStringLiteral("lines")).toArray();
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines[0].toObject().value(QStringLiteral("name")).toString(), QStringLiteral("复合肥"));
    QCOMPARE(lines[0].toObject().value(QStringLiteral("supplier")).toString(), QStringLiteral("县农资"));
    QCOMPARE(lines[1].toObject().value(QStringLiteral("quantity")).toInteger(), 3);
    QCOMPARE(lines[1].toObject().value(QStringLiteral("price_changed")).toBool(), false);
    verifyBooksAgree(s.f);
}

void TestOrders::placeFromDepositAndOnCredit() {
    Shop s;
    QVERIFY(s.accounts.deposit(s.v.id, 15000, PayMethod::Cash).has_value());
    auto fromDeposit = s.orders.place(s.v.id, {{QStringLiteral("FERT-01"), 1, {}}}, OrderPayment::Deposit);
    QVERIFY(fromDeposit.has_value());
    QCOMPARE(fromDeposit->method, QStringLiteral("account"));
    QCOMPARE(s.balance(), 3000);
    // Credit may use what is left of the deposit and then up to the limit (200.00 yuan).
    auto onCredit =
        s.orders.place(s.v.id, {{QStringLiteral("FERT-01"), 1, {}}, {QStringLiteral("SEED-02"), 2, {}}},
                       OrderPayment::Credit);
    QVERIFY2(onCredit.has_value(), onCredit ? "" : qPrintable(onCredit.error().message));
    QCOMPARE(s.balance(), 3000 - 12000 - 3100);
    QCOMPARE(s.accounts.state(s.v.id)->owedFen(), 12100);
    QCOMPARE(s.f.rows(QStringLiteral("account_entry"),
                      QStringLiteral("kind = 'credit_charge' AND amount_fen = -15100")),
             1);
    // Exactly to the limit is allowed.
    seedItem(s.f, QStringLiteral("EXACT"), QStringLiteral("刚好"), 20000 - 12100);
    QVERIFY(s.orders.place(s.v.id, {{QStringLiteral("EXACT"), 1, {}}}, OrderPayment::Credit).has_value());
    QCOMPARE(s.balance(), -20000);
    QVERIFY(s.accounts.repay(s.v.id, 20000, PayMethod::Bank).has_value());
    QCOMPARE(s.balance(), 0);
    verifyBooksAgree(s.f);
}

void TestOrders::refusalsWriteNothing() {
    Shop s;
    QVERIFY(s.accounts.deposit(s.v.id, 1000, PayMethod::Cash).has_value());
    const QList<int> before = orderRows(s.f);
    const auto expect = [&](const Result<Order>& r, const char* code) {
        QVERIFY(!r.has_value());
        QCOMPARE(r.error().code, QString::fromLatin1(code));
        QVERIFY(!r.error().message.isEmpty());
        QCOMPARE(orderRows(s.f), before);
    };
    expect(s.orders.place(s.v.id, {{QStringLiteral("NOPE"), 1, {}}}, OrderPayment::Now), "order.unknown_sku");
    expect(s.orders.place(s.v.id, {{QStringLiteral("OLD-03"), 1, {}}}, OrderPayment::Now),
           "order.item_withdrawn");
    expect(s.orders.place(s.v.id, {{QStringLiteral("SEED-02"), 0, {}}}, OrderPayment::Now), "order.quantity");
    expect(s.orders.place(s.v.id, {{QStringLiteral("SEED-02"), -2, {}}}, OrderPayment::Now),
           "order.quantity");
    expect(s.orders.place(s.v.id, {}, OrderPayment::Now), "order.no_lines");
    QList<OrderLineInput> many(kMaxOrderLines + 1, {QStringLiteral("SEED-02"), 1, {}});
    expect(s.orders.place(s.v.id, many, OrderPayment::Now), "order.too_many_lines");
    expect(
        s.orders.place(s.v.id, {{QStringLiteral("SEED-02"), 1, {}}}, OrderPayment::Now, PayMethod::Account),
        "method.unknown");
    // A line that fails after good ones: still nothing.
    expect(s.orders.place(s.v.id, {{QStringLiteral("SEED-02"), 1, {}}, {QStringLiteral("NOPE"), 1, {}}},
                          OrderPayment::Now),
           "order.unknown_sku");
    // Balance 10.00: the deposit does not cover 15.50.
    expect(s.orders.place(s.v.id, {{QStringLiteral("SEED-02"), 1, {}}}, OrderPayment::Deposit),
           "account.insufficient");
    // Balance 10.00 + limit 200.00 = 210.00 < 2 x 120.00.
    expect(s.orders.place(s.v.id, {{QStringLiteral("FERT-01"), 2, {}}}, OrderPayment::Credit),
           "account.credit_limit");
    expect(s.orders.place(QStringLiteral("nobody"), {{QStringLiteral("SEED-02"), 1, {}}}, OrderPayment::Now),
           "villager.not_found");
    QList<OrderLineInput> exactlyMax(kMaxOrderLines, {QStringLiteral("SEED-02"), 1, {}});
    QVERIFY(s.orders.place(s.v.id, exactlyMax, OrderPayment::Now).has_value());
}

void TestOrders::priceTheClerkSawIsKept() {
    Shop s;
    // The county raised the price since the clerk quoted 110.00: the order keeps 110.00, flagged.
    auto o =
        s.orders.place(s.v.id, {{QStringLiteral("FERT-01"), 2, 11000}, {QStringLiteral("SEED-02"), 1, 1550}},
                       OrderPayment::Now);
    QVERIFY(o.has_value());
    QCOMPARE(o->totalFen, 2 * 11000 + 1550);
    QVERIFY(o->priceChanged);
    auto shown = s.orders.show(o->id);
    QVERIFY(shown->priceChanged);
    QCOMPARE(shown->lines.size(), 2);
    QVERIFY(shown->lines[0].priceChanged);
    QCOMPARE(shown->lines[0].priceFen, 11000);
    QCOMPARE(shown->lines[0].snapshotPriceFen, 12000);
    QVERIFY(!shown->lines[1].priceChanged);
    const QJsonObject line = decodeOpPayload(*s.f.station->ctx->database().scalar(QStringLiteral(
                                                 "SELECT payload FROM outbox WHERE kind = 'order.placed'")))
                                 .value(QStringLiteral("order"))
                                 .toObject()
                                 .value(QStringLiteral("lines"))
                                 .toArray()[0]
                                 .toObject();
    QCOMPARE(line.value(QStringLiteral("price_fen")).toInteger(), 11000);
    QCOMPARE(line.value(QStringLiteral("price_changed")).toBool(), true);
}

void TestOrders::cancelRefundsToTheSource() {
    Shop s;
    QVERIFY(s.accounts.deposit(s.v.id, 20000, PayMethod::Cash).has_value());
    auto byDeposit = *s.orders.place(s.v.id, {{QStringLiteral("FERT-01"), 1, {}}}, OrderPayment::Deposit);
    auto byCredit = *s.orders.place(s.v.id, {{QStringLiteral("FERT-01"), 1, {}}}, OrderPayment::Credit);
    auto byNow =
        *s.orders.place(s.v.id, {{QStringLiteral("SEED-02"), 3, {}}}, OrderPayment::Now, PayMethod::Alipay);
    QCOMPARE(s.balance(), 20000 - 24000);
    const qint64 tillBefore = value(s.f, QStringLiteral("SELECT sum(amount_fen) FROM cash_entry"));

    QVERIFY(s.orders.cancel(byCredit.id, QStringLiteral("不要了")).has_value());
    QCOMPARE(s.balance(), 20000 - 12000);
    QVERIFY(s.orders.cancel(byDeposit.id, {}).has_value());
    QCOMPARE(s.balance(), 20000);
    QCOMPARE(value(s.f, QStringLiteral("SELECT sum(amount_fen) FROM cash_entry")),
             tillBefore); // inside the account
    // Paid now by Alipay: paid back by Alipay, the cash book to the fen.
    auto cancelled = s.orders.cancel(byNow.id, QStringLiteral("买错了"));
    QVERIFY(cancelled.has_value());
    QCOMPARE(toString(cancelled->status), toString(OrderStatus::Cancelled));
    QCOMPARE(cancelled->reason, QStringLiteral("买错了"));
    QCOMPARE(s.balance(), 20000);
    QCOMPARE(value(s.f, QStringLiteral("SELECT sum(amount_fen) FROM cash_entry")), tillBefore - 3 * 1550);
    QCOMPARE(
        s.f.rows(QStringLiteral("cash_entry"), QStringLiteral("amount_fen = -4650 AND method = 'alipay'")),
        1);
    QCOMPARE(s.f.rows(QStringLiteral("outbox"), QStringLiteral("kind = 'order.cancelled'")), 3);
    // Each order's own entries net to 0.
    QCOMPARE(
        value(s.f, QStringLiteral("SELECT count(*) FROM (SELECT order_id FROM account_entry WHERE order_id"
                                  " IS NOT NULL GROUP BY order_id HAVING sum(amount_fen) <> 0)")),
        0);
    verifyBooksAgree(s.f);
    // Twice: refused, nothing written.
    const QList<int> before = orderRows(s.f);
    QCOMPARE(s.orders.cancel(byNow.id, {}).error().code, QStringLiteral("order.already_cancelled"));
    QCOMPARE(s.orders.cancel(QStringLiteral("nope"), {}).error().code, QStringLiteral("order.not_found"));
    QCOMPARE(orderRows(s.f), before);
}

void TestOrders::cancelAfterShippingRefused() {
    Shop s;
    auto o = *s.orders.place(s.v.id, {{QStringLiteral("SEED-02"), 1, {}}}, OrderPayment::Credit);
    QVERIFY(countyDecides(s.f, o.id, shipped(QStringLiteral("YT100000000001"))).has_value());
    const QList<int> before = orderRows(s.f);
    auto r = s.orders.cancel(o.id, QStringLiteral("太晚"));
    QVERIFY(!r.has_value());
    QCOMPARE(r.error().code, QStringLiteral("order.already_shipped"));
    QCOMPARE(r.error().kind, ErrorKind::Conflict);
    QCOMPARE(orderRows(s.f), before);
    QCOMPARE(s.balance(), -1550);
}

void TestOrders::countyDecisions() {
    Shop s;
    auto a = *s.orders.place(s.v.id, {{QStringLiteral("SEED-02"), 1, {}}}, OrderPayment::Now);
    const QJsonObject accepted{{QStringLiteral("status"), QStringLiteral("accepted")},
                               {QStringLiteral("at"), 1}};
    QVERIFY(countyDecides(s.f, a.id, accepted)->stored);
    QCOMPARE(toString(s.orders.show(a.id)->status), toString(OrderStatus::Accepted));
    QVERIFY(countyDecides(s.f, a.id, shipped(QStringLiteral("yt100000000002")))->stored);
    auto shown = *s.orders.show(a.id);
    QCOMPARE(toString(shown.status), toString(OrderStatus::Shipped));
    QCOMPARE(shown.waybill, QStringLiteral("YT100000000002"));
    QCOMPARE(shown.carrier, QStringLiteral("YTO"));
    // A late "accepted" or a "refused" after shipping does not move it back.
    QVERIFY(!countyDecides(s.f, a.id, accepted)->stored);
    QVERIFY(!countyDecides(s.f, a.id, {{QStringLiteral("status"), QStringLiteral("refused")}})->stored);
    QCOMPARE(toString(s.orders.show(a.id)->status), toString(OrderStatus::Shipped));

    // Cancelled here first: the county's decision is not applied.
    auto b = *s.orders.place(s.v.id, {{QStringLiteral("SEED-02"), 1, {}}}, OrderPayment::Now);
    QVERIFY(s.orders.cancel(b.id, {}).has_value());
    QVERIFY(!countyDecides(s.f, b.id, shipped(QStringLiteral("YT100000000003")))->stored);
    QCOMPARE(toString(s.orders.show(b.id)->status), toString(OrderStatus::Cancelled));
    // Unknown orders and statuses, bad waybills: skipped, nothing fails.
    QVERIFY(!countyDecides(s.f, QStringLiteral("other"), accepted)->stored);
    auto c = *s.orders.place(s.v.id, {{QStringLiteral("SEED-02"), 1, {}}}, OrderPayment::Now);
    QVERIFY(!countyDecides(s.f, c.id, {{QStringLiteral("status"), QStringLiteral("lost")}})->stored);
    QVERIFY(!countyDecides(s.f, c.id, shipped(QStringLiteral("bad waybill!")))->stored);
    QCOMPARE(toString(s.orders.show(c.id)->status), toString(OrderStatus::Placed));
    // The downstream transaction appended no op.
    QCOMPARE(s.f.rows(QStringLiteral("outbox"), QStringLiteral("kind LIKE 'order.%'")), 4);
}

void TestOrders::refusedIsRefundedBySettle() {
    Shop s;
    QVERIFY(s.accounts.deposit(s.v.id, 5000, PayMethod::Cash).has_value());
    auto byDeposit = *s.orders.place(s.v.id, {{QStringLiteral("SEED-02"), 2, {}}}, OrderPayment::Deposit);
    auto byNow =
        *s.orders.place(s.v.id, {{QStringLiteral("SEED-02"), 1, {}}}, OrderPayment::Now, PayMethod::Wechat);
    const QJsonObject refused{{QStringLiteral("status"), QStringLiteral("refused")},
                              {QStringLiteral("reason"), QStringLiteral("缺货")}};
    QVERIFY(countyDecides(s.f, byDeposit.id, refused)->stored);
    QVERIFY(countyDecides(s.f, byNow.id, refused)->stored);
    auto o = *s.orders.show(byDeposit.id);
    QCOMPARE(toString(o.status), toString(OrderStatus::Refused));
    QCOMPARE(o.reason, QStringLiteral("缺货"));
    QVERIFY(o.refundDue);
    QCOMPARE(s.balance(), 5000 - 3100); // not yet
    QCOMPARE(s.orders.cancel(byDeposit.id, {}).error().code, QStringLiteral("order.refused"));

    // Paid from the deposit: back to the account by the next settle. Paid at the counter: the
    // money waits in the till until the villager comes back and the clerk pays it out.
    const int cashRows = s.f.rows(QStringLiteral("cash_entry"));
    QCOMPARE(*s.orders.settleRefunds(), 1);
    QCOMPARE(s.balance(), 5000);
    QVERIFY(!s.orders.show(byDeposit.id)->refundDue);
    QVERIFY(s.orders.show(byNow.id)->refundDue);
    QCOMPARE(s.f.rows(QStringLiteral("cash_entry")), cashRows);
    QCOMPARE(*s.orders.settleRefunds(), 0); // once only
    OrderFilter due;
    due.refundDueOnly = true;
    auto listed = *s.orders.list(due);
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.first().id, byNow.id);
    // Nothing due on the deposit order any more.
    QCOMPARE(s.orders.payRefund(byDeposit.id, PayMethod::Cash).error().code,
             QStringLiteral("order.no_refund_due"));

    s.f.clock->advance(1000); // the villager comes back later (events are ordered by time)
    auto paid = s.orders.payRefund(byNow.id, PayMethod::Wechat);
    QVERIFY2(paid.has_value(), paid ? "" : qPrintable(paid.error().message));
    QVERIFY(!paid->refundDue);
    QCOMPARE(toString(paid->status), toString(OrderStatus::Refused));
    QCOMPARE(
        s.f.rows(QStringLiteral("cash_entry"), QStringLiteral("amount_fen = -1550 AND method = 'wechat'")),
        1);
    QCOMPARE(s.balance(), 5000);
    QCOMPARE(s.orders.payRefund(byNow.id, PayMethod::Cash).error().code,
             QStringLiteral("order.no_refund_due"));
    QVERIFY(s.orders.list(due)->isEmpty());
    QCOMPARE(s.f.rows(QStringLiteral("outbox"), QStringLiteral("kind = 'account.entry'")),
             1 + 1 + 2 + 1 + 2); // deposit, byDeposit, byNow, byDeposit's refund, byNow's refund
    QCOMPARE(s.orders.show(byNow.id)->events.last().kind, QStringLiteral("refunded"));
    verifyBooksAgree(s.f);

    // The clerk's other choice: the money stays in the villager's deposit, nothing leaves the till.
    auto third =
        *s.orders.place(s.v.id, {{QStringLiteral("SEED-02"), 1, {}}}, OrderPayment::Now, PayMethod::Cash);
    QVERIFY(countyDecides(s.f, third.id, refused)->stored);
    QCOMPARE(*s.orders.settleRefunds(), 0);
    const int before = s.f.rows(QStringLiteral("cash_entry"));
    QVERIFY(s.orders.payRefund(third.id, PayMethod::Account).has_value());
    QCOMPARE(s.f.rows(QStringLiteral("cash_entry")), before);
    QCOMPARE(s.balance(), 5000 + 1550);
    QVERIFY(!s.orders.show(third.id)->refundDue);
    verifyBooksAgree(s.f);
}

// The van was faster than sync: the parcel was received before the county's "shipped" decision
// came down. Storing the decision links the parcel and marks the order arrived in the pull's
// transaction; the order.arrived op follows with the next settle (a downstream transaction appends
// no op).
void TestOrders::shippedAfterItsParcelArrived() {
    Shop s;
    auto o = *s.orders.place(s.v.id, {{QStringLiteral("SEED-02"), 1, {}}}, OrderPayment::Credit);
    s.f.clock->advance(1000);
    const Parcel p = s.f.receive(QStringLiteral("YT100000000021"), QStringLiteral("13812345678"));
    QCOMPARE(toString(s.orders.show(o.id)->status), toString(OrderStatus::Placed));
    s.f.clock->advance(1000);
    QVERIFY(countyDecides(s.f, o.id, shipped(QStringLiteral("YT100000000021")))->stored);
    Order arrived = *s.orders.show(o.id);
    QCOMPARE(toString(arrived.status), toString(OrderStatus::Arrived));
    QCOMPARE(arrived.parcelId, p.id);
    QCOMPARE(arrived.waybill, QStringLiteral("YT100000000021"));
    QStringList kinds;
    for (const OrderEvent& e : arrived.events)
        kinds << e.kind;
    QCOMPARE(kinds,
             (QStringList{QStringLiteral("placed"), QStringLiteral("shipped"), QStringLiteral("arrived")}));
    QCOMPARE(s.f.rows(QStringLiteral("outbox"), QStringLiteral("kind = 'order.arrived'")), 0);
    QCOMPARE(*s.orders.settleRefunds(), 1);
    QCOMPARE(s.f.rows(QStringLiteral("outbox"), QStringLiteral("kind = 'order.arrived'")), 1);
    const QJsonObject op = decodeOpPayload(*s.f.station->ctx->database().scalar(
        QStringLiteral("SELECT payload FROM outbox WHERE kind = 'order.arrived'")));
    QCOMPARE(op.value(QStringLiteral("parcel_id")).toString(), p.id);
    QCOMPARE(*s.orders.settleRefunds(), 0);
    // Handing it over completes the order as usual.
    QVERIFY(s.f.station->pickup.handOver({p.id}).has_value());
    QCOMPARE(toString(s.orders.show(o.id)->status), toString(OrderStatus::Collected));

    // A parcel that already left the station is not linked: the order waits as shipped.
    auto other = *s.orders.place(s.v.id, {{QStringLiteral("SEED-02"), 1, {}}}, OrderPayment::Credit);
    QVERIFY(countyDecides(s.f, other.id, shipped(QStringLiteral("YT100000000021")))->stored);
    QCOMPARE(toString(s.orders.show(other.id)->status), toString(OrderStatus::Shipped));
}

// Undoing a handover within the window puts the order back from collected to arrived, in the undo's
// transaction, with its event and op; the next handover completes it again.
void TestOrders::undoHandoverReopensTheOrder() {
    Shop s;
    auto o = *s.orders.place(s.v.id, {{QStringLiteral("SEED-02"), 1, {}}}, OrderPayment::Credit);
    QVERIFY(countyDecides(s.f, o.id, shipped(QStringLiteral("YT100000000031")))->stored);
    const Parcel p = s.f.receive(QStringLiteral("YT100000000031"), QStringLiteral("13812345678"));
    s.f.clock->advance(1000);
    QVERIFY(s.f.station->pickup.handOver({p.id}).has_value());
    QCOMPARE(toString(s.orders.show(o.id)->status), toString(OrderStatus::Collected));
    s.f.clock->advance(1000);
    QList<Domains> seen;
    connect(s.f.station->ctx.get(), &StationContext::changed, this, [&](Domains d) { seen << d; });
    auto undone = s.f.station->pickup.undoPickup(p.id);
    QVERIFY2(undone.has_value(), undone ? "" : qPrintable(undone.error().message));
    QVERIFY(seen.last().testFlag(Domain::Orders));
    const Order back = *s.orders.show(o.id);
    QCOMPARE(toString(back.status), toString(OrderStatus::Arrived));
    QCOMPARE(back.events.last().kind, QStringLiteral("collection_undone"));
    QCOMPARE(s.f.rows(QStringLiteral("outbox"), QStringLiteral("kind = 'order.collection_undone'")), 1);
    // In the undo's transaction: the op right after the parcel's.
    QCOMPARE(value(s.f, QStringLiteral("SELECT max(seq) FROM outbox WHERE kind = 'order.collection_undone'")),
             value(s.f, QStringLiteral("SELECT max(seq) FROM outbox WHERE entity = 'parcel'")) + 1);
    const QJsonObject op = decodeOpPayload(*s.f.station->ctx->database().scalar(
        QStringLiteral("SELECT payload FROM outbox WHERE kind = 'order.collection_undone'")));
    QCOMPARE(op.value(QStringLiteral("order_id")).toString(), o.id);
    QCOMPARE(op.value(QStringLiteral("parcel_id")).toString(), p.id);
    s.f.clock->advance(1000);
    QVERIFY(s.f.station->pickup.handOver({p.id}).has_value());
    QCOMPARE(toString(s.orders.show(o.id)->status), toString(OrderStatus::Collected));
    QCOMPARE(s.f.rows(QStringLiteral("outbox"), QStringLiteral("kind = 'order.collected'")), 2);
}

void TestOrders::parcelArrivesAndIsCollected() {
    Shop s;
    auto o = *s.orders.place(s.v.id, {{QStringLiteral("SEED-02"), 1, {}}}, OrderPayment::Credit);
    s.f.clock->advance(1000);
    QVERIFY(countyDecides(s.f, o.id, shipped(QStringLiteral("YT100000000009")))->stored);
    s.f.clock->advance(1000);
    // Another parcel first: no order moves.
    s.f.receive(QStringLiteral("YT100000000008"), QStringLiteral("13812345678"));
    QCOMPARE(toString(s.orders.show(o.id)->status), toString(OrderStatus::Shipped));

    QList<Domains> seen;
    connect(s.f.station->ctx.get(), &StationContext::changed, this, [&](Domains d) { seen << d; });
    const Parcel p = s.f.receive(QStringLiteral("YT100000000009"), QStringLiteral("13812345678"));
    QVERIFY(seen.last().testFlag(Domain::Orders));
    auto arrived = *s.orders.show(o.id);
    QCOMPARE(toString(arrived.status), toString(OrderStatus::Arrived));
    QCOMPARE(arrived.parcelId, p.id);
    const QJsonObject op = decodeOpPayload(*s.f.station->ctx->database().scalar(
        QStringLiteral("SELECT payload FROM outbox WHERE kind = 'order.arrived'")));
    QCOMPARE(op.value(QStringLiteral("order_id")).toString(), o.id);
    QCOMPARE(op.value(QStringLiteral("parcel_id")).toString(), p.id);
    QCOMPARE(op.value(QStringLiteral("waybill")).toString(), QStringLiteral("YT100000000009"));
    // The op is in the receive's transaction: the same commit as the parcel.received op, just after it.
    QCOMPARE(value(s.f, QStringLiteral("SELECT max(seq) FROM outbox WHERE kind = 'order.arrived'")),
             value(s.f, QStringLiteral("SELECT max(seq) FROM outbox WHERE kind = 'parcel.received'")) + 1);

    s.f.clock->advance(1000);
    auto handed = s.f.station->pickup.handOver({p.id});
    QVERIFY(handed.has_value());
    QVERIFY(seen.last().testFlag(Domain::Orders));
    QCOMPARE(toString(s.orders.show(o.id)->status), toString(OrderStatus::Collected));
    QCOMPARE(s.f.rows(QStringLiteral("outbox"), QStringLiteral("kind = 'order.collected'")), 1);
    const Order collected = *s.orders.show(o.id);
    QStringList kinds;
    for (const OrderEvent& e : collected.events)
        kinds << e.kind;
    QCOMPARE(kinds, (QStringList{QStringLiteral("placed"), QStringLiteral("shipped"),
                                 QStringLiteral("arrived"), QStringLiteral("collected")}));
    // The other parcel's handover touches no order.
    auto other = s.f.station->pickup.findByWaybill(QStringLiteral("YT100000000008"));
    QVERIFY(s.f.station->pickup.handOver({other->first().id}).has_value());
    QCOMPARE(s.f.rows(QStringLiteral("outbox"), QStringLiteral("kind = 'order.collected'")), 1);
}

void TestOrders::listAndShow() {
    Shop s;
    const Villager w = *s.accounts.add({QStringLiteral("李四"), QStringLiteral("13900001111"), {}, {}, 0});
    auto a = *s.orders.place(s.v.id, {{QStringLiteral("SEED-02"), 1, {}}}, OrderPayment::Now);
    s.f.clock->advance(1000);
    auto b = *s.orders.place(w.id, {{QStringLiteral("SEED-02"), 1, {}}}, OrderPayment::Now);
    s.f.clock->advance(1000);
    auto c = *s.orders.place(s.v.id, {{QStringLiteral("SEED-02"), 2, {}}}, OrderPayment::Now);
    QVERIFY(s.orders.cancel(c.id, {}).has_value());
    auto all = *s.orders.list();
    QCOMPARE(all.size(), 3);
    QCOMPARE(all.first().id, c.id); // newest first
    OrderFilter mine;
    mine.villagerId = s.v.id;
    QCOMPARE(s.orders.list(mine)->size(), 2);
    OrderFilter placed;
    placed.status = OrderStatus::Placed;
    auto open = *s.orders.list(placed);
    QCOMPARE(open.size(), 2);
    QCOMPARE(open.last().id, a.id);
    QCOMPARE(open.first().id, b.id);
    QCOMPARE(open.first().villagerMasked, QStringLiteral("李* 139****1111"));
    QCOMPARE(s.orders.show(QStringLiteral("x")).error().code, QStringLiteral("order.not_found"));
}

QTEST_GUILESS_MAIN(TestOrders)
#include "tst_orders.moc"
