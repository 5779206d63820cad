#include "ratelimit.h"

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

} // namespace cz::county
