// Station benchmark: receive latency, pickup lookups and terminal cold start at 0, 100 k and 1 M
// existing parcels, each compared with a baseline measured in the same run (shared/DESIGN.md).
//
//   build/bin/bench_station [--sizes 0,100000,1000000] [--workdir DIR] [--samples N] [--cold-runs N]
//                           [--page-cache warm|cold]
//
// Prints one figure per line on stdout as "name@size: value unit"; progress and the verdict on the
// targets go to stderr. The generated databases (bench-<size>.db) stay in --workdir (default
// $TMPDIR/cunzhan-bench) and are reused by later runs (a database of an older format is generated
// again); generating 1 M parcels takes several minutes once. Each run adds its own receives, handed
// over again afterwards, to the history.
//
// The history is generated as a station at steady state holds it (retention.h): acknowledged ops
// and notices of parcels that left are kept for the last kKeptDays only, which is the retention
// period (30 days) plus two weeks that the pruning of each run then removes for real.
//
// Figures:
//   receive_median, receive_p99       Inbound::receive (durable: WAL, synchronous=FULL), ms
//   baseline_median, baseline_p99     a bare single-row INSERT commit into a scratch table of the same
//                                     file with the same pragmas, interleaved with the receives, ms
//   receive_p99_over_baseline_p99     target <= 5
//   receive_nosync_median, _p99       the same receives with synchronous=OFF: the SQL and CPU part, ms
//                                     (with --page-cache cold, also the reads of index pages from disk)
//   checkpoints_background, _inline   log checkpoints during those receives, by the station's worker and
//                                     inside a commit (walcheckpointer.h)
//   find_by_code_*, find_by_tail_*    Pickup::findByCode / findByPhoneTail, ms; target p99 <= 2 at 1 M
//   prune_ops, prune_notices          rows pruned by this run (outbox_retention_days = 30), prune_time s
//   db_bytes_per_parcel               the file's size after a TRUNCATE checkpoint / parcels; target <= 800
//   db_live_bytes_per_parcel          the same without the free pages that later inserts reuse
//   cold_start                        launch of `cunzhan --db DB --exit-when-ready` (offscreen) until it
//                                     prints "ready", median, with the largest database; target <= 1000 ms.
//                                     The page cache is warm: this is a process cold start.
#include "context.h"
#include "inbound.h"
#include "outboxcodec.h"
#include "pickup.h"
#include "retention.h"
#include "setup.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <optional>

using namespace cz;

