// The write path's storage (issue 9): the acting user on events, cash entries and ops; pickup fees in
// the cash book with reversals on undo; compact outbox payloads that read back to the same JSON; the
// pruning of acknowledged ops (retention honoured, refused and pending ops kept, short batches).
#include "dispatch.h"
#include "fixture.h"
#include "outboxcodec.h"
#include "retention.h"
#include "sampledispatch.h"
#include "writetx.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>
#include <atomic>

using namespace cz;

namespace {

QStringList column(test::Fixture& f, const QString& sql) {
    QStringList out;
    auto q = f.station->ctx->database().exec(sql);
    if (!q)
        qFatal("%s: %s", qPrintable(sql), qPrintable(q.error().message));
    while ((*q)->next())
        out << (*q)->value(0).toString();
    (*q)->finish();
    return out;
}

QByteArray canonical(const QJsonObject& o) {
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// Acknowledges every op as the sync client would, at the clock's time, with the given result.
void acknowledge(test::Fixture& f, const QString& result, const QString& where = QStringLiteral("1")) {
    QVERIFY(
        f.station->ctx->database()
            .exec(QStringLiteral("UPDATE outbox SET acked_at = ?, result = ? WHERE acked_at IS NULL AND ") +
                      where,
                  {f.clock->nowMs(), result})
            .has_value());
}

} // namespace

class TestStorage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void actorOnEveryRow();
    void actorCanBeSet();
    void pickupFeeInCashBook();
    void noCashEntryWithoutFee();
    void failedHandoverWritesNoCash();
    void payloadRoundTrip();
    void storedPayloadIsCompact();
    void writtenPayloadIsTheParcelsJson();
    void oldJsonPayloadsStillRead();
    void retentionHonoured();
    void refusedAndPendingOpsKept();
    void pruneInBatches();
    void pruneDoesNotBlockReceive();
    void retentionSetting();
    void noticesOfParcelsGonePruned();
    void historyKeptAfterMigration();
    void placeLoadsFollowEveryChange();
};

void TestStorage::actorOnEveryRow() {
    test::Fixture f(QStringLiteral("1-2:2x3"));
    QVERIFY(f.station->setup.setSetting(QStringLiteral("fee_per_day_fen"), QStringLiteral("50")).has_value());
    const Parcel p = f.receive(QStringLiteral("YT000000000001"), QStringLiteral("13812345678"));
    f.clock->advance(5 * test::kDay);
    QVERIFY(f.station->pickup.handOver({p.id}).has_value());
    DispatchDesk desk(*f.station->ctx);
    QVERIFY(desk.importRates(QStringLiteral("YTO,广东省,粤-20,1200,600,30000")).has_value());
    const DispatchRequest r = test::sampleDispatchRequest();
    auto d = desk.accept(r);
    QVERIFY2(d.has_value(), d ? "" : qPrintable(d.error().message));

    for (const char* table : {"parcel_event", "dispatch_event", "cash_entry", "outbox"}) {
        const QStringList actors =
            column(f, QStringLiteral("SELECT DISTINCT actor FROM %1").arg(QLatin1String(table)));
        QCOMPARE(actors, QStringList{QStringLiteral("station")});
    }
    QCOMPARE(f.rows(QStringLiteral("cash_entry")), 2); // the storage fee and the dispatch fee
    // The county gets the actor in the payload; the stored payload does not repeat it.
    auto q = f.station->ctx->database().exec(
        QStringLiteral("SELECT payload, actor FROM outbox WHERE kind = 'parcel.picked_up'"));
    QVERIFY(q && (*q)->next());
    QVERIFY(!decodeOpPayload((*q)->value(0)).contains(QStringLiteral("actor")));
    QCOMPARE(opPayloadForWire((*q)->value(0), (*q)->value(1)).value(QStringLiteral("actor")).toString(),
             QStringLiteral("station"));
    (*q)->finish();
}

