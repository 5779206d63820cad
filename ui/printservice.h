// The terminal's printing: the printer chosen for each kind of paper, and a PrintQueue spooled
// beside the station database so a failed job waits for "Retry printing" instead of being lost.
//
// The printer choice is a setting of this terminal, not of the station (the county centre has no
// use for it): it lives in QSettings("cunzhan", "terminal"), i.e. ~/.config/cunzhan/terminal.conf,
// keys printers/slip, printers/label, printers/a4 (a CUPS queue name; empty = the CUPS default)
// and printing/auto_slip (print a pickup slip on every receipt).
//
// Printing is asynchronous: CupsBackend follows a job for up to its timeout, so the PrintQueue and
// the backend belong to a worker object living on a QThread of their own, and nothing else touches
// them. print(), retry() and refreshPrinters() post a request to the worker
// (QMetaObject::invokeMethod, Qt::QueuedConnection) and return at once; the worker handles the
// requests one at a time in the order they were posted and reports back with queued calls that
// emit printed(), failed(), pendingChanged() and printersChanged() on the GUI thread. Every
// request has an id (returned by print() and retry(), carried by printed() and failed()), so a
// page reacts only to its own jobs.
//
// The destructor lets the worker finish the job in flight (at most the backend's timeout), spools
// the requests still waiting without sending them, then stops and joins the thread: pending jobs
// stay in the spool directory and come back with the next PrintService.
#pragma once

#include "printqueue.h"

#include <QList>
#include <QObject>
#include <atomic>
#include <memory>

class QThread;

namespace cz::ui {

enum class Paper { Slip, Label, A4 };

class PrintWorker;

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

    // The printers the worker listed last (empty until the first listing arrives); never blocks.
    // refreshPrinters() asks for a new listing, announced by printersChanged().
    [[nodiscard]] Result<QList<print::PrinterInfo>> printers() const;
    void refreshPrinters();

    // Renders the document as PDF (here, on the GUI thread) and posts it for the paper's printer.
    // Returns the request id at once; the outcome arrives later as printed() or failed() with that
    // id (also when the document cannot be rendered). A job that fails stays queued.
    int print(const print::Document& doc, Paper paper);
    // Posts "print the queued jobs again, oldest first" and returns at once. Each job printed
    // emits printed(); the first failure emits failed() and stops the retry. Returns no error:
    // kept a Status for callers written against the synchronous service.
    Status retry();
    [[nodiscard]] int lastRetryRequest() const { return m_lastRetry; }
    // The number of jobs waiting, as last reported by the worker.
    [[nodiscard]] int pendingCount() const { return m_pending; }

Q_SIGNALS:
    void printed(int request, const QString& title);
    // message is ready to show ("Not printed: … (n job(s) waiting)" for a new job).
    void failed(int request, const QString& message, int waiting);
    void pendingChanged(int count);
    void printersChanged();

private:
    friend class PrintWorker;
    void setPending(int count);
    int nextRequest();

    std::shared_ptr<std::atomic<bool>> m_stopping;
    std::unique_ptr<QThread> m_thread;
    std::unique_ptr<PrintWorker> m_worker; // lives on m_thread; touched only through posted calls
    QList<print::PrinterInfo> m_printers;
    int m_pending = 0;
    int m_requests = 0;
    int m_lastRetry = 0;
};

} // namespace cz::ui
