#include "protocol.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborStreamReader>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>
#include <zlib.h>

namespace cz::sync {

namespace {

// Keys are short: they repeat in every message, and deflate does the rest.
const QString kEpoch = QStringLiteral("ep");
const QString kOps = QStringLiteral("ops");
const QString kResults = QStringLiteral("r");
const QString kUnderstandsHeld = QStringLiteral("hold");
const QString kAfter = QStringLiteral("after");
const QString kLimit = QStringLiteral("limit");
const QString kNext = QStringLiteral("next");
const QString kMore = QStringLiteral("more");
const QString kReset = QStringLiteral("reset");
const QString kChanges = QStringLiteral("ch");
const QString kCode = QStringLiteral("code");
const QString kStation = QStringLiteral("sid");
const QString kToken = QStringLiteral("tok");
const QString kName = QStringLiteral("name");
const QString kTownship = QStringLiteral("town");
const QString kError = QStringLiteral("err");
const QString kMessage = QStringLiteral("msg");
const QString kHighWater = QStringLiteral("hw");
const QString kMagic = QStringLiteral("cunzhan-batch");
const QString kFormat = QStringLiteral("fmt");
const QString kBatchId = QStringLiteral("bid");
const QString kBatchKey = QStringLiteral("bkey");
const QString kPart = QStringLiteral("part");
const QString kParts = QStringLiteral("parts");

QByteArray pack(const QCborMap& map) {
    return deflate(map.toCborValue().toCbor());
}

// What one message may cost to decode. Checked while reading, before anything is built: a deflate
// bomb of 33 M empty maps (32 KB on the wire) would otherwise become 4.7 GB of QCborValue.
struct Limits {
    qsizetype maxInflated;    // bytes after inflating
    qsizetype maxItems;       // CBOR data items in all (keys, values, container headers)
    int maxDepth;             // nesting of arrays, maps and tags
    qsizetype maxStringBytes; // one text or byte string
};

// Items per op on the wire: 8 fields, the payload map's keys and values (a parcel op has about 60).
constexpr qsizetype kMaxItemsPerOp = 256;
constexpr int kMaxDepth = 24; // a JSON payload nests at most 16 levels (isJsonLike) inside an op
constexpr qsizetype kMaxStringBytes = 64 * 1024;

constexpr Limits kSmallMessage{64 * 1024, 64, 4, 64 * 1024};
constexpr Limits kEnrollRequestLimits{kMaxEnrollBodyBytes, 16, 4, kMaxEnrollBodyBytes};
constexpr Limits kPullRequestLimits{kMaxPullBodyBytes, 16, 4, kMaxPullBodyBytes};
constexpr Limits kPushRequestLimits{kMaxPushInflatedBytes, 16 + (kMaxOpsPerPush * kMaxItemsPerOp), kMaxDepth,
                                    kMaxStringBytes};
constexpr Limits kPushResponseLimits{kMaxInflatedBytes, 16 + kMaxOpsPerPush * 6, 6, kMaxStringBytes};
constexpr Limits kPullResponseLimits{kMaxInflatedBytes, 16 + kMaxChangesPerReply * 64, kMaxDepth,
                                     kMaxStringBytes};
// A USB batch holds many pushes' worth of ops (90 days offline at 900 parcels a day is 160 000 ops).
constexpr Limits kBatchLimits{kMaxInflatedBytes, 16 + 200000 * kMaxItemsPerOp / 4, kMaxDepth,
                              kMaxStringBytes};

// Reads one CBOR value with QCborStreamReader, counting items, depth and string bytes as it goes;
// stops at the first limit passed, so the memory a body can take is bounded by the limits, not by
// what it claims.
class BoundedReader {
public:
    BoundedReader(const QByteArray& data, const Limits& limits)
        : m_reader(data)
        , m_limits(limits)
        , m_size(data.size()) {}

