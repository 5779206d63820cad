// The scripted county (tests/sync/fakecounty.h) shared between a test and the station's sync worker
// thread: the worker's requests and the test's reads and changes take one lock.
#pragma once

#include "../sync/fakecounty.h"

#include <mutex>

namespace cz::test {

struct SharedCounty {
    std::mutex mutex;
    czt::FakeCounty county;

    // What a FakeTransport on the worker thread calls.
    cz::sync::HttpResponse handle(const cz::sync::HttpRequest& r) {
        const std::lock_guard lock(mutex);
        return county.handle(r);
    }
    // Runs f(county) under the lock and returns what it returns.
    template<class F> auto with(F f) {
        const std::lock_guard lock(mutex);
        return f(county);
    }
    // Ops the county has applied so far.
    qsizetype applied() {
        return with([](const czt::FakeCounty& c) { return c.applied.size(); });
    }
};

} // namespace cz::test
