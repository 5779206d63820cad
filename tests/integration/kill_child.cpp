// Child process of tst_kill: receives parcels into the station database given on the command line,
// now and then hands one over, and reports each change on stdout only after it was committed, so
// the test can SIGKILL it at any moment and demand that every reported change survived.
//
//   cunzhan_kill_child DB RUN
// prints "ready", then "R <waybill>" after each committed receive and "P <waybill>" after each
// committed handover. Gives up by itself after 30 s in case the test died without killing it.
#include "context.h"
#include "inbound.h"
#include "pickup.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <cstdio>

namespace {

void report(const QByteArray& line) {
    // One write per line, flushed at once: the test may kill us right after.
    const QByteArray text = line + '\n';
    std::fwrite(text.constData(), 1, static_cast<size_t>(text.size()), stdout);
    std::fflush(stdout);
}

int failWith(const char* what, const cz::Error& e) {
    std::fprintf(stderr, "%s failed: %s %s\n", what, qPrintable(e.code), qPrintable(e.message));
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: cunzhan_kill_child DB RUN\n");
        return 1;
    }
    const int run = args.at(2).toInt();

    auto opened = cz::StationContext::open(args.at(1));
    if (!opened)
        return failWith("open", opened.error());
    cz::StationContext& station = **opened;
    if (!station.isInitialised()) {
        std::fprintf(stderr, "station not initialised\n");
        return 2;
    }
    cz::Inbound inbound(station);
    cz::Pickup pickup(station);
    report("ready");

    QRandomGenerator rng(static_cast<quint32>(run) * 7919u + 17u);
    QList<std::pair<QString, QString>> waiting; // (parcel id, waybill) received in this run
    QElapsedTimer alive;
    alive.start();
    for (int i = 0; alive.elapsed() < 30000; ++i) {
        // Distinct per run: "KL" numbers for the catch-all carrier, YTO-shaped numbers for YTO.
        const bool yto = i % 2 == 1;
        const QString waybill = QStringLiteral("%1%2%3")
                                    .arg(yto ? QStringLiteral("YT") : QStringLiteral("KL"))
                                    .arg(run, 4, 10, QLatin1Char('0'))
                                    .arg(i, yto ? 8 : 6, 10, QLatin1Char('0'));
        // Full numbers with spread tails, and now and then only the last four digits.
        const QString phone =
            (i % 7 == 3) ? QStringLiteral("%1").arg(rng.bounded(10000), 4, 10, QLatin1Char('0'))
                         : QStringLiteral("13%1").arg(rng.bounded(1000000000), 9, 10, QLatin1Char('0'));
        const QString carrier = yto ? QStringLiteral("YTO") : QStringLiteral("OTHER");
        auto received = inbound.receive({waybill, phone, QString(), carrier, std::nullopt});
        if (!received)
            return failWith("receive", received.error());
        report("R " + waybill.toLatin1());
        waiting.append({received->parcel.id, waybill});

        if (i % 4 == 3 && !waiting.isEmpty()) {
            const auto [id, handedWaybill] = waiting.takeAt(rng.bounded(static_cast<int>(waiting.size())));
            auto handed = pickup.handOver({id});
            if (!handed)
                return failWith("handOver", handed.error());
            report("P " + handedWaybill.toLatin1());
        }
    }
    return 0;
}
