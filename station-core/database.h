// The station's SQLite database: opening with the durability pragmas, numbered migrations,
// a prepared-statement cache and the translation of SQLite failures into Error values.
#pragma once

#include "result.h"
#include "walcheckpointer.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>
#include <functional>
#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace cz {

// The programs set this application name (and no organisation), so that the terminal and
// cunzhanctl agree on Database::defaultPath(): ~/.local/share/cunzhan/station.db on Linux.
constexpr const char* kApplicationName = "cunzhan";

struct OpenOptions {
    int busyTimeoutMs = 5000;
    // Test hook: migrate only up to this schema version (-1 = all), to build older databases.
    int migrateTo = -1;
};

class Database {
public:
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    // Opens (creating when missing) and migrates the database at path. Never resets or
    // overwrites a file it cannot understand: those give an Error instead.
    [[nodiscard]] static Result<std::unique_ptr<Database>> open(const QString& path,
                                                                const OpenOptions& options = {});
    // Where the terminal and cunzhanctl keep the database when --db is not given.
    [[nodiscard]] static QString defaultPath();
    [[nodiscard]] static int latestSchemaVersion();

    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] int schemaVersion() const { return m_schemaVersion; }
    [[nodiscard]] QSqlDatabase handle() const { return QSqlDatabase::database(m_connection, false); }

    // Runs a cached prepared statement with positional arguments. The returned query stays
    // valid until the same SQL text is executed again.
    [[nodiscard]] Result<QSqlQuery*> exec(const QString& sql, const QVariantList& args = {});
    // First column of the first row, or an invalid QVariant when there is no row.
    [[nodiscard]] Result<QVariant> scalar(const QString& sql, const QVariantList& args = {});
    // Runs a cached statement that returns no rows (INSERT, UPDATE, DELETE, BEGIN, COMMIT) through
    // SQLite's own API on this same connection. QSqlQuery names every positional value it binds
    // (":0", ":1", … formatted and hashed), which cost a tenth of a receive; values are bound as
    // the Qt driver binds them (a null QString or QByteArray and an invalid QVariant as NULL).
    [[nodiscard]] Status write(const QString& sql, const QVariantList& args = {});

    [[nodiscard]] Status beginWrite(); // BEGIN IMMEDIATE: takes the write lock up front
    [[nodiscard]] Status commit();
    void rollback();
    [[nodiscard]] bool inTransaction() const { return m_inTransaction; }

    // Checkpoints of the log so far: by the background worker, and inline by a commit (walcheckpointer.h).
    [[nodiscard]] WalCheckpointer::Counts checkpointCounts() const { return m_checkpointer.counts(); }

    [[nodiscard]] Error errorFrom(const QSqlError& error) const;
    // The same for a result code of SQLite's API (the primary code is its low byte) and its message.
    [[nodiscard]] Error errorFrom(int sqliteCode, const QString& message) const;

    // Test seam: every access (exec, scalar, beginWrite, commit) is numbered from 0 and fails with
    // db.fault_injected (Unavailable) when the injector returns true for its number; a failed
    // commit rolls back. An empty function turns it off (and costs nothing).
    using FaultInjector = std::function<bool(int accessIndex)>;
    void setFaultInjector(FaultInjector injector);

private:
    Database(QString path, QString connection);
    [[nodiscard]] Status configure(const OpenOptions& options);
    [[nodiscard]] Status migrate(int target);
    // db.schema_foreign when the steps recorded in schema_step are not this build's.
    [[nodiscard]] Status checkStepLedger();
    [[nodiscard]] Status execRaw(const QString& sql);
    // The driver's sqlite3 connection (m_raw), and the log hook that hands checkpoints to m_checkpointer.
    [[nodiscard]] Status attachRaw();
    [[nodiscard]] Result<QSqlQuery*> execPrepared(const QString& sql, const QVariantList& args);
    [[nodiscard]] Status writeRaw(const QString& sql, const QVariantList& args = {});
    [[nodiscard]] Status injectedFault();

    QString m_path;
    QString m_connection;
    int m_schemaVersion = 0;
    bool m_inTransaction = false;
    QHash<QString, QSqlQuery> m_statements;
    // write()'s statements, finalised before the connection closes.
    QHash<QString, sqlite3_stmt*> m_writes;
    sqlite3* m_raw = nullptr;
    WalCheckpointer m_checkpointer;
    FaultInjector m_faultInjector;
    int m_accessIndex = 0;
};

} // namespace cz
