// The instant every test starts at, shared by the station and county fixtures.
#pragma once

#include <QtGlobal>

namespace cz::test {

// 2026-11-28 09:00 in Beijing.
constexpr qint64 kStart = 1795827600000LL;
constexpr qint64 kDay = 24LL * 3600 * 1000;

} // namespace cz::test
