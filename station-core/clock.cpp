#include "clock.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QTimeZone>

namespace cz {

qint64 SystemClock::nowMs() const {
    return QDateTime::currentMSecsSinceEpoch();
}

QString UuidV7Source::newId() {
    qint64 ms = m_clock.nowMs();
    if (ms <= m_lastMs) {
        // Same millisecond (or the clock stepped back): keep ids increasing with the counter.
        ms = m_lastMs;
        if (++m_counter > 0x0FFF) {
            ++ms;
            m_counter = 0;
        }
    } else {
        m_counter = static_cast<quint16>(QRandomGenerator::system()->bounded(0x0200));
    }
    m_lastMs = ms;

    quint8 b[16];
    const auto t = static_cast<quint64>(ms);
    for (int i = 0; i < 6; ++i)
        b[i] = static_cast<quint8>(t >> (40 - 8 * i));
    b[6] = static_cast<quint8>(0x70 | ((m_counter >> 8) & 0x0F));
    b[7] = static_cast<quint8>(m_counter & 0xFF);
    const quint64 r = QRandomGenerator::system()->generate64();
    for (int i = 0; i < 8; ++i)
        b[8 + i] = static_cast<quint8>(r >> (56 - 8 * i));
    b[8] = static_cast<quint8>(0x80 | (b[8] & 0x3F));

    static const char hex[] = "0123456789abcdef";
    QString s;
    s.reserve(36);
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            s += QLatin1Char('-');
        s += QLatin1Char(hex[b[i] >> 4]);
        s += QLatin1Char(hex[b[i] & 0x0F]);
    }
    return s;
}

QDate localDate(qint64 utcMs) {
    return QDateTime::fromMSecsSinceEpoch(utcMs + kLocalOffsetMs, QTimeZone::utc()).date();
}

qint64 localDayStartMs(const QDate& date) {
    return QDateTime(date, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch() - kLocalOffsetMs;
}

QString localDateTimeText(qint64 utcMs) {
    return QDateTime::fromMSecsSinceEpoch(utcMs + kLocalOffsetMs, QTimeZone::utc())
        .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace cz
