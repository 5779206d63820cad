#include "httpserver.h"

#include "protocol.h"
#include "ratelimit.h"
#include "securitylog.h"
#include "service.h"

#include <QFile>
#include <QLoggingCategory>
#include <arpa/inet.h>
#include <atomic>
#include <condition_variable>
#include <cstdarg>
#include <deque>
#include <functional>
#include <microhttpd.h>
#include <mutex>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <unordered_set>

namespace cz::county {

// libmicrohttpd's own messages (one per refused request): debug only, or a hostile client would fill the log.
Q_LOGGING_CATEGORY(lcHttp, "cunzhan.county.http", QtWarningMsg)

namespace {

qint64 nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

Error badOptions(const QString& message) {
    return {ErrorKind::BadInput, QStringLiteral("serve.bad_options"), message, {}};
}

sync::HttpResponse errorResponse(int status, const QString& code, const QString& message) {
    return {status, sync::encode(sync::ErrorBody{code, message}), sync::kContentType};
}

sync::HttpResponse tooLarge(qsizetype limit) {
    return errorResponse(413, QStringLiteral("request.too_large"),
                         QStringLiteral("The request body is larger than %1 bytes.").arg(limit));
}

sync::HttpResponse busy() {
    return errorResponse(503, QStringLiteral("server.busy"),
                         QStringLiteral("The county server is busy; try again later."));
}

// A fixed set of threads running queued jobs; post() refuses past maxQueued.
class WorkerPool {
public:
    WorkerPool(int threads, int maxQueued)
        : m_maxQueued(size_t(maxQueued)) {
        for (int i = 0; i < threads; ++i)
            m_threads.emplace_back([this] { loop(); });
    }
    ~WorkerPool() { stop(); }

    bool post(std::function<void()> job) {
        {
            const std::lock_guard lock(m_mutex);
            if (m_stopping || m_jobs.size() >= m_maxQueued)
                return false;
            m_jobs.push_back(std::move(job));
        }
        m_wake.notify_one();
        return true;
    }

    // Runs what is queued, then ends the threads.
    void stop() {
        {
            const std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_all();
        for (std::thread& t : m_threads)
            if (t.joinable())
                t.join();
    }

private:
    void loop() {
        std::unique_lock lock(m_mutex);
        while (true) {
            m_wake.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
            if (m_jobs.empty())
                return;
            std::function<void()> job = std::move(m_jobs.front());
            m_jobs.pop_front();
            lock.unlock();
            job();
            lock.lock();
        }
    }

    const size_t m_maxQueued;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_jobs;
    bool m_stopping = false;
    std::vector<std::thread> m_threads;
};

// One accepted socket (libmicrohttpd's socket context). The deadline sweeper reads it.
struct Connection {
    enum Phase { Reading, Working, Writing, Cut };
    int fd = -1;
    std::atomic<int> phase{Reading};
    std::atomic<qint64> since{0}; // when the current phase began (steady clock, ms)
    void enter(Phase p) {
        since = nowMs();
        phase = p;
    }
};

// One request on a connection (libmicrohttpd's con_cls), from its headers to its completion.
struct Exchange {
    Connection* connection = nullptr;
    sync::HttpRequest request;
    qsizetype maxBody = 0;
    qint64 reserved = 0;                       // bytes held against the server-wide body budget
    std::optional<sync::HttpResponse> refusal; // answered once the (discarded) body has arrived
    std::optional<sync::HttpResponse> response;
    bool dispatched = false;
};

// The client's address as text ("127.0.0.2", "::1"), empty when unknown.
QString clientAddress(MHD_Connection* c) {
    const MHD_ConnectionInfo* info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (!info || !info->client_addr)
        return {};
    char text[INET6_ADDRSTRLEN] = {};
    const sockaddr* a = info->client_addr;
    const void* raw = a->sa_family == AF_INET6
                          ? static_cast<const void*>(&reinterpret_cast<const sockaddr_in6*>(a)->sin6_addr)
                          : static_cast<const void*>(&reinterpret_cast<const sockaddr_in*>(a)->sin_addr);
    if (!inet_ntop(a->sa_family, raw, text, sizeof text))
        return {};
    return QString::fromLatin1(text);
}

MHD_Result queue(MHD_Connection* c, const sync::HttpResponse& r) {
    MHD_Response* response = MHD_create_response_from_buffer(
        size_t(r.body.size()), const_cast<char*>(r.body.constData()), MHD_RESPMEM_MUST_COPY);
    if (!response)
        return MHD_NO;
    MHD_add_response_header(response, MHD_HTTP_HEADER_CONTENT_TYPE, r.contentType.constData());
    if (r.retryAfterSeconds > 0)
        MHD_add_response_header(response, MHD_HTTP_HEADER_RETRY_AFTER,
                                QByteArray::number(r.retryAfterSeconds).constData());
    const MHD_Result ok = MHD_queue_response(c, unsigned(r.status), response);
    MHD_destroy_response(response);
    return ok;
}

MHD_Result collectHeader(void* cls, MHD_ValueKind, const char* key, const char* value) {
    auto* headers = static_cast<QList<QPair<QByteArray, QByteArray>>*>(cls);
    headers->append({QByteArray(key).toLower(), QByteArray(value ? value : "")});
    return MHD_YES;
}

// Bodies announced up to this size are read and thrown away when the request is refused, so a
// client that sends its body before reading (most do) still gets the answer; larger ones, and
// chunked ones, are answered at once and the connection closed.
constexpr qint64 kDrainLimit = 2 * sync::kMaxBodyBytes;

} // namespace

bool isLoopback(const QString& host) {
    return host == QLatin1String("localhost") || host == QLatin1String("::1") ||
           host.startsWith(QLatin1String("127.")) || host.startsWith(QLatin1String("::ffff:127."));
}

struct HttpServer::Impl {
    Impl(CountyService& countyService, const HttpServerOptions& serverOptions)
        : service(countyService)
        , options(serverOptions)
        , workers(serverOptions.threads, serverOptions.maxQueuedRequests)
        , rateLimiter({serverOptions.ratePerIpPerSecond, serverOptions.ratePerIpBurst}) {}

