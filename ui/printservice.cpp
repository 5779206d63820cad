#include "printservice.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace cz::ui {

namespace {
QSettings terminalSettings() {
    return QSettings(QStringLiteral("cunzhan"), QStringLiteral("terminal"));
}
QString printerKey(Paper paper) {
    switch (paper) {
    case Paper::Slip:
        return QStringLiteral("printers/slip");
    case Paper::Label:
        return QStringLiteral("printers/label");
    case Paper::A4:
        break;
    }
    return QStringLiteral("printers/a4");
}
const QString kAutoSlip = QStringLiteral("printing/auto_slip");
} // namespace

PrintService::PrintService(std::unique_ptr<print::PrintBackend> backend, const QString& spoolDir,
                           QObject* parent)
    : QObject(parent)
    , m_backend(std::move(backend))
    , m_queue(*m_backend, spoolDir) {}

PrintService::~PrintService() = default;

QString PrintService::spoolDirFor(const QString& databasePath) {
    return QFileInfo(databasePath).absoluteDir().filePath(QStringLiteral("print-spool"));
}

QString PrintService::printerFor(Paper paper) {
    return terminalSettings().value(printerKey(paper)).toString();
}

void PrintService::setPrinterFor(Paper paper, const QString& printer) {
    terminalSettings().setValue(printerKey(paper), printer);
}

bool PrintService::autoPrintSlips() {
    return terminalSettings().value(kAutoSlip, false).toBool();
}

void PrintService::setAutoPrintSlips(bool on) {
    terminalSettings().setValue(kAutoSlip, on);
}

QString PrintService::paperName(Paper paper) {
    switch (paper) {
    case Paper::Slip:
        return tr("pickup slips");
    case Paper::Label:
        return tr("waybill labels");
    case Paper::A4:
        break;
    }
    return tr("A4 lists");
}

Result<QList<print::PrinterInfo>> PrintService::printers() {
    return m_backend->printers();
}

Result<QString> PrintService::resolvePrinter(Paper paper) {
    const QString chosen = printerFor(paper);
    if (!chosen.isEmpty())
        return chosen;
    auto all = m_backend->printers();
    if (all) {
        for (const print::PrinterInfo& p : *all) {
            if (p.isDefault)
                return p.name;
        }
    }
    return fail(ErrorKind::Unavailable, QStringLiteral("print.no_printer"),
                tr("No printer is chosen for %1: choose one under Settings.").arg(paperName(paper)));
}

Status PrintService::print(const print::Document& doc, Paper paper) {
    auto printer = resolvePrinter(paper);
    if (!printer)
        return fail(printer.error());
    auto job = print::makePdfJob(doc, *printer);
    if (!job)
        return fail(job.error());
    auto printed = m_queue.submit(std::move(*job));
    Q_EMIT pendingChanged(pendingCount());
    if (!printed) {
        Error e = printed.error();
        e.message = tr("Not printed: %1 (%n job(s) waiting)", nullptr, pendingCount()).arg(e.message);
        return fail(e);
    }
    return {};
}

Result<int> PrintService::retry() {
    auto r = m_queue.retry();
    Q_EMIT pendingChanged(pendingCount());
    return r;
}

int PrintService::pendingCount() const {
    return static_cast<int>(m_queue.pending().size());
}

} // namespace cz::ui
