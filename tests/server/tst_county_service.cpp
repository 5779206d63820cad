// CountyService driven in-process, on SQLite or PostgreSQL (CUNZHAN_TEST_BACKEND): enrolment,
// tokens, authorisation, protocol versions, push (once per op id, conflicts, rejections), pull
// (cursor, limit, snapshot reset), compaction, and failing every database access in turn.
#include "countyfixture.h"
#include "credentials.h"
#include "ops.h"
#include "stats.h"

#include <QCborMap>
#include <QCborValue>
#include <QLoggingCategory>

using namespace cz;
using namespace cz::test;

namespace {

QString errorCode(const sync::HttpResponse& r) {
    const auto e = sync::decodeErrorBody(r.body);
    return e ? e->code : QStringLiteral("<no error body>");
}

sync::PushResponse pushResult(const sync::HttpResponse& r) {
    const auto d = sync::decodePushResponse(r.body);
    if (r.status != 200 || !d)
        qFatal("push failed: %d %s", r.status, qPrintable(errorCode(r)));
    return *d;
}

sync::PullResponse pullResult(const sync::HttpResponse& r) {
    const auto d = sync::decodePullResponse(r.body);
    if (r.status != 200 || !d)
        qFatal("pull failed: %d %s", r.status, qPrintable(errorCode(r)));
    return *d;
}

QList<qint64> seqs(const sync::PullResponse& p) {
    QList<qint64> out;
    for (const auto& c : p.changes)
        out.append(c.seq);
    return out;
}

} // namespace

