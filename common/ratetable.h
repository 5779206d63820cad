// Zone rates and waybill number blocks as both ends read them: the station's own import
// (`cunzhanctl rates import`, `waybill-block import`; station-core/dispatch.cpp) and the county's
// (`cunzhan-county rates import`, `waybill-block assign`; sync/server/prices.cpp), and the shape in
// which the county publishes them (changes `rates` and `waybill_block`, stored by
// station-core/countyprices.cpp). One parser, so a file one end accepts the other accepts too.
// Messages are left to each end (the station's are translated, the county's are for operators).
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QRegularExpression>
#include <QStringList>
#include <functional>

namespace cz::rates {

// Bounds of one rate row: generous for any real price list, so no file can make either end store
// absurd values.
constexpr qsizetype kMaxPlaceName = 40; // province and zone
constexpr qint64 kMaxFen = 1'000'000'000;
constexpr int kMaxWeightGrams = 10'000'000;
constexpr qsizetype kMaxRows = 10'000;

struct RateRow {
    QString carrier; // upper case
    QString province;
    QString zone;
    qint64 firstFen = 0;
    qint64 extraFenPerKg = 0;
    int maxWeightGrams = 0;
};

enum class Problem { Shape, UnknownCarrier, TooMany };
struct LineError {
    int line = 0; // 1-based
    QString text; // the line as written (for Shape), the carrier (for UnknownCarrier)
    Problem problem = Problem::Shape;
};

struct RateTable {
    QList<RateRow> rows;  // a later line for the same carrier and province replaces the earlier
    QStringList carriers; // in the order they first appear
    QList<LineError> errors;
};

// CSV lines "carrier,province,zone,first_fen,extra_fen_per_kg,max_weight_g"; an optional header line
// (its first field "carrier"), blank lines and lines starting with # are skipped. Every bad line is
// in errors; knownCarrier decides which carrier codes are accepted.
[[nodiscard]] inline RateTable parseRateCsv(const QString& csv,
                                            const std::function<bool(const QString&)>& knownCarrier) {
    RateTable table;
    const QStringList lines = csv.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList f = line.split(QLatin1Char(','));
        if (i == 0 && f.value(0).trimmed().compare(QLatin1String("carrier"), Qt::CaseInsensitive) == 0)
            continue; // header
        bool ok1 = false, ok2 = false, ok3 = false;
        const RateRow r{f.value(0).trimmed().toUpper(),
                        f.value(1).trimmed(),
                        f.value(2).trimmed(),
                        f.value(3).trimmed().toLongLong(&ok1),
                        f.value(4).trimmed().toLongLong(&ok2),
                        f.value(5).trimmed().toInt(&ok3)};
        if (f.size() != 6 || !ok1 || !ok2 || !ok3 || r.province.isEmpty() || r.zone.isEmpty() ||
            r.province.size() > kMaxPlaceName || r.zone.size() > kMaxPlaceName || r.firstFen < 0 ||
            r.extraFenPerKg < 0 || r.firstFen > kMaxFen || r.extraFenPerKg > kMaxFen ||
            r.maxWeightGrams <= 0 || r.maxWeightGrams > kMaxWeightGrams) {
            table.errors.append({i + 1, line, Problem::Shape});
            continue;
        }
        if (!knownCarrier(r.carrier)) {
            table.errors.append({i + 1, r.carrier, Problem::UnknownCarrier});
            continue;
        }
        if (table.rows.size() >= kMaxRows) {
            table.errors.append({i + 1, line, Problem::TooMany});
            break;
        }
        if (!table.carriers.contains(r.carrier))
            table.carriers << r.carrier;
        bool replaced = false;
        for (RateRow& existing : table.rows)
            if (existing.carrier == r.carrier && existing.province == r.province) {
                existing = r;
                replaced = true;
            }
        if (!replaced)
            table.rows.append(r);
    }
    return table;
}

// The published form of one carrier's table (change `rates`, key = carrier):
// {"carrier": "SF", "rows": [[province, zone, first_fen, extra_fen_per_kg, max_weight_g], ...]}.
[[nodiscard]] inline QJsonObject toJson(const QString& carrier, const QList<RateRow>& rows) {
    QJsonArray array;
    for (const RateRow& r : rows)
        if (r.carrier == carrier)
            array.append(QJsonArray{r.province, r.zone, r.firstFen, r.extraFenPerKg, r.maxWeightGrams});
    return {{QStringLiteral("carrier"), carrier}, {QStringLiteral("rows"), array}};
}

// The rows of a published table, each checked against the same bounds; false if any row is bad.
[[nodiscard]] inline bool fromJson(const QString& carrier, const QJsonObject& data, QList<RateRow>* rows) {
    const QJsonArray array = data.value(QStringLiteral("rows")).toArray();
    if (array.isEmpty() || array.size() > kMaxRows)
        return false;
    const auto whole = [](const QJsonValue& v, qint64 max, qint64* out) {
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d < 0 || d > double(max) || d != double(qint64(d)))
            return false;
        *out = qint64(d);
        return true;
    };
    for (const QJsonValue& v : array) {
        const QJsonArray a = v.toArray();
        RateRow r{carrier, a.at(0).toString().trimmed(), a.at(1).toString().trimmed(), 0, 0, 0};
        qint64 weight = 0;
        if (a.size() != 5 || r.province.isEmpty() || r.zone.isEmpty() || r.province.size() > kMaxPlaceName ||
            r.zone.size() > kMaxPlaceName || !whole(a.at(2), kMaxFen, &r.firstFen) ||
            !whole(a.at(3), kMaxFen, &r.extraFenPerKg) || !whole(a.at(4), kMaxWeightGrams, &weight) ||
            weight <= 0)
            return false;
        r.maxWeightGrams = int(weight);
        rows->append(r);
    }
    return true;
}

// The carriers every station knows from its first schema (station-core/migrations.cpp, version 1);
// the county's carrier rules add to them.
[[nodiscard]] inline const QStringList& builtInCarriers() {
    static const QStringList codes{
        QStringLiteral("SF"),   QStringLiteral("EMS"),     QStringLiteral("YTO"),
        QStringLiteral("ZTO"),  QStringLiteral("STO"),     QStringLiteral("YUNDA"),
        QStringLiteral("JT"),   QStringLiteral("JD"),      QStringLiteral("DEPPON"),
        QStringLiteral("BEST"), QStringLiteral("CAINIAO"), QStringLiteral("OTHER")};
    return codes;
}

// A block of waybill numbers: prefix (0 to 8 letters or digits, upper case) + the number padded with
// zeros to `digits`; the numbers have 8 to 32 characters.
[[nodiscard]] inline bool validWaybillBlock(const QString& prefix, qint64 from, qint64 to, int digits) {
    static const QRegularExpression prefixShape(QStringLiteral("^[A-Z0-9]{0,8}$"));
    return prefixShape.match(prefix).hasMatch() && from >= 0 && to >= from && digits >= 1 && digits <= 18 &&
           QString::number(to).size() <= digits && prefix.size() + digits >= 8 &&
           prefix.size() + digits <= 32;
}

[[nodiscard]] inline QString waybillNumber(const QString& prefix, qint64 number, int digits) {
    return prefix + QStringLiteral("%1").arg(number, digits, 10, QLatin1Char('0'));
}

} // namespace cz::rates
