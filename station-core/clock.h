// Injected time and id sources, so tests control overdue days, windows and ids without sleeping.
#pragma once

#include <QDate>
#include <QString>
#include <QtGlobal>

namespace cz {

class Clock {
public:
    virtual ~Clock() = default;
    // UTC milliseconds since the epoch.
    [[nodiscard]] virtual qint64 nowMs() const = 0;
};

class SystemClock final : public Clock {
public:
    [[nodiscard]] qint64 nowMs() const override;
};

class ManualClock final : public Clock {
public:
    explicit ManualClock(qint64 startMs)
        : m_now(startMs) {}
    [[nodiscard]] qint64 nowMs() const override { return m_now; }
    void set(qint64 ms) { m_now = ms; }
    void advance(qint64 ms) { m_now += ms; }

private:
    qint64 m_now;
};

class IdSource {
public:
    virtual ~IdSource() = default;
    [[nodiscard]] virtual QString newId() = 0;
};

// RFC 9562 UUIDv7: 48-bit millisecond time, then a 12-bit counter so ids made within one
// millisecond still sort in creation order, then 62 random bits.
class UuidV7Source final : public IdSource {
public:
    explicit UuidV7Source(const Clock& clock)
        : m_clock(clock) {}
    [[nodiscard]] QString newId() override;

private:
    const Clock& m_clock;
    qint64 m_lastMs = -1;
    quint16 m_counter = 0;
};

// The station's local calendar: China has one time zone (UTC+8, no daylight saving).
constexpr qint64 kLocalOffsetMs = 8LL * 3600 * 1000;
constexpr qint64 kDayMs = 24LL * 3600 * 1000;

[[nodiscard]] QDate localDate(qint64 utcMs);
[[nodiscard]] qint64 localDayStartMs(const QDate& date); // UTC ms of local midnight
[[nodiscard]] QString localDateTimeText(qint64 utcMs);   // "2026-11-28 14:05"

} // namespace cz
