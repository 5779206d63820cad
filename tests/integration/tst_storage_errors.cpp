// Storage failures at open and write: an unreadable file, an unwritable folder, a database locked by
// another process, a read-only file, a schema newer than the program, and damaged or foreign files.
// Each must give its error code (never a crash, never a reset) and leave the file as it was.
//
// The tests run as root in CI, and mode bits do not stop root; the permission cases therefore run
// cunzhan_storage_probe as user 65534 through setpriv when the test runs as root, and directly
// otherwise. The files under test are handed to that user so only the one condition differs.
#include "context.h"
#include "database.h"
#include "inbound.h"
#include "query.h"
#include "setup.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>
#include <unistd.h>

using namespace cz;

namespace {

constexpr uid_t kProbeUser = 65534; // nobody
constexpr gid_t kProbeGroup = 65534;

const QString& probePath() {
    static const QString path = QStringLiteral(CUNZHAN_BIN_DIR "/cunzhan_storage_probe");
    return path;
}

bool runningAsRoot() {
    return geteuid() == 0;
}

// What "untouched" means: same bytes, same modification time, and no journal or WAL left beside it.
struct FileState {
    QByteArray hash;
    QDateTime modified;
    QStringList folder;
    bool operator==(const FileState&) const = default;
};

QStringList listing(const QString& dir) {
    return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                               QDir::Name);
}

FileState stateOf(const QString& path) {
    FileState s;
    QFile f(path);
    if (f.open(QIODevice::ReadOnly))
        s.hash = QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
    s.modified = QFileInfo(path).lastModified();
    s.folder = listing(QFileInfo(path).absolutePath());
    return s;
}

char* describe(const FileState& s) {
    return QTest::toString(QStringLiteral("sha256 %1, modified %2, folder [%3]")
                               .arg(QString::fromLatin1(s.hash), s.modified.toString(Qt::ISODateWithMs),
                                    s.folder.join(QStringLiteral(", "))));
}

} // namespace

namespace QTest {
template<> char* toString(const FileState& s) {
    return describe(s);
}
} // namespace QTest

class TstStorageErrors : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void unreadableFile();
    void newDatabaseInReadOnlyFolder_data();
    void newDatabaseInReadOnlyFolder();
    void existingDatabaseInReadOnlyFolder();
    void readOnlyFile();
    void lockedByAnotherProcess();
    void lockedWhileMigrating_data();
    void lockedWhileMigrating();
    void schemaNewer();
    void corruptFile_data();
    void corruptFile();

private:
    [[nodiscard]] QString makeFolder(const QString& name, mode_t mode);
    void setMode(const QString& path, mode_t mode);
    void giveToProbeUser(const QString& path);
    // A real, initialised station database with one parcel, closed cleanly.
    void makeStation(const QString& path);
    // makeStation in a folder of its own ("station", mode 0777), both the probe user's; the database's path.
    [[nodiscard]] QString makeProbeUsersStation();
    // Opens path through the probe (as the unprivileged user when root); returns its one line.
    [[nodiscard]] QString probe(const QString& path, bool unprivileged = true);
    [[nodiscard]] QString sqlite(const QString& path, const QString& sql);

    std::unique_ptr<QTemporaryDir> m_tmp;
    QStringList m_restore; // folders whose mode this test changed
};

void TstStorageErrors::initTestCase() {
    QVERIFY2(QFileInfo(probePath()).isExecutable(),
             qPrintable(probePath() + QStringLiteral(" is not built")));
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("sqlite3")).isEmpty(),
             "the sqlite3 command-line shell is needed (Debian package sqlite3)");
    if (runningAsRoot()) {
        QVERIFY2(
            !QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty(),
            "running as root: setpriv (util-linux) is needed to drop privileges for the permission cases");
        // The unprivileged user must be able to reach and run the probe.
        init();
        const QString hello = probe(QStringLiteral("--hello"));
        QVERIFY2(hello == QLatin1String("hello"),
                 qPrintable(QStringLiteral("user %1 cannot run %2 (are the build folders world-readable and "
                                           "traversable?): %3")
                                .arg(kProbeUser)
                                .arg(probePath(), hello)));
        cleanup();
    }
}

void TstStorageErrors::init() {
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
    setMode(m_tmp->path(), 0755); // traversable for the probe user
}

