// Applying a station's ops (a push, or a USB batch imported by hand): each op id at most once,
// judged by the op catalogue (sync/protocol/opcatalog.h), projections (parcels, SMS notices)
// updated in the caller's transaction. Ops of a kind or payload schema the catalogue does not know
// are *held*: stored and acknowledged, applied by applyHeldOps once the county knows them.
#pragma once

#include "opcatalog.h"
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

// One result per op, in order. A new op id is judged by the catalogue and stored as applied,
// held or rejected; a known op id answers as before (AlreadyApplied, Held or the same rejection)
// when its digest matches, and Conflict when it differs or belongs to another station. Fails only
// on storage errors: the caller then rolls the whole batch back.
[[nodiscard]] Result<QList<sync::OpResult>>
applyOps(Tx& tx, const QString& stationId, const QList<PreparedOp>& ops,
         const sync::OpCatalog& catalog = sync::OpCatalog::current());

// What a push may make the county keep: the payloads it would store, summed. A station's real
// pushes are far below it; a push above it is refused whole (413) before the database is touched.
constexpr qsizetype kMaxStoredBytesPerPush = 4 * 1024 * 1024;
[[nodiscard]] qsizetype storedPayloadBytes(const QList<PreparedOp>& ops);

// The highest station seq among the station's ops the county holds (0: none): the high-water mark
// each push and pull reply carries (see sync::PushResponse::highWater).
[[nodiscard]] Result<qint64> highWaterMark(Tx& tx, const QString& stationId);

struct HeldOpsRun {
    int applied = 0;   // now known and applied
    int rejected = 0;  // now known, but invalid (the station was told "held"; the county keeps why)
    int stillHeld = 0; // still unknown to this catalogue
};
// Applies every held op the catalogue now knows, each at most once even with several runs at once
// (cunzhan-county serve at start, `ops apply-held`), a chunk of ops per transaction.
[[nodiscard]] Result<HeldOpsRun> applyHeldOps(CountyStore& store,
                                              const sync::OpCatalog& catalog = sync::OpCatalog::current());

} // namespace cz::county
