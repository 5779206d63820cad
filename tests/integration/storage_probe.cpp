// Helper of tst_storage_errors: opens a station database and prints the result, so the test can run
// the open as another (unprivileged) user — permission bits do not stop root — and survive a crash.
//
//   cunzhan_storage_probe [--busy-ms N] PATH   prints the error code of StationContext::open, or "ok"
//   cunzhan_storage_probe --hello              prints "hello" (checks the probe can run at all)
// The exit status is 0 whenever the probe could report; a crash is the test's failure.
#include "context.h"

#include <QCoreApplication>
#include <cstdio>

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    if (args == QStringList{QStringLiteral("--hello")}) {
        std::puts("hello");
        return 0;
    }
    cz::OpenOptions options;
    if (args.size() == 3 && args.at(0) == QLatin1String("--busy-ms")) {
        options.busyTimeoutMs = args.at(1).toInt();
        args = args.mid(2);
    }
    if (args.size() != 1) {
        std::fputs("usage: cunzhan_storage_probe [--busy-ms N] PATH\n", stderr);
        return 64;
    }
    auto station = cz::StationContext::open(args.at(0), options);
    if (station) {
        std::puts("ok");
    } else {
        std::printf("%s\n", qPrintable(station.error().code));
        std::fprintf(stderr, "%s\n", qPrintable(station.error().message));
    }
    return 0;
}
