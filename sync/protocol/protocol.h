// The wire format shared by the station client and the county server (docs/protocol.md).
//
// Bodies are CBOR, deflated (zlib) on the wire. Decoding is strict and bounded: anything that is not
// the expected shape gives an error string and no value, so the server can answer 400 without
// touching its database. This library uses Qt Core and zlib only, and no std::expected, so the
// fuzz target can build it with clang.
#pragma once

#include <QByteArray>
#include <QCborValue>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace cz::sync {

// The version this build speaks, and the oldest one the server still accepts. Version 1 predates
// pre-alerts: a version-1 station is never sent `prealert` changes.
constexpr int kProtocolVersion = 2;
constexpr int kOldestProtocolVersion = 1;

// HTTP header names (lower case, as compared).
inline constexpr char kHeaderProtocol[] = "cunzhan-protocol";
inline constexpr char kHeaderStation[] = "cunzhan-station";
// The body is CBOR, deflated with zlib (not HTTP Content-Encoding: the deflate is part of the format).
inline constexpr char kContentType[] = "application/x-cunzhan-sync";

// Limits. The server refuses bodies over kMaxBodyBytes with 413 before reading them; decoding
// refuses to inflate beyond kMaxInflatedBytes (a deflate bomb is a malformed request).
constexpr qsizetype kMaxBodyBytes = 4 * 1024 * 1024;
constexpr qsizetype kMaxInflatedBytes = 32 * 1024 * 1024;
// Each message has its own, smaller bounds (see decodeLimits in protocol.cpp): an enrolment or a
// pull request is a few dozen bytes, so the server reads at most these many bytes of their bodies
// (deflated, as sent) and inflates no more than that either.
constexpr qsizetype kMaxEnrollBodyBytes = 4 * 1024;
constexpr qsizetype kMaxPullBodyBytes = 1024;
// A push inflates to at most this (2 000 ops of about 600 bytes each are 1.2 MB).
constexpr qsizetype kMaxPushInflatedBytes = 16 * 1024 * 1024;
constexpr int kMaxOpsPerPush = 2000;
constexpr int kMaxChangesPerPull = 5000; // the most a station asks for
// A reset page carries the whole snapshot below the horizon besides the page asked for, so a reply
// may hold more changes than the request's limit (its size is still bounded by kMaxInflatedBytes).
constexpr int kMaxChangesPerReply = 200000;
constexpr qsizetype kMaxTextLength = 4096;

// Paths. Station-scoped paths carry the station id; the server checks it against the token.
QString enrollPath();
QString pushPath(const QString& stationId);
QString pullPath(const QString& stationId);
QString summaryPath(const QString& stationId);
// Splits "/v1/stations/<id>/<verb>"; returns false for any other path.
bool parseStationPath(const QString& path, QString* stationId, QString* verb);

// The enrolment invite the county prints as a QR code (`cunzhan-county station add --qr`):
// "cunzhan-enroll:?server=<percent-encoded URL>&code=<code>". Scanned into the terminal's dialog or
// given to `cunzhanctl enroll --code`, it fills in both the server and the code.
struct EnrolmentInvite {
    QString serverUrl;
    QString code;
};
QString encodeInvite(const EnrolmentInvite& invite);
std::optional<EnrolmentInvite> parseInvite(const QString& text); // nullopt: not an invite

// zlib deflate/inflate. inflate() returns nullopt for corrupt data or output over maxBytes.
QByteArray deflate(const QByteArray& data);
std::optional<QByteArray> inflate(const QByteArray& data, qsizetype maxBytes = kMaxInflatedBytes);

// Decoding result: a value, or an error saying what was wrong (for the 400 body and logs).
template<class T> struct Decoded {
    std::optional<T> value;
    QString error;
    explicit operator bool() const { return value.has_value(); }
    const T& operator*() const { return *value; }
    const T* operator->() const { return &*value; }
};

// ---- messages -------------------------------------------------------------------------------

// One outbox op as it travels. opId is the station's UUIDv7 in text form; on the wire it is the
// 16 raw bytes.
struct WireOp {
    QString opId;
    qint64 seq = 0;
    QString entity;
    QString entityId;
    QString kind;
    QJsonObject payload;
    int schemaVersion = 0;
    qint64 createdAt = 0;
};
// Hex SHA-256 over the op's content (everything but seq, which is only the station's local
// order). Two ops with the same id and different digests are a conflict.
QString opDigest(const WireOp& op);

struct PushRequest {
    QString epoch; // the server epoch the station last saw ("" before the first sync)
    QList<WireOp> ops;
    // The station understands the outcome Held ("hold": true on the wire). A county answers Held
    // only to a station that says so and Applied to older ones, which then acknowledge the op as
    // they should; an older county ignores the key. So no protocol version is needed for it.
    bool understandsHeld = false;
};

