#include "walcheckpointer.h"

#include <sqlite3.h>

namespace cz {

WalCheckpointer::WalCheckpointer(QString path)
    : m_path(std::move(path)) {}

void WalCheckpointer::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    if (m_thread.joinable())
        m_thread.join();
}

int WalCheckpointer::afterCommit(sqlite3* db, const char* schema, int frames) {
    int copied = m_copied.load();
    if (frames < copied) { // the log was started again
        m_copied.compare_exchange_strong(copied, 0);
        copied = 0;
    }
    if (frames >= kInlineFrames) {
        // The worker is behind (or cannot open the file): bound the log as SQLite itself would.
        // While the worker holds the checkpoint, a passive checkpoint is busy, and a later commit
        // tries again; past twice the limit the commit waits for it (the busy timeout) instead.
        // A checkpoint still busy is not the commit's failure.
        const int mode = frames >= 2 * kInlineFrames ? SQLITE_CHECKPOINT_FULL : SQLITE_CHECKPOINT_PASSIVE;
        int done = 0;
        const int rc = sqlite3_wal_checkpoint_v2(db, schema, mode, nullptr, &done);
        if (rc == SQLITE_OK) {
            ++m_inlined;
            m_copied = done;
        }
        return rc == SQLITE_BUSY ? SQLITE_OK : rc;
    }
    if (frames - copied < kWakeFrames)
        return SQLITE_OK;
    {
        std::lock_guard lock(m_mutex);
        m_requested = true;
        if (!m_thread.joinable())
            m_thread = std::thread([this] { run(); });
    }
    m_wake.notify_one();
    return SQLITE_OK;
}

WalCheckpointer::Counts WalCheckpointer::counts() const {
    return {m_background.load(), m_inlined.load()};
}

void WalCheckpointer::run() {
    // A connection of its own: SQLite's unix layer shares the file's locks among the connections
    // of one process, so opening and closing this one never drops the committing connection's.
    sqlite3* db = nullptr;
    const QByteArray path = m_path.toUtf8();
    if (sqlite3_open_v2(path.constData(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        db = nullptr; // the committing connection keeps the log bounded inline
    } else if (sqlite3_exec(db, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr) !=
               SQLITE_OK) {
        // A first read opens the log: until then the connection does not know the file is in WAL
        // mode, and a checkpoint on it does nothing.
        sqlite3_close(db);
        db = nullptr;
    }
    std::unique_lock lock(m_mutex);
    while (true) {
        m_wake.wait(lock, [this] { return m_requested || m_stop; });
        if (m_stop)
            break;
        m_requested = false;
        if (!db)
            continue;
        lock.unlock();
        // Pages of the database file are written and flushed here, not in a commit; a reader or a
        // writer that is active meanwhile only stops the copy at its snapshot (PASSIVE).
        int done = 0;
        if (sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, &done) == SQLITE_OK) {
            ++m_background;
            m_copied = done;
        }
        lock.lock();
    }
    lock.unlock();
    sqlite3_close(db);
}

} // namespace cz
