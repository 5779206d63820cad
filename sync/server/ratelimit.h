// Bounds guessing of enrolment codes, in memory (a restart forgets, which only helps a guesser
// for one window). Per address: after kFailuresPerAddress failed codes in a window, that address
// is refused until the window ends. Over all addresses: after kFailuresPerMinute failed codes in
// a minute every enrolment is refused for the rest of it, so a guesser with many addresses still
// gets few tries (and each costs the server one slow hash). Successful enrolments do not count:
// a county enrolling 400 stations at once is never slowed.
#pragma once

#include <QHash>
#include <QMutex>
#include <QString>

namespace cz::county {

class EnrolmentGuard {
public:
    struct Limits {
        int failuresPerAddress = 10;
        qint64 addressWindowMs = 15 * 60 * 1000;
        int failuresPerMinute = 60;
        int maxAddresses = 10000; // addresses remembered at once (memory bound)
    };
    enum class Verdict { Allowed, AddressLimited, GlobalLimited };

    EnrolmentGuard() = default;
    explicit EnrolmentGuard(Limits limits)
        : m_limits(limits) {}

    // Whether an attempt from this address (empty: unknown) may go ahead at `now` (UTC ms).
    [[nodiscard]] Verdict admit(const QString& address, qint64 now);
    void recordFailure(const QString& address, qint64 now);

private:
    struct Window {
        qint64 start = 0;
        int failures = 0;
    };
    void prune(qint64 now);

    Limits m_limits;
    QMutex m_mutex;
    QHash<QString, Window> m_byAddress;
    Window m_global;
};

// Every request, per client address: a token bucket of `burst` requests refilled at
// `perSecond`. The address is the TCP peer's: behind a reverse proxy every request has the
// proxy's address, so there the proxy limits (or this one is switched off with perSecond 0).
// At most maxAddresses buckets are kept; when they are all busy a new address is let through
// unlimited (rotating addresses defeats any per-address limit anyway; the connection limits hold).
class RequestRateLimiter {
public:
    struct Limits {
        double perSecond = 20; // 0: no limit
        double burst = 200;
        int maxAddresses = 20000;
    };
    RequestRateLimiter() = default;
    explicit RequestRateLimiter(Limits limits)
        : m_limits(limits) {}

    // 0 when a request from address may go ahead at now (UTC ms, monotonic enough); otherwise the
    // whole seconds until one would (for Retry-After), and nothing is taken from the bucket.
    [[nodiscard]] int admit(const QString& address, qint64 now);

private:
    struct Bucket {
        double tokens = 0;
        qint64 at = 0;
    };
    Limits m_limits;
    QMutex m_mutex;
    QHash<QString, Bucket> m_buckets;
};

} // namespace cz::county
