// Sync benchmark: the county server's ingest rate with many stations pushing at once, on SQLite and
// on PostgreSQL, against a single station pushing alone in the same run (the baseline).
//
//   build/bin/bench_sync [--db sqlite:PATH | postgresql://…] [--stations 50] [--ops 2000] [--batch 500]
//
// The server is the real `cunzhan-county serve` on 127.0.0.1; each simulated station is a thread
// with its own keep-alive HTTP connection, pushing parcel ops shaped like the station's own
// (parcel.received with the full parcel state). Figures on stdout as "name: value unit":
//   ingest_ops_per_s             all stations together (target >= 5000 on this 2-core machine)
//   baseline_one_station_ops_per_s   one station alone, same server, same run
//   push_p50_ms, push_p99_ms     latency of one push of --batch ops under the full load
#include "countyprocess.h"
#include "protocol.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
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

struct Station {
    QString id;
    QString token;
    std::vector<std::string> bodies; // encoded push requests, ready to send
};

httplib::Headers headers(const Station& s) {
    return {{sync::kHeaderProtocol, std::to_string(sync::kProtocolVersion)},
            {sync::kHeaderStation, s.id.toStdString()},
            {"Authorization", "Bearer " + s.token.toStdString()}};
}

// A parcel.received op as the station writes it: the event and the parcel's full state.
sync::WireOp parcelOp(int n, qint64 at) {
    const QString parcelId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString phone = QStringLiteral("138%1").arg(10000000 + n % 4000, 8, 10, QLatin1Char('0'));
    const QString code = QStringLiteral("%1-%2-%3").arg(1 + n % 20).arg(1 + n % 5).arg(1000 + n);
    const QJsonObject parcel{{QStringLiteral("id"), parcelId},
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

Station enrol(const QString& db, int port, int index, int ops, int batch) {
    Station s;
    const QString code = test::addCountyStation(db, QStringLiteral("站%1").arg(index), QStringLiteral("城关镇"));
    if (code.isEmpty())
        die(QStringLiteral("station add failed"));
    httplib::Client client("127.0.0.1", port);
    const auto r = client.Post("/v1/enroll", {{sync::kHeaderProtocol, std::to_string(sync::kProtocolVersion)}},
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
double pushAll(int port, const std::vector<Station>& stations, std::vector<double>* latencies) {
    std::mutex mutex;
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    QElapsedTimer wall;
    wall.start();
    for (const Station& s : stations) {
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
                    const auto e = r ? sync::decodeErrorBody(QByteArray::fromStdString(r->body)) : sync::Decoded<sync::ErrorBody>{};
                    std::fprintf(stderr, "# push failed after %.0f ms: %s %s\n", ms, r ? std::to_string(r->status).c_str() : httplib::to_string(r.error()).c_str(),
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

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    const QCommandLineOption dbOpt(QStringLiteral("db"), QStringLiteral("County database (default: a new SQLite file)."),
                                   QStringLiteral("spec"));
    const QCommandLineOption stationsOpt(QStringLiteral("stations"), QStringLiteral("Concurrent stations."),
                                         QStringLiteral("n"), QStringLiteral("50"));
    const QCommandLineOption opsOpt(QStringLiteral("ops"), QStringLiteral("Ops per station."), QStringLiteral("n"),
                                    QStringLiteral("2000"));
    const QCommandLineOption batchOpt(QStringLiteral("batch"), QStringLiteral("Ops per push."), QStringLiteral("n"),
                                      QStringLiteral("500"));
    p.addOptions({dbOpt, stationsOpt, opsOpt, batchOpt});
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
    std::fprintf(stderr, "# server on %d, database %s; enrolling %d stations\n", server.port(), qPrintable(db),
                 stationCount + 1);

    std::vector<Station> alone{enrol(db, server.port(), 0, ops, batch)};
    std::vector<Station> stations;
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
    return 0;
}
