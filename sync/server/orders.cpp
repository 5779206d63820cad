#include "orders.h"

#include "feed.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <algorithm>

namespace cz::county {

namespace {

const QString kPlaced = QStringLiteral("placed");
const QString kAccepted = QStringLiteral("accepted");
const QString kRefused = QStringLiteral("refused");
const QString kShipped = QStringLiteral("shipped");
const QString kArrived = QStringLiteral("arrived");
const QString kCollected = QStringLiteral("collected");
const QString kCancelled = QStringLiteral("cancelled");

const QStringList& allStatuses() {
    static const QStringList all{kPlaced, kAccepted, kRefused, kShipped, kArrived, kCollected, kCancelled};
    return all;
}

QVariant textOrNull(const QString& text) {
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

qint64 wholeNumber(const QJsonValue& v) {
    const double d = v.toDouble(0);
    return d == double(qint64(d)) ? qint64(d) : 0;
}

// ---- the projection of the station's ops ------------------------------------------------------

Status insertLines(Tx& tx, const QString& stationId, const QString& orderId, const QJsonArray& lines) {
    // A few rows per statement (see insertRows in ops.cpp: Qt's SQLite binding is O(n²) in parameters).
    constexpr qsizetype kRowsPerStatement = 20;
    constexpr int kColumns = 11;
    for (qsizetype first = 0; first < lines.size(); first += kRowsPerStatement) {
        const qsizetype n = std::min(kRowsPerStatement, lines.size() - first);
        QVariantList args;
        for (qsizetype i = first; i < first + n; ++i) {
            const QJsonObject l = lines.at(i).toObject();
            args << stationId << orderId << int(i) << l.value(QStringLiteral("sku")).toString()
                 << l.value(QStringLiteral("name")).toString() << l.value(QStringLiteral("spec")).toString()
                 << l.value(QStringLiteral("unit")).toString()
                 << l.value(QStringLiteral("supplier")).toString()
                 << wholeNumber(l.value(QStringLiteral("quantity")))
                 << wholeNumber(l.value(QStringLiteral("price_fen")))
                 << (l.value(QStringLiteral("price_changed")).toBool() ? 1 : 0);
        }
        const QString tuple = QStringLiteral("(") +
                              QStringList(kColumns, QStringLiteral("?")).join(QLatin1Char(',')) +
                              QStringLiteral(")");
        auto r =
            tx.exec(QStringLiteral("INSERT INTO order_lines(station_id, order_id, line_no, sku, name, spec,"
                                   " unit, supplier, quantity, price_fen, price_changed) VALUES ") +
                        QStringList(n, tuple).join(QLatin1Char(',')) +
                        QStringLiteral(" ON CONFLICT(station_id, order_id, line_no) DO NOTHING"),
                    args);
        if (!r)
            return fail(r.error());
    }
    return {};
}

Status applyOne(Tx& tx, const QString& stationId, const QString& orderId, const QString& kind,
                const QJsonObject& payload);

// The station's later ops for an order the county did not have yet (they were applied before its
// order.placed, e.g. a held op applied late): applied again now that the order exists.
Status replayLaterOps(Tx& tx, const QString& stationId, const QString& orderId) {
    auto rows =
        tx.select(QStringLiteral("SELECT kind, payload FROM ops WHERE station_id = ? AND entity = 'order'"
                                 " AND entity_id = ? AND outcome = 'applied' AND kind <> 'order.placed'"
                                 " ORDER BY seq"),
                  {stationId, orderId});
    if (!rows)
        return fail(rows.error());
    for (const Row& r : *rows)
        if (auto st = applyOne(tx, stationId, orderId, r.at(0).toString(),
                               QJsonDocument::fromJson(r.at(1).toString().toUtf8()).object());
            !st)
            return st;
    return {};
}

Status placeOrder(Tx& tx, const QString& stationId, const QString& orderId, const QJsonObject& payload) {
    const QJsonObject o = payload.value(QStringLiteral("order")).toObject();
    const QJsonArray lines = o.value(QStringLiteral("lines")).toArray();
    qint64 total = wholeNumber(o.value(QStringLiteral("total_fen")));
    if (!o.contains(QStringLiteral("total_fen")))
        for (const QJsonValue& v : lines)
            total += wholeNumber(v.toObject().value(QStringLiteral("quantity"))) *
                     wholeNumber(v.toObject().value(QStringLiteral("price_fen")));
    auto inserted = tx.exec(
        QStringLiteral("INSERT INTO orders(station_id, order_id, villager_masked, status, payment, method,"
                       " total_fen, placed_at, line_count, cancel_conflict, updated_at)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)"
                       " ON CONFLICT(station_id, order_id) DO NOTHING"),
        {stationId, orderId, o.value(QStringLiteral("villager_masked")).toString(), kPlaced,
         o.value(QStringLiteral("payment")).toString(), o.value(QStringLiteral("method")).toString(), total,
         wholeNumber(o.value(QStringLiteral("placed_at"))), int(lines.size()), tx.now()});
    if (!inserted)
        return fail(inserted.error());
    if (*inserted == 0)
        return {}; // known already: a re-sent op after a new epoch, or applied twice
    if (auto st = insertLines(tx, stationId, orderId, lines); !st)
        return st;
    return replayLaterOps(tx, stationId, orderId);
}

Result<int> update(Tx& tx, const QString& set, const QString& where, QVariantList args,
                   const QString& stationId, const QString& orderId) {
    args << stationId << orderId;
    return tx.exec(QStringLiteral("UPDATE orders SET ") + set +
                       QStringLiteral(" WHERE station_id = ? AND order_id = ? AND ") + where,
                   args);
}

Status applyOne(Tx& tx, const QString& stationId, const QString& orderId, const QString& kind,
                const QJsonObject& payload) {
    Result<int> r = 0;
    if (kind == QLatin1String("order.placed"))
        return placeOrder(tx, stationId, orderId, payload);
    if (kind == QLatin1String("order.cancelled")) {
        // Before shipping the station's cancellation stands; after it the goods are on the way, so
        // the order stays as it is and the operator sees the conflict.
        r = update(tx, QStringLiteral("status = ?, reason = ?, updated_at = ?"),
                   QStringLiteral("status IN ('placed', 'accepted')"),
                   {kCancelled, payload.value(QStringLiteral("reason")).toString(), tx.now()}, stationId,
                   orderId);
        if (r)
            r = update(
                tx, QStringLiteral("cancel_conflict = 1, updated_at = ?"),
                QStringLiteral("status IN ('shipped', 'arrived', 'collected') AND cancel_conflict = 0"),
                {tx.now()}, stationId, orderId);
    } else if (kind == QLatin1String("order.arrived")) {
        // The station knows more: forward from wherever the county has it, never back.
        r = update(tx, QStringLiteral("status = ?, waybill = COALESCE(?, waybill), updated_at = ?"),
                   QStringLiteral("status IN ('placed', 'accepted', 'shipped')"),
                   {kArrived, textOrNull(payload.value(QStringLiteral("waybill")).toString()), tx.now()},
                   stationId, orderId);
    } else if (kind == QLatin1String("order.collected")) {
        r = update(tx, QStringLiteral("status = ?, updated_at = ?"),
                   QStringLiteral("status IN ('placed', 'accepted', 'shipped', 'arrived')"),
                   {kCollected, tx.now()}, stationId, orderId);
    } else if (kind == QLatin1String("order.collection_undone")) {
        // The clerk undid the handover within the undo window: the parcel is back on the shelf.
        r = update(tx, QStringLiteral("status = ?, updated_at = ?"), QStringLiteral("status = 'collected'"),
                   {kArrived, tx.now()}, stationId, orderId);
    }
    if (!r)
        return fail(r.error());
    return {};
}

// ---- reading ----------------------------------------------------------------------------------

const QString kOrderColumns =
    QStringLiteral("SELECT o.station_id, s.name, o.order_id, o.villager_masked, o.status, o.payment, "
                   "o.total_fen, o.placed_at,"
                   " o.waybill, o.carrier, o.reason, o.cancel_conflict, o.updated_at, o.line_count"
                   " FROM orders o JOIN stations s ON s.id = o.station_id");

CountyOrder orderFromRow(const Row& r) {
    CountyOrder o;
    o.stationId = r.at(0).toString();
    o.stationName = r.at(1).toString();
    o.id = r.at(2).toString();
    o.villagerMasked = r.at(3).toString();
    o.status = r.at(4).toString();
    o.payment = r.at(5).toString();
    o.totalFen = r.at(6).toLongLong();
    o.placedAt = r.at(7).toLongLong();
    o.waybill = r.at(8).toString();
    o.carrier = r.at(9).toString();
    o.reason = r.at(10).toString();
    o.cancelConflict = r.at(11).toInt() != 0;
    o.updatedAt = r.at(12).toLongLong();
    o.lines.resize(r.at(13).toInt()); // filled by loadLines
    return o;
}

Status loadLines(Tx& tx, CountyOrder& order) {
    auto rows =
        tx.select(QStringLiteral("SELECT sku, name, spec, unit, supplier, quantity, price_fen, price_changed"
                                 " FROM order_lines WHERE station_id = ? AND order_id = ? ORDER BY line_no"),
                  {order.stationId, order.id});
    if (!rows)
        return fail(rows.error());
    order.lines.clear();
    for (const Row& r : *rows)
        order.lines.append({r.at(0).toString(), r.at(1).toString(), r.at(2).toString(), r.at(3).toString(),
                            r.at(4).toString(), r.at(5).toLongLong(), r.at(6).toLongLong(),
                            r.at(7).toInt() != 0});
    return {};
}

Result<CountyOrder> findIn(Tx& tx, const QString& idOrPrefix) {
    const QString id = idOrPrefix.trimmed().toLower();
    static const QRegularExpression shape(QStringLiteral("^[0-9a-f-]{6,36}$"));
    if (!shape.match(id).hasMatch())
        return fail(
            ErrorKind::BadInput, QStringLiteral("order.bad_id"),
            QStringLiteral("\"%1\" is not an order id (or its first 6 or more characters).").arg(idOrPrefix));
    auto rows =
        tx.select(kOrderColumns + QStringLiteral(" WHERE o.order_id = ? ORDER BY o.station_id"), {id});
    if (!rows)
        return fail(rows.error());
    if (rows->isEmpty()) {
        // A unique beginning: ids are UUIDs, so '%' and '_' cannot occur in it (checked above).
        rows =
            tx.select(kOrderColumns + QStringLiteral(" WHERE o.order_id LIKE ? ORDER BY o.order_id LIMIT 2"),
                      {id + QLatin1Char('%')});
        if (!rows)
            return fail(rows.error());
    }
    if (rows->isEmpty())
        return fail(ErrorKind::NotFound, QStringLiteral("order.not_found"),
                    QStringLiteral("No order %1.").arg(idOrPrefix));
    if (rows->size() > 1)
        return fail(ErrorKind::BadInput, QStringLiteral("order.ambiguous"),
                    QStringLiteral("Several orders begin with %1: give more of the id.").arg(idOrPrefix));
    CountyOrder order = orderFromRow(rows->first());
    if (auto st = loadLines(tx, order); !st)
        return fail(st.error());
    return order;
}

// ---- decisions --------------------------------------------------------------------------------

Status checkTransition(const CountyOrder& o, OrderDecision decision) {
    QStringList from;
    QString what;
    switch (decision) {
    case OrderDecision::Accept:
        from = {kPlaced};
        what = QStringLiteral("only a placed order can be accepted");
        break;
    case OrderDecision::Refuse:
        from = {kPlaced, kAccepted};
        what = QStringLiteral("only a placed or accepted order can be refused");
        break;
    case OrderDecision::Ship:
        from = {kAccepted};
        what = QStringLiteral("only an accepted order can be shipped");
        break;
    }
    if (from.contains(o.status))
        return {};
    return fail(ErrorKind::Conflict, QStringLiteral("order.state"),
                QStringLiteral("Order %1 is %2: %3. Nothing was changed.").arg(o.id, o.status, what));
}

Result<DecisionInput> checkInput(OrderDecision decision, const DecisionInput& in) {
    DecisionInput out;
    if (decision == OrderDecision::Refuse) {
        out.reason = in.reason.simplified();
        if (out.reason.isEmpty() || out.reason.size() > 200)
            return fail(ErrorKind::BadInput, QStringLiteral("order.reason"),
                        QStringLiteral("Give the station a reason (--reason, 1 to 200 characters)."));
    }
    if (decision == OrderDecision::Ship) {
        static const QRegularExpression waybill(QStringLiteral("^[A-Z0-9]{6,40}$"));
        static const QRegularExpression carrier(QStringLiteral("^[A-Z0-9_]{1,16}$"));
        out.waybill = in.waybill.trimmed().toUpper();
        out.carrier = in.carrier.trimmed().toUpper();
        if (!waybill.match(out.waybill).hasMatch())
            return fail(
                ErrorKind::BadInput, QStringLiteral("order.waybill"),
                QStringLiteral("The waybill \"%1\" is not 6 to 40 letters and digits.").arg(in.waybill));
        if (!out.carrier.isEmpty() && !carrier.match(out.carrier).hasMatch())
            return fail(ErrorKind::BadInput, QStringLiteral("order.carrier"),
                        QStringLiteral("The carrier \"%1\" is not a carrier code like YTO.").arg(in.carrier));
    }
    return out;
}

QString csvField(QString s) {
    // A spreadsheet runs a cell that begins with one of these as a formula.
    if (!s.isEmpty() && QStringLiteral("=+-@").contains(s.front()))
        s.prepend(QLatin1Char('\''));
    if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) || s.contains(QLatin1Char('\n')) ||
        s.contains(QLatin1Char('\r')))
        return QLatin1Char('"') + s.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return s;
}

QString yuan(qint64 fen) {
    return QStringLiteral("%1%2.%3")
        .arg(fen < 0 ? QStringLiteral("-") : QString())
        .arg(std::abs(fen) / 100)
        .arg(std::abs(fen) % 100, 2, 10, QLatin1Char('0'));
}

} // namespace

