// Overdue parcels, storage fees, reminder notices and the return list.
#include "overdue.h"

#include "writetx.h"

#include <QCoreApplication>

namespace cz {

namespace {
struct OverdueText {
    Q_DECLARE_TR_FUNCTIONS(Overdue)
};
} // namespace

Holding holding(const StationSettings& settings, const Parcel& parcel, qint64 atMs) {
    // Started days, for the days held and the fee alike: 3 free days and 12 days held are 9 fee days.
    const qint64 held = atMs - parcel.receivedAt;
    Holding h;
    h.daysHeld = held <= 0 ? 0 : static_cast<int>((held + kDayMs - 1) / kDayMs);
    h.feeDays = std::max(0, h.daysHeld - settings.freeDays);
    h.feeFen = h.feeDays * settings.feePerDayFen;
    h.unclaimed = h.daysHeld > settings.unclaimedAfterDays;
    return h;
}

Result<QList<OverdueItem>> Overdue::overdue() {
    const qint64 now = m_ctx.now();
    const qint64 cutoff = now - qint64(m_ctx.settings().freeDays) * kDayMs;
    auto parcels = m_parcels.query(
        QStringLiteral("status = 'waiting' AND received_at < ? ORDER BY received_at"), {cutoff});
    if (!parcels)
        return fail(parcels.error());
    QList<OverdueItem> out;
    out.reserve(parcels->size());
    for (const Parcel& p : *parcels) {
        out.append({p, holding(m_ctx.settings(), p, now)});
    }
    return out;
}

Result<int> Overdue::queueReminders() {
    auto items = overdue();
    if (!items)
        return fail(items.error());
    if (items->isEmpty())
        return 0;
    auto tx = m_ctx.beginWrite(Permission::QueueReminders);
    if (!tx)
        return fail(tx.error());
    const QString day = localDate(tx->now()).toString(Qt::ISODate);
    int queued = 0;
    for (const OverdueItem& item : *items) {
        const Parcel& p = item.parcel;
        const QString id = tx->newId();
        auto ins = tx->exec(
            QStringLiteral("INSERT OR IGNORE INTO notification(id, parcel_id, kind, day, phone,"
                           " phone_tail, pickup_code, created_at) VALUES (?, ?, 'overdue', ?, ?, ?, ?, ?)"),
            {id, p.id, day, p.phone.isEmpty() ? QVariant() : p.phone, p.phoneTail, p.pickupCode, tx->now()});
        if (!ins)
            return fail(ins.error());
        if ((*ins)->numRowsAffected() != 1)
            continue; // already reminded today
        if (auto st = m_parcels.recordChange(*tx, p, QStringLiteral("reminded"),
                                             {{QStringLiteral("notification_id"), id},
                                              {QStringLiteral("overdue_days"), item.held.feeDays},
                                              {QStringLiteral("fee_fen"), item.held.feeFen}});
            !st)
            return fail(st.error());
        ++queued;
    }
    if (queued == 0)
        return 0; // nothing new: the transaction rolls back untouched
    if (auto st = tx->commit(); !st)
        return fail(st.error());
    m_ctx.notifyChanged(Domain::Parcels);
    return queued;
}

Result<Parcel> Overdue::markForReturn(const QString& parcelId, ReturnReason reason, const QString& note) {
    if (note.size() > 200)
        return fail(ErrorKind::BadInput, QStringLiteral("return.note_too_long"),
                    OverdueText::tr("The note is too long (at most 200 characters)."));
    auto change = m_parcels.beginChange(parcelId, Permission::MarkReturn);
    if (!change)
        return fail(change.error());
    WriteTx& tx = change->tx;
    Parcel& p = change->parcel;
    if (p.status != ParcelStatus::Waiting)
        return fail(ErrorKind::Conflict, QStringLiteral("return.not_waiting"),
                    OverdueText::tr("Parcel %1 is %2; only waiting parcels can be marked for return.")
                        .arg(p.waybill, statusLabel(p.status)));
    p.status = ParcelStatus::ToReturn;
    p.returnReason = toString(reason);
    if (auto st = m_parcels.writeState(tx, p); !st)
        return fail(st.error());
    if (auto st = m_parcels.recordChange(
            tx, p, QStringLiteral("marked_for_return"),
            {{QStringLiteral("reason"), toString(reason)}, {QStringLiteral("note"), note.trimmed()}});
        !st)
        return fail(st.error());
    if (auto st = tx.commit(); !st)
        return fail(st.error());
    m_ctx.notifyChanged(Domain::Parcels);
    return p;
}

Result<QList<Parcel>> Overdue::returnList() {
    return m_parcels.query(QStringLiteral("status = 'to_return' ORDER BY updated_at"), {});
}

} // namespace cz
