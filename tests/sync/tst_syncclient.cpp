// The station's sync engine against a scripted county over a fake network: enrolment, push with
// results recorded in the acknowledging transaction, rejected ops that never block, lost responses,
// a failed database access at every point of a sync, pulled pages with their cursor, resets,
// epochs, unknown kinds, refusals and the USB batch.
#include "exportbatch.h"
#include "signing.h"
#include "syncfixture.h"

#include <QFile>
#include <QJsonArray>

using namespace cz;
using namespace cz::sync;
using czt::SyncFixture;

class TestSyncClient : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void enrolStoresTheStation();
    void enrolRefusals();
    void notEnrolled();
    void pushRecordsResultsAndAcks();
    void rejectedOpIsKeptAndNeverBlocks();
    void lostResponseIsResentAsAlreadyApplied();
    void droppedRequestIsRetried();
    void failedAccessAtEveryPointRecovers();
    void pullStoresPagesWithTheCursor();
    void resetDropsCountyRows();
    void epochChangeResendsEverything();
    void unknownKindsAreSkipped();
    void unauthorizedAndUnavailable();
    void exportBatchHoldsTheUnackedOps();
    void exportBatchInSignedParts();
};

void TestSyncClient::enrolStoresTheStation() {
    SyncFixture f;
    auto s = f.engine.store().status();
    QVERIFY(s.has_value());
    QVERIFY(s->enrolled);
    QCOMPARE(s->serverUrl, QStringLiteral("https://county.test:8443"));
    QCOMPARE(s->stationId, f.county.stationId);
    QCOMPARE(s->epoch, f.county.epoch);
    QCOMPARE(s->cursor, 0);
    QCOMPARE(f.net.baseUrl(), QStringLiteral("https://county.test:8443"));
    QCOMPARE(f.county.paths, QStringList{enrollPath()});
    // Enrolment wrote no outbox op.
    QCOMPARE(f.ops(), 1);
}

void TestSyncClient::enrolRefusals() {
    SyncFixture f(false);
    auto bad = f.engine.enroll(QStringLiteral("https://county.test"), QStringLiteral("WRONG"));
    QVERIFY(!bad.has_value());
    QCOMPARE(bad.error().kind, ErrorKind::BadInput);
    QVERIFY2(bad.error().message.contains(QStringLiteral("unknown enrolment code")),
             qPrintable(bad.error().message));
    for (const char* url : {"ftp://county.test", "county.test", "https://county.test/path", ""}) {
        auto r = f.engine.enroll(QString::fromLatin1(url), f.county.code);
        QVERIFY2(!r.has_value(), url);
        QCOMPARE(r.error().code, QStringLiteral("sync.bad_url"));
    }
    QCOMPARE(f.county.paths.size(), 1); // bad addresses never reach the network
    QVERIFY(!f.engine.store().status()->enrolled);
}

void TestSyncClient::notEnrolled() {
    SyncFixture f(false);
    auto r = f.engine.runOnce();
    QVERIFY(!r.has_value());
    QCOMPARE(r.error().code, kErrNotEnrolled);
    QVERIFY(f.county.paths.isEmpty());
}

void TestSyncClient::pushRecordsResultsAndAcks() {
    SyncFixture f;
    for (int i = 0; i < 4; ++i)
        f.receive();
    f.engine.setBatchSize(2);
    QList<std::pair<int, int>> progress;
    auto r = f.engine.runOnce([&](int done, int total) { progress.append({done, total}); });
    QVERIFY2(r.has_value(), r ? "" : qPrintable(r.error().message));
    QCOMPARE(r->pushed, 5);
    QCOMPARE(progress, (QList<std::pair<int, int>>{{0, 5}, {2, 5}, {4, 5}, {5, 5}}));
    QVERIFY(f.converged());
    QCOMPARE(f.station.rows(QStringLiteral("outbox"),
                            QStringLiteral("result = 'applied' AND acked_at IS NOT NULL")),
             5);
    // Every request carried the protocol version, the station and the token (the fake refuses others).
    QCOMPARE(f.county.paths.count(pushPath(f.county.stationId)), 3);
    auto s = f.engine.store().status();
    QCOMPARE(s->pending, 0);
    QCOMPARE(s->lastSuccessAt, f.station.clock->nowMs());
    QCOMPARE(s->lastAttemptAt, f.station.clock->nowMs());
    QVERIFY(s->lastError.isEmpty());
    // Nothing left: a second run pushes nothing.
    QCOMPARE(f.engine.runOnce()->pushed, 0);
}