namespace {

constexpr int kWaitingTarget = 3000;         // parcels waiting on the shelves, as in a busy station
constexpr const char* kLayout = "1-20:5x50"; // 100 places, 5000 parcels
constexpr int kVillagers = 4000;             // phone numbers that come back again and again
constexpr int kKeptDays = 44;                // see the header: retention (30) plus two weeks
constexpr int kFormat = 3;                   // of the generated database: 3 = schema 5, pruned history

QString sizeLabel(qint64 n) {
    return QString::number(n);
}

void figure(const QString& name, qint64 size, double value, const char* unit, int decimals = 3) {
    std::printf("%s@%s: %.*f %s\n", qPrintable(name), qPrintable(sizeLabel(size)), decimals, value, unit);
    std::fflush(stdout);
}

void progress(const QString& text) {
    std::fprintf(stderr, "# %s\n", qPrintable(text));
    std::fflush(stderr);
}

[[noreturn]] void die(const QString& what) {
    std::fprintf(stderr, "bench_station: %s\n", qPrintable(what));
    std::exit(1);
}

double percentile(QList<double> samples, double q) {
    if (samples.isEmpty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const auto rank = static_cast<qsizetype>(std::ceil(q * static_cast<double>(samples.size())));
    return samples.at(std::clamp<qsizetype>(rank - 1, 0, samples.size() - 1));
}

double msSince(const QElapsedTimer& t) {
    return static_cast<double>(t.nsecsElapsed()) / 1e6;
}

// The same villagers in every run, so receives meet their earlier parcels.
QStringList villagerPhones() {
    QRandomGenerator rng(4242);
    QStringList phones;
    for (int i = 0; i < kVillagers; ++i)
        phones << QStringLiteral("1%1%2")
                      .arg(rng.bounded(3, 10))
                      .arg(rng.bounded(1000000000), 9, 10, QLatin1Char('0'));
    return phones;
}

template<class T> T require(Result<T> r, const char* what) {
    if (!r)
        die(QStringLiteral("%1: %2 %3").arg(QLatin1String(what), r.error().code, r.error().message));
    return std::move(*r);
}

void require(Status st, const char* what) {
    if (!st)
        die(QStringLiteral("%1: %2 %3").arg(QLatin1String(what), st.error().code, st.error().message));
}

// Fills a fresh, initialised station with `count` parcels in one transaction, as the services would
// have written them: the newest few thousand waiting, the rest picked up; each with its events,
// outbox ops (synced ones acknowledged) and arrival notification.
void generate(StationContext& station, qint64 count) {
    Database& db = station.database();
    require(db.exec(QStringLiteral("PRAGMA cache_size=-400000")), "cache_size");
    const QStringList phones = villagerPhones();
    QRandomGenerator rng(1234);
    ManualClock idClock(0);
    UuidV7Source ids(idClock);

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 spanMs = std::max<qint64>(30, count / 1400) * kDayMs; // ~1400 parcels a day
    const qint64 waiting = std::min<qint64>(count, kWaitingTarget);
    const int places = 100;
    const QStringList names{QString(),
                            QString(),
                            QString(),
                            QStringLiteral("王芳"),
                            QStringLiteral("李建国"),
                            QStringLiteral("张伟"),
                            QStringLiteral("欧阳秀英")};
    int seq = 1000;

    const QString insertParcel = QStringLiteral(
        "INSERT INTO parcel(id, waybill, carrier, phone, phone_tail, name, delivery_pref, shelf, layer, "
        "code_seq,"
        " pickup_code, status, in_station, received_at, picked_up_at, collector, fee_fen, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)");
    const QString insertEvent =
        QStringLiteral("INSERT INTO parcel_event(id, parcel_id, kind, at, data) VALUES (?, ?, ?, ?, ?)");
    const QString insertOp = QStringLiteral("INSERT INTO outbox(op_id, entity, entity_id, kind, payload, "
                                            "schema_version, created_at, acked_at, result, actor)"
                                            " VALUES (?, 'parcel', ?, ?, ?, 1, ?, ?, ?, 'station')");
    // What pruning has removed already (see the header).
    const qint64 keptFrom = now - kKeptDays * kDayMs;
    const QString insertNotice = QStringLiteral("INSERT INTO notification(id, parcel_id, kind, day, phone, "
                                                "phone_tail, pickup_code, created_at, state)"
                                                " VALUES (?, ?, 'arrival', ?, ?, ?, ?, ?, ?)");

    require(db.beginWrite(), "begin");
    QElapsedTimer t;
    t.start();
    for (qint64 i = 0; i < count; ++i) {
        const bool isWaiting = i >= count - waiting;
        Parcel p;
        // Time order, like real history; waiting parcels arrived in the last week.
        p.receivedAt = isWaiting ? now - 7 * kDayMs +
                                       (i - (count - waiting)) * (7 * kDayMs / std::max<qint64>(waiting, 1))
                                 : now - spanMs + i * (spanMs - 8 * kDayMs) / std::max<qint64>(count, 1);
        idClock.set(p.receivedAt);
        p.id = ids.newId();
        p.waybill = QStringLiteral("YT%1").arg(1000000000000LL + i, 13, 10, QLatin1Char('0'));
        p.carrier = QStringLiteral("YTO");
        // Mostly villagers who come back; some one-off numbers; now and then only the tail is known.
        const quint32 kind = rng.bounded(10);
        if (kind < 7)
            p.phone = phones.at(rng.bounded(kVillagers));
        else if (kind < 9)
            p.phone = QStringLiteral("1%1%2")
                          .arg(rng.bounded(3, 10))
                          .arg(rng.bounded(1000000000), 9, 10, QLatin1Char('0'));
        p.phoneTail = p.phone.isEmpty()
                          ? QStringLiteral("%1").arg(rng.bounded(10000), 4, 10, QLatin1Char('0'))
                          : p.phone.right(4);
        p.name = names.at(rng.bounded(static_cast<int>(names.size())));
        const int place = static_cast<int>(i % places);
        p.shelf = QString::number(place / 5 + 1);
        p.layer = place % 5 + 1;
        seq = seq >= 9999 ? 1001 : seq + 1;
        p.codeSeq = seq;
        p.pickupCode = QStringLiteral("%1-%2-%3").arg(p.shelf).arg(p.layer).arg(seq);
        p.status = ParcelStatus::Waiting;
        p.updatedAt = p.receivedAt;

        // The received fact, as Inbound::receive writes it.
        const QString noticeId = ids.newId();
        const QJsonObject receivedData{{QStringLiteral("notification_id"), noticeId},
                                       {QStringLiteral("kept_together"), false}};
        const QString receivedEvent = ids.newId();
        const QByteArray receivedPayload = encodeOpPayload({{QStringLiteral("event_id"), receivedEvent},
                                                            {QStringLiteral("at"), p.receivedAt},
                                                            {QStringLiteral("data"), receivedData},
                                                            {QStringLiteral("parcel"), p.toJson()}});
        const QString receivedOpId = ids.newId();

        QString pickedEvent, pickedOpId;
        QByteArray pickedPayload;
        QJsonObject pickedData;
        if (!isWaiting) {
            p.pickedUpAt = p.receivedAt + rng.bounded(3600, 3 * 86400) * 1000LL;
            p.status = ParcelStatus::PickedUp;
            p.inStation = false;
            p.collector = rng.bounded(5) == 0 ? QStringLiteral("家人") : QString();
            p.updatedAt = p.pickedUpAt;
            idClock.set(p.pickedUpAt);
            pickedData = {{QStringLiteral("collector"), p.collector},
                          {QStringLiteral("by_recipient"), p.collector.isEmpty()},
                          {QStringLiteral("fee_fen"), 0}};
            pickedEvent = ids.newId();
            pickedPayload = encodeOpPayload({{QStringLiteral("event_id"), pickedEvent},
                                             {QStringLiteral("at"), p.pickedUpAt},
                                             {QStringLiteral("data"), pickedData},
                                             {QStringLiteral("parcel"), p.toJson()}});
            pickedOpId = ids.newId();
        }

        const QVariant phone = p.phone.isEmpty() ? QVariant() : QVariant(p.phone);
        require(db.exec(insertParcel,
                        {p.id, p.waybill, p.carrier, phone, p.phoneTail,
                         p.name.isEmpty() ? QVariant() : QVariant(p.name), toString(p.pref), p.shelf, p.layer,
                         p.codeSeq, p.pickupCode, toString(p.status), p.inStation ? 1 : 0, p.receivedAt,
                         p.pickedUpAt ? QVariant(p.pickedUpAt) : QVariant(),
                         p.collector.isEmpty() ? QVariant() : QVariant(p.collector), p.updatedAt}),
                "insert parcel");
        const bool noticeKept = isWaiting || p.receivedAt >= keptFrom;
        if (noticeKept)
            require(db.exec(insertNotice, {noticeId, p.id, localDate(p.receivedAt).toString(Qt::ISODate),
                                           phone, p.phoneTail, p.pickupCode, p.receivedAt,
                                           isWaiting ? QStringLiteral("queued") : QStringLiteral("sent")}),
                    "insert notification");
        require(db.exec(insertEvent, {receivedEvent, p.id, QStringLiteral("received"), p.receivedAt,
                                      encodeOpPayload(receivedData)}),
                "insert event");
        // Synced long ago except the newest few dozen.
        const bool pending = i >= count - 50;
        const QVariant ackedAt = pending ? QVariant() : QVariant(p.receivedAt + 60000);
        const QVariant result = pending ? QVariant() : QVariant(QStringLiteral("applied"));
        if (pending || p.receivedAt + 60000 >= keptFrom)
            require(db.exec(insertOp, {receivedOpId, p.id, QStringLiteral("parcel.received"), receivedPayload,
                                       p.receivedAt, ackedAt, result}),
                    "insert op");
        if (!isWaiting) {
            require(db.exec(insertEvent, {pickedEvent, p.id, QStringLiteral("picked_up"), p.pickedUpAt,
                                          encodeOpPayload(pickedData)}),
                    "insert event");
            if (p.pickedUpAt + 60000 >= keptFrom)
                require(db.exec(insertOp,
                                {pickedOpId, p.id, QStringLiteral("parcel.picked_up"), pickedPayload,
                                 p.pickedUpAt, QVariant(p.pickedUpAt + 60000), QStringLiteral("applied")}),
                        "insert op");
        }
        if (i > 0 && i % 100000 == 0)
            progress(QStringLiteral("  %1 parcels, %2 s").arg(i).arg(msSince(t) / 1000, 0, 'f', 1));
    }
    require(db.exec(QStringLiteral("INSERT OR REPLACE INTO counter(name, value) VALUES ('pickup_seq', ?)"),
                    {seq}),
            "counter");
    require(db.exec(QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES ('bench_parcels', ?)"),
                    {count}),
            "marker");
    require(db.exec(QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES ('bench_format', ?)"),
                    {kFormat}),
            "marker");
    require(db.commit(), "commit");
    require(db.exec(QStringLiteral("ANALYZE")), "analyze");
}

// Opens the benchmark database for `size` parcels, generating it when it is missing or stale.
std::unique_ptr<StationContext> openBenchDb(const QString& path, qint64 size) {
    if (QFileInfo::exists(path)) {
        auto existing = StationContext::open(path);
        if (existing && (*existing)->isInitialised()) {
            auto marker = (*existing)->database().scalar(
                QStringLiteral("SELECT value FROM meta WHERE key = 'bench_parcels'"));
            auto format = (*existing)->database().scalar(
                QStringLiteral("SELECT value FROM meta WHERE key = 'bench_format'"));
            if (marker && marker->isValid() && marker->toLongLong() == size && format &&
                format->toInt() == kFormat) {
                progress(QStringLiteral("reusing %1").arg(path));
                return std::move(*existing);
            }
        }
        progress(QStringLiteral("%1 is stale; generating it again").arg(path));
    }
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);

    progress(QStringLiteral("generating %1 parcels in %2").arg(size).arg(path));
    QElapsedTimer t;
    t.start();
    {
        auto station = require(StationContext::open(path), "open");
        require(StationSetup(*station).initialise(QStringLiteral("基准测试站"), QString::fromLatin1(kLayout)),
                "initialise");
        if (size > 0)
            generate(*station, size);
        else
            require(station->database().exec(
                        QStringLiteral("INSERT INTO meta(key, value) VALUES ('bench_parcels', 0),"
                                       " ('bench_format', ?)"),
                        {kFormat}),
                    "marker");
    }
    figure(QStringLiteral("generate_time"), size, msSince(t) / 1000, "s", 1);
    // Measure on a fresh connection, without the generation's cache.
    return require(StationContext::open(path), "reopen");
}

// A connection of its own to the same file with the station's pragmas, for the bare-commit baseline.
// It never checkpoints (wal_autocheckpoint=0): the baseline is a commit alone, and the checkpoints the
// log needs are the station's (its worker's) work, inside or beside the receives measured against it.
class Baseline {
public:
    explicit Baseline(const QString& path) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), kName);
        db.setDatabaseName(path);
        if (!db.open())
            die(QStringLiteral("baseline: ") + db.lastError().text());
        QSqlQuery q(db);
        for (const char* sql :
             {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA wal_autocheckpoint=0",
              "CREATE TABLE IF NOT EXISTS bench_scratch (id INTEGER PRIMARY KEY, at INTEGER, v TEXT)"}) {
            if (!q.exec(QString::fromLatin1(sql)))
                die(QStringLiteral("baseline: ") + q.lastError().text());
        }
        m_insert = QSqlQuery(db);
        if (!m_insert.prepare(QStringLiteral("INSERT INTO bench_scratch(at, v) VALUES (?, ?)")))
            die(QStringLiteral("baseline: ") + m_insert.lastError().text());
    }
    ~Baseline() {
        {
            QSqlQuery q(QSqlDatabase::database(kName));
            q.exec(QStringLiteral("DROP TABLE bench_scratch"));
        }
        m_insert = QSqlQuery();
        QSqlDatabase::database(kName).close();
        QSqlDatabase::removeDatabase(kName);
    }
    // One autocommitted single-row insert; returns its time in ms.
    double commitOne(int i) {
        QElapsedTimer t;
        t.start();
        m_insert.bindValue(0, QDateTime::currentMSecsSinceEpoch());
        m_insert.bindValue(1, QStringLiteral("row %1").arg(i));
        if (!m_insert.exec())
            die(QStringLiteral("baseline: ") + m_insert.lastError().text());
        return msSince(t);
    }

