#include "store.h"

#include "schema.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QUrl>
#include <QUuid>
#include <atomic>

namespace cz::county {

namespace {

// Any constant: the key of the PostgreSQL advisory lock every write transaction takes.
constexpr int kLockClass = 0x435A4331; // "CZC1": the first key of our advisory locks

// Threads are numbered once, never reused, so a connection name never outlives its thread's meaning.
std::atomic<quint64> g_nextThreadNumber{0};
thread_local const quint64 t_threadNumber = ++g_nextThreadNumber;

bool isBusy(const QSqlError& e, Backend backend) {
    const QString code = e.nativeErrorCode();
    if (backend == Backend::Postgres)
        return code == QLatin1String("55P03") || code == QLatin1String("40001") ||
               code == QLatin1String("40P01");
    bool ok = false;
    const int primary = code.toInt(&ok) & 0xFF;
    return ok && (primary == 5 || primary == 6); // SQLITE_BUSY, SQLITE_LOCKED
}

Error storageError(const QSqlError& e, Backend backend) {
    if (isBusy(e, backend) || e.type() == QSqlError::ConnectionError)
        return {ErrorKind::Unavailable, QStringLiteral("server.busy"),
                QStringLiteral("The database is busy or unreachable: %1").arg(e.text())};
    return {ErrorKind::Internal, QStringLiteral("server.storage"),
            QStringLiteral("Database error: %1").arg(e.text())};
}

Error badLocation(const QString& spec) {
    return {ErrorKind::BadInput, QStringLiteral("db.bad_location"),
            QStringLiteral("Cannot use the database location \"%1\": give sqlite:PATH or "
                           "postgresql://user:password@host:port/dbname.")
                .arg(spec)};
}

} // namespace

// ---- DbLocation -----------------------------------------------------------------------------

Result<DbLocation> DbLocation::parse(const QString& spec) {
    DbLocation loc;
    if (spec.startsWith(QLatin1String("sqlite:"))) {
        loc.path = QFileInfo(spec.mid(7)).absoluteFilePath();
        if (spec.size() == 7)
            return fail(badLocation(spec));
        return loc;
    }
    const QUrl url(spec, QUrl::StrictMode);
    if (!url.isValid() ||
        (url.scheme() != QLatin1String("postgresql") && url.scheme() != QLatin1String("postgres")))
        return fail(badLocation(spec));
    loc.backend = Backend::Postgres;
    loc.host = url.host();
    loc.port = url.port(5432);
    loc.user = url.userName();
    loc.password = url.password();
    loc.database = url.path().mid(1);
    if (loc.host.isEmpty() || loc.database.isEmpty() || loc.database.contains(QLatin1Char('/')))
        return fail(badLocation(spec));
    return loc;
}

QString DbLocation::defaultSpec() {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QStringLiteral("sqlite:") + QDir(dir).filePath(QStringLiteral("county.db"));
}

// ---- Tx -------------------------------------------------------------------------------------

Tx::Tx(CountyStore* store, QSqlDatabase db, qint64 now, std::unique_lock<std::mutex> writeLock)
    : m_store(store)
    , m_db(std::move(db))
    , m_now(now)
    , m_writeLock(std::move(writeLock)) {}

Tx::Tx(Tx&& other) noexcept
    : m_store(other.m_store)
    , m_db(other.m_db)
    , m_now(other.m_now)
    , m_writeLock(std::move(other.m_writeLock))
    , m_locks(std::move(other.m_locks))
    , m_active(std::exchange(other.m_active, false)) {}

Tx::~Tx() {
    if (!m_active)
        return;
    // Not counted by the fault injector: undoing must always be attempted.
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("ROLLBACK"));
}

Result<int> Tx::exec(const QString& sql, const QVariantList& args) {
    auto q = m_store->run(m_db, sql, args);
    if (!q)
        return fail(q.error());
    return q->numRowsAffected();
}

Result<QList<Row>> Tx::select(const QString& sql, const QVariantList& args) {
    auto q = m_store->run(m_db, sql, args);
    if (!q)
        return fail(q.error());
    QList<Row> rows;
    const int columns = q->record().count();
    while (q->next()) {
        Row row;
        row.reserve(columns);
        for (int i = 0; i < columns; ++i)
            row.append(q->value(i));
        rows.append(std::move(row));
    }
    return rows;
}

