// Applying a station's ops (a push, or a USB batch imported by hand): each op id at most once,
// per-op validation, projections (parcels, SMS notices) updated in the caller's transaction.
#pragma once

#include "protocol.h"
#include "store.h"

namespace cz::county {

// One result per op, in order. An unknown op is validated and stored as applied or rejected; a
// known op id answers as before (AlreadyApplied or the same rejection) when its digest matches,
// and Conflict when it differs or belongs to another station. Fails only on storage errors: the
// caller then rolls the whole batch back.
[[nodiscard]] Result<QList<sync::OpResult>> applyOps(Tx& tx, const QString& stationId,
                                                     const QList<sync::WireOp>& ops);

} // namespace cz::county
