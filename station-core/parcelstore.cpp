#include "parcelstore.h"

#include "context.h"
#include "outboxcodec.h"
#include "writetx.h"

#include <QCoreApplication>

namespace cz {

namespace {
struct StoreText {
    Q_DECLARE_TR_FUNCTIONS(Station)
};
} // namespace

Result<QList<Parcel>> ParcelStore::query(const QString& where, const QVariantList& args) {
    auto q = m_ctx.database().exec(
        QStringLiteral("SELECT ") + kParcelColumns + QStringLiteral(" FROM parcel WHERE ") + where, args);
    if (!q)
        return fail(q.error());
    QList<Parcel> out;
    while ((*q)->next())
        out.append(parcelFromRow(**q));
    (*q)->finish();
    return out;
}

Result<Parcel> ParcelStore::loadForUpdate(WriteTx& tx, const QString& parcelId) {
    auto q = tx.exec(QStringLiteral("SELECT ") + kParcelColumns + QStringLiteral(" FROM parcel WHERE id = ?"),
                     {parcelId});
    if (!q)
        return fail(q.error());
    if (!(*q)->next()) {
        (*q)->finish();
        return fail(ErrorKind::NotFound, QStringLiteral("parcel.not_found"),
                    StoreText::tr("No parcel with the id %1.").arg(parcelId));
    }
    Parcel p = parcelFromRow(**q);
    (*q)->finish();
    return p;
}

Result<ParcelChange> ParcelStore::beginChange(const QString& parcelId, Permission permission) {
    auto tx = m_ctx.beginWrite(permission);
    if (!tx)
        return fail(tx.error());
    auto p = loadForUpdate(*tx, parcelId);
    if (!p)
        return fail(p.error());
    return ParcelChange{std::move(*tx), std::move(*p)};
}

Result<std::pair<int, QString>> ParcelStore::allocateCode(WriteTx& tx, const QString& shelf, int layer,
                                                          int preferredSeq) {
    // Sequence numbers run 1001..9999 and wrap; a code is free when no parcel still in the station holds it.
    constexpr int kFirst = 1001, kLast = 9999;
    auto current = tx.scalar(QStringLiteral("SELECT value FROM counter WHERE name = 'pickup_seq'"));
    if (!current)
        return fail(current.error());
    int seq = preferredSeq > 0 ? preferredSeq : (current->isValid() ? current->toInt() + 1 : kFirst);
    for (int tries = 0; tries <= kLast - kFirst; ++tries) {
        if (seq > kLast || seq < kFirst)
            seq = kFirst;
        const QString code = QStringLiteral("%1-%2-%3").arg(shelf).arg(layer).arg(seq);
        auto taken = tx.scalar(
            QStringLiteral("SELECT 1 FROM parcel WHERE pickup_code = ? AND in_station = 1"), {code});
        if (!taken)
            return fail(taken.error());
        if (!taken->isValid()) {
            if (preferredSeq == 0) {
                // An upsert changes the row in place; REPLACE deleted and re-inserted it, writing
                // the key's index too.
                if (auto u =
                        tx.write(QStringLiteral("INSERT INTO counter(name, value) VALUES ('pickup_seq', ?)"
                                                " ON CONFLICT(name) DO UPDATE SET value = excluded.value"),
                                 {seq});
                    !u)
                    return fail(u.error());
            }
            return std::pair{seq, code};
        }
        if (preferredSeq > 0) {
            preferredSeq = 0; // the old number is taken: fall back to the running sequence
            seq = current->isValid() ? current->toInt() + 1 : kFirst;
            continue;
        }
        ++seq;
    }
    return fail(
        ErrorKind::Conflict, QStringLiteral("code.exhausted"),
        StoreText::tr("Place %1-%2 has no free pickup code left; hand over or move some parcels first.")
            .arg(shelf)
            .arg(layer));
}

Status ParcelStore::writeState(WriteTx& tx, const Parcel& p) {
    return tx.write(
        QStringLiteral("UPDATE parcel SET shelf = ?, layer = ?, code_seq = ?, pickup_code = ?, status = ?,"
                       " in_station = ?, picked_up_at = ?, collector = ?, fee_fen = ?, return_reason = ?,"
                       " updated_at = ? WHERE id = ?"),
        {p.shelf, p.layer, p.codeSeq, p.pickupCode, toString(p.status), p.inStation ? 1 : 0,
         p.pickedUpAt ? QVariant(p.pickedUpAt) : QVariant(), p.collector.isEmpty() ? QVariant() : p.collector,
         p.feeFen, p.returnReason.isEmpty() ? QVariant() : p.returnReason, tx.now(), p.id});
}

Status ParcelStore::recordChange(WriteTx& tx, const Parcel& p, const QString& eventKind,
                                 const QJsonObject& eventData) {
    auto eventId = tx.appendParcelEvent(p.id, eventKind, eventData);
    if (!eventId)
        return fail(eventId.error());
    // {event_id, at, data, parcel: Parcel::toJson()}, written straight into its stored form.
    PayloadWriter payload;
    payload.beginObject(4);
    payload.key("event_id");
    payload.string(*eventId);
    payload.key("at");
    payload.integer(tx.now());
    payload.key("data");
    payload.json(eventData);
    payload.key("parcel");
    p.writePayload(payload);
    payload.endObject();
    return tx.appendEncodedOp(QStringLiteral("parcel"), p.id, QStringLiteral("parcel.") + eventKind,
                              payload.take());
}

} // namespace cz
