// The CUPS backend through libcups: list queues, send PDF or raw jobs with job options, and follow a job
// until it completes. Calls block (the caller runs them off the GUI thread); errors are values, kind
// Unavailable for everything the clerk can fix (no printer, stopped or rejecting queue, failed job).
#pragma once

#include "printjob.h"

namespace cz::print {

// IPP job-state values.
enum class JobState {
    Pending = 3,
    Held = 4,
    Processing = 5,
    Stopped = 6,
    Canceled = 7,
    Aborted = 8,
    Completed = 9,
};

class CupsBackend final : public PrintBackend {
public:
    struct Options {
        int timeoutMs = 20000; // how long print() follows a job before giving up (and cancelling it)
        int pollMs = 100;
    };

    CupsBackend();
    explicit CupsBackend(Options options);

    [[nodiscard]] Result<QList<PrinterInfo>> printers() override;
    [[nodiscard]] Result<PrinterInfo> printer(const QString& name);
    // Checks the queue (exists, enabled, accepting), submits, waits for completion.
    [[nodiscard]] Result<int> print(const PrintJob& job) override;

    // The steps of print(), for callers that follow jobs themselves.
    [[nodiscard]] Result<int> submit(const PrintJob& job);
    [[nodiscard]] Result<JobState> jobState(int jobId);
    [[nodiscard]] Result<JobState> waitForJob(const QString& printer, int jobId, int timeoutMs);
    Status cancel(const QString& printer, int jobId);

private:
    Options m_options;
};

} // namespace cz::print
