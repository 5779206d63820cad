// The real `cunzhan-county serve` under hostile clients, over raw sockets on loopback (issue 11,
// "Resource exhaustion"): decoding bombs before and after authentication, chunked bodies and header
// floods past the limits, slow clients and silent TLS sockets next to a real pull, many requests on
// one kept connection, the per-address connection limit and the whole-request deadline.
//
// Memory is read from the server's /proc/PID/status: VmHWM (the peak) after an attack may exceed
// VmRSS before it by less than 64 MiB. Nothing here is timed: where a client waits, the wait is a
// backstop for a server that never answers, and the assertions are about what happened.
#include "countyfixture.h"
#include "countyprocess.h"

#include <QFile>
#include <QProcess>
#include <arpa/inet.h>
#include <atomic>
#include <httplib.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace cz;
using namespace cz::test;

namespace {

constexpr qint64 kMaxGrowthKb = 64 * 1024;

// VmRSS and VmHWM of a process, in KiB.
struct Memory {
    qint64 rssKb = 0;
    qint64 hwmKb = 0;
};

Memory memoryOf(qint64 pid) {
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    Memory m;
    if (!f.open(QIODevice::ReadOnly))
        return m;
    for (const QByteArray& line : f.readAll().split('\n')) {
        const auto value = [&line] { return line.mid(6).trimmed().split(' ').first().toLongLong(); };
        if (line.startsWith("VmRSS:"))
            m.rssKb = value();
        else if (line.startsWith("VmHWM:"))
            m.hwmKb = value();
    }
    return m;
}

// A TCP connection to 127.0.0.1:port from the loopback address `from` (any 127.x.y.z works on Linux,
// so one test can look like many clients).
class Socket {
public:
    Socket(int port, const char* from = "127.0.0.1") {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in src{};
        src.sin_family = AF_INET;
        ::inet_pton(AF_INET, from, &src.sin_addr);
        sockaddr_in dst{};
        dst.sin_family = AF_INET;
        dst.sin_port = htons(quint16(port));
        ::inet_pton(AF_INET, "127.0.0.1", &dst.sin_addr);
        const int one = 1;
        ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        m_connected = ::bind(m_fd, reinterpret_cast<sockaddr*>(&src), sizeof src) == 0 &&
                      ::connect(m_fd, reinterpret_cast<sockaddr*>(&dst), sizeof dst) == 0;
    }
    ~Socket() { ::close(m_fd); }
    Socket(const Socket&) = delete;
    Socket& operator=(const Socket&) = delete;

    [[nodiscard]] bool connected() const { return m_connected; }

    // Sends everything unless the server closes or answers first; returns the bytes sent.
    qint64 send(const QByteArray& data) {
        qint64 sent = 0;
        while (sent < data.size()) {
            pollfd p{m_fd, POLLOUT | POLLIN, 0};
            if (::poll(&p, 1, 60000) <= 0 || (p.revents & (POLLIN | POLLERR | POLLHUP)))
                break; // an answer (or a close) came before the whole request was sent
            const ssize_t n = ::send(m_fd, data.constData() + sent, size_t(data.size() - sent), MSG_NOSIGNAL);
            if (n <= 0)
                break;
            sent += n;
        }
        return sent;
    }

    // One HTTP response (headers and a Content-Length body), or what came before the server closed.
    // waitMs is a backstop for a server that never answers.
    QByteArray readResponse(int waitMs = 60000) {
        QByteArray in;
        while (true) {
            const qsizetype end = in.indexOf("\r\n\r\n");
            if (end >= 0) {
                const qsizetype length = contentLength(in.left(end));
                if (in.size() >= end + 4 + length) {
                    const QByteArray response = in.left(end + 4 + length);
                    m_rest = in.mid(response.size());
                    return response;
                }
            }
            pollfd p{m_fd, POLLIN, 0};
            if (::poll(&p, 1, waitMs) <= 0)
                return in;
            char buf[65536];
            const ssize_t n = ::recv(m_fd, buf, sizeof buf, 0);
            if (n <= 0)
                return in;
            in.append(buf, n);
        }
    }

