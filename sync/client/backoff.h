// When to try again after a failed sync: jittered exponential backoff from about 2 s up to 10 min,
// reset on success (then a steady poll); a network change makes the next attempt come soon. Time and
// randomness are injected, so tests check the schedule without sleeping.
#pragma once

#include "clock.h"

#include <functional>

namespace cz::sync {

class Backoff {
public:
    static constexpr qint64 kInitialMs = 2000;
    static constexpr qint64 kCapMs = 10 * 60 * 1000;
    static constexpr qint64 kSoonMs = 1000;  // after a network change
    static constexpr qint64 kIdleMs = 60000; // after a success: look for the county's changes again

    // random returns a number in [0, 1); default: QRandomGenerator.
    explicit Backoff(const Clock& clock, std::function<double()> random = {});

    // The attempt failed: the next one waits between half and all of min(2 s * 2^(failures-1), 10 min).
    void failed();
    // The attempt worked: the next failure starts from 2 s again; the next attempt is kIdleMs away
    // (sooner when asked: a local change, syncNow, a network change).
    void succeeded();
    // The network came back or changed: try within kSoonMs (never later than already planned).
    void networkChanged();

    [[nodiscard]] int failures() const { return m_failures; }
    [[nodiscard]] qint64 nextAttemptAt() const { return m_nextAt; } // UTC ms
    [[nodiscard]] qint64 msUntilNext() const;                       // 0 when due

private:
    const Clock& m_clock;
    std::function<double()> m_random;
    int m_failures = 0;
    qint64 m_nextAt = 0;
};

} // namespace cz::sync
