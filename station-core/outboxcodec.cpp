#include "outboxcodec.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace cz {

namespace {

// Keys stored as their index. Append only: a stored payload names its keys by these positions.
constexpr const char* kKeys[] = {
    // 0: the event and the parcel (Parcel::toJson), the bulk of all ops
    "event_id", "at", "data", "parcel", "id", "waybill", "carrier", "phone", "phone_tail", "name",
    "delivery_pref", "shelf", "layer", "pickup_code", "status", "received_at", "fee_fen", "picked_up_at",
    "collector", "return_reason",
    // 20: event data
    "notification_id", "kept_together", "by_recipient", "reverses_collector", "reverses_fee_fen",
    "cash_entry_id", "reverses_cash_entry_id", "from_slot", "to_slot", "old_code", "overdue_days", "reason",
    "note", "manifest_id", "bag_id", "bag_no", "seal",
    // 37: dispatches
    "dispatch", "sender_name", "sender_phone", "sender_id_no", "recipient_name", "recipient_phone",
    "province", "city", "district", "address", "contents", "contents_note", "weight_g", "zone", "accepted_at",
    "chargeable_kg", "inspected",
    // 55: station, settings, manifests
    "station_id", "slots", "slot", "capacity", "key", "value", "driver", "plate", "actor"};

const QHash<QString, int>& keyIndex() {
    static const QHash<QString, int> index = [] {
        QHash<QString, int> h;
        for (int i = 0; i < int(std::size(kKeys)); ++i)
            h.insert(QString::fromLatin1(kKeys[i]), i);
        return h;
    }();
    return index;
}

// Only the canonical lower-case form goes into 16 bytes, so decoding gives back the same text.
bool isCanonicalUuid(const QString& s) {
    if (s.size() != 36 || s.at(8) != QLatin1Char('-'))
        return false;
    const QUuid u = QUuid::fromString(s);
    return !u.isNull() && u.toString(QUuid::WithoutBraces) == s;
}

QCborValue toCbor(const QJsonValue& v) {
    switch (v.type()) {
    case QJsonValue::Object: {
        const QJsonObject o = v.toObject();
        QCborMap m;
        for (auto it = o.begin(); it != o.end(); ++it) {
            const auto k = keyIndex().constFind(it.key());
            m.insert(k == keyIndex().constEnd() ? QCborValue(it.key()) : QCborValue(*k), toCbor(it.value()));
        }
        return m;
    }
    case QJsonValue::Array: {
        QCborArray a;
        for (const QJsonValue& e : v.toArray())
            a.append(toCbor(e));
        return a;
    }
    case QJsonValue::String: {
        const QString s = v.toString();
        return isCanonicalUuid(s) ? QCborValue(QUuid::fromString(s)) : QCborValue(s);
    }
    default:
        // Numbers keep their kind (an integer stays an integer), so the JSON text is the same.
        return QCborValue::fromJsonValue(v);
    }
}

QJsonValue toJson(const QCborValue& v) {
    if (v.isMap()) {
        QJsonObject o;
        const QCborMap m = v.toMap();
        for (auto it = m.begin(); it != m.end(); ++it) {
            const QCborValue k = it.key();
            QString key;
            if (k.isInteger() && k.toInteger() >= 0 && k.toInteger() < qint64(std::size(kKeys)))
                key = QString::fromLatin1(kKeys[k.toInteger()]);
            else
                key = k.toString();
            o.insert(key, toJson(it.value()));
        }
        return o;
    }
    if (v.isArray()) {
        QJsonArray a;
        for (const QCborValue& e : v.toArray())
            a.append(toJson(e));
        return a;
    }
    if (v.isUuid())
        return v.toUuid().toString(QUuid::WithoutBraces);
    return v.toJsonValue();
}

} // namespace

QByteArray encodeOpPayload(const QJsonObject& payload) {
    return toCbor(payload).toCbor();
}

QJsonObject decodeOpPayload(const QVariant& stored) {
    if (stored.typeId() == QMetaType::QByteArray) {
        const QByteArray bytes = stored.toByteArray();
        // Written before schema 5 as JSON text, read back as bytes by some drivers.
        if (bytes.startsWith('{'))
            return QJsonDocument::fromJson(bytes).object();
        return toJson(QCborValue::fromCbor(bytes)).toObject();
    }
    return QJsonDocument::fromJson(stored.toString().toUtf8()).object();
}

QJsonObject opPayloadForWire(const QVariant& stored, const QVariant& actor) {
    QJsonObject payload = decodeOpPayload(stored);
    if (!actor.isNull() && !actor.toString().isEmpty())
        payload.insert(QStringLiteral("actor"), actor.toString());
    return payload;
}

} // namespace cz
