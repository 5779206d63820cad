// Keys of the sync_state table and small helpers shared by the sync store's files.
#pragma once

#include "writetx.h"

namespace cz::sync::state {

inline const QString kServerUrl = QStringLiteral("server_url");
inline const QString kStationId = QStringLiteral("station_id");
inline const QString kToken = QStringLiteral("token");
inline const QString kEpoch = QStringLiteral("epoch");
inline const QString kCaCert = QStringLiteral("ca_cert");
inline const QString kBatchKey = QStringLiteral("batch_key"); // base64 of the Ed25519 private key
inline const QString kCursor = QStringLiteral("cursor");
inline const QString kLastSuccessAt = QStringLiteral("last_success_at");
inline const QString kLastAttemptAt = QStringLiteral("last_attempt_at");
inline const QString kLastError = QStringLiteral("last_error");

[[nodiscard]] inline Status set(WriteTx& tx, const QString& key, const QString& value) {
    // A null QString would bind as NULL; the column is NOT NULL and "" is a real value here.
    auto q = tx.exec(QStringLiteral("INSERT OR REPLACE INTO sync_state(key, value) VALUES (?, ?)"),
                     {key, value.isNull() ? QStringLiteral("") : value});
    if (!q)
        return fail(q.error());
    return {};
}

} // namespace cz::sync::state