void TestStorage::actorCanBeSet() {
    test::Fixture f;
    QCOMPARE(f.station->ctx->actor(), QStringLiteral("station"));
    f.station->ctx->setActor(QStringLiteral("clerk:li"));
    const Parcel p = f.receive(QStringLiteral("YT000000000001"), QStringLiteral("1234"));
    QCOMPARE(column(f, QStringLiteral("SELECT actor FROM parcel_event")),
             QStringList{QStringLiteral("clerk:li")});
    QCOMPARE(column(f, QStringLiteral("SELECT actor FROM outbox WHERE entity_id = '%1'").arg(p.id)),
             QStringList{QStringLiteral("clerk:li")});
    f.station->ctx->setActor({});
    QCOMPARE(f.station->ctx->actor(), QStringLiteral("station"));
}

void TestStorage::pickupFeeInCashBook() {
    test::Fixture f;
    QVERIFY(f.station->setup.setSetting(QStringLiteral("fee_per_day_fen"), QStringLiteral("50")).has_value());
    const Parcel a = f.receive(QStringLiteral("YT000000000001"), QStringLiteral("13812345678"));
    const Parcel b = f.receive(QStringLiteral("YT000000000002"), QStringLiteral("13812345678"));
    f.clock->advance(5 * test::kDay); // 5 started days, 3 free: 2 × 50 fen each
    auto done = f.station->pickup.handOver({a.id, b.id});
    QVERIFY(done.has_value());
    QCOMPARE(done->totalFeeFen, 200);
    QCOMPARE(f.rows(QStringLiteral("cash_entry"), QStringLiteral("kind = 'pickup_fee' AND amount_fen = 100")),
             2);
    QCOMPARE(column(f, QStringLiteral("SELECT sum(amount_fen) FROM cash_entry")),
             QStringList{QStringLiteral("200")});
    QCOMPARE(column(f, QStringLiteral("SELECT note FROM cash_entry WHERE ref = '%1'").arg(a.id)),
             QStringList{a.waybill});
    // The event names its cash entry, so the county can follow the money.
    const QStringList cashIds = column(f, QStringLiteral("SELECT id FROM cash_entry"));
    auto q = f.station->ctx->database().exec(
        QStringLiteral("SELECT data FROM parcel_event WHERE kind = 'picked_up'"));
    QVERIFY(q.has_value());
    int named = 0;
    while ((*q)->next())
        named += cashIds.contains(
            decodeOpPayload((*q)->value(0)).value(QStringLiteral("cash_entry_id")).toString());
    (*q)->finish();
    QCOMPARE(named, 2);

    // Undo: a reversing entry, the original stays.
    f.clock->advance(60 * 1000);
    QVERIFY(f.station->pickup.undoPickup(a.id).has_value());
    QCOMPARE(f.rows(QStringLiteral("cash_entry")), 3);
    QCOMPARE(
        f.rows(QStringLiteral("cash_entry"),
               QStringLiteral("kind = 'pickup_fee_reversal' AND amount_fen = -100 AND ref = '%1'").arg(a.id)),
        1);
    QCOMPARE(column(f, QStringLiteral("SELECT sum(amount_fen) FROM cash_entry")),
             QStringList{QStringLiteral("100")});
    // Handed over again later: charged again (the fee at that time).
    QVERIFY(f.station->pickup.handOver({a.id}).has_value());
    QCOMPARE(f.rows(QStringLiteral("cash_entry"), QStringLiteral("kind = 'pickup_fee'")), 3);
}

void TestStorage::noCashEntryWithoutFee() {
    test::Fixture f; // fee_per_day_fen is 0 by default
    const Parcel a = f.receive(QStringLiteral("YT000000000001"), QStringLiteral("1234"));
    f.clock->advance(10 * test::kDay);
    QVERIFY(f.station->pickup.handOver({a.id}).has_value());
    QVERIFY(f.station->pickup.undoPickup(a.id).has_value());
    QCOMPARE(f.rows(QStringLiteral("cash_entry")), 0);
}

void TestStorage::failedHandoverWritesNoCash() {
    test::Fixture f;
    QVERIFY(f.station->setup.setSetting(QStringLiteral("fee_per_day_fen"), QStringLiteral("50")).has_value());
    const Parcel a = f.receive(QStringLiteral("YT000000000001"), QStringLiteral("13812345678"));
    const Parcel b = f.receive(QStringLiteral("YT000000000002"), QStringLiteral("13987654321"));
    f.clock->advance(5 * test::kDay);
    auto refused = f.station->pickup.handOver({a.id, b.id}); // two people, not confirmed
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, QStringLiteral("pickup.several_people"));
    QCOMPARE(f.rows(QStringLiteral("cash_entry")), 0);
}

