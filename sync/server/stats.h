// Figures per station for the operator (`cunzhan-county stats`) and the summary endpoint.
#pragma once

#include "store.h"

#include <QCborMap>
#include <QJsonObject>
#include <QMap>

namespace cz::county {

struct StationStats {
    QString id;
    QString name;
    QString township;
    qint64 opsApplied = 0;
    qint64 opsRejected = 0;
    qint64 opsHeld = 0; // kind or payload schema not known yet (applied once the county is upgraded)
    QMap<QString, qint64> parcelsByStatus;
    qint64 lastSeenAt = 0; // UTC ms, 0 = never
    bool revoked = false;
};

// Every station (empty stationId) or one, ordered by township and name.
[[nodiscard]] Result<QList<StationStats>> stationStats(Tx& tx, const QString& stationId = {});

[[nodiscard]] QJsonObject toJson(const StationStats& s);
[[nodiscard]] QCborMap toCbor(const StationStats& s, const QString& epoch);

} // namespace cz::county