void TestSyncClient::rejectedOpIsKeptAndNeverBlocks() {
    SyncFixture f;
    f.receive();
    const QString bad = f.receive();
    const QString after = f.receive();
    f.county.rejectEntities.insert(bad);
    auto r = f.engine.runOnce();
    QVERIFY(r.has_value());
    QCOMPARE(r->rejected, 1);
    QCOMPARE(f.pending(), 0);
    QCOMPARE(f.result(after), QStringLiteral("applied"));
    QCOMPARE(f.result(bad), QStringLiteral("rejected"));
    auto s = f.engine.store().status();
    QCOMPARE(s->rejected.size(), 1);
    QCOMPARE(s->rejected.first().entityId, bad);
    QCOMPARE(s->rejected.first().kind, QStringLiteral("parcel.received"));
    QCOMPARE(s->rejected.first().reasonCode, QStringLiteral("parcel.unknown_recipient"));
    QCOMPARE(s->rejected.first().reason, QStringLiteral("The county does not know this recipient."));
    const QJsonObject json = s->toJson();
    QCOMPARE(json.value(QStringLiteral("rejected")).toArray().size(), 1);
    // Later ops keep flowing.
    const QString later = f.receive();
    QVERIFY(f.engine.runOnce().has_value());
    QCOMPARE(f.result(later), QStringLiteral("applied"));
}

void TestSyncClient::lostResponseIsResentAsAlreadyApplied() {
    SyncFixture f;
    f.receive();
    f.receive();
    f.net.failNext(NetFault::LoseResponse);
    auto r = f.engine.runOnce();
    QVERIFY(!r.has_value());
    QCOMPARE(r.error().kind, ErrorKind::Unavailable);
    QCOMPARE(f.county.applied.size(), 3); // the county has them ...
    QCOMPARE(f.pending(), 3);             // ... the station does not know yet
    QVERIFY(!f.engine.store().status()->lastError.isEmpty());
    QVERIFY(f.engine.runOnce().has_value());
    QVERIFY(f.converged());
    QCOMPARE(f.county.applied.size(), 3);
    QCOMPARE(f.station.rows(QStringLiteral("outbox"), QStringLiteral("result = 'already_applied'")), 3);
    QVERIFY(f.engine.store().status()->lastError.isEmpty());
}

