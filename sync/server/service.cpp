#include "service.h"

#include "accounts.h"
#include "feed.h"
#include "ops.h"
#include "protocol.h"
#include "securitylog.h"
#include "stats.h"

#include <QCborValue>
#include <QLoggingCategory>

namespace cz::county {

Q_LOGGING_CATEGORY(lcService, "cunzhan.county.service")

namespace {

using sync::HttpRequest;
using sync::HttpResponse;

// last_seen_at is written at most this often per station.
constexpr qint64 kTouchIntervalMs = 60 * 1000;

enum class Verb { Enroll, Push, Pull, Summary };

HttpResponse reply(QByteArray body) {
    return {200, std::move(body), sync::kContentType};
}

HttpResponse errorReply(int status, const QString& code, const QString& message) {
    return {status, sync::encode(sync::ErrorBody{code, message}), sync::kContentType};
}

// Errors from the store and the accounts: storage details go to the log, not to the client.
HttpResponse errorReply(const Error& e) {
    static const QStringList unauthorised{QStringLiteral("auth.bad_token"), QStringLiteral("auth.revoked"),
                                          QStringLiteral("enroll.bad_code")};
    if (unauthorised.contains(e.code))
        return errorReply(401, e.code, e.message);
    qCWarning(lcService).noquote() << e.code << e.message;
    if (e.kind == ErrorKind::Unavailable)
        return errorReply(503, QStringLiteral("server.busy"),
                          QStringLiteral("The county server is busy; try again later."));
    return errorReply(
        500, QStringLiteral("server.storage"),
        QStringLiteral("The county server could not store or read the data; nothing was changed."));
}

// A failed authentication or authorisation, for the security log (never the token itself).
void logRefusal(const QString& event, const QString& code, const QString& pathStation,
                const HttpRequest& request) {
    security::event(event, {{QStringLiteral("code"), code},
                            {QStringLiteral("station"), pathStation},
                            {QStringLiteral("address"), request.remoteAddress},
                            {QStringLiteral("path"), request.path}});
}

HttpResponse forbidden(const QString& message) {
    return errorReply(403, QStringLiteral("auth.forbidden"), message);
}

HttpResponse malformed(const QString& what) {
    return errorReply(400, QStringLiteral("request.malformed"), what);
}

// The protocol version from the header, or nothing when it is missing or not supported.
std::optional<int> protocolVersion(const HttpRequest& request) {
    bool ok = false;
    const int version = request.header(sync::kHeaderProtocol).trimmed().toInt(&ok);
    if (!ok || version < sync::kOldestProtocolVersion || version > sync::kProtocolVersion)
        return std::nullopt;
    return version;
}

QString bearerToken(const HttpRequest& request) {
    const QByteArray value = request.header("authorization").trimmed();
    if (!value.startsWith("Bearer "))
        return {};
    return QString::fromLatin1(value.mid(7).trimmed());
}

} // namespace

struct CountyService::Route {
    Verb verb;
    QString stationId;
    int version = sync::kProtocolVersion;
};

std::variant<CountyService::Route, HttpResponse> CountyService::route(const HttpRequest& request) const {
    const std::optional<int> version = protocolVersion(request);
    if (!version)
        return errorReply(
            400, QStringLiteral("protocol.unsupported"),
            QStringLiteral("Unsupported protocol version; this server accepts versions %1 to %2.")
                .arg(sync::kOldestProtocolVersion)
                .arg(sync::kProtocolVersion));
    const bool get = request.method == "GET";
    const bool post = request.method == "POST";
    if (request.path == sync::enrollPath()) {
        if (!post)
            return errorReply(405, QStringLiteral("request.method"), QStringLiteral("Use POST."));
        return Route{Verb::Enroll, {}, *version};
    }
    QString stationId;
    QString verbText;
    if (!sync::parseStationPath(request.path, &stationId, &verbText))
        return errorReply(404, QStringLiteral("request.not_found"), QStringLiteral("No such path."));
    static const QHash<QString, Verb> verbs{{QStringLiteral("push"), Verb::Push},
                                            {QStringLiteral("pull"), Verb::Pull},
                                            {QStringLiteral("summary"), Verb::Summary}};
    const auto verb = verbs.constFind(verbText);
    if (verb == verbs.constEnd())
        return errorReply(404, QStringLiteral("request.not_found"), QStringLiteral("No such path."));
    const bool methodFits = *verb == Verb::Summary ? (get || post) : post;
    if (!methodFits)
        return errorReply(405, QStringLiteral("request.method"),
                          *verb == Verb::Summary ? QStringLiteral("Use GET or POST.")
                                                 : QStringLiteral("Use POST."));
    return Route{*verb, stationId, *version};
}

HttpResponse CountyService::handle(const HttpRequest& request) {
    auto routed = route(request);
    if (auto* refusal = std::get_if<HttpResponse>(&routed))
        return *refusal;
    return dispatch(std::get<Route>(routed), request);
}

HttpResponse CountyService::dispatch(const Route& route, const HttpRequest& request) {
    switch (route.verb) {
    case Verb::Push:
        return push(route, request);
    case Verb::Pull:
        return pull(route, request);
    case Verb::Summary:
        return summary(route, request);
    case Verb::Enroll:
        break;
    }
    return enroll(request);
}

HttpResponse CountyService::enroll(const HttpRequest& request) {
    const auto verdict = m_enrolGuard.admit(request.remoteAddress, m_store.now());
    if (verdict != EnrolmentGuard::Verdict::Allowed) {
        const bool global = verdict == EnrolmentGuard::Verdict::GlobalLimited;
        security::event(
            QStringLiteral("enroll.rate_limited"),
            {{QStringLiteral("address"), request.remoteAddress},
             {QStringLiteral("scope"), global ? QStringLiteral("global") : QStringLiteral("address")}});
        return errorReply(429, QStringLiteral("enroll.rate_limited"),
                          QStringLiteral("Too many wrong enrolment codes; try again in a few minutes."));
    }
    const auto decoded = sync::decodeEnrollRequest(request.body);
    if (!decoded)
        return malformed(decoded.error);
    auto response = county::enrol(m_store, decoded->code, decoded->batchKey);
    if (!response) {
        if (response.error().code == QLatin1String("enroll.bad_code")) {
            m_enrolGuard.recordFailure(request.remoteAddress, m_store.now());
            logRefusal(QStringLiteral("enroll.failed"), response.error().code, {}, request);
        }
        return errorReply(response.error());
    }
    security::event(QStringLiteral("enroll.succeeded"), {{QStringLiteral("station"), response->stationId},
                                                         {QStringLiteral("address"), request.remoteAddress}});
    return reply(sync::encode(*response));
}

namespace {

// A station may act only on its own path; the station header must name it too.
std::optional<HttpResponse> authoriseStation(const Caller& caller, const QString& pathStation,
                                             const HttpRequest& request) {
    if (caller.kind != TokenKind::Station)
        return forbidden(QStringLiteral("Reviewers may only read summaries."));
    if (caller.id != pathStation || QString::fromUtf8(request.header(sync::kHeaderStation)) != caller.id)
        return forbidden(QStringLiteral("This token belongs to another station."));
    return std::nullopt;
}

// The station the request comes from, or the reply that refuses it.
std::expected<Caller, HttpResponse> authenticateStation(Tx& tx, const QString& pathStation,
                                                        const HttpRequest& request) {
    auto caller = authenticate(tx, bearerToken(request));
    if (!caller) {
        logRefusal(QStringLiteral("auth.failed"), caller.error().code, pathStation, request);
        return std::unexpected(errorReply(caller.error()));
    }
    if (auto denied = authoriseStation(*caller, pathStation, request)) {
        logRefusal(QStringLiteral("auth.forbidden"), caller->id, pathStation, request);
        return std::unexpected(*denied);
    }
    return *caller;
}

} // namespace

CountyService::Admission CountyService::admit(const HttpRequest& head) {
    auto routed = route(head);
    if (auto* refusal = std::get_if<HttpResponse>(&routed))
        return {*refusal, 0};
    const Route& r = std::get<Route>(routed);
    switch (r.verb) {
    case Verb::Enroll:
        return {std::nullopt, sync::kMaxEnrollBodyBytes}; // the code is in the body; handle() checks it
    case Verb::Push:
    case Verb::Pull:
    case Verb::Summary:
        break;
    }
    auto tx = m_store.begin(Tx::Mode::Read);
    if (!tx)
        return {errorReply(tx.error()), 0};
    auto caller = authenticate(*tx, bearerToken(head));
    if (!caller) {
        logRefusal(QStringLiteral("auth.failed"), caller.error().code, r.stationId, head);
        return {errorReply(caller.error()), 0};
    }
    // A reviewer reads summaries (their township is checked by handle()); a station only its own paths.
    if (!(r.verb == Verb::Summary && caller->kind == TokenKind::Reviewer))
        if (auto denied = authoriseStation(*caller, r.stationId, head)) {
            logRefusal(QStringLiteral("auth.forbidden"), caller->id, r.stationId, head);
            return {*denied, 0};
        }
    return {std::nullopt, r.verb == Verb::Push ? sync::kMaxBodyBytes : sync::kMaxPullBodyBytes};
}

HttpResponse CountyService::push(const Route& route, const HttpRequest& request) {
    const auto decoded = sync::decodePushRequest(request.body);
    if (!decoded) {
        logRefusal(QStringLiteral("push.malformed"), decoded.error, route.stationId, request);
        return malformed(decoded.error);
    }
    const QList<PreparedOp> prepared = prepareOps(decoded->ops);
    if (const qsizetype bytes = storedPayloadBytes(prepared); bytes > kMaxStoredBytesPerPush) {
        logRefusal(QStringLiteral("push.too_large"), QString::number(bytes), route.stationId, request);
        return errorReply(413, QStringLiteral("request.too_large"),
                          QStringLiteral("The ops of this push are too large to keep (%1 bytes, at most %2).")
                              .arg(bytes)
                              .arg(kMaxStoredBytesPerPush));
    }
    auto tx = m_store.begin(Tx::Mode::Write);
    if (!tx)
        return errorReply(tx.error());
    auto caller = authenticateStation(*tx, route.stationId, request);
    if (!caller)
        return caller.error();
    const bool touch = needsTouch(caller->id);
    if (touch)
        if (auto r = tx->exec(QStringLiteral("UPDATE stations SET last_seen_at = ? WHERE id = ?"),
                              {tx->now(), caller->id});
            !r)
            return errorReply(r.error());
    auto results = applyOps(*tx, caller->id, prepared, m_catalog);
    if (!results)
        return errorReply(results.error());
    // A station that does not know "held" would refuse the whole answer (outcomes 0..3): for it a
    // held op is simply acknowledged.
    if (!decoded->understandsHeld)
        for (sync::OpResult& r : *results)
            if (r.outcome == sync::Outcome::Held)
                r = {r.opId, sync::Outcome::Applied, {}, {}};
    auto epoch = readEpoch(*tx);
    if (!epoch)
        return errorReply(epoch.error());
    auto highWater = highWaterMark(*tx, caller->id);
    if (!highWater)
        return errorReply(highWater.error());
    if (auto st = tx->commit(); !st)
        return errorReply(st.error());
    if (touch)
        markTouched(caller->id);
    logRejected(caller->id, *results);
    return reply(sync::encode(sync::PushResponse{*epoch, *results, *highWater}));
}

void CountyService::logRejected(const QString& stationId, const QList<sync::OpResult>& results) {
    QHash<QString, int> byCode;
    for (const sync::OpResult& r : results)
        if (r.outcome == sync::Outcome::Rejected || r.outcome == sync::Outcome::Conflict)
            ++byCode[r.reasonCode];
    for (auto it = byCode.cbegin(); it != byCode.cend(); ++it)
        security::event(QStringLiteral("ops.rejected"), {{QStringLiteral("station"), stationId},
                                                         {QStringLiteral("code"), it.key()},
                                                         {QStringLiteral("count"), it.value()}});
}

HttpResponse CountyService::pull(const Route& route, const HttpRequest& request) {
    const auto decoded = sync::decodePullRequest(request.body);
    if (!decoded)
        return malformed(decoded.error);
    auto tx = m_store.begin(Tx::Mode::Read);
    if (!tx)
        return errorReply(tx.error());
    auto caller = authenticateStation(*tx, route.stationId, request);
    if (!caller)
        return caller.error();
    auto response = pullChanges(*tx, caller->id, route.version, *decoded);
    if (!response)
        return errorReply(response.error());
    if (auto st = tx->commit(); !st)
        return errorReply(st.error());
    touchAfterRead(caller->id);
    return reply(sync::encode(*response));
}

HttpResponse CountyService::summary(const Route& route, const HttpRequest& request) {
    auto tx = m_store.begin(Tx::Mode::Read);
    if (!tx)
        return errorReply(tx.error());
    auto caller = authenticate(*tx, bearerToken(request));
    if (!caller) {
        logRefusal(QStringLiteral("auth.failed"), caller.error().code, route.stationId, request);
        return errorReply(caller.error());
    }
    if (caller->kind == TokenKind::Station)
        if (auto denied = authoriseStation(*caller, route.stationId, request))
            return *denied;
    auto stats = stationStats(*tx, route.stationId);
    if (!stats)
        return errorReply(stats.error());
    // A reviewer reads stations of their own township only; an unknown station looks the same.
    if (stats->isEmpty() ||
        (caller->kind == TokenKind::Reviewer && stats->first().township != caller->township))
        return forbidden(QStringLiteral("This station is not in your township."));
    auto epoch = readEpoch(*tx);
    if (!epoch)
        return errorReply(epoch.error());
    if (auto st = tx->commit(); !st)
        return errorReply(st.error());
    if (caller->kind == TokenKind::Station)
        touchAfterRead(caller->id);
    return reply(sync::deflate(QCborValue(toCbor(stats->first(), *epoch)).toCbor()));
}

bool CountyService::needsTouch(const QString& stationId) {
    const QMutexLocker lock(&m_seenMutex);
    const auto last = m_lastTouched.constFind(stationId);
    return last == m_lastTouched.constEnd() || m_store.now() - *last >= kTouchIntervalMs;
}

void CountyService::markTouched(const QString& stationId) {
    const QMutexLocker lock(&m_seenMutex);
    m_lastTouched.insert(stationId, m_store.now());
}

void CountyService::touchAfterRead(const QString& stationId) {
    if (!needsTouch(stationId))
        return;
    if (auto st = touchStation(m_store, stationId); !st) {
        qCWarning(lcService).noquote() << "cannot record last_seen_at:" << st.error().message;
        return;
    }
    markTouched(stationId);
}

} // namespace cz::county
