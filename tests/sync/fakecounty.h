// A scripted county server for sync tests: applies each op id at most once (op id -> digest),
// rejects the ops of chosen entities, publishes a change list in pages, checks the headers and the
// token, and can be "restored from a backup" (new epoch, forgotten ops). It speaks the real wire
// format, so the client is tested against encode/decode as the real server uses them.
#pragma once

#include "http.h"
#include "protocol.h"

#include <QHash>
#include <QSet>
#include <functional>
#include <optional>

namespace czt {

using namespace cz::sync;

struct FakeCounty {
    QString stationId = QStringLiteral("county-station-7");
    QString token = QStringLiteral("secret-token");
    QString code = QStringLiteral("ENROL-123");
    QString epoch = QStringLiteral("epoch-1");
    QHash<QString, QString> digests;  // op id -> digest of every op it ever answered
    QHash<QString, OpResult> refused; // op id -> the refusal it answered
    QStringList applied;              // op ids in the order they were applied (once each)
    QSet<QString> rejectEntities;     // ops on these entity ids are rejected
    QList<Change> changes;            // published, seq ascending
    qint64 horizon = 0;               // a cursor below it gets a reset (full snapshot)
    int pageSize = 2;
    int forcedStatus = 0; // answer every request with this HTTP status when set
    bool revoked = false;
    QStringList paths; // every request's path
    // The high-water mark in push and pull replies: the highest seq among the applied ops when
    // sendHighWater is set, or always highWaterOverride when that is set.
    bool sendHighWater = false;
    std::optional<qint64> highWaterOverride;
    QHash<QString, qint64> seqs; // op id -> seq of the applied ops
    // When set, answers pulls instead of the change list (a hostile or broken county).
    std::function<PullResponse(const PullRequest&)> pullScript;

    void publish(const QString& kind, const QString& key, const QJsonObject& data, bool deleted = false) {
        const qint64 seq = changes.isEmpty() ? 10 : changes.last().seq + 3; // gaps, as commit order gives
        changes.append({seq, kind, key, data, deleted});
    }

    qint64 highWater() const {
        if (highWaterOverride)
            return *highWaterOverride;
        if (!sendHighWater)
            return kNoHighWater;
        qint64 most = 0;
        for (const QString& id : applied)
            most = std::max(most, seqs.value(id));
        return most;
    }

    HttpResponse error(int status, const QString& errorCode, const QString& message) const {
        return {status, encode(ErrorBody{errorCode, message})};
    }

    HttpResponse handle(const HttpRequest& r) {
        paths << r.path;
        if (forcedStatus)
            return error(forcedStatus, QStringLiteral("test.forced"), QStringLiteral("forced by the test"));
        if (r.method != "POST" || r.header(kHeaderProtocol) != QByteArray::number(kProtocolVersion))
            return error(400, QStringLiteral("request.malformed"), QStringLiteral("bad method or protocol"));
        if (r.path == enrollPath()) {
            const auto req = decodeEnrollRequest(r.body);
            if (!req || req->code != code)
                return error(403, QStringLiteral("enroll.bad_code"),
                             QStringLiteral("unknown enrolment code"));
            return {200, encode(EnrollResponse{stationId, token, QStringLiteral("测试站"),
                                               QStringLiteral("镇"), epoch})};
        }
        QString id, verb;
        if (!parseStationPath(r.path, &id, &verb) || id != stationId ||
            r.header(kHeaderStation) != stationId.toUtf8())
            return error(404, QStringLiteral("station.unknown"), QStringLiteral("no such station"));
        if (revoked || r.header("authorization") != "Bearer " + token.toUtf8())
            return error(401, QStringLiteral("auth.bad_token"), QStringLiteral("token revoked"));
        if (verb == QLatin1String("push"))
            return push(r.body);
        if (verb == QLatin1String("pull"))
            return pull(r.body);
        return error(404, QStringLiteral("request.unknown"), QStringLiteral("no such verb"));
    }

    HttpResponse push(const QByteArray& body) {
        const auto req = decodePushRequest(body);
        if (!req)
            return error(400, QStringLiteral("request.malformed"), req.error);
        PushResponse out{epoch, {}};
        for (const WireOp& op : req->ops) {
            const QString digest = opDigest(op);
            if (refused.contains(op.opId)) {
                out.results.append(refused.value(op.opId));
            } else if (digests.contains(op.opId)) {
                out.results.append(
                    {op.opId,
                     digests.value(op.opId) == digest ? Outcome::AlreadyApplied : Outcome::Conflict,
                     {},
                     {}});
            } else if (rejectEntities.contains(op.entityId)) {
                const OpResult r{op.opId, Outcome::Rejected, QStringLiteral("parcel.unknown_recipient"),
                                 QStringLiteral("The county does not know this recipient.")};
                refused.insert(op.opId, r);
                out.results.append(r);
            } else {
                digests.insert(op.opId, digest);
                applied.append(op.opId);
                seqs.insert(op.opId, op.seq);
                out.results.append({op.opId, Outcome::Applied, {}, {}});
            }
        }
        out.highWater = highWater();
        return {200, encode(out)};
    }

    HttpResponse pull(const QByteArray& body) {
        const auto req = decodePullRequest(body);
        if (!req)
            return error(400, QStringLiteral("request.malformed"), req.error);
        if (pullScript)
            return {200, encode(pullScript(*req))};
        PullResponse out{epoch, req->after, false, req->after == 0 || req->after < horizon, {}};
        const qint64 after = out.reset ? 0 : req->after;
        for (const Change& c : changes) {
            if (c.seq <= after)
                continue;
            if (out.changes.size() == std::min(pageSize, req->limit)) {
                out.more = true;
                break;
            }
            out.changes.append(c);
            out.next = c.seq;
        }
        out.highWater = highWater();
        return {200, encode(out)};
    }

    // A restore from a backup taken when only the first `kept` ops had arrived.
    void restoreBackup(const QString& newEpoch, int kept) {
        epoch = newEpoch;
        const QStringList keep = applied.mid(0, kept);
        QHash<QString, QString> d;
        for (const QString& id : keep)
            d.insert(id, digests.value(id));
        digests = d;
        applied = keep;
        refused.clear();
    }
};

} // namespace czt
