#include "database.h"

#include "migrations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QStandardPaths>
#include <QUuid>
#include <optional>
#include <sqlite3.h>

namespace cz {

namespace {

struct StorageText {
    Q_DECLARE_TR_FUNCTIONS(Storage)
};

// "CZHN": marks a file as a Cunzhan station database.
constexpr int kApplicationId = 0x435A484E;
constexpr qint64 kMinPageSize = 512;

enum SqliteCode {
    Busy = 5,
    Locked = 6,
    ReadOnly = 8,
    IoErr = 10,
    Corrupt = 11,
    Full = 13,
    CantOpen = 14,
    Constraint = 19,
    NotADb = 26
};

int primaryCode(const QSqlError& e) {
    bool ok = false;
    const int code = e.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xFF) : -1;
}

Error lockedError(const QString& path) {
    return {ErrorKind::Unavailable, QStringLiteral("db.locked"),
            StorageText::tr("The database %1 is in use by another program (for example another Cunzhan "
                            "window or a backup). Close it and try again.")
                .arg(QDir::toNativeSeparators(path))};
}

Error corruptError(const QString& path) {
    return {ErrorKind::Internal, QStringLiteral("db.corrupt"),
            StorageText::tr("The file %1 is damaged or is not a Cunzhan database. It was left untouched; "
                            "restore it from a backup or choose another file.")
                .arg(QDir::toNativeSeparators(path))};
}

} // namespace

Database::Database(QString path, QString connection)
    : m_path(std::move(path))
    , m_connection(std::move(connection))
    , m_checkpointer(m_path) {}

Database::~Database() {
    m_statements.clear();
    for (sqlite3_stmt* stmt : std::as_const(m_writes))
        sqlite3_finalize(stmt);
    m_writes.clear();
    // The worker's connection closes first, so that this one is the last and SQLite checkpoints and
    // removes the log at its close, as without the worker.
    if (m_raw)
        sqlite3_wal_hook(m_raw, nullptr, nullptr);
    m_checkpointer.stop();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QString Database::defaultPath() {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("station.db"));
}

int Database::latestSchemaVersion() {
    return static_cast<int>(schemaSteps().size());
}

Result<std::unique_ptr<Database>> Database::open(const QString& requestedPath, const OpenOptions& options) {
    const QString path =
        QFileInfo(requestedPath.isEmpty() ? defaultPath() : requestedPath).absoluteFilePath();
    const QFileInfo file(path);
    const QString native = QDir::toNativeSeparators(path);

    if (file.exists()) {
        if (file.isDir())
            return fail(ErrorKind::BadInput, QStringLiteral("db.is_directory"),
                        StorageText::tr("%1 is a folder, not a database file.").arg(native));
        if (!file.isReadable())
            return fail(ErrorKind::Unavailable, QStringLiteral("db.unreadable"),
                        StorageText::tr("Cannot read the database %1: permission denied.").arg(native));
        if (!file.isWritable())
            return fail(ErrorKind::Unavailable, QStringLiteral("db.read_only"),
                        StorageText::tr("The database %1 is read-only. Cunzhan needs to write to it; check "
                                        "the file's permissions or copy it to a writable place.")
                            .arg(native));
        // A database file is empty or whole pages of at least 512 bytes. SQLite reads a file of one
        // byte as an empty database and would write over it; the size comes from stat, not an open.
        if (file.size() > 0 && file.size() < kMinPageSize)
            return fail(corruptError(path));
    } else if (!QDir().mkpath(file.absolutePath())) {
        return fail(ErrorKind::Unavailable, QStringLiteral("db.dir_not_writable"),
                    StorageText::tr("Cannot create the folder %1 for the database.")
                        .arg(QDir::toNativeSeparators(file.absolutePath())));
    }
    // WAL keeps its -wal and -shm files beside the database, so the folder must be writable too.
    if (!QFileInfo(file.absolutePath()).isWritable())
        return fail(ErrorKind::Unavailable, QStringLiteral("db.dir_not_writable"),
                    StorageText::tr("Cannot write in the folder %1, where the database and its journal live.")
                        .arg(QDir::toNativeSeparators(file.absolutePath())));

    const QString connection = QStringLiteral("cz-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::unique_ptr<Database> db(new Database(path, connection));
    {
        QSqlDatabase h = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        if (!h.isValid())
            return fail(
                ErrorKind::Internal, QStringLiteral("db.driver_missing"),
                StorageText::tr("The SQLite driver for Qt is not installed (package libqt6sql6-sqlite)."));
        h.setDatabaseName(path);
        h.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(options.busyTimeoutMs));
        if (!h.open())
            return fail(ErrorKind::Unavailable, QStringLiteral("db.cannot_open"),
                        StorageText::tr("Cannot open the database %1: %2").arg(native, h.lastError().text()));
    }
    if (auto st = db->configure(options); !st)
        return fail(st.error());
    return db;
}