QStringList ordersSchema(Backend) {
    return {
        QStringLiteral("CREATE TABLE orders (station_id TEXT NOT NULL REFERENCES stations(id),"
                       " order_id TEXT NOT NULL, villager_masked TEXT NOT NULL, status TEXT NOT NULL,"
                       " payment TEXT NOT NULL, method TEXT NOT NULL, total_fen BIGINT NOT NULL,"
                       " placed_at BIGINT NOT NULL, line_count INTEGER NOT NULL, waybill TEXT, carrier TEXT,"
                       " reason TEXT, cancel_conflict INTEGER NOT NULL DEFAULT 0, updated_at BIGINT NOT NULL,"
                       " PRIMARY KEY (station_id, order_id))"),
        QStringLiteral("CREATE INDEX orders_id ON orders(order_id)"),
        QStringLiteral("CREATE INDEX orders_status ON orders(status, placed_at)"),
        QStringLiteral("CREATE TABLE order_lines (station_id TEXT NOT NULL, order_id TEXT NOT NULL,"
                       " line_no INTEGER NOT NULL, sku TEXT NOT NULL, name TEXT NOT NULL, spec TEXT NOT NULL,"
                       " unit TEXT NOT NULL, supplier TEXT NOT NULL, quantity BIGINT NOT NULL,"
                       " price_fen BIGINT NOT NULL, price_changed INTEGER NOT NULL,"
                       " PRIMARY KEY (station_id, order_id, line_no),"
                       " FOREIGN KEY (station_id, order_id) REFERENCES orders(station_id, order_id))"),
    };
}

