// Pickup (出库): finding waiting parcels, handing over several in one transaction, undo as a reversal.
#include "privacy.h"
#include "station.h"
#include "writetx.h"

#include <QCoreApplication>

namespace cz {

namespace {
struct PickupText {
    Q_DECLARE_TR_FUNCTIONS(Pickup)
};
} // namespace

Result<QList<Parcel>> Station::findByCode(const QString& code) {
    const QString c = code.trimmed().toUpper();
    if (c.isEmpty())
        return fail(ErrorKind::BadInput, QStringLiteral("code.missing"),
                    PickupText::tr("Enter a pickup code."));
    return queryParcels(QStringLiteral("pickup_code = ? AND in_station = 1"), {c});
}

Result<QList<Parcel>> Station::findByPhoneTail(const QString& tail) {
    auto t = parsePhoneTail(tail);
    if (!t)
        return fail(t.error());
    return queryParcels(QStringLiteral("phone_tail = ? AND in_station = 1 ORDER BY received_at"), {*t});
}

Result<QList<Parcel>> Station::findByWaybill(const QString& waybill) {
    auto w = validateWaybill(waybill);
    if (!w)
        return fail(w.error());
    return queryParcels(QStringLiteral("waybill = ? AND in_station = 1"), {*w});
}

Result<HandoverResult> Station::handOver(const QStringList& parcelIds, const QString& collectorInput) {
    if (parcelIds.isEmpty())
        return fail(ErrorKind::BadInput, QStringLiteral("pickup.none_selected"),
                    PickupText::tr("Choose at least one parcel to hand over."));
    auto collector = validateName(collectorInput);
    if (!collector)
        return fail(collector.error());

    auto tx = beginWrite();
    if (!tx)
        return fail(tx.error());
    HandoverResult result;
    QStringList seen;
    for (const QString& id : parcelIds) {
        if (seen.contains(id))
            continue;
        seen << id;
        auto p = loadForUpdate(*tx, id);
        if (!p)
            return fail(p.error());
        if (p->status == ParcelStatus::PickedUp)
            return fail(ErrorKind::Conflict, QStringLiteral("parcel.already_picked_up"),
                        PickupText::tr("Parcel %1 (%2) was already handed over on %3.")
                            .arg(p->pickupCode, p->waybill, localDateTimeText(p->pickedUpAt)),
                        {p->id});
        if (p->status == ParcelStatus::ToReturn)
            return fail(ErrorKind::Conflict, QStringLiteral("parcel.marked_for_return"),
                        PickupText::tr("Parcel %1 (%2) is marked for return and cannot be handed over.")
                            .arg(p->pickupCode, p->waybill),
                        {p->id});
        p->feeFen = storageFee(*p, tx->now());
        p->status = ParcelStatus::PickedUp;
        p->inStation = false;
        p->pickedUpAt = tx->now();
        p->collector = *collector;
        if (auto st = writeParcelState(*tx, *p); !st)
            return fail(st.error());
        if (auto st = recordChange(*tx, *p, QStringLiteral("picked_up"),
                                   {{QStringLiteral("collector"), *collector},
                                    {QStringLiteral("by_recipient"), collector->isEmpty()},
                                    {QStringLiteral("fee_fen"), p->feeFen}});
            !st)
            return fail(st.error());
        result.totalFeeFen += p->feeFen;
        result.parcels.append(*p);
    }
    if (auto st = tx->commit(); !st)
        return fail(st.error());
    Q_EMIT changed();
    return result;
}

Result<Parcel> Station::undoPickup(const QString& parcelId) {
    auto tx = beginWrite();
    if (!tx)
        return fail(tx.error());
    auto p = loadForUpdate(*tx, parcelId);
    if (!p)
        return fail(p.error());
    if (p->status != ParcelStatus::PickedUp)
        return fail(ErrorKind::Conflict, QStringLiteral("pickup.undo_not_picked_up"),
                    PickupText::tr("Parcel %1 has not been handed over, so there is nothing to undo.")
                        .arg(p->waybill));
    if (tx->now() - p->pickedUpAt > qint64(m_settings.undoWindowMin) * 60 * 1000)
        return fail(
            ErrorKind::Conflict, QStringLiteral("pickup.undo_expired"),
            PickupText::tr("The handover of %1 was more than %n minute(s) ago and can no longer be undone.",
                           nullptr, m_settings.undoWindowMin)
                .arg(p->waybill));
    auto again =
        tx->scalar(QStringLiteral("SELECT 1 FROM parcel WHERE waybill = ? AND in_station = 1"), {p->waybill});
    if (!again)
        return fail(again.error());
    if (again->isValid())
        return fail(ErrorKind::Conflict, QStringLiteral("waybill.duplicate"),
                    PickupText::tr("Parcel %1 has been received again since; it cannot be put back.")
                        .arg(p->waybill));
    // Keep the old code when nobody took it in the meantime.
    auto code = allocateCode(*tx, p->shelf, p->layer, p->codeSeq);
    if (!code)
        return fail(code.error());
    const QString oldCollector = p->collector;
    const qint64 oldFee = p->feeFen;
    p->codeSeq = code->first;
    p->pickupCode = code->second;
    p->status = ParcelStatus::Waiting;
    p->inStation = true;
    p->pickedUpAt = 0;
    p->collector.clear();
    p->feeFen = 0;
    if (auto st = writeParcelState(*tx, *p); !st)
        return fail(st.error());
    if (auto st = recordChange(*tx, *p, QStringLiteral("pickup_undone"),
                               {{QStringLiteral("reverses_collector"), oldCollector},
                                {QStringLiteral("reverses_fee_fen"), oldFee},
                                {QStringLiteral("pickup_code"), p->pickupCode}});
        !st)
        return fail(st.error());
    if (auto st = tx->commit(); !st)
        return fail(st.error());
    Q_EMIT changed();
    return *p;
}

} // namespace cz
