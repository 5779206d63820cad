// `cunzhan-county serve`: the HTTP(S) server, an SMS dispatcher thread, and a clean stop on
// SIGTERM/SIGINT (signals are taken by a sigwait thread, never by an async handler).
#include "commands.h"
#include "httpserver.h"
#include "ops.h"
#include "service.h"
#include "sms.h"
#include "store.h"

#include <QTextStream>
#include <algorithm>
#include <condition_variable>
#include <csignal>
#include <mutex>
#include <pthread.h>
#include <sys/resource.h>
#include <thread>
#include <unistd.h>

namespace cz::county::cli {

namespace {

constexpr int kDefaultSmsIntervalMs = 30000;

Result<HttpServerOptions> serverOptions(const Context& c) {
    HttpServerOptions o;
    const QString listen = c.parser.isSet(QStringLiteral("listen")) ? c.parser.value(QStringLiteral("listen"))
                                                                    : QStringLiteral("127.0.0.1:8765");
    const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    o.port = colon > 0 ? listen.mid(colon + 1).toInt(&ok) : 0;
    if (!ok || o.port < 0 || o.port > 65535)
        return fail(ErrorKind::BadInput, QStringLiteral("serve.bad_listen"),
                    QStringLiteral("--listen needs ADDRESS:PORT, for example 0.0.0.0:8765."));
    o.host = listen.left(colon);
    if (o.host.startsWith(QLatin1Char('[')) && o.host.endsWith(QLatin1Char(']')))
        o.host = o.host.mid(1, o.host.size() - 2);
    o.tlsCert = c.parser.value(QStringLiteral("tls-cert"));
    o.tlsKey = c.parser.value(QStringLiteral("tls-key"));
    o.allowPlainHttp = c.parser.isSet(QStringLiteral("allow-plain-http"));
    if (c.parser.isSet(QStringLiteral("max-connections-per-ip"))) {
        o.maxConnectionsPerIp = c.parser.value(QStringLiteral("max-connections-per-ip")).toInt(&ok);
        if (!ok || o.maxConnectionsPerIp < 0)
            return fail(ErrorKind::BadInput, QStringLiteral("serve.bad_limit"),
                        QStringLiteral("--max-connections-per-ip needs a number, 0 for no limit."));
    }
    if (c.parser.isSet(QStringLiteral("rate-limit"))) {
        o.ratePerIpPerSecond = c.parser.value(QStringLiteral("rate-limit")).toDouble(&ok);
        if (!ok || o.ratePerIpPerSecond < 0 || o.ratePerIpPerSecond > 1e6)
            return fail(ErrorKind::BadInput, QStringLiteral("serve.bad_limit"),
                        QStringLiteral("--rate-limit needs requests per second, 0 for no limit."));
    }
    if (c.parser.isSet(QStringLiteral("rate-burst"))) {
        o.ratePerIpBurst = c.parser.value(QStringLiteral("rate-burst")).toDouble(&ok);
        if (!ok || o.ratePerIpBurst < 1 || o.ratePerIpBurst > 1e6)
            return fail(ErrorKind::BadInput, QStringLiteral("serve.bad_limit"),
                        QStringLiteral("--rate-burst needs a number of requests, at least 1."));
    }
    o.rateLimitLoopback = c.parser.isSet(QStringLiteral("rate-limit-loopback"));
    if (c.parser.isSet(QStringLiteral("request-timeout"))) {
        o.requestTimeoutSeconds = c.parser.value(QStringLiteral("request-timeout")).toInt(&ok);
        if (!ok || o.requestTimeoutSeconds < 1)
            return fail(ErrorKind::BadInput, QStringLiteral("serve.bad_timeout"),
                        QStringLiteral("--request-timeout needs a number of seconds, at least 1."));
        // An idle connection is closed sooner than a slow request.
        o.idleTimeoutSeconds = std::min(o.idleTimeoutSeconds, o.requestTimeoutSeconds);
    }
    return o;
}

// Sends queued SMS every interval until stopped.
class SmsDispatcher {
public:
    SmsDispatcher(CountyStore& store, QString command, int intervalMs)
        : m_thread([this, &store, command = std::move(command), intervalMs] {
            loop(store, command, intervalMs);
        }) {}
    ~SmsDispatcher() {
        {
            const std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_all();
        m_thread.join();
    }

private:
    void loop(CountyStore& store, const QString& command, int intervalMs) {
        std::unique_lock lock(m_mutex);
        while (!m_stop) {
            lock.unlock();
            if (auto run = sendPendingNotices(store, command); !run)
                QTextStream(stderr) << "sms: " << run.error().message << '\n';
            lock.lock();
            m_wake.wait_for(lock, std::chrono::milliseconds(intervalMs), [this] { return m_stop; });
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::thread m_thread; // last: starts after the members it uses
};

} // namespace

int serve(const Context& c) {
    auto options = serverOptions(c);
    if (!options)
        return report(options.error(), false);
    bool intervalOk = true;
    const int interval = c.parser.isSet(QStringLiteral("sms-interval-ms"))
                             ? c.parser.value(QStringLiteral("sms-interval-ms")).toInt(&intervalOk)
                             : kDefaultSmsIntervalMs;
    if (!intervalOk || interval < 10)
        return usage(QStringLiteral("--sms-interval-ms needs a number of milliseconds, at least 10."));

    // Every connection is a descriptor: a county with hundreds of stations and hostile clients
    // needs more than the usual soft limit of 1 024.
    rlimit files{};
    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        setrlimit(RLIMIT_NOFILE, &files);
    }
    // A peer that closes while its answer is being written must not end the process.
    signal(SIGPIPE, SIG_IGN);

    // Blocked before any thread starts, so every thread inherits the mask and only sigwait sees them.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    auto store = CountyStore::open(c.db);
    if (!store)
        return report(store.error(), false);
    // An upgraded county applies what an older build held. On stderr: the first stdout line stays
    // "listening on …". A failure here only delays them to the next start or `ops apply-held`.
    if (auto held = applyHeldOps(**store); !held)
        QTextStream(stderr) << "held ops: " << held.error().message << '\n';
    else if (held->applied + held->rejected + held->stillHeld > 0)
        QTextStream(stderr) << "held ops: " << held->applied << " applied, " << held->rejected
                            << " rejected, " << held->stillHeld << " still held\n";
    CountyService service(**store);
    auto server = HttpServer::create(service, *options);
    if (!server)
        return report(server.error(), false);

    std::thread signalWaiter([&signals, &server] {
        int received = 0;
        sigwait(&signals, &received);
        (*server)->stop();
    });
    int status = 0;
    {
        const SmsDispatcher sms(**store, c.parser.value(QStringLiteral("sms-command")), interval);
        QTextStream(stdout) << "listening on " << (*server)->url() << Qt::endl;
        if (!(*server)->run()) {
            QTextStream(stderr) << "error: the server stopped unexpectedly\n";
            status = static_cast<int>(ErrorKind::Unavailable);
        }
    }
    kill(getpid(), SIGTERM); // releases the waiter if the server stopped on its own; harmless otherwise
    signalWaiter.join();
    QTextStream(stdout) << "stopped" << Qt::endl;
    return status;
}

} // namespace cz::county::cli