Status projectOrderOps(Tx& tx, const QString& stationId, const QList<const sync::WireOp*>& ops) {
    for (const sync::WireOp* op : ops) {
        if (op->entity != QLatin1String("order"))
            continue;
        if (auto st = applyOne(tx, stationId, op->entityId, op->kind, op->payload); !st)
            return st;
    }
    return {};
}

QJsonObject CountyOrder::toJson() const {
    QJsonArray lineArray;
    for (const OrderLine& l : lines)
        lineArray.append(QJsonObject{{QStringLiteral("sku"), l.sku},
                                     {QStringLiteral("name"), l.name},
                                     {QStringLiteral("spec"), l.spec},
                                     {QStringLiteral("unit"), l.unit},
                                     {QStringLiteral("supplier"), l.supplier},
                                     {QStringLiteral("quantity"), l.quantity},
                                     {QStringLiteral("price_fen"), l.priceFen},
                                     {QStringLiteral("price_changed"), l.priceChanged}});
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("station"), stationId},
                  {QStringLiteral("station_name"), stationName},
                  {QStringLiteral("villager_masked"), villagerMasked},
                  {QStringLiteral("status"), status},
                  {QStringLiteral("payment"), payment},
                  {QStringLiteral("total_fen"), totalFen},
                  {QStringLiteral("placed_at"), placedAt},
                  {QStringLiteral("waybill"), waybill},
                  {QStringLiteral("carrier"), carrier},
                  {QStringLiteral("reason"), reason},
                  {QStringLiteral("cancel_conflict"), cancelConflict},
                  {QStringLiteral("updated_at"), updatedAt},
                  {QStringLiteral("line_count"), int(lines.size())}};
    if (std::any_of(lines.cbegin(), lines.cend(), [](const OrderLine& l) { return !l.sku.isEmpty(); }))
        o.insert(QStringLiteral("lines"), lineArray);
    return o;
}

