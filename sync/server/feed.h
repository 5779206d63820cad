// The change feed flowing from the county to the stations (carrier rules, settings, pre-alerts,
// SMS delivery status), and the server's meta values (epoch, horizon).
//
// Commit order equals seq order because every transaction that appends a change holds the global
// write lock (Tx::Mode::Write). A pull reads in one snapshot.
#pragma once

#include "protocol.h"
#include "store.h"

#include <QJsonObject>
#include <optional>

namespace cz::county {

[[nodiscard]] Result<QString> readMeta(Tx& tx, const QString& key);
[[nodiscard]] Status writeMeta(Tx& tx, const QString& key, const QString& value);
[[nodiscard]] inline Result<QString> readEpoch(Tx& tx) {
    return readMeta(tx, QStringLiteral("epoch"));
}

// Appends a change. An empty stationId addresses every station; no data is a deletion (tombstone).
[[nodiscard]] Status appendChange(Tx& tx, const QString& stationId, const QString& kind, const QString& key,
                                  const std::optional<QJsonObject>& data);

// The page of changes for a station after its cursor (see docs/county-server.md, "Pull").
[[nodiscard]] Result<sync::PullResponse> pullChanges(Tx& tx, const QString& stationId, int protocolVersion,
                                                     const sync::PullRequest& request);

struct CompactResult {
    int superseded = 0; // rows deleted because a newer row has the same station, kind and key
    int purged = 0;     // tombstones and pre-alerts older than the cut-off
    qint64 horizon = 0; // the horizon afterwards
};
// Deletes superseded changes; with purgeBeforeDays also old tombstones and pre-alerts, raising the
// horizon past them (cursors older than the horizon get a full snapshot).
[[nodiscard]] Result<CompactResult> compact(CountyStore& store, std::optional<int> purgeBeforeDays);

// A new epoch: after restoring a backup, stations see it, re-send their ops and re-pull.
[[nodiscard]] Result<QString> renewEpoch(CountyStore& store);

} // namespace cz::county
