// The CUPS backend through libcups: list queues, send PDF or raw jobs with job options, and follow a job
// until it completes. Calls block (the caller runs them off the GUI thread); errors are values, kind
// Unavailable for everything the clerk can fix (no printer, stopped or rejecting queue, failed job).
#pragma once

#include "printjob.h"

#include <QMap>
#include <QString>

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

using JobOptions = QMap<QString, QString>;

// The options a job is created with, built as `lp` builds them: the destination's options (`destination`,
// from cupsGetNamedDest: the queue's defaults and the user's lpoptions, i.e. the station's saved printer
// defaults) overridden by the job's own (`own`). Only what libcups sends as job attributes is kept; queue
// descriptions (printer-info, device-uri, marker-*, *-default, ...) and the format selectors raw and
// document-format are not (the job's JobFormat decides the format).
// Debian 12's cupsd (2.4.2-3+deb12u10) segfaults on a job attribute value with white space, so such a value
// is never sent: a destination default with one is left out, a job's own option with one is an error
// (BadInput, print.bad-option).
[[nodiscard]] Result<JobOptions> mergeJobOptions(const JobOptions& destination, const JobOptions& own);

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
    // The options submit() creates the job with: mergeJobOptions() of the queue's options and the job's.
    [[nodiscard]] Result<JobOptions> jobOptions(const PrintJob& job);
    [[nodiscard]] Result<int> submit(const PrintJob& job);
    [[nodiscard]] Result<JobState> jobState(int jobId);
    [[nodiscard]] Result<JobState> waitForJob(const QString& printer, int jobId, int timeoutMs);
    Status cancel(const QString& printer, int jobId);

private:
    Options m_options;
};

} // namespace cz::print