void TstStorageErrors::cleanup() {
    for (const QString& dir : std::as_const(m_restore))
        ::chmod(QFile::encodeName(dir).constData(), 0755);
    m_restore.clear();
    m_tmp.reset();
}

QString TstStorageErrors::makeFolder(const QString& name, mode_t mode) {
    const QString dir = m_tmp->filePath(name);
    if (!QDir().mkpath(dir))
        qFatal("cannot create %s", qPrintable(dir));
    giveToProbeUser(dir);
    setMode(dir, mode);
    return dir;
}

void TstStorageErrors::setMode(const QString& path, mode_t mode) {
    if (::chmod(QFile::encodeName(path).constData(), mode) != 0)
        qFatal("chmod %s failed", qPrintable(path));
    if (QFileInfo(path).isDir())
        m_restore << path;
}

void TstStorageErrors::giveToProbeUser(const QString& path) {
    if (runningAsRoot() && ::chown(QFile::encodeName(path).constData(), kProbeUser, kProbeGroup) != 0)
        qFatal("chown %s failed", qPrintable(path));
}

void TstStorageErrors::makeStation(const QString& path) {
    auto station = StationContext::open(path);
    QVERIFY2(station, qPrintable(station ? QString() : station.error().message));
    auto st = StationSetup(**station).initialise(QStringLiteral("存储测试站"), QStringLiteral("1-2:2x10"));
    QVERIFY2(st, qPrintable(st ? QString() : st.error().message));
    auto r = Inbound(**station).receive(
        {QStringLiteral("YT1234567890123"), QStringLiteral("13812345678"), {}, {}, {}});
    QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    station->reset();
    QVERIFY2(!QFileInfo::exists(path + QStringLiteral("-wal")), "closing left the WAL behind");
}

QString TstStorageErrors::makeProbeUsersStation() {
    const QString path = makeFolder(QStringLiteral("station"), 0777) + QStringLiteral("/station.db");
    makeStation(path);
    giveToProbeUser(path);
    return path;
}

QString TstStorageErrors::probe(const QString& path, bool unprivileged) {
    QProcess p;
    QStringList args{path};
    if (unprivileged && runningAsRoot())
        p.start(QStringLiteral("setpriv"), QStringList{QStringLiteral("--reuid=%1").arg(kProbeUser),
                                                       QStringLiteral("--regid=%1").arg(kProbeGroup),
                                                       QStringLiteral("--clear-groups"), probePath()} +
                                               args);
    else
        p.start(probePath(), args);
    if (!p.waitForFinished(30000))
        return QStringLiteral("probe did not finish: ") + p.errorString();
    const QString err = QString::fromLocal8Bit(p.readAllStandardError()).trimmed();
    if (p.exitStatus() != QProcess::NormalExit)
        return QStringLiteral("probe crashed: ") + err;
    if (p.exitCode() != 0)
        return QStringLiteral("probe exit %1: %2").arg(p.exitCode()).arg(err);
    return QString::fromLocal8Bit(p.readAllStandardOutput()).trimmed();
}

QString TstStorageErrors::sqlite(const QString& path, const QString& sql) {
    QProcess p;
    p.start(QStringLiteral("sqlite3"), {path, sql});
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QStringLiteral("sqlite3 failed: ") + QString::fromLocal8Bit(p.readAllStandardError());
    return QString::fromLocal8Bit(p.readAllStandardOutput()).trimmed();
}

// A database the user may write but not read.
void TstStorageErrors::unreadableFile() {
    const QString path = makeProbeUsersStation();
    const FileState before = stateOf(path);
    setMode(path, 0200);

    QCOMPARE(probe(path), QStringLiteral("db.unreadable"));

    setMode(path, 0600);
    QCOMPARE(stateOf(path), before);
}

void TstStorageErrors::newDatabaseInReadOnlyFolder_data() {
    QTest::addColumn<QString>("relative");
    QTest::newRow("in the folder") << QStringLiteral("station.db");
    QTest::newRow("in a subfolder to create") << QStringLiteral("data/station.db");
}

// A new database where the user cannot create files: nothing may appear there.
void TstStorageErrors::newDatabaseInReadOnlyFolder() {
    QFETCH(QString, relative);
    const QString dir = makeFolder(QStringLiteral("readonly"), 0555);

    QCOMPARE(probe(dir + QLatin1Char('/') + relative), QStringLiteral("db.dir_not_writable"));
    QCOMPARE(listing(dir), QStringList());
}

