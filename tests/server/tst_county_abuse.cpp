// Abuse through a valid token and mistakes, against the real `cunzhan-county serve` on loopback
// (SQLite and PostgreSQL): an SMS flood and forged numbers and texts, oversized payloads, a station
// clock set to the past, reviewer tokens that must be revocable, enrolment-code guessing, the
// security log, and pre-alert names under the station's own rule. The enrolment guard per address
// is checked in process too (the HTTP front end fills in the address).
#include "countyfixture.h"
#include "countyprocess.h"
#include "credentials.h"
#include "ratelimit.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <httplib.h>

using namespace cz;
using namespace cz::test;

namespace {

httplib::Headers headers(const QString& token = {}, const QString& station = {}) {
    httplib::Headers h{{sync::kHeaderProtocol, std::to_string(sync::kProtocolVersion)}};
    if (!token.isEmpty())
        h.emplace("Authorization", "Bearer " + token.toStdString());
    if (!station.isEmpty())
        h.emplace(sync::kHeaderStation, station.toStdString());
    return h;
}

QByteArray bytes(const std::string& s) {
    return QByteArray::fromStdString(s);
}

// A county process on this test's database, with a station enrolled over HTTP.
struct LiveCounty {
    TestDatabase db;
    QTemporaryDir dir;
    QString securityLog = dir.filePath(QStringLiteral("security.jsonl"));
    std::unique_ptr<CountyProcess> server;
    std::unique_ptr<httplib::Client> client;
    sync::EnrollResponse station;

    explicit LiveCounty(bool enrol = true) {
        const QString code =
            enrol ? addCountyStation(db.spec(), QStringLiteral("东村站"), QStringLiteral("城关镇"))
                  : QString();
        server = std::make_unique<CountyProcess>(
            db.spec(), QStringList{QStringLiteral("--security-log"), securityLog,
                                   QStringLiteral("--sms-interval-ms"), QStringLiteral("3600000")});
        if (server->port() <= 0)
            qFatal("the county did not start: %s", qPrintable(server->output()));
        client = std::make_unique<httplib::Client>("127.0.0.1", server->port());
        if (enrol) {
            const auto r =
                client->Post("/v1/enroll", headers(), sync::encode(sync::EnrollRequest{code}).toStdString(),
                             sync::kContentType);
            if (!r || r->status != 200)
                qFatal("enrolment failed");
            station = *sync::decodeEnrollResponse(bytes(r->body));
        }
    }

    httplib::Result push(const QList<sync::WireOp>& ops) {
        return client->Post(sync::pushPath(station.stationId).toStdString(),
                            headers(station.token, station.stationId),
                            sync::encode(sync::PushRequest{{}, ops, true}).toStdString(), sync::kContentType);
    }
    QList<sync::OpResult> pushOk(const QList<sync::WireOp>& ops) {
        const auto r = push(ops);
        if (!r || r->status != 200)
            qFatal("push failed: %d", r ? r->status : -1);
        return sync::decodePushResponse(bytes(r->body))->results;
    }
    // Reads the county's database directly (the server keeps running).
    QList<county::Row> rows(const QString& sql) {
        auto store = county::CountyStore::open(db.spec());
        if (!store)
            qFatal("open: %s", qPrintable(store.error().message));
        auto tx = (*store)->begin(county::Tx::Mode::Read);
        auto r = tx->select(sql);
        if (!r)
            qFatal("%s: %s", qPrintable(sql), qPrintable(r.error().message));
        return *r;
    }
    QList<QJsonObject> securityEvents(const QString& name) {
        QFile f(securityLog);
        QList<QJsonObject> out;
        if (!f.open(QIODevice::ReadOnly))
            return out;
        for (const QByteArray& line : f.readAll().split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.value(QStringLiteral("event")).toString() == name)
                out.append(o);
        }
        return out;
    }
};