void TestStorage::payloadRoundTrip() {
    const QJsonObject payloads[] = {
        {{QStringLiteral("event_id"), QStringLiteral("0190f3a2-7b1c-7def-8a00-00000000beef")},
         {QStringLiteral("at"), qint64(1795827600123)},
         {QStringLiteral("data"), QJsonObject{{QStringLiteral("kept_together"), false},
                                              {QStringLiteral("unknown_key"), QStringLiteral("中文")}}},
         {QStringLiteral("parcel"), QJsonObject{{QStringLiteral("id"), QStringLiteral("not-a-uuid")},
                                                {QStringLiteral("layer"), 2},
                                                {QStringLiteral("fee_fen"), qint64(0)},
                                                {QStringLiteral("phone"), QString()},
                                                {QStringLiteral("picked_up_at"), QJsonValue()}}}},
        // Upper-case or braced UUIDs are text, kept as they were.
        {{QStringLiteral("a"), QStringLiteral("0190F3A2-7B1C-7DEF-8A00-00000000BEEF")},
         {QStringLiteral("b"), QStringLiteral("{0190f3a2-7b1c-7def-8a00-00000000beef}")},
         {QStringLiteral("slots"), QJsonArray{QJsonObject{{QStringLiteral("slot"), QStringLiteral("1-1")},
                                                          {QStringLiteral("capacity"), 30}}}},
         {QStringLiteral("ratio"), 1.25},
         {QStringLiteral("big"), qint64(1) << 60},
         {QStringLiteral("neg"), -7}},
        // Near-UUIDs stay text: the nil UUID, a letter beyond f, a hyphen out of place.
        {{QStringLiteral("n"), QStringLiteral("00000000-0000-0000-0000-000000000000")},
         {QStringLiteral("g"), QStringLiteral("0190f3a2-7b1c-7def-8a00-00000000beeg")},
         {QStringLiteral("h"), QStringLiteral("0190f3a27-b1c-7def-8a00-00000000beef")},
         {QStringLiteral("t"), true},
         {QStringLiteral("huge"), 1e300},
         {QStringLiteral("empty"), QJsonArray{}}},
        {},
    };
    for (const QJsonObject& p : payloads) {
        const QByteArray stored = encodeOpPayload(p);
        const QJsonObject back = decodeOpPayload(QVariant(stored));
        QCOMPARE(canonical(back), canonical(p)); // the digest hashes this text
        QCOMPARE(back, p);
    }
    // A canonical UUID is stored as its 16 bytes (tag, length and the bytes: 19), not 36 characters.
    const QByteArray uuid =
        encodeOpPayload({{QStringLiteral("id"), QStringLiteral("0190f3a2-7b1c-7def-8a00-00000000beef")}});
    QCOMPARE(uuid.size(), 1 + 1 + 19);
}

void TestStorage::storedPayloadIsCompact() {
    test::Fixture f;
    const Parcel p = f.receive(QStringLiteral("YT000000000001"), QStringLiteral("13812345678"),
                               QStringLiteral("YTO"), QStringLiteral("王芳"));
    auto q = f.station->ctx->database().exec(QStringLiteral("SELECT payload FROM outbox WHERE entity_id = ?"),
                                             {p.id});
    QVERIFY(q && (*q)->next());
    const QVariant stored = (*q)->value(0);
    (*q)->finish();
    QCOMPARE(stored.typeId(), QMetaType::QByteArray);
    const QJsonObject payload = decodeOpPayload(stored);
    QCOMPARE(
        payload.value(QStringLiteral("parcel")).toObject().value(QStringLiteral("pickup_code")).toString(),
        p.pickupCode);
    const qsizetype json = canonical(payload).size();
    QVERIFY2(
        stored.toByteArray().size() * 2 < json,
        qPrintable(
            QStringLiteral("%1 bytes stored for %2 of JSON").arg(stored.toByteArray().size()).arg(json)));
}

