// A fault-injecting HTTP/1.1 proxy for sync tests and benchmarks. It sits between the station
// client and cunzhan-county on loopback and, per request, at random (seeded):
//   --drop-request P   closes the client's connection before the request reaches the server
//   --drop-response P  lets the server handle the request, then closes without answering
//   --truncate P       forwards only part of the response, then closes
//   --replay P         sends the request to the server a second time on another connection
//   --delay-ms N       delays each response by up to N ms
// and models a slow link for the whole run:
//   --rate-kbit N --rtt-ms N   store-and-forward at N kbit/s each way plus half the round trip
// It understands just enough HTTP (request and response heads, Content-Length) to find message
// boundaries; it prints "listening on PORT" and a final tally on SIGTERM/stdin close.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QPointer>
#include <QRandomGenerator>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <cstdio>
#include <memory>
#include <optional>

namespace {

struct Options {
    QString targetHost = QStringLiteral("127.0.0.1");
    quint16 targetPort = 0;
    double dropRequest = 0, dropResponse = 0, truncate = 0, replay = 0;
    int delayMs = 0;
    double rateKbit = 0; // 0 = unlimited
    int rttMs = 0;
};

struct Tally {
    int requests = 0, droppedRequests = 0, droppedResponses = 0, truncated = 0, replayed = 0;
    qint64 bytesUp = 0, bytesDown = 0;
};

// Length of the first complete HTTP message in buf, or nullopt while it is incomplete.
std::optional<qsizetype> messageLength(const QByteArray& buf) {
    const qsizetype headEnd = buf.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return std::nullopt;
    qsizetype contentLength = 0;
    for (const QByteArray& line : buf.left(headEnd).split('\n')) {
        const QByteArray l = line.trimmed().toLower();
        if (l.startsWith("content-length:"))
            contentLength = l.mid(15).trimmed().toLongLong();
    }
    const qsizetype total = headEnd + 4 + contentLength;
    if (buf.size() < total)
        return std::nullopt;
    return total;
}

// One direction of the modelled link: messages leave one after another at the given rate and
// arrive half a round trip later.
class Link {
public:
    explicit Link(const Options& o)
        : m_o(o) {
        m_clock.start();
    }
    // Milliseconds from now until a message of `bytes` sent now has fully arrived.
    qint64 schedule(qsizetype bytes) {
        const qint64 now = m_clock.elapsed();
        const qint64 start = std::max(now, m_busyUntil);
        const qint64 transfer = m_o.rateKbit > 0 ? qint64(double(bytes) * 8.0 / m_o.rateKbit) : 0;
        m_busyUntil = start + transfer;
        return m_busyUntil + m_o.rttMs / 2 - now;
    }

private:
    const Options& m_o;
    QElapsedTimer m_clock;
    qint64 m_busyUntil = 0;
};

class Proxy : public QObject {
public:
    Proxy(Options o, quint32 seed)
        : m_o(std::move(o))
        , m_rng(seed)
        , m_up(m_o)
        , m_down(m_o) {
        connect(&m_server, &QTcpServer::newConnection, this, &Proxy::accept);
    }
    bool listen(quint16 port) { return m_server.listen(QHostAddress::LocalHost, port); }
    quint16 port() const { return m_server.serverPort(); }
    const Tally& tally() const { return m_tally; }

private:
    bool roll(double p) { return p > 0 && m_rng.generateDouble() < p; }

    // One client connection and its upstream connection to the server.
    struct Conn {
        QPointer<QTcpSocket> client;
        QTcpSocket* upstream = nullptr;
        QByteArray request, response;
        int inFlight = 0; // responses scheduled for delivery but not yet written
        bool upstreamClosed = false;
    };

    void accept() {
        while (QTcpSocket* client = m_server.nextPendingConnection()) {
            auto conn = std::make_shared<Conn>();
            conn->client = client;
            conn->upstream = new QTcpSocket(client);
            conn->upstream->connectToHost(m_o.targetHost, m_o.targetPort);
            connect(client, &QTcpSocket::readyRead, this, [this, conn] {
                conn->request.append(conn->client->readAll());
                forwardRequests(conn);
            });
            connect(conn->upstream, &QTcpSocket::readyRead, this, [this, conn] {
                conn->response.append(conn->upstream->readAll());
                forwardResponses(conn);
            });
            connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
            // The server closed: pass that on once everything it sent has been delivered.
            connect(conn->upstream, &QTcpSocket::disconnected, this, [conn] {
                conn->upstreamClosed = true;
                if (conn->inFlight == 0 && conn->client)
                    conn->client->disconnectFromHost();
            });
        }
    }

    void forwardRequests(const std::shared_ptr<Conn>& conn) {
        QByteArray* buf = &conn->request;
        while (const auto len = messageLength(*buf)) {
            const QByteArray message = buf->left(*len);
            buf->remove(0, *len);
            ++m_tally.requests;
            if (roll(m_o.dropRequest)) {
                ++m_tally.droppedRequests;
                conn->client->abort();
                return;
            }
            if (roll(m_o.replay)) {
                ++m_tally.replayed;
                auto* twin = new QTcpSocket(this);
                connect(twin, &QTcpSocket::connected, twin, [twin, message] { twin->write(message); });
                connect(twin, &QTcpSocket::readyRead, twin, [twin] {
                    if (messageLength(twin->peek(twin->bytesAvailable())))
                        twin->deleteLater();
                });
                connect(twin, &QTcpSocket::disconnected, twin, &QObject::deleteLater);
                twin->connectToHost(m_o.targetHost, m_o.targetPort);
            }
            m_tally.bytesUp += message.size();
            QPointer<QTcpSocket> up(conn->upstream);
            QTimer::singleShot(m_up.schedule(message.size()), this, [up, message] {
                if (up)
                    up->write(message);
            });
        }
    }

