// Kill test: a child process (cunzhan_kill_child) receives and hands over parcels and reports each
// change only after its commit; the test SIGKILLs it at random moments, again and again, and after
// every kill opens the database with station-core and demands that the file is intact, that every
// reported change survived, and that no change was half-written (parcel, event, notification and
// outbox op are all there or none is).
#include "context.h"
#include "outboxcodec.h"
#include "setup.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace cz;

namespace {

constexpr int kRuns = 60;

const QString& childPath() {
    static const QString path = QStringLiteral(CUNZHAN_BIN_DIR "/cunzhan_kill_child");
    return path;
}

// All rows of a query (first column joined with the others by '|'), through the station's connection.
QStringList rowsOf(StationContext& station, const QString& sql) {
    QStringList out;
    auto q = station.database().exec(sql);
    if (!q) {
        out << QStringLiteral("ERROR ") + q.error().code + QLatin1Char(' ') + q.error().message;
        return out;
    }
    while ((*q)->next()) {
        QStringList cols;
        for (int i = 0; i < (*q)->record().count(); ++i)
            cols << (*q)->value(i).toString();
        out << cols.join(QLatin1Char('|'));
    }
    (*q)->finish();
    return out;
}

// "key|count" rows -> key -> count
QHash<QString, int> countsOf(StationContext& station, const QString& sql) {
    QHash<QString, int> out;
    for (const QString& row : rowsOf(station, sql)) {
        const qsizetype bar = row.lastIndexOf(QLatin1Char('|'));
        out.insert(row.left(bar), row.mid(bar + 1).toInt());
    }
    return out;
}

} // namespace

class TstKill : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void killWhileWriting();

private:
    void verify(int run);

    QTemporaryDir m_dir;
    QString m_path;
    QSet<QString> m_reported; // waybills whose receive the child reported, over all runs
    QSet<QString> m_handed;   // waybills whose handover the child reported
};

void TstKill::initTestCase() {
    QVERIFY2(QFileInfo(childPath()).isExecutable(),
             qPrintable(childPath() + QStringLiteral(" is not built")));
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("station.db"));
    auto station = StationContext::open(m_path);
    QVERIFY2(station, qPrintable(station ? QString() : station.error().message));
    // 100 places of 999: the runs never fill the shelves.
    auto st = StationSetup(**station).initialise(QStringLiteral("断电测试站"), QStringLiteral("1-20:5x999"));
    QVERIFY2(st, qPrintable(st ? QString() : st.error().message));
}

void TstKill::killWhileWriting() {
    const quint32 seed = qEnvironmentVariableIsSet("CUNZHAN_KILL_SEED")
                             ? static_cast<quint32>(qEnvironmentVariableIntValue("CUNZHAN_KILL_SEED"))
                             : QRandomGenerator::global()->generate();
    qInfo("seed %u (set CUNZHAN_KILL_SEED to repeat)", seed);
    QRandomGenerator rng(seed);
    QElapsedTimer total;
    total.start();
    int earlyKills = 0;

    for (int run = 0; run < kRuns; ++run) {
        QProcess child;
        child.start(childPath(), {m_path, QString::number(run)});
        QVERIFY2(child.waitForStarted(10000), qPrintable(child.errorString()));

        // Every fifth run is killed 0-40 ms after the start, often while it is still opening the
        // database and recovering the WAL the previous kill left; the others 20-300 ms into writing.
        const bool early = run % 5 == 4;
        QByteArray out;
        int delayMs = 0;
        if (early) {
            ++earlyKills;
            delayMs = rng.bounded(0, 41);
        } else {
            QElapsedTimer wait;
            wait.start();
            while (!out.startsWith("ready\n") && child.state() == QProcess::Running &&
                   wait.elapsed() < 10000) {
                child.waitForReadyRead(100);
                out += child.readAllStandardOutput();
            }
            delayMs = rng.bounded(20, 301);
        }
        QTest::qWait(delayMs);
        const bool stillRunning = child.state() == QProcess::Running;
        child.kill();
        QVERIFY(child.waitForFinished(10000));
        const QByteArray err = child.readAllStandardError();
        QVERIFY2(stillRunning && child.exitStatus() == QProcess::CrashExit,
                 qPrintable(QStringLiteral("run %1: the child ended by itself (exit %2): %3")
                                .arg(run)
                                .arg(child.exitCode())
                                .arg(QString::fromLocal8Bit(err))));

        // Only whole lines count: the kill may cut the last one.
        out += child.readAllStandardOutput();
        const QList<QByteArray> lines = out.left(out.lastIndexOf('\n') + 1).split('\n');
        for (const QByteArray& line : lines) {
            if (line.startsWith("R "))
                m_reported.insert(QString::fromLatin1(line.mid(2)));
            else if (line.startsWith("P "))
                m_handed.insert(QString::fromLatin1(line.mid(2)));
        }
        verify(run);
        if (QTest::currentTestFailed())
            return;
    }
    qInfo("%d kills (%d early) in %lld ms; %lld receives and %lld handovers reported", kRuns, earlyKills,
          total.elapsed(), static_cast<long long>(m_reported.size()),
          static_cast<long long>(m_handed.size()));
    // The kills must have landed while the child was writing, or the test proved nothing.
    QVERIFY(m_reported.size() >= kRuns);
    QVERIFY(!m_handed.isEmpty());
}

