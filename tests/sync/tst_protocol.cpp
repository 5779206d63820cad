// The wire format: round trips, compactness and strict, bounded decoding.
#include "protocol.h"

#include <QCborArray>
#include <QCborMap>
#include <QTest>

using namespace cz::sync;

namespace {
WireOp sampleOp(int i) {
    WireOp op;
    op.opId = QStringLiteral("0190f3a2-7b1c-7def-8a00-%1").arg(i, 12, 10, QLatin1Char('0'));
    op.seq = i;
    op.entity = QStringLiteral("parcel");
    op.entityId = QStringLiteral("0190f3a2-7b1c-7def-9a00-%1").arg(i, 12, 10, QLatin1Char('0'));
    op.kind = QStringLiteral("parcel.received");
    op.payload = {
        {QStringLiteral("at"), qint64(1795827600000) + i},
        {QStringLiteral("parcel"),
         QJsonObject{{QStringLiteral("waybill"), QStringLiteral("SF%1").arg(qint64(1000000000000) + i)},
                     {QStringLiteral("status"), QStringLiteral("waiting")}}}};
    op.schemaVersion = 1;
    op.createdAt = 1795827600000 + i;
    return op;
}
} // namespace

class TestProtocol : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pushRoundTrip() {
        PushRequest req{QStringLiteral("epoch-1"), {sampleOp(1), sampleOp(2)}};
        const auto back = decodePushRequest(encode(req));
        QVERIFY2(back, qPrintable(back.error));
        QCOMPARE(back->epoch, req.epoch);
        QCOMPARE(back->ops.size(), 2);
        QCOMPARE(back->ops[1].opId, req.ops[1].opId);
        QCOMPARE(back->ops[1].payload, req.ops[1].payload);
        QCOMPARE(opDigest(back->ops[1]), opDigest(req.ops[1]));
        QVERIFY(opDigest(req.ops[0]) != opDigest(req.ops[1]));
    }
    void digestIgnoresSeqButNotPayload() {
        WireOp a = sampleOp(3);
        WireOp b = a;
        b.seq = 99;
        QCOMPARE(opDigest(a), opDigest(b));
        b.payload.insert(QStringLiteral("x"), 1);
        QVERIFY(opDigest(a) != opDigest(b));
    }
    void pushResponseRoundTrip() {
        PushResponse resp{
            QStringLiteral("e"),
            {{sampleOp(1).opId, Outcome::Applied, {}, {}},
             {sampleOp(2).opId, Outcome::Rejected, QStringLiteral("op.unknown_kind"), QStringLiteral("no")}}};
        const auto back = decodePushResponse(encode(resp));
        QVERIFY2(back, qPrintable(back.error));
        QCOMPARE(back->results.size(), 2);
        QCOMPARE(toString(back->results[1].outcome), QStringLiteral("rejected"));
        QCOMPARE(back->results[1].reasonCode, QStringLiteral("op.unknown_kind"));
    }
    // "held" (outcome 4) travels with its reason; a push says whether the station understands it,
    // and a push from before "held" (no "hold" key) decodes as not understanding it.
    void heldOutcomeAndItsFlag() {
        const PushResponse resp{QStringLiteral("e"),
                                {{sampleOp(1).opId, Outcome::Held, QStringLiteral("op.held_unknown_kind"),
                                  QStringLiteral("later")}}};
        const auto back = decodePushResponse(encode(resp));
        QVERIFY2(back, qPrintable(back.error));
        QCOMPARE(toString(back->results.first().outcome), QStringLiteral("held"));
        QCOMPARE(back->results.first().reasonCode, QStringLiteral("op.held_unknown_kind"));
        const auto understands = decodePushRequest(encode(PushRequest{{}, {sampleOp(1)}, true}));
        QVERIFY(understands);
        QVERIFY(understands->understandsHeld);
        const auto old = decodePushRequest(encode(PushRequest{{}, {sampleOp(1)}}));
        QVERIFY(old);
        QVERIFY(!old->understandsHeld);
        QCborMap wrongType;
        wrongType.insert(QStringLiteral("ops"), QCborArray{});
        wrongType.insert(QStringLiteral("hold"), QStringLiteral("yes"));
        QVERIFY(!decodePushRequest(deflate(wrongType.toCborValue().toCbor())));
    }
    void pullRoundTrip() {
        PullResponse resp;
        resp.epoch = QStringLiteral("e");
        resp.next = 42;
        resp.more = true;
        resp.changes = {{41,
                         QStringLiteral("setting"),
                         QStringLiteral("free_days"),
                         {{QStringLiteral("value"), QStringLiteral("5")}},
                         false},
                        {42, QStringLiteral("prealert"), QStringLiteral("SF1"), {}, true}};
        const auto back = decodePullResponse(encode(resp));
        QVERIFY2(back, qPrintable(back.error));
        QCOMPARE(back->next, 42);
        QVERIFY(back->more);
        QVERIFY(!back->reset);
        QVERIFY(back->changes[1].deleted);
        QCOMPARE(back->changes[0].data.value(QStringLiteral("value")).toString(), QStringLiteral("5"));
    }
    void malformedBodiesAreRefused() {
        QVERIFY(!decodePushRequest(QByteArray("not deflate")));
        QVERIFY(!decodePushRequest(deflate(QByteArray("\xff\xff", 2))));
        // An op with a 15-byte id.
        QCborMap m;
        m.insert(QStringLiteral("ops"),
                 QCborArray{QCborArray{QCborValue(QByteArray(15, 'x')), 1, QStringLiteral("parcel"),
                                       QStringLiteral("p"), QStringLiteral("k"), QCborMap{}, 1, 1}});
        const auto bad = decodePushRequest(deflate(m.toCborValue().toCbor()));
        QVERIFY(!bad);
        QVERIFY(bad.error.contains(QStringLiteral("16 bytes")));
        // Truncated deflate data.
        const QByteArray good = encode(PushRequest{{}, {sampleOp(1)}});
        QVERIFY(decodePushRequest(good));
        QVERIFY(!decodePushRequest(good.left(good.size() - 3)));
        // Pull limit out of range.
        QVERIFY(!decodePullRequest(encode(PullRequest{0, kMaxChangesPerPull + 1})));
    }
    void deflateBombIsRefused() {
        const QByteArray zeros(kMaxInflatedBytes + 1, '\0');
        const QByteArray bomb = deflate(zeros);
        QVERIFY(bomb.size() < kMaxBodyBytes);
        QVERIFY(!inflate(bomb).has_value());
        QVERIFY(inflate(deflate(QByteArray(1000, 'a'))).has_value());
    }
    void batchRoundTrip() {
        Batch b{QStringLiteral("st-1"), {}};
        for (int i = 0; i < kMaxOpsPerPush + 5; ++i)
            b.ops.append(sampleOp(i));
        const auto back = decodeBatch(encode(b));
        QVERIFY2(back, qPrintable(back.error));
        QCOMPARE(back->ops.size(), b.ops.size());
        QCOMPARE(back->stationId, QStringLiteral("st-1"));
        QVERIFY(!decodeBatch(encode(PushRequest{{}, {sampleOp(1)}})));
    }
    void enrolmentInvites() {
        const EnrolmentInvite invite{QStringLiteral("https://county.example.cn:8443/"),
                                     QStringLiteral("7P2W-8KXF-6F")};
        const QString text = encodeInvite(invite);
        QVERIFY(text.startsWith(QStringLiteral("cunzhan-enroll:?")));
        const auto back = parseInvite(QStringLiteral("  ") + text + QStringLiteral("\n"));
        QVERIFY(back.has_value());
        QCOMPARE(back->serverUrl, invite.serverUrl);
        QCOMPARE(back->code, invite.code);
        QVERIFY(!parseInvite(QStringLiteral("7P2W-8KXF-6F")).has_value());
        QVERIFY(!parseInvite(QStringLiteral("cunzhan-enroll:?code=X")).has_value()); // no server
    }
    void stationPaths() {
        QString id, verb;
        QVERIFY(parseStationPath(pushPath(QStringLiteral("abc")), &id, &verb));
        QCOMPARE(id, QStringLiteral("abc"));
        QCOMPARE(verb, QStringLiteral("push"));
        QVERIFY(!parseStationPath(QStringLiteral("/v1/stations//push"), &id, &verb));
        QVERIFY(!parseStationPath(QStringLiteral("/v2/stations/a/push"), &id, &verb));
    }
};

QTEST_GUILESS_MAIN(TestProtocol)
#include "tst_protocol.moc"