void TestSyncClient::droppedRequestIsRetried() {
    SyncFixture f;
    f.receive();
    f.net.failNext(NetFault::DropBeforeSend, 3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(f.engine.runOnce().error().kind, ErrorKind::Unavailable);
    QVERIFY(f.county.applied.isEmpty());
    QVERIFY(f.engine.runOnce().has_value());
    QVERIFY(f.converged());
}

void TestSyncClient::failedAccessAtEveryPointRecovers() {
    // Counts the accesses of a clean run, then fails each one in turn on a fresh station.
    auto prepare = [](SyncFixture& f) {
        for (int i = 0; i < 3; ++i)
            f.receive();
        f.engine.setBatchSize(2);
        f.county.publish(QStringLiteral("setting"), QStringLiteral("free_days"),
                         {{QStringLiteral("value"), 5}});
        f.county.publish(QStringLiteral("prealert"), QStringLiteral("YT900000000001"),
                         {{QStringLiteral("phone"), QStringLiteral("13812345678")},
                          {QStringLiteral("van_date"), QStringLiteral("2026-11-28")}});
        f.county.publish(QStringLiteral("prealert"), QStringLiteral("YT900000000002"),
                         {{QStringLiteral("phone"), QStringLiteral("13812345679")},
                          {QStringLiteral("van_date"), QStringLiteral("2026-11-28")}});
    };
    int accesses = 0;
    {
        SyncFixture f;
        prepare(f);
        f.station.station->ctx->database().setFaultInjector([&](int) {
            ++accesses;
            return false;
        });
        QVERIFY(f.engine.runOnce().has_value());
    }
    QVERIFY(accesses > 10);
    for (int i = 0; i < accesses; ++i) {
        SyncFixture f;
        prepare(f);
        Database& db = f.station.station->ctx->database();
        db.setFaultInjector([i](int access) { return access == i; });
        auto failed = f.engine.runOnce();
        QVERIFY2(!failed.has_value(),
                 qPrintable(QStringLiteral("access %1 failed but the sync succeeded").arg(i)));
        QVERIFY(!db.inTransaction());
        // Acknowledgements come a whole batch at a time; the cursor only with its rows.
        const int acked = 4 - f.pending();
        QVERIFY2(acked == 0 || acked == 2 || acked == 4,
                 qPrintable(QStringLiteral("access %1: %2 acked").arg(i).arg(acked)));
        const qint64 cursor = f.engine.store().status()->cursor;
        const int prealerts = f.station.rows(QStringLiteral("prealert"));
        QVERIFY2(
            (cursor == 0 && prealerts == 0) || (cursor == 13 && prealerts == 1) ||
                (cursor == 16 && prealerts == 2),
            qPrintable(
                QStringLiteral("access %1: cursor %2 with %3 pre-alerts").arg(i).arg(cursor).arg(prealerts)));
        db.setFaultInjector({});
        auto again = f.engine.runOnce();
        QVERIFY2(again.has_value(),
                 qPrintable(
                     QStringLiteral("access %1: %2").arg(i).arg(again ? QString() : again.error().message)));
        QVERIFY2(f.converged(), qPrintable(QStringLiteral("access %1: not converged").arg(i)));
        QCOMPARE(f.engine.store().status()->cursor, 16);
        QCOMPARE(f.station.rows(QStringLiteral("prealert")), 2);
        QCOMPARE(
            f.station.rows(QStringLiteral("setting"), QStringLiteral("key = 'free_days' AND value = '5'")),
            1);
    }
}

void TestSyncClient::pullStoresPagesWithTheCursor() {
    SyncFixture f;
    f.county.pageSize = 2;
    f.county.publish(QStringLiteral("carrier_rules"), QStringLiteral("all"),
                     {{QStringLiteral("carriers"),
                       QJsonArray{QJsonObject{{QStringLiteral("code"), QStringLiteral("NEWCO")},
                                              {QStringLiteral("name_zh"), QStringLiteral("新快递")},
                                              {QStringLiteral("name_en"), QStringLiteral("New Co")},
                                              {QStringLiteral("sort"), 12}}}},
                      {QStringLiteral("rules"),
                       QJsonArray{QJsonObject{{QStringLiteral("carrier"), QStringLiteral("NEWCO")},
                                              {QStringLiteral("pattern"), QStringLiteral("^NC\\d{10}$")},
                                              {QStringLiteral("priority"), 100}},
                                  QJsonObject{{QStringLiteral("carrier"), QStringLiteral("NOSUCH")},
                                              {QStringLiteral("pattern"), QStringLiteral("^X$")},
                                              {QStringLiteral("priority"), 1}}}}});
    f.county.publish(QStringLiteral("setting"), QStringLiteral("fee_per_day_fen"),
                     {{QStringLiteral("value"), 50}});
    f.county.publish(
        QStringLiteral("prealert"), QStringLiteral("NC0000000001"),
        {{QStringLiteral("carrier"), QStringLiteral("NEWCO")},
         {QStringLiteral("phone"), QStringLiteral("13812345678")},
         {QStringLiteral("name"), QStringLiteral("王五")},
         {QStringLiteral("van_date"), localDate(f.station.clock->nowMs()).toString(Qt::ISODate)}});
    f.county.publish(QStringLiteral("prealert"), QStringLiteral("YT777"), {},
                     true); // delete of one never held
    const QString notice = f.station.station->ctx->database()
                               .scalar(QStringLiteral("SELECT id FROM notification LIMIT 1"))
                               ->toString();
    QVERIFY(notice.isEmpty()); // no parcel yet: make one to have a notice
    f.receive();
    const QString noticeId =
        f.station.station->ctx->database().scalar(QStringLiteral("SELECT id FROM notification"))->toString();
    f.county.publish(QStringLiteral("notice_status"), noticeId,
                     {{QStringLiteral("state"), QStringLiteral("delivered")}, {QStringLiteral("at"), 1}});

    auto r = f.engine.runOnce();
    QVERIFY(r.has_value());
    QCOMPARE(r->pulled, 5);
    QCOMPARE(f.county.paths.count(pullPath(f.county.stationId)), 3);
    QCOMPARE(f.engine.store().status()->cursor, f.county.changes.last().seq);
    QCOMPARE(f.station.rows(QStringLiteral("carrier_rule")), 1);
    QCOMPARE(f.station.rows(QStringLiteral("carrier"), QStringLiteral("code = 'NEWCO'")), 1);
    QCOMPARE(f.station.rows(QStringLiteral("notification"), QStringLiteral("state = 'delivered'")), 1);
    QCOMPARE(f.pending(), 0); // nothing pulled was echoed into the outbox
    QCOMPARE(f.ops(), 2);
    QVERIFY(f.station.station->ctx->refresh().has_value());
    QCOMPARE(f.station.station->ctx->settings().feePerDayFen, 50);
    QCOMPARE(f.station.station->ctx->carriers().detect(QStringLiteral("NC1234567890")).size(), 1);
    // The pre-alert's carrier came down with the rules: receiving it needs no phone and no carrier.
    auto received =
        f.station.station->inbound.receive({QStringLiteral("NC0000000001"), {}, {}, {}, std::nullopt});
    QVERIFY2(received.has_value(), received ? "" : qPrintable(received.error().message));
    QCOMPARE(received->parcel.carrier, QStringLiteral("NEWCO"));
    QCOMPARE(received->parcel.name, QStringLiteral("王五"));

    // Next run asks after the stored cursor and gets nothing new.
    const qsizetype before = f.county.paths.size();
    QCOMPARE(f.engine.runOnce()->pulled, 0);
    QCOMPARE(f.county.paths.size(), before + 2);
}

void TestSyncClient::resetDropsCountyRows() {
    SyncFixture f;
    const QJsonObject alert{{QStringLiteral("phone"), QStringLiteral("13812345678")},
                            {QStringLiteral("van_date"), QStringLiteral("2026-11-28")}};
    f.county.publish(QStringLiteral("prealert"), QStringLiteral("YT900000000001"), alert);
    f.county.publish(QStringLiteral("prealert"), QStringLiteral("YT900000000002"), alert);
    QVERIFY(f.engine.runOnce().has_value());
    QCOMPARE(f.station.rows(QStringLiteral("prealert")), 2);
    const int rules = f.station.rows(QStringLiteral("carrier_rule"));
    // The county compacted its history: the old pre-alerts are gone from it, one new one is there.
    f.county.changes.clear();
    f.county.publish(QStringLiteral("prealert"), QStringLiteral("YT900000000003"), alert);
    f.county.horizon = 1000;
    QVERIFY(f.engine.runOnce().has_value());
    QCOMPARE(f.station.rows(QStringLiteral("prealert")), 1);
    QCOMPARE(f.station.rows(QStringLiteral("prealert"), QStringLiteral("waybill = 'YT900000000003'")), 1);
    QCOMPARE(f.station.rows(QStringLiteral("carrier_rule")), rules);
}

void TestSyncClient::epochChangeResendsEverything() {
    SyncFixture f;
    for (int i = 0; i < 3; ++i)
        f.receive();
    f.county.publish(QStringLiteral("setting"), QStringLiteral("free_days"), {{QStringLiteral("value"), 4}});
    QVERIFY(f.engine.runOnce().has_value());
    QCOMPARE(f.engine.store().status()->cursor, 10);
    // Restored from a backup that had only the first two ops and no changes yet.
    f.county.restoreBackup(QStringLiteral("epoch-2"), 2);
    f.county.changes.clear();
    f.county.publish(QStringLiteral("setting"), QStringLiteral("free_days"), {{QStringLiteral("value"), 6}});
    f.receive();
    auto r = f.engine.runOnce();
    QVERIFY2(r.has_value(), r ? "" : qPrintable(r.error().message));
    QVERIFY(r->epochChanged);
    QCOMPARE(r->pushed, 5);
    QVERIFY(f.converged());
    // The two the backup kept, and the new one the first push of this run delivered before the
    // station saw the new epoch; the two the restore lost were applied again.
    QCOMPARE(f.station.rows(QStringLiteral("outbox"), QStringLiteral("result = 'already_applied'")), 3);
    QCOMPARE(f.station.rows(QStringLiteral("outbox"), QStringLiteral("result = 'applied'")), 2);
    auto s = f.engine.store().status();
    QCOMPARE(s->epoch, QStringLiteral("epoch-2"));
    QCOMPARE(s->cursor, 10);
    QCOMPARE(f.station.rows(QStringLiteral("setting"), QStringLiteral("key = 'free_days' AND value = '6'")),
             1);
}

void TestSyncClient::unknownKindsAreSkipped() {
    SyncFixture f;
    f.county.publish(QStringLiteral("weather_report"), QStringLiteral("today"),
                     {{QStringLiteral("sky"), QStringLiteral("blue")}});
    f.county.publish(QStringLiteral("setting"), QStringLiteral("undo_window_min"),
                     {{QStringLiteral("value"), 1}});
    f.county.publish(QStringLiteral("prealert"), QStringLiteral("YT1"),
                     {{QStringLiteral("phone"), QStringLiteral("")}});
    f.county.publish(QStringLiteral("setting"), QStringLiteral("unclaimed_after_days"),
                     {{QStringLiteral("value"), 9}});
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("skipped change 10 .*unknown kind")));
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("skipped change 13 .*not a county setting")));
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("skipped change 16 .*no waybill, phone")));
    QVERIFY(f.engine.runOnce().has_value());
    QCOMPARE(f.engine.store().status()->cursor, 19);
    QCOMPARE(f.station.rows(QStringLiteral("setting"),
                            QStringLiteral("key = 'unclaimed_after_days' AND value = '9'")),
             1);
    QCOMPARE(
        f.station.rows(QStringLiteral("setting"), QStringLiteral("key = 'undo_window_min' AND value = '10'")),
        1);
}