// WAL keeps -wal and -shm beside the database, so a writable file in a read-only folder cannot work.
void TstStorageErrors::existingDatabaseInReadOnlyFolder() {
    const QString path = makeProbeUsersStation();
    setMode(path, 0644);
    setMode(QFileInfo(path).path(), 0555);
    const FileState before = stateOf(path);

    QCOMPARE(probe(path), QStringLiteral("db.dir_not_writable"));
    QCOMPARE(stateOf(path), before);
}

void TstStorageErrors::readOnlyFile() {
    const QString path = makeProbeUsersStation();
    setMode(path, 0444);
    const FileState before = stateOf(path);

    QCOMPARE(probe(path), QStringLiteral("db.read_only"));
    QCOMPARE(stateOf(path), before);
}

namespace {

// A sqlite3 shell in another process holding the write lock until released.
class Locker {
public:
    ~Locker() { release(); }
    [[nodiscard]] bool lock(const QString& path) {
        m_shell.start(QStringLiteral("sqlite3"), {path});
        if (!m_shell.waitForStarted(10000))
            return false;
        m_shell.write("BEGIN IMMEDIATE;\nSELECT 'locked';\n");
        QByteArray out;
        while (!out.contains("locked\n") && m_shell.state() == QProcess::Running &&
               m_shell.waitForReadyRead(10000))
            out += m_shell.readAllStandardOutput();
        return out.contains("locked\n");
    }
    [[nodiscard]] QByteArray errors() { return m_shell.readAllStandardError(); }
    void release() {
        if (m_shell.state() == QProcess::NotRunning)
            return;
        m_shell.write("ROLLBACK;\n");
        m_shell.closeWriteChannel();
        if (!m_shell.waitForFinished(10000))
            m_shell.kill();
        m_shell.waitForFinished();
    }

private:
    QProcess m_shell;
};

} // namespace

// Another program holds the write lock: a change waits the busy timeout, then says "locked" and
// writes nothing; once the lock is gone the same change succeeds.
void TstStorageErrors::lockedByAnotherProcess() {
    const QString path = m_tmp->filePath(QStringLiteral("station.db"));
    makeStation(path);
    Locker locker;
    QVERIFY2(locker.lock(path), locker.errors().constData());

    OpenOptions options;
    options.busyTimeoutMs = 200;
    auto station = StationContext::open(path, options);
    QVERIFY2(station,
             qPrintable(station ? QString() : station.error().code)); // readers are not blocked by WAL
    Inbound inbound(**station);
    ParcelQueries queries(**station);
    const ReceiveRequest request{
        QStringLiteral("YT9876543210987"), QStringLiteral("13900001111"), {}, {}, {}};
    auto blocked = inbound.receive(request);
    QVERIFY(!blocked);
    QCOMPARE(blocked.error().code, QStringLiteral("db.locked"));
    QCOMPARE(blocked.error().kind, ErrorKind::Unavailable);
    QCOMPARE(queries.count({}).value_or(-1), 1);

    locker.release();
    auto received = inbound.receive(request);
    QVERIFY2(received, qPrintable(received ? QString() : received.error().code));
    QCOMPARE(queries.count({}).value_or(-1), 2);
}

void TstStorageErrors::lockedWhileMigrating_data() {
    QTest::addColumn<int>("schema"); // -1: an empty file
    QTest::newRow("empty file") << -1;
    QTest::newRow("schema 1") << 1;
}

// Opening needs the write lock when it must migrate: locked, it reports so and changes nothing.
void TstStorageErrors::lockedWhileMigrating() {
    QFETCH(int, schema);
    QVERIFY(schema < Database::latestSchemaVersion());
    const QString path = m_tmp->filePath(QStringLiteral("station.db"));
    if (schema < 0) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
    } else {
        OpenOptions old;
        old.migrateTo = schema;
        auto db = Database::open(path, old);
        QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
        QCOMPARE((*db)->schemaVersion(), schema);
    }
    const FileState before = stateOf(path);
    {
        Locker locker;
        QVERIFY2(locker.lock(path), locker.errors().constData());
        OpenOptions options;
        options.busyTimeoutMs = 200;
        auto station = StationContext::open(path, options);
        QVERIFY(!station);
        QCOMPARE(station.error().code, QStringLiteral("db.locked"));
    }
    QCOMPARE(stateOf(path), before);

    // Not damaged: with the lock gone it migrates.
    auto station = StationContext::open(path);
    QVERIFY2(station, qPrintable(station ? QString() : station.error().code));
    QCOMPARE((*station)->database().schemaVersion(), Database::latestSchemaVersion());
}

