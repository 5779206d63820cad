// The county server under a county's load and a hostile mix at once (issue 11), against the real
// `cunzhan-county serve` on loopback. Figures on stdout as "name: value unit".
//
//   build/bin/bench_county_hostile [--db sqlite:PATH | postgresql://…] [--stations 400] [--seconds 60]
//                                  [--interval-ms 3000] [--hostile 1000] [--no-hostile]
//
// Each station is a thread with one kept connection (raw sockets, from its own loopback address
// 127.0.1.x, four stations per address) syncing every --interval-ms: a push of one parcel op, then a
// pull from its cursor. Meanwhile the hostile side, from 50 other addresses (127.0.2.x):
//   - --hostile connections, half idle and half trickling a header byte every 5 s, reopened when
//     the server cuts them;
//   - a loop of enrolment bombs (32 KB of deflate, 33 M empty maps), a loop of chunked 300 MiB
//     bodies and a loop of header floods (20 000 × 8 KB).
// Figures: pull_p50_ms, pull_p99_ms (target <= 200 at 400 stations), push_p99_ms, failed requests,
// the server's RSS (sampled every 500 ms) and VmHWM (targets <= 300 MB), connections held by the
// hostile side at the end, and the attacks' own counts. --no-hostile gives the baseline. The bombs,
// chunked bodies and floods come --attack-rate times a second each (default 10); with 0 each loop
// runs flat out, which on a 2-core machine measures a CPU contest between attacker and server.
#include "countyprocess.h"
#include "protocol.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QUuid>
#include <algorithm>
#include <arpa/inet.h>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <mutex>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace cz;

namespace {

[[noreturn]] void die(const QString& what) {
    std::fprintf(stderr, "bench_county_hostile: %s\n", qPrintable(what));
    std::exit(1);
}

void figure(const char* name, double value, const char* unit) {
    std::printf("%s: %.2f %s\n", name, value, unit);
    std::fflush(stdout);
}

double percentile(std::vector<double> v, double q) {
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const auto rank = static_cast<size_t>(std::ceil(q * static_cast<double>(v.size())));
    return v[std::clamp<size_t>(rank, 1, v.size()) - 1];
}

qint64 statusKb(qint64 pid, const char* field) {
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(int(strlen(field))).trimmed().split(' ').first().toLongLong();
    return 0;
}

// A blocking TCP connection from a chosen loopback address, with just enough HTTP/1.1 for the
// county: requests with Content-Length, answers with Content-Length.
class Conn {
public:
    Conn(int port, const QByteArray& from) {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in src{};
        src.sin_family = AF_INET;
        ::inet_pton(AF_INET, from.constData(), &src.sin_addr);
        sockaddr_in dst{};
        dst.sin_family = AF_INET;
        dst.sin_port = htons(quint16(port));
        ::inet_pton(AF_INET, "127.0.0.1", &dst.sin_addr);
        const int one = 1;
        ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        m_ok = ::bind(m_fd, reinterpret_cast<sockaddr*>(&src), sizeof src) == 0 &&
               ::connect(m_fd, reinterpret_cast<sockaddr*>(&dst), sizeof dst) == 0;
    }
    ~Conn() { ::close(m_fd); }
    Conn(const Conn&) = delete;
    Conn& operator=(const Conn&) = delete;
    [[nodiscard]] bool ok() const { return m_ok; }

    // Sends until done, or until the server answers or closes; returns the bytes sent.
    qint64 send(const QByteArray& data) {
        qint64 sent = 0;
        while (m_ok && sent < data.size()) {
            pollfd p{m_fd, POLLOUT | POLLIN, 0};
            if (::poll(&p, 1, 30000) <= 0 || (p.revents & (POLLIN | POLLERR | POLLHUP)))
                break;
            const ssize_t n = ::send(m_fd, data.constData() + sent, size_t(data.size() - sent), MSG_NOSIGNAL);
            if (n <= 0) {
                m_ok = false;
                break;
            }
            sent += n;
        }
        return sent;
    }

    // Status and body of one answer; status 0 when the connection closed or nothing came in waitMs.
    std::pair<int, QByteArray> read(int waitMs = 30000) {
        while (true) {
            const qsizetype end = m_in.indexOf("\r\n\r\n");
            if (end >= 0) {
                qsizetype length = 0;
                for (const QByteArray& line : m_in.left(end).split('\n'))
                    if (line.toLower().startsWith("content-length:"))
                        length = line.mid(15).trimmed().toLongLong();
                if (m_in.size() >= end + 4 + length) {
                    const int status = m_in.mid(9, 3).toInt();
                    const QByteArray body = m_in.mid(end + 4, length);
                    if (m_in.left(end).toLower().contains("connection: close"))
                        m_ok = false;
                    m_in.remove(0, end + 4 + length);
                    return {status, body};
                }
            }
            pollfd p{m_fd, POLLIN, 0};
            if (::poll(&p, 1, waitMs) <= 0) {
                m_ok = false;
                return {0, {}};
            }
            char buf[65536];
            const ssize_t n = ::recv(m_fd, buf, sizeof buf, 0);
            if (n <= 0) {
                m_ok = false;
                return {0, {}};
            }
            m_in.append(buf, n);
        }
    }