// Parcel::writePayload writes what toJson() gives, once decoded: with and without the optional fields,
// with an empty phone and name, and through a real receive and handover (ParcelStore::recordChange).
void TestStorage::writtenPayloadIsTheParcelsJson() {
    Parcel p;
    p.id = QStringLiteral("0190f3a2-7b1c-7def-8a00-00000000beef");
    p.waybill = QStringLiteral("YT000000000001");
    p.carrier = QStringLiteral("YTO");
    p.phoneTail = QStringLiteral("5678");
    p.shelf = QStringLiteral("A");
    p.layer = 3;
    p.pickupCode = QStringLiteral("A-3-1001");
    p.receivedAt = 1795827600123;
    Parcel full = p;
    full.phone = QStringLiteral("13812345678");
    full.name = QStringLiteral("王芳");
    full.status = ParcelStatus::PickedUp;
    full.pickedUpAt = 1795827700000;
    full.collector = QStringLiteral("李四");
    full.returnReason = QStringLiteral("拒收");
    full.feeFen = 150;
    for (const Parcel& parcel : {p, full}) {
        PayloadWriter out;
        parcel.writePayload(out);
        QCOMPARE(decodeOpPayload(QVariant(out.take())), parcel.toJson());
    }

    test::Fixture f;
    const Parcel received = f.receive(QStringLiteral("YT000000000002"), QStringLiteral("13812345678"),
                                      QStringLiteral("YTO"), QStringLiteral("王芳"));
    QVERIFY(f.station->pickup.handOver({received.id}).has_value());
    auto q = f.station->ctx->database().exec(
        QStringLiteral("SELECT kind, payload FROM outbox WHERE entity_id = ? ORDER BY seq"), {received.id});
    QVERIFY(q.has_value());
    QStringList kinds;
    while ((*q)->next()) {
        kinds << (*q)->value(0).toString();
        const QJsonObject payload = decodeOpPayload((*q)->value(1));
        const auto stored = f.station->queries.parcel(received.id);
        QVERIFY(stored.has_value());
        const QJsonObject parcel = payload.value(QStringLiteral("parcel")).toObject();
        QCOMPARE(parcel.value(QStringLiteral("id")).toString(), received.id);
        QCOMPARE(parcel.value(QStringLiteral("pickup_code")).toString(), received.pickupCode);
        QCOMPARE(payload.value(QStringLiteral("at")).toInteger(), f.clock->nowMs());
        QVERIFY(!payload.value(QStringLiteral("event_id")).toString().isEmpty());
        QVERIFY(payload.value(QStringLiteral("data")).isObject());
        if (kinds.last() == QLatin1String("parcel.picked_up"))
            QCOMPARE(parcel, stored->toJson());
    }
    (*q)->finish();
    QCOMPARE(kinds, (QStringList{QStringLiteral("parcel.received"), QStringLiteral("parcel.picked_up")}));
}

void TestStorage::oldJsonPayloadsStillRead() {
    const QJsonObject p{{QStringLiteral("at"), 5}, {QStringLiteral("key"), QStringLiteral("free_days")}};
    QCOMPARE(decodeOpPayload(QVariant(QString::fromUtf8(canonical(p)))), p);
    QCOMPARE(decodeOpPayload(QVariant(canonical(p))), p);
    // An op written before the actor existed is sent as it was first sent.
    QCOMPARE(opPayloadForWire(QVariant(QString::fromUtf8(canonical(p))), QVariant()), p);
}

