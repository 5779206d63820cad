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

} // namespace cz::county
