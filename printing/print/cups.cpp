// libcups calls: queue listing, job submission (cupsCreateJob + cupsStartDocument + cupsWriteRequestData +
// cupsFinishDocument) with the options lp would send, and job following through IPP Get-Job-Attributes.
#include "cups.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QThread>
#include <algorithm>
#include <cups/cups.h>

namespace cz::print {

namespace {
Q_LOGGING_CATEGORY(lcCups, "cunzhan.print.cups")

struct CupsText {
    Q_DECLARE_TR_FUNCTIONS(Printing)
};

QString lastCupsError() {
    return QString::fromUtf8(cupsLastErrorString());
}

std::unexpected<Error> unavailable(const char* code, const QString& message) {
    return fail(ErrorKind::Unavailable, QString::fromLatin1(code), message);
}

QString option(const cups_dest_t& dest, const char* name) {
    return QString::fromUtf8(cupsGetOption(name, dest.num_options, dest.options));
}

// Whether libcups puts the option into a Create-Job request: encoded into the groups cupsCreateJob encodes,
// so what is left out here is exactly what lp leaves out (queue descriptions, raw, document-format).
bool sentWithCreateJob(const QString& name, const QString& value) {
    const QByteArray n = name.toUtf8();
    cups_option_t* options = nullptr;
    const int count = cupsAddOption(n.constData(), value.toUtf8().constData(), 0, &options);
    ipp_t* request = ippNewRequest(IPP_OP_CREATE_JOB);
    for (ipp_tag_t group : {IPP_TAG_OPERATION, IPP_TAG_JOB, IPP_TAG_SUBSCRIPTION})
        cupsEncodeOptions2(request, count, options, group);
    const bool sent = ippFindAttribute(request, n.constData(), IPP_TAG_ZERO) != nullptr;
    ippDelete(request);
    cupsFreeOptions(count, options);
    return sent;
}

bool hasWhiteSpace(const QString& value) {
    return std::any_of(value.cbegin(), value.cend(), [](QChar c) { return c.isSpace(); });
}

} // namespace

Result<JobOptions> mergeJobOptions(const JobOptions& destination, const JobOptions& own) {
    JobOptions merged = destination;
    for (auto it = own.cbegin(); it != own.cend(); ++it) {
        // libcups looks options up without regard to case: the job's Media replaces the queue's media.
        merged.removeIf(
            [&it](const auto& entry) { return entry.key().compare(it.key(), Qt::CaseInsensitive) == 0; });
        merged.insert(it.key(), it.value());
    }
    JobOptions out;
    for (auto it = merged.cbegin(); it != merged.cend(); ++it) {
        if (!sentWithCreateJob(it.key(), it.value()))
            continue;
        if (hasWhiteSpace(it.value())) {
            if (own.contains(it.key()))
                return fail(
                    ErrorKind::BadInput, QStringLiteral("print.bad-option"),
                    CupsText::tr("The print option %1 cannot be sent: its value \"%2\" contains a space, "
                                 "which makes this version of the print service (CUPS) crash.")
                        .arg(it.key(), it.value()));
            // A saved default the scheduler would crash on: printing without it beats printing nothing.
            qCWarning(lcCups).noquote() << "not sending the printer default" << it.key()
                                        << "(its value has white space, which crashes cupsd)";
            continue;
        }
        out.insert(it.key(), it.value());
    }
    return out;
}

CupsBackend::CupsBackend() = default;

CupsBackend::CupsBackend(Options options)
    : m_options(options) {}

Result<QList<PrinterInfo>> CupsBackend::printers() {
    cups_dest_t* dests = nullptr;
    const int n = cupsGetDests2(nullptr, &dests);
    if (n == 0 && cupsLastError() > IPP_STATUS_OK_EVENTS_COMPLETE) {
        const QString why = lastCupsError();
        return unavailable("print.cups-unreachable",
                           CupsText::tr("The print service (CUPS) cannot be reached: %1").arg(why));
    }
    QList<PrinterInfo> out;
    for (int i = 0; i < n; ++i) {
        const cups_dest_t& d = dests[i];
        if (d.instance != nullptr)
            continue;
        PrinterInfo p;
        p.name = QString::fromUtf8(d.name);
        p.isDefault = d.is_default != 0;
        p.info = option(d, "printer-info");
        p.makeModel = option(d, "printer-make-and-model");
        p.deviceUri = option(d, "device-uri");
        p.stateMessage = option(d, "printer-state-message");
        p.accepting = option(d, "printer-is-accepting-jobs") != QLatin1String("false");
        bool ok = false;
        const int state = option(d, "printer-state").toInt(&ok);
        p.state = ok ? state : 3;
        out.append(p);
    }
    cupsFreeDests(n, dests);
    return out;
}

Result<PrinterInfo> CupsBackend::printer(const QString& name) {
    auto all = printers();
    if (!all)
        return fail(all.error());
    for (const PrinterInfo& p : *all) {
        if (p.name == name)
            return p;
    }
    return unavailable("print.no-printer",
                       name.isEmpty()
                           ? CupsText::tr("No printer is chosen. Choose a printer in the settings.")
                           : CupsText::tr("There is no printer named %1.").arg(name));
}

Result<JobOptions> CupsBackend::jobOptions(const PrintJob& job) {
    // An empty name would make cupsGetNamedDest return the default printer: the job names its printer.
    cups_dest_t* dest = job.printer.isEmpty()
                            ? nullptr
                            : cupsGetNamedDest(nullptr, job.printer.toUtf8().constData(), nullptr);
    if (dest == nullptr) {
        const QString why = lastCupsError();
        // cupsGetNamedDest says "not found" also when the scheduler is down: printer() tells which it is.
        auto info = printer(job.printer);
        if (!info)
            return fail(info.error());
        return unavailable("print.cups-unreachable",
                           CupsText::tr("The print service (CUPS) cannot be reached: %1").arg(why));
    }
    JobOptions defaults;
    for (int i = 0; i < dest->num_options; ++i)
        defaults.insert(QString::fromUtf8(dest->options[i].name), QString::fromUtf8(dest->options[i].value));
    cupsFreeDests(1, dest);
    return mergeJobOptions(defaults, job.options);
}

Result<int> CupsBackend::submit(const PrintJob& job) {
    // Submitted as lp submits: with the queue's and the station's defaults, not the job's options alone.
    auto merged = jobOptions(job);
    if (!merged)
        return fail(merged.error());
    const QByteArray name = job.printer.toUtf8();
    const QByteArray title = job.title.toUtf8();
    cups_option_t* options = nullptr;
    int numOptions = 0;
    for (auto it = merged->cbegin(); it != merged->cend(); ++it)
        numOptions = cupsAddOption(it.key().toUtf8().constData(), it.value().toUtf8().constData(), numOptions,
                                   &options);
    const int id = cupsCreateJob(nullptr, name.constData(), title.constData(), numOptions, options);
    if (id == 0) {
        cupsFreeOptions(numOptions, options);
        return unavailable(
            "print.job-rejected",
            CupsText::tr("The printer %1 did not accept the job: %2").arg(job.printer, lastCupsError()));
    }
    const char* format = job.format == JobFormat::Pdf ? CUPS_FORMAT_PDF : CUPS_FORMAT_RAW;
    // No document name: cupsd copies it into the filter options (document-name-supplied), where Debian 12's
    // cupsd segfaults on white space, and titles have spaces ("Arrivals 2026-11-28"). The job-name carries
    // the title; lp sends no document name for standard input either.
    bool ok = cupsStartDocument(nullptr, name.constData(), id, nullptr, format, 1) == HTTP_STATUS_CONTINUE;
    constexpr qsizetype kChunk = 64 * 1024;
    for (qsizetype at = 0; ok && at < job.data.size(); at += kChunk) {
        const qsizetype len = std::min(kChunk, job.data.size() - at);
        ok = cupsWriteRequestData(nullptr, job.data.constData() + at, static_cast<size_t>(len)) ==
             HTTP_STATUS_CONTINUE;
    }
    const ipp_status_t finished = cupsFinishDocument(nullptr, name.constData());
    cupsFreeOptions(numOptions, options);
    if (!ok || finished > IPP_STATUS_OK_EVENTS_COMPLETE) {
        const QString why = lastCupsError();
        cupsCancelJob2(nullptr, name.constData(), id, 0);
        return unavailable(
            "print.job-rejected",
            CupsText::tr("Sending the job to the printer %1 failed: %2").arg(job.printer, why));
    }
    return id;
}

Result<JobState> CupsBackend::jobState(int jobId) {
    ipp_t* request = ippNewRequest(IPP_OP_GET_JOB_ATTRIBUTES);
    char uri[HTTP_MAX_URI];
    httpAssembleURIf(HTTP_URI_CODING_ALL, uri, sizeof uri, "ipp", nullptr, "localhost", ippPort(), "/jobs/%d",
                     jobId);
    ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "job-uri", nullptr, uri);
    ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nullptr, cupsUser());
    const char* wanted[] = {"job-state"};
    ippAddStrings(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", 1, nullptr, wanted);
    ipp_t* response = cupsDoRequest(nullptr, request, "/");
    if (response == nullptr || cupsLastError() > IPP_STATUS_OK_EVENTS_COMPLETE) {
        const QString why = lastCupsError();
        ippDelete(response);
        return unavailable("print.cups-unreachable",
                           CupsText::tr("The state of print job %1 is unknown: %2").arg(jobId).arg(why));
    }
    ipp_attribute_t* attr = ippFindAttribute(response, "job-state", IPP_TAG_ENUM);
    const int state = attr != nullptr ? ippGetInteger(attr, 0) : 0;
    ippDelete(response);
    if (state < 3 || state > 9)
        return unavailable("print.cups-unreachable",
                           CupsText::tr("The state of print job %1 is unknown.").arg(jobId));
    return static_cast<JobState>(state);
}