    std::optional<QCborValue> readTop(QString* error) {
        std::optional<QCborValue> v = read(0);
        if (v && m_reader.lastError() != QCborError::NoError)
            v.reset();
        if (v && m_reader.currentOffset() != m_size) {
            m_error = QStringLiteral("trailing data after the CBOR value");
            v.reset();
        }
        if (!v)
            *error = m_error.isEmpty()
                         ? QStringLiteral("body is not CBOR: %1").arg(m_reader.lastError().toString())
                         : m_error;
        return v;
    }

private:
    std::optional<QCborValue> fail(const QString& what) {
        if (m_error.isEmpty())
            m_error = what;
        return std::nullopt;
    }

    std::optional<QCborValue> read(int depth) {
        if (++m_items > m_limits.maxItems)
            return fail(QStringLiteral("body has more than %1 CBOR items").arg(m_limits.maxItems));
        if (depth > m_limits.maxDepth)
            return fail(QStringLiteral("body nests deeper than %1 levels").arg(m_limits.maxDepth));
        if (m_reader.lastError() != QCborError::NoError)
            return std::nullopt;
        switch (m_reader.type()) {
        case QCborStreamReader::UnsignedInteger: {
            const quint64 u = m_reader.toUnsignedInteger();
            m_reader.next();
            if (u > quint64(std::numeric_limits<qint64>::max()))
                return QCborValue(double(u));
            return QCborValue(qint64(u));
        }
        case QCborStreamReader::NegativeInteger: {
            const quint64 n = quint64(m_reader.toNegativeInteger()); // the value is -n
            m_reader.next();
            if (n > quint64(std::numeric_limits<qint64>::max()) + 1)
                return QCborValue(-double(n));
            return QCborValue(qint64(0 - n));
        }
        case QCborStreamReader::ByteArray:
            return readString<QByteArray>([this] { return m_reader.readByteArray(); });
        case QCborStreamReader::String:
            return readString<QString>([this] { return m_reader.readString(); });
        case QCborStreamReader::Array:
        case QCborStreamReader::Map:
            return readContainer(depth);
        case QCborStreamReader::Tag: {
            const QCborTag tag = m_reader.toTag();
            m_reader.next();
            auto inner = read(depth + 1);
            if (!inner)
                return std::nullopt;
            return QCborValue(tag, *inner);
        }
        case QCborStreamReader::SimpleType: {
            const QCborSimpleType t = m_reader.toSimpleType();
            m_reader.next();
            return QCborValue(t);
        }
        case QCborStreamReader::Float16: {
            const double d = double(m_reader.toFloat16());
            m_reader.next();
            return QCborValue(d);
        }
        case QCborStreamReader::Float: {
            const double d = double(m_reader.toFloat());
            m_reader.next();
            return QCborValue(d);
        }
        case QCborStreamReader::Double: {
            const double d = m_reader.toDouble();
            m_reader.next();
            return QCborValue(d);
        }
        case QCborStreamReader::Invalid:
            break;
        }
        return fail(QStringLiteral("body is not CBOR: %1").arg(m_reader.lastError().toString()));
    }

    template<class S, class ReadChunk> std::optional<QCborValue> readString(ReadChunk readChunk) {
        S out;
        qsizetype bytes = 0;
        while (true) {
            const qsizetype chunk = m_reader.currentStringChunkSize();
            if (chunk > m_limits.maxStringBytes - bytes || chunk > m_size)
                return fail(QStringLiteral("a string in the body is longer than %1 bytes")
                                .arg(m_limits.maxStringBytes));
            auto r = readChunk();
            if (r.status == QCborStreamReader::Error)
                return fail(QStringLiteral("body is not CBOR: %1").arg(m_reader.lastError().toString()));
            if (r.status == QCborStreamReader::EndOfString)
                break;
            bytes += chunk;
            out += r.data;
        }
        return QCborValue(out);
    }

