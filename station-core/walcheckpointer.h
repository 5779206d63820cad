// Checkpoints of the write-ahead log, taken off the connection that commits.
//
// SQLite's automatic checkpoint runs inside the commit that takes the log past 1 000 frames: that
// receive copies a thousand pages into the database file and flushes it before the clerk sees the
// pickup code (the p99 of a receive). Database installs its own log hook instead: past the threshold
// it wakes this worker, which checkpoints (PASSIVE: never waits for, nor blocks, a writer or a
// reader) on a connection and thread of its own. Should the worker fall behind far enough for the
// log to reach the inline limit, the committing connection checkpoints itself as SQLite would.
#pragma once

#include <QString>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

struct sqlite3;

namespace cz {

class WalCheckpointer {
public:
    // Frames of log not yet copied at which the worker is woken (SQLite's own automatic threshold),
    // and frames of log at which the committing connection checkpoints itself. A log starts again
    // from its beginning only at a write that begins when all of it has been copied. At the counter
    // (a receive every few seconds) the worker has copied all of it before the next receive; under
    // commits back to back (an import, the benchmark) it copies each thousand frames as they come
    // and the log grows to kInlineFrames, where the commit's own checkpoint has little left to copy.
    static constexpr int kWakeFrames = 1000;
    static constexpr int kInlineFrames = 8 * kWakeFrames;

    explicit WalCheckpointer(QString path);
    ~WalCheckpointer() { stop(); }
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

    // Called by the log hook after a commit, with the frames now in the log. Never blocks on a
    // checkpoint: at most it wakes the worker (started on first need), or checkpoints inline past
    // kInlineFrames. Returns SQLite's result code for the hook.
    int afterCommit(sqlite3* db, const char* schema, int frames);

    // Waits for a checkpoint in progress, then closes the worker's connection. Call it after the log
    // hook is removed; afterCommit must not run again.
    void stop();

    struct Counts {
        quint64 background = 0; // checkpoints the worker completed
        quint64 inlined = 0;    // checkpoints the committing connection ran itself
    };
    [[nodiscard]] Counts counts() const;

private:
    void run();

    const QString m_path;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_requested = false;
    bool m_stop = false;
    std::thread m_thread;
    std::atomic<quint64> m_background{0};
    std::atomic<quint64> m_inlined{0};
    std::atomic<int> m_copied{0}; // frames of the current log the last checkpoint had copied
};

} // namespace cz
