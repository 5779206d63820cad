// The USB way to the county when there is no network: every unacknowledged op written to a file as
// a cz::sync::Batch (cunzhan-county import-batch reads it). Exporting acknowledges nothing: the ops
// are pushed again by the next sync and the county answers already_applied.
//
// Each file is signed with the station's batch key (made at enrolment; signing.h), so the county
// can tell it was written by this station and not altered. A long outage (more than
// kMaxOpsPerBatchPart ops) is written as numbered parts beside each other, "b.czb" becoming
// "b-part01of17.czb" ..., each a signed batch on its own that imports in any order.
#pragma once

#include "syncstore.h"

namespace cz::sync {

struct ExportedBatch {
    int ops = 0;
    QStringList files;     // one per part, in order
    bool isSigned = false; // false: the station was enrolled before batch keys (see docs/protocol.md)
};

// Writes the batch atomically, part by part (a half-written file never appears under its name).
// Needs the station to be enrolled (the batch names the county's station id). opsPerPart is for tests.
[[nodiscard]] Result<ExportedBatch> exportBatch(SyncStore& store, const QString& path,
                                                int opsPerPart = kMaxOpsPerBatchPart);

// The name of part `part` of `parts` for path (path itself when there is one part).
[[nodiscard]] QString batchPartPath(const QString& path, int part, int parts);

} // namespace cz::sync