    std::optional<QCborValue> readContainer(int depth) {
        const bool map = m_reader.isMap();
        // A declared length cannot be believed, but it can be refused at once.
        if (m_reader.isLengthKnown() &&
            m_reader.length() > quint64(m_limits.maxItems - m_items) / (map ? 2 : 1))
            return fail(QStringLiteral("body has more than %1 CBOR items").arg(m_limits.maxItems));
        if (!m_reader.enterContainer())
            return fail(QStringLiteral("body is not CBOR: %1").arg(m_reader.lastError().toString()));
        QCborArray array;
        QCborMap object;
        while (m_reader.lastError() == QCborError::NoError && m_reader.hasNext()) {
            auto first = read(depth + 1);
            if (!first)
                return std::nullopt;
            if (!map) {
                array.append(*first);
                continue;
            }
            auto second = read(depth + 1);
            if (!second)
                return std::nullopt;
            object.insert(*first, *second);
        }
        if (m_reader.lastError() != QCborError::NoError || !m_reader.leaveContainer())
            return fail(QStringLiteral("body is not CBOR: %1").arg(m_reader.lastError().toString()));
        return map ? QCborValue(object) : QCborValue(array);
    }

    QCborStreamReader m_reader;
    const Limits m_limits;
    const qsizetype m_size;
    qsizetype m_items = 0;
    QString m_error;
};

// Inflates and parses a body that must be one CBOR map, within the message's limits.
std::optional<QCborMap> unpack(const QByteArray& body, const Limits& limits, QString* error) {
    if (body.size() > kMaxBodyBytes) {
        *error = QStringLiteral("body too large");
        return std::nullopt;
    }
    const auto raw = inflate(body, limits.maxInflated);
    if (!raw) {
        *error = QStringLiteral("body is not valid deflate data or inflates beyond %1 bytes")
                     .arg(limits.maxInflated);
        return std::nullopt;
    }
    // The first byte says whether this is a map: anything else is refused before reading on.
    if (raw->isEmpty() || (quint8(raw->at(0)) >> 5) != 5) {
        *error = QStringLiteral("body is not a CBOR map");
        return std::nullopt;
    }
    BoundedReader reader(*raw, limits);
    const std::optional<QCborValue> v = reader.readTop(error);
    if (!v)
        return std::nullopt;
    if (!v->isMap()) {
        *error = QStringLiteral("body is not a CBOR map");
        return std::nullopt;
    }
    return v->toMap();
}

bool isText(const QCborValue& v, qsizetype maxLength = kMaxTextLength) {
    return v.isString() && v.toString().size() <= maxLength;
}

// Reads an optional text field; false when present with the wrong type or too long.
bool readText(const QCborMap& m, const QString& key, QString* out, bool required, QString* error) {
    const QCborValue v = m.value(key);
    if (v.isUndefined() && !required)
        return true;
    if (!isText(v)) {
        *error =
            QStringLiteral("field \"%1\" must be text of at most %2 characters").arg(key).arg(kMaxTextLength);
        return false;
    }
    *out = v.toString();
    return true;
}

bool readInt(const QCborMap& m, const QString& key, qint64* out, qint64 min, qint64 max, QString* error) {
    const QCborValue v = m.value(key);
    if (!v.isInteger() || v.toInteger() < min || v.toInteger() > max) {
        *error = QStringLiteral("field \"%1\" must be an integer from %2 to %3").arg(key).arg(min).arg(max);
        return false;
    }
    *out = v.toInteger();
    return true;
}

bool readBool(const QCborMap& m, const QString& key, bool* out, QString* error) {
    const QCborValue v = m.value(key);
    if (!v.isBool()) {
        *error = QStringLiteral("field \"%1\" must be true or false").arg(key);
        return false;
    }
    *out = v.toBool();
    return true;
}

QCborValue uuidBytes(const QString& id) {
    const QUuid u = QUuid::fromString(id);
    return QCborValue(u.toRfc4122());
}

std::optional<QString> uuidText(const QCborValue& v) {
    if (!v.isByteArray() || v.toByteArray().size() != 16)
        return std::nullopt;
    const QUuid u = QUuid::fromRfc4122(v.toByteArray());
    if (u.isNull())
        return std::nullopt;
    return u.toString(QUuid::WithoutBraces);
}

// A JSON payload travels as CBOR; only maps of JSON-representable values are accepted.
bool isJsonLike(const QCborValue& v, int depth) {
    if (depth > 16)
        return false;
    if (v.isMap()) {
        const QCborMap m = v.toMap();
        for (auto it = m.cbegin(); it != m.cend(); ++it)
            if (!it.key().isString() || !isJsonLike(it.value(), depth + 1))
                return false;
        return true;
    }
    if (v.isArray()) {
        const QCborArray a = v.toArray();
        for (const QCborValue& e : a)
            if (!isJsonLike(e, depth + 1))
                return false;
        return true;
    }
    return v.isString() || v.isInteger() || v.isDouble() || v.isBool() || v.isNull();
}

QCborArray encodeOps(const QList<WireOp>& ops) {
    QCborArray arr;
    for (const WireOp& op : ops)
        arr.append(QCborArray{uuidBytes(op.opId), op.seq, op.entity, op.entityId, op.kind,
                              QCborValue::fromJsonValue(op.payload), op.schemaVersion, op.createdAt});
    return arr;
}

bool decodeOps(const QCborValue& v, QList<WireOp>* out, QString* error, qsizetype maxOps = kMaxOpsPerPush) {
    if (!v.isArray()) {
        *error = QStringLiteral("\"ops\" must be an array");
        return false;
    }
    const QCborArray arr = v.toArray();
    if (arr.size() > maxOps) {
        *error = QStringLiteral("at most %1 ops per request").arg(maxOps);
        return false;
    }
    out->reserve(arr.size());
    for (qsizetype i = 0; i < arr.size(); ++i) {
        const QCborValue e = arr.at(i);
        const QCborArray a = e.toArray();
        const auto bad = [&](const char* what) {
            *error = QStringLiteral("op %1: %2").arg(i).arg(QLatin1String(what));
            return false;
        };
        if (!e.isArray() || a.size() != 8)
            return bad("must be an array of 8 fields");
        WireOp op;
        const auto id = uuidText(a.at(0));
        if (!id)
            return bad("op id must be 16 bytes");
        op.opId = *id;
        if (!a.at(1).isInteger() || a.at(1).toInteger() < 0)
            return bad("seq must be a non-negative integer");
        op.seq = a.at(1).toInteger();
        if (!isText(a.at(2), 64) || !isText(a.at(3), 128) || !isText(a.at(4), 64))
            return bad("entity, entity id and kind must be short text");
        op.entity = a.at(2).toString();
        op.entityId = a.at(3).toString();
        op.kind = a.at(4).toString();
        if (!a.at(5).isMap() || !isJsonLike(a.at(5), 0))
            return bad("payload must be a map of JSON values");
        op.payload = a.at(5).toJsonValue().toObject();
        if (!a.at(6).isInteger() || a.at(6).toInteger() < 0 || a.at(6).toInteger() > 1000000)
            return bad("schema version must be a small integer");
        op.schemaVersion = int(a.at(6).toInteger());
        if (!a.at(7).isInteger())
            return bad("created_at must be an integer");
        op.createdAt = a.at(7).toInteger();
        out->append(op);
    }
    return true;
}

template<class T> Decoded<T> failed(const QString& error) {
    return Decoded<T>{std::nullopt, error};
}

} // namespace

QString enrollPath() {
    return QStringLiteral("/v1/enroll");
}
QString pushPath(const QString& stationId) {
    return QStringLiteral("/v1/stations/%1/push").arg(stationId);
}
QString pullPath(const QString& stationId) {
    return QStringLiteral("/v1/stations/%1/pull").arg(stationId);
}
QString summaryPath(const QString& stationId) {
    return QStringLiteral("/v1/stations/%1/summary").arg(stationId);
}

bool parseStationPath(const QString& path, QString* stationId, QString* verb) {
    const QStringList parts = path.split(QLatin1Char('/'));
    // "", "v1", "stations", id, verb
    if (parts.size() != 5 || !parts.at(0).isEmpty() || parts.at(1) != QLatin1String("v1") ||
        parts.at(2) != QLatin1String("stations") || parts.at(3).isEmpty() || parts.at(3).size() > 64 ||
        parts.at(4).isEmpty())
        return false;
    *stationId = parts.at(3);
    *verb = parts.at(4);
    return true;
}

QString encodeInvite(const EnrolmentInvite& invite) {
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("server"),
                       QString::fromLatin1(QUrl::toPercentEncoding(invite.serverUrl)));
    query.addQueryItem(QStringLiteral("code"), QString::fromLatin1(QUrl::toPercentEncoding(invite.code)));
    return QStringLiteral("cunzhan-enroll:?") + query.toString(QUrl::FullyEncoded);
}