    CountyService& service;
    const HttpServerOptions options;
    MHD_Daemon* daemon = nullptr;
    QString scheme;
    int port = 0;
    QByteArray tlsCert; // PEM text, alive as long as the daemon
    QByteArray tlsKey;
    WorkerPool workers;
    RequestRateLimiter rateLimiter;
    std::atomic<qint64> buffered{0}; // body bytes held by all requests

    std::mutex connectionsMutex;
    std::unordered_set<Connection*> connections;

    std::mutex stopMutex;
    std::condition_variable stopWake;
    bool stopping = false;
    std::thread sweeper;

    bool reserve(Exchange& ex, qint64 bytes) {
        if (buffered.fetch_add(bytes) + bytes > options.bodyBudgetBytes) {
            buffered.fetch_sub(bytes);
            return false;
        }
        ex.reserved += bytes;
        return true;
    }

    // Cuts connections past the whole-request deadline: shutdown() makes the event loop see the
    // socket closed and clean it up. The mutex keeps the descriptor from being closed meanwhile
    // (libmicrohttpd reports a connection closed before it closes the socket).
    void sweep() {
        const qint64 deadline = qint64(options.requestTimeoutSeconds) * 1000;
        std::unique_lock lock(stopMutex);
        while (!stopping) {
            stopWake.wait_for(lock, std::chrono::milliseconds(500));
            const qint64 now = nowMs();
            const std::lock_guard connectionsLock(connectionsMutex);
            for (Connection* c : connections) {
                const int phase = c->phase;
                if ((phase == Connection::Reading || phase == Connection::Writing) &&
                    now - c->since > deadline) {
                    c->phase = Connection::Cut;
                    ::shutdown(c->fd, SHUT_RDWR);
                }
            }
        }
    }