class TstCountyService : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { CZ_REQUIRE_BACKEND(); }

    void enrolmentCodeWorksOnce() {
        CountyFixture f;
        auto code = county::addStation(*f.store, QStringLiteral("东村站"), QStringLiteral("城关镇"));
        QVERIFY(code);
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$"))
                    .match(code->code)
                    .hasMatch());
        // Case and dashes do not matter.
        const QString typed = code->code.toLower().remove(QLatin1Char('-'));
        auto r = f.call("POST", sync::enrollPath(), sync::encode(sync::EnrollRequest{typed}));
        QCOMPARE(r.status, 200);
        const auto e = sync::decodeEnrollResponse(r.body);
        QVERIFY(e);
        QCOMPARE(e->stationId, code->stationId);
        QCOMPARE(e->name, QStringLiteral("东村站"));
        QCOMPARE(e->township, QStringLiteral("城关镇"));
        QVERIFY(e->token.startsWith(QLatin1String("czs_")));
        QVERIFY(e->token.size() >= 4 + 43);
        QCOMPARE(
            e->epoch,
            f.rows(QStringLiteral("SELECT value FROM meta WHERE key = 'epoch'")).first().at(0).toString());

        r = f.call("POST", sync::enrollPath(), sync::encode(sync::EnrollRequest{code->code}));
        QCOMPARE(r.status, 401);
        QCOMPARE(errorCode(r), QStringLiteral("enroll.bad_code"));
        r = f.call("POST", sync::enrollPath(),
                   sync::encode(sync::EnrollRequest{QStringLiteral("AAAA-BBBB-CC")}));
        QCOMPARE(r.status, 401);
    }

    void enrolmentCodeExpiresAfterSevenDays() {
        CountyFixture f;
        auto code = county::addStation(*f.store, QStringLiteral("西村站"), QStringLiteral("城关镇"));
        QVERIFY(code);
        *f.now += 7 * kDay + 1;
        const auto r = f.call("POST", sync::enrollPath(), sync::encode(sync::EnrollRequest{code->code}));
        QCOMPARE(r.status, 401);
        QCOMPARE(errorCode(r), QStringLiteral("enroll.bad_code"));
        // A new code works, and the old one stays dead.
        auto renewed = county::renewEnrolmentCode(*f.store, code->stationId);
        QVERIFY(renewed);
        QCOMPARE(f.call("POST", sync::enrollPath(), sync::encode(sync::EnrollRequest{renewed->code})).status,
                 200);
    }

    void onlyTokenHashesAreStored() {
        CountyFixture f;
        const StationLogin s = f.enrolStation();
        auto reviewer = county::addReviewer(*f.store, QStringLiteral("王审核"), QStringLiteral("城关镇"));
        QVERIFY(reviewer);
        QCOMPARE(f.count(QStringLiteral("stations"), QStringLiteral("token_hash = ?"),
                         {county::secretHash(s.token)}),
                 1);
        QCOMPARE(f.count(QStringLiteral("reviewers"), QStringLiteral("token_hash = ?"),
                         {county::secretHash(reviewer->token)}),
                 1);
        for (const QString& table : {QStringLiteral("stations"), QStringLiteral("reviewers")}) {
            for (const county::Row& row : f.rows(QStringLiteral("SELECT * FROM ") + table))
                for (const QVariant& v : row) {
                    QVERIFY(!v.toString().contains(s.token.mid(4, 20)));
                    QVERIFY(!v.toString().contains(reviewer->token.mid(4, 20)));
                }
        }
    }

    void badAndRevokedTokensAre401() {
        CountyFixture f;
        const StationLogin s = f.enrolStation();
        QCOMPARE(f.pull(s, 0).status, 200);
        for (const QString& token : {QStringLiteral("czs_nonsense"), QStringLiteral("garbage"), QString()}) {
            const auto r =
                f.call("POST", sync::pullPath(s.id), sync::encode(sync::PullRequest{0, 10}), token, s.id);
            QCOMPARE(r.status, 401);
            QCOMPARE(errorCode(r), QStringLiteral("auth.bad_token"));
        }
        QVERIFY(county::revokeStation(*f.store, s.id));
        const auto r = f.pull(s, 0);
        QCOMPARE(r.status, 401);
        QCOMPARE(errorCode(r), QStringLiteral("auth.revoked"));
    }

    void otherStationsPathsAre403() {
        CountyFixture f;
        const StationLogin a = f.enrolStation(QStringLiteral("甲站"));
        const StationLogin b = f.enrolStation(QStringLiteral("乙站"));
        const QList<sync::WireOp> ops{
            parcelOp(uuid(), QStringLiteral("parcel.received"), QStringLiteral("waiting"), kStart)};
        const QByteArray pushBody = sync::encode(sync::PushRequest{{}, ops});
        const QByteArray pullBody = sync::encode(sync::PullRequest{0, 10});
        QCOMPARE(errorCode(f.call("POST", sync::pushPath(b.id), pushBody, a.token, a.id)),
                 QStringLiteral("auth.forbidden"));
        QCOMPARE(f.call("POST", sync::pushPath(b.id), pushBody, a.token, b.id).status, 403);
        QCOMPARE(f.call("POST", sync::pushPath(a.id), pushBody, a.token, b.id).status,
                 403); // header names another
        QCOMPARE(f.call("POST", sync::pullPath(b.id), pullBody, a.token, a.id).status, 403);
        QCOMPARE(f.call("GET", sync::summaryPath(b.id), {}, a.token, a.id).status, 403);
        QCOMPARE(f.count(QStringLiteral("ops")), 0);
        QCOMPARE(f.call("GET", sync::summaryPath(a.id), {}, a.token, a.id).status, 200);
    }

    void reviewersReadTheirTownshipOnly() {
        CountyFixture f;
        const StationLogin own = f.enrolStation(QStringLiteral("甲站"), QStringLiteral("城关镇"));
        const StationLogin other = f.enrolStation(QStringLiteral("乙站"), QStringLiteral("河口乡"));
        auto reviewer = county::addReviewer(*f.store, QStringLiteral("王审核"), QStringLiteral("城关镇"));
        QVERIFY(reviewer);
        QCOMPARE(f.call("GET", sync::summaryPath(own.id), {}, reviewer->token).status, 200);
        QCOMPARE(f.call("POST", sync::summaryPath(own.id), {}, reviewer->token).status, 200);
        QCOMPARE(f.call("GET", sync::summaryPath(other.id), {}, reviewer->token).status, 403);
        QCOMPARE(f.call("GET", sync::summaryPath(QStringLiteral("st-unknown")), {}, reviewer->token).status,
                 403);
        const QList<sync::WireOp> ops{
            parcelOp(uuid(), QStringLiteral("parcel.received"), QStringLiteral("waiting"), kStart)};
        QCOMPARE(f.call("POST", sync::pushPath(own.id), sync::encode(sync::PushRequest{{}, ops}),
                        reviewer->token, own.id)
                     .status,
                 403);
        QCOMPARE(f.call("POST", sync::pullPath(own.id), sync::encode(sync::PullRequest{0, 10}),
                        reviewer->token, own.id)
                     .status,
                 403);
        QCOMPARE(f.count(QStringLiteral("ops")), 0);
    }

    void protocolVersions_data() {
        QTest::addColumn<QByteArray>("version");
        QTest::addColumn<int>("status");
        QTest::newRow("current") << QByteArray::number(sync::kProtocolVersion) << 200;
        QTest::newRow("previous") << QByteArray::number(sync::kProtocolVersion - 1) << 200;
        QTest::newRow("next") << QByteArray::number(sync::kProtocolVersion + 1) << 400;
        QTest::newRow("zero") << QByteArray("0") << 400;
        QTest::newRow("text") << QByteArray("two") << 400;
        QTest::newRow("missing") << QByteArray() << 400;
    }
    void protocolVersions() {
        QFETCH(QByteArray, version);
        QFETCH(int, status);
        CountyFixture f;
        const StationLogin s = f.enrolStation();
        const auto r = f.pull(s, 0, 10, version);
        QCOMPARE(r.status, status);
        if (status == 400) {
            QCOMPARE(errorCode(r), QStringLiteral("protocol.unsupported"));
            QVERIFY(sync::decodeErrorBody(r.body)->message.contains(QLatin1String("1 to 2")));
        }
    }

    void unknownPathsAndMethods() {
        CountyFixture f;
        const StationLogin s = f.enrolStation();
        QCOMPARE(f.call("POST", QStringLiteral("/v1/nothing"), {}, s.token, s.id).status, 404);
        QCOMPARE(f.call("POST", QStringLiteral("/v1/stations/") + s.id + QStringLiteral("/delete"), {},
                        s.token, s.id)
                     .status,
                 404);
        QCOMPARE(f.call("GET", sync::pushPath(s.id), {}, s.token, s.id).status, 405);
        QCOMPARE(f.call("GET", sync::enrollPath(), {}).status, 405);
        QCOMPARE(f.call("DELETE", sync::summaryPath(s.id), {}, s.token, s.id).status, 405);
    }

    void malformedBodiesTouchNoDatabase_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not deflated") << QByteArray("hello");
        QTest::newRow("deflated junk") << sync::deflate("\xff\x00\x13 junk");
        QTest::newRow("wrong message") << sync::encode(sync::PullRequest{0, 10});
    }
    void malformedBodiesTouchNoDatabase() {
        QFETCH(QByteArray, body);
        CountyFixture f;
        const StationLogin s = f.enrolStation();
        const QList<qint64> before = f.counts();
        f.store->setFaultInjector({}); // restarts the access count
        const auto r = f.call("POST", sync::pushPath(s.id), body, s.token, s.id);
        QCOMPARE(r.status, 400);
        QCOMPARE(errorCode(r), QStringLiteral("request.malformed"));
        QCOMPARE(f.store->accessCount(), 0);
        QCOMPARE(f.call("POST", sync::enrollPath(), body).status, 400);
        QCOMPARE(f.store->accessCount(), 0);
        QCOMPARE(f.counts(), before);
    }

    void sameBatchTwiceIsAppliedOnce() {
        CountyFixture f;
        const StationLogin s = f.enrolStation();
        const QString parcel = uuid();
        const QList<sync::WireOp> ops{
            parcelOp(parcel, QStringLiteral("parcel.received"), QStringLiteral("waiting"), kStart, uuid()),
            parcelOp(parcel, QStringLiteral("parcel.picked_up"), QStringLiteral("picked_up"), kStart + 1000,
                     {}, {}, 2)};
        const auto first = pushResult(f.push(s, ops));
        QCOMPARE(first.results.size(), 2);
        QCOMPARE(sync::toString(first.results.at(0).outcome), sync::toString(sync::Outcome::Applied));
        QCOMPARE(first.results.at(0).opId, ops.at(0).opId);
        QCOMPARE(sync::toString(first.results.at(1).outcome), sync::toString(sync::Outcome::Applied));
        const QList<qint64> after = f.counts();
        const auto second = pushResult(f.push(s, ops));
        QCOMPARE(sync::toString(second.results.at(0).outcome), sync::toString(sync::Outcome::AlreadyApplied));
        QCOMPARE(sync::toString(second.results.at(1).outcome), sync::toString(sync::Outcome::AlreadyApplied));
        QCOMPARE(f.counts(), after);
        QCOMPARE(f.count(QStringLiteral("ops")), 2);
        QCOMPARE(f.count(QStringLiteral("notices")), 1);
        QCOMPARE(f.rows(QStringLiteral("SELECT status FROM parcels")).first().at(0).toString(),
                 QStringLiteral("picked_up"));
        QCOMPARE(first.epoch, second.epoch);
        QVERIFY(!first.epoch.isEmpty());
    }

    void sameOpIdDifferentBodyIsAConflict() {
        CountyFixture f;
        const StationLogin a = f.enrolStation(QStringLiteral("甲站"));
        const StationLogin b = f.enrolStation(QStringLiteral("乙站"));
        const sync::WireOp op =
            parcelOp(uuid(), QStringLiteral("parcel.received"), QStringLiteral("waiting"), kStart);
        QCOMPARE(sync::toString(pushResult(f.push(a, {op})).results.first().outcome),
                 sync::toString(sync::Outcome::Applied));
        sync::WireOp changed = op;
        changed.kind = QStringLiteral("parcel.picked_up");
        auto payload = changed.payload;
        QJsonObject parcel = payload.value(QStringLiteral("parcel")).toObject();
        parcel.insert(QStringLiteral("status"), QStringLiteral("picked_up"));
        payload.insert(QStringLiteral("parcel"), parcel);
        changed.payload = payload;
        const auto r = pushResult(f.push(a, {changed}));
        QCOMPARE(sync::toString(r.results.first().outcome), sync::toString(sync::Outcome::Conflict));
        QCOMPARE(r.results.first().reasonCode, QStringLiteral("op.conflict"));
        // The same op from another station is a conflict too, never an overwrite.
        QCOMPARE(sync::toString(pushResult(f.push(b, {op})).results.first().outcome),
                 sync::toString(sync::Outcome::Conflict));
        const auto stored =
            f.rows(QStringLiteral("SELECT station_id, kind, digest FROM ops WHERE op_id = ?"), {op.opId});
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.first().at(0).toString(), a.id);
        QCOMPARE(stored.first().at(1).toString(), QStringLiteral("parcel.received"));
        QCOMPARE(stored.first().at(2).toString(), sync::opDigest(op));
        QCOMPARE(f.rows(QStringLiteral("SELECT status FROM parcels")).first().at(0).toString(),
                 QStringLiteral("waiting"));
    }

    void invalidOpsAreRejectedOneByOne() {
        CountyFixture f;
        const StationLogin s = f.enrolStation();
        sync::WireOp unknownEntity =
            parcelOp(uuid(), QStringLiteral("parcel.received"), QStringLiteral("waiting"), kStart);
        unknownEntity.entity = QStringLiteral("spaceship");
        sync::WireOp wrongKind =
            parcelOp(uuid(), QStringLiteral("dispatch.accepted"), QStringLiteral("waiting"), kStart);
        sync::WireOp badStatus =
            parcelOp(uuid(), QStringLiteral("parcel.received"), QStringLiteral("lost"), kStart);
        sync::WireOp newSchema =
            parcelOp(uuid(), QStringLiteral("parcel.received"), QStringLiteral("waiting"), kStart);
        newSchema.schemaVersion = 2;
        sync::WireOp otherParcel =
            parcelOp(uuid(), QStringLiteral("parcel.received"), QStringLiteral("waiting"), kStart);
        otherParcel.entityId = uuid();
        sync::WireOp setting;
        setting.opId = uuid();
        setting.entity = QStringLiteral("setting");
        setting.entityId = QStringLiteral("free_days");
        setting.kind = QStringLiteral("setting.changed");
        setting.payload = {{QStringLiteral("value"), 3}};
        setting.schemaVersion = 1;
        setting.createdAt = kStart;
        const sync::WireOp good =
            parcelOp(uuid(), QStringLiteral("parcel.received"), QStringLiteral("waiting"), kStart);
        sync::WireOp oldSchema =
            parcelOp(uuid(), QStringLiteral("parcel.received"), QStringLiteral("waiting"), kStart);
        oldSchema.schemaVersion = 0;
        const QList<sync::WireOp> ops{unknownEntity, wrongKind, badStatus, oldSchema,
                                      otherParcel,   setting,   good};
        const auto r = pushResult(f.push(s, ops));
        // A known kind under another entity is broken, not new: rejected (an unknown kind is held,
        // see newerKindsAndSchemasAreHeldNotRejected).
        const QStringList codes{QStringLiteral("op.unknown_kind"), QStringLiteral("op.unknown_kind"),
                                QStringLiteral("op.invalid_payload"), QStringLiteral("op.schema_version"),
                                QStringLiteral("op.invalid_payload")};
        for (int i = 0; i < codes.size(); ++i) {
            QCOMPARE(sync::toString(r.results.at(i).outcome), sync::toString(sync::Outcome::Rejected));
            QCOMPARE(r.results.at(i).reasonCode, codes.at(i));
            QVERIFY(!r.results.at(i).reason.isEmpty());
        }
        QCOMPARE(sync::toString(r.results.at(5).outcome), sync::toString(sync::Outcome::Applied));
        QCOMPARE(sync::toString(r.results.at(6).outcome), sync::toString(sync::Outcome::Applied));
        QCOMPARE(f.count(QStringLiteral("ops"), QStringLiteral("outcome = 'rejected'")), 5);
        QCOMPARE(f.count(QStringLiteral("parcels")), 1);
        // A re-sent rejected op gets the same answer.
        const auto again = pushResult(f.push(s, {badStatus}));
        QCOMPARE(sync::toString(again.results.first().outcome), sync::toString(sync::Outcome::Rejected));
        QCOMPARE(again.results.first().reason, r.results.at(2).reason);
        // The summary counts both.
        const auto summary = f.call("GET", sync::summaryPath(s.id), {}, s.token, s.id);
        QCOMPARE(summary.status, 200);
        const QCborMap m = QCborValue::fromCbor(*sync::inflate(summary.body)).toMap();
        QCOMPARE(m.value(QStringLiteral("ops_applied")).toInteger(), 2);
        QCOMPARE(m.value(QStringLiteral("ops_rejected")).toInteger(), 5);
        QCOMPARE(m.value(QStringLiteral("parcels")).toMap().value(QStringLiteral("waiting")).toInteger(), 1);
        QVERIFY(m.value(QStringLiteral("last_seen_at")).toInteger() >= kStart);
        QVERIFY(!m.value(QStringLiteral("epoch")).toString().isEmpty());
    }

    // A station newer than its county: an op of a kind or payload schema the county does not know
    // is stored as held and acknowledged, never rejected; an upgraded county applies it once.
    void newerKindsAndSchemasAreHeldNotRejected() {
        CountyFixture f;
        const StationLogin s = f.enrolStation();
        const QString parcel = uuid();
        sync::WireOp newKind =
            parcelOp(uuid(), QStringLiteral("parcel.weighed"), QStringLiteral("waiting"), kStart);
        sync::WireOp newEntity = newKind;
        newEntity.opId = uuid();
        newEntity.entity = QStringLiteral("lot");
        newEntity.kind = QStringLiteral("lot.graded");
        sync::WireOp newSchema =
            parcelOp(parcel, QStringLiteral("parcel.received"), QStringLiteral("waiting"), kStart, uuid());
        newSchema.schemaVersion = 2;
        const QList<sync::WireOp> ops{newKind, newEntity, newSchema};
        const auto r = pushResult(f.push(s, ops));
        const QStringList codes{QStringLiteral("op.held_unknown_kind"),
                                QStringLiteral("op.held_unknown_kind"),
                                QStringLiteral("op.held_schema_version")};
        for (int i = 0; i < ops.size(); ++i) {
            QCOMPARE(sync::toString(r.results.at(i).outcome), sync::toString(sync::Outcome::Held));
            QCOMPARE(r.results.at(i).reasonCode, codes.at(i));
        }
        QCOMPARE(f.count(QStringLiteral("ops"), QStringLiteral("outcome = 'held'")), 3);
        QCOMPARE(f.count(QStringLiteral("parcels")), 0);
        QCOMPARE(f.count(QStringLiteral("notices")), 0);
        // A re-send answers held again and stores nothing twice; a station from before "held"
        // hears "applied" (it refuses outcomes it does not know) and so acknowledges it too.
        const auto again = pushResult(f.push(s, ops));
        QCOMPARE(sync::toString(again.results.at(2).outcome), sync::toString(sync::Outcome::Held));
        const auto older = pushResult(f.push(s, ops, QByteArray::number(sync::kProtocolVersion), false));
        for (const sync::OpResult& result : older.results) {
            QCOMPARE(sync::toString(result.outcome), sync::toString(sync::Outcome::Applied));
            QVERIFY(result.reasonCode.isEmpty());
        }
        QCOMPARE(f.count(QStringLiteral("ops")), 3);
        {
            auto tx = f.store->begin(county::Tx::Mode::Read);
            QVERIFY(tx.has_value());
            auto stats = county::stationStats(*tx, s.id);
            QVERIFY(stats.has_value());
            QCOMPARE(stats->first().opsHeld, qint64(3));
            QCOMPARE(stats->first().opsRejected, qint64(0));
        }

        // The county learns schema 2 of parcel.received: that op is applied, the others stay held.
        const sync::OpCatalog upgraded =
            sync::OpCatalog::current().withNewestSchema(QStringLiteral("parcel.received"), 2);
        auto run = county::applyHeldOps(*f.store, upgraded);
        QVERIFY2(run, run ? "" : qPrintable(run.error().message));
        QCOMPARE(run->applied, 1);
        QCOMPARE(run->stillHeld, 2);
        QCOMPARE(f.count(QStringLiteral("parcels")), 1);
        QCOMPARE(f.count(QStringLiteral("notices")), 1);
        auto twice = county::applyHeldOps(*f.store, upgraded);
        QVERIFY(twice.has_value());
        QCOMPARE(twice->applied, 0);
        QCOMPARE(twice->stillHeld, 2);
        QCOMPARE(f.count(QStringLiteral("notices")), 1);
        // Applied now: a re-send is already applied (the service still has the old catalogue,
        // which does not matter for ops it has).
        const auto after = pushResult(f.push(s, {newSchema}));
        QCOMPARE(sync::toString(after.results.first().outcome),
                 sync::toString(sync::Outcome::AlreadyApplied));

        // A held op that turns out invalid once known is rejected then, not applied.
        sync::OpKind weighed{QStringLiteral("parcel.weighed"), QStringLiteral("parcel"), 1, 1,
                             sync::PayloadCheck::Parcel};
        sync::OpKind graded{QStringLiteral("lot.graded"), QStringLiteral("lot"), 1, 1,
                            sync::PayloadCheck::Parcel};
        QList<sync::OpKind> kinds = upgraded.kinds();
        kinds << weighed << graded;
        sync::WireOp badParcel =
            parcelOp(uuid(), QStringLiteral("parcel.weighed"), QStringLiteral("lost"), kStart);
        QCOMPARE(sync::toString(pushResult(f.push(s, {badParcel})).results.first().outcome),
                 sync::toString(sync::Outcome::Held));
        auto last = county::applyHeldOps(*f.store, sync::OpCatalog(kinds));
        QVERIFY(last.has_value());
        QCOMPARE(last->applied, 2);
        QCOMPARE(last->rejected, 1);
        QCOMPARE(last->stillHeld, 0);
        QCOMPARE(f.count(QStringLiteral("ops"), QStringLiteral("outcome = 'held'")), 0);
        QCOMPARE(f.count(QStringLiteral("ops"), QStringLiteral("outcome = 'applied'")), 3);
        QCOMPARE(f.count(QStringLiteral("parcels")), 2); // "lot" ops have no projection
        const auto rejected = pushResult(f.push(s, {badParcel}));
        QCOMPARE(sync::toString(rejected.results.first().outcome), sync::toString(sync::Outcome::Rejected));
        QCOMPARE(rejected.results.first().reasonCode, QStringLiteral("op.invalid_payload"));
    }

    void lateOlderStateDoesNotRollBack() {
        CountyFixture f;
        const StationLogin s = f.enrolStation();
        const QString parcel = uuid();
        pushResult(f.push(s, {parcelOp(parcel, QStringLiteral("parcel.picked_up"),
                                       QStringLiteral("picked_up"), kStart + 5000)}));
        pushResult(f.push(
            s, {parcelOp(parcel, QStringLiteral("parcel.received"), QStringLiteral("waiting"), kStart)}));
        QCOMPARE(f.rows(QStringLiteral("SELECT status FROM parcels")).first().at(0).toString(),
                 QStringLiteral("picked_up"));
    }

    void pullPagesInSeqOrder() {
        CountyFixture f;
        const StationLogin a = f.enrolStation(QStringLiteral("甲站"));
        const StationLogin b = f.enrolStation(QStringLiteral("乙站"));
        for (int i = 0; i < 5; ++i) {
            f.addChange({}, QStringLiteral("setting"), QStringLiteral("free_days"),
                        QJsonObject{{QStringLiteral("value"), i}});
            f.addChange(b.id, QStringLiteral("notice_status"), QString::number(i),
                        QJsonObject{{QStringLiteral("state"), QStringLiteral("sent")}});
            f.addChange(a.id, QStringLiteral("notice_status"), QString::number(i),
                        QJsonObject{{QStringLiteral("state"), QStringLiteral("sent")}});
        }
        // Max seq is 15; station a sees seqs 1,3,4,6,7,...
        auto page = pullResult(f.pull(a, 0, 4));
        QVERIFY(page.reset);
        QCOMPARE(seqs(page), (QList<qint64>{1, 3, 4, 6}));
        QVERIFY(page.more);
        QCOMPARE(page.next, 6);
        QCOMPARE(page.changes.first().kind, QStringLiteral("setting"));
        QCOMPARE(page.changes.first().data.value(QStringLiteral("value")).toInt(), 0);
        page = pullResult(f.pull(a, page.next, 4));
        QVERIFY(!page.reset);
        QCOMPARE(seqs(page), (QList<qint64>{7, 9, 10, 12}));
        QVERIFY(page.more);
        page = pullResult(f.pull(a, page.next, 4));
        QCOMPARE(seqs(page), (QList<qint64>{13, 15}));
        QVERIFY(!page.more);
        QCOMPARE(page.next, 15);
        // Nothing new: the cursor stays, past other stations' rows.
        f.addChange(b.id, QStringLiteral("notice_status"), QStringLiteral("x"), QJsonObject{});
        page = pullResult(f.pull(a, 15, 4));
        QVERIFY(page.changes.isEmpty());
        QCOMPARE(page.next, 16);
        QVERIFY(!page.reset);
        // A cursor beyond the end (a restored server) gets a reset.
        QVERIFY(pullResult(f.pull(a, 99, 4)).reset);
    }

    void versionOneNeverGetsPrealerts() {
        CountyFixture f;
        const StationLogin s = f.enrolStation();
        f.addChange(s.id, QStringLiteral("prealert"), QStringLiteral("YT1234567890"),
                    QJsonObject{{QStringLiteral("phone"), QStringLiteral("13800138000")}});
        f.addChange({}, QStringLiteral("setting"), QStringLiteral("free_days"),
                    QJsonObject{{QStringLiteral("value"), 3}});
        const auto v1 = pullResult(f.pull(s, 0, 100, "1"));
        QCOMPARE(v1.changes.size(), 1);
        QCOMPARE(v1.changes.first().kind, QStringLiteral("setting"));
        QCOMPARE(v1.next, 2);
        const auto v2 = pullResult(f.pull(s, 0, 100, "2"));
        QCOMPARE(v2.changes.size(), 2);
        QCOMPARE(v2.changes.first().kind, QStringLiteral("prealert"));
    }

    void compactionKeepsCursorsValid() {
        CountyFixture f;
        const StationLogin s = f.enrolStation();
        f.addChange({}, QStringLiteral("setting"), QStringLiteral("free_days"),
                    QJsonObject{{QStringLiteral("value"), 1}}); // 1
        f.addChange({}, QStringLiteral("setting"), QStringLiteral("fee_per_day_fen"),
                    QJsonObject{{QStringLiteral("value"), 50}}); // 2
        const auto first = pullResult(f.pull(s, 0));
        QCOMPARE(first.next, 2);
        f.addChange({}, QStringLiteral("setting"), QStringLiteral("free_days"),
                    QJsonObject{{QStringLiteral("value"), 2}}); // 3
        f.addChange({}, QStringLiteral("setting"), QStringLiteral("free_days"),
                    QJsonObject{{QStringLiteral("value"), 3}}); // 4
        auto result = county::compact(*f.store, std::nullopt);
        QVERIFY(result);
        QCOMPARE(result->superseded, 2);
        QCOMPARE(result->horizon, 0);
        QCOMPARE(f.count(QStringLiteral("changes")), 2);
        // The old cursor still works and gets the newest value; a fresh station gets both keys once.
        auto page = pullResult(f.pull(s, first.next));
        QVERIFY(!page.reset);
        QCOMPARE(seqs(page), (QList<qint64>{4}));
        QCOMPARE(page.changes.first().data.value(QStringLiteral("value")).toInt(), 3);
        page = pullResult(f.pull(s, 0));
        QCOMPARE(seqs(page), (QList<qint64>{2, 4}));
    }

    void purgeSendsOldCursorsAFullSnapshot() {
        CountyFixture f;
        const StationLogin s = f.enrolStation();
        f.addChange(s.id, QStringLiteral("prealert"), QStringLiteral("YT1"),
                    QJsonObject{{QStringLiteral("phone"), QStringLiteral("13800138000")}}); // 1
        f.addChange({}, QStringLiteral("setting"), QStringLiteral("free_days"),
                    QJsonObject{{QStringLiteral("value"), 3}}); // 2
        f.addChange({}, QStringLiteral("carrier_rules"), QStringLiteral("all"),
                    std::nullopt); // 3, a tombstone
        f.addChange(
            s.id, QStringLiteral("notice_status"), QStringLiteral("n1"),
            QJsonObject{{QStringLiteral("state"), QStringLiteral("sent")}}); // 4, a key that never repeats
        const auto old = pullResult(f.pull(s, 0, 1));
        QCOMPARE(old.next, 1);
        *f.now += 40 * kDay;
        for (int i = 0; i < 3; ++i) // 5, 6, 7
            f.addChange({}, QStringLiteral("setting"), QStringLiteral("k") + QString::number(i),
                        QJsonObject{{QStringLiteral("value"), i}});
        auto result = county::compact(*f.store, 30);
        QVERIFY(result);
        QCOMPARE(result->purged, 3);
        QCOMPARE(result->horizon, 4);
        auto page = pullResult(f.pull(s, old.next, 1));
        QVERIFY(page.reset);
        // Every row up to the horizon, whatever the limit, plus one after it.
        QCOMPARE(seqs(page), (QList<qint64>{2, 5}));
        QVERIFY(page.more);
        QVERIFY(page.next >= result->horizon);
        page = pullResult(f.pull(s, page.next, 10));
        QVERIFY(!page.reset);
        QCOMPARE(seqs(page), (QList<qint64>{6, 7}));
        // A cursor at the horizon is fine.
        QVERIFY(!pullResult(f.pull(s, 4, 10)).reset);
    }

    void everyFailingDatabaseAccessLeavesNothingHalfDone() {
        QLoggingCategory::setFilterRules(QStringLiteral("cunzhan.county.service.warning=false"));
        CountyFixture f;
        f.addChange({}, QStringLiteral("setting"), QStringLiteral("free_days"),
                    QJsonObject{{QStringLiteral("value"), 3}});
        f.addChange({}, QStringLiteral("setting"), QStringLiteral("fee_per_day_fen"),
                    QJsonObject{{QStringLiteral("value"), 50}});
        // One sync (push + pull) by a station of its own, with ids only that station uses.
        const auto batch = [](int salt) {
            QList<sync::WireOp> ops;
            for (int i = 0; i < 3; ++i) {
                const QString parcel = QStringLiteral("p%1").arg(i);
                ops.append(parcelOp(parcel, QStringLiteral("parcel.received"), QStringLiteral("waiting"),
                                    kStart + i, QStringLiteral("n%1-%2").arg(salt).arg(i),
                                    QStringLiteral("13800138000"), i + 1));
            }
            ops.append(parcelOp(QStringLiteral("p0"), QStringLiteral("parcel.picked_up"),
                                QStringLiteral("picked_up"), kStart + 10, {}, {}, 4));
            ops.append(parcelOp(QStringLiteral("p1"), QStringLiteral("parcel.received"),
                                QStringLiteral("lost"), kStart + 11, {}, {}, 5));
            return ops;
        };
        // What a station's data looks like, without its ids.
        const auto state = [&](const QString& station) {
            QStringList out;
            for (const auto& r :
                 f.rows(QStringLiteral("SELECT seq, entity, entity_id, kind, outcome, reason_code FROM ops "
                                       "WHERE station_id = ? ORDER BY seq"),
                        {station}))
                out.append(QStringLiteral("op ") + QVariant(r).toStringList().join(QLatin1Char('|')));
            for (const auto& r : f.rows(QStringLiteral("SELECT parcel_id, waybill, status, updated_at FROM "
                                                       "parcels WHERE station_id = ? ORDER BY parcel_id"),
                                        {station}))
                out.append(QStringLiteral("parcel ") + QVariant(r).toStringList().join(QLatin1Char('|')));
            for (const auto& r :
                 f.rows(QStringLiteral("SELECT parcel_id, kind, phone, pickup_code, state FROM notices WHERE "
                                       "station_id = ? ORDER BY parcel_id"),
                        {station}))
                out.append(QStringLiteral("notice ") + QVariant(r).toStringList().join(QLatin1Char('|')));
            return out;
        };
        const auto sync = [&](const StationLogin& s, const QList<sync::WireOp>& ops,
                              sync::PullResponse* pulled) {
            const auto pushed = f.push(s, ops);
            if (pushed.status != 200)
                return pushed.status;
            const auto r = f.pull(s, 0, 1);
            if (r.status == 200)
                *pulled = pullResult(r);
            return r.status;
        };

        const StationLogin reference = f.enrolStation(QStringLiteral("参照站"));
        sync::PullResponse expectedPull;
        f.store->setFaultInjector({});
        QCOMPARE(sync(reference, batch(0), &expectedPull), 200);
        const int accesses = f.store->accessCount();
        QVERIFY(accesses > 10);
        const QStringList expected = state(reference.id);
        QCOMPARE(expected.size(), 5 + 3 + 3);

        const qint64 changesBefore = f.count(QStringLiteral("changes"));
        for (int i = 0; i < accesses; ++i) {
            const StationLogin s = f.enrolStation(QStringLiteral("站%1").arg(i));
            // Every station's first request writes last_seen_at; and each station syncs on a day of
            // its own, as all of them text the same number (at most kMaxSmsPerNumberPerDay a day).
            *f.now += 24LL * 3600 * 1000;
            f.store->setFaultInjector([i](int access) { return access == i; });
            sync::PullResponse pulled;
            const QList<sync::WireOp> ops = batch(i + 1);
            const int status = sync(s, ops, &pulled);
            f.store->setFaultInjector({});
            QCOMPARE(status, 500);
            const QStringList partial = state(s.id);
            QVERIFY2(partial.isEmpty() || partial == expected,
                     qPrintable(QStringLiteral("access %1").arg(i)));
            QCOMPARE(sync(s, ops, &pulled), 200);
            QCOMPARE(state(s.id), expected);
            QCOMPARE(seqs(pulled), seqs(expectedPull));
            QCOMPARE(pulled.next, expectedPull.next);
            QCOMPARE(f.count(QStringLiteral("changes")), changesBefore);
        }
    }
};

QTEST_GUILESS_MAIN(TstCountyService)
#include "tst_county_service.moc"
