// The HTTP(S) front of the county service (libmicrohttpd, see docs/architecture.md "The county's
// HTTP layer"): event-driven I/O on a few polling threads, the service's work on a pool of worker
// threads, and a bound on everything a client can make the server hold:
//   - connections: in all, and per client address;
//   - headers: the connection's memory pool (431 past it);
//   - bodies: per route, decided from the headers before the body is read (the token is checked
//     first), whatever the transfer encoding, and a server-wide budget of buffered body bytes;
//   - time: an idle timeout, and a deadline for a whole request, trickled or not.
// Every route goes to CountyService (admit() on the headers, handle() on the whole request).
// libmicrohttpd stays inside httpserver.cpp.
#pragma once

#include "result.h"

#include <QString>
#include <memory>

namespace cz::county {

class CountyService;

struct HttpServerOptions {
    QString host = QStringLiteral("127.0.0.1");
    int port = 8765; // 0: any free port (see HttpServer::port())
    QString tlsCert;
    QString tlsKey;
    bool allowPlainHttp = false; // plain HTTP on a non-loopback address
    int threads = 16;            // workers running the service (each with its own database connection)
    int pollThreads = 2;         // event loops doing the network I/O
    // A connection that sends or takes nothing for this long is closed. Idle kept connections cost
    // a socket and a few KiB, so stations keep theirs between syncs every few seconds.
    int idleTimeoutSeconds = 30;
    // A request must arrive whole (from the end of the previous one on its connection) and its
    // answer be taken within this, however slowly it trickles. A 2 000-op push is about 300 KB:
    // 10 s at 256 kbit/s.
    int requestTimeoutSeconds = 60;
    int maxConnections = 8000;
    // 0: no limit (behind a reverse proxy, where every connection comes from the proxy).
    int maxConnectionsPerIp = 64;
    // The memory pool of one connection: request line and headers must fit (431 otherwise).
    int maxHeaderBytes = 32 * 1024;
    // Body bytes buffered by all connections together; past it new body bytes close their connection.
    qint64 bodyBudgetBytes = 64 * 1024 * 1024;
    int maxQueuedRequests = 4096; // requests waiting for a worker; past it 503
    // Requests one client address may make: a token bucket of ratePerIpBurst refilled at
    // ratePerIpPerSecond (0: no limit); past it 429 with Retry-After. The address is the TCP
    // peer's, so loopback peers (local tools, a reverse proxy on this host, whose requests all
    // share its address) are not limited unless rateLimitLoopback.
    double ratePerIpPerSecond = 20;
    double ratePerIpBurst = 200;
    bool rateLimitLoopback = false;
};

[[nodiscard]] bool isLoopback(const QString& host);

class HttpServer {
public:
    // Checks the options, loads the TLS files, binds the port and starts accepting.
    [[nodiscard]] static Result<std::unique_ptr<HttpServer>> create(CountyService& service,
                                                                    const HttpServerOptions& options);
    ~HttpServer();

    [[nodiscard]] int port() const;
    [[nodiscard]] QString url() const; // http(s)://host:port
    // Serves until stop(); returns false if the server could not run.
    bool run();
    void stop(); // from any thread

private:
    struct Impl;
    explicit HttpServer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace cz::county