Result<QList<CountyOrder>> listOrders(CountyStore& store, const OrderFilter& filter) {
    if (!filter.status.isEmpty() && !allStatuses().contains(filter.status))
        return fail(ErrorKind::BadInput, QStringLiteral("order.bad_status"),
                    QStringLiteral("\"%1\" is not an order status (%2).")
                        .arg(filter.status, allStatuses().join(QStringLiteral(", "))));
    auto tx = store.begin(Tx::Mode::Read);
    if (!tx)
        return fail(tx.error());
    QStringList where{QStringLiteral("1 = 1")};
    QVariantList args;
    if (!filter.status.isEmpty()) {
        where << QStringLiteral("o.status = ?");
        args << filter.status;
    }
    if (!filter.stationId.isEmpty()) {
        where << QStringLiteral("o.station_id = ?");
        args << filter.stationId;
    }
    auto rows = tx->select(kOrderColumns + QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND ")) +
                               QStringLiteral(" ORDER BY o.placed_at, o.order_id"),
                           args);
    if (!rows)
        return fail(rows.error());
    QList<CountyOrder> out;
    out.reserve(rows->size());
    for (const Row& r : *rows)
        out.append(orderFromRow(r));
    return out;
}

Result<CountyOrder> findOrder(CountyStore& store, const QString& idOrPrefix) {
    auto tx = store.begin(Tx::Mode::Read);
    if (!tx)
        return fail(tx.error());
    return findIn(*tx, idOrPrefix);
}

