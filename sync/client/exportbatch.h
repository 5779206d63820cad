// The USB way to the county when there is no network: every unacknowledged op written to a file as
// a cz::sync::Batch (cunzhan-county import-batch reads it). Exporting acknowledges nothing: the ops
// are pushed again by the next sync and the county answers already_applied.
#pragma once

#include "syncstore.h"

namespace cz::sync {

// Writes the batch atomically (a half-written file never appears under path); returns how many
// ops it holds. Needs the station to be enrolled (the batch names the county's station id).
[[nodiscard]] Result<int> exportBatch(SyncStore& store, const QString& path);

} // namespace cz::sync