Status Database::configure(const OpenOptions& options) {
    // Reading the header first: a damaged or foreign file is reported before anything is written.
    // SQLite itself tells a file that is not a database (SQLITE_NOTADB). Never peek at the file with
    // QFile or fopen instead: closing any descriptor of the file drops every fcntl lock this process
    // holds on it, including those of a connection already open here (the terminal's, while its sync
    // worker opens its own), and another process then deletes the WAL still in use.
    auto version = scalar(QStringLiteral("PRAGMA user_version"));
    auto appId = scalar(QStringLiteral("PRAGMA application_id"));
    auto tables = scalar(QStringLiteral("SELECT count(*) FROM sqlite_master"));
    if (!version || !appId || !tables)
        return fail(!version ? version.error() : !appId ? appId.error() : tables.error());
    m_schemaVersion = version->toInt();
    const bool ours = appId->toInt() == kApplicationId;
    if ((m_schemaVersion > 0 && !ours) || (m_schemaVersion == 0 && tables->toInt() > 0))
        return fail(corruptError(m_path));
    if (m_schemaVersion > latestSchemaVersion())
        return fail(
            ErrorKind::Unavailable, QStringLiteral("db.schema_newer"),
            StorageText::tr("The database %1 was written by a newer version of Cunzhan (schema %2; this "
                            "program knows up to %3). Update Cunzhan to open it.")
                .arg(QDir::toNativeSeparators(m_path))
                .arg(m_schemaVersion)
                .arg(latestSchemaVersion()));
    // Only now that the file is known to be ours may it change: switching a foreign database to WAL
    // would rewrite its header.
    auto mode = scalar(QStringLiteral("PRAGMA journal_mode=WAL"));
    if (!mode)
        return fail(mode.error());
    if (mode->toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return fail(ErrorKind::Unavailable, QStringLiteral("db.no_wal"),
                    StorageText::tr("The database %1 cannot use write-ahead logging (is it on a read-only or "
                                    "network drive?).")
                        .arg(QDir::toNativeSeparators(m_path)));
    if (auto st = attachRaw(); !st)
        return st;
    // 16 MiB of page cache instead of SQLite's 2 MiB: a receive touches a dozen index pages spread
    // over a large file, and every miss is a read from the OS (about a tenth of a receive's time
    // at a million parcels).
    // temp_store=MEMORY keeps statement journals in memory. An INSERT inside a transaction journals
    // the old content of every page it changes in case it must undo itself; a parcel row changes a
    // dozen pages (table, indexes, the slot count), which passed SQLite's 64 KiB spill limit and
    // opened, wrote, unlinked and closed a temporary file on about every second receive. That memory
    // is bounded by the pages one statement changes (retention deletes in batches). Temporary sort
    // trees also stay in memory: every sort without an index here is bounded (a LIMIT, one person's
    // or one day's parcels, one manifest).
    for (const char* pragma : {"PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON",
                               "PRAGMA cache_size=-16384", "PRAGMA temp_store=MEMORY"}) {
        if (auto st = execRaw(QString::fromLatin1(pragma)); !st)
            return st;
    }
    if (auto st = checkStepLedger(); !st)
        return st;
    const int target =
        options.migrateTo < 0 ? latestSchemaVersion() : std::min(options.migrateTo, latestSchemaVersion());
    return migrate(target);
}

Status Database::checkStepLedger() {
    if (m_schemaVersion < kSchemaStepLedgerVersion)
        return {};
    auto q = exec(QStringLiteral("SELECT version, id FROM schema_step ORDER BY version"));
    if (!q)
        return fail(q.error());
    const auto& steps = schemaSteps();
    std::optional<std::pair<int, QString>> differs;
    while (!differs && (*q)->next()) {
        const int version = (*q)->value(0).toInt();
        const QString id = (*q)->value(1).toString();
        if (version < 1 || version > static_cast<int>(steps.size()) ||
            id != QLatin1String(steps[static_cast<size_t>(version - 1)].id))
            differs = std::pair{version, id};
    }
    (*q)->finish();
    if (!differs)
        return {};
    return fail(ErrorKind::Unavailable, QStringLiteral("db.schema_foreign"),
                StorageText::tr("The database %1 was changed by another build of Cunzhan (its schema step %2 "
                                "is \"%3\", which this program does not have). Open it with that build.")
                    .arg(QDir::toNativeSeparators(m_path))
                    .arg(differs->first)
                    .arg(differs->second));
}

Status Database::migrate(int target) {
    const auto& steps = schemaSteps();
    while (m_schemaVersion < target) {
        const int next = m_schemaVersion + 1;
        if (auto st = beginWrite(); !st)
            return st;
        // Another process may have migrated while we waited for the lock.
        auto current = scalar(QStringLiteral("PRAGMA user_version"));
        if (!current) {
            rollback();
            return fail(current.error());
        }
        if (current->toInt() >= next) {
            rollback();
            m_schemaVersion = current->toInt();
            continue;
        }
        const SchemaStep& step = steps[static_cast<size_t>(next - 1)];
        QStringList statements = step.statements();
        if (next > kSchemaStepLedgerVersion)
            statements << QStringLiteral("INSERT INTO schema_step(version, id) VALUES (%1, '%2')")
                              .arg(next)
                              .arg(QString::fromLatin1(step.id));
        for (const QString& statement : std::as_const(statements)) {
            if (auto st = execRaw(statement); !st) {
                rollback();
                return st;
            }
        }
        const QString stamp = QStringLiteral("PRAGMA user_version=%1").arg(next);
        const QString app = QStringLiteral("PRAGMA application_id=%1").arg(kApplicationId);
        if (auto st = execRaw(stamp); !st) {
            rollback();
            return st;
        }
        if (auto st = execRaw(app); !st) {
            rollback();
            return st;
        }
        if (auto st = commit(); !st)
            return st;
        m_schemaVersion = next;
    }
    return {};
}

Status Database::execRaw(const QString& sql) {
    QSqlQuery q(handle());
    if (!q.exec(sql))
        return fail(errorFrom(q.lastError()));
    return {};
}

void Database::setFaultInjector(FaultInjector injector) {
    m_faultInjector = std::move(injector);
    m_accessIndex = 0;
}

Status Database::injectedFault() {
    if (!m_faultInjector) [[likely]]
        return {};
    if (!m_faultInjector(m_accessIndex++))
        return {};
    return fail(ErrorKind::Unavailable, QStringLiteral("db.fault_injected"),
                StorageText::tr("Cannot read or write the database %1: %2")
                    .arg(QDir::toNativeSeparators(m_path), QStringLiteral("fault injected by a test")));
}

Result<QSqlQuery*> Database::exec(const QString& sql, const QVariantList& args) {
    if (auto st = injectedFault(); !st)
        return fail(st.error());
    return execPrepared(sql, args);
}

Result<QSqlQuery*> Database::execPrepared(const QString& sql, const QVariantList& args) {
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        QSqlQuery q(handle());
        q.setForwardOnly(true);
        if (!q.prepare(sql))
            return fail(errorFrom(q.lastError()));
        it = m_statements.insert(sql, q);
    }
    QSqlQuery& q = it.value();
    for (int i = 0; i < args.size(); ++i)
        q.bindValue(i, args.at(i));
    if (!q.exec()) {
        Error e = errorFrom(q.lastError());
        q.finish();
        return fail(std::move(e));
    }
    return &q;
}