    static void onConnection(void* cls, MHD_Connection* c, void** socketContext,
                             MHD_ConnectionNotificationCode code) {
        auto& impl = *static_cast<Impl*>(cls);
        if (code == MHD_CONNECTION_NOTIFY_STARTED) {
            auto* conn = new Connection;
            if (const MHD_ConnectionInfo* info =
                    MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD))
                conn->fd = info->connect_fd;
            // Answers go out at once: without it a kept connection waits for the peer's delayed ACK.
            const int one = 1;
            ::setsockopt(conn->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            conn->enter(Connection::Reading);
            *socketContext = conn;
            const std::lock_guard lock(impl.connectionsMutex);
            impl.connections.insert(conn);
            return;
        }
        auto* conn = static_cast<Connection*>(*socketContext);
        if (!conn)
            return;
        {
            const std::lock_guard lock(impl.connectionsMutex);
            impl.connections.erase(conn);
        }
        delete conn;
        *socketContext = nullptr;
    }

    static void onCompleted(void* cls, MHD_Connection*, void** context, MHD_RequestTerminationCode) {
        auto& impl = *static_cast<Impl*>(cls);
        auto* ex = static_cast<Exchange*>(*context);
        if (!ex)
            return;
        impl.buffered.fetch_sub(ex->reserved);
        if (ex->connection && ex->connection->phase != Connection::Cut)
            ex->connection->enter(Connection::Reading); // waiting for the next request
        delete ex;
        *context = nullptr;
    }

    static MHD_Result onRequest(void* cls, MHD_Connection* c, const char* url, const char* method,
                                const char*, const char* upload, size_t* uploadSize, void** context) {
        auto& impl = *static_cast<Impl*>(cls);
        auto* ex = static_cast<Exchange*>(*context);
        if (!ex)
            return impl.begin(c, url, method, context);
        if (*uploadSize > 0) {
            const qint64 n = qint64(*uploadSize);
            *uploadSize = 0;
            if (ex->refusal)
                return MHD_YES; // refused already: the body is read and dropped
            // Past the route's limit (only a chunked body gets here) or the server's budget: no
            // answer can be sent in the middle of a body, so the connection is closed.
            if (ex->request.body.size() + n > ex->maxBody || !impl.reserve(*ex, n))
                return MHD_NO;
            ex->request.body.append(upload, n);
            return MHD_YES;
        }
        if (ex->response) {
            if (ex->connection)
                ex->connection->enter(Connection::Writing);
            return queue(c, *ex->response);
        }
        if (ex->refusal)
            return queue(c, *ex->refusal);
        if (ex->dispatched)
            return MHD_YES;
        ex->dispatched = true;
        if (ex->connection)
            ex->connection->enter(Connection::Working);
        // The service may wait on the database: it runs on a worker while the connection is
        // suspended, so the event loop goes on serving everyone else.
        MHD_suspend_connection(c);
        const bool posted = impl.workers.post([&impl, ex, c] {
            ex->response = impl.service.handle(ex->request);
            MHD_resume_connection(c);
        });
        if (!posted) {
            ex->response = busy();
            MHD_resume_connection(c);
        }
        return MHD_YES;
    }

    // The headers are in: route, authenticate and size the body before reading any of it.
    MHD_Result begin(MHD_Connection* c, const char* url, const char* method, void** context) {
        auto* ex = new Exchange;
        *context = ex;
        if (const MHD_ConnectionInfo* info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT))
            ex->connection = static_cast<Connection*>(info->socket_context);
        ex->request.method = QByteArray(method);
        ex->request.path = QString::fromUtf8(url);
        ex->request.remoteAddress = clientAddress(c); // the enrolment guard limits guesses per address
        MHD_get_connection_values(c, MHD_HEADER_KIND, &collectHeader, &ex->request.headers);

        bool lengthKnown = false;
        const qint64 length = ex->request.header("content-length").trimmed().toLongLong(&lengthKnown);
        const bool chunked = ex->request.header("transfer-encoding").toLower().contains("chunked");
        const bool expectsContinue = ex->request.header("expect").toLower().contains("100-continue");
        const bool hasBody = chunked || (lengthKnown && length > 0);

