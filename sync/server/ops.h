// Applying a station's ops (a push, or a USB batch imported by hand): each op id at most once,
// per-op validation, projections (parcels, SMS notices) updated in the caller's transaction.
#pragma once

#include "protocol.h"
#include "store.h"

namespace cz::county {

// An op with the CPU work of applying it done: its digest and its payload as stored text. Made
// before the write transaction begins, so the transaction holds the writer lock (one at a time on
// SQLite) for storage work only. Points into the decoded request, which must outlive it.
struct PreparedOp {
    const sync::WireOp* op = nullptr;
    QString digest;
    QString payloadText;
};
[[nodiscard]] QList<PreparedOp> prepareOps(const QList<sync::WireOp>& ops);

// One result per op, in order. An unknown op is validated and stored as applied or rejected; a
// known op id answers as before (AlreadyApplied or the same rejection) when its digest matches,
// and Conflict when it differs or belongs to another station. Fails only on storage errors: the
// caller then rolls the whole batch back.
[[nodiscard]] Result<QList<sync::OpResult>> applyOps(Tx& tx, const QString& stationId,
                                                     const QList<PreparedOp>& ops);

} // namespace cz::county