Result<CountyOrder> decideOrder(CountyStore& store, const QString& idOrPrefix, OrderDecision decision,
                                const DecisionInput& input) {
    auto checked = checkInput(decision, input);
    if (!checked)
        return fail(checked.error());
    auto tx = store.begin(Tx::Mode::Write);
    if (!tx)
        return fail(tx.error());
    auto found = findIn(*tx, idOrPrefix);
    if (!found)
        return fail(found.error());
    // The station's pushes take this lock: read the order again under it, so a cancellation
    // pushed at the same moment is either seen here or applied after the decision.
    if (auto st = tx->lock(QStringLiteral("station:") + found->stationId); !st)
        return fail(st.error());
    auto order = findIn(*tx, found->id);
    if (!order)
        return fail(order.error());
    if (auto st = checkTransition(*order, decision); !st)
        return fail(st.error());

    QJsonObject data{{QStringLiteral("at"), tx->now()}};
    Result<int> r = 0;
    switch (decision) {
    case OrderDecision::Accept:
        order->status = kAccepted;
        r = tx->exec(
            QStringLiteral(
                "UPDATE orders SET status = ?, updated_at = ? WHERE station_id = ? AND order_id = ?"),
            {kAccepted, tx->now(), order->stationId, order->id});
        break;
    case OrderDecision::Refuse:
        order->status = kRefused;
        order->reason = checked->reason;
        data.insert(QStringLiteral("reason"), checked->reason);
        r = tx->exec(QStringLiteral("UPDATE orders SET status = ?, reason = ?, updated_at = ?"
                                    " WHERE station_id = ? AND order_id = ?"),
                     {kRefused, checked->reason, tx->now(), order->stationId, order->id});
        break;
    case OrderDecision::Ship:
        order->status = kShipped;
        order->waybill = checked->waybill;
        order->carrier = checked->carrier;
        data.insert(QStringLiteral("waybill"), checked->waybill);
        data.insert(QStringLiteral("carrier"), checked->carrier);
        r = tx->exec(QStringLiteral("UPDATE orders SET status = ?, waybill = ?, carrier = ?, updated_at = ?"
                                    " WHERE station_id = ? AND order_id = ?"),
                     {kShipped, checked->waybill, textOrNull(checked->carrier), tx->now(), order->stationId,
                      order->id});
        break;
    }
    if (!r)
        return fail(r.error());
    data.insert(QStringLiteral("status"), order->status);
    order->updatedAt = tx->now();
    if (auto st = appendChange(*tx, order->stationId, QStringLiteral("order_status"), order->id, data); !st)
        return fail(st.error());
    if (auto st = tx->commit(); !st)
        return fail(st.error());
    return *order;
}

