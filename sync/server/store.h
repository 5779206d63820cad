// The county centre's storage: one code path over Qt SQL for SQLite and PostgreSQL.
//
// Every thread gets its own connection (Qt SQL connections must stay on the thread that opened
// them), created lazily and closed when the store is destroyed. All access goes through Tx or the
// store's auto-commit helpers, so the fault injector sees every query, begin and commit.
#pragma once

#include "result.h"

#include <QAtomicInt>
#include <QHash>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace cz::county {

using Clock = std::function<qint64()>; // UTC milliseconds
using Row = QVariantList;

enum class Backend { Sqlite, Postgres };

// Where the database is: "sqlite:PATH" or "postgresql://user:pass@host:port/dbname".
struct DbLocation {
    Backend backend = Backend::Sqlite;
    QString path; // SQLite file
    QString host;
    int port = 5432;
    QString user;
    QString password;
    QString database;

    [[nodiscard]] static Result<DbLocation> parse(const QString& spec);
    [[nodiscard]] static QString defaultSpec(); // sqlite:<AppDataLocation>/county.db
};

class CountyStore;

// A transaction on the calling thread's connection; rolls back unless committed. A Write
// transaction holds the global write lock (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory
// transaction lock), so writers are serialised and the change feed commits in seq order. A Read
// transaction sees one snapshot (REPEATABLE READ on PostgreSQL).
class Tx {
public:
    enum class Mode { Read, Write };

    Tx(Tx&& other) noexcept;
    Tx& operator=(Tx&&) = delete;
    Tx(const Tx&) = delete;
    ~Tx();

    [[nodiscard]] Result<int> exec(const QString& sql, const QVariantList& args = {}); // rows affected
    [[nodiscard]] Result<QList<Row>> select(const QString& sql, const QVariantList& args = {});
    [[nodiscard]] Result<std::optional<Row>> selectOne(const QString& sql, const QVariantList& args = {});
    [[nodiscard]] Status commit();
    // Serialises this transaction with every other one that takes the same named lock, until it
    // ends (PostgreSQL: an advisory transaction lock; SQLite has one writer at a time anyway).
    // "feed": every writer of the change feed, so seq order is commit order. "station:<id>": a
    // station's pushes, so a replayed request waits for the original instead of racing it.
    [[nodiscard]] Status lock(const QString& name);

    [[nodiscard]] qint64 now() const { return m_now; }
    [[nodiscard]] CountyStore& store() { return *m_store; }

private:
    friend class CountyStore;
    Tx(CountyStore* store, QSqlDatabase db, qint64 now, std::unique_lock<std::mutex> writeLock);

    CountyStore* m_store;
    QSqlDatabase m_db;
    qint64 m_now;
    // SQLite: writers queue on this lock in the process instead of spinning in SQLite's busy
    // handler, which is unfair and times out under many concurrent stations. Declared last, so it
    // is released after the destructor's ROLLBACK.
    std::unique_lock<std::mutex> m_writeLock;
    QStringList m_locks; // named locks already held
    bool m_active = true;
};

class CountyStore {
public:
    struct Options {
        Clock clock; // default: the system clock
        int busyTimeoutMs = 5000;
        // Where files that belong with the database go (the SMS spool); empty: see sideDirectory().
        QString sideDirectory;
    };

    [[nodiscard]] static Result<std::unique_ptr<CountyStore>> open(const QString& spec, Options options);
    [[nodiscard]] static Result<std::unique_ptr<CountyStore>> open(const QString& spec) {
        return open(spec, Options{});
    }
    ~CountyStore();
    CountyStore(const CountyStore&) = delete;
    CountyStore& operator=(const CountyStore&) = delete;

    [[nodiscard]] Result<Tx> begin(Tx::Mode mode);

    [[nodiscard]] qint64 now() const { return m_clock(); }
    [[nodiscard]] const DbLocation& location() const { return m_location; }
    // Where files that belong with the database go (the SMS spool): Options::sideDirectory if set,
    // else beside an SQLite file, or the server's data folder with PostgreSQL.
    [[nodiscard]] QString sideDirectory() const;
    [[nodiscard]] static int latestSchemaVersion();

    // Test hook: every database access (query, begin, commit) counts, and fails with
    // server.storage when the injector returns true for its index (0-based). Reset restarts the
    // count.
    void setFaultInjector(std::function<bool(int accessIndex)> injector);
    [[nodiscard]] int accessCount() const { return m_accesses.loadRelaxed(); }

private:
    friend class Tx;
    CountyStore(DbLocation location, Options options);

    [[nodiscard]] Result<QSqlDatabase> connection();
    [[nodiscard]] Status openConnection(QSqlDatabase& db);
    [[nodiscard]] Status injectFault();
    [[nodiscard]] Result<QSqlQuery> run(QSqlDatabase& db, const QString& sql, const QVariantList& args);
    [[nodiscard]] Status migrate();

    DbLocation m_location;
    Clock m_clock;
    int m_busyTimeoutMs;
    QString m_sideDirectory;
    QString m_connectionPrefix;
    QMutex m_mutex;            // guards m_connections and m_injector
    std::mutex m_sqliteWriter; // one SQLite write transaction at a time in this process
    QList<QString> m_connections;
    std::function<bool(int)> m_injector;
    QAtomicInt m_accesses;
};

} // namespace cz::county