private:
    static inline const QString kName = QStringLiteral("bench-baseline");
    QSqlQuery m_insert;
};

struct Stats {
    double median, p99;
};

Stats stats(const QList<double>& samples) {
    return {percentile(samples, 0.5), percentile(samples, 0.99)};
}

struct SizeResult {
    qint64 size = 0;
    Stats receive{}, baseline{}, nosync{}, byCode{}, byTail{};
};

// The state of the operating system's cache of the database file when the measures start, chosen
// rather than left to what ran before: warm (the file read through, as at a station whose terminal
// has run for a while, with RAM for its file) or cold (dropped, as after a reboot). It is set with
// no connection open in this process: closing a descriptor of the file would drop SQLite's locks.
enum class PageCache { Warm, Cold };

void preparePageCache(const QString& path, PageCache state) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        die(QStringLiteral("page cache: cannot open %1").arg(path));
    if (state == PageCache::Warm) {
        QByteArray chunk(1 << 20, Qt::Uninitialized);
        while (file.read(chunk.data(), chunk.size()) > 0) {
        }
    } else if (::posix_fadvise(file.handle(), 0, 0, POSIX_FADV_DONTNEED) != 0) {
        die(QStringLiteral("page cache: posix_fadvise failed on %1").arg(path));
    }
}

