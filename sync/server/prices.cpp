#include "prices.h"

#include "feed.h"
#include "ratetable.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

namespace cz::county {

namespace {

// The carrier codes stations know: the built-in ones and those of the county's carrier rules.
Result<QSet<QString>> knownCarriers(Tx& tx) {
    QSet<QString> known(rates::builtInCarriers().cbegin(), rates::builtInCarriers().cend());
    auto rows = tx.select(
        QStringLiteral("SELECT data FROM changes WHERE kind = 'carrier_rules' AND data IS NOT NULL"));
    if (!rows)
        return fail(rows.error());
    for (const Row& r : *rows) {
        const QJsonArray carriers = QJsonDocument::fromJson(r.at(0).toString().toUtf8())
                                        .object()
                                        .value(QStringLiteral("carriers"))
                                        .toArray();
        for (const QJsonValue& c : carriers)
            known.insert(c.toObject().value(QStringLiteral("code")).toString().trimmed().toUpper());
    }
    return known;
}

QString describe(const rates::LineError& e) {
    switch (e.problem) {
    case rates::Problem::Shape:
        return QStringLiteral("line %1: not \"carrier,province,zone,first_fen,extra_fen_per_kg,max_weight_g\""
                              " with whole numbers in range: %2")
            .arg(e.line)
            .arg(e.text);
    case rates::Problem::UnknownCarrier:
        return QStringLiteral(
                   "line %1: the carrier \"%2\" is not known to the stations (publish carrier rules "
                   "naming it first)")
            .arg(e.line)
            .arg(e.text);
    case rates::Problem::TooMany:
        return QStringLiteral("line %1: more than %2 rates in one file").arg(e.line).arg(rates::kMaxRows);
    }
    return {};
}

} // namespace

QStringList pricesSchema(Backend) {
    return {
        QStringLiteral("CREATE TABLE waybill_blocks (carrier TEXT NOT NULL, prefix TEXT NOT NULL,"
                       " digits INTEGER NOT NULL, from_no BIGINT NOT NULL, to_no BIGINT NOT NULL,"
                       " station_id TEXT NOT NULL REFERENCES stations(id), assigned_at BIGINT NOT NULL,"
                       " PRIMARY KEY (carrier, prefix, digits, from_no))"),
        QStringLiteral("CREATE INDEX waybill_blocks_station ON waybill_blocks(station_id)"),
    };
}

QStringList pricesWithdrawalSchema() {
    return {QStringLiteral("ALTER TABLE waybill_blocks ADD COLUMN withdrawn_at BIGINT")};
}

Result<PublishedRates> importCountyRates(CountyStore& store, const QByteArray& csv) {
    QByteArray bytes = csv;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3); // a byte-order mark from spreadsheet programs
    const QString text = QString::fromUtf8(bytes);
    if (text.contains(QChar::ReplacementCharacter))
        return fail(ErrorKind::BadInput, QStringLiteral("rates.encoding"),
                    QStringLiteral("The rate file is not UTF-8 text; save it as \"CSV UTF-8\"."));
    auto tx = store.begin(Tx::Mode::Write);
    if (!tx)
        return fail(tx.error());
    auto known = knownCarriers(*tx);
    if (!known)
        return fail(known.error());
    const rates::RateTable table =
        rates::parseRateCsv(text, [&](const QString& c) { return known->contains(c); });
    if (!table.errors.isEmpty()) {
        QStringList details;
        for (const rates::LineError& e : table.errors)
            details << describe(e);
        return fail(
            ErrorKind::BadInput, QStringLiteral("rates.invalid"),
            QStringLiteral("The rate file has %1 error(s); nothing was published.").arg(details.size()),
            details);
    }
    if (table.rows.isEmpty())
        return fail(ErrorKind::BadInput, QStringLiteral("rates.empty"),
                    QStringLiteral("The rate file has no rates."));
    for (const QString& carrier : table.carriers)
        if (auto st =
                appendChange(*tx, {}, QStringLiteral("rates"), carrier, rates::toJson(carrier, table.rows));
            !st)
            return fail(st.error());
    if (auto st = tx->commit(); !st)
        return fail(st.error());
    return PublishedRates{int(table.rows.size()), table.carriers};
}

