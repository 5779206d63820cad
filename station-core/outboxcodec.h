// How outbox payloads and parcel event data are stored: CBOR with the usual keys as small numbers and
// UUIDs as 16 raw bytes, about half the compact JSON they were (the wire format is unchanged: sync
// turns them back into the same JSON objects, so an op's digest does not depend on how it was
// stored). Rows written before schema 5 stay JSON text; the reader takes both.
#pragma once

#include <QByteArray>
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

} // namespace cz
