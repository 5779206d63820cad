// Sync benchmark, three parts (figures on stdout as "name: value unit"):
//
//   build/bin/bench_sync [--db sqlite:PATH | postgresql://…] [--stations 50] [--ops 2000] [--batch 500]
//                        [--catchup-ops 5000] [--skip-ingest] [--skip-catchup]
//
// 1. Bytes on the wire per parcel op: a real station (station-core) receives parcels and hands half
//    of them over; its outbox is encoded exactly as the client pushes it.
//      bytes_per_parcel_op_batch_500, bytes_per_parcel_op_batch_20   (target <= 150)
//      json_bytes_per_parcel_op      the same ops as plain JSON text, for comparison
// 2. County ingest with many stations pushing at once, against the real `cunzhan-county serve` on
//    127.0.0.1: each simulated station is a thread with its own keep-alive HTTP connection pushing
//    parcel ops shaped like the station's own.
//      ingest_ops_per_s              all stations together (target >= 5000 on this 2-core machine)
//      baseline_one_station_ops_per_s   one station alone, same server, same run
//      push_p50_ms, push_p99_ms      latency of one push of --batch ops under the full load
// 3. Catch-up after an outage: a station with --catchup-ops unsent ops syncs through faultproxy
//    modelling a 256 kbit/s link with a 300 ms round trip (the real client: SyncEngine over Qt
//    Network), and directly on loopback as the baseline.
//      catchup_slow_link_s (target <= 60), catchup_loopback_s
#include "context.h"
#include "countyprocess.h"
#include "faultproxyprocess.h"
#include "inbound.h"
#include "pickup.h"
#include "protocol.h"
#include "qttransport.h"
#include "setup.h"
#include "syncengine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QUuid>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <httplib.h>
#include <mutex>
#include <thread>

using namespace cz;

