// County administration on SQLite or PostgreSQL: carrier rules, settings and pre-alerts published
// as changes (all-or-nothing), notices sent by the SMS dispatcher, USB batches, stats.
#include "admin.h"
#include "countyfixture.h"
#include "sms.h"
#include "stats.h"

#include <QFile>
#include <QJsonArray>

using namespace cz;
using namespace cz::test;

namespace {

sync::PullResponse pullAll(CountyFixture& f, const StationLogin& s) {
    const auto r = f.pull(s, 0, 1000);
    const auto d = sync::decodePullResponse(r.body);
    if (r.status != 200 || !d)
        qFatal("pull failed: %d", r.status);
    return *d;
}

QByteArray rulesJson(const QString& pattern, const QString& carrier = QStringLiteral("YTO")) {
    const QJsonObject root{
        {QStringLiteral("carriers"),
         QJsonArray{QJsonObject{{QStringLiteral("code"), QStringLiteral("YTO")},
                                {QStringLiteral("name_zh"), QStringLiteral("圆通")},
                                {QStringLiteral("name_en"), QStringLiteral("YTO Express")},
                                {QStringLiteral("sort"), 1}}}},
        {QStringLiteral("rules"), QJsonArray{QJsonObject{{QStringLiteral("carrier"), carrier},
                                                         {QStringLiteral("pattern"), pattern},
                                                         {QStringLiteral("priority"), 10}}}}};
    return QJsonDocument(root).toJson();
}

} // namespace