    // True once the server has closed the connection (EOF or reset); waits at most waitMs.
    bool closedByServer(int waitMs) {
        pollfd p{m_fd, POLLIN, 0};
        if (::poll(&p, 1, waitMs) <= 0)
            return false;
        char buf[4096];
        const ssize_t n = ::recv(m_fd, buf, sizeof buf, MSG_DONTWAIT);
        return n <= 0;
    }

    // Still open: nothing to read and no close seen.
    bool stillOpen() {
        pollfd p{m_fd, POLLIN, 0};
        return ::poll(&p, 1, 0) == 0;
    }

private:
    static qsizetype contentLength(const QByteArray& head) {
        for (const QByteArray& line : head.split('\n'))
            if (line.toLower().startsWith("content-length:"))
                return line.mid(15).trimmed().toLongLong();
        return 0;
    }

    int m_fd = -1;
    bool m_connected = false;
    QByteArray m_rest;
};

int statusOf(const QByteArray& response) {
    if (!response.startsWith("HTTP/1."))
        return 0;
    return response.mid(9, 3).toInt();
}

QByteArray bodyOf(const QByteArray& response) {
    const qsizetype end = response.indexOf("\r\n\r\n");
    return end < 0 ? QByteArray() : response.mid(end + 4);
}

QByteArray requestHead(const QByteArray& method, const QString& path, const QString& token = {},
                       const QString& station = {}) {
    QByteArray h = method + ' ' + path.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + sync::kHeaderProtocol +
                   ": " + QByteArray::number(sync::kProtocolVersion) + "\r\n";
    if (!token.isEmpty())
        h += "Authorization: Bearer " + token.toLatin1() + "\r\n";
    if (!station.isEmpty())
        h += QByteArray(sync::kHeaderStation) + ": " + station.toUtf8() + "\r\n";
    return h;
}

QByteArray post(const QString& path, const QByteArray& body, const QString& token = {},
                const QString& station = {}) {
    return requestHead("POST", path, token, station) + "Content-Type: " + sync::kContentType +
           "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

// A deflated CBOR map {key: [count × {}]}: 33 M empty maps deflate to about 32 KB.
QByteArray emptyMapBomb(const QByteArray& key, quint32 count) {
    QByteArray cbor;
    cbor.append(char(0xa1));
    cbor.append(char(0x60 + key.size()));
    cbor.append(key);
    cbor.append(char(0x9a));
    for (int shift = 24; shift >= 0; shift -= 8)
        cbor.append(char((count >> shift) & 0xff));
    cbor.append(QByteArray(qsizetype(count), char(0xa0)));
    return sync::deflate(cbor);
}

struct County {
    QTemporaryDir dir;
    QString db = QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("county.db"));
    std::unique_ptr<CountyProcess> server;
    sync::EnrollResponse station;

    explicit County(const QStringList& extra = {}, bool enrolStation = true) {
        const QString code = addCountyStation(db, QStringLiteral("东村站"), QStringLiteral("城关镇"));
        server = std::make_unique<CountyProcess>(db, extra);
        if (!enrolStation || server->port() == 0)
            return;
        Socket s(server->port());
        s.send(post(sync::enrollPath(), sync::encode(sync::EnrollRequest{code})));
        const auto e = sync::decodeEnrollResponse(bodyOf(s.readResponse()));
        if (e)
            station = *e;
    }
    [[nodiscard]] int port() const { return server->port(); }
    [[nodiscard]] qint64 pid() const { return server->process().processId(); }
    [[nodiscard]] Memory memory() const { return memoryOf(pid()); }

    // One pull over a new connection (httplib, as a plain client would); the HTTP status or 0.
    int pull(const QString& url = {}, const QString& caCert = {}) {
        const std::string path = sync::pullPath(station.stationId).toStdString();
        const httplib::Headers h{{sync::kHeaderProtocol, std::to_string(sync::kProtocolVersion)},
                                 {sync::kHeaderStation, station.stationId.toStdString()},
                                 {"Authorization", "Bearer " + station.token.toStdString()}};
        const std::string body = sync::encode(sync::PullRequest{0, 100}).toStdString();
        std::unique_ptr<httplib::Client> client;
        if (caCert.isEmpty()) {
            client = std::make_unique<httplib::Client>("127.0.0.1", port());
        } else {
            client = std::make_unique<httplib::Client>(url.toStdString());
            client->set_ca_cert_path(caCert.toStdString());
            client->enable_server_certificate_verification(true);
        }
        client->set_connection_timeout(60);
        client->set_read_timeout(60);
        const auto r = client->Post(path, h, body, sync::kContentType);
        return r ? r->status : 0;
    }
};

} // namespace