sync::WireOp received(const QString& phone, const QString& code = QStringLiteral("3-2-1045"),
                      const QString& parcelId = uuid(), qint64 seq = 1) {
    sync::WireOp op = parcelOp(parcelId, QStringLiteral("parcel.received"), QStringLiteral("waiting"), kStart,
                               uuid(), phone, seq);
    QJsonObject payload = op.payload;
    QJsonObject parcel = payload.value(QStringLiteral("parcel")).toObject();
    parcel.insert(QStringLiteral("pickup_code"), code);
    payload.insert(QStringLiteral("parcel"), parcel);
    op.payload = payload;
    return op;
}

} // namespace

class TstCountyAbuse : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { CZ_REQUIRE_BACKEND(); }

    // One station token once queued 42 000 messages to one number, to foreign numbers and to
    // "$(id)", and texts with a link under the 【村站】 signature.
    void smsFloodAndForgedNoticesAreNotSent() {
        LiveCounty county;
        QList<sync::WireOp> ops;
        qint64 seq = 0;
        for (int i = 0; i < 40; ++i)
            ops.append(received(QStringLiteral("13800138000"), QStringLiteral("3-2-1045"), uuid(), ++seq));
        const QString parcel = uuid();
        for (int i = 0; i < 3; ++i) // the same parcel's arrival, again and again
            ops.append(received(QStringLiteral("13900139000"), QStringLiteral("3-2-1046"), parcel, ++seq));
        ops.append(received(QStringLiteral("+447700900123"), QStringLiteral("3-2-1047"), uuid(), ++seq));
        ops.append(received(QStringLiteral("$(id)"), QStringLiteral("3-2-1048"), uuid(), ++seq));
        ops.append(received(QStringLiteral("13700137000"),
                            QStringLiteral("3-2-1049，中奖请点 http://evil.example"), uuid(), ++seq));
        for (const sync::OpResult& r : county.pushOk(ops))
            QCOMPARE(sync::toString(r.outcome), QStringLiteral("applied")); // the parcels themselves are kept

        const QString out = county.dir.filePath(QStringLiteral("gateway.txt"));
        int exitCode = -1;
        const QString said = countyCli(
            {QStringLiteral("sms"), QStringLiteral("send-pending"), QStringLiteral("--db"), county.db.spec(),
             QStringLiteral("--command"),
             QStringLiteral("printf '%s|%s\\n' \"$CUNZHAN_SMS_PHONE\" \"$CUNZHAN_SMS_TEXT\" >> '%1'")
                 .arg(out)},
            &exitCode);
        QCOMPARE(exitCode, 0);
        QFile f(out);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(said));
        const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QHash<QString, int> perPhone;
        static const QRegularExpression mobile(QStringLiteral("^1[3-9]\\d{9}$"));
        for (const QString& line : lines) {
            const QString phone = line.section(QLatin1Char('|'), 0, 0);
            const QString text = line.section(QLatin1Char('|'), 1);
            QVERIFY2(mobile.match(phone).hasMatch(), qPrintable(line));
            QVERIFY2(!text.contains(QLatin1String("http")), qPrintable(line));
            ++perPhone[phone];
        }
        QCOMPARE(perPhone.value(QStringLiteral("13800138000")), 20); // the daily cap per number
        QCOMPARE(perPhone.value(QStringLiteral("13900139000")), 1);  // one arrival message per parcel
        QCOMPARE(perPhone.size(), 2);
        const QList<QJsonObject> refused = county.securityEvents(QStringLiteral("sms.refused"));
        QStringList reasons;
        for (const QJsonObject& e : refused)
            reasons.append(e.value(QStringLiteral("reason")).toString());
        for (const char* reason : {"sms.bad_phone", "sms.bad_code", "sms.number_quota", "sms.arrival_sent"})
            QVERIFY2(reasons.contains(QLatin1String(reason)), qPrintable(reasons.join(QLatin1Char(','))));
    }

    // A 31 KB push once stored 31 MiB: one string of a few MiB deflates to almost nothing.
    void oversizedPayloadsAreNotStored() {
        LiveCounty county;
        // One string of 3 MiB (deflated to a few KiB) is refused whole by the bounded decoder, before
        // anything is stored.
        sync::WireOp huge = received(QStringLiteral("13800138000"));
        QJsonObject payload = huge.payload;
        payload.insert(QStringLiteral("note"), QString(3 * 1024 * 1024, QLatin1Char('x')));
        huge.payload = payload;
        QVERIFY(sync::encode(sync::PushRequest{{}, {huge}, true}).size() < 64 * 1024);
        const auto refused = county.push({huge});
        QVERIFY(refused);
        QCOMPARE(refused->status, 400);
        // Fields each within their bound but too many together: the op is stored as rejected.
        sync::WireOp big = received(QStringLiteral("13800138000"));
        payload = big.payload;
        for (int i = 0; i < 12; ++i)
            payload.insert(QStringLiteral("note%1").arg(i), QString(1000, QLatin1Char('x')));
        big.payload = payload;
        sync::WireOp longName = received(QStringLiteral("13800138000"));
        payload = longName.payload;
        payload.insert(QStringLiteral("note"), QString(2000, QLatin1Char('y')));
        longName.payload = payload;
        const QList<sync::OpResult> results = county.pushOk({big, longName});
        QCOMPARE(sync::toString(results.at(0).outcome), QStringLiteral("rejected"));
        QCOMPARE(results.at(0).reasonCode, QStringLiteral("op.too_large"));
        QCOMPARE(sync::toString(results.at(1).outcome), QStringLiteral("rejected"));
        QCOMPARE(results.at(1).reasonCode, QStringLiteral("op.field_too_long"));
        // Many ops each under the bounds, but too much together, are refused whole.
        QList<sync::WireOp> many;
        for (int i = 0; i < 1000; ++i) {
            sync::WireOp op = plainOp(i);
            many.append(op);
        }
        const auto r = county.push(many);
        QVERIFY(r);
        QCOMPARE(r->status, 413);
        const qint64 stored = county.rows(QStringLiteral("SELECT COALESCE(SUM(LENGTH(payload)), 0) FROM ops"))
                                  .first()
                                  .at(0)
                                  .toLongLong();
        QVERIFY2(stored < 64 * 1024, qPrintable(QString::number(stored)));
        QVERIFY(!county.securityEvents(QStringLiteral("push.too_large")).isEmpty());
        QVERIFY(!county.securityEvents(QStringLiteral("ops.rejected")).isEmpty());
    }

    // A pickup stamped 2000-01-01 by a station's wrong clock once left the county showing "waiting".
    void aStationsOwnSequenceOrdersItsParcelStates() {
        LiveCounty county;
        const QString parcel = uuid();
        const qint64 y2000 = QDateTime(QDate(2000, 1, 1), QTime(8, 0), Qt::UTC).toMSecsSinceEpoch();
        county.pushOk({parcelOp(parcel, QStringLiteral("parcel.received"), QStringLiteral("waiting"), kStart,
                                {}, QStringLiteral("13800138000"), 1)});
        county.pushOk({parcelOp(parcel, QStringLiteral("parcel.picked_up"), QStringLiteral("picked_up"),
                                y2000, {}, QStringLiteral("13800138000"), 2)});
        // A late copy of the receive (a USB batch, a re-send) does not roll the state back either.
        county.pushOk({parcelOp(parcel, QStringLiteral("parcel.received"), QStringLiteral("waiting"),
                                kStart + 1, {}, QStringLiteral("13800138000"), 1)});
        QCOMPARE(county.rows(QStringLiteral("SELECT status FROM parcels")).first().at(0).toString(),
                 QStringLiteral("picked_up"));
    }

    void reviewerTokensCanBeListedAndRevoked() {
        LiveCounty county;
        int exitCode = -1;
        const QString added =
            countyCli({QStringLiteral("reviewer"), QStringLiteral("add"), QStringLiteral("--db"),
                       county.db.spec(), QStringLiteral("--name"), QStringLiteral("李审核"),
                       QStringLiteral("--township"), QStringLiteral("城关镇"), QStringLiteral("--json")},
                      &exitCode, true);
        QCOMPARE(exitCode, 0);
        const QJsonObject reviewer = QJsonDocument::fromJson(added.toUtf8()).object();
        const QString token = reviewer.value(QStringLiteral("token")).toString();
        const std::string summary = sync::summaryPath(county.station.stationId).toStdString();
        auto r = county.client->Get(summary, headers(token));
        QVERIFY(r);
        QCOMPARE(r->status, 200);

        const auto listed = [&]() {
            const QString out =
                countyCli({QStringLiteral("reviewer"), QStringLiteral("list"), QStringLiteral("--db"),
                           county.db.spec(), QStringLiteral("--json")},
                          nullptr, true);
            return QJsonDocument::fromJson(out.toUtf8()).object();
        };
        QCOMPARE(listed().value(QStringLiteral("id")).toString(),
                 reviewer.value(QStringLiteral("id")).toString());
        QCOMPARE(listed().value(QStringLiteral("state")).toString(), QStringLiteral("active"));
        QVERIFY(!listed().contains(QStringLiteral("token")));

        countyCli({QStringLiteral("reviewer"), QStringLiteral("revoke"),
                   reviewer.value(QStringLiteral("id")).toString(), QStringLiteral("--db"), county.db.spec()},
                  &exitCode);
        QCOMPARE(exitCode, 0);
        r = county.client->Get(summary, headers(token));
        QVERIFY(r);
        QCOMPARE(r->status, 401);
        QCOMPARE(sync::decodeErrorBody(bytes(r->body))->code, QStringLiteral("auth.revoked"));
        QCOMPARE(listed().value(QStringLiteral("state")).toString(), QStringLiteral("revoked"));
        countyCli({QStringLiteral("reviewer"), QStringLiteral("revoke"), QStringLiteral("rv-nosuchone"),
                   QStringLiteral("--db"), county.db.spec()},
                  &exitCode);
        QCOMPARE(exitCode, 4);
        // The refusal is in the security log, without the token.
        const QList<QJsonObject> failed = county.securityEvents(QStringLiteral("auth.failed"));
        QVERIFY(!failed.isEmpty());
        QCOMPARE(failed.last().value(QStringLiteral("code")).toString(), QStringLiteral("auth.revoked"));
        QFile log(county.securityLog);
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(!log.readAll().contains(token.toUtf8()));
    }

    // Enrolment codes were guessed at about 1 800 a second, unlogged, each taking the write lock.
    void enrolmentGuessesAreLimitedLoggedAndCodesHashedSlowly() {
        LiveCounty county(false);
        const QString code =
            addCountyStation(county.db.spec(), QStringLiteral("西村站"), QStringLiteral("城关镇"));
        const QList<county::Row> stored = county.rows(QStringLiteral("SELECT enrol_code_hash FROM stations"));
        QVERIFY(stored.first().at(0).toString().startsWith(QLatin1String("pbkdf2-sha256$")));
        QVERIFY(stored.first().at(0).toString() != county::secretHash(county::normaliseEnrolmentCode(code)));

        const EnrolmentGuardLimits limits;
        int refused = 0;
        for (int i = 0; i < limits.failuresPerMinute + 2; ++i) {
            const QString guess = county::newEnrolmentCode();
            const auto r = county.client->Post("/v1/enroll", headers(),
                                               sync::encode(sync::EnrollRequest{guess}).toStdString(),
                                               sync::kContentType);
            QVERIFY(r);
            QVERIFY2(r->status == 401 || r->status == 429, qPrintable(QString::number(r->status)));
            refused += r->status == 429 ? 1 : 0;
        }
        // The real server knows the client's address, so this one address is stopped first.
        QCOMPARE(refused, limits.failuresPerMinute + 2 - limits.failuresPerAddress);
        // For the rest of the minute even the right code waits.
        const auto r =
            county.client->Post("/v1/enroll", headers(),
                                sync::encode(sync::EnrollRequest{code}).toStdString(), sync::kContentType);
        QVERIFY(r);
        QCOMPARE(r->status, 429);
        QCOMPARE(sync::decodeErrorBody(bytes(r->body))->code, QStringLiteral("enroll.rate_limited"));
        QCOMPARE(county.securityEvents(QStringLiteral("enroll.failed")).size(),
                 qsizetype(limits.failuresPerAddress));
        QVERIFY(!county.securityEvents(QStringLiteral("enroll.rate_limited")).isEmpty());
    }

    // In process, where the address is set: one address is stopped, another still enrols.
    void enrolmentGuardPerAddress() {
        CountyFixture f;
        auto code = county::addStation(*f.store, QStringLiteral("东村站"), QStringLiteral("城关镇"));
        QVERIFY(code.has_value());
        const auto attempt = [&](const QString& address, const QString& typed) {
            sync::HttpRequest r{
                "POST",
                sync::enrollPath(),
                {{QByteArray(sync::kHeaderProtocol), QByteArray::number(sync::kProtocolVersion)}},
                sync::encode(sync::EnrollRequest{typed}),
                address};
            return f.service->handle(r).status;
        };
        const EnrolmentGuardLimits limits;
        for (int i = 0; i < limits.failuresPerAddress; ++i)
            QCOMPARE(attempt(QStringLiteral("192.0.2.7"), QStringLiteral("0000-0000-00")), 401);
        QCOMPARE(attempt(QStringLiteral("192.0.2.7"), code->code), 429);
        QCOMPARE(attempt(QStringLiteral("192.0.2.8"), code->code), 200);
        *f.now += limits.addressWindowMs;
        QCOMPARE(attempt(QStringLiteral("192.0.2.7"), QStringLiteral("0000-0000-00")), 401);
    }

    // The county once took names of 100 characters with control characters; the station takes 32
    // printable ones. One rule (common/fieldrules.h) for both.
    void prealertNamesFollowTheStationsRule() {
        TestDatabase db;
        QVERIFY(!addCountyStation(db.spec(), QStringLiteral("东村站"), QStringLiteral("城关镇")).isEmpty());
        QTemporaryDir dir;
        const auto import = [&](const QString& name) {
            const QString csv = dir.filePath(QStringLiteral("p.csv"));
            QFile f(csv);
            if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
                qFatal("cannot write the CSV");
            f.write(QStringLiteral("waybill,carrier,phone,name,station,van_date\n"
                                   "YT7641234567890,YTO,13800138000,%1,东村站,2026-11-28\n")
                        .arg(name)
                        .toUtf8());
            f.close();
            int exitCode = -1;
            countyCli({QStringLiteral("prealert"), QStringLiteral("import"), csv, QStringLiteral("--db"),
                       db.spec()},
                      &exitCode);
            return exitCode;
        };
        QCOMPARE(import(QString(33, QChar(0x738B))), 2);
        QCOMPARE(import(QStringLiteral("王\u001b[31m小明")), 2);
        QCOMPARE(import(QStringLiteral("王\u202e小明")), 2);
        QCOMPARE(import(QString(32, QChar(0x738B))), 0);
        QCOMPARE(import(QStringLiteral("王小明")), 0);
    }

private:
    using EnrolmentGuardLimits = county::EnrolmentGuard::Limits;

    static sync::WireOp plainOp(int i) {
        sync::WireOp op;
        op.opId = uuid();
        op.seq = 100 + i;
        op.entity = QStringLiteral("setting");
        op.entityId = QStringLiteral("k%1").arg(i);
        op.kind = QStringLiteral("setting.changed");
        QJsonArray filler;
        for (int j = 0; j < 8; ++j)
            filler.append(QString(1000, QLatin1Char(static_cast<char>('a' + j))));
        op.payload = {{QStringLiteral("value"), i}, {QStringLiteral("filler"), filler}};
        op.schemaVersion = 1;
        op.createdAt = kStart;
        return op;
    }
};

QTEST_GUILESS_MAIN(TstCountyAbuse)
#include "tst_county_abuse.moc"
