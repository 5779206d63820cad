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

// The schema steps of the assigned blocks (listed in schema.cpp): the blocks, and their withdrawal.
[[nodiscard]] QStringList pricesSchema(Backend backend);
[[nodiscard]] QStringList pricesWithdrawalSchema();

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

// Withdraws the carrier's published table: a tombstone to every station, which then prices that
// carrier from its own import again. NotFound when the county has no table of it published.
[[nodiscard]] Status withdrawCountyRates(CountyStore& store, const QString& carrier);
// Withdraws a block assigned to a station (`block` = its key, carrier:first number, as published):
// a tombstone to that station, which assigns no new number from it. The block stays recorded as
// withdrawn, so its numbers (some may have been used) are never assigned to another station.
[[nodiscard]] Result<WaybillBlock> withdrawWaybillBlock(CountyStore& store, const QString& stationId,
                                                        const QString& block);
[[nodiscard]] QString firstNumber(const WaybillBlock& block);
[[nodiscard]] QString lastNumber(const WaybillBlock& block);

} // namespace cz::county