void TestSyncClient::unauthorizedAndUnavailable() {
    SyncFixture f;
    f.receive();
    f.county.forcedStatus = 503;
    auto down = f.engine.runOnce();
    QCOMPARE(down.error().kind, ErrorKind::Unavailable);
    QCOMPARE(down.error().code, kErrServerUnavailable);
    f.county.forcedStatus = 400;
    auto bad = f.engine.runOnce();
    QCOMPARE(bad.error().kind, ErrorKind::Internal);
    QVERIFY(bad.error().message.contains(QStringLiteral("forced by the test")));
    f.county.forcedStatus = 0;
    f.county.revoked = true;
    auto revoked = f.engine.runOnce();
    QCOMPARE(revoked.error().code, kErrUnauthorized);
    QCOMPARE(revoked.error().kind, ErrorKind::Conflict);
    QCOMPARE(f.engine.store().status()->lastError, revoked.error().message);
    QCOMPARE(f.pending(), 2);
    // Re-enrolment with a new code and token: same county, same epoch, nothing re-sent twice.
    f.county.revoked = false;
    f.county.token = QStringLiteral("new-token");
    const auto again = f.engine.enroll(QStringLiteral("https://county.test:8443/"), f.county.code);
    QVERIFY2(again.has_value(), again ? "" : qPrintable(again.error().message));
    QVERIFY(f.engine.runOnce().has_value());
    QVERIFY(f.converged());
}