namespace {
// Binds as the Qt driver does (qsql_sqlite.cpp): NULL for an invalid QVariant and for a null string or
// byte array, integers and booleans as integers, text as UTF-16 (SQLite stores it as UTF-8). Strings and
// byte arrays are bound in place (nullptr): the arguments outlive the statement's run, and
// write() clears the bindings before it returns.
int bindValue(sqlite3_stmt* stmt, int index, const QVariant& v) {
    static const auto transient = reinterpret_cast<sqlite3_destructor_type>(static_cast<intptr_t>(-1));
    switch (v.typeId()) {
    case QMetaType::UnknownType:
        return sqlite3_bind_null(stmt, index);
    case QMetaType::QString: {
        const auto* s = static_cast<const QString*>(v.constData());
        if (s->isNull())
            return sqlite3_bind_null(stmt, index);
        return sqlite3_bind_text16(stmt, index, s->utf16(), int(s->size() * 2), nullptr);
    }
    case QMetaType::QByteArray: {
        const auto* b = static_cast<const QByteArray*>(v.constData());
        if (b->isNull())
            return sqlite3_bind_null(stmt, index);
        return sqlite3_bind_blob(stmt, index, b->constData(), int(b->size()), nullptr);
    }
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::Char:
    case QMetaType::UChar:
        return sqlite3_bind_int64(stmt, index, v.toLongLong());
    case QMetaType::ULongLong:
        return sqlite3_bind_int64(stmt, index, static_cast<sqlite3_int64>(v.toULongLong()));
    case QMetaType::Double:
    case QMetaType::Float:
        return sqlite3_bind_double(stmt, index, v.toDouble());
    default: {
        if (v.isNull())
            return sqlite3_bind_null(stmt, index);
        const QString s = v.toString();
        return sqlite3_bind_text16(stmt, index, s.utf16(), int(s.size() * 2), transient);
    }
    }
}
} // namespace

Status Database::write(const QString& sql, const QVariantList& args) {
    if (auto st = injectedFault(); !st)
        return st;
    return writeRaw(sql, args);
}