void TestStorage::retentionHonoured() {
    test::Fixture f;
    const Parcel old = f.receive(QStringLiteral("YT000000000001"), QStringLiteral("1234"));
    acknowledge(f, QStringLiteral("applied"));
    f.clock->advance(20 * test::kDay);
    const Parcel recent = f.receive(QStringLiteral("YT000000000002"), QStringLiteral("1234"));
    acknowledge(f, QStringLiteral("already_applied"));
    const int before = f.rows(QStringLiteral("outbox"));

    // 20 days after the first acknowledgement: nothing is 30 days old yet.
    auto r = pruneOutbox(f.station->ctx->database(), *f.clock);
    QVERIFY(r.has_value());
    QCOMPARE(r->pruned, 0);
    QCOMPARE(f.rows(QStringLiteral("outbox")), before);

    f.clock->advance(10 * test::kDay + 1);
    r = pruneOutbox(f.station->ctx->database(), *f.clock);
    QVERIFY(r.has_value());
    // The station's setup ops and the first receive were acknowledged 30 days ago; the second not yet.
    QCOMPARE(f.rows(QStringLiteral("outbox"), QStringLiteral("entity_id = '%1'").arg(old.id)), 0);
    QCOMPARE(f.rows(QStringLiteral("outbox"), QStringLiteral("entity_id = '%1'").arg(recent.id)), 1);
    QCOMPARE(r->pruned, before - 1);
    // The parcel's own history is untouched: only the sync record goes.
    QCOMPARE(f.rows(QStringLiteral("parcel_event"), QStringLiteral("parcel_id = '%1'").arg(old.id)), 1);

    // A shorter retention from the setting.
    QVERIFY(
        f.station->setup.setSetting(settings::kOutboxRetentionDays.name(), QStringLiteral("5")).has_value());
    acknowledge(f, QStringLiteral("applied"));
    f.clock->advance(6 * test::kDay);
    r = pruneOutbox(f.station->ctx->database(), *f.clock);
    QVERIFY(r.has_value());
    QCOMPARE(f.rows(QStringLiteral("outbox")), 0);
}

void TestStorage::refusedAndPendingOpsKept() {
    test::Fixture f;
    f.receive(QStringLiteral("YT000000000001"), QStringLiteral("1234"));
    acknowledge(f, QStringLiteral("rejected"));
    f.receive(QStringLiteral("YT000000000002"), QStringLiteral("1234"));
    acknowledge(f, QStringLiteral("conflict"));
    f.receive(QStringLiteral("YT000000000003"), QStringLiteral("1234")); // never acknowledged
    const int before = f.rows(QStringLiteral("outbox"));
    f.clock->advance(400 * test::kDay);
    auto r = pruneOutbox(f.station->ctx->database(), *f.clock, {1, 1, 0, -1});
    QVERIFY(r.has_value());
    QCOMPARE(r->pruned, 0);
    QCOMPARE(f.rows(QStringLiteral("outbox")), before);
    QCOMPARE(f.rows(QStringLiteral("outbox"), QStringLiteral("acked_at IS NULL")), 1);
}

void TestStorage::pruneInBatches() {
    test::Fixture f(QStringLiteral("1-4:5x50"));
    for (int i = 0; i < 60; ++i)
        f.receive(QStringLiteral("YT%1").arg(100000000000LL + i), QStringLiteral("%1").arg(1000 + i));
    acknowledge(f, QStringLiteral("applied"));
    const int total = f.rows(QStringLiteral("outbox"));
    f.clock->advance(31 * test::kDay);
    // Two batches of 25 only, then the rest.
    auto r = pruneOutbox(f.station->ctx->database(), *f.clock, {-1, 25, 0, 2});
    QVERIFY(r.has_value());
    QCOMPARE(r->batches, 2);
    QCOMPARE(r->pruned, 50);
    QCOMPARE(f.rows(QStringLiteral("outbox")), total - 50);
    QVERIFY(!f.station->ctx->database().inTransaction());
    r = pruneOutbox(f.station->ctx->database(), *f.clock, {-1, 25, 0, -1});
    QVERIFY(r.has_value());
    QCOMPARE(r->pruned, total - 50);
    QCOMPARE(f.rows(QStringLiteral("outbox")), 0);
}