    // True when the server has closed it (EOF or reset), without waiting.
    bool closedByServer() {
        pollfd p{m_fd, POLLIN, 0};
        if (::poll(&p, 1, 0) <= 0)
            return !m_ok;
        char buf[4096];
        return ::recv(m_fd, buf, sizeof buf, MSG_DONTWAIT) <= 0;
    }

private:
    int m_fd = -1;
    bool m_ok = false;
    QByteArray m_in;
};

QByteArray post(const QString& path, const QByteArray& body, const QString& token = {},
                const QString& station = {}) {
    QByteArray r = "POST " + path.toUtf8() + " HTTP/1.1\r\nHost: county\r\n" + sync::kHeaderProtocol + ": " +
                   QByteArray::number(sync::kProtocolVersion) + "\r\nContent-Type: " + sync::kContentType +
                   "\r\n";
    if (!token.isEmpty())
        r += "Authorization: Bearer " + token.toLatin1() + "\r\n" + sync::kHeaderStation + ": " +
             station.toUtf8() + "\r\n";
    return r + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

QByteArray stationAddress(int i) {
    return "127.0.1." + QByteArray::number(1 + i / 4);
}
QByteArray hostileAddress(int i) {
    return "127.0.2." + QByteArray::number(1 + i % 50);
}

struct Station {
    QString id;
    QString token;
};

sync::WireOp parcelOp(qint64 at) {
    const QString parcelId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    sync::WireOp op;
    op.opId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    op.seq = at;
    op.entity = QStringLiteral("parcel");
    op.entityId = parcelId;
    op.kind = QStringLiteral("parcel.received");
    const QJsonObject parcel{
        {QStringLiteral("id"), parcelId},
        {QStringLiteral("waybill"), QStringLiteral("YT%1").arg(4300000000000LL + at % 1000000)},
        {QStringLiteral("carrier"), QStringLiteral("YTO")},
        {QStringLiteral("phone"), QStringLiteral("13800138000")},
        {QStringLiteral("pickup_code"), QStringLiteral("3-2-1045")},
        {QStringLiteral("status"), QStringLiteral("waiting")}};
    op.payload = {{QStringLiteral("event_id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                  {QStringLiteral("at"), at},
                  {QStringLiteral("data"), QJsonObject{}},
                  {QStringLiteral("parcel"), parcel}};
    op.schemaVersion = 1;
    op.createdAt = at;
    return op;
}

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

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    const QCommandLineOption dbOpt(QStringLiteral("db"), QStringLiteral("County database."),
                                   QStringLiteral("spec"));
    const QCommandLineOption stationsOpt(QStringLiteral("stations"), QStringLiteral("Stations."),
                                         QStringLiteral("n"), QStringLiteral("400"));
    const QCommandLineOption secondsOpt(QStringLiteral("seconds"), QStringLiteral("Measured time."),
                                        QStringLiteral("s"), QStringLiteral("60"));
    const QCommandLineOption intervalOpt(QStringLiteral("interval-ms"), QStringLiteral("Sync interval."),
                                         QStringLiteral("ms"), QStringLiteral("3000"));
    const QCommandLineOption hostileOpt(QStringLiteral("hostile"),
                                        QStringLiteral("Idle/trickling connections."), QStringLiteral("n"),
                                        QStringLiteral("1000"));
    const QCommandLineOption noHostile(QStringLiteral("no-hostile"), QStringLiteral("Stations only."));
    const QCommandLineOption partsOpt(QStringLiteral("parts"), QStringLiteral("Hostile parts to run."),
                                      QStringLiteral("idle,bomb,chunked,flood"),
                                      QStringLiteral("idle,bomb,chunked,flood"));
    const QCommandLineOption rateOpt(
        QStringLiteral("attack-rate"),
        QStringLiteral("Bombs, chunked bodies and header floods per second, each (0: as "
                       "fast as the attacking thread goes)."),
        QStringLiteral("n"), QStringLiteral("10"));
    p.addOptions({dbOpt, stationsOpt, secondsOpt, intervalOpt, hostileOpt, noHostile, partsOpt, rateOpt});
    p.process(app);
    const int stationCount = p.value(stationsOpt).toInt();
    const int seconds = p.value(secondsOpt).toInt();
    const int intervalMs = p.value(intervalOpt).toInt();
    const QStringList parts = p.isSet(noHostile) ? QStringList() : p.value(partsOpt).split(QLatin1Char(','));
    const int attackRate = p.value(rateOpt).toInt();
    // Paces an attacking loop at attackRate per second (an unpaced loop on the same two cores is a
    // CPU contest, not a test of the server).
    const auto pace = [attackRate](QElapsedTimer& since, qint64 n) {
        if (attackRate <= 0)
            return;
        const qint64 due = n * 1000 / attackRate;
        if (due > since.elapsed())
            std::this_thread::sleep_for(std::chrono::milliseconds(due - since.elapsed()));
    };
    const int hostileCount = parts.contains(QStringLiteral("idle")) ? p.value(hostileOpt).toInt() : 0;

    rlimit files{};
    getrlimit(RLIMIT_NOFILE, &files);
    files.rlim_cur = files.rlim_max;
    setrlimit(RLIMIT_NOFILE, &files);

    QTemporaryDir dir;
    const QString db = p.isSet(dbOpt) ? p.value(dbOpt)
                                      : QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("county.db"));
    std::fprintf(stderr, "# adding %d stations\n", stationCount);
    QStringList codes;
    for (int i = 0; i < stationCount; ++i) {
        codes << test::addCountyStation(db, QStringLiteral("站%1").arg(i), QStringLiteral("城关镇"));
        if (codes.last().isEmpty())
            die(QStringLiteral("station add failed"));
    }
    test::CountyProcess server(db);
    if (server.port() == 0)
        die(QStringLiteral("the server did not start: ") + server.output());
    const int port = server.port();
    const qint64 pid = server.process().processId();
    std::vector<Station> stations;
    for (int i = 0; i < stationCount; ++i) {
        Conn c(port, stationAddress(i));
        c.send(post(sync::enrollPath(), sync::encode(sync::EnrollRequest{codes.at(i)})));
        const auto [status, body] = c.read();
        const auto e = sync::decodeEnrollResponse(body);
        if (status != 200 || !e)
            die(QStringLiteral("enrol failed: %1").arg(status));
        stations.push_back({e->stationId, e->token});
    }
    std::fprintf(stderr, "# server on %d (pid %lld), %s; %d stations, %d hostile connections, %d s\n", port,
                 pid, qPrintable(db), stationCount, hostileCount, seconds);
    const qint64 rssStart = statusKb(pid, "VmRSS:");

    std::atomic<bool> stop{false};
    std::mutex mutex;
    std::vector<double> pulls, pushes;
    std::atomic<int> failed{0};
    std::vector<std::thread> threads;
    QElapsedTimer wall;
    wall.start();
    for (int i = 0; i < stationCount; ++i)
        threads.emplace_back([&, i] {
            const Station& s = stations[size_t(i)];
            std::unique_ptr<Conn> c;
            qint64 cursor = 0;
            // Spread the first syncs over the interval.
            std::this_thread::sleep_for(std::chrono::milliseconds(qint64(intervalMs) * i / stationCount));
            while (!stop) {
                QElapsedTimer cycle;
                cycle.start();
                const auto exchange = [&](const QByteArray& request,
                                          std::vector<double>* into) -> QByteArray {
                    if (!c || !c->ok())
                        c = std::make_unique<Conn>(port, stationAddress(i));
                    QElapsedTimer t;
                    t.start();
                    c->send(request);
                    const auto [status, body] = c->read();
                    const double ms = double(t.nsecsElapsed()) / 1e6;
                    if (status != 200) {
                        if (++failed <= 5)
                            std::fprintf(stderr, "# request failed after %.0f ms: status %d\n", ms, status);
                        c.reset();
                        return {};
                    }
                    const std::lock_guard lock(mutex);
                    into->push_back(ms);
                    return body;
                };
                exchange(post(sync::pushPath(s.id),
                              sync::encode(sync::PushRequest{
                                  {}, {parcelOp(QDateTime::currentMSecsSinceEpoch())}, true}),
                              s.token, s.id),
                         &pushes);
                const QByteArray body = exchange(
                    post(sync::pullPath(s.id), sync::encode(sync::PullRequest{cursor, 1000}), s.token, s.id),
                    &pulls);
                if (const auto pulled = sync::decodePullResponse(body))
                    cursor = pulled->next;
                const qint64 rest = intervalMs - cycle.elapsed();
                for (qint64 slept = 0; slept < rest && !stop; slept += 100)
                    std::this_thread::sleep_for(
                        std::chrono::milliseconds(std::min<qint64>(100, rest - slept)));
            }
        });

    // The hostile side.
    std::atomic<qint64> bombs{0}, chunked{0}, floods{0}, reopened{0};
    std::atomic<int> held{0};
    if (hostileCount > 0)
        threads.emplace_back([&] {
            std::vector<std::unique_ptr<Conn>> conns(static_cast<size_t>(hostileCount));
            qint64 round = 0;
            while (!stop) {
                int open = 0;
                for (int i = 0; i < hostileCount && !stop; ++i) {
                    auto& c = conns[size_t(i)];
                    if (c && c->closedByServer()) {
                        c.reset();
                        ++reopened;
                    }
                    if (!c) {
                        c = std::make_unique<Conn>(port, hostileAddress(i));
                        if (i % 2 == 1)
                            c->send("POST /v1/enroll HTTP/1.1\r\n");
                    } else if (i % 2 == 1 && round % 50 == 0) {
                        c->send("X");
                    }
                    open += c->ok() ? 1 : 0;
                }
                held = open;
                ++round;
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
        });
    const QByteArray bomb = post(sync::enrollPath(), emptyMapBomb("code", 33'000'000));
    if (parts.contains(QStringLiteral("bomb")))
        threads.emplace_back([&] {
            QElapsedTimer paced;
            paced.start();
            for (int n = 0; !stop; ++n) {
                pace(paced, n);
                Conn c(port, hostileAddress(n));
                c.send(bomb);
                c.read(10000);
                ++bombs;
            }
        });
    if (parts.contains(QStringLiteral("chunked")))
        threads.emplace_back([&] {
            const QByteArray chunk =
                QByteArray::number(1 << 20, 16) + "\r\n" + QByteArray(1 << 20, 'x') + "\r\n";
            QElapsedTimer paced;
            paced.start();
            for (int n = 0; !stop; ++n) {
                pace(paced, n);
                Conn c(port, hostileAddress(n + 7));
                c.send("POST /v1/enroll HTTP/1.1\r\nHost: county\r\ncunzhan-protocol: 2\r\n"
                       "Transfer-Encoding: chunked\r\n\r\n");
                for (int i = 0; i < 300 && !stop && c.send(chunk) == chunk.size(); ++i) {
                }
                ++chunked;
            }
        });
    if (parts.contains(QStringLiteral("flood")))
        threads.emplace_back([&] {
            const QByteArray line = "X-Filler: " + QByteArray(8192, 'a') + "\r\n";
            QElapsedTimer paced;
            paced.start();
            for (int n = 0; !stop; ++n) {
                pace(paced, n);
                Conn c(port, hostileAddress(n + 13));
                c.send("GET /v1/enroll HTTP/1.1\r\n");
                for (int i = 0; i < 20000 && !stop && c.send(line) == line.size(); ++i) {
                }
                ++floods;
            }
        });

    qint64 rssMax = 0;
    while (wall.elapsed() < qint64(seconds) * 1000) {
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        rssMax = std::max(rssMax, statusKb(pid, "VmRSS:"));
    }
    stop = true;
    for (auto& t : threads)
        t.join();
    const qint64 hwm = statusKb(pid, "VmHWM:");

    std::printf("backend: %s\n", db.startsWith(QLatin1String("sqlite:")) ? "sqlite" : "postgresql");
    figure("stations", stationCount, "");
    figure("interval_ms", intervalMs, "ms");
    figure("hostile_connections", hostileCount, "");
    figure("pulls", double(pulls.size()), "");
    figure("pull_p50_ms", percentile(pulls, 0.5), "ms");
    figure("pull_p99_ms", percentile(pulls, 0.99), "ms");
    figure("pull_max_ms", percentile(pulls, 1.0), "ms");
    figure("push_p50_ms", percentile(pushes, 0.5), "ms");
    figure("push_p99_ms", percentile(pushes, 0.99), "ms");
    figure("failed_requests", failed.load(), "");
    figure("server_rss_start_mb", double(rssStart) / 1024, "MB");
    figure("server_rss_max_mb", double(rssMax) / 1024, "MB");
    figure("server_hwm_mb", double(hwm) / 1024, "MB");
    if (!parts.isEmpty()) {
        figure("hostile_held_at_end", held.load(), "");
        figure("hostile_reopened", double(reopened.load()), "");
        figure("bombs_sent", double(bombs.load()), "");
        figure("chunked_300mib_sent", double(chunked.load()), "");
        figure("header_floods_sent", double(floods.load()), "");
    }
    return 0;
}
