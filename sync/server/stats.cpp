#include "stats.h"

namespace cz::county {

namespace {

QString stationFilter(const QString& column, const QString& stationId) {
    return stationId.isEmpty() ? QString() : QStringLiteral(" WHERE %1 = ?").arg(column);
}

QVariantList stationArgs(const QString& stationId) {
    return stationId.isEmpty() ? QVariantList{} : QVariantList{stationId};
}

} // namespace

Result<QList<StationStats>> stationStats(Tx& tx, const QString& stationId) {
    auto stations = tx.select(
        QStringLiteral("SELECT id, name, township, last_seen_at, revoked_at FROM stations") +
            stationFilter(QStringLiteral("id"), stationId) + QStringLiteral(" ORDER BY township, name, id"),
        stationArgs(stationId));
    if (!stations)
        return fail(stations.error());
    auto ops = tx.select(QStringLiteral("SELECT station_id, outcome, COUNT(*) FROM ops") +
                             stationFilter(QStringLiteral("station_id"), stationId) +
                             QStringLiteral(" GROUP BY station_id, outcome"),
                         stationArgs(stationId));
    if (!ops)
        return fail(ops.error());
    auto parcels = tx.select(QStringLiteral("SELECT station_id, status, COUNT(*) FROM parcels") +
                                 stationFilter(QStringLiteral("station_id"), stationId) +
                                 QStringLiteral(" GROUP BY station_id, status"),
                             stationArgs(stationId));
    if (!parcels)
        return fail(parcels.error());

    QList<StationStats> out;
    QHash<QString, qsizetype> index;
    for (const Row& r : *stations) {
        index.insert(r.at(0).toString(), out.size());
        out.append({r.at(0).toString(),
                    r.at(1).toString(),
                    r.at(2).toString(),
                    0,
                    0,
                    0,
                    {},
                    r.at(3).toLongLong(),
                    !r.at(4).isNull()});
    }
    for (const Row& r : *ops) {
        StationStats& s = out[index.value(r.at(0).toString())];
        const QString outcome = r.at(1).toString();
        (outcome == QLatin1String("applied") ? s.opsApplied
         : outcome == QLatin1String("held")  ? s.opsHeld
                                             : s.opsRejected) = r.at(2).toLongLong();
    }
    for (const Row& r : *parcels)
        out[index.value(r.at(0).toString())].parcelsByStatus.insert(r.at(1).toString(), r.at(2).toLongLong());
    return out;
}

QJsonObject toJson(const StationStats& s) {
    QJsonObject parcels;
    for (auto it = s.parcelsByStatus.cbegin(); it != s.parcelsByStatus.cend(); ++it)
        parcels.insert(it.key(), it.value());
    return {{QStringLiteral("id"), s.id},
            {QStringLiteral("name"), s.name},
            {QStringLiteral("township"), s.township},
            {QStringLiteral("ops_applied"), s.opsApplied},
            {QStringLiteral("ops_rejected"), s.opsRejected},
            {QStringLiteral("ops_held"), s.opsHeld},
            {QStringLiteral("parcels"), parcels},
            {QStringLiteral("last_seen_at"), s.lastSeenAt},
            {QStringLiteral("revoked"), s.revoked}};
}

QCborMap toCbor(const StationStats& s, const QString& epoch) {
    QCborMap m = QCborMap::fromJsonObject(toJson(s));
    m.insert(QStringLiteral("epoch"), epoch);
    return m;
}

} // namespace cz::county