// Pruning on its own connection (as the terminal's sync worker does) while the counter receives:
// the counter's connection waits at most its busy timeout, here 2 s instead of 5, and every
// receive must succeed while thousands of ops are pruned.
void TestStorage::pruneDoesNotBlockReceive() {
    test::Fixture f(QStringLiteral("1-4:5x100"));
    // History: 20 000 acknowledged ops from long ago, written directly (fast).
    {
        auto& db = f.station->ctx->database();
        QVERIFY(db.beginWrite().has_value());
        UuidV7Source ids(*f.clock);
        const QByteArray payload = encodeOpPayload({{QStringLiteral("x"), QString(300, QLatin1Char('a'))}});
        for (int i = 0; i < 20000; ++i)
            QVERIFY(
                db.exec(QStringLiteral("INSERT INTO outbox(op_id, entity, entity_id, kind, payload,"
                                       " schema_version, created_at, acked_at, result, actor)"
                                       " VALUES (?, 'parcel', 'p', 'parcel.received', ?, 1, ?, ?, 'applied',"
                                       " 'station')"),
                        {ids.newId(), payload, f.clock->nowMs(), f.clock->nowMs()})
                    .has_value());
        QVERIFY(db.commit().has_value());
    }
    f.clock->advance(40 * test::kDay);
    const QString path = f.path();
    auto counter = StationContext::open(path, OpenOptions{2000, -1}, f.clock);
    QVERIFY(counter.has_value());
    Inbound counterInbound(**counter);

    const int pendingBefore = f.rows(QStringLiteral("outbox"), QStringLiteral("acked_at IS NULL"));
    std::atomic<bool> done{false};
    Result<PruneReport> report = PruneReport{};
    QThread* pruner = QThread::create([&] {
        auto db = Database::open(path);
        if (db)
            report = pruneOutbox(**db, *f.clock, {-1, 500, 30, -1});
        else
            report = fail(db.error());
        done = true;
    });
    pruner->start();
    int received = 0;
    while (!done || received < 5) {
        auto r = counterInbound.receive({QStringLiteral("YT%1").arg(200000000000LL + received),
                                         QStringLiteral("5678"),
                                         {},
                                         QStringLiteral("YTO"),
                                         {}});
        QVERIFY2(r.has_value(), r ? "" : qPrintable(r.error().code + QLatin1Char(' ') + r.error().message));
        ++received;
        QThread::msleep(5); // a busy counter, not a flood
    }
    pruner->wait();
    delete pruner;
    QVERIFY2(report.has_value(), report ? "" : qPrintable(report.error().message));
    QVERIFY(report->pruned >= 20000);
    QVERIFY(report->batches >= 40);
    QCOMPARE(f.rows(QStringLiteral("outbox"), QStringLiteral("acked_at IS NULL")), pendingBefore + received);
}

void TestStorage::retentionSetting() {
    test::Fixture f;
    QCOMPARE(f.station->ctx->settings().outboxRetentionDays, 30);
    QVERIFY(f.station->setup.setSetting(QStringLiteral("outbox_retention_days"), QStringLiteral("90"))
                .has_value());
    QCOMPARE(f.station->ctx->settings().outboxRetentionDays, 90);
    auto bad = f.station->setup.setSetting(QStringLiteral("outbox_retention_days"), QStringLiteral("0"));
    QVERIFY(!bad);
    QCOMPARE(bad.error().code, QStringLiteral("setting.range"));
}

void TestStorage::noticesOfParcelsGonePruned() {
    test::Fixture f;
    const Parcel gone = f.receive(QStringLiteral("YT000000000001"), QStringLiteral("1234"));
    const Parcel waiting = f.receive(QStringLiteral("YT000000000002"), QStringLiteral("5678"));
    QVERIFY(f.station->pickup.handOver({gone.id}).has_value());
    f.clock->advance(29 * test::kDay);
    auto r = pruneNotifications(f.station->ctx->database(), *f.clock);
    QVERIFY(r.has_value());
    QCOMPARE(r->pruned, 0);
    f.clock->advance(2 * test::kDay);
    r = pruneNotifications(f.station->ctx->database(), *f.clock);
    QVERIFY(r.has_value());
    QCOMPARE(r->pruned, 1);
    QCOMPARE(f.rows(QStringLiteral("notification"), QStringLiteral("parcel_id = '%1'").arg(gone.id)), 0);
    QCOMPARE(f.rows(QStringLiteral("notification"), QStringLiteral("parcel_id = '%1'").arg(waiting.id)), 1);
}

