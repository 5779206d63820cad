// Proxy orders (代购) at the county: the projection of the stations' order ops (order.placed,
// order.cancelled, order.arrived, order.collected, order.collection_undone, applied in the push's
// transaction by ops.cpp),
// the operator's decisions (accept, refuse, ship) published to the order's station as changes
// `order_status`, and the purchase list that aggregates the orders of every station per supplier
// and sku (docs/protocol.md, "Proxy orders"; docs/county-server.md, "Orders").
//
// The county's state machine: placed -> accepted | refused; accepted -> shipped | refused; the
// station's order.cancelled moves placed or accepted to cancelled, and after shipping only flags the
// order (cancel_conflict). What the station reports later (arrived, collected) moves an order
// forward from wherever the county has it, never back: the station knows more. Every op is applied
// idempotently, so a re-sent op or a held op applied late changes nothing twice.
#pragma once

#include "protocol.h"
#include "store.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <optional>

namespace cz::county {

enum class Backend;

// The schema step of the orders projection (listed in schema.cpp).
[[nodiscard]] QStringList ordersSchema(Backend backend);

// Applies the station's order ops, in the order given (the station's op order), in the caller's
// transaction. Ops of other entities are ignored.
[[nodiscard]] Status projectOrderOps(Tx& tx, const QString& stationId, const QList<const sync::WireOp*>& ops);

struct OrderLine {
    QString sku, name, spec, unit, supplier;
    qint64 quantity = 0;
    qint64 priceFen = 0;
    bool priceChanged = false;
};

struct CountyOrder {
    QString stationId;
    QString stationName;
    QString id;
    QString villagerMasked;
    QString status; // placed | accepted | refused | shipped | arrived | collected | cancelled
    QString payment;
    qint64 totalFen = 0;
    qint64 placedAt = 0;
    QString waybill;
    QString carrier;
    QString reason;
    bool cancelConflict = false;
    qint64 updatedAt = 0;
    QList<OrderLine> lines;

    [[nodiscard]] QJsonObject toJson() const;
};

struct OrderFilter {
    QString status;    // empty: all
    QString stationId; // empty: all
};
[[nodiscard]] Result<QList<CountyOrder>> listOrders(CountyStore& store, const OrderFilter& filter);
// One order by its id or a unique beginning of it (at least 6 characters).
[[nodiscard]] Result<CountyOrder> findOrder(CountyStore& store, const QString& idOrPrefix);

enum class OrderDecision { Accept, Refuse, Ship };
struct DecisionInput {
    QString reason;  // refuse
    QString waybill; // ship
    QString carrier; // ship, optional
};
// Checks the decision against the state machine (Conflict and nothing written when out of order),
// stores it and publishes `order_status` to the order's station, in one transaction.
[[nodiscard]] Result<CountyOrder> decideOrder(CountyStore& store, const QString& idOrPrefix,
                                              OrderDecision decision, const DecisionInput& input);

struct PurchaseRow {
    QString sku, name, spec, unit, supplier;
    qint64 quantity = 0;
    int orders = 0;
    int stations = 0;
    qint64 amountFen = 0;
};
// What to buy: the lines of the orders in `status` (default accepted), summed per supplier and sku.
[[nodiscard]] Result<QList<PurchaseRow>> purchaseList(CountyStore& store, const QString& status,
                                                      const QString& supplier);
// The list as UTF-8 CSV with a header line (no byte-order mark: see docs/county-server.md).
[[nodiscard]] QByteArray purchaseListCsv(const QList<PurchaseRow>& rows);

} // namespace cz::county
