// Receiving parcels (入库): validation, carrier choice, place and pickup code, one transaction.
#include "inbound.h"

#include "orders.h"
#include "privacy.h"
#include "shelves.h"
#include "writetx.h"

#include <QCoreApplication>
#include <QLocale>

namespace cz {

namespace {
struct InboundText {
    Q_DECLARE_TR_FUNCTIONS(Inbound)
};

struct Place {
    QString shelf;
    int layer = 0;
    bool keptTogether = false;
    bool overCapacity = false;
};

// Keeps one person's waiting parcels on one place while it has room; otherwise the place with the
// lowest fill ratio (ties: shelf order, lower layer first). slot.waiting is kept by triggers
// (migrations.cpp, version 6), so each choice is one row from SQLite, not every place through Qt
// (reading all places cost half of a receive's CPU).
Result<Place> choosePlace(WriteTx& tx, const PhoneInput& phone) {
    // The same person: the full number when known, else the same tail among tail-only parcels. Their
    // latest waiting parcel's place, with whether it has room. INDEXED BY: the planner's choice depends
    // on ANALYZE's statistics, and with some of them (the benchmark's database after schema 7) it
    // walked the person's whole history, newest first, through parcel_phone.
    static const QString sameSql =
        QStringLiteral("SELECT s.shelf, s.layer, s.waiting < s.capacity FROM parcel p"
                       " INDEXED BY parcel_tail_in_station"
                       " LEFT JOIN slot s ON s.shelf = p.shelf AND s.layer = p.layer"
                       " WHERE p.phone_tail = ? AND p.in_station = 1 AND p.status = 'waiting' AND %1"
                       " ORDER BY p.received_at DESC LIMIT 1");
    static const QString samePhone = sameSql.arg(QStringLiteral("p.phone = ?"));
    static const QString sameTail = sameSql.arg(QStringLiteral("p.phone IS NULL"));
    auto same =
        phone.full.isEmpty() ? tx.exec(sameTail, {phone.tail}) : tx.exec(samePhone, {phone.tail, phone.full});
    if (!same)
        return fail(same.error());
    if ((*same)->next() && !(*same)->value(0).isNull() && (*same)->value(2).toBool()) {
        Place kept{(*same)->value(0).toString(), (*same)->value(1).toInt(), true, false};
        (*same)->finish();
        return kept;
    }
    (*same)->finish();

    // The lowest waiting/capacity (shelves.h, kFillOrder): the first entry of its index.
    static const QString bestSql =
        QStringLiteral("SELECT shelf, layer, waiting >= capacity FROM slot ORDER BY %1 LIMIT 1")
            .arg(QLatin1String(kFillOrder));
    auto best = tx.exec(bestSql);
    if (!best)
        return fail(best.error());
    if (!(*best)->next()) {
        (*best)->finish();
        return fail(ErrorKind::Conflict, QStringLiteral("shelves.none"),
                    InboundText::tr("There are no shelves set up; set the shelf layout first."));
    }
    Place place{(*best)->value(0).toString(), (*best)->value(1).toInt(), false, (*best)->value(2).toBool()};
    (*best)->finish();
    return place;
}
const QString kDuplicateQuery =
    QStringLiteral("SELECT pickup_code FROM parcel WHERE waybill = ? AND in_station = 1");

Error duplicateError(const QString& waybill, const QString& pickupCode) {
    return {
        ErrorKind::Conflict,
        QStringLiteral("waybill.duplicate"),
        InboundText::tr("Parcel %1 is already in the station with pickup code %2.").arg(waybill, pickupCode),
        {pickupCode}};
}
} // namespace

Result<IncomingCheck> Inbound::checkIncoming(const QString& input) {
    if (auto st = m_ctx.requireInitialised(); !st)
        return fail(st.error());
    auto waybill = validateWaybill(input);
    if (!waybill)
        return fail(waybill.error());
    auto dup = m_ctx.database().scalar(kDuplicateQuery, {*waybill});
    if (!dup)
        return fail(dup.error());
    if (dup->isValid())
        return fail(duplicateError(*waybill, dup->toString()));
    IncomingCheck check;
    check.waybill = *waybill;
    for (const CarrierCandidate& c : m_ctx.carriers().detect(*waybill))
        check.carriers << c.code;
    ReceiveRequest probe;
    auto prealerted = fillFromPrealert(probe, *waybill);
    if (!prealerted)
        return fail(prealerted.error());
    if (*prealerted)
        check.prealert = Prealert{*waybill, probe.carrier, probe.phone, probe.name, {}};
    return check;
}

Result<ReceiveResult> Inbound::receive(const ReceiveRequest& given) {
    if (auto st = m_ctx.requireInitialised(); !st)
        return fail(st.error());
    auto waybill = validateWaybill(given.waybill);
    if (!waybill)
        return fail(waybill.error());
    ReceiveRequest request = given;
    auto prealerted = fillFromPrealert(request, *waybill);
    if (!prealerted)
        return fail(prealerted.error());
    auto phone = parsePhone(request.phone);
    if (!phone)
        return fail(phone.error());
    auto name = validateName(request.name);
    if (!name)
        return fail(name.error());

    QString carrier;
    if (!request.carrier.trimmed().isEmpty()) {
        const auto info = m_ctx.carriers().find(request.carrier.trimmed());
        if (!info)
            return fail(
                ErrorKind::BadInput, QStringLiteral("carrier.unknown"),
                InboundText::tr("\"%1\" is not a known carrier code.").arg(request.carrier.trimmed()));
        carrier = info->code;
    } else {
        const auto candidates = m_ctx.carriers().detect(*waybill);
        QStringList codes, names; // codes for the caller to offer, names for the person reading
        for (const auto& c : candidates) {
            codes << c.code;
            names << m_ctx.carriers().displayName(c.code);
        }
        if (candidates.isEmpty())
            return fail(ErrorKind::BadInput, QStringLiteral("carrier.not_detected"),
                        InboundText::tr("No carrier uses waybill numbers like %1; choose the carrier.")
                            .arg(*waybill));
        if (candidates.size() > 1)
            return fail(ErrorKind::BadInput, QStringLiteral("carrier.ambiguous"),
                        InboundText::tr("Several carriers use numbers like %1 (%2); confirm which one.")
                            .arg(*waybill, QLocale().createSeparatedList(names)),
                        codes);
        carrier = candidates.first().code;
    }

    auto tx = m_ctx.beginWrite(Permission::ReceiveParcels);
    if (!tx)
        return fail(tx.error());
    // Checked again inside the transaction: another program may have received it since.
    auto dup = tx->scalar(kDuplicateQuery, {*waybill});
    if (!dup)
        return fail(dup.error());
    if (dup->isValid())
        return fail(duplicateError(*waybill, dup->toString()));

    DeliveryPref pref = request.pref.value_or(DeliveryPref::StationPickup);
    if (!request.pref && !phone->full.isEmpty()) {
        // Villagers keep their preference: reuse the one given with their last parcel.
        auto last = tx->scalar(QStringLiteral("SELECT delivery_pref FROM parcel WHERE phone = ?"
                                              " ORDER BY received_at DESC LIMIT 1"),
                               {phone->full});
        if (!last)
            return fail(last.error());
        if (last->isValid())
            pref = deliveryPrefFrom(last->toString()).value_or(pref);
    }

    auto place = choosePlace(*tx, *phone);
    if (!place)
        return fail(place.error());
    auto code = m_parcels.allocateCode(*tx, place->shelf, place->layer);
    if (!code)
        return fail(code.error());

    Parcel p;
    p.id = tx->newId();
    p.waybill = *waybill;
    p.carrier = carrier;
    p.phone = phone->full;
    p.phoneTail = phone->tail;
    p.name = *name;
    p.pref = pref;
    p.shelf = place->shelf;
    p.layer = place->layer;
    p.codeSeq = code->first;
    p.pickupCode = code->second;
    p.status = ParcelStatus::Waiting;
    p.receivedAt = tx->now();
    p.updatedAt = tx->now();

    if (auto st =
            tx->write(QStringLiteral(
                          "INSERT INTO parcel(id, waybill, carrier, phone, phone_tail, name, delivery_pref,"
                          " shelf, layer, code_seq, pickup_code, status, in_station, received_at, updated_at)"
                          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'waiting', 1, ?, ?)"),
                      {p.id, p.waybill, p.carrier, p.phone.isEmpty() ? QVariant() : p.phone, p.phoneTail,
                       p.name.isEmpty() ? QVariant() : p.name, toString(p.pref), p.shelf, p.layer, p.codeSeq,
                       p.pickupCode, p.receivedAt, p.updatedAt});
        !st)
        return fail(st.error());
    const QString noticeId = tx->newId();
    if (auto st =
            tx->write(QStringLiteral("INSERT INTO notification(id, parcel_id, kind, day, phone, phone_tail,"
                                     " pickup_code, created_at) VALUES (?, ?, 'arrival', ?, ?, ?, ?, ?)"),
                      {noticeId, p.id, localDate(tx->now()).toString(Qt::ISODate),
                       p.phone.isEmpty() ? QVariant() : p.phone, p.phoneTail, p.pickupCode, tx->now()});
        !st)
        return fail(st.error());
    if (auto st = m_parcels.recordChange(*tx, p, QStringLiteral("received"),
                                         {{QStringLiteral("notification_id"), noticeId},
                                          {QStringLiteral("kept_together"), place->keptTogether}});
        !st)
        return fail(st.error());
    // Proxy orders (orders.h): the parcel of a shipped order marks it arrived, in this transaction.
    auto ordered = linkArrivedOrder(*tx, p.id, p.waybill);
    if (!ordered)
        return fail(ordered.error());
    if (auto st = tx->commit(); !st)
        return fail(st.error());
    m_ctx.notifyChanged(*ordered ? Domains(Domain::Parcels) | Domain::Orders : Domains(Domain::Parcels));
    return ReceiveResult{p, place->keptTogether, place->overCapacity, *prealerted};
}

} // namespace cz