Result<std::optional<Row>> Tx::selectOne(const QString& sql, const QVariantList& args) {
    auto rows = select(sql, args);
    if (!rows)
        return fail(rows.error());
    if (rows->isEmpty())
        return std::optional<Row>{};
    return std::optional<Row>{rows->first()};
}

Status Tx::lock(const QString& name) {
    if (m_store->location().backend == Backend::Sqlite || m_locks.contains(name))
        return {};
    auto r = exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1, hashtext(?))").arg(kLockClass), {name});
    if (!r)
        return fail(r.error());
    m_locks.append(name);
    return {};
}

Status Tx::commit() {
    auto q = m_store->run(m_db, QStringLiteral("COMMIT"), {});
    if (!q)
        return fail(q.error());
    m_active = false;
    if (m_writeLock.owns_lock())
        m_writeLock.unlock();
    return {};
}

// ---- CountyStore ----------------------------------------------------------------------------

CountyStore::CountyStore(DbLocation location, Options options)
    : m_location(std::move(location))
    , m_clock(options.clock ? std::move(options.clock)
                            : Clock([] { return QDateTime::currentMSecsSinceEpoch(); }))
    , m_busyTimeoutMs(options.busyTimeoutMs)
    , m_sideDirectory(std::move(options.sideDirectory))
    , m_connectionPrefix(
          QStringLiteral("cz-county-%1-").arg(QUuid::createUuid().toString(QUuid::WithoutBraces))) {}

CountyStore::~CountyStore() {
    const QMutexLocker lock(&m_mutex);
    for (const QString& name : std::as_const(m_connections))
        QSqlDatabase::removeDatabase(name); // the last handle goes here, which closes the connection
}

Result<std::unique_ptr<CountyStore>> CountyStore::open(const QString& spec, Options options) {
    auto location = DbLocation::parse(spec);
    if (!location)
        return fail(location.error());
    if (location->backend == Backend::Sqlite && !QDir().mkpath(QFileInfo(location->path).absolutePath()))
        return fail(ErrorKind::Unavailable, QStringLiteral("db.dir_not_writable"),
                    QStringLiteral("Cannot create the folder for %1.").arg(location->path));
    std::unique_ptr<CountyStore> store(new CountyStore(std::move(*location), std::move(options)));
    if (auto st = store->migrate(); !st)
        return fail(st.error());
    return store;
}

int CountyStore::latestSchemaVersion() {
    return static_cast<int>(migrations(Backend::Sqlite).size());
}

