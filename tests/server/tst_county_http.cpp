// The real `cunzhan-county serve` binary over HTTP and HTTPS (SQLite database): enrol, push, pull,
// the body limit, a bad token, refusing plain HTTP off loopback, TLS with a self-signed
// certificate, and a clean stop on SIGTERM.
#include "countyfixture.h"
#include "countyprocess.h"

#include <QProcess>
#include <QRegularExpression>
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

std::string body(const QByteArray& b) {
    return b.toStdString();
}

QByteArray bytes(const std::string& s) {
    return QByteArray::fromStdString(s);
}

template<class Client> sync::EnrollResponse enrol(Client& client, const QString& code) {
    const auto r = client.Post("/v1/enroll", headers(), body(sync::encode(sync::EnrollRequest{code})),
                               sync::kContentType);
    if (!r || r->status != 200)
        qFatal("enrol over HTTP failed");
    return *sync::decodeEnrollResponse(bytes(r->body));
}

} // namespace

class TstCountyHttp : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void enrolPushPullOverHttp() {
        QTemporaryDir dir;
        const QString db = QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("county.db"));
        const QString code = addCountyStation(db, QStringLiteral("东村站"), QStringLiteral("城关镇"));
        QVERIFY(!code.isEmpty());
        CountyProcess server(db);
        QVERIFY2(server.port() > 0, qPrintable(server.output()));
        httplib::Client client("127.0.0.1", server.port());
        const sync::EnrollResponse station = enrol(client, code);
        QVERIFY(station.token.startsWith(QLatin1String("czs_")));

        const QList<sync::WireOp> ops{
            parcelOp(uuid(), QStringLiteral("parcel.received"), QStringLiteral("waiting"), kStart, uuid())};
        auto r = client.Post(sync::pushPath(station.stationId).toStdString(),
                             headers(station.token, station.stationId),
                             body(sync::encode(sync::PushRequest{{}, ops})), sync::kContentType);
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        const auto pushed = sync::decodePushResponse(bytes(r->body));
        QVERIFY(pushed);
        QCOMPARE(sync::toString(pushed->results.first().outcome), sync::toString(sync::Outcome::Applied));
        QCOMPARE(pushed->epoch, station.epoch);

        r = client.Post(sync::pullPath(station.stationId).toStdString(),
                        headers(station.token, station.stationId),
                        body(sync::encode(sync::PullRequest{0, 100})), sync::kContentType);
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QVERIFY(sync::decodePullResponse(bytes(r->body))->reset);

        r = client.Post(sync::pullPath(station.stationId).toStdString(),
                        headers(QStringLiteral("czs_wrong"), station.stationId),
                        body(sync::encode(sync::PullRequest{0, 100})), sync::kContentType);
        QVERIFY(r);
        QCOMPARE(r->status, 401);
        QCOMPARE(sync::decodeErrorBody(bytes(r->body))->code, QStringLiteral("auth.bad_token"));

        const std::string tooLarge(static_cast<size_t>(sync::kMaxBodyBytes) + 1, 'x');
        r = client.Post(sync::pushPath(station.stationId).toStdString(),
                        headers(station.token, station.stationId), tooLarge, sync::kContentType);
        QVERIFY(r);
        QCOMPARE(r->status, 413);
        QCOMPARE(sync::decodeErrorBody(bytes(r->body))->code, QStringLiteral("request.too_large"));

        // The server keeps serving, and stops cleanly on SIGTERM.
        r = client.Get(sync::summaryPath(station.stationId).toStdString(),
                       headers(station.token, station.stationId));
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        server.process().terminate();
        QVERIFY(server.process().waitForFinished(10000));
        QCOMPARE(server.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.process().exitCode(), 0);
        QVERIFY(server.output().contains(QLatin1String("stopped")));
    }

    // The upgraded binary applies what an older county held: `ops apply-held` by hand, and `serve`
    // at start; `stats` counts held ops. The older county is this build's service with a catalogue
    // that lacks a kind, on the same database file.
    void upgradedBinaryAppliesHeldOps() {
        QTemporaryDir dir;
        const QString db = QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("county.db"));
        const sync::OpCatalog older = sync::OpCatalog::current().without(QStringLiteral("parcel.received"));
        const auto pushToOlderCounty = [&](const QString& parcelId) {
            auto store = county::CountyStore::open(db);
            QVERIFY(store.has_value());
            county::CountyService service(**store, older);
            auto code = county::addStation(**store, QStringLiteral("东村站"), QStringLiteral("城关镇"));
            QVERIFY(code.has_value());
            sync::HttpRequest enrolRequest{
                "POST",
                sync::enrollPath(),
                {{sync::kHeaderProtocol, QByteArray::number(sync::kProtocolVersion)}},
                sync::encode(sync::EnrollRequest{code->code})};
            const auto station = sync::decodeEnrollResponse(service.handle(enrolRequest).body);
            QVERIFY(station);
            const sync::WireOp op = parcelOp(parcelId, QStringLiteral("parcel.received"),
                                             QStringLiteral("waiting"), kStart, uuid());
            sync::HttpRequest push{"POST",
                                   sync::pushPath(station->stationId),
                                   {{sync::kHeaderProtocol, QByteArray::number(sync::kProtocolVersion)},
                                    {sync::kHeaderStation, station->stationId.toUtf8()},
                                    {"authorization", "Bearer " + station->token.toUtf8()}},
                                   sync::encode(sync::PushRequest{{}, {op}, true})};
            const auto pushed = sync::decodePushResponse(service.handle(push).body);
            QVERIFY(pushed);
            QCOMPARE(sync::toString(pushed->results.first().outcome), sync::toString(sync::Outcome::Held));
        };
        const auto heldAndApplied = [&]() {
            int held = 0;
            int applied = 0;
            const QString out =
                countyCli({QStringLiteral("stats"), QStringLiteral("--db"), db, QStringLiteral("--json")},
                          nullptr, true);
            for (const QString& line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
                const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
                held += o.value(QStringLiteral("ops_held")).toInt();
                applied += o.value(QStringLiteral("ops_applied")).toInt();
            }
            return qMakePair(held, applied);
        };

        pushToOlderCounty(uuid());
        QCOMPARE(heldAndApplied(), qMakePair(1, 0));
        int exitCode = -1;
        const QString out = countyCli({QStringLiteral("ops"), QStringLiteral("apply-held"),
                                       QStringLiteral("--db"), db, QStringLiteral("--json")},
                                      &exitCode, true);
        QCOMPARE(exitCode, 0);
        const QJsonObject run = QJsonDocument::fromJson(out.toUtf8()).object();
        QCOMPARE(run.value(QStringLiteral("applied")).toInt(), 1);
        QCOMPARE(run.value(QStringLiteral("still_held")).toInt(), 0);
        QCOMPARE(heldAndApplied(), qMakePair(0, 1));

        pushToOlderCounty(uuid());
        QCOMPARE(heldAndApplied(), qMakePair(1, 1));
        CountyProcess server(db);
        QVERIFY2(server.port() > 0, qPrintable(server.output()));
        server.stop();
        const QString said = QString::fromUtf8(server.process().readAllStandardError());
        QVERIFY2(said.contains(QLatin1String("held ops: 1 applied")), qPrintable(said));
        QCOMPARE(heldAndApplied(), qMakePair(0, 2));
    }

    void plainHttpOffLoopbackNeedsTheFlag() {
        QTemporaryDir dir;
        const QString db = QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("county.db"));
        int exitCode = -1;
        const QString out = countyCli({QStringLiteral("serve"), QStringLiteral("--db"), db,
                                       QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0")},
                                      &exitCode);
        QCOMPARE(exitCode, 2);
        QVERIFY2(out.contains(QLatin1String("--allow-plain-http")), qPrintable(out));
        CountyProcess server(db, {QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0"),
                                  QStringLiteral("--allow-plain-http")});
        QVERIFY2(server.port() > 0, qPrintable(server.output()));
    }

    void tlsWithASelfSignedCertificate() {
        QTemporaryDir dir;
        const QString cert = dir.filePath(QStringLiteral("cert.pem"));
        const QString key = dir.filePath(QStringLiteral("key.pem"));
        QVERIFY(makeSelfSignedCertificate(cert, key));
        const QString db = QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("county.db"));
        const QString code = addCountyStation(db, QStringLiteral("东村站"), QStringLiteral("城关镇"));
        CountyProcess server(db, {QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key});
        QVERIFY2(server.port() > 0, qPrintable(server.output()));
        QVERIFY(server.output().contains(QLatin1String("https://")));
        httplib::SSLClient client("127.0.0.1", server.port());
        client.set_ca_cert_path(cert.toStdString());
        client.enable_server_certificate_verification(true);
        const sync::EnrollResponse station = enrol(client, code);
        QVERIFY(!station.token.isEmpty());
        // Plain HTTP to the TLS port gets nowhere.
        httplib::Client plain("127.0.0.1", server.port());
        plain.set_read_timeout(5);
        const auto r = plain.Post("/v1/enroll", headers(), body(sync::encode(sync::EnrollRequest{code})),
                                  sync::kContentType);
        QVERIFY(!r || r->status != 200);
    }
};

QTEST_GUILESS_MAIN(TstCountyHttp)
#include "tst_county_http.moc"
