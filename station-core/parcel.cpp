#include "parcel.h"

#include "outboxcodec.h"
#include "privacy.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

namespace cz {

namespace {
struct ParcelText {
    Q_DECLARE_TR_FUNCTIONS(Parcel)
};

template<class E, size_t N>
std::optional<E> lookup(const QString& s, const std::pair<E, const char*> (&table)[N]) {
    for (const auto& [value, name] : table) {
        if (s == QLatin1String(name))
            return value;
    }
    return std::nullopt;
}

template<class E, size_t N> QString nameOf(E value, const std::pair<E, const char*> (&table)[N]) {
    for (const auto& [v, name] : table) {
        if (v == value)
            return QString::fromLatin1(name);
    }
    return {};
}

const std::pair<ParcelStatus, const char*> kStatus[] = {{ParcelStatus::Waiting, "waiting"},
                                                        {ParcelStatus::PickedUp, "picked_up"},
                                                        {ParcelStatus::ToReturn, "to_return"},
                                                        {ParcelStatus::Returned, "returned"}};
const std::pair<DeliveryPref, const char*> kPref[] = {{DeliveryPref::StationPickup, "pickup"},
                                                      {DeliveryPref::DoorDelivery, "door"},
                                                      {DeliveryPref::FamilyMayCollect, "family"}};
const std::pair<ReturnReason, const char*> kReason[] = {{ReturnReason::Refused, "refused"},
                                                        {ReturnReason::Damaged, "damaged"},
                                                        {ReturnReason::Lost, "lost"},
                                                        {ReturnReason::Unclaimed, "unclaimed"}};
} // namespace

QString toString(ParcelStatus s) {
    return nameOf(s, kStatus);
}
QString toString(DeliveryPref p) {
    return nameOf(p, kPref);
}
QString toString(ReturnReason r) {
    return nameOf(r, kReason);
}
std::optional<ParcelStatus> parcelStatusFrom(const QString& s) {
    return lookup(s, kStatus);
}
std::optional<DeliveryPref> deliveryPrefFrom(const QString& s) {
    return lookup(s, kPref);
}
std::optional<ReturnReason> returnReasonFrom(const QString& s) {
    return lookup(s, kReason);
}

QString statusLabel(ParcelStatus s) {
    switch (s) {
    case ParcelStatus::Waiting:
        return ParcelText::tr("Waiting");
    case ParcelStatus::PickedUp:
        return ParcelText::tr("Picked up");
    case ParcelStatus::ToReturn:
        return ParcelText::tr("To return");
    case ParcelStatus::Returned:
        return ParcelText::tr("Returned");
    }
    return {};
}

QString deliveryPrefLabel(DeliveryPref p) {
    switch (p) {
    case DeliveryPref::StationPickup:
        return ParcelText::tr("Station pickup");
    case DeliveryPref::DoorDelivery:
        return ParcelText::tr("Door delivery");
    case DeliveryPref::FamilyMayCollect:
        return ParcelText::tr("Family may collect");
    }
    return {};
}

QString returnReasonLabel(ReturnReason r) {
    switch (r) {
    case ReturnReason::Refused:
        return ParcelText::tr("Refused");
    case ReturnReason::Damaged:
        return ParcelText::tr("Damaged");
    case ReturnReason::Lost:
        return ParcelText::tr("Lost");
    case ReturnReason::Unclaimed:
        return ParcelText::tr("Unclaimed");
    }
    return {};
}

QString Parcel::slotName() const {
    return shelf.isEmpty() ? QString() : QStringLiteral("%1-%2").arg(shelf).arg(layer);
}

QString Parcel::maskedPhone() const {
    return maskPhone(phone, phoneTail);
}
QString Parcel::maskedName() const {
    return maskName(name);
}

QJsonObject Parcel::toJson() const {
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("waybill"), waybill},
                  {QStringLiteral("carrier"), carrier},
                  {QStringLiteral("phone"), phone},
                  {QStringLiteral("phone_tail"), phoneTail},
                  {QStringLiteral("name"), name},
                  {QStringLiteral("delivery_pref"), toString(pref)},
                  {QStringLiteral("shelf"), shelf},
                  {QStringLiteral("layer"), layer},
                  {QStringLiteral("pickup_code"), pickupCode},
                  {QStringLiteral("status"), toString(status)},
                  {QStringLiteral("received_at"), receivedAt},
                  {QStringLiteral("fee_fen"), feeFen}};
    if (pickedUpAt)
        o.insert(QStringLiteral("picked_up_at"), pickedUpAt);
    if (!collector.isEmpty())
        o.insert(QStringLiteral("collector"), collector);
    if (!returnReason.isEmpty())
        o.insert(QStringLiteral("return_reason"), returnReason);
    return o;
}

