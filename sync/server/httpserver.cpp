#include "httpserver.h"

#include "protocol.h"
#include "service.h"

#include <QDir>
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>

namespace cz::county {

namespace {

sync::HttpRequest toRequest(const httplib::Request& req) {
    sync::HttpRequest out;
    out.method = QByteArray::fromStdString(req.method);
    out.path = QString::fromStdString(req.path);
    for (const auto& [name, value] : req.headers)
        out.headers.append({QByteArray::fromStdString(name).toLower(), QByteArray::fromStdString(value)});
    out.body = QByteArray::fromStdString(req.body);
    return out;
}

void writeResponse(const sync::HttpResponse& r, httplib::Response& res) {
    res.status = r.status;
    res.set_content(r.body.toStdString(), r.contentType.toStdString());
}

// Replies httplib makes itself (body too large, unreadable request) get our structured body too.
void fillError(httplib::Response& res) {
    if (!res.body.empty())
        return;
    const bool tooLarge = res.status == 413;
    const QByteArray body = sync::encode(sync::ErrorBody{
        tooLarge ? QStringLiteral("request.too_large") : QStringLiteral("request.malformed"),
        tooLarge ? QStringLiteral("The request body is larger than %1 bytes.").arg(sync::kMaxBodyBytes)
                 : QStringLiteral("The HTTP request could not be read (status %1).").arg(res.status)});
    res.set_content(body.toStdString(), sync::kContentType);
}

Error badOptions(const QString& message) {
    return {ErrorKind::BadInput, QStringLiteral("serve.bad_options"), message, {}};
}

} // namespace

bool isLoopback(const QString& host) {
    return host == QLatin1String("localhost") || host == QLatin1String("::1") ||
           host.startsWith(QLatin1String("127."));
}

struct HttpServer::Impl {
    std::unique_ptr<httplib::Server> server;
    QString scheme;
    QString host;
    int port = 0;
};

HttpServer::HttpServer(std::unique_ptr<Impl> impl)
    : m_impl(std::move(impl)) {}

HttpServer::~HttpServer() = default;

namespace {

// Debian's compiled cpp-httplib listens with a backlog of 5 (CPPHTTPLIB_LISTEN_BACKLOG, fixed when
// the library was built). When many stations connect at once the accept queue overflows and
// connections stall or fail, so the listening socket's backlog is raised here: listen() again on
// a listening socket only changes its backlog. The socket is found among our own descriptors by
// its port, since the library keeps it private.
void widenListenBacklog(int port) {
    const QDir fds(QStringLiteral("/proc/self/fd"));
    for (const QString& entry : fds.entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot)) {
        bool ok = false;
        const int fd = entry.toInt(&ok);
        int listening = 0;
        socklen_t len = sizeof listening;
        if (!ok || ::getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &len) != 0 || !listening)
            continue;
        sockaddr_storage addr{};
        socklen_t addrLen = sizeof addr;
        if (::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &addrLen) != 0)
            continue;
        const int boundPort = addr.ss_family == AF_INET6
                                  ? ntohs(reinterpret_cast<const sockaddr_in6*>(&addr)->sin6_port)
                                  : ntohs(reinterpret_cast<const sockaddr_in*>(&addr)->sin_port);
        if (boundPort == port)
            ::listen(fd, SOMAXCONN);
    }
}

} // namespace

Result<std::unique_ptr<HttpServer>> HttpServer::create(CountyService& service,
                                                       const HttpServerOptions& options) {
    const bool tls = !options.tlsCert.isEmpty() || !options.tlsKey.isEmpty();
    if (tls && (options.tlsCert.isEmpty() || options.tlsKey.isEmpty()))
        return fail(badOptions(QStringLiteral("Give both --tls-cert and --tls-key.")));
    if (!tls && !isLoopback(options.host) && !options.allowPlainHttp)
        return fail(badOptions(
            QStringLiteral(
                "Refusing plain HTTP on %1: tokens would cross the network unencrypted. Give --tls-cert "
                "and --tls-key, listen on 127.0.0.1 behind a TLS proxy, or pass --allow-plain-http.")
                .arg(options.host)));
    auto impl = std::make_unique<Impl>();
    impl->scheme = tls ? QStringLiteral("https") : QStringLiteral("http");
    impl->host = options.host;
    if (tls) {
        auto ssl = std::make_unique<httplib::SSLServer>(options.tlsCert.toLocal8Bit().constData(),
                                                        options.tlsKey.toLocal8Bit().constData());
        if (!ssl->is_valid())
            return fail(badOptions(QStringLiteral("Cannot load the TLS certificate %1 or key %2.")
                                       .arg(options.tlsCert, options.tlsKey)));
        impl->server = std::move(ssl);
    } else {
        impl->server = std::make_unique<httplib::Server>();
    }
    httplib::Server& s = *impl->server;
    const int threads = options.threads;
    s.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
    s.set_payload_max_length(static_cast<size_t>(sync::kMaxBodyBytes));
    s.set_read_timeout(options.timeoutSeconds);
    s.set_write_timeout(options.timeoutSeconds);
    s.set_keep_alive_timeout(options.keepAliveSeconds);
    const auto route = [&service](const httplib::Request& req, httplib::Response& res) {
        writeResponse(service.handle(toRequest(req)), res);
    };
    const std::string any = ".*";
    s.Get(any, route);
    s.Post(any, route);
    s.Put(any, route);
    s.Patch(any, route);
    s.Delete(any, route);
    s.Options(any, route);
    s.set_error_handler([](const httplib::Request&, httplib::Response& res) { fillError(res); });

    const std::string host = options.host.toStdString();
    impl->port = options.port == 0 ? s.bind_to_any_port(host)
                                   : (s.bind_to_port(host, options.port) ? options.port : -1);
    if (impl->port <= 0)
        return fail(ErrorKind::Unavailable, QStringLiteral("serve.cannot_bind"),
                    QStringLiteral("Cannot listen on %1:%2 (address in use or not available).")
                        .arg(options.host)
                        .arg(options.port));
    widenListenBacklog(impl->port);
    return std::unique_ptr<HttpServer>(new HttpServer(std::move(impl)));
}

int HttpServer::port() const {
    return m_impl->port;
}

QString HttpServer::url() const {
    const QString host =
        m_impl->host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(m_impl->host) : m_impl->host;
    return QStringLiteral("%1://%2:%3").arg(m_impl->scheme, host).arg(m_impl->port);
}

bool HttpServer::run() {
    return m_impl->server->listen_after_bind();
}

void HttpServer::stop() {
    m_impl->server->stop();
}

} // namespace cz::county
