// The per-address request-rate limit of the county's HTTP layer: the token bucket in process with
// explicit times, then the real `cunzhan-county serve` answered over raw HTTP, past the burst 429
// with Retry-After and a security-log line; loopback peers exempt unless --rate-limit-loopback.
#include "countyfixture.h"
#include "countyprocess.h"
#include "ratelimit.h"

#include <QFile>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>

using namespace cz;
using namespace cz::test;

namespace {

struct RawReply {
    int status = 0;
    QByteArray head;
};

// One request on its own connection, as bytes on a socket; the status line and headers back.
RawReply rawGet(int port, const QByteArray& path) {
    QTcpSocket s;
    s.connectToHost(QStringLiteral("127.0.0.1"), quint16(port));
    if (!s.waitForConnected(10000))
        return {};
    s.write("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    QByteArray all;
    while (s.waitForReadyRead(10000) || s.bytesAvailable() > 0) {
        all += s.readAll();
        if (s.state() != QAbstractSocket::ConnectedState && s.bytesAvailable() == 0)
            break;
    }
    RawReply r;
    r.head = all.left(all.indexOf("\r\n\r\n"));
    const QList<QByteArray> first = r.head.split('\n').value(0).split(' ');
    r.status = first.value(1).toInt();
    return r;
}

QByteArray header(const QByteArray& head, const QByteArray& name) {
    for (const QByteArray& line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == name.toLower())
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

} // namespace

class TstCountyRateLimit : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { CZ_REQUIRE_BACKEND(); }

    void bucketRefillsAtTheRate() {
        county::RequestRateLimiter limiter({2, 3, 100}); // 2 per second, 3 at once
        for (int i = 0; i < 3; ++i)
            QCOMPARE(limiter.admit(QStringLiteral("10.0.0.1"), 1000), 0);
        QCOMPARE(limiter.admit(QStringLiteral("10.0.0.1"), 1000), 1); // empty: retry in 1 s
        QCOMPARE(limiter.admit(QStringLiteral("10.0.0.2"), 1000), 0); // another address has its own
        QCOMPARE(limiter.admit(QStringLiteral("10.0.0.1"), 1500), 0); // half a second: one more
        QVERIFY(limiter.admit(QStringLiteral("10.0.0.1"), 1500) > 0);
        QCOMPARE(limiter.admit(QStringLiteral("10.0.0.1"), 60000), 0); // full again, but not more
        QCOMPARE(limiter.admit(QStringLiteral("10.0.0.1"), 60000), 0);
        QCOMPARE(limiter.admit(QStringLiteral("10.0.0.1"), 60000), 0);
        QVERIFY(limiter.admit(QStringLiteral("10.0.0.1"), 60000) > 0);
        county::RequestRateLimiter off({0, 1, 100});
        for (int i = 0; i < 1000; ++i)
            QCOMPARE(off.admit(QStringLiteral("10.0.0.1"), 0), 0);
    }

    void boundedNumberOfAddresses() {
        county::RequestRateLimiter limiter({1, 1, 4});
        for (int i = 0; i < 4; ++i)
            QCOMPARE(limiter.admit(QStringLiteral("10.0.0.%1").arg(i), 0), 0);
        QVERIFY(limiter.admit(QStringLiteral("10.0.0.0"), 0) > 0);
        // The table is full of busy buckets: a new address is let through, not remembered.
        QCOMPARE(limiter.admit(QStringLiteral("10.0.1.0"), 0), 0);
        QCOMPARE(limiter.admit(QStringLiteral("10.0.1.0"), 0), 0);
        // Once they have refilled they are forgotten and the new one gets a bucket.
        QCOMPARE(limiter.admit(QStringLiteral("10.0.1.0"), 5000), 0);
        QVERIFY(limiter.admit(QStringLiteral("10.0.1.0"), 5000) > 0);
    }

    void serverAnswers429WithRetryAfter() {
        TestDatabase db;
        QTemporaryDir dir;
        const QString log = dir.filePath(QStringLiteral("security.jsonl"));
        // One request per 100 s on average, 5 at once: the sixth is refused however slow the test.
        CountyProcess server(db.spec(), {QStringLiteral("--rate-limit"), QStringLiteral("0.01"),
                                         QStringLiteral("--rate-burst"), QStringLiteral("5"),
                                         QStringLiteral("--rate-limit-loopback"),
                                         QStringLiteral("--security-log"), log});
        QVERIFY2(server.port() > 0, qPrintable(server.output()));
        for (int i = 0; i < 5; ++i) {
            const RawReply r = rawGet(server.port(), "/v1/stations/st-x/pull");
            QVERIFY2(r.status != 0 && r.status != 429, r.head.constData());
        }
        const RawReply limited = rawGet(server.port(), "/v1/stations/st-x/pull");
        QCOMPARE(limited.status, 429);
        const int retryAfter = header(limited.head, "Retry-After").toInt();
        QVERIFY2(retryAfter >= 50 && retryAfter <= 100, limited.head.constData());
        QFile f(log);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().contains("request.rate_limited"));
    }

    void loopbackIsNotLimitedByDefault() {
        TestDatabase db;
        CountyProcess server(db.spec(), {QStringLiteral("--rate-limit"), QStringLiteral("0.01"),
                                         QStringLiteral("--rate-burst"), QStringLiteral("5")});
        QVERIFY2(server.port() > 0, qPrintable(server.output()));
        for (int i = 0; i < 20; ++i) {
            const RawReply r = rawGet(server.port(), "/v1/stations/st-x/pull");
            QVERIFY2(r.status != 0 && r.status != 429, r.head.constData());
        }
    }

    void badOptionsAreRefused() {
        TestDatabase db;
        int code = 0;
        const QString out = countyCli({QStringLiteral("serve"), QStringLiteral("--db"), db.spec(),
                                       QStringLiteral("--rate-limit"), QStringLiteral("lots")},
                                      &code);
        QCOMPARE(code, 2);
        QVERIFY2(out.contains(QStringLiteral("--rate-limit")), qPrintable(out));
    }
};

QTEST_GUILESS_MAIN(TstCountyRateLimit)
#include "tst_county_ratelimit.moc"