Result<QList<PurchaseRow>> purchaseList(CountyStore& store, const QString& status, const QString& supplier) {
    const QString s = status.isEmpty() ? kAccepted : status;
    if (!allStatuses().contains(s))
        return fail(ErrorKind::BadInput, QStringLiteral("order.bad_status"),
                    QStringLiteral("\"%1\" is not an order status (%2).")
                        .arg(s, allStatuses().join(QStringLiteral(", "))));
    auto tx = store.begin(Tx::Mode::Read);
    if (!tx)
        return fail(tx.error());
    QVariantList args{s};
    QString where = QStringLiteral("o.status = ?");
    if (!supplier.trimmed().isEmpty()) {
        where += QStringLiteral(" AND l.supplier = ?");
        args << supplier.trimmed();
    }
    auto rows = tx->select(
        QStringLiteral(
            "SELECT l.sku, MAX(l.name), MAX(l.spec), MAX(l.unit), l.supplier, SUM(l.quantity),"
            " COUNT(DISTINCT l.station_id || ':' || l.order_id), COUNT(DISTINCT l.station_id),"
            " SUM(l.quantity * l.price_fen)"
            " FROM order_lines l JOIN orders o ON o.station_id = l.station_id AND o.order_id = l.order_id"
            " WHERE ") +
            where + QStringLiteral(" GROUP BY l.supplier, l.sku ORDER BY l.supplier, l.sku"),
        args);
    if (!rows)
        return fail(rows.error());
    QList<PurchaseRow> out;
    for (const Row& r : *rows)
        out.append({r.at(0).toString(), r.at(1).toString(), r.at(2).toString(), r.at(3).toString(),
                    r.at(4).toString(), r.at(5).toLongLong(), r.at(6).toInt(), r.at(7).toInt(),
                    r.at(8).toLongLong()});
    return out;
}

QByteArray purchaseListCsv(const QList<PurchaseRow>& rows) {
    QString text = QStringLiteral("sku,name,spec,unit,supplier,quantity,orders,stations,amount_yuan\r\n");
    for (const PurchaseRow& r : rows)
        text += QStringList{csvField(r.sku),           csvField(r.name),
                            csvField(r.spec),          csvField(r.unit),
                            csvField(r.supplier),      QString::number(r.quantity),
                            QString::number(r.orders), QString::number(r.stations),
                            yuan(r.amountFen)}
                    .join(QLatin1Char(',')) +
                QStringLiteral("\r\n");
    return text.toUtf8();
}

} // namespace cz::county