    void forwardResponses(const std::shared_ptr<Conn>& conn) {
        QByteArray* buf = &conn->response;
        while (const auto len = messageLength(*buf)) {
            QByteArray message = buf->left(*len);
            buf->remove(0, *len);
            if (roll(m_o.dropResponse)) {
                ++m_tally.droppedResponses;
                conn->client->abort();
                return;
            }
            bool cut = false;
            if (roll(m_o.truncate) && message.size() > 1) {
                ++m_tally.truncated;
                message.truncate(qsizetype(m_rng.bounded(quint32(message.size() - 1))) + 1);
                cut = true;
            }
            m_tally.bytesDown += message.size();
            const qint64 delay =
                m_down.schedule(message.size()) + (m_o.delayMs > 0 ? m_rng.bounded(m_o.delayMs + 1) : 0);
            ++conn->inFlight;
            QTimer::singleShot(delay, this, [conn, message, cut] {
                --conn->inFlight;
                QTcpSocket* c = conn->client;
                if (!c)
                    return;
                c->write(message);
                if (cut) {
                    c->flush();
                    c->abort();
                } else if (conn->upstreamClosed && conn->inFlight == 0) {
                    c->disconnectFromHost();
                }
            });
            if (cut)
                return;
        }
    }

    Options m_o;
    QRandomGenerator m_rng;
    QTcpServer m_server;
    Link m_up, m_down;
    Tally m_tally;
};

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    const QCommandLineOption listen(QStringLiteral("listen"), QStringLiteral("Port to listen on (0 = any)."),
                                    QStringLiteral("port"), QStringLiteral("0"));
    const QCommandLineOption target(QStringLiteral("target"), QStringLiteral("Server as HOST:PORT."),
                                    QStringLiteral("host:port"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Random seed."), QStringLiteral("n"),
                                  QStringLiteral("1"));
    const QCommandLineOption dropReq(QStringLiteral("drop-request"), QStringLiteral("P"),
                                     QStringLiteral("p"));
    const QCommandLineOption dropResp(QStringLiteral("drop-response"), QStringLiteral("P"),
                                      QStringLiteral("p"));
    const QCommandLineOption trunc(QStringLiteral("truncate"), QStringLiteral("P"), QStringLiteral("p"));
    const QCommandLineOption replay(QStringLiteral("replay"), QStringLiteral("P"), QStringLiteral("p"));
    const QCommandLineOption delay(QStringLiteral("delay-ms"), QStringLiteral("N"), QStringLiteral("ms"));
    const QCommandLineOption rate(QStringLiteral("rate-kbit"), QStringLiteral("N"), QStringLiteral("kbit"));
    const QCommandLineOption rtt(QStringLiteral("rtt-ms"), QStringLiteral("N"), QStringLiteral("ms"));
    p.addOptions({listen, target, seed, dropReq, dropResp, trunc, replay, delay, rate, rtt});
    p.process(app);

    Options o;
    const QStringList hostPort = p.value(target).split(QLatin1Char(':'));
    if (hostPort.size() != 2) {
        std::fprintf(stderr, "faultproxy: --target HOST:PORT is required\n");
        return 2;
    }
    o.targetHost = hostPort[0];
    o.targetPort = quint16(hostPort[1].toUInt());
    o.dropRequest = p.value(dropReq).toDouble();
    o.dropResponse = p.value(dropResp).toDouble();
    o.truncate = p.value(trunc).toDouble();
    o.replay = p.value(replay).toDouble();
    o.delayMs = p.value(delay).toInt();
    o.rateKbit = p.value(rate).toDouble();
    o.rttMs = p.value(rtt).toInt();

    Proxy proxy(o, p.value(seed).toUInt());
    if (!proxy.listen(quint16(p.value(listen).toUInt()))) {
        std::fprintf(stderr, "faultproxy: cannot listen\n");
        return 5;
    }
    std::printf("listening on %u\n", unsigned(proxy.port()));
    std::fflush(stdout);
    // Quit when stdin closes (the parent test went away) and print the tally.
    QSocketNotifier stdinClosed(0, QSocketNotifier::Read);
    QObject::connect(&stdinClosed, &QSocketNotifier::activated, &app, [&] {
        char c;
        if (::fread(&c, 1, 1, stdin) == 0)
            app.quit();
    });
    const int rc = app.exec();
    const Tally& t = proxy.tally();
    std::printf("requests %d dropped_requests %d dropped_responses %d truncated %d replayed %d bytes_up %lld "
                "bytes_down %lld\n",
                t.requests, t.droppedRequests, t.droppedResponses, t.truncated, t.replayed,
                static_cast<long long>(t.bytesUp), static_cast<long long>(t.bytesDown));
    return rc;
}