std::optional<EnrolmentInvite> parseInvite(const QString& text) {
    const QString prefix = QStringLiteral("cunzhan-enroll:?");
    const QString trimmed = text.trimmed();
    if (!trimmed.startsWith(prefix, Qt::CaseInsensitive))
        return std::nullopt;
    const QUrlQuery query(trimmed.mid(prefix.size()));
    EnrolmentInvite invite{query.queryItemValue(QStringLiteral("server"), QUrl::FullyDecoded),
                           query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded)};
    if (invite.serverUrl.isEmpty() || invite.code.isEmpty())
        return std::nullopt;
    return invite;
}

QByteArray deflate(const QByteArray& data) {
    uLongf size = compressBound(uLong(data.size()));
    QByteArray out(qsizetype(size), Qt::Uninitialized);
    if (compress2(reinterpret_cast<Bytef*>(out.data()), &size,
                  reinterpret_cast<const Bytef*>(data.constData()), uLong(data.size()), 6) != Z_OK)
        return {};
    out.resize(qsizetype(size));
    return out;
}

std::optional<QByteArray> inflate(const QByteArray& data, qsizetype maxBytes) {
    z_stream s{};
    if (inflateInit(&s) != Z_OK)
        return std::nullopt;
    s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.constData()));
    s.avail_in = uInt(data.size());
    QByteArray out;
    char buf[16384];
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        s.next_out = reinterpret_cast<Bytef*>(buf);
        s.avail_out = sizeof buf;
        rc = ::inflate(&s, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END)
            break;
        const qsizetype produced = qsizetype(sizeof buf - s.avail_out);
        if (out.size() + produced > maxBytes) {
            rc = Z_MEM_ERROR;
            break;
        }
        out.append(buf, produced);
        if (rc == Z_OK && produced == 0 && s.avail_in == 0) {
            rc = Z_DATA_ERROR; // truncated stream
            break;
        }
    }
    const bool trailing = s.avail_in != 0;
    inflateEnd(&s);
    if (rc != Z_STREAM_END || trailing)
        return std::nullopt;
    return out;
}

