// Unified prices (统一价格): the county's zone rate tables, published to every station (change
// `rates`, key = carrier), and blocks of waybill numbers assigned to one station each (change
// `waybill_block`, key = carrier:first number), never overlapping across stations. The file
// format and the checks are the station's own (common/ratetable.h).
#pragma once

#include "store.h"

#include <QJsonObject>
#include <QStringList>

namespace cz::county {

enum class Backend;

// The schema step of the assigned blocks (listed in schema.cpp).
[[nodiscard]] QStringList pricesSchema(Backend backend);

struct PublishedRates {
    int rows = 0;
    QStringList carriers;
};
// The CSV of `cunzhanctl rates import` (UTF-8, a byte-order mark allowed). Every bad line is named
// in the error's details and nothing is published; otherwise each carrier's table replaces the
// one published before.
[[nodiscard]] Result<PublishedRates> importCountyRates(CountyStore& store, const QByteArray& csv);

struct WaybillBlock {
    QString stationId;
    QString carrier;
    QString prefix;
    qint64 from = 0;
    qint64 to = 0;
    int digits = 0; // 0: the digits of `to`
};
// Checks the block (the station's rule), refuses one that overlaps a block of any station, stores
// it and publishes it to that station, in one transaction.
[[nodiscard]] Result<WaybillBlock> assignWaybillBlock(CountyStore& store, const WaybillBlock& block);
[[nodiscard]] QJsonObject toJson(const WaybillBlock& block);
[[nodiscard]] QString firstNumber(const WaybillBlock& block);
[[nodiscard]] QString lastNumber(const WaybillBlock& block);

} // namespace cz::county
