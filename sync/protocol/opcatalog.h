// The op catalogue: every outbox op kind a station may send, the entity it belongs to, the payload
// schema versions it is written in and what the county checks in its payload. One table for both
// ends (docs/protocol.md, "Op catalogue"): the station's kinds are tested against it
// (tests/sync/tst_opcatalog.cpp), and the county applies what it lists and *holds* what it does not
// know yet — a station newer than its county must never lose an op.
//
// Qt Core only and no std::expected, like the rest of sync/protocol (the fuzz target builds it with
// clang).
#pragma once

#include <QList>
#include <QString>

namespace cz::sync {

struct WireOp;

// What the county checks in an op's payload before applying it.
enum class PayloadCheck {
    None,        // stored as sent
    Parcel,      // "parcel": {id == entity_id, status one of the known ones, a waybill}
    PlacedOrder, // "order": {id == entity_id, 1..kMaxOrderLines lines, each a sku, a quantity and a price in
                 // range}
};

// The bounds of an order the county accepts (order.placed).
constexpr int kMaxOrderLines = 200;
constexpr qint64 kMaxOrderQuantity = 100000;
constexpr qint64 kMaxOrderPriceFen = 10000000000; // 1 亿元 per unit

struct OpKind {
    QString kind;   // e.g. "parcel.received"
    QString entity; // e.g. "parcel"
    // Payload schema versions the kind is known in. A newer version is held, an older one rejected.
    int oldestSchema = 1;
    int newestSchema = 1;
    PayloadCheck check = PayloadCheck::None;
};

// How a catalogue sees an op, before its payload is checked.
enum class OpStanding {
    Known,       // apply it (after the payload check)
    UnknownKind, // hold it: a newer station's kind
    NewerSchema, // hold it: a known kind in a newer payload schema
    Invalid,     // reject it: no entity id, a known kind under another entity, a retired schema,
                 // a payload that fails its kind's check
};

struct OpVerdict {
    OpStanding standing = OpStanding::Known;
    const OpKind* kind = nullptr; // for Known
    QString code;                 // machine code for the others, e.g. "op.held_unknown_kind"
    QString reason;               // English sentence (the county's answers are not translated)
};

class OpCatalog {
public:
    explicit OpCatalog(QList<OpKind> kinds);

    // The catalogue of this build.
    [[nodiscard]] static const OpCatalog& current();

    [[nodiscard]] const QList<OpKind>& kinds() const { return m_kinds; }
    [[nodiscard]] const OpKind* find(const QString& kind) const;
    // The whole verdict, payload check included.
    [[nodiscard]] OpVerdict judge(const WireOp& op) const;

    // Copies for tests and for describing an older county: without a kind, or with a kind's newest
    // schema lowered.
    [[nodiscard]] OpCatalog without(const QString& kind) const;
    [[nodiscard]] OpCatalog withNewestSchema(const QString& kind, int version) const;

private:
    QList<OpKind> m_kinds;
};

} // namespace cz::sync