QString opDigest(const WireOp& op) {
    const QJsonObject canonical{{QStringLiteral("entity"), op.entity},
                                {QStringLiteral("entity_id"), op.entityId},
                                {QStringLiteral("kind"), op.kind},
                                {QStringLiteral("payload"), op.payload},
                                {QStringLiteral("schema_version"), op.schemaVersion},
                                {QStringLiteral("created_at"), op.createdAt}};
    return QString::fromLatin1(
        QCryptographicHash::hash(QJsonDocument(canonical).toJson(QJsonDocument::Compact),
                                 QCryptographicHash::Sha256)
            .toHex());
}

QString toString(Outcome o) {
    switch (o) {
    case Outcome::Applied:
        return QStringLiteral("applied");
    case Outcome::AlreadyApplied:
        return QStringLiteral("already_applied");
    case Outcome::Rejected:
        return QStringLiteral("rejected");
    case Outcome::Conflict:
        return QStringLiteral("conflict");
    case Outcome::Held:
        return QStringLiteral("held");
    }
    return {};
}

QByteArray encode(const PushRequest& m) {
    QCborMap map;
    map.insert(kEpoch, m.epoch);
    map.insert(kOps, encodeOps(m.ops));
    if (m.understandsHeld)
        map.insert(kUnderstandsHeld, true);
    return pack(map);
}