SizeResult benchSize(const QString& workdir, qint64 size, int samples, PageCache cache) {
    const QString path = QDir(workdir).filePath(QStringLiteral("bench-%1.db").arg(size));
    SizeResult r;
    r.size = size;
    auto station = openBenchDb(path, size);

    auto parcels =
        require(station->database().scalar(QStringLiteral("SELECT count(*) FROM parcel")), "count");
    figure(QStringLiteral("parcels"), size, parcels.toDouble(), "rows", 0);
    // Retention as the terminal applies it after each sync, here all at once (in batches).
    {
        QElapsedTimer t;
        t.start();
        const PruneOptions options{30, 500, 0, -1};
        auto ops = require(pruneOutbox(station->database(), station->clock(), options), "prune ops");
        auto notices =
            require(pruneNotifications(station->database(), station->clock(), options), "prune notices");
        figure(QStringLiteral("prune_ops"), size, static_cast<double>(ops.pruned), "rows", 0);
        figure(QStringLiteral("prune_notices"), size, static_cast<double>(notices.pruned), "rows", 0);
        figure(QStringLiteral("prune_time"), size, msSince(t) / 1000, "s", 2);
        require(checkpoint(station->database()), "checkpoint");
    }
    const auto pageCount = require(station->database().scalar(QStringLiteral("PRAGMA page_count")), "pages");
    const auto freePages =
        require(station->database().scalar(QStringLiteral("PRAGMA freelist_count")), "free pages");
    const auto pageSize =
        require(station->database().scalar(QStringLiteral("PRAGMA page_size")), "page size");
    const double fileBytes = static_cast<double>(QFileInfo(path).size());
    const auto perParcel = static_cast<double>(std::max<qint64>(1, parcels.toLongLong()));
    figure(QStringLiteral("db_size"), size, fileBytes / 1048576.0, "MiB", 1);
    figure(QStringLiteral("db_bytes_per_parcel"), size, fileBytes / perParcel, "B", 0);
    figure(QStringLiteral("db_live_bytes_per_parcel"), size,
           static_cast<double>(pageCount.toLongLong() - freePages.toLongLong()) * pageSize.toDouble() /
               perParcel,
           "B", 0);
    // The last connection's close leaves the file whole (the log checkpointed and removed).
    station.reset();
    preparePageCache(path, cache);
    station = require(StationContext::open(path), "reopen");
    Inbound inbound(*station);
    Pickup pickup(*station);
    const QStringList phones = villagerPhones();
    QRandomGenerator rng(QRandomGenerator::global()->generate());
    const auto checkpointsBefore = station->database().checkpointCounts();

    // Receives interleaved with bare commits, so both see the same disk and the same noise.
    {
        Baseline baseline(path);
        QList<double> receive, bare;
        QStringList received;
        const qint64 base = (QDateTime::currentMSecsSinceEpoch() % 1000000000LL) * 1000;
        const int warmup = 10;
        for (int i = 0; i < samples + warmup; ++i) {
            const double b = baseline.commitOne(i);
            const quint32 kind = rng.bounded(10);
            const QString phone =
                kind < 7   ? phones.at(rng.bounded(kVillagers))
                : kind < 9 ? QStringLiteral("13%1").arg(rng.bounded(1000000000), 9, 10, QLatin1Char('0'))
                           : QStringLiteral("%1").arg(rng.bounded(10000), 4, 10, QLatin1Char('0'));
            const ReceiveRequest request{
                QStringLiteral("YT%1").arg(base + i, 13, 10, QLatin1Char('0')), phone, {}, {}, {}};
            QElapsedTimer t;
            t.start();
            auto done = inbound.receive(request);
            const double ms = msSince(t);
            received << require(std::move(done), "receive").parcel.id;
            if (i >= warmup) {
                receive << ms;
                bare << b;
            }
        }
        // The same receives without waiting for the disk: what the queries and inserts cost.
        QList<double> nosync;
        require(station->database().exec(QStringLiteral("PRAGMA synchronous=OFF")), "synchronous=OFF");
        for (int i = samples + warmup; i < 2 * samples + warmup; ++i) {
            const ReceiveRequest request{QStringLiteral("YT%1").arg(base + i, 13, 10, QLatin1Char('0')),
                                         phones.at(rng.bounded(kVillagers)),
                                         {},
                                         {},
                                         {}};
            QElapsedTimer t;
            t.start();
            auto done = inbound.receive(request);
            nosync << msSince(t);
            received << require(std::move(done), "receive").parcel.id;
        }
        require(station->database().exec(QStringLiteral("PRAGMA synchronous=FULL")), "synchronous=FULL");
        // Hand them over again so the shelves stay as generated for the next run.
        require(pickup.handOver(received, {}, Recipients::SeveralPeople), "hand over");
        r.receive = stats(receive);
        r.baseline = stats(bare);
        r.nosync = stats(nosync);
    }
    figure(QStringLiteral("receive_median"), size, r.receive.median, "ms");
    figure(QStringLiteral("receive_p99"), size, r.receive.p99, "ms");
    figure(QStringLiteral("baseline_median"), size, r.baseline.median, "ms");
    figure(QStringLiteral("baseline_p99"), size, r.baseline.p99, "ms");
    figure(QStringLiteral("receive_p99_over_baseline_p99"), size, r.receive.p99 / r.baseline.p99, "x", 2);
    figure(QStringLiteral("receive_nosync_median"), size, r.nosync.median, "ms");
    figure(QStringLiteral("receive_nosync_p99"), size, r.nosync.p99, "ms");
    const auto checkpoints = station->database().checkpointCounts();
    figure(QStringLiteral("checkpoints_background"), size,
           static_cast<double>(checkpoints.background - checkpointsBefore.background), "", 0);
    figure(QStringLiteral("checkpoints_inline"), size,
           static_cast<double>(checkpoints.inlined - checkpointsBefore.inlined), "", 0);

    // Lookups: codes of parcels on the shelves; tails half of waiting parcels, half anything.
    QStringList codes, tails;
    {
        auto q = require(station->database().exec(QStringLiteral("SELECT pickup_code, phone_tail FROM parcel"
                                                                 " WHERE in_station = 1")),
                         "codes");
        while (q->next()) {
            codes << q->value(0).toString();
            tails << q->value(1).toString();
        }
        q->finish();
    }
    QList<double> byCode, byTail;
    const int lookups = samples * 5;
    for (int i = 0; i < lookups && !codes.isEmpty(); ++i) {
        const QString code = codes.at(rng.bounded(static_cast<int>(codes.size())));
        QElapsedTimer t;
        t.start();
        auto found = pickup.findByCode(code);
        byCode << msSince(t);
        if (require(std::move(found), "findByCode").size() != 1)
            die(QStringLiteral("findByCode %1 did not find exactly one parcel").arg(code));
    }
    for (int i = 0; i < lookups; ++i) {
        const QString tail = (i % 2 == 0 && !tails.isEmpty())
                                 ? tails.at(rng.bounded(static_cast<int>(tails.size())))
                                 : QStringLiteral("%1").arg(rng.bounded(10000), 4, 10, QLatin1Char('0'));
        QElapsedTimer t;
        t.start();
        auto found = pickup.findByPhoneTail(tail);
        byTail << msSince(t);
        require(std::move(found), "findByPhoneTail");
    }
    r.byCode = stats(byCode);
    r.byTail = stats(byTail);
    if (!byCode.isEmpty()) {
        figure(QStringLiteral("find_by_code_median"), size, r.byCode.median, "ms");
        figure(QStringLiteral("find_by_code_p99"), size, r.byCode.p99, "ms");
    }
    figure(QStringLiteral("find_by_tail_median"), size, r.byTail.median, "ms");
    figure(QStringLiteral("find_by_tail_p99"), size, r.byTail.p99, "ms");
    return r;
}