QString CountyStore::sideDirectory() const {
    if (!m_sideDirectory.isEmpty())
        return m_sideDirectory;
    // With PostgreSQL there is no database file to sit beside: the server's own data folder.
    return m_location.backend == Backend::Sqlite
               ? QFileInfo(m_location.path).absolutePath()
               : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

void CountyStore::setFaultInjector(std::function<bool(int)> injector) {
    const QMutexLocker lock(&m_mutex);
    m_injector = std::move(injector);
    m_accesses.storeRelaxed(0);
}

Status CountyStore::injectFault() {
    const int index = m_accesses.fetchAndAddRelaxed(1);
    std::function<bool(int)> injector;
    {
        const QMutexLocker lock(&m_mutex);
        injector = m_injector;
    }
    if (injector && injector(index))
        return fail(ErrorKind::Internal, QStringLiteral("server.storage"),
                    QStringLiteral("Injected fault at database access %1.").arg(index));
    return {};
}

Result<QSqlQuery> CountyStore::run(QSqlDatabase& db, const QString& sql, const QVariantList& args) {
    if (auto st = injectFault(); !st)
        return fail(st.error());
    QSqlQuery q(db);
    q.setForwardOnly(true);
    // Statements without values run unprepared: PostgreSQL cannot prepare BEGIN or COMMIT.
    bool ok = false;
    if (args.isEmpty()) {
        ok = q.exec(sql);
    } else if (q.prepare(sql)) {
        for (const QVariant& v : args)
            q.addBindValue(v);
        ok = q.exec();
    }
    if (!ok) {
        const QSqlError e = q.lastError();
        if (e.type() == QSqlError::ConnectionError)
            db.close(); // reopened by the next connection() on this thread
        return fail(storageError(e, m_location.backend));
    }
    return q;
}

Status CountyStore::openConnection(QSqlDatabase& db) {
    if (!db.open())
        return fail(ErrorKind::Unavailable, QStringLiteral("db.cannot_open"),
                    QStringLiteral("Cannot open the database: %1").arg(db.lastError().text()));
    const QStringList setup =
        m_location.backend == Backend::Sqlite
            ? QStringList{QStringLiteral("PRAGMA journal_mode=WAL"),
                          QStringLiteral("PRAGMA synchronous=FULL"), QStringLiteral("PRAGMA foreign_keys=ON")}
            : QStringList{
                  QStringLiteral("SET lock_timeout = %1").arg(m_busyTimeoutMs),
                  // NOTICEs ("relation already exists, skipping") would reach the operator's terminal.
                  QStringLiteral("SET client_min_messages = warning")};
    for (const QString& sql : setup) {
        QSqlQuery q(db);
        if (!q.exec(sql))
            return fail(storageError(q.lastError(), m_location.backend));
    }
    return {};
}

Result<QSqlDatabase> CountyStore::connection() {
    const QString name = m_connectionPrefix + QString::number(t_threadNumber);
    QSqlDatabase db = QSqlDatabase::database(name, false);
    if (!db.isValid()) {
        const bool sqlite = m_location.backend == Backend::Sqlite;
        db = QSqlDatabase::addDatabase(sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL"), name);
        {
            const QMutexLocker lock(&m_mutex);
            m_connections.append(name);
        }
        if (!db.isValid())
            return fail(
                ErrorKind::Internal, QStringLiteral("db.driver_missing"),
                sqlite ? QStringLiteral("The Qt SQLite driver is missing (package libqt6sql6-sqlite).")
                       : QStringLiteral("The Qt PostgreSQL driver is missing (package libqt6sql6-psql)."));
        if (sqlite) {
            db.setDatabaseName(m_location.path);
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(m_busyTimeoutMs));
        } else {
            db.setHostName(m_location.host);
            db.setPort(m_location.port);
            db.setUserName(m_location.user);
            db.setPassword(m_location.password);
            db.setDatabaseName(m_location.database);
            db.setConnectOptions(QStringLiteral("connect_timeout=5"));
        }
    }
    if (!db.isOpen())
        if (auto st = openConnection(db); !st) {
            db.close();
            return fail(st.error());
        }
    return db;
}

Result<Tx> CountyStore::begin(Tx::Mode mode) {
    auto db = connection();
    if (!db)
        return fail(db.error());
    const bool sqlite = m_location.backend == Backend::Sqlite;
    const bool write = mode == Tx::Mode::Write;
    const QString beginSql =
        sqlite ? (write ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN"))
               : (write ? QStringLiteral("BEGIN")
                        : QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
    std::unique_lock<std::mutex> writeLock;
    if (write && sqlite)
        writeLock = std::unique_lock(m_sqliteWriter);
    if (auto q = run(*db, beginSql, {}); !q)
        return fail(q.error());
    return Tx(this, *db, now(), std::move(writeLock));
}

Status CountyStore::migrate() {
    auto tx = begin(Tx::Mode::Write);
    if (!tx)
        return fail(tx.error());
    if (auto r = tx->exec(
            QStringLiteral("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"));
        !r)
        return fail(r.error());
    auto row = tx->selectOne(QStringLiteral("SELECT value FROM meta WHERE key = 'schema_version'"));
    if (!row)
        return fail(row.error());
    const int version = *row ? (**row).at(0).toInt() : 0;
    const QList<QStringList> steps = migrations(m_location.backend);
    if (version > steps.size())
        return fail(ErrorKind::Unavailable, QStringLiteral("db.schema_newer"),
                    QStringLiteral("The database has schema version %1; this cunzhan-county knows up to %2. "
                                   "Use a newer cunzhan-county.")
                        .arg(version)
                        .arg(steps.size()));
    for (qsizetype step = version; step < steps.size(); ++step)
        for (const QString& sql : steps.at(step))
            if (auto r = tx->exec(sql); !r)
                return fail(r.error());
    const QString upsert =
        QStringLiteral("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO %1");
    const QString keep = QStringLiteral("NOTHING");
    const QString replace = QStringLiteral("UPDATE SET value = excluded.value");
    const QList<std::tuple<QString, QString, QString>> values{
        {QStringLiteral("schema_version"), QString::number(steps.size()), replace},
        {QStringLiteral("epoch"), QUuid::createUuid().toString(QUuid::WithoutBraces), keep},
        {QStringLiteral("horizon"), QStringLiteral("0"), keep}};
    for (const auto& [key, value, action] : values)
        if (auto r = tx->exec(upsert.arg(action), {key, value}); !r)
            return fail(r.error());
    return tx->commit();
}

} // namespace cz::county
