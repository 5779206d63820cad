// Hooks that only test builds of cunzhanctl answer: today a fixed clock (CUNZHAN_FAKE_NOW_MS).
// The installed `cunzhanctl` is linked with testhooks_shipped.cpp, which reads no environment, so
// no one can make a shipped binary date parcels, fees and cash entries as they like; the tests run
// `cunzhanctl-testhooks` (built only with CUNZHAN_BUILD_TESTS, never installed), linked with
// testhooks_test.cpp.
#pragma once

#include <QString>

namespace cz::ctl::testhooks {

// The fixed clock the run asks for (UTC ms; 0 = the real clock), or an error message for bad usage.
[[nodiscard]] QString fakeNow(qint64* ms);
// A line for the global help about the hooks ("" in the shipped binary).
[[nodiscard]] QString helpNote();

} // namespace cz::ctl::testhooks
