// The terminal's printing: the printer chosen for each kind of paper, and a PrintQueue spooled
// beside the station database so a failed job waits for "Retry printing" instead of being lost.
//
// The printer choice is a setting of this terminal, not of the station (the county centre has no
// use for it): it lives in QSettings("cunzhan", "terminal"), i.e. ~/.config/cunzhan/terminal.conf,
// keys printers/slip, printers/label, printers/a4 (a CUPS queue name; empty = the CUPS default)
// and printing/auto_slip (print a pickup slip on every receipt).
//
// Jobs are sent synchronously: CupsBackend follows a job up to its timeout while the clerk waits.
#pragma once

#include "printqueue.h"

#include <QObject>
#include <memory>

namespace cz::ui {

enum class Paper { Slip, Label, A4 };

class PrintService : public QObject {
    Q_OBJECT
public:
    PrintService(std::unique_ptr<print::PrintBackend> backend, const QString& spoolDir,
                 QObject* parent = nullptr);
    ~PrintService() override;

    // <folder of the database>/print-spool
    [[nodiscard]] static QString spoolDirFor(const QString& databasePath);
    [[nodiscard]] static QString printerFor(Paper paper);
    static void setPrinterFor(Paper paper, const QString& printer);
    [[nodiscard]] static bool autoPrintSlips();
    static void setAutoPrintSlips(bool on);
    [[nodiscard]] static QString paperName(Paper paper);

    [[nodiscard]] Result<QList<print::PrinterInfo>> printers();
    // Renders the document as PDF and prints it on the paper's printer. On failure the job stays
    // queued and the error (with the number waiting) is returned.
    [[nodiscard]] Status print(const print::Document& doc, Paper paper);
    [[nodiscard]] Result<int> retry();
    [[nodiscard]] int pendingCount() const;

Q_SIGNALS:
    void pendingChanged(int count);

private:
    [[nodiscard]] Result<QString> resolvePrinter(Paper paper);

    std::unique_ptr<print::PrintBackend> m_backend;
    print::PrintQueue m_queue;
};

} // namespace cz::ui
