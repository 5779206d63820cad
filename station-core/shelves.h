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

constexpr const char* kDefaultShelfSpec = "1-4:3x30";

} // namespace cz