        CountyService::Admission admission;
        const QString& address = ex->request.remoteAddress;
        const int retryAfter =
            options.rateLimitLoopback || !isLoopback(address) ? rateLimiter.admit(address, nowMs()) : 0;
        if (retryAfter > 0) {
            security::event(
                QStringLiteral("request.rate_limited"),
                {{QStringLiteral("address"), address}, {QStringLiteral("path"), ex->request.path}});
            admission.refusal = errorResponse(429, QStringLiteral("request.rate_limited"),
                                              QStringLiteral("Too many requests from this address; try again "
                                                             "in %1 s.")
                                                  .arg(retryAfter));
            admission.refusal->retryAfterSeconds = retryAfter;
        } else {
            admission = service.admit(ex->request);
        }
        if (!admission.refusal && lengthKnown && length > admission.maxBodyBytes)
            admission.refusal = tooLarge(admission.maxBodyBytes);
        ex->maxBody = admission.maxBodyBytes;
        if (!admission.refusal)
            return MHD_YES;
        // Answer now when no body is coming or the client waits for "100 Continue"; read and drop
        // a body of a sane size so the client, busy sending it, sees the answer; otherwise answer
        // now and let the connection close.
        if (!hasBody || expectsContinue || chunked || length > kDrainLimit)
            return queue(c, *admission.refusal);
        ex->refusal = std::move(admission.refusal);
        return MHD_YES;
    }

