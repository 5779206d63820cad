#include "outboxcodec.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborStreamWriter>
#include <QCborValue>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>
#include <string_view>
#include <unordered_map>

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

// The same index by the key's C string, for PayloadWriter.
int keyIndexOf(const char* name) {
    static const std::unordered_map<std::string_view, int> index = [] {
        std::unordered_map<std::string_view, int> h;
        for (int i = 0; i < int(std::size(kKeys)); ++i)
            h.emplace(kKeys[i], i);
        return h;
    }();
    const auto it = index.find(name);
    return it == index.end() ? -1 : it->second;
}

void writeString(QCborStreamWriter& w, const QString& s);

// Only the canonical lower-case form goes into 16 bytes, so decoding gives back the same text.
bool isCanonicalUuid(const QString& s) {
    if (s.size() != 36)
        return false;
    bool nonZero = false;
    for (int i = 0; i < 36; ++i) {
        const char16_t c = s.at(i).unicode();
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != u'-')
                return false;
        } else if ((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')) {
            nonZero = nonZero || c != u'0';
        } else {
            return false;
        }
    }
    return nonZero; // the nil UUID stays text, as QUuid would not round-trip it
}

void writeString(QCborStreamWriter& w, const QString& s) {
    if (isCanonicalUuid(s)) {
        w.append(QCborKnownTags::Uuid);
        w.append(QUuid::fromString(s).toRfc4122());
    } else {
        w.append(s);
    }
}

// Written straight to the stream: building a QCborValue tree first cost as much again.
void writeCbor(QCborStreamWriter& w, const QJsonValue& v) {
    switch (v.type()) {
    case QJsonValue::Object: {
        const QJsonObject o = v.toObject();
        w.startMap(o.size());
        for (auto it = o.begin(); it != o.end(); ++it) {
            const auto k = keyIndex().constFind(it.key());
            if (k == keyIndex().constEnd())
                w.append(it.key());
            else
                w.append(qint64(*k));
            writeCbor(w, it.value());
        }
        w.endMap();
        return;
    }
    case QJsonValue::Array: {
        const QJsonArray a = v.toArray();
        w.startArray(a.size());
        for (const QJsonValue& e : a)
            writeCbor(w, e);
        w.endArray();
        return;
    }
    case QJsonValue::String:
        writeString(w, v.toString());
        return;
    case QJsonValue::Bool:
        w.append(v.toBool());
        return;
    case QJsonValue::Double: {
        // Numbers keep their kind (an integer stays an integer), so the JSON text is the same.
        const QCborValue n = QCborValue::fromJsonValue(v);
        if (n.isInteger())
            w.append(n.toInteger());
        else
            w.append(n.toDouble());
        return;
    }
    case QJsonValue::Null:
        w.appendNull();
        return;
    case QJsonValue::Undefined:
        w.appendUndefined();
        return;
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
    QByteArray bytes;
    bytes.reserve(256);
    QCborStreamWriter w(&bytes);
    writeCbor(w, payload);
    return bytes;
}

PayloadWriter::PayloadWriter()
    : m_writer(&m_bytes) {
    m_bytes.reserve(256);
}

void PayloadWriter::beginObject(qsizetype fields) {
    m_writer.startMap(quint64(fields));
}

void PayloadWriter::endObject() {
    m_writer.endMap();
}

void PayloadWriter::key(const char* name) {
    const int index = keyIndexOf(name);
    if (index < 0)
        m_writer.append(QString::fromLatin1(name));
    else
        m_writer.append(qint64(index));
}

void PayloadWriter::string(const QString& text) {
    writeString(m_writer, text);
}

void PayloadWriter::integer(qint64 value) {
    m_writer.append(value);
}

void PayloadWriter::json(const QJsonValue& value) {
    writeCbor(m_writer, value);
}

QByteArray PayloadWriter::take() {
    return std::move(m_bytes);
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
