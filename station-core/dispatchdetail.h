// Internal to station-core: the helpers dispatch.cpp and manifest.cpp share (input checks and the
// dispatch write path). Not part of the library's API.
#pragma once

#include "dispatch.h"
#include "result.h"

#include <QCoreApplication>

namespace cz {

class WriteTx;

namespace dispatchdetail {

struct DispatchText {
    Q_DECLARE_TR_FUNCTIONS(Dispatch)
};

[[nodiscard]] Error badInput(const QString& code, const QString& message);
// A required short text: simplified, 1..max characters.
[[nodiscard]] Result<QString> required(const QString& input, int max, const QString& code,
                                       const QString& message);
// Appends a dispatch event and its outbox op carrying the dispatch's full state.
[[nodiscard]] Status appendDispatchEvent(WriteTx& tx, const Dispatch& d, const QString& kind,
                                         const QJsonObject& data);
[[nodiscard]] Status setDispatchStatus(WriteTx& tx, Dispatch& d, DispatchStatus status, const QString& bagId);

} // namespace dispatchdetail
} // namespace cz
