#include "opcatalog.h"

#include "protocol.h"

#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>

namespace cz::sync {

namespace {

OpVerdict invalid(const QString& code, const QString& reason) {
    return {OpStanding::Invalid, nullptr, code, reason};
}

bool knownParcelStatus(const QString& status) {
    static const QStringList statuses{QStringLiteral("waiting"), QStringLiteral("picked_up"),
                                      QStringLiteral("to_return"), QStringLiteral("returned")};
    return statuses.contains(status);
}

OpVerdict checkParcel(const WireOp& op) {
    const QJsonValue parcel = op.payload.value(QStringLiteral("parcel"));
    if (!parcel.isObject())
        return invalid(QStringLiteral("op.invalid_payload"),
                       QStringLiteral("The parcel op carries no parcel."));
    const QJsonObject p = parcel.toObject();
    if (p.value(QStringLiteral("id")).toString() != op.entityId)
        return invalid(
            QStringLiteral("op.invalid_payload"),
            QStringLiteral("The parcel in the payload is not the op's parcel %1.").arg(op.entityId));
    if (!knownParcelStatus(p.value(QStringLiteral("status")).toString()))
        return invalid(QStringLiteral("op.invalid_payload"),
                       QStringLiteral("The parcel has an unknown status \"%1\".")
                           .arg(p.value(QStringLiteral("status")).toString()));
    if (p.value(QStringLiteral("waybill")).toString().isEmpty())
        return invalid(QStringLiteral("op.invalid_payload"),
                       QStringLiteral("The parcel has no waybill number."));
    return {};
}

// order.placed: the order the county will fulfil and aggregate into purchase lists, bounded so that one
// op cannot make it keep or sum absurd figures (docs/protocol.md, "Proxy orders").
OpVerdict checkPlacedOrder(const WireOp& op) {
    const auto bad = [](const QString& why) { return invalid(QStringLiteral("op.invalid_payload"), why); };
    const QJsonObject o = op.payload.value(QStringLiteral("order")).toObject();
    if (o.value(QStringLiteral("id")).toString() != op.entityId)
        return bad(QStringLiteral("The order in the payload is not the op's order %1.").arg(op.entityId));
    const QJsonArray lines = o.value(QStringLiteral("lines")).toArray();
    if (lines.isEmpty() || lines.size() > kMaxOrderLines)
        return bad(QStringLiteral("An order has 1 to %1 lines.").arg(kMaxOrderLines));
    for (const QJsonValue& v : lines) {
        const QJsonObject l = v.toObject();
        const QString sku = l.value(QStringLiteral("sku")).toString();
        const double quantity = l.value(QStringLiteral("quantity")).toDouble(-1);
        const double price = l.value(QStringLiteral("price_fen")).toDouble(-1);
        if (sku.isEmpty() || sku.size() > 64 || l.value(QStringLiteral("name")).toString().size() > 200)
            return bad(QStringLiteral("An order line has no usable sku or name."));
        if (quantity < 1 || quantity > kMaxOrderQuantity || quantity != double(qint64(quantity)))
            return bad(QStringLiteral("An order line's quantity is not a whole number from 1 to %1.")
                           .arg(kMaxOrderQuantity));
        if (price < 0 || price > kMaxOrderPriceFen || price != double(qint64(price)))
            return bad(QStringLiteral("An order line's price is not a whole number of fen in range."));
    }
    return {};
}

OpKind parcelKind(const QString& event) {
    return {QStringLiteral("parcel.") + event, QStringLiteral("parcel"), 1, 1, PayloadCheck::Parcel};
}

OpKind plainKind(const QString& entity, const QString& kind) {
    return {kind, entity, 1, 1, PayloadCheck::None};
}

} // namespace

OpCatalog::OpCatalog(QList<OpKind> kinds)
    : m_kinds(std::move(kinds)) {}

const OpCatalog& OpCatalog::current() {
    // Every kind station-core appends to its outbox (WriteTx::appendOp), payload schema 1
    // (kOpSchemaVersion). A new kind or schema is added here in the same change that makes the
    // station write it; tst_opcatalog fails on a station kind missing from this table.
    static const OpCatalog catalog({
        parcelKind(QStringLiteral("received")),
        parcelKind(QStringLiteral("picked_up")),
        parcelKind(QStringLiteral("pickup_undone")),
        parcelKind(QStringLiteral("marked_for_return")),
        parcelKind(QStringLiteral("moved")),
        parcelKind(QStringLiteral("reminded")),
        parcelKind(QStringLiteral("bagged_for_return")),
        parcelKind(QStringLiteral("returned")),
        plainKind(QStringLiteral("dispatch"), QStringLiteral("dispatch.accepted")),
        plainKind(QStringLiteral("dispatch"), QStringLiteral("dispatch.bagged")),
        plainKind(QStringLiteral("dispatch"), QStringLiteral("dispatch.handed_over")),
        plainKind(QStringLiteral("manifest"), QStringLiteral("manifest.opened")),
        plainKind(QStringLiteral("manifest"), QStringLiteral("manifest.handed_over")),
        plainKind(QStringLiteral("setting"), QStringLiteral("setting.changed")),
        plainKind(QStringLiteral("station"), QStringLiteral("station.initialised")),
        plainKind(QStringLiteral("station"), QStringLiteral("shelves.changed")),
        plainKind(QStringLiteral("rates"), QStringLiteral("rates.imported")),
        plainKind(QStringLiteral("waybill_block"), QStringLiteral("waybill_block.imported")),
        // Proxy buying (docs/protocol.md, "Proxy orders").
        plainKind(QStringLiteral("villager"), QStringLiteral("villager.added")),
        plainKind(QStringLiteral("villager"), QStringLiteral("villager.updated")),
        plainKind(QStringLiteral("account"), QStringLiteral("account.entry")),
        {QStringLiteral("order.placed"), QStringLiteral("order"), 1, 1, PayloadCheck::PlacedOrder},
        plainKind(QStringLiteral("order"), QStringLiteral("order.cancelled")),
        plainKind(QStringLiteral("order"), QStringLiteral("order.arrived")),
        plainKind(QStringLiteral("order"), QStringLiteral("order.collected")),
        plainKind(QStringLiteral("order"), QStringLiteral("order.collection_undone")),
    });
    return catalog;
}

const OpKind* OpCatalog::find(const QString& kind) const {
    const auto it =
        std::find_if(m_kinds.cbegin(), m_kinds.cend(), [&](const OpKind& k) { return k.kind == kind; });
    return it == m_kinds.cend() ? nullptr : &*it;
}

OpVerdict OpCatalog::judge(const WireOp& op) const {
    // Checked first whatever the kind: an op without an entity id is broken in every version.
    if (op.entityId.isEmpty())
        return invalid(QStringLiteral("op.invalid_payload"), QStringLiteral("The op names no entity id."));
    if (op.schemaVersion < 1)
        return invalid(QStringLiteral("op.schema_version"),
                       QStringLiteral("Payload schema version %1 does not exist.").arg(op.schemaVersion));
    const OpKind* kind = find(op.kind);
    if (!kind)
        return {OpStanding::UnknownKind, nullptr, QStringLiteral("op.held_unknown_kind"),
                QStringLiteral(
                    "The county does not know the kind \"%1\" yet; the op is kept and applied once the "
                    "county is upgraded.")
                    .arg(op.kind)};
    if (kind->entity != op.entity)
        return invalid(
            QStringLiteral("op.unknown_kind"),
            QStringLiteral("The kind \"%1\" does not belong to the entity \"%2\".").arg(op.kind, op.entity));
    if (op.schemaVersion > kind->newestSchema)
        return {OpStanding::NewerSchema, nullptr, QStringLiteral("op.held_schema_version"),
                QStringLiteral(
                    "The county knows \"%1\" up to payload schema version %2, not %3 yet; the op is kept "
                    "and applied once the county is upgraded.")
                    .arg(op.kind)
                    .arg(kind->newestSchema)
                    .arg(op.schemaVersion)};
    if (op.schemaVersion < kind->oldestSchema)
        return invalid(
            QStringLiteral("op.schema_version"),
            QStringLiteral(
                "Payload schema version %1 of \"%2\" is no longer supported (supported: %3 to %4).")
                .arg(op.schemaVersion)
                .arg(op.kind)
                .arg(kind->oldestSchema)
                .arg(kind->newestSchema));
    if (kind->check == PayloadCheck::Parcel)
        if (OpVerdict v = checkParcel(op); v.standing != OpStanding::Known)
            return v;
    if (kind->check == PayloadCheck::PlacedOrder)
        if (OpVerdict v = checkPlacedOrder(op); v.standing != OpStanding::Known)
            return v;
    return {OpStanding::Known, kind, {}, {}};
}

OpCatalog OpCatalog::without(const QString& kind) const {
    QList<OpKind> kinds = m_kinds;
    kinds.removeIf([&](const OpKind& k) { return k.kind == kind; });
    return OpCatalog(std::move(kinds));
}

OpCatalog OpCatalog::withNewestSchema(const QString& kind, int version) const {
    QList<OpKind> kinds = m_kinds;
    for (OpKind& k : kinds)
        if (k.kind == kind)
            k.newestSchema = version;
    return OpCatalog(std::move(kinds));
}

} // namespace cz::sync