class TstCountyAdmin : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { CZ_REQUIRE_BACKEND(); }

    void rulesArePublishedWholeOrNotAtAll() {
        CountyFixture f;
        const StationLogin s = f.enrolStation();
        QVERIFY(county::importRules(*f.store, rulesJson(QStringLiteral("^YT\\d{12,13}$"))));
        const auto bad = county::importRules(*f.store, rulesJson(QStringLiteral("^YT(\\d{12")));
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, QStringLiteral("rules.invalid"));
        QVERIFY(bad.error().details.first().startsWith(QLatin1String("rules[0]")));
        QCOMPARE(county::importRules(*f.store, rulesJson(QStringLiteral("^SF\\d+$"), QStringLiteral("SF")))
                     .error()
                     .code,
                 QStringLiteral("rules.invalid"));
        QCOMPARE(county::importRules(*f.store, "{not json").error().code, QStringLiteral("rules.bad_file"));
        QCOMPARE(f.count(QStringLiteral("changes")), 1);
        const auto page = pullAll(f, s);
        QCOMPARE(page.changes.size(), 1);
        QCOMPARE(page.changes.first().kind, QStringLiteral("carrier_rules"));
        QCOMPARE(page.changes.first().key, QStringLiteral("all"));
        QCOMPARE(page.changes.first()
                     .data.value(QStringLiteral("rules"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("pattern"))
                     .toString(),
                 QStringLiteral("^YT\\d{12,13}$"));
    }

    void settingsAreValidated() {
        CountyFixture f;
        const StationLogin a = f.enrolStation(QStringLiteral("甲站"));
        const StationLogin b = f.enrolStation(QStringLiteral("乙站"));
        QVERIFY(county::setSetting(*f.store, QStringLiteral("free_days"), QStringLiteral("3")));
        QVERIFY(county::setSetting(*f.store, QStringLiteral("fee_per_day_fen"), QStringLiteral("50"), b.id));
        QCOMPARE(county::setSetting(*f.store, QStringLiteral("colour"), QStringLiteral("1")).error().code,
                 QStringLiteral("setting.unknown"));
        QCOMPARE(county::setSetting(*f.store, QStringLiteral("free_days"), QStringLiteral("-1")).error().code,
                 QStringLiteral("setting.bad_value"));
        QCOMPARE(
            county::setSetting(*f.store, QStringLiteral("free_days"), QStringLiteral("abc")).error().code,
            QStringLiteral("setting.bad_value"));
        QCOMPARE(county::setSetting(*f.store, QStringLiteral("free_days"), QStringLiteral("2"),
                                    QStringLiteral("st-none"))
                     .error()
                     .kind,
                 ErrorKind::NotFound);
        QCOMPARE(f.count(QStringLiteral("changes")), 2);
        const auto forA = pullAll(f, a);
        QCOMPARE(forA.changes.size(), 1);
        QCOMPARE(forA.changes.first().key, QStringLiteral("free_days"));
        QCOMPARE(forA.changes.first().data.value(QStringLiteral("value")).toInt(), 3);
        QCOMPARE(pullAll(f, b).changes.size(), 2);
    }

    void prealertsImport() {
        CountyFixture f;
        const StationLogin a = f.enrolStation(QStringLiteral("甲站"));
        const StationLogin b = f.enrolStation(QStringLiteral("乙站"));
        const QByteArray good = "waybill,carrier,phone,name,station,van_date\r\n"
                                "YT764306505052,YTO,13800138000,张三,甲站,2026-11-29\r\n"
                                "SF1385628716739,SF,13912345678,\"李, 四\"," +
                                b.id.toUtf8() + ",2026-11-30\r\n";
        auto n = county::importPrealerts(*f.store, good);
        QVERIFY2(n, n ? "" : qPrintable(n.error().details.join(QLatin1Char('\n'))));
        QCOMPARE(*n, 2);
        const auto page = pullAll(f, a);
        QCOMPARE(page.changes.size(), 1);
        QCOMPARE(page.changes.first().kind, QStringLiteral("prealert"));
        QCOMPARE(page.changes.first().key, QStringLiteral("YT764306505052"));
        QCOMPARE(page.changes.first().data.value(QStringLiteral("name")).toString(), QStringLiteral("张三"));
        QCOMPARE(page.changes.first().data.value(QStringLiteral("van_date")).toString(),
                 QStringLiteral("2026-11-29"));
        QCOMPARE(pullAll(f, b).changes.first().data.value(QStringLiteral("name")).toString(),
                 QStringLiteral("李, 四"));

        const QByteArray bad = "waybill,carrier,phone,name,station,van_date\n"
                               "YT111111111111,YTO,13800138000,王五,甲站,2026-11-29\n"
                               "YT222222222222,YTO,12345,王五,甲站,2026-11-29\n"
                               "YT333333333333,YTO,13800138000,王五,丙站,2026-02-30\n";
        auto r = county::importPrealerts(*f.store, bad);
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("prealert.invalid"));
        QCOMPARE(r.error().details.size(), 3);
        QVERIFY(r.error().details.at(0).startsWith(QLatin1String("line 3:")));
        QVERIFY(r.error().details.at(1).startsWith(QLatin1String("line 4:")));
        QCOMPARE(county::importPrealerts(*f.store, "waybill,phone\nx,y\n").error().code,
                 QStringLiteral("prealert.bad_header"));
        QCOMPARE(f.count(QStringLiteral("changes")), 2);
        // Two stations with the same name: the name is ambiguous.
        f.enrolStation(QStringLiteral("甲站"));
        QVERIFY(!county::importPrealerts(*f.store, "waybill,carrier,phone,name,station,van_date\n"
                                                   "YT444444444444,YTO,13800138000,,甲站,2026-11-29\n"));
    }

    void aClaimedNoticeIsNotSentTwice() {
        CountyFixture f;
        const StationLogin s = f.enrolStation();
        const QString notice = uuid();
        QCOMPARE(f.push(s, {parcelOp(uuid(), QStringLiteral("parcel.received"), QStringLiteral("waiting"),
                                     kStart, notice)})
                     .status,
                 200);
        // Another dispatcher has just taken it.
        auto tx = f.store->begin(county::Tx::Mode::Write);
        QVERIFY(tx.has_value());
        QVERIFY(tx->exec(QStringLiteral("UPDATE notices SET state = 'sending', updated_at = ? WHERE id = ?"),
                         {*f.now, notice})
                    .has_value());
        QVERIFY(tx->commit().has_value());
        auto run = county::sendPendingNotices(*f.store);
        QVERIFY(run.has_value());
        QCOMPARE(run->sent, 0);
        QVERIFY(!QFile::exists(county::spoolPath(*f.store)));
        // That dispatcher died: after a while the notice is sent after all.
        *f.now += 11 * 60 * 1000;
        run = county::sendPendingNotices(*f.store);
        QVERIFY(run.has_value());
        QCOMPARE(run->sent, 1);
        QCOMPARE(f.count(QStringLiteral("notices"), QStringLiteral("state = 'sent'")), 1);
    }

    void noticesAreSentAndReportedBack() {
        CountyFixture f;
        const StationLogin s = f.enrolStation();
        const QString notice = uuid();
        const auto r = f.push(
            s,
            {parcelOp(uuid(), QStringLiteral("parcel.received"), QStringLiteral("waiting"), kStart, notice),
             parcelOp(uuid(), QStringLiteral("parcel.received"), QStringLiteral("waiting"), kStart)});
        QCOMPARE(r.status, 200);
        QCOMPARE(f.count(QStringLiteral("notices"), QStringLiteral("state = 'queued'")), 1);
        auto run = county::sendPendingNotices(*f.store);
        QVERIFY(run);
        QCOMPARE(run->sent, 1);
        QFile spool(county::spoolPath(*f.store));
        // Full phone numbers: the spool is the server user's only.
        QCOMPARE(spool.permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QVERIFY(spool.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = spool.readAll().split('\n');
        QCOMPARE(lines.size(), 2); // one line and the final newline
        const QJsonObject line = QJsonDocument::fromJson(lines.first()).object();
        QCOMPARE(line.value(QStringLiteral("id")).toString(), notice);
        QCOMPARE(line.value(QStringLiteral("phone")).toString(), QStringLiteral("13800138000"));
        QCOMPARE(line.value(QStringLiteral("text")).toString(),
                 QStringLiteral("【村站】您的包裹已到站，取件码 3-2-1045，请尽快取件。"));
        if (usePostgres())
            QFile::remove(spool.fileName()); // the current directory: leave nothing behind
        const auto page = pullAll(f, s);
        QCOMPARE(page.changes.size(), 1);
        QCOMPARE(page.changes.first().kind, QStringLiteral("notice_status"));
        QCOMPARE(page.changes.first().key, notice);
        QCOMPARE(page.changes.first().data.value(QStringLiteral("state")).toString(), QStringLiteral("sent"));
        QCOMPARE(county::sendPendingNotices(*f.store)->sent, 0); // nothing twice
    }

    void failingGatewayIsRetriedThenGivenUp() {
        CountyFixture f;
        const StationLogin s = f.enrolStation();
        const QString notice = uuid();
        QCOMPARE(f.push(s, {parcelOp(uuid(), QStringLiteral("parcel.reminded"), QStringLiteral("waiting"),
                                     kStart, notice)})
                     .status,
                 200);
        const QString out = f.db.dir() + QStringLiteral("/gateway.txt");
        const QString failing =
            QStringLiteral("echo \"$CUNZHAN_SMS_PHONE $CUNZHAN_SMS_TEXT\" >> '%1'; exit 7").arg(out);
        for (int i = 0; i < county::kMaxSmsAttempts; ++i)
            QCOMPARE(county::sendPendingNotices(*f.store, failing)->failed, 1);
        QCOMPARE(county::sendPendingNotices(*f.store, failing)->failed, 0);
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QCOMPARE(text.count(QStringLiteral("13800138000")), county::kMaxSmsAttempts);
        QVERIFY(text.contains(QStringLiteral("多日")));
        QCOMPARE(f.count(QStringLiteral("notices"), QStringLiteral("state = 'failed' AND attempts = 3")), 1);
        QCOMPARE(f.count(QStringLiteral("changes"), QStringLiteral("kind = 'notice_status'")), 3);
    }

    void batchImportedTwiceChangesNothing() {
        CountyFixture f;
        const StationLogin s = f.enrolStation();
        const QString parcel = uuid();
        sync::Batch batch{
            s.id,
            {parcelOp(parcel, QStringLiteral("parcel.received"), QStringLiteral("waiting"), kStart, uuid()),
             parcelOp(parcel, QStringLiteral("parcel.picked_up"), QStringLiteral("picked_up"), kStart + 1, {},
                      {}, 2),
             parcelOp(uuid(), QStringLiteral("parcel.received"), QStringLiteral("lost"), kStart, {}, {}, 3)}};
        // The fixture enrols without a batch key (as stations did before signed batches): the
        // unsigned file is taken with acceptUnsigned (tst_batch_e2e covers signatures).
        QCOMPARE(county::importBatch(*f.store, sync::encode(batch)).error().code,
                 QStringLiteral("batch.no_station_key"));
        auto first = county::importBatch(*f.store, sync::encode(batch), true);
        QVERIFY(first);
        QCOMPARE(first->stationId, s.id);
        QCOMPARE(first->applied, 2);
        QCOMPARE(first->rejected, 1);
        const QList<qint64> after = f.counts();
        auto second = county::importBatch(*f.store, sync::encode(batch), true);
        QVERIFY(second);
        QCOMPARE(second->applied, 0);
        QCOMPARE(second->alreadyApplied, 2);
        QCOMPARE(second->rejected, 1);
        QCOMPARE(f.counts(), after);
        // The station pushing the same ops later gets AlreadyApplied.
        const auto pushed = sync::decodePushResponse(f.push(s, batch.ops).body);
        QVERIFY(pushed);
        QCOMPARE(sync::toString(pushed->results.first().outcome),
                 sync::toString(sync::Outcome::AlreadyApplied));
        QCOMPARE(county::importBatch(*f.store, "not a batch").error().code,
                 QStringLiteral("batch.malformed"));
        batch.stationId = QStringLiteral("st-unknown");
        QCOMPARE(county::importBatch(*f.store, sync::encode(batch), true).error().kind, ErrorKind::NotFound);
    }

    void statsCountPerStation() {
        CountyFixture f;
        const StationLogin a = f.enrolStation(QStringLiteral("甲站"), QStringLiteral("城关镇"));
        const StationLogin b = f.enrolStation(QStringLiteral("乙站"), QStringLiteral("河口乡"));
        QCOMPARE(
            f.push(a,
                   {parcelOp(uuid(), QStringLiteral("parcel.received"), QStringLiteral("waiting"), kStart),
                    parcelOp(uuid(), QStringLiteral("parcel.received"), QStringLiteral("waiting"), kStart),
                    parcelOp(uuid(), QStringLiteral("parcel.picked_up"), QStringLiteral("picked_up"), kStart),
                    parcelOp(uuid(), QStringLiteral("parcel.received"), QStringLiteral("bad"), kStart)})
                .status,
            200);
        auto tx = f.store->begin(county::Tx::Mode::Read);
        QVERIFY(tx);
        auto stats = county::stationStats(*tx);
        QVERIFY(stats);
        QCOMPARE(stats->size(), 2);
        // Ordered by township, and collation differs between the backends: find each by id.
        const bool aFirst = stats->at(0).id == a.id;
        const county::StationStats& first = stats->at(aFirst ? 0 : 1);
        const county::StationStats& second = stats->at(aFirst ? 1 : 0);
        QCOMPARE(first.opsApplied, 3);
        QCOMPARE(first.opsRejected, 1);
        QCOMPARE(first.parcelsByStatus.value(QStringLiteral("waiting")), 2);
        QCOMPARE(first.parcelsByStatus.value(QStringLiteral("picked_up")), 1);
        QCOMPARE(first.lastSeenAt, kStart);
        QCOMPARE(second.id, b.id);
        QCOMPARE(second.opsApplied, 0);
        QCOMPARE(second.lastSeenAt, 0);
        QVERIFY(second.parcelsByStatus.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstCountyAdmin)
#include "tst_county_admin.moc"
