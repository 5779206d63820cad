// The print queue of the terminal: a job stays here, rendered, until a print succeeds, so a stopped printer,
// an empty paper roll or a missing queue loses nothing — retry() sends it again. With a spool directory the
// pending jobs also survive a restart of the program.
#pragma once

#include "printjob.h"

#include <QList>
#include <QString>

namespace cz::print {

class PrintQueue {
public:
    // spoolDir empty: in memory only. Otherwise pending jobs are kept as <id>.json + <id>.bin there and
    // loaded back by the constructor.
    explicit PrintQueue(PrintBackend& backend, QString spoolDir = {});

    // Queues the job and prints it. On failure the job stays queued (with attempts and lastError) and the
    // error is returned; on success it leaves the queue. Returns the print system's job id.
    [[nodiscard]] Result<int> submit(PrintJob job);
    // Prints the queued jobs again, oldest first, stopping at the first failure. Returns how many printed.
    [[nodiscard]] Result<int> retry();
    // Drops a queued job on purpose (the clerk discards it).
    Status discard(const QString& id);

    [[nodiscard]] QList<PrintJob> pending() const { return m_jobs; }
    [[nodiscard]] bool isEmpty() const { return m_jobs.isEmpty(); }
    [[nodiscard]] QString spoolDir() const { return m_spoolDir; }

private:
    [[nodiscard]] Result<int> attempt(int index);
    [[nodiscard]] Status store(const PrintJob& job) const;
    void unstore(const QString& id) const;
    void load();
    [[nodiscard]] QString newId();

    PrintBackend& m_backend;
    QString m_spoolDir;
    QList<PrintJob> m_jobs;
    qint64 m_lastMs = 0;
    int m_counter = 0;
};

} // namespace cz::print
