// Several programs on one station database, as in the field: the real terminal (`cunzhan`,
// offscreen) with its sync worker talking to the real county server, and `cunzhanctl` processes
// reading and writing the same file, with SIGKILLs of either side at random moments.
//  - The terminal's write-ahead log and shared-memory file are never unlinked while it holds them
//    open (a process that drops its own fcntl locks lets the next program to close believe it is
//    the last one, checkpoint and delete the WAL still in use: what was written after is lost).
//  - Every receive that cunzhanctl reported is stored, no pickup code is handed out twice, the
//    database passes integrity_check, and after a last sync the county holds exactly the
//    station's operations.
#include "countyprocess.h"
#include "processrun.h"
#include "readonlyquery.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <csignal>
#include <unistd.h>

using namespace cz::test;

namespace {

const QString kCtl = QStringLiteral(CUNZHAN_BIN_DIR "/cunzhanctl");
const QString kTerminal = QStringLiteral(CUNZHAN_BIN_DIR "/cunzhan");

// The files a process has open, as the kernel names them ("… (deleted)" once unlinked).
QStringList openFiles(qint64 pid) {
    QStringList out;
    const QDir fds(QStringLiteral("/proc/%1/fd").arg(pid));
    for (const QString& fd : fds.entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot)) {
        char target[4096];
        const QByteArray link = fds.filePath(fd).toLocal8Bit();
        const ssize_t n = ::readlink(link.constData(), target, sizeof target - 1);
        if (n > 0)
            out << QString::fromLocal8Bit(target, n);
    }
    return out;
}

} // namespace

// A failed check inside a helper ends the test at once, not just the helper.
#define CHECKED(call)                                                                                        \
    do {                                                                                                     \
        call;                                                                                                \
        if (QTest::currentTestFailed())                                                                      \
            return;                                                                                          \
    } while (false)