class TstCountyHostile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // The reproduction from the issue: 32 KB of deflate, 33 M empty maps, before any token.
    void enrolmentBombBeforeAuthentication() {
        County county({}, false);
        QVERIFY2(county.port() > 0, qPrintable(county.server->output()));
        const QByteArray bomb = emptyMapBomb("code", 33'000'000);
        QVERIFY(bomb.size() < 64 * 1024);
        const Memory before = county.memory();
        Socket s(county.port());
        s.send(post(sync::enrollPath(), bomb));
        const QByteArray response = s.readResponse();
        const Memory after = county.memory();
        QVERIFY2(statusOf(response) >= 400 && statusOf(response) < 500, response.left(200).constData());
        QVERIFY2(after.hwmKb - before.rssKb < kMaxGrowthKb,
                 qPrintable(QStringLiteral("peak %1 KiB, before %2 KiB").arg(after.hwmKb).arg(before.rssKb)));
        // Three at once, as in the issue.
        std::vector<std::thread> threads;
        std::atomic<int> refused{0};
        for (int i = 0; i < 3; ++i)
            threads.emplace_back([&] {
                Socket t(county.port());
                t.send(post(sync::enrollPath(), bomb));
                const int status = statusOf(t.readResponse());
                if (status >= 400 && status < 500)
                    ++refused;
            });
        for (auto& t : threads)
            t.join();
        QCOMPARE(refused.load(), 3);
        QVERIFY(county.memory().hwmKb - before.rssKb < kMaxGrowthKb);
    }

    // A station's own token, a push that inflates to 16 MB of empty maps (within any sane inflate
    // cap): refused by the bounded decoder, without building the values.
    void pushBombWithAValidToken() {
        County county;
        QVERIFY(!county.station.token.isEmpty());
        const QByteArray bomb = emptyMapBomb("ops", 16'000'000);
        const Memory before = county.memory();
        Socket s(county.port());
        s.send(post(sync::pushPath(county.station.stationId), bomb, county.station.token,
                    county.station.stationId));
        const QByteArray response = s.readResponse();
        QCOMPARE(statusOf(response), 400);
        QCOMPARE(sync::decodeErrorBody(bodyOf(response))->code, QStringLiteral("request.malformed"));
        const Memory after = county.memory();
        QVERIFY2(after.hwmKb - before.rssKb < kMaxGrowthKb,
                 qPrintable(QStringLiteral("peak %1 KiB, before %2 KiB").arg(after.hwmKb).arg(before.rssKb)));
        // Nesting past the depth limit is refused too.
        QByteArray deep("\xa1\x63ops", 5);
        deep += QByteArray(100000, char(0x81)) + QByteArray(1, char(0xa0));
        Socket d(county.port());
        d.send(post(sync::pushPath(county.station.stationId), sync::deflate(deep), county.station.token,
                    county.station.stationId));
        QCOMPARE(statusOf(d.readResponse()), 400);
        QCOMPARE(county.pull(), 200);
    }

    // Unauthenticated requests never get their body read: a bad token on a push is refused from
    // the headers alone, to a client waiting for "100 Continue" and to one announcing a body larger
    // than the server would drain.
    void tokenCheckedBeforeTheBody() {
        County county;
        for (const QByteArray& announce : {QByteArray("Content-Length: 4000000\r\nExpect: 100-continue\r\n"),
                                           QByteArray("Content-Length: 300000000\r\n")}) {
            Socket s(county.port());
            s.send(requestHead("POST", sync::pushPath(county.station.stationId), QStringLiteral("czs_wrong"),
                               county.station.stationId) +
                   announce + "\r\n");
            const QByteArray response = s.readResponse();
            QCOMPARE(statusOf(response), 401);
            QCOMPARE(sync::decodeErrorBody(bodyOf(response))->code, QStringLiteral("auth.bad_token"));
        }
        // An enrolment announcing more than an enrolment can be is refused before it is read.
        Socket e(county.port());
        e.send(requestHead("POST", sync::enrollPath()) +
               "Content-Length: 100000\r\nExpect: 100-continue\r\n\r\n");
        QCOMPARE(statusOf(e.readResponse()), 413);
        // A client that sends its (refused) body without waiting still gets the answer.
        Socket b(county.port());
        b.send(post(sync::pushPath(county.station.stationId), QByteArray(1 << 20, 'x'),
                    QStringLiteral("czs_wrong"), county.station.stationId));
        QCOMPARE(statusOf(b.readResponse()), 401);
    }

    // Chunked transfer encoding is bounded like Content-Length: 300 MiB of chunks on a valid push
    // and on an enrolment are not read.
    void chunkedBodiesAreBounded() {
        County county;
        const Memory before = county.memory();
        const QByteArray chunk = QByteArray::number(1 << 20, 16) + "\r\n" + QByteArray(1 << 20, 'x') + "\r\n";
        for (const bool enrolment : {false, true}) {
            Socket s(county.port());
            const QString path = enrolment ? sync::enrollPath() : sync::pushPath(county.station.stationId);
            const QByteArray head =
                enrolment ? requestHead("POST", path)
                          : requestHead("POST", path, county.station.token, county.station.stationId);
            QVERIFY(s.send(head + "Transfer-Encoding: chunked\r\n\r\n") > 0);
            qint64 sent = 0;
            for (int i = 0; i < 300; ++i) {
                const qint64 n = s.send(chunk);
                sent += n;
                if (n < chunk.size())
                    break;
            }
            QVERIFY2(sent < 300LL * chunk.size(), "the server read 300 MiB of chunks");
            const QByteArray response = s.readResponse(10000);
            QVERIFY2(response.isEmpty() || (statusOf(response) >= 400 && statusOf(response) < 500),
                     response.left(200).constData());
        }
        const Memory after = county.memory();
        QVERIFY2(after.hwmKb - before.rssKb < kMaxGrowthKb,
                 qPrintable(QStringLiteral("peak %1 KiB, before %2 KiB").arg(after.hwmKb).arg(before.rssKb)));
        QCOMPARE(county.pull(), 200);
    }

    // 20 000 headers of 8 KB each (160 MB) are not read either.
    void headerFloodIsBounded() {
        County county;
        const Memory before = county.memory();
        Socket s(county.port());
        const QByteArray line = "X-Filler: " + QByteArray(8000, 'a') + "\r\n"; // under a line limit of 8 KiB
        qint64 sent = s.send(requestHead("POST", sync::enrollPath()));
        int lines = 0;
        for (; lines < 20000; ++lines) {
            const qint64 n = s.send(line);
            sent += n;
            if (n < line.size())
                break;
        }
        QVERIFY2(lines < 20000, "the server read 20 000 headers of 8 KB");
        const QByteArray response = s.readResponse(10000);
        QVERIFY2(response.isEmpty() || (statusOf(response) >= 400 && statusOf(response) < 500),
                 response.left(200).constData());
        const Memory after = county.memory();
        QVERIFY2(after.hwmKb - before.rssKb < kMaxGrowthKb,
                 qPrintable(QStringLiteral("peak %1 KiB, before %2 KiB").arg(after.hwmKb).arg(before.rssKb)));
        QCOMPARE(county.pull(), 200);
    }

    // Slowloris: 32 connections each sending a byte of a request now and then. A real pull is
    // answered while they are all still connected (the thread-per-connection server answered it only
    // once they gave up).
    void tricklingClientsDoNotBlockAPull() {
        County county;
        std::vector<std::unique_ptr<Socket>> slow;
        for (int i = 0; i < 32; ++i) {
            slow.push_back(std::make_unique<Socket>(county.port(), "127.0.0.2"));
            QVERIFY(slow.back()->connected());
            slow.back()->send("POST /v1/enroll HTTP/1.1\r\n");
        }
        std::atomic<bool> stop{false};
        std::thread trickle([&] {
            while (!stop) {
                for (auto& s : slow)
                    s->send("X");
                for (int i = 0; i < 10 && !stop; ++i)
                    std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
        });
        const int status = county.pull();
        int open = 0;
        for (auto& s : slow)
            open += s->stillOpen() ? 1 : 0;
        stop = true;
        trickle.join();
        QCOMPARE(status, 200);
        QCOMPARE(open, 32);
    }

    // 32 TLS connections that never send a ClientHello, then a real pull over TLS.
    void silentTlsSocketsDoNotBlockAPull() {
        QTemporaryDir keys;
        const QString cert = keys.filePath(QStringLiteral("cert.pem"));
        const QString key = keys.filePath(QStringLiteral("key.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                       QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                       QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                       QStringLiteral("subjectAltName=IP:127.0.0.1"), QStringLiteral("-days"),
                       QStringLiteral("2"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert});
        QVERIFY(openssl.waitForFinished(60000));
        QCOMPARE(openssl.exitCode(), 0);
        County county({QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key}, false);
        QVERIFY2(county.port() > 0, qPrintable(county.server->output()));
        // Enrol over TLS.
        const QString code = addCountyStation(county.db, QStringLiteral("西村站"), QStringLiteral("城关镇"));
        httplib::Client client(county.server->url().toStdString());
        client.set_ca_cert_path(cert.toStdString());
        client.enable_server_certificate_verification(true);
        const auto r =
            client.Post("/v1/enroll", {{sync::kHeaderProtocol, std::to_string(sync::kProtocolVersion)}},
                        sync::encode(sync::EnrollRequest{code}).toStdString(), sync::kContentType);
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        county.station = *sync::decodeEnrollResponse(QByteArray::fromStdString(r->body));

        std::vector<std::unique_ptr<Socket>> silent;
        for (int i = 0; i < 32; ++i) {
            silent.push_back(std::make_unique<Socket>(county.port(), "127.0.0.2"));
            QVERIFY(silent.back()->connected());
        }
        const int status = county.pull(county.server->url(), cert);
        int open = 0;
        for (auto& s : silent)
            open += s->stillOpen() ? 1 : 0;
        QCOMPARE(status, 200);
        QCOMPARE(open, 32);
    }

    // One kept connection serves many requests (the old server closed after 5).
    void keptConnectionServesManyRequests() {
        County county;
        Socket s(county.port());
        const QByteArray request =
            post(sync::pullPath(county.station.stationId), sync::encode(sync::PullRequest{0, 100}),
                 county.station.token, county.station.stationId);
        for (int i = 0; i < 20; ++i) {
            s.send(request);
            const QByteArray response = s.readResponse();
            QCOMPARE(statusOf(response), 200);
            QVERIFY2(!response.toLower().contains("connection: close"), qPrintable(QString::number(i)));
        }
    }

    // --max-connections-per-ip: one address cannot take every connection; another still gets in.
    void connectionsPerAddressAreLimited() {
        County county({QStringLiteral("--max-connections-per-ip"), QStringLiteral("8")});
        QVERIFY2(county.port() > 0, qPrintable(county.server->output()));
        std::vector<std::unique_ptr<Socket>> held;
        for (int i = 0; i < 8; ++i)
            held.push_back(std::make_unique<Socket>(county.port(), "127.0.0.3"));
        // The server accepts them all before it sees the ninth (a request on each proves it).
        for (auto& s : held) {
            s->send(post(sync::enrollPath(), sync::encode(sync::EnrollRequest{QStringLiteral("nope")})));
            QCOMPARE(statusOf(s->readResponse()), 401);
        }
        Socket ninth(county.port(), "127.0.0.3");
        ninth.send(post(sync::enrollPath(), sync::encode(sync::EnrollRequest{QStringLiteral("nope")})));
        QCOMPARE(statusOf(ninth.readResponse()), 0); // closed without an answer
        QCOMPARE(county.pull(), 200);                // from 127.0.0.1
    }

    // --request-timeout: a client that keeps sending a byte now and then is cut off at the
    // deadline for the whole request, though it is never idle.
    void wholeRequestDeadline() {
        County county({QStringLiteral("--request-timeout"), QStringLiteral("2")});
        QVERIFY2(county.port() > 0, qPrintable(county.server->output()));
        Socket s(county.port());
        s.send("POST /v1/enroll HTTP/1.1\r\n");
        bool closed = false;
        for (int i = 0; i < 300 && !closed; ++i) { // a backstop of 60 s for a server that never closes it
            closed = s.closedByServer(200);
            if (!closed)
                s.send("X");
        }
        QVERIFY(closed);
        QCOMPARE(county.pull(), 200);
    }
};

QTEST_GUILESS_MAIN(TstCountyHostile)
#include "tst_county_hostile.moc"