    // Stops accepting, lets the workers finish what they hold (their answers are queued), gives
    // those answers a moment to go out, then stops the daemon. Idempotent.
    void shutDown() {
        {
            const std::lock_guard lock(stopMutex);
            stopping = true;
        }
        stopWake.notify_all();
        if (sweeper.joinable())
            sweeper.join();
        if (!daemon)
            return;
        // Suspended connections must be resumed before the daemon stops: the workers do that.
        const MHD_socket listening = MHD_quiesce_daemon(daemon);
        workers.stop();
        for (int i = 0; i < 40; ++i) {
            bool busy = false;
            {
                const std::lock_guard lock(connectionsMutex);
                for (const Connection* c : connections)
                    busy = busy || c->phase == Connection::Working || c->phase == Connection::Writing;
            }
            if (!busy)
                break;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        MHD_stop_daemon(daemon);
        daemon = nullptr;
        if (listening != MHD_INVALID_SOCKET)
            ::close(listening); // a quiesced daemon leaves its listening socket to us
    }

    static void log(void*, const char* format, va_list args) {
        char text[512];
        std::vsnprintf(text, sizeof text, format, args);
        qCDebug(lcHttp).noquote() << QString::fromLocal8Bit(text).trimmed();
    }
};

HttpServer::HttpServer(std::unique_ptr<Impl> impl)
    : m_impl(std::move(impl)) {}

HttpServer::~HttpServer() {
    stop();
    m_impl->shutDown();
}

namespace {

// The address to listen on: an IPv4 or IPv6 literal, "localhost", or a name resolved once.
bool resolve(const QString& host, int port, sockaddr_storage* out, bool* ipv6) {
    const QByteArray name = host == QLatin1String("localhost") ? QByteArray("127.0.0.1") : host.toUtf8();
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE;
    addrinfo* found = nullptr;
    if (::getaddrinfo(name.constData(), nullptr, &hints, &found) != 0 || !found)
        return false;
    std::memcpy(out, found->ai_addr, found->ai_addrlen);
    *ipv6 = found->ai_family == AF_INET6;
    ::freeaddrinfo(found);
    if (*ipv6)
        reinterpret_cast<sockaddr_in6*>(out)->sin6_port = htons(quint16(port));
    else
        reinterpret_cast<sockaddr_in*>(out)->sin_port = htons(quint16(port));
    return true;
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
    auto impl = std::make_unique<Impl>(service, options);
    impl->scheme = tls ? QStringLiteral("https") : QStringLiteral("http");
    unsigned flags = MHD_USE_EPOLL_INTERNAL_THREAD | MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ERROR_LOG;
    if (tls) {
        QFile cert(options.tlsCert);
        QFile key(options.tlsKey);
        if (!MHD_is_feature_supported(MHD_FEATURE_TLS) || !cert.open(QIODevice::ReadOnly) ||
            !key.open(QIODevice::ReadOnly))
            return fail(badOptions(QStringLiteral("Cannot load the TLS certificate %1 or key %2.")
                                       .arg(options.tlsCert, options.tlsKey)));
        impl->tlsCert = cert.readAll();
        impl->tlsKey = key.readAll();
        flags |= MHD_USE_TLS;
    }
    sockaddr_storage address{};
    bool ipv6 = false;
    if (!resolve(options.host, options.port, &address, &ipv6))
        return fail(
            ErrorKind::Unavailable, QStringLiteral("serve.cannot_bind"),
            QStringLiteral("Cannot listen on %1:%2 (no such address).").arg(options.host).arg(options.port));
    if (ipv6)
        flags |= MHD_USE_IPv6;

    std::vector<MHD_OptionItem> items{
        {MHD_OPTION_EXTERNAL_LOGGER, intptr_t(&Impl::log), nullptr},
        {MHD_OPTION_SOCK_ADDR, 0, &address},
        {MHD_OPTION_THREAD_POOL_SIZE, std::max(1, options.pollThreads), nullptr},
        {MHD_OPTION_CONNECTION_LIMIT, options.maxConnections, nullptr},
        {MHD_OPTION_CONNECTION_TIMEOUT, options.idleTimeoutSeconds, nullptr},
        {MHD_OPTION_CONNECTION_MEMORY_LIMIT, options.maxHeaderBytes, nullptr},
        {MHD_OPTION_LISTEN_BACKLOG_SIZE, SOMAXCONN, nullptr},
        {MHD_OPTION_NOTIFY_CONNECTION, intptr_t(&Impl::onConnection), impl.get()},
        {MHD_OPTION_NOTIFY_COMPLETED, intptr_t(&Impl::onCompleted), impl.get()},
    };
    if (options.maxConnectionsPerIp > 0)
        items.push_back({MHD_OPTION_PER_IP_CONNECTION_LIMIT, options.maxConnectionsPerIp, nullptr});
    if (tls) {
        items.push_back({MHD_OPTION_HTTPS_MEM_CERT, 0, const_cast<char*>(impl->tlsCert.constData())});
        items.push_back({MHD_OPTION_HTTPS_MEM_KEY, 0, const_cast<char*>(impl->tlsKey.constData())});
    }
    items.push_back({MHD_OPTION_END, 0, nullptr});
    impl->daemon = MHD_start_daemon(flags, quint16(options.port), nullptr, nullptr, &Impl::onRequest,
                                    impl.get(), MHD_OPTION_ARRAY, items.data(), MHD_OPTION_END);
    if (!impl->daemon) {
        if (tls)
            return fail(
                badOptions(QStringLiteral("Cannot listen on %1:%2 with the TLS certificate %3 and key %4 "
                                          "(address in use, or the certificate or key cannot be used).")
                               .arg(options.host)
                               .arg(options.port)
                               .arg(options.tlsCert, options.tlsKey)));
        return fail(ErrorKind::Unavailable, QStringLiteral("serve.cannot_bind"),
                    QStringLiteral("Cannot listen on %1:%2 (address in use or not available).")
                        .arg(options.host)
                        .arg(options.port));
    }
    const MHD_DaemonInfo* info = MHD_get_daemon_info(impl->daemon, MHD_DAEMON_INFO_BIND_PORT);
    impl->port = info ? int(info->port) : options.port;
    Impl* raw = impl.get();
    impl->sweeper = std::thread([raw] { raw->sweep(); });
    return std::unique_ptr<HttpServer>(new HttpServer(std::move(impl)));
}

int HttpServer::port() const {
    return m_impl->port;
}

QString HttpServer::url() const {
    const QString host = m_impl->options.host.contains(QLatin1Char(':'))
                             ? QStringLiteral("[%1]").arg(m_impl->options.host)
                             : m_impl->options.host;
    return QStringLiteral("%1://%2:%3").arg(m_impl->scheme, host).arg(m_impl->port);
}

bool HttpServer::run() {
    {
        std::unique_lock lock(m_impl->stopMutex);
        m_impl->stopWake.wait(lock, [this] { return m_impl->stopping; });
    }
    m_impl->shutDown();
    return true;
}

void HttpServer::stop() {
    {
        const std::lock_guard lock(m_impl->stopMutex);
        m_impl->stopping = true;
    }
    m_impl->stopWake.notify_all();
}

} // namespace cz::county
