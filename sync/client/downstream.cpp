// Storing what the county publishes: one pulled page and its cursor in one downstream transaction.
// Each change is stored by the station domain that owns its kind (station-core/countychanges.h); one
// of a kind this build does not know, or one it cannot use, is skipped and logged, so a newer county
// never blocks an older station.
#include "countychanges.h"
#include "syncstate.h"
#include "syncstore.h"

namespace cz::sync {

namespace {

Status apply(WriteTx& tx, const Change& c) {
    auto outcome = applyCountyChange(tx, {c.kind, c.key, c.data, c.deleted});
    if (!outcome)
        return fail(outcome.error());
    if (!outcome->stored)
        qWarning("sync: skipped change %lld (%s %s): %s", static_cast<long long>(c.seq), qPrintable(c.kind),
                 qPrintable(c.key), qPrintable(outcome->skipped));
    return {};
}

} // namespace

Status SyncStore::applyPull(const PullResponse& page) {
    auto tx = begin();
    if (!tx)
        return fail(tx.error());
    // A reset page is a full snapshot: drop what the county provided before.
    if (page.reset) {
        if (auto st = beginCountySnapshot(*tx); !st)
            return st;
    }
    for (const Change& c : page.changes) {
        if (auto st = apply(*tx, c); !st)
            return st;
    }
    if (auto st = state::set(*tx, state::kCursor, QString::number(page.next)); !st)
        return st;
    return tx->commit();
}

} // namespace cz::sync
