// Unified prices (统一价格) at the station: the county's zone rate tables (change `rates`, one per
// carrier) and the waybill number blocks it assigns to this station (change `waybill_block`), stored
// for the dispatch desk (dispatch.h) so the Send page works without a hand import.
//
// The rule a keeper is told (docs/user-guide.md): when the county publishes prices for a carrier,
// the station uses the county's prices for that carrier; the station's own imported prices are
// used only for carriers the county does not price. They are kept apart (county_rate beside rate),
// so a local import stays possible and comes back into use if the county withdraws its table.
// County blocks join the station's own blocks; one that overlaps a block the station imported
// itself is skipped, since handing out a number twice is worse than a missing block.
#include "countychanges.h"
#include "dispatch.h"
#include "ratetable.h"
#include "writetx.h"

namespace cz {

Result<ChangeOutcome> storeCountyRates(WriteTx& tx, const CountyChange& change) {
    const QString carrier = change.key.trimmed().toUpper();
    if (carrier.isEmpty() || carrier.size() > 16)
        return skipped("a rate table without a usable carrier");
    QList<rates::RateRow> rows;
    if (!change.deleted && !rates::fromJson(carrier, change.data, &rows))
        return skipped("a rate table with a row out of range");
    if (auto d = tx.exec(QStringLiteral("DELETE FROM county_rate WHERE carrier = ?"), {carrier}); !d)
        return fail(d.error());
    for (const rates::RateRow& r : rows) {
        auto q =
            tx.exec(QStringLiteral("INSERT OR REPLACE INTO county_rate(carrier, province, zone, first_fen,"
                                   " extra_fen_per_kg, max_weight_g) VALUES (?, ?, ?, ?, ?, ?)"),
                    {r.carrier, r.province, r.zone, r.firstFen, r.extraFenPerKg, r.maxWeightGrams});
        if (!q)
            return fail(q.error());
    }
    return ChangeOutcome{};
}

Result<ChangeOutcome> storeWaybillBlock(WriteTx& tx, const CountyChange& change) {
    const QString key = change.key.trimmed();
    if (key.isEmpty() || key.size() > 64)
        return skipped("a waybill block without a usable key");
    if (change.deleted) {
        // Withdrawn: its numbers not handed out yet are no longer used.
        if (auto d = tx.exec(QStringLiteral("DELETE FROM waybill_block WHERE county_key = ?"), {key}); !d)
            return fail(d.error());
        return ChangeOutcome{};
    }
    const QJsonObject& d = change.data;
    const QString carrier = d.value(QStringLiteral("carrier")).toString().trimmed().toUpper();
    const QString prefix = d.value(QStringLiteral("prefix")).toString().trimmed().toUpper();
    const qint64 from = d.value(QStringLiteral("from")).toInteger(-1);
    const qint64 to = d.value(QStringLiteral("to")).toInteger(-1);
    const int digits = int(d.value(QStringLiteral("digits")).toInteger(0));
    if (!rates::validWaybillBlock(prefix, from, to, digits))
        return skipped("a waybill block that is not a valid range");
    auto known = tx.scalar(QStringLiteral("SELECT count(*) FROM carrier WHERE code = ?"), {carrier});
    if (!known)
        return fail(known.error());
    if (known->toInt() == 0)
        return skipped("a waybill block of a carrier this station does not know");
    // Sent again (a full snapshot after a reset): kept as it is, with the numbers already used.
    auto stored = tx.scalar(QStringLiteral("SELECT count(*) FROM waybill_block WHERE county_key = ?"), {key});
    if (!stored)
        return fail(stored.error());
    if (stored->toInt() > 0)
        return ChangeOutcome{};
    auto overlap =
        tx.scalar(QStringLiteral("SELECT count(*) FROM waybill_block WHERE carrier = ? AND prefix = ?"
                                 " AND digits = ? AND NOT (last_no < ? OR next_no > ?)"),
                  {carrier, prefix, digits, from, to});
    if (!overlap)
        return fail(overlap.error());
    if (overlap->toInt() > 0)
        return skipped("a waybill block that overlaps a block the station imported itself");
    auto q = tx.exec(
        QStringLiteral("INSERT INTO waybill_block(carrier, prefix, digits, next_no, last_no, county_key)"
                       " VALUES (?, ?, ?, ?, ?, ?)"),
        {carrier, prefix, digits, from, to, key});
    if (!q)
        return fail(q.error());
    return ChangeOutcome{};
}

// The dispatch domain's step for unified prices: the county's rates beside the station's own, and
// the county's key on the blocks it assigned (so a block sent again is recognised).
QStringList countyPricesSchemaStep() {
    return {
        QStringLiteral("CREATE TABLE county_rate ("
                       " carrier TEXT NOT NULL,"
                       " province TEXT NOT NULL,"
                       " zone TEXT NOT NULL,"
                       " first_fen INTEGER NOT NULL,"
                       " extra_fen_per_kg INTEGER NOT NULL,"
                       " max_weight_g INTEGER NOT NULL,"
                       " PRIMARY KEY (carrier, province))"),
        QStringLiteral("ALTER TABLE waybill_block ADD COLUMN county_key TEXT"),
        QStringLiteral("CREATE UNIQUE INDEX waybill_block_county_key ON waybill_block(county_key)"
                       " WHERE county_key IS NOT NULL"),
    };
}

} // namespace cz