Decoded<PushRequest> decodePushRequest(const QByteArray& body) {
    QString error;
    const auto map = unpack(body, kPushRequestLimits, &error);
    if (!map)
        return failed<PushRequest>(error);
    PushRequest m;
    if (!readText(*map, kEpoch, &m.epoch, false, &error) || !decodeOps(map->value(kOps), &m.ops, &error))
        return failed<PushRequest>(error);
    if (map->contains(kUnderstandsHeld) && !readBool(*map, kUnderstandsHeld, &m.understandsHeld, &error))
        return failed<PushRequest>(error);
    return {m, {}};
}

QByteArray encode(const PushResponse& m) {
    QCborArray results;
    for (const OpResult& r : m.results) {
        QCborArray a{uuidBytes(r.opId), int(r.outcome)};
        if (r.outcome == Outcome::Rejected || r.outcome == Outcome::Conflict || r.outcome == Outcome::Held) {
            a.append(r.reasonCode);
            a.append(r.reason);
        }
        results.append(a);
    }
    QCborMap map;
    map.insert(kEpoch, m.epoch);
    map.insert(kResults, results);
    if (m.highWater >= 0)
        map.insert(kHighWater, m.highWater);
    return pack(map);
}

namespace {
// The optional high-water mark: absent is kNoHighWater, present must be a non-negative integer.
bool readHighWater(const QCborMap& m, qint64* out, QString* error) {
    if (!m.contains(kHighWater))
        return true;
    return readInt(m, kHighWater, out, 0, std::numeric_limits<qint64>::max(), error);
}
} // namespace

Decoded<PushResponse> decodePushResponse(const QByteArray& body) {
    QString error;
    const auto map = unpack(body, kPushResponseLimits, &error);
    if (!map)
        return failed<PushResponse>(error);
    PushResponse m;
    if (!readText(*map, kEpoch, &m.epoch, true, &error) || !readHighWater(*map, &m.highWater, &error))
        return failed<PushResponse>(error);
    const QCborValue results = map->value(kResults);
    if (!results.isArray() || results.toArray().size() > kMaxOpsPerPush)
        return failed<PushResponse>(QStringLiteral("\"r\" must be an array"));
    for (const QCborValue& e : results.toArray()) {
        const QCborArray a = e.toArray();
        if (!e.isArray() || (a.size() != 2 && a.size() != 4))
            return failed<PushResponse>(QStringLiteral("a result must have 2 or 4 fields"));
        OpResult r;
        const auto id = uuidText(a.at(0));
        if (!id || !a.at(1).isInteger() || a.at(1).toInteger() < 0 || a.at(1).toInteger() > 4)
            return failed<PushResponse>(QStringLiteral("a result needs an op id and an outcome 0..4"));
        r.opId = *id;
        r.outcome = Outcome(a.at(1).toInteger());
        if (a.size() == 4) {
            if (!isText(a.at(2)) || !isText(a.at(3)))
                return failed<PushResponse>(QStringLiteral("a result's reason must be text"));
            r.reasonCode = a.at(2).toString();
            r.reason = a.at(3).toString();
        }
        m.results.append(r);
    }
    return {m, {}};
}