class TstSharedDb : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    QProcess m_terminal;
    QRandomGenerator m_rng{20261201};

    QProcessEnvironment env() const {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("xdg")));
        e.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("xdg-config")));
        e.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        return e;
    }

    Run ctl(const QStringList& args) {
        return runProgram(kCtl, QStringList{QStringLiteral("--db"), m_db} + args, {env()});
    }

    // The terminal's open descriptors of the database file itself.
    int terminalDbHandles() { return static_cast<int>(openFiles(m_terminal.processId()).count(m_db)); }

    // Starts the terminal and waits until both its connections (the window's and the sync
    // worker's) hold the database.
    void startTerminal() {
        m_terminal.setProcessEnvironment(env());
        m_terminal.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_terminal.start(kTerminal, {QStringLiteral("--db"), m_db});
        QVERIFY2(m_terminal.waitForStarted(), qPrintable(m_terminal.errorString()));
        QElapsedTimer t;
        t.start();
        while (terminalDbHandles() < 2 && t.elapsed() < 60000 && m_terminal.state() == QProcess::Running)
            QThread::msleep(20);
        QVERIFY2(terminalDbHandles() >= 2, "the terminal did not open the database with its sync worker");
    }

    void killTerminal() {
        ::kill(static_cast<pid_t>(m_terminal.processId()), SIGKILL);
        m_terminal.waitForFinished(10000);
    }

    // What the terminal holds of the WAL and SHM files: all of it must still be on disk.
    void checkTerminalJournals(const QString& after) {
        if (m_terminal.state() != QProcess::Running)
            return;
        for (const QString& file : openFiles(m_terminal.processId())) {
            if (file.startsWith(m_db))
                QVERIFY2(!file.endsWith(QLatin1String("(deleted)")),
                         qPrintable(
                             QStringLiteral("after %1 the terminal holds an unlinked %2").arg(after, file)));
        }
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("station.db"));
    }

    void terminalAndCliShareTheDatabase() {
        const QString countyDb = QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("county.db"));
        const QString code = addCountyStation(countyDb, QStringLiteral("东村站"), QStringLiteral("城关镇"));
        QVERIFY(!code.isEmpty());
        CountyProcess county(countyDb);
        QVERIFY2(county.port() > 0, qPrintable(county.output()));
        QCOMPARE(ctl({QStringLiteral("init"), QStringLiteral("--station-name"), QStringLiteral("东村站"),
                      QStringLiteral("--shelves"), QStringLiteral("1-4:3x40")})
                     .code,
                 0);
        const Run enrolled = ctl({QStringLiteral("enroll"), QStringLiteral("--server"), county.url(),
                                  QStringLiteral("--code"), code});
        QVERIFY2(enrolled.code == 0, enrolled.err.constData());

        CHECKED(startTerminal());
        // The reproduction: one status while the terminal runs.
        QCOMPARE(ctl({QStringLiteral("status")}).code, 0);
        CHECKED(checkTerminalJournals(QStringLiteral("cunzhanctl status")));

        QSet<QString> acknowledged; // waybills whose receive cunzhanctl reported done
        int terminalKills = 0, ctlKills = 0;
        for (int round = 0; round < 90; ++round) {
            const QString waybill = QStringLiteral("YT%1").arg(4300000000000LL + round);
            const QStringList receive{QStringLiteral("receive"), waybill, QStringLiteral("--phone"),
                                      QStringLiteral("139%1").arg(10000000 + round % 25)};
            if (round % 9 == 4) {
                // A cunzhanctl killed at a random moment: its receive may or may not have happened.
                QProcess p;
                p.setProcessEnvironment(env());
                p.start(kCtl, QStringList{QStringLiteral("--db"), m_db} + receive);
                QVERIFY(p.waitForStarted());
                QThread::msleep(m_rng.bounded(5, 60));
                ::kill(static_cast<pid_t>(p.processId()), SIGKILL);
                p.waitForFinished(10000);
                ++ctlKills;
            } else {
                const Run r = ctl(receive);
                QVERIFY2(r.code == 0, r.err.constData());
                acknowledged.insert(waybill);
            }
            CHECKED(checkTerminalJournals(QStringLiteral("receive %1").arg(waybill)));

            const Run read = ctl(round % 2 ? QStringList{QStringLiteral("--json"), QStringLiteral("list")}
                                           : QStringList{QStringLiteral("status")});
            QVERIFY2(read.code == 0, read.err.constData());
            CHECKED(checkTerminalJournals(QStringLiteral("a read")));

            if (round % 5 == 2) {
                const Run handed = ctl({QStringLiteral("pickup"), QStringLiteral("--waybill"),
                                        QStringLiteral("YT%1").arg(4300000000000LL + round - 2)});
                // Round - 2 may have been the killed receive (4: not found) or still be there (0).
                QVERIFY2(handed.code == 0 || handed.code == 4, handed.err.constData());
                CHECKED(checkTerminalJournals(QStringLiteral("a pickup")));
            }
            if (round % 15 == 14) {
                // The terminal killed at a random moment (perhaps in the middle of a push), then
                // started again, as after a power cut.
                QThread::msleep(m_rng.bounded(0, 400));
                killTerminal();
                ++terminalKills;
                CHECKED(startTerminal());
            }
        }
        qInfo("%d terminal kills, %d cunzhanctl kills", terminalKills, ctlKills);
        CHECKED(checkTerminalJournals(QStringLiteral("the last round")));
        killTerminal();

        // Nothing acknowledged is missing, no pickup code twice among the parcels in the station.
        QSet<QString> stored;
        for (const auto& row : readOnlyQuery(m_db, QStringLiteral("SELECT waybill FROM parcel")))
            stored.insert(row.at(0).toString());
        for (const QString& w : std::as_const(acknowledged))
            QVERIFY2(stored.contains(w), qPrintable(QStringLiteral("receive of %1 was lost").arg(w)));
        const auto dup =
            readOnlyQuery(m_db, QStringLiteral("SELECT pickup_code, count(*) FROM parcel WHERE in_station = 1"
                                               " GROUP BY pickup_code HAVING count(*) > 1"));
        QVERIFY2(dup.isEmpty(), qPrintable(dup.isEmpty() ? QString() : dup.first().first().toString()));
        QCOMPARE(readOnlyQuery(m_db, QStringLiteral("PRAGMA integrity_check")).first().first().toString(),
                 QStringLiteral("ok"));

        // A last sync: the county then holds exactly the station's operations, each once.
        const Run last = ctl({QStringLiteral("sync"), QStringLiteral("--once")});
        QVERIFY2(last.code == 0, last.err.constData());
        QCOMPARE(readOnlyQuery(m_db, QStringLiteral("SELECT count(*) FROM outbox WHERE acked_at IS NULL"))
                     .first()
                     .first()
                     .toInt(),
                 0);
        QSet<QString> stationOps;
        for (const auto& row : readOnlyQuery(m_db, QStringLiteral("SELECT op_id FROM outbox")))
            stationOps.insert(row.at(0).toString());
        county.stop();
        QSet<QString> countyOps;
        for (const auto& row : readOnlyQuery(m_dir.filePath(QStringLiteral("county.db")),
                                             QStringLiteral("SELECT op_id FROM ops")))
            countyOps.insert(row.at(0).toString());
        QCOMPARE(countyOps.size(), stationOps.size());
        QCOMPARE(countyOps, stationOps);
    }
};

QTEST_GUILESS_MAIN(TstSharedDb)
#include "tst_shared_db.moc"
