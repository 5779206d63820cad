// ParcelStore: the parcel reads and writes the parcel services share (Inbound, Pickup, Overdue,
// ShelfAudit, ParcelQueries, and Manifests when it hands return parcels to the van). Every state
// change goes through writeState + recordChange inside the caller's WriteTx, so each one leaves the
// parcel row, its event and its outbox op together.
#pragma once

#include "parcel.h"
#include "permissions.h"
#include "result.h"
#include "writetx.h"

#include <QJsonObject>
#include <QVariantList>
#include <utility>

namespace cz {

class Database;
class StationContext;

// A write transaction with one parcel as it is inside it: the start of a change to that parcel.
struct ParcelChange {
    WriteTx tx;
    Parcel parcel;
};

class ParcelStore {
public:
    explicit ParcelStore(StationContext& context)
        : m_ctx(context) {}

    // Parcels matching an SQL condition over the parcel table (with ORDER BY/LIMIT as needed).
    [[nodiscard]] Result<QList<Parcel>> query(const QString& where, const QVariantList& args = {});
    // The parcel as it is inside the transaction; parcel.not_found when there is none.
    [[nodiscard]] Result<Parcel> loadForUpdate(WriteTx& tx, const QString& parcelId);
    // Begins a write transaction (StationContext::beginWrite, checking the permission) and loads the
    // parcel inside it.
    [[nodiscard]] Result<ParcelChange> beginChange(const QString& parcelId, Permission permission);
    // The next free pickup code for a place, from the station's running sequence; preferredSeq
    // (when free) keeps a parcel's old number.
    [[nodiscard]] Result<std::pair<int, QString>> allocateCode(WriteTx& tx, const QString& shelf, int layer,
                                                               int preferredSeq = 0);
    // Stores the parcel's current state.
    [[nodiscard]] Status writeState(WriteTx& tx, const Parcel& p);
    // Appends the parcel's event and the outbox op carrying it and the parcel's new state.
    [[nodiscard]] Status recordChange(WriteTx& tx, const Parcel& p, const QString& eventKind,
                                      const QJsonObject& eventData);

private:
    StationContext& m_ctx;
};

} // namespace cz