QJsonObject toJson(const WaybillBlock& b) {
    return {{QStringLiteral("station"), b.stationId}, {QStringLiteral("carrier"), b.carrier},
            {QStringLiteral("prefix"), b.prefix},     {QStringLiteral("digits"), b.digits},
            {QStringLiteral("from"), b.from},         {QStringLiteral("to"), b.to}};
}

QString firstNumber(const WaybillBlock& b) {
    return rates::waybillNumber(b.prefix, b.from, b.digits);
}

QString lastNumber(const WaybillBlock& b) {
    return rates::waybillNumber(b.prefix, b.to, b.digits);
}

Result<WaybillBlock> assignWaybillBlock(CountyStore& store, const WaybillBlock& input) {
    WaybillBlock b = input;
    b.stationId = b.stationId.trimmed();
    b.carrier = b.carrier.trimmed().toUpper();
    b.prefix = b.prefix.trimmed().toUpper();
    if (b.digits == 0)
        b.digits = int(QString::number(b.to).size());
    if (!rates::validWaybillBlock(b.prefix, b.from, b.to, b.digits))
        return fail(
            ErrorKind::BadInput, QStringLiteral("waybill_block.invalid"),
            QStringLiteral("A number block is a prefix of up to 8 letters or digits and a range FROM-TO "
                           "that fits in the given number of digits; the numbers must have 8 to 32 "
                           "characters."));
    auto tx = store.begin(Tx::Mode::Write);
    if (!tx)
        return fail(tx.error());
    auto known = knownCarriers(*tx);
    if (!known)
        return fail(known.error());
    if (!known->contains(b.carrier))
        return fail(ErrorKind::BadInput, QStringLiteral("carrier.unknown"),
                    QStringLiteral("\"%1\" is not a carrier code the stations know.").arg(b.carrier));
    auto station =
        tx->selectOne(QStringLiteral("SELECT revoked_at FROM stations WHERE id = ?"), {b.stationId});
    if (!station)
        return fail(station.error());
    if (!*station || !(**station).at(0).isNull())
        return fail(ErrorKind::NotFound, QStringLiteral("station.not_found"),
                    QStringLiteral("No active station %1.").arg(b.stationId));
    // Under the feed lock every writer of blocks waits for the one before, so two assignments at
    // the same moment cannot both pass the overlap check.
    if (auto st = tx->lock(QStringLiteral("feed")); !st)
        return fail(st.error());
    auto overlap =
        tx->selectOne(QStringLiteral("SELECT station_id, from_no, to_no FROM waybill_blocks"
                                     " WHERE carrier = ? AND prefix = ? AND digits = ?"
                                     " AND NOT (to_no < ? OR from_no > ?) ORDER BY from_no LIMIT 1"),
                      {b.carrier, b.prefix, b.digits, b.from, b.to});
    if (!overlap)
        return fail(overlap.error());
    if (*overlap) {
        const WaybillBlock other{
            (**overlap).at(0).toString(),   b.carrier, b.prefix, (**overlap).at(1).toLongLong(),
            (**overlap).at(2).toLongLong(), b.digits};
        return fail(ErrorKind::Conflict, QStringLiteral("waybill_block.overlap"),
                    QStringLiteral("These numbers overlap the block %1 to %2 already assigned to station %3.")
                        .arg(firstNumber(other), lastNumber(other), other.stationId));
    }
    auto inserted =
        tx->exec(QStringLiteral("INSERT INTO waybill_blocks(carrier, prefix, digits, from_no, to_no,"
                                " station_id, assigned_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                 {b.carrier, b.prefix, b.digits, b.from, b.to, b.stationId, tx->now()});
    if (!inserted)
        return fail(inserted.error());
    QJsonObject data = toJson(b);
    data.remove(QStringLiteral("station"));
    if (auto st = appendChange(*tx, b.stationId, QStringLiteral("waybill_block"),
                               b.carrier + QLatin1Char(':') + firstNumber(b), data);
        !st)
        return fail(st.error());
    if (auto st = tx->commit(); !st)
        return fail(st.error());
    return b;
}

Status withdrawCountyRates(CountyStore& store, const QString& carrierInput) {
    const QString carrier = carrierInput.trimmed().toUpper();
    auto tx = store.begin(Tx::Mode::Write);
    if (!tx)
        return fail(tx.error());
    if (auto st = tx->lock(QStringLiteral("feed")); !st)
        return fail(st.error());
    auto last = tx->selectOne(QStringLiteral("SELECT data FROM changes WHERE kind = 'rates' AND key = ?"
                                             " AND station_id IS NULL ORDER BY seq DESC LIMIT 1"),
                              {carrier});
    if (!last)
        return fail(last.error());
    if (!*last || (**last).at(0).isNull())
        return fail(ErrorKind::NotFound, QStringLiteral("rates.not_published"),
                    QStringLiteral("The county has no rates of %1 published.").arg(carrier.left(16)));
    if (auto st = appendChange(*tx, {}, QStringLiteral("rates"), carrier, std::nullopt); !st)
        return fail(st.error());
    return tx->commit();
}

Result<WaybillBlock> withdrawWaybillBlock(CountyStore& store, const QString& stationInput,
                                          const QString& blockInput) {
    const QString stationId = stationInput.trimmed();
    const QString key = blockInput.trimmed().toUpper();
    const qsizetype colon = key.indexOf(QLatin1Char(':'));
    const QString carrier = key.left(colon);
    auto tx = store.begin(Tx::Mode::Write);
    if (!tx)
        return fail(tx.error());
    if (auto st = tx->lock(QStringLiteral("feed")); !st)
        return fail(st.error());
    auto rows =
        tx->select(QStringLiteral("SELECT prefix, digits, from_no, to_no, withdrawn_at FROM waybill_blocks"
                                  " WHERE station_id = ? AND carrier = ? ORDER BY from_no LIMIT 10000"),
                   {stationId, carrier});
    if (!rows)
        return fail(rows.error());
    for (const Row& r : *rows) {
        const WaybillBlock b{
            stationId,      carrier, r.at(0).toString(), r.at(2).toLongLong(), r.at(3).toLongLong(),
            r.at(1).toInt()};
        if (colon <= 0 || carrier + QLatin1Char(':') + firstNumber(b) != key)
            continue;
        if (!r.at(4).isNull())
            return fail(
                ErrorKind::Conflict, QStringLiteral("waybill_block.withdrawn"),
                QStringLiteral("The block %1 of station %2 was already withdrawn.").arg(key, stationId));
        auto updated = tx->exec(QStringLiteral("UPDATE waybill_blocks SET withdrawn_at = ? WHERE carrier = ?"
                                               " AND prefix = ? AND digits = ? AND from_no = ?"),
                                {tx->now(), carrier, b.prefix, b.digits, b.from});
        if (!updated)
            return fail(updated.error());
        if (auto st = appendChange(*tx, stationId, QStringLiteral("waybill_block"), key, std::nullopt); !st)
            return fail(st.error());
        if (auto st = tx->commit(); !st)
            return fail(st.error());
        return b;
    }
    return fail(ErrorKind::NotFound, QStringLiteral("waybill_block.not_found"),
                QStringLiteral("Station %1 has no block %2 (write it as CARRIER:FIRST-NUMBER, as "
                               "\"waybill-block assign\" printed it).")
                    .arg(stationId.left(64), key.left(64)));
}

} // namespace cz::county