void Parcel::writePayload(PayloadWriter& out) const {
    out.beginObject(13 + (pickedUpAt ? 1 : 0) + (collector.isEmpty() ? 0 : 1) +
                    (returnReason.isEmpty() ? 0 : 1));
    const std::pair<const char*, const QString*> texts[] = {
        {"id", &id},       {"waybill", &waybill},       {"carrier", &carrier},
        {"phone", &phone}, {"phone_tail", &phoneTail},  {"name", &name},
        {"shelf", &shelf}, {"pickup_code", &pickupCode}};
    for (const auto& [key, value] : texts) {
        out.key(key);
        out.string(*value);
    }
    out.key("delivery_pref");
    out.string(toString(pref));
    out.key("status");
    out.string(toString(status));
    out.key("layer");
    out.integer(layer);
    out.key("received_at");
    out.integer(receivedAt);
    out.key("fee_fen");
    out.integer(feeFen);
    if (pickedUpAt) {
        out.key("picked_up_at");
        out.integer(pickedUpAt);
    }
    if (!collector.isEmpty()) {
        out.key("collector");
        out.string(collector);
    }
    if (!returnReason.isEmpty()) {
        out.key("return_reason");
        out.string(returnReason);
    }
    out.endObject();
}

QJsonObject Parcel::toPublicJson() const {
    QJsonObject o = toJson();
    o.insert(QStringLiteral("phone"), maskedPhone());
    o.insert(QStringLiteral("name"), maskedName());
    if (!collector.isEmpty())
        o.insert(QStringLiteral("collector"), maskName(collector));
    return o;
}

const QString kParcelColumns =
    QStringLiteral("id, waybill, carrier, phone, phone_tail, name, delivery_pref, shelf, layer, code_seq, "
                   "pickup_code, status,"
                   " in_station, received_at, picked_up_at, collector, fee_fen, return_reason, updated_at");

Parcel parcelFromRow(const QSqlQuery& q) {
    Parcel p;
    p.id = q.value(0).toString();
    p.waybill = q.value(1).toString();
    p.carrier = q.value(2).toString();
    p.phone = q.value(3).toString();
    p.phoneTail = q.value(4).toString();
    p.name = q.value(5).toString();
    p.pref = deliveryPrefFrom(q.value(6).toString()).value_or(DeliveryPref::StationPickup);
    p.shelf = q.value(7).toString();
    p.layer = q.value(8).toInt();
    p.codeSeq = q.value(9).toInt();
    p.pickupCode = q.value(10).toString();
    p.status = parcelStatusFrom(q.value(11).toString()).value_or(ParcelStatus::Waiting);
    p.inStation = q.value(12).toInt() != 0;
    p.receivedAt = q.value(13).toLongLong();
    p.pickedUpAt = q.value(14).toLongLong();
    p.collector = q.value(15).toString();
    p.feeFen = q.value(16).toLongLong();
    p.returnReason = q.value(17).toString();
    p.updatedAt = q.value(18).toLongLong();
    return p;
}

} // namespace cz
