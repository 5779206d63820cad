// The shipped cunzhanctl: no test hooks (see testhooks.h).
#include "testhooks.h"

namespace cz::ctl::testhooks {

QString fakeNow(qint64* ms) {
    *ms = 0;
    return {};
}

QString helpNote() {
    return {};
}

} // namespace cz::ctl::testhooks