Status CupsBackend::cancel(const QString& printer, int jobId) {
    if (cupsCancelJob2(nullptr, printer.toUtf8().constData(), jobId, 0) > IPP_STATUS_OK_EVENTS_COMPLETE)
        return unavailable(
            "print.cancel-failed",
            CupsText::tr("Print job %1 could not be cancelled: %2").arg(jobId).arg(lastCupsError()));
    return {};
}

Result<JobState> CupsBackend::waitForJob(const QString& printer, int jobId, int timeoutMs) {
    QElapsedTimer timer;
    timer.start();
    for (int round = 0;; ++round) {
        auto state = jobState(jobId);
        if (!state)
            return state;
        switch (*state) {
        case JobState::Completed:
            return state;
        case JobState::Canceled:
        case JobState::Aborted:
        case JobState::Stopped:
            return unavailable("print.job-failed",
                               CupsText::tr("The printer %1 did not print job %2.").arg(printer).arg(jobId));
        default:
            break;
        }
        // A queue stopped while our job waits (the device failed, or someone disabled it) will not print it.
        if (round % 5 == 4) {
            auto info = this->printer(printer);
            if (info && info->state == 5)
                return unavailable(
                    "print.queue-stopped",
                    CupsText::tr("The printer %1 is stopped: %2").arg(printer, info->stateMessage));
        }
        if (timer.elapsed() >= timeoutMs)
            return unavailable(
                "print.job-timeout",
                CupsText::tr("The printer %1 has not printed job %2 yet.").arg(printer).arg(jobId));
        QThread::msleep(static_cast<unsigned long>(m_options.pollMs));
    }
}

Result<int> CupsBackend::print(const PrintJob& job) {
    auto info = printer(job.printer);
    if (!info)
        return fail(info.error());
    if (info->state == 5)
        return unavailable(
            "print.queue-stopped",
            CupsText::tr("The printer %1 is stopped. Check the printer, then enable it and retry.")
                .arg(job.printer));
    if (!info->accepting)
        return unavailable(
            "print.queue-rejecting",
            CupsText::tr("The printer %1 does not accept jobs at the moment.").arg(job.printer));
    auto id = submit(job);
    if (!id)
        return id;
    auto done = waitForJob(job.printer, *id, m_options.timeoutMs);
    if (!done) {
        // Take our job back out of CUPS so the retry does not print it twice.
        (void)cancel(job.printer, *id);
        return fail(done.error());
    }
    return id;
}

} // namespace cz::print
