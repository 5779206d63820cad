#include "ratelimit.h"

#include <algorithm>
#include <cmath>

namespace cz::county {

namespace {
constexpr qint64 kMinuteMs = 60 * 1000;
}

void EnrolmentGuard::prune(qint64 now) {
    m_byAddress.removeIf([&](QHash<QString, Window>::iterator it) {
        return now - it.value().start >= m_limits.addressWindowMs;
    });
}

EnrolmentGuard::Verdict EnrolmentGuard::admit(const QString& address, qint64 now) {
    const QMutexLocker lock(&m_mutex);
    if (now - m_global.start < kMinuteMs && m_global.failures >= m_limits.failuresPerMinute)
        return Verdict::GlobalLimited;
    if (address.isEmpty())
        return Verdict::Allowed;
    const auto it = m_byAddress.constFind(address);
    if (it != m_byAddress.constEnd() && now - it->start < m_limits.addressWindowMs &&
        it->failures >= m_limits.failuresPerAddress)
        return Verdict::AddressLimited;
    return Verdict::Allowed;
}

void EnrolmentGuard::recordFailure(const QString& address, qint64 now) {
    const QMutexLocker lock(&m_mutex);
    if (now - m_global.start >= kMinuteMs)
        m_global = {now, 0};
    ++m_global.failures;
    if (address.isEmpty())
        return;
    if (!m_byAddress.contains(address) && m_byAddress.size() >= m_limits.maxAddresses) {
        prune(now);
        if (m_byAddress.size() >= m_limits.maxAddresses)
            return; // full of live windows: the global limit still holds
    }
    Window& w = m_byAddress[address];
    if (now - w.start >= m_limits.addressWindowMs)
        w = {now, 0};
    ++w.failures;
}

int RequestRateLimiter::admit(const QString& address, qint64 now) {
    if (m_limits.perSecond <= 0)
        return 0;
    const QMutexLocker lock(&m_mutex);
    auto it = m_buckets.find(address);
    if (it == m_buckets.end()) {
        if (m_buckets.size() >= m_limits.maxAddresses) {
            // Forget the buckets that have refilled: they are as good as new.
            const qint64 refillMs = qint64(m_limits.burst / m_limits.perSecond * 1000) + 1;
            m_buckets.removeIf([&](QHash<QString, Bucket>::iterator b) { return now - b->at >= refillMs; });
            if (m_buckets.size() >= m_limits.maxAddresses)
                return 0;
        }
        it = m_buckets.insert(address, {m_limits.burst, now});
    }
    Bucket& b = *it;
    b.tokens = std::min(m_limits.burst,
                        b.tokens + double(std::max<qint64>(0, now - b.at)) / 1000.0 * m_limits.perSecond);
    b.at = now;
    if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
    }
    return std::max(1, int(std::ceil((1 - b.tokens) / m_limits.perSecond)));
}

} // namespace cz::county
