// The instant every test starts at, shared by the station and county fixtures.
#pragma once

#include <QtGlobal>

namespace cz::test {

// 2026-11-28 09:00 in Beijing.
constexpr qint64 kStart = 1795827600000LL;
constexpr qint64 kMinute = 60LL * 1000;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;

} // namespace cz::test