// A station of schema 4 keeps its events (now by parcel, with the station as their actor) and its
// ops (no actor: sent as before).
void TestStorage::historyKeptAfterMigration() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.db"));
    auto clock = std::make_shared<ManualClock>(test::kStart);
    Parcel p;
    {
        auto old = StationContext::open(path, OpenOptions{5000, 4}, clock);
        QVERIFY(old.has_value());
        QCOMPARE((*old)->database().schemaVersion(), 4);
        QVERIFY((*old)->database().beginWrite().has_value());
        for (const char* sql :
             {"INSERT INTO parcel(id, waybill, carrier, phone_tail, delivery_pref, status, in_station,"
              " received_at, updated_at) VALUES ('p1', 'YT1', 'YTO', '1234', 'pickup', 'waiting', 1, 1, 1)",
              "INSERT INTO parcel_event(id, parcel_id, kind, at, data) VALUES ('e1', 'p1', 'received', 1, "
              "'{}')",
              "INSERT INTO parcel_event(id, parcel_id, kind, at, data) VALUES ('e2', 'p1', 'moved', 2, '{}')",
              "INSERT INTO outbox(op_id, entity, entity_id, kind, payload, schema_version, created_at)"
              " VALUES ('o1', 'parcel', 'p1', 'parcel.received', '{\"at\":1}', 1, 1)"})
            QVERIFY((*old)->database().exec(QString::fromLatin1(sql)).has_value());
        QVERIFY((*old)->database().commit().has_value());
    }
    auto now = StationContext::open(path, {}, clock);
    QVERIFY(now.has_value());
    auto& db = (*now)->database();
    QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
    auto q = db.exec(
        QStringLiteral("SELECT id, kind, actor FROM parcel_event WHERE parcel_id = 'p1' ORDER BY at"));
    QVERIFY(q.has_value());
    QStringList events;
    while ((*q)->next())
        events << (*q)->value(0).toString() + QLatin1Char(' ') + (*q)->value(1).toString() +
                      QLatin1Char(' ') + (*q)->value(2).toString();
    (*q)->finish();
    QCOMPARE(events,
             (QStringList{QStringLiteral("e1 received station"), QStringLiteral("e2 moved station")}));
    QVERIFY(db.scalar(QStringLiteral("SELECT actor FROM outbox WHERE op_id = 'o1'"))->isNull());
    QCOMPARE(db.scalar(QStringLiteral("PRAGMA foreign_key_check"))->isValid(), false);
}

// slot.waiting, kept by triggers, always equals the waiting parcels counted on each place.
void TestStorage::placeLoadsFollowEveryChange() {
    test::Fixture f(QStringLiteral("1-2:2x3"));
    const auto check = [&f](const char* when) {
        const int wrong =
            f.rows(QStringLiteral("slot s"),
                   QStringLiteral("s.waiting <> (SELECT count(*) FROM parcel p WHERE p.status = 'waiting'"
                                  " AND p.shelf = s.shelf AND p.layer = s.layer)"));
        QVERIFY2(wrong == 0, when);
    };
    QList<Parcel> parcels;
    for (int i = 0; i < 8; ++i)
        parcels << f.receive(QStringLiteral("YT%1").arg(100000000000LL + i),
                             QStringLiteral("%1").arg(1000 + i % 3));
    check("after receiving");
    QCOMPARE(f.rows(QStringLiteral("slot"), QStringLiteral("waiting > 0")) > 0, true);
    QVERIFY(f.station->pickup.handOver({parcels[0].id}).has_value());
    check("after a handover");
    QVERIFY(f.station->pickup.undoPickup(parcels[0].id).has_value());
    check("after an undo");
    QVERIFY(f.station->overdue.markForReturn(parcels[1].id, ReturnReason::Refused).has_value());
    check("after marking for return");
    QVERIFY(f.station->setup.setShelfLayout(QStringLiteral("1-3:2x3")).has_value());
    check("after adding a shelf");
    auto loads = f.station->shelves.slotLoads();
    QVERIFY(loads.has_value());
    int total = 0;
    for (const SlotLoad& l : *loads)
        total += l.waiting;
    QCOMPARE(total, f.rows(QStringLiteral("parcel"), QStringLiteral("status = 'waiting'")));
}

QTEST_GUILESS_MAIN(TestStorage)
#include "tst_storage.moc"