Status Database::attachRaw() {
    // The connection the Qt driver opened: one connection, so transactions are shared.
    const QVariant h = handle().driver()->handle();
    if (!h.isValid() || qstrcmp(h.typeName(), "sqlite3*") != 0 || !*static_cast<sqlite3* const*>(h.data()))
        return fail(ErrorKind::Internal, QStringLiteral("db.error"),
                    StorageText::tr("The database driver gives no SQLite connection."));
    m_raw = *static_cast<sqlite3* const*>(h.data());
    // Replaces SQLite's automatic checkpoint (itself a log hook) on this connection.
    sqlite3_wal_hook(
        m_raw,
        [](void* checkpointer, sqlite3* db, const char* schema, int frames) {
            return static_cast<WalCheckpointer*>(checkpointer)->afterCommit(db, schema, frames);
        },
        &m_checkpointer);
    return {};
}

Status Database::writeRaw(const QString& sql, const QVariantList& args) {
    auto it = m_writes.find(sql);
    if (it == m_writes.end()) {
        sqlite3_stmt* stmt = nullptr;
        const QByteArray text = sql.toUtf8();
        const int rc = sqlite3_prepare_v3(m_raw, text.constData(), int(text.size()),
                                          SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
        if (rc != SQLITE_OK) {
            sqlite3_finalize(stmt);
            return fail(errorFrom(sqlite3_extended_errcode(m_raw), QString::fromUtf8(sqlite3_errmsg(m_raw))));
        }
        it = m_writes.insert(sql, stmt);
    }
    sqlite3_stmt* stmt = it.value();
    int rc = SQLITE_OK;
    for (int i = 0; i < args.size() && rc == SQLITE_OK; ++i)
        rc = bindValue(stmt, i + 1, args.at(i));
    if (rc == SQLITE_OK) {
        do
            rc = sqlite3_step(stmt);
        while (rc == SQLITE_ROW);
    }
    Status result;
    if (rc != SQLITE_DONE)
        result = fail(errorFrom(sqlite3_extended_errcode(m_raw), QString::fromUtf8(sqlite3_errmsg(m_raw))));
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    return result;
}

Result<QVariant> Database::scalar(const QString& sql, const QVariantList& args) {
    if (auto st = injectedFault(); !st)
        return fail(st.error());
    auto q = execPrepared(sql, args);
    if (!q)
        return fail(q.error());
    QVariant v = (*q)->next() ? (*q)->value(0) : QVariant();
    (*q)->finish();
    return v;
}

// BEGIN and COMMIT are prepared once per connection like any other statement (parsing them on every
// transaction was a few percent of a receive).
Status Database::beginWrite() {
    if (auto st = injectedFault(); !st)
        return st;
    static const QString begin = QStringLiteral("BEGIN IMMEDIATE");
    if (auto st = writeRaw(begin); !st)
        return st;
    m_inTransaction = true;
    return {};
}

Status Database::commit() {
    auto st = injectedFault();
    if (st) {
        static const QString commitSql = QStringLiteral("COMMIT");
        st = writeRaw(commitSql);
    }
    if (!st) {
        rollback();
        return st;
    }
    m_inTransaction = false;
    return {};
}

void Database::rollback() {
    QSqlQuery q(handle());
    q.exec(QStringLiteral("ROLLBACK"));
    m_inTransaction = false;
}

Error Database::errorFrom(const QSqlError& error) const {
    return errorFrom(primaryCode(error), error.text());
}

Error Database::errorFrom(int sqliteCode, const QString& text) const {
    const QString native = QDir::toNativeSeparators(m_path);
    switch (sqliteCode < 0 ? -1 : (sqliteCode & 0xFF)) {
    case Busy:
    case Locked:
        return lockedError(m_path);
    case ReadOnly:
        return {
            ErrorKind::Unavailable, QStringLiteral("db.read_only"),
            StorageText::tr("The database %1 is read-only. Cunzhan needs to write to it; check the file's "
                            "permissions or copy it to a writable place.")
                .arg(native)};
    case Corrupt:
    case NotADb:
        return corruptError(m_path);
    case Full:
        return {
            ErrorKind::Unavailable, QStringLiteral("db.disk_full"),
            StorageText::tr("The disk holding %1 is full. Free some space; nothing was saved.").arg(native)};
    case IoErr:
    case CantOpen:
        return {ErrorKind::Unavailable, QStringLiteral("db.io"),
                StorageText::tr("Cannot read or write the database %1: %2").arg(native, text)};
    case Constraint:
        return {ErrorKind::Conflict, QStringLiteral("db.constraint"),
                StorageText::tr("The change clashes with data already stored: %1").arg(text)};
    default:
        return {ErrorKind::Internal, QStringLiteral("db.error"),
                StorageText::tr("Database error: %1").arg(text)};
    }
}

} // namespace cz
