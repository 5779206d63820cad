#include "backoff.h"

#include <QRandomGenerator>
#include <algorithm>

namespace cz::sync {

Backoff::Backoff(const Clock& clock, std::function<double()> random)
    : m_clock(clock)
    , m_random(random ? std::move(random) : [] { return QRandomGenerator::global()->generateDouble(); }) {}

void Backoff::failed() {
    ++m_failures;
    // 2 s doubled per failure; the shift stops growing long before the cap could overflow.
    const qint64 ceiling = std::min(kCapMs, kInitialMs << std::min(m_failures - 1, 20));
    // "Equal jitter": half fixed, half random, so stations that failed together spread out but
    // none retries sooner than half the delay.
    const double r = std::clamp(m_random(), 0.0, 1.0);
    const qint64 delay = ceiling / 2 + static_cast<qint64>(r * static_cast<double>(ceiling / 2));
    m_nextAt = m_clock.nowMs() + delay;
}

void Backoff::succeeded() {
    m_failures = 0;
    m_nextAt = m_clock.nowMs() + kIdleMs;
}

void Backoff::networkChanged() {
    m_nextAt = std::min(m_nextAt, m_clock.nowMs() + kSoonMs);
}

qint64 Backoff::msUntilNext() const {
    return std::max<qint64>(0, m_nextAt - m_clock.nowMs());
}

} // namespace cz::sync