// Launch to "ready" of the terminal with the given database; empty when it cannot be measured.
std::optional<double> coldStart(const QString& dbPath, int runs, QString* why) {
    const QString bin = QStringLiteral(CUNZHAN_BIN_DIR "/cunzhan");
    if (!QFileInfo(bin).isExecutable()) {
        *why = QStringLiteral("cunzhan not built");
        return std::nullopt;
    }
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        p.setProcessEnvironment(env);
        QElapsedTimer t;
        t.start();
        p.start(bin, {QStringLiteral("--db"), dbPath, QStringLiteral("--exit-when-ready")});
        QByteArray out;
        double readyMs = -1;
        while (readyMs < 0 && t.elapsed() < 30000) {
            if (!p.waitForReadyRead(100) && p.state() == QProcess::NotRunning)
                break;
            out += p.readAllStandardOutput();
            if (out.contains("ready\n") || out.endsWith("ready"))
                readyMs = msSince(t);
        }
        if (!p.waitForFinished(10000))
            p.kill();
        if (readyMs < 0) {
            *why = QStringLiteral("no \"ready\" line (exit %1): %2")
                       .arg(p.exitCode())
                       .arg(QString::fromLocal8Bit(p.readAllStandardError()).trimmed().left(200));
            return std::nullopt;
        }
        times << readyMs;
    }
    return percentile(times, 0.5);
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Cunzhan station benchmark"));
    parser.addHelpOption();
    const QCommandLineOption sizesOption(QStringLiteral("sizes"),
                                         QStringLiteral("Existing parcels, comma-separated."),
                                         QStringLiteral("list"), QStringLiteral("0,100000,1000000"));
    const QCommandLineOption workdirOption(
        QStringLiteral("workdir"), QStringLiteral("Where the databases are kept."), QStringLiteral("dir"),
        QDir::temp().filePath(QStringLiteral("cunzhan-bench")));
    const QCommandLineOption samplesOption(QStringLiteral("samples"), QStringLiteral("Receives per size."),
                                           QStringLiteral("n"), QStringLiteral("300"));
    const QCommandLineOption coldOption(QStringLiteral("cold-runs"),
                                        QStringLiteral("Cold starts to take the median of."),
                                        QStringLiteral("n"), QStringLiteral("5"));
    const QCommandLineOption cacheOption(
        QStringLiteral("page-cache"),
        QStringLiteral("The OS cache of the database file when measuring: warm (read through) or cold."),
        QStringLiteral("warm|cold"), QStringLiteral("warm"));
    parser.addOptions({sizesOption, workdirOption, samplesOption, coldOption, cacheOption});
    parser.process(app);
    const QString cacheName = parser.value(cacheOption);
    if (cacheName != QLatin1String("warm") && cacheName != QLatin1String("cold"))
        die(QStringLiteral("--page-cache is warm or cold"));
    const PageCache cache = cacheName == QLatin1String("cold") ? PageCache::Cold : PageCache::Warm;

    QList<qint64> sizes;
    for (const QString& s : parser.value(sizesOption).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const qint64 n = s.trimmed().toLongLong(&ok);
        if (!ok || n < 0)
            die(QStringLiteral("bad size \"%1\"").arg(s));
        sizes << n;
    }
    if (sizes.isEmpty())
        die(QStringLiteral("no sizes"));
    const int samples = std::max(20, parser.value(samplesOption).toInt());
    const QString workdir = parser.value(workdirOption);
    if (!QDir().mkpath(workdir))
        die(QStringLiteral("cannot create %1").arg(workdir));
    const qint64 maxSize = *std::max_element(sizes.begin(), sizes.end());

    QList<SizeResult> results;
    for (qint64 size : sizes) {
        progress(QStringLiteral("size %1").arg(size));
        results << benchSize(workdir, size, samples, cache);
    }

    QString why;
    const QString largest = QDir(workdir).filePath(QStringLiteral("bench-%1.db").arg(maxSize));
    const auto cold = coldStart(largest, std::max(1, parser.value(coldOption).toInt()), &why);
    if (cold)
        figure(QStringLiteral("cold_start"), maxSize, *cold, "ms", 1);
    else
        std::printf("cold_start: skipped (%s)\n", qPrintable(why));
    std::fflush(stdout);

    // Verdicts on the targets, for people.
    bool allMet = true;
    for (const SizeResult& r : results) {
        const double ratio = r.receive.p99 / r.baseline.p99;
        const bool receiveOk = ratio <= 5;
        allMet = allMet && receiveOk;
        progress(QStringLiteral("%1: receive p99 %2x baseline p99 (target <= 5): %3")
                     .arg(r.size)
                     .arg(ratio, 0, 'f', 2)
                     .arg(receiveOk ? QStringLiteral("met") : QStringLiteral("MISSED")));
        if (r.size >= 1000000) {
            const bool nosyncOk = r.nosync.median <= 0.4;
            allMet = allMet && nosyncOk;
            progress(QStringLiteral("%1: receive without the flush, median %2 ms (target <= 0.4): %3")
                         .arg(r.size)
                         .arg(r.nosync.median, 0, 'f', 3)
                         .arg(nosyncOk ? QStringLiteral("met") : QStringLiteral("MISSED")));
            const bool lookupOk = r.byCode.p99 <= 2 && r.byTail.p99 <= 2;
            allMet = allMet && lookupOk;
            progress(QStringLiteral("%1: lookup p99 code %2 ms, tail %3 ms (target <= 2): %4")
                         .arg(r.size)
                         .arg(r.byCode.p99, 0, 'f', 3)
                         .arg(r.byTail.p99, 0, 'f', 3)
                         .arg(lookupOk ? QStringLiteral("met") : QStringLiteral("MISSED")));
        }
    }
    if (cold) {
        const bool coldOk = *cold <= 1000;
        allMet = allMet && coldOk;
        progress(QStringLiteral("cold start %1 ms (target <= 1000): %2")
                     .arg(*cold, 0, 'f', 1)
                     .arg(coldOk ? QStringLiteral("met") : QStringLiteral("MISSED")));
    }
    progress(allMet ? QStringLiteral("all measured targets met") : QStringLiteral("some targets MISSED"));
    return 0;
}