namespace {

[[noreturn]] void die(const QString& what) {
    std::fprintf(stderr, "bench_sync: %s\n", qPrintable(what));
    std::exit(1);
}

void figure(const char* name, double value, const char* unit) {
    std::printf("%s: %.2f %s\n", name, value, unit);
    std::fflush(stdout);
}

double percentile(std::vector<double> v, double q) {
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const auto rank = static_cast<size_t>(std::ceil(q * static_cast<double>(v.size())));
    return v[std::clamp<size_t>(rank, 1, v.size()) - 1];
}

struct SimStation {
    QString id;
    QString token;
    std::vector<std::string> bodies; // encoded push requests, ready to send
};

httplib::Headers headers(const SimStation& s) {
    return {{sync::kHeaderProtocol, std::to_string(sync::kProtocolVersion)},
            {sync::kHeaderStation, s.id.toStdString()},
            {"Authorization", "Bearer " + s.token.toStdString()}};
}

// A parcel.received op as the station writes it: the event and the parcel's full state.
sync::WireOp parcelOp(int n, qint64 at) {
    const QString parcelId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString phone = QStringLiteral("138%1").arg(10000000 + n % 4000, 8, 10, QLatin1Char('0'));
    const QString code = QStringLiteral("%1-%2-%3").arg(1 + n % 20).arg(1 + n % 5).arg(1000 + n);
    const QJsonObject parcel{
        {QStringLiteral("id"), parcelId},
        {QStringLiteral("waybill"), QStringLiteral("YT%1").arg(qint64(4300000000000) + n)},
        {QStringLiteral("carrier"), QStringLiteral("YTO")},
        {QStringLiteral("phone"), phone},
        {QStringLiteral("phone_tail"), phone.right(4)},
        {QStringLiteral("name"), QStringLiteral("张三")},
        {QStringLiteral("delivery_pref"), QStringLiteral("pickup")},
        {QStringLiteral("shelf"), QString::number(1 + n % 20)},
        {QStringLiteral("layer"), 1 + n % 5},
        {QStringLiteral("pickup_code"), code},
        {QStringLiteral("status"), QStringLiteral("waiting")},
        {QStringLiteral("received_at"), at},
        {QStringLiteral("fee_fen"), 0}};
    sync::WireOp op;
    op.opId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    op.seq = n;
    op.entity = QStringLiteral("parcel");
    op.entityId = parcelId;
    op.kind = QStringLiteral("parcel.received");
    op.payload = {{QStringLiteral("event_id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                  {QStringLiteral("at"), at},
                  {QStringLiteral("data"), QJsonObject{{QStringLiteral("kept_together"), false}}},
                  {QStringLiteral("parcel"), parcel}};
    op.schemaVersion = 1;
    op.createdAt = at;
    return op;
}

SimStation enrol(const QString& db, int port, int index, int ops, int batch) {
    SimStation s;
    const QString code =
        test::addCountyStation(db, QStringLiteral("站%1").arg(index), QStringLiteral("城关镇"));
    if (code.isEmpty())
        die(QStringLiteral("station add failed"));
    httplib::Client client("127.0.0.1", port);
    const auto r =
        client.Post("/v1/enroll", {{sync::kHeaderProtocol, std::to_string(sync::kProtocolVersion)}},
                    sync::encode(sync::EnrollRequest{code}).toStdString(), sync::kContentType);
    if (!r || r->status != 200)
        die(QStringLiteral("enrol failed"));
    const auto e = sync::decodeEnrollResponse(QByteArray::fromStdString(r->body));
    s.id = e->stationId;
    s.token = e->token;
    const qint64 t0 = 1795827600000LL;
    for (int first = 0; first < ops; first += batch) {
        sync::PushRequest req{e->epoch, {}};
        for (int n = first; n < std::min(ops, first + batch); ++n)
            req.ops.append(parcelOp(n, t0 + n * 1000));
        s.bodies.push_back(sync::encode(req).toStdString());
    }
    return s;
}

// Pushes every station's batches, one thread per station; returns the wall time in seconds.
double pushAll(int port, const std::vector<SimStation>& stations, std::vector<double>* latencies) {
    std::mutex mutex;
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    QElapsedTimer wall;
    wall.start();
    for (const SimStation& s : stations) {
        threads.emplace_back([&, port] {
            httplib::Client client("127.0.0.1", port);
            client.set_keep_alive(true);
            client.set_read_timeout(120, 0);
            const auto h = headers(s);
            const std::string path = sync::pushPath(s.id).toStdString();
            for (const std::string& body : s.bodies) {
                QElapsedTimer t;
                t.start();
                const auto r = client.Post(path, h, body, sync::kContentType);
                const double ms = double(t.nsecsElapsed()) / 1e6;
                if (!r || r->status != 200) {
                    ++failures;
                    const std::lock_guard lock(mutex);
                    const auto e = r ? sync::decodeErrorBody(QByteArray::fromStdString(r->body))
                                     : sync::Decoded<sync::ErrorBody>{};
                    std::fprintf(stderr, "# push failed after %.0f ms: %s %s\n", ms,
                                 r ? std::to_string(r->status).c_str()
                                   : httplib::to_string(r.error()).c_str(),
                                 e ? qPrintable(e->message) : "");
                    continue;
                }
                const std::lock_guard lock(mutex);
                latencies->push_back(ms);
            }
        });
    }
    for (auto& t : threads)
        t.join();
    if (failures > 0)
        die(QStringLiteral("%1 pushes failed").arg(failures.load()));
    return double(wall.nsecsElapsed()) / 1e9;
}

// A station with `parcels` received parcels, every other one handed over.
std::unique_ptr<StationContext> makeStation(const QString& path, int parcels) {
    auto s = StationContext::open(path);
    if (!s)
        die(s.error().message);
    if (auto st = StationSetup(**s).initialise(QStringLiteral("东村站"), QStringLiteral("1-20:5x60")); !st)
        die(st.error().message);
    Inbound inbound(**s);
    QStringList handOver;
    for (int n = 0; n < parcels; ++n) {
        const QString phone = QStringLiteral("139%1").arg(10000000 + n % 4000, 8, 10, QLatin1Char('0'));
        auto r =
            inbound.receive({QStringLiteral("YT%1").arg(4300000000000LL + n), phone, {}, {}, std::nullopt});
        if (!r)
            die(r.error().message);
        if (n % 2 == 0)
            handOver << r->parcel.id;
    }
    Pickup pickup(**s);
    for (const QString& id : handOver)
        if (auto h = pickup.handOver({id}, QStringLiteral("本人")); !h)
            die(h.error().message);
    return std::move(*s);
}

void wireSize(const QString& dir) {
    auto station = makeStation(QDir(dir).filePath(QStringLiteral("wire.db")), 1000);
    SystemClock clock;
    sync::SyncStore store(station->database(), clock);
    auto ops = store.pending(100000);
    if (!ops)
        die(ops.error().message);
    QList<sync::WireOp> parcelOps;
    qsizetype json = 0;
    for (const sync::WireOp& op : *ops)
        if (op.entity == QLatin1String("parcel")) {
            parcelOps << op;
            json += QJsonDocument(op.payload).toJson(QJsonDocument::Compact).size() + op.opId.size() +
                    op.entityId.size() + op.kind.size() + 40;
        }
    for (const qsizetype batch : {qsizetype(500), qsizetype(20)}) {
        qsizetype bytes = 0;
        for (qsizetype first = 0; first < parcelOps.size(); first += batch)
            bytes += sync::encode(sync::PushRequest{QStringLiteral("0190f3a2-7b1c-7def-8a00-000000000000"),
                                                    parcelOps.mid(first, batch)})
                         .size();
        figure(batch == 500 ? "bytes_per_parcel_op_batch_500" : "bytes_per_parcel_op_batch_20",
               double(bytes) / double(parcelOps.size()), "bytes");
    }
    figure("json_bytes_per_parcel_op", double(json) / double(parcelOps.size()), "bytes");
}

// Seconds for one SyncEngine run of a station with `ops` pending through url.
double catchUp(const QString& dir, const QString& db, const QString& url, int parcels, const char* label) {
    const QString path = QDir(dir).filePath(QStringLiteral("catchup-%1.db").arg(QLatin1String(label)));
    auto station = makeStation(path, parcels);
    const QString code =
        test::addCountyStation(db, QStringLiteral("追赶站") + QLatin1String(label), QStringLiteral("城关镇"));
    SystemClock clock;
    sync::QtTransport transport(120000);
    sync::SyncEngine engine(station->database(), transport, clock);
    if (auto e = engine.enroll(url, code); !e)
        die(QStringLiteral("enrol through %1: %2").arg(url, e.error().message));
    auto pending = StationSetup(*station).pendingOps();
    QElapsedTimer t;
    t.start();
    auto report = engine.runOnce();
    const double seconds = double(t.nsecsElapsed()) / 1e9;
    if (!report)
        die(QStringLiteral("catch-up failed: ") + report.error().message);
    std::fprintf(stderr, "# %s: %d ops pushed in %.1f s\n", label, report->pushed, seconds);
    if (report->pushed != *pending)
        die(QStringLiteral("pushed %1 of %2 ops").arg(report->pushed).arg(*pending));
    return seconds;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    const QCommandLineOption dbOpt(QStringLiteral("db"),
                                   QStringLiteral("County database (default: a new SQLite file)."),
                                   QStringLiteral("spec"));
    const QCommandLineOption stationsOpt(QStringLiteral("stations"), QStringLiteral("Concurrent stations."),
                                         QStringLiteral("n"), QStringLiteral("50"));
    const QCommandLineOption opsOpt(QStringLiteral("ops"), QStringLiteral("Ops per station."),
                                    QStringLiteral("n"), QStringLiteral("2000"));
    const QCommandLineOption batchOpt(QStringLiteral("batch"), QStringLiteral("Ops per push."),
                                      QStringLiteral("n"), QStringLiteral("500"));
    const QCommandLineOption catchupOpt(QStringLiteral("catchup-ops"), QStringLiteral("Ops of the catch-up."),
                                        QStringLiteral("n"), QStringLiteral("5000"));
    const QCommandLineOption skipIngest(QStringLiteral("skip-ingest"),
                                        QStringLiteral("Leave out the ingest part."));
    const QCommandLineOption skipCatchup(QStringLiteral("skip-catchup"),
                                         QStringLiteral("Leave out the catch-up."));
    p.addOptions({dbOpt, stationsOpt, opsOpt, batchOpt, catchupOpt, skipIngest, skipCatchup});
    p.process(app);
    const int stationCount = p.value(stationsOpt).toInt();
    const int ops = p.value(opsOpt).toInt();
    const int batch = p.value(batchOpt).toInt();

    QTemporaryDir dir;
    const QString db = p.isSet(dbOpt) ? p.value(dbOpt)
                                      : QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("county.db"));
    test::CountyProcess server(db);
    if (server.port() == 0)
        die(QStringLiteral("the server did not start: ") + server.output());
    std::fprintf(stderr, "# server on %d, database %s; enrolling %d stations\n", server.port(),
                 qPrintable(db), stationCount + 1);

    wireSize(dir.path());
    if (!p.isSet(skipIngest)) {
        std::vector<SimStation> alone{enrol(db, server.port(), 0, ops, batch)};
        std::vector<SimStation> stations;
        for (int i = 1; i <= stationCount; ++i)
            stations.push_back(enrol(db, server.port(), i, ops, batch));
        std::size_t bytes = 0;
        for (const std::string& b : stations.front().bodies)
            bytes += b.size();

        std::vector<double> ignored, latencies;
        const double aloneSeconds = pushAll(server.port(), alone, &ignored);
        const double seconds = pushAll(server.port(), stations, &latencies);

        std::printf("backend: %s\n", db.startsWith(QLatin1String("sqlite:")) ? "sqlite" : "postgresql");
        figure("stations", stationCount, "");
        figure("ops_total", double(stationCount) * ops, "ops");
        figure("baseline_one_station_ops_per_s", ops / aloneSeconds, "ops/s");
        figure("ingest_ops_per_s", double(stationCount) * ops / seconds, "ops/s");
        figure("push_p50_ms", percentile(latencies, 0.5), "ms");
        figure("push_p99_ms", percentile(latencies, 0.99), "ms");
        figure("synthetic_bytes_per_op", double(bytes) / ops, "bytes");
    }
    if (!p.isSet(skipCatchup)) {
        const int parcels = p.value(catchupOpt).toInt() * 2 / 3; // a receive and, for half, a pickup
        const double direct = catchUp(dir.path(), db, server.url(), parcels, "loopback");
        test::FaultProxyProcess proxy(server.port(), {QStringLiteral("--rate-kbit"), QStringLiteral("256"),
                                                      QStringLiteral("--rtt-ms"), QStringLiteral("300")});
        if (proxy.port() == 0)
            die(QStringLiteral("faultproxy did not start"));
        const double slow = catchUp(dir.path(), db, proxy.url(), parcels, "slow");
        std::fprintf(stderr, "# proxy: %s\n", qPrintable(proxy.tally()));
        figure("catchup_ops", parcels + parcels / 2, "ops");
        figure("catchup_loopback_s", direct, "s");
        figure("catchup_slow_link_s", slow, "s");
    }
    return 0;
}