// A database from a newer Cunzhan: refuse, and do not touch it (no downgrade, no reset).
void TstStorageErrors::schemaNewer() {
    const QString path = m_tmp->filePath(QStringLiteral("station.db"));
    makeStation(path);
    const int newer = Database::latestSchemaVersion() + 1;
    const QString appId = sqlite(path, QStringLiteral("PRAGMA application_id"));
    QCOMPARE(sqlite(path, QStringLiteral("PRAGMA user_version=%1; PRAGMA user_version").arg(newer)),
             QString::number(newer));
    QCOMPARE(sqlite(path, QStringLiteral("PRAGMA application_id")), appId);
    const FileState before = stateOf(path);

    auto station = StationContext::open(path);
    QVERIFY(!station);
    QCOMPARE(station.error().code, QStringLiteral("db.schema_newer"));
    QCOMPARE(stateOf(path), before);
    QCOMPARE(probe(path, false), QStringLiteral("db.schema_newer"));
    QCOMPARE(stateOf(path), before);
}

void TstStorageErrors::corruptFile_data() {
    QTest::addColumn<QString>("kind");
    QTest::newRow("random bytes") << QStringLiteral("random");
    QTest::newRow("a single byte") << QStringLiteral("byte");
    QTest::newRow("a short text file") << QStringLiteral("text");
    QTest::newRow("sqlite magic then garbage") << QStringLiteral("magic");
    QTest::newRow("station header then garbage") << QStringLiteral("header");
    QTest::newRow("foreign database") << QStringLiteral("foreign");
    QTest::newRow("foreign database, WAL, with user_version") << QStringLiteral("foreign-versioned");
}

// Not a station database: say so, and leave the file exactly as it was (it may be someone's data).
void TstStorageErrors::corruptFile() {
    QFETCH(QString, kind);
    const QString path = m_tmp->filePath(QStringLiteral("station.db"));
    QRandomGenerator rng(20261128);
    auto garbage = [&rng](qsizetype size) {
        QByteArray bytes(size, Qt::Uninitialized);
        for (char& c : bytes)
            c = static_cast<char>(rng.bounded(256));
        return bytes;
    };
    auto write = [&path](const QByteArray& bytes) {
        QFile f(path);
        return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
    };

    if (kind == QLatin1String("random")) {
        QVERIFY(write(garbage(64 * 1024)));
    } else if (kind == QLatin1String("byte")) {
        QVERIFY(write(QByteArrayLiteral("x"))); // SQLite alone would take it for an empty database
    } else if (kind == QLatin1String("text")) {
        QVERIFY(write(QByteArrayLiteral("station notes\n")));
    } else if (kind == QLatin1String("magic")) {
        QVERIFY(write(QByteArrayLiteral("SQLite format 3\0") + garbage(64 * 1024 - 16)));
    } else if (kind == QLatin1String("header")) {
        // A real station database's 100-byte header (page size, WAL, user_version, application_id),
        // with every byte after it destroyed.
        makeStation(path);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray real = f.readAll();
        f.close();
        QVERIFY(write(real.left(100) + garbage(real.size() - 100)));
    } else if (kind == QLatin1String("foreign")) {
        QCOMPARE(sqlite(path, QStringLiteral("CREATE TABLE customer (id INTEGER PRIMARY KEY, name TEXT);"
                                             " INSERT INTO customer(name) VALUES ('王芳'), ('李明');"
                                             " SELECT count(*) FROM customer")),
                 QStringLiteral("2"));
    } else {
        QCOMPARE(sqlite(path, QStringLiteral("PRAGMA journal_mode=WAL; PRAGMA user_version=2;"
                                             " CREATE TABLE ledger (id INTEGER PRIMARY KEY, fen INTEGER);"
                                             " INSERT INTO ledger(fen) VALUES (100)")),
                 QStringLiteral("wal"));
    }
    const FileState before = stateOf(path);

    QCOMPARE(probe(path, false), QStringLiteral("db.corrupt"));
    QCOMPARE(stateOf(path), before);
    auto station = StationContext::open(path);
    QVERIFY(!station);
    QCOMPARE(station.error().code, QStringLiteral("db.corrupt"));
}

QTEST_GUILESS_MAIN(TstStorageErrors)
#include "tst_storage_errors.moc"
