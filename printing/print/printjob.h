// Print jobs and the backend seam: what the PrintQueue holds, and what a print system must do with it.
#pragma once

#include "document.h"
#include "result.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

namespace cz::print {

enum class JobFormat { Pdf, Raw };

struct PrintJob {
    QString id; // local id, time-ordered; set by PrintQueue
    QString printer;
    QString title;
    JobFormat format = JobFormat::Pdf;
    QByteArray data;                // PDF bytes, or bytes in the printer's language
    QMap<QString, QString> options; // CUPS job options, e.g. media=Custom.76x130mm
    int attempts = 0;
    QString lastError; // message of the last failed attempt
};

// A PDF job for printer with the document's media option.
[[nodiscard]] Result<PrintJob> makePdfJob(const Document& doc, const QString& printer);
// A raw job (ESC/POS, ZPL, TSPL bytes) passed to the printer unchanged.
[[nodiscard]] PrintJob makeRawJob(const QByteArray& data, const QString& printer, const QString& title);

struct PrinterInfo {
    QString name;
    QString info;
    QString makeModel;
    QString deviceUri;
    bool isDefault = false;
    bool accepting = true;
    int state = 3;        // IPP printer-state: 3 idle, 4 processing, 5 stopped
    QString stateMessage; // printer-state-message
};

class PrintBackend {
public:
    virtual ~PrintBackend() = default;
    [[nodiscard]] virtual Result<QList<PrinterInfo>> printers() = 0;
    // Sends the job and follows it until the print system reports it printed; returns the system's job id.
    // Any failure (no printer, stopped or rejecting queue, aborted job, timeout) leaves nothing half-queued.
    [[nodiscard]] virtual Result<int> print(const PrintJob& job) = 0;
};

} // namespace cz::print
