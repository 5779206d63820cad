// Shelf layout: shelves x layers with a capacity per layer, written as a short spec such as
// "1-4:3x30,A:2x10" (shelves 1 to 4 with 3 layers of 30 parcels, shelf A with 2 layers of 10).
#pragma once

#include "result.h"

#include <QList>
#include <QString>

namespace cz {

struct SlotDef {
    QString shelf;
    int layer = 0;
    int capacity = 0;
    int shelfSort = 0;
    [[nodiscard]] QString name() const { return QStringLiteral("%1-%2").arg(shelf).arg(layer); }
};

struct SlotLoad {
    SlotDef slot;
    int waiting = 0;
};

[[nodiscard]] Result<QList<SlotDef>> parseShelfSpec(const QString& spec);
// The stored form of a spec: upper case, no spaces ("1-4:3X30,A:2X10").
[[nodiscard]] QString normaliseShelfSpec(const QString& spec);
// "3-2" -> shelf "3", layer 2.
[[nodiscard]] Result<std::pair<QString, int>> parseSlotName(const QString& text);

// Schema step shelves.fill_order (listed in migrations.cpp): the places in the order a new parcel
// fills them, so that choosing one is the first entry of an index (kFillOrder), not a sort of every
// place on every receive.
[[nodiscard]] QStringList shelvesFillOrderStep();
// The order of that index: the lowest waiting/capacity first, then shelf order, lower layer first.
// Capacities are 1..999, so the quotients of two different ratios differ far beyond a double's
// precision and equal ratios give the same double: the order is exact.
inline constexpr const char* kFillOrder = "CAST(waiting AS REAL) / max(capacity, 1), shelf_sort, layer";

constexpr const char* kDefaultShelfSpec = "1-4:3x30";

} // namespace cz
