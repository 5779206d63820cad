// cunzhanctl-testhooks: the test build's hooks (see testhooks.h). Its messages are for the
// project's own tests and are not translated.
#include "testhooks.h"

#include <QtGlobal>

namespace cz::ctl::testhooks {

QString fakeNow(qint64* ms) {
    *ms = 0;
    const QString text = qEnvironmentVariable("CUNZHAN_FAKE_NOW_MS");
    if (text.isEmpty())
        return {};
    bool ok = false;
    *ms = text.toLongLong(&ok);
    if (!ok || *ms <= 0)
        return QStringLiteral("CUNZHAN_FAKE_NOW_MS is UTC milliseconds since 1970, not \"%1\".").arg(text);
    return {};
}

QString helpNote() {
    return QStringLiteral("Test build: CUNZHAN_FAKE_NOW_MS runs with the clock fixed at these UTC milliseconds.\n");
}

} // namespace cz::ctl::testhooks
