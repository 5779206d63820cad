// The HTTP(S) front of the county service (cpp-httplib, see docs/architecture.md): a thread pool,
// the body limit (413 with a structured body), read/write timeouts, keep-alive, optional TLS.
// Every route goes to CountyService::handle. httplib stays inside httpserver.cpp.
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
    int threads = 16;
    int timeoutSeconds = 15;
    // How long an idle connection may wait for its next request. A worker thread belongs to the
    // connection meanwhile, so this is shorter than the read timeout; but a village link can take
    // seconds to deliver the next request of the same sync (1 s broke the 256 kbit/s catch-up
    // benchmark: the county closed connections the station was about to use).
    int keepAliveSeconds = 5;
};

[[nodiscard]] bool isLoopback(const QString& host);

class HttpServer {
public:
    // Checks the options, loads the TLS files and binds the port.
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