void TestSyncClient::exportBatchHoldsTheUnackedOps() {
    SyncFixture f;
    f.receive();
    QVERIFY(f.engine.runOnce().has_value());
    f.receive();
    f.receive();
    const QStringList unacked = f.opIds(QStringLiteral("acked_at IS NULL"));
    QCOMPARE(unacked.size(), 2);
    const QString path = f.station.dir.filePath(QStringLiteral("usb/batch.czb"));
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    auto n = exportBatch(f.engine.store(), path);
    QVERIFY(n.has_value());
    QCOMPARE(n->ops, 2);
    QCOMPARE(n->files, QStringList{path});
    QVERIFY(n->isSigned); // enrolment made the key
    QFile file(path);
    // Phone numbers inside: the owner's only.
    QCOMPARE(file.permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto batch = decodeBatch(file.readAll());
    QVERIFY2(batch, qPrintable(batch.error));
    QCOMPARE(batch->stationId, f.county.stationId);
    QStringList ids;
    for (const WireOp& op : batch->ops)
        ids << op.opId;
    QCOMPARE(ids, unacked);
    QCOMPARE(batch->ops.first().kind, QStringLiteral("parcel.received"));
    QCOMPARE(f.pending(), 2); // exporting acknowledges nothing
    // Not enrolled: no batch, no file.
    SyncFixture other(false);
    const QString none = other.station.dir.filePath(QStringLiteral("none.czb"));
    QCOMPARE(exportBatch(other.engine.store(), none).error().code, kErrNotEnrolled);
    QVERIFY(!QFile::exists(none));
}

void TestSyncClient::exportBatchInSignedParts() {
    SyncFixture f;
    for (int i = 0; i < 5; ++i)
        f.receive();
    const QStringList unacked = f.opIds(QStringLiteral("acked_at IS NULL"));
    const QString path = f.station.dir.filePath(QStringLiteral("big.czb"));
    auto n = exportBatch(f.engine.store(), path, 2);
    QVERIFY(n.has_value());
    QCOMPARE(n->ops, unacked.size());
    const int parts = int((unacked.size() + 1) / 2);
    QCOMPARE(n->files.size(), parts);
    QCOMPARE(n->files.first(), f.station.dir.filePath(QStringLiteral("big-part1of%1.czb").arg(parts)));
    const auto key = publicKeyOf(f.engine.store().enrolment()->batchKey);
    QVERIFY(key.has_value());
    QStringList ids;
    QString batchId;
    for (int i = 0; i < parts; ++i) {
        QFile file(n->files.at(i));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const BatchFile split = splitBatchFile(file.readAll());
        QVERIFY(verifyBytes(*key, split.body, split.signature));
        const auto batch = decodeBatch(split.body);
        QVERIFY2(batch, qPrintable(batch.error));
        QCOMPARE(batch->part, i + 1);
        QCOMPARE(batch->parts, parts);
        QVERIFY(batch->ops.size() <= 2);
        QVERIFY(batchId.isEmpty() || batch->batchId == batchId);
        batchId = batch->batchId;
        for (const WireOp& op : batch->ops)
            ids << op.opId;
    }
    QCOMPARE(ids, unacked);
}

QTEST_GUILESS_MAIN(TestSyncClient)
#include "tst_syncclient.moc"