void TstKill::verify(int run) {
    const QString where = QStringLiteral("after kill %1: ").arg(run);
    auto opened = StationContext::open(m_path);
    QVERIFY2(opened,
             qPrintable(where + (opened ? QString()
                                        : opened.error().code + QLatin1Char(' ') + opened.error().message)));
    StationContext& station = **opened;
    QVERIFY(station.isInitialised());

    QCOMPARE(rowsOf(station, QStringLiteral("PRAGMA integrity_check")), QStringList{QStringLiteral("ok")});
    QCOMPARE(rowsOf(station, QStringLiteral("PRAGMA foreign_key_check")), QStringList());

    // Current state of every parcel, and what was recorded for it.
    QHash<QString, QString> idOf, statusOf;
    for (const QString& row : rowsOf(station, QStringLiteral("SELECT waybill, id, status FROM parcel"))) {
        const QStringList cols = row.split(QLatin1Char('|'));
        QCOMPARE(cols.size(), 3);
        QVERIFY2(!idOf.contains(cols[0]),
                 qPrintable(where + QStringLiteral("waybill %1 stored twice").arg(cols[0])));
        idOf.insert(cols[0], cols[1]);
        statusOf.insert(cols[1], cols[2]);
    }
    // Parcel id -> its rows of one kind in table, whose idColumn names the parcel.
    const auto perParcel = [&](const char* table, const char* idColumn, const char* kind) {
        return countsOf(station,
                        QStringLiteral("SELECT %1, count(*) FROM %2 WHERE kind = '%3' GROUP BY %1")
                            .arg(QLatin1String(idColumn), QLatin1String(table), QLatin1String(kind)));
    };
    const auto receivedEvents = perParcel("parcel_event", "parcel_id", "received");
    const auto pickedEvents = perParcel("parcel_event", "parcel_id", "picked_up");
    const auto receivedOps = perParcel("outbox", "entity_id", "parcel.received");
    const auto pickedOps = perParcel("outbox", "entity_id", "parcel.picked_up");
    const auto arrivals = perParcel("notification", "parcel_id", "arrival");

    // Nothing half-written: the four rows of a receive exist together or not at all.
    const qsizetype parcels = idOf.size();
    QCOMPARE(receivedEvents.size(), parcels);
    QCOMPARE(receivedOps.size(), parcels);
    QCOMPARE(arrivals.size(), parcels);
    for (auto it = statusOf.cbegin(); it != statusOf.cend(); ++it) {
        const QString& id = it.key();
        const int picked = it.value() == QLatin1String("picked_up") ? 1 : 0;
        QVERIFY2(it.value() == QLatin1String("waiting") || picked,
                 qPrintable(where + QStringLiteral("parcel %1 has status %2").arg(id, it.value())));
        QVERIFY2(
            receivedEvents.value(id) == 1 && receivedOps.value(id) == 1 && arrivals.value(id) == 1,
            qPrintable(where + QStringLiteral("parcel %1: %2 received events, %3 ops, %4 arrival notices")
                                   .arg(id)
                                   .arg(receivedEvents.value(id))
                                   .arg(receivedOps.value(id))
                                   .arg(arrivals.value(id))));
        QVERIFY2(pickedEvents.value(id) == picked && pickedOps.value(id) == picked,
                 qPrintable(where + QStringLiteral("parcel %1 (%2): %3 picked_up events, %4 ops")
                                        .arg(id, it.value())
                                        .arg(pickedEvents.value(id))
                                        .arg(pickedOps.value(id))));
    }
    qsizetype pickedTotal = 0;
    for (int n : pickedEvents)
        pickedTotal += n;
    QCOMPARE(pickedOps.size(), pickedEvents.size());
    QVERIFY(pickedTotal == pickedEvents.size());

    // Every event has the outbox op that carries it, and the other way round.
    QStringList eventIds = rowsOf(station, QStringLiteral("SELECT id FROM parcel_event ORDER BY id"));
    // Payloads are stored compactly (outboxcodec.h): read them as sync does.
    QStringList carried;
    if (auto q =
            station.database().exec(QStringLiteral("SELECT payload FROM outbox WHERE entity = 'parcel'"))) {
        while ((*q)->next())
            carried << decodeOpPayload((*q)->value(0)).value(QStringLiteral("event_id")).toString();
        (*q)->finish();
    }
    carried.sort();
    QCOMPARE(carried, eventIds);
    // The outbox sequence has no holes: a killed transaction left no rows behind.
    QCOMPARE(rowsOf(station, QStringLiteral("SELECT max(seq) = count(*) FROM outbox")),
             QStringList{QStringLiteral("1")});

    // Every change the child reported survived the kill.
    for (const QString& waybill : std::as_const(m_reported))
        QVERIFY2(idOf.contains(waybill),
                 qPrintable(where + QStringLiteral("reported parcel %1 was lost").arg(waybill)));
    for (const QString& waybill : std::as_const(m_handed))
        QVERIFY2(statusOf.value(idOf.value(waybill)) == QLatin1String("picked_up"),
                 qPrintable(where + QStringLiteral("reported handover of %1 was lost").arg(waybill)));
}

QTEST_GUILESS_MAIN(TstKill)
#include "tst_kill.moc"