QByteArray encode(const PullRequest& m) {
    QCborMap map;
    map.insert(kAfter, m.after);
    map.insert(kLimit, m.limit);
    return pack(map);
}

Decoded<PullRequest> decodePullRequest(const QByteArray& body) {
    QString error;
    const auto map = unpack(body, kPullRequestLimits, &error);
    if (!map)
        return failed<PullRequest>(error);
    PullRequest m;
    qint64 limit = 0;
    if (!readInt(*map, kAfter, &m.after, 0, std::numeric_limits<qint64>::max(), &error) ||
        !readInt(*map, kLimit, &limit, 1, kMaxChangesPerPull, &error))
        return failed<PullRequest>(error);
    m.limit = int(limit);
    return {m, {}};
}

QByteArray encode(const PullResponse& m) {
    QCborArray changes;
    for (const Change& c : m.changes)
        changes.append(QCborArray{c.seq, c.kind, c.key,
                                  c.deleted ? QCborValue(nullptr) : QCborValue::fromJsonValue(c.data)});
    QCborMap map;
    map.insert(kEpoch, m.epoch);
    map.insert(kNext, m.next);
    map.insert(kMore, m.more);
    map.insert(kReset, m.reset);
    map.insert(kChanges, changes);
    if (m.highWater >= 0)
        map.insert(kHighWater, m.highWater);
    return pack(map);
}

Decoded<PullResponse> decodePullResponse(const QByteArray& body) {
    QString error;
    const auto map = unpack(body, kPullResponseLimits, &error);
    if (!map)
        return failed<PullResponse>(error);
    PullResponse m;
    if (!readText(*map, kEpoch, &m.epoch, true, &error) ||
        !readInt(*map, kNext, &m.next, 0, std::numeric_limits<qint64>::max(), &error) ||
        !readBool(*map, kMore, &m.more, &error) || !readBool(*map, kReset, &m.reset, &error) ||
        !readHighWater(*map, &m.highWater, &error))
        return failed<PullResponse>(error);
    const QCborValue changes = map->value(kChanges);
    if (!changes.isArray() || changes.toArray().size() > kMaxChangesPerReply)
        return failed<PullResponse>(QStringLiteral("\"ch\" must be an array"));
    for (const QCborValue& e : changes.toArray()) {
        const QCborArray a = e.toArray();
        if (!e.isArray() || a.size() != 4 || !a.at(0).isInteger() || !isText(a.at(1), 64) ||
            !isText(a.at(2), 256) || !(a.at(3).isNull() || (a.at(3).isMap() && isJsonLike(a.at(3), 0))))
            return failed<PullResponse>(QStringLiteral("a change must be [seq, kind, key, data|null]"));
        Change c;
        c.seq = a.at(0).toInteger();
        c.kind = a.at(1).toString();
        c.key = a.at(2).toString();
        c.deleted = a.at(3).isNull();
        if (!c.deleted)
            c.data = a.at(3).toJsonValue().toObject();
        m.changes.append(c);
    }
    return {m, {}};
}

QByteArray encode(const EnrollRequest& m) {
    QCborMap map;
    map.insert(kCode, m.code);
    if (!m.batchKey.isEmpty())
        map.insert(kBatchKey, m.batchKey);
    return pack(map);
}

Decoded<EnrollRequest> decodeEnrollRequest(const QByteArray& body) {
    QString error;
    const auto map = unpack(body, kEnrollRequestLimits, &error);
    if (!map)
        return failed<EnrollRequest>(error);
    EnrollRequest m;
    if (!readText(*map, kCode, &m.code, true, &error))
        return failed<EnrollRequest>(error);
    if (map->contains(kBatchKey)) {
        const QCborValue key = map->value(kBatchKey);
        if (!key.isByteArray() || key.toByteArray().size() != 32)
            return failed<EnrollRequest>(QStringLiteral("the batch key must be 32 bytes"));
        m.batchKey = key.toByteArray();
    }
    return {m, {}};
}