// Held: the county stored the op but does not know its kind or payload schema version yet; it
// applies it once upgraded. Acknowledged like Applied: the station neither re-sends nor reports it.
enum class Outcome { Applied = 0, AlreadyApplied = 1, Rejected = 2, Conflict = 3, Held = 4 };
QString toString(Outcome o);

struct OpResult {
    QString opId;
    Outcome outcome = Outcome::Applied;
    QString reasonCode; // machine code for Rejected/Conflict/Held, e.g. "op.unknown_kind"
    QString reason;     // English sentence for the clerk's list
};

// The county's high-water mark for the station: the highest seq among the station's ops it holds
// (0: none). A station whose acknowledged ops go beyond it lost them with a restored county
// database and sends them again. -1: not said (a county from before it; "hw" on the wire).
constexpr qint64 kNoHighWater = -1;

struct PushResponse {
    QString epoch;
    QList<OpResult> results; // one per op, in request order
    qint64 highWater = kNoHighWater;
};

struct PullRequest {
    qint64 after = 0; // the station's cursor: the last change seq it stored
    int limit = 1000;
};

// One change flowing down. kind: carrier_rules | setting | prealert | notice_status.
struct Change {
    qint64 seq = 0;
    QString kind;
    QString key;
    QJsonObject data;
    bool deleted = false;
};

struct PullResponse {
    QString epoch;
    qint64 next = 0; // the cursor to store with these changes
    bool more = false;
    // True when the cursor was older than the server's horizon (or 0): the changes are a full
    // snapshot, and the station drops what it holds from the county before storing them.
    bool reset = false;
    QList<Change> changes;
    qint64 highWater = kNoHighWater; // as in PushResponse, for the station that has nothing to push
};

struct EnrollRequest {
    QString code;
    // The public half of the station's batch-signing key (Ed25519, 32 bytes; signing.h). Empty
    // from stations of before signed batches: the county then keeps no key for the station.
    QByteArray batchKey;
};

struct EnrollResponse {
    QString stationId;
    QString token;
    QString name;
    QString township;
    QString epoch;
};

struct ErrorBody {
    QString code;    // e.g. "auth.bad_token", "request.malformed"
    QString message; // English, for logs and the clerk's status line
};

// Encoders return the deflated CBOR body; decoders take the body as received (deflated).
QByteArray encode(const PushRequest& m);
QByteArray encode(const PushResponse& m);
QByteArray encode(const PullRequest& m);
QByteArray encode(const PullResponse& m);
QByteArray encode(const EnrollRequest& m);
QByteArray encode(const EnrollResponse& m);
QByteArray encode(const ErrorBody& m);

Decoded<PushRequest> decodePushRequest(const QByteArray& body);
Decoded<PushResponse> decodePushResponse(const QByteArray& body);
Decoded<PullRequest> decodePullRequest(const QByteArray& body);
Decoded<PullResponse> decodePullResponse(const QByteArray& body);
Decoded<EnrollRequest> decodeEnrollRequest(const QByteArray& body);
Decoded<EnrollResponse> decodeEnrollResponse(const QByteArray& body);
Decoded<ErrorBody> decodeErrorBody(const QByteArray& body);

// A USB batch (cunzhanctl export-batch / cunzhan-county import-batch): the same ops as a push,
// with the station's id and a magic header, deflated CBOR in a file. A long outage is written as
// several parts (kMaxOpsPerBatchPart ops each), each a whole batch on its own: they import in any
// order, and a part imported twice applies nothing twice (ops are known by their ids).
constexpr int kMaxOpsPerBatchPart = 5000;
struct Batch {
    QString stationId;
    QList<WireOp> ops;
    QString batchId; // one export; the same in all its parts ("" in files of before parts)
    int part = 1;    // 1..parts
    int parts = 1;
};
// The body of a batch file: what the signature covers.
QByteArray encode(const Batch& m);
// Decodes a batch file, signed or not (the signature trailer is ignored here: see splitBatchFile).
Decoded<Batch> decodeBatch(const QByteArray& file);

// A signed batch file is the body followed by a trailer: kBatchSignatureMagic and the 64-byte
// Ed25519 signature of exactly the body's bytes (signing.h).
inline const QByteArray kBatchSignatureMagic = QByteArrayLiteral("CZSIG01:");
struct BatchFile {
    QByteArray body;
    QByteArray signature; // empty: the file is not signed
};
[[nodiscard]] QByteArray signedBatchFile(const QByteArray& body, const QByteArray& signature);
[[nodiscard]] BatchFile splitBatchFile(const QByteArray& file);

} // namespace cz::sync
