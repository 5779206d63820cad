// Proxy orders (代购, issue 10): the clerk orders goods from the county's catalogue for a villager, paid
// now, from the villager's deposit or on credit within the limit. One transaction holds the order, its
// lines, its event, its ledger entries, its cash entry and its ops. States: placed → accepted | refused
// (the county's decisions, countychanges.h) → shipped (waybill) → arrived (its parcel received) →
// collected (the parcel handed over); cancelled by the station before shipping, refunded to where the
// money came from. The contract with the county: docs/protocol.md, "Proxy orders".
#pragma once

#include "accounts.h"
#include "context.h"

#include <QJsonObject>
#include <optional>

namespace cz {

class WriteTx;

enum class OrderPayment { Now, Deposit, Credit };
[[nodiscard]] QString toString(OrderPayment payment);
[[nodiscard]] std::optional<OrderPayment> orderPaymentFrom(const QString& text);

enum class OrderStatus { Placed, Accepted, Refused, Shipped, Arrived, Collected, Cancelled };
[[nodiscard]] QString toString(OrderStatus status);
[[nodiscard]] std::optional<OrderStatus> orderStatusFrom(const QString& text);
[[nodiscard]] QString statusDisplayName(OrderStatus status);

constexpr int kMaxOrderLines = 200;
constexpr qint64 kMaxLineQuantity = 100000;
constexpr qint64 kMaxPriceFen = 10'000'000'000LL;
constexpr int kMaxOrdersListed = 500;

// A line as the clerk enters it: the price the clerk saw (the snapshot's when not given).
struct OrderLineInput {
    QString sku;
    qint64 quantity = 0;
    std::optional<qint64> priceFen;
};

struct OrderLine {
    int lineNo = 0;
    QString sku;
    QString name;
    QString spec;
    QString unit;
    QString supplier;
    qint64 quantity = 0;
    qint64 priceFen = 0;         // per unit, as ordered
    qint64 snapshotPriceFen = 0; // the catalogue's price when ordered
    bool priceChanged = false;   // the two differed
    [[nodiscard]] qint64 amountFen() const { return quantity * priceFen; }
};

struct OrderEvent {
    QString id;
    qint64 at = 0;
    QString kind; // placed, accepted, refused, shipped, arrived, collected, cancelled, refunded
    QJsonObject data;
    QString actor;
};

struct Order {
    QString id;
    QString villagerId;
    QString villagerMasked; // "张* 138****5678"
    OrderStatus status = OrderStatus::Placed;
    OrderPayment payment = OrderPayment::Now;
    QString method; // cash|wechat|alipay|bank for payment now, else account
    qint64 totalFen = 0;
    qint64 placedAt = 0;
    qint64 updatedAt = 0;
    QString waybill; // once shipped
    QString carrier;
    QString parcelId; // once arrived
    QString reason;   // refused or cancelled
    bool refundDue = false;
    bool priceChanged = false; // some line's price differed from the snapshot
    QList<OrderLine> lines;    // show() only
    QList<OrderEvent> events;  // show() only
};

struct OrderFilter {
    std::optional<OrderStatus> status;
    QString villagerId;
    int limit = kMaxOrdersListed;
    bool refundDueOnly = false; // refused orders paid at the counter, their money not yet paid back
};

class Orders {
public:
    explicit Orders(StationContext& context)
        : m_ctx(context) {}

    // method: how a payment now was made (ignored for deposit and credit, which move inside the account).
    [[nodiscard]] Result<Order> place(const QString& villagerId, const QList<OrderLineInput>& lines,
                                      OrderPayment payment, PayMethod method = PayMethod::Cash);
    // Before shipping only; refunds to where the money came from.
    [[nodiscard]] Result<Order> cancel(const QString& orderId, const QString& reason);
    // Newest first, without lines and events.
    [[nodiscard]] Result<QList<Order>> list(const OrderFilter& filter = {});
    // With lines and events.
    [[nodiscard]] Result<Order> show(const QString& orderId);
    // Refunds the orders the county refused (marked refund_due by storeOrderStatus) that were paid from
    // the account (deposit or credit), and reports arrivals a pull linked; one WriteTx each; returns
    // how many. Run after a pull and when a list of orders opens.
    [[nodiscard]] Result<int> settleRefunds();
    // A refused order paid at the counter stays refund due until the villager comes back: the clerk
    // pays the money out with `method` (cash, WeChat, Alipay, bank), or with PayMethod::Account
    // credits it to the villager's deposit instead.
    [[nodiscard]] Result<Order> payRefund(const QString& orderId, PayMethod method);

private:
    StationContext& m_ctx;
};

// settleRefunds for the sync client, which has a database and a clock but no StationContext.
[[nodiscard]] Result<int> settleOrderRefunds(Database& db, const Clock& clock, IdSource& ids,
                                             const QString& actor = {});

// Receive hook (inbound.cpp): a parcel whose waybill belongs to a shipped order marks it arrived and
// appends order.arrived, in the receive's transaction. True when an order was linked.
[[nodiscard]] Result<bool> linkArrivedOrder(WriteTx& tx, const QString& parcelId, const QString& waybill);
// Handover hook (pickup.cpp): the order whose parcel this is becomes collected (order.collected).
[[nodiscard]] Result<bool> completeCollectedOrder(WriteTx& tx, const QString& parcelId);

// Undo hook (pickup.cpp): the handover undone, the order goes back from collected to arrived
// (order.collection_undone), in the undo's transaction.
[[nodiscard]] Result<bool> reopenCollectedOrder(WriteTx& tx, const QString& parcelId);

// The schema steps (listed in migrations.cpp).
[[nodiscard]] QStringList ordersSchemaStep();
[[nodiscard]] QStringList ordersRefundsSchemaStep();

} // namespace cz