QByteArray encode(const EnrollResponse& m) {
    QCborMap map;
    map.insert(kStation, m.stationId);
    map.insert(kToken, m.token);
    map.insert(kName, m.name);
    map.insert(kTownship, m.township);
    map.insert(kEpoch, m.epoch);
    return pack(map);
}

Decoded<EnrollResponse> decodeEnrollResponse(const QByteArray& body) {
    QString error;
    const auto map = unpack(body, kSmallMessage, &error);
    if (!map)
        return failed<EnrollResponse>(error);
    EnrollResponse m;
    if (!readText(*map, kStation, &m.stationId, true, &error) ||
        !readText(*map, kToken, &m.token, true, &error) || !readText(*map, kName, &m.name, true, &error) ||
        !readText(*map, kTownship, &m.township, true, &error) ||
        !readText(*map, kEpoch, &m.epoch, true, &error))
        return failed<EnrollResponse>(error);
    return {m, {}};
}

QByteArray encode(const ErrorBody& m) {
    QCborMap map;
    map.insert(kError, m.code);
    map.insert(kMessage, m.message);
    return pack(map);
}

Decoded<ErrorBody> decodeErrorBody(const QByteArray& body) {
    QString error;
    const auto map = unpack(body, kSmallMessage, &error);
    if (!map)
        return failed<ErrorBody>(error);
    ErrorBody m;
    if (!readText(*map, kError, &m.code, true, &error) || !readText(*map, kMessage, &m.message, true, &error))
        return failed<ErrorBody>(error);
    return {m, {}};
}

QByteArray encode(const Batch& m) {
    QCborMap map;
    map.insert(kFormat, kMagic);
    map.insert(kStation, m.stationId);
    map.insert(kOps, encodeOps(m.ops));
    if (!m.batchId.isEmpty()) {
        map.insert(kBatchId, m.batchId);
        map.insert(kPart, m.part);
        map.insert(kParts, m.parts);
    }
    return pack(map);
}

Decoded<Batch> decodeBatch(const QByteArray& file) {
    QString error;
    const auto map = unpack(splitBatchFile(file).body, kBatchLimits, &error);
    if (!map)
        return failed<Batch>(error);
    if (map->value(kFormat).toString() != kMagic)
        return failed<Batch>(QStringLiteral("not a Cunzhan batch file"));
    Batch m;
    // A batch file can hold many more ops than one push request (its size is bounded by inflate()).
    if (!readText(*map, kStation, &m.stationId, true, &error) ||
        !decodeOps(map->value(kOps), &m.ops, &error, std::numeric_limits<qsizetype>::max()))
        return failed<Batch>(error);
    if (map->contains(kBatchId)) {
        const QCborValue part = map->value(kPart);
        const QCborValue parts = map->value(kParts);
        if (!readText(*map, kBatchId, &m.batchId, true, &error))
            return failed<Batch>(error);
        if (!part.isInteger() || !parts.isInteger() || parts.toInteger() < 1 || parts.toInteger() > 100000 ||
            part.toInteger() < 1 || part.toInteger() > parts.toInteger())
            return failed<Batch>(QStringLiteral("the batch's part number is not valid"));
        m.part = int(part.toInteger());
        m.parts = int(parts.toInteger());
    }
    return {m, {}};
}

QByteArray signedBatchFile(const QByteArray& body, const QByteArray& signature) {
    return body + kBatchSignatureMagic + signature;
}

BatchFile splitBatchFile(const QByteArray& file) {
    constexpr qsizetype kSignature = 64;
    const qsizetype trailer = kBatchSignatureMagic.size() + kSignature;
    if (file.size() >= trailer &&
        file.sliced(file.size() - trailer, kBatchSignatureMagic.size()) == kBatchSignatureMagic)
        return {file.first(file.size() - trailer), file.last(kSignature)};
    return {file, {}};
}

} // namespace cz::sync
