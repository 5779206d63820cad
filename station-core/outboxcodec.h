// How outbox payloads and parcel event data are stored: CBOR with the usual keys as small numbers and
// UUIDs as 16 raw bytes, about half the compact JSON they were (the wire format is unchanged: sync
// turns them back into the same JSON objects, so an op's digest does not depend on how it was
// stored). Rows written before schema 5 stay JSON text; the reader takes both.
#pragma once

#include <QByteArray>
#include <QCborStreamWriter>
#include <QJsonObject>
#include <QVariant>

namespace cz {

// The stored form of a payload (a BLOB).
[[nodiscard]] QByteArray encodeOpPayload(const QJsonObject& payload);
// Reads a stored payload: a BLOB of encodeOpPayload, or the JSON text of databases written before
// schema 5 (and of tests that write the outbox by hand). An unreadable value gives an empty object.
[[nodiscard]] QJsonObject decodeOpPayload(const QVariant& stored);
// The payload as sent to the county: the stored payload plus "actor" when the op recorded one (ops
// written before schema 5 have none, and must keep the body, and digest, they were first sent with).
[[nodiscard]] QJsonObject opPayloadForWire(const QVariant& stored, const QVariant& actor);

// Writes a payload straight into the stored form encodeOpPayload makes of the same object, for the
// ops of every receive and handover: building a QJsonObject first cost a fifth of a receive. Fields
// may come in any order (decoding makes a QJsonObject, which sorts them).
class PayloadWriter {
public:
    PayloadWriter();
    PayloadWriter(const PayloadWriter&) = delete;
    PayloadWriter& operator=(const PayloadWriter&) = delete;

    void beginObject(qsizetype fields);
    void endObject();
    void key(const char* name);
    void string(const QString& text); // a canonical UUID as its 16 bytes; a null string as ""
    void integer(qint64 value);
    void json(const QJsonValue& value); // any value, as encodeOpPayload writes it
    [[nodiscard]] QByteArray take();

private:
    QByteArray m_bytes;
    QCborStreamWriter m_writer;
};

} // namespace cz
