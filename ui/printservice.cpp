#include "printservice.h"

#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QSettings>
#include <QThread>

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

// Between the queue and the real backend: once the service is closing, jobs are not sent any more
// but fail at once, so the queue keeps them spooled and the thread can stop.
class GatedBackend final : public print::PrintBackend {
public:
    GatedBackend(std::unique_ptr<print::PrintBackend> backend, std::shared_ptr<std::atomic<bool>> stopping)
        : m_backend(std::move(backend))
        , m_stopping(std::move(stopping)) {}

    Result<QList<print::PrinterInfo>> printers() override { return m_backend->printers(); }
    Result<int> print(const print::PrintJob& job) override {
        if (m_stopping->load())
            return fail(ErrorKind::Unavailable, QStringLiteral("print.closing"),
                        PrintService::tr("The terminal closed before the job was sent; it waits in the "
                                         "print queue."));
        return m_backend->print(job);
    }

private:
    std::unique_ptr<print::PrintBackend> m_backend;
    std::shared_ptr<std::atomic<bool>> m_stopping;
};
} // namespace

// Owns the backend and the queue. Created on the GUI thread, moved to the print thread before that
// thread starts, and from then on used only by the calls PrintService posts to it (one at a time, in
// order). Results go back to the service with queued calls, so they are emitted on the GUI thread.
class PrintWorker : public QObject {
public:
    PrintWorker(std::unique_ptr<print::PrintBackend> backend, std::shared_ptr<std::atomic<bool>> stopping,
                const QString& spoolDir, PrintService* service)
        : m_backend(std::move(backend), std::move(stopping))
        , m_queue(m_backend, spoolDir)
        , m_service(service) {}

    [[nodiscard]] int pending() const { return static_cast<int>(m_queue.pending().size()); }

    void listPrinters() {
        auto all = m_backend.printers();
        report([list = all.value_or(QList<print::PrinterInfo>{})](PrintService* s) {
            s->m_printers = list;
            Q_EMIT s->printersChanged();
        });
    }

    void print(int request, print::PrintJob job, const QString& chosen, const QString& paperName) {
        if (job.printer = chosen; job.printer.isEmpty()) {
            if (auto all = m_backend.printers()) {
                for (const print::PrinterInfo& p : std::as_const(*all)) {
                    if (p.isDefault) {
                        job.printer = p.name;
                        break;
                    }
                }
            }
        }
        if (job.printer.isEmpty()) {
            failed(
                request,
                PrintService::tr("No printer is chosen for %1: choose one under Settings.").arg(paperName));
            return;
        }
        const QString title = job.title;
        auto printed = m_queue.submit(std::move(job));
        if (!printed) {
            failed(request, PrintService::tr("Not printed: %1 (%n job(s) waiting)", nullptr, pending())
                                .arg(printed.error().message));
            return;
        }
        done(request, title);
    }

    void retry(int request) {
        // PrintQueue::retry sends the oldest first and stops at the first failure, so the jobs
        // printed are the first (before - after) of the titles noted here.
        QStringList titles;
        for (const print::PrintJob& job : m_queue.pending())
            titles.append(job.title);
        const auto r = m_queue.retry();
        const auto printedCount = titles.size() - m_queue.pending().size();
        for (qsizetype i = 0; i < printedCount; ++i)
            done(request, titles.at(i));
        if (!r)
            failed(request, r.error().message);
        else if (printedCount == 0)
            report([waiting = pending()](PrintService* s) { s->setPending(waiting); });
    }

private:
    template<class F> void report(F f) {
        QMetaObject::invokeMethod(
            m_service, [service = m_service, f = std::move(f)] { f(service); }, Qt::QueuedConnection);
    }
    void failed(int request, const QString& message) {
        const int waiting = pending();
        report([request, message, waiting](PrintService* s) {
            s->setPending(waiting);
            Q_EMIT s->failed(request, message, waiting);
        });
    }
    void done(int request, const QString& title) {
        const int waiting = pending();
        report([request, title, waiting](PrintService* s) {
            s->setPending(waiting);
            Q_EMIT s->printed(request, title);
        });
    }

    GatedBackend m_backend;
    print::PrintQueue m_queue;
    PrintService* m_service; // only for QMetaObject::invokeMethod: never called from this thread
};

PrintService::PrintService(std::unique_ptr<print::PrintBackend> backend, const QString& spoolDir,
                           QObject* parent)
    : QObject(parent)
    , m_stopping(std::make_shared<std::atomic<bool>>(false))
    , m_thread(std::make_unique<QThread>())
    , m_worker(std::make_unique<PrintWorker>(std::move(backend), m_stopping, spoolDir, this)) {
    // The queue has loaded the spool; the thread has not started, so reading it here is safe.
    m_pending = m_worker->pending();
    m_thread->setObjectName(QStringLiteral("cunzhan-print"));
    m_worker->moveToThread(m_thread.get());
    m_thread->start();
    refreshPrinters();
}

PrintService::~PrintService() {
    // Requests still waiting are handled without sending (the gate fails them, the queue keeps
    // them spooled); the job in flight finishes or times out. The quit is posted behind them.
    m_stopping->store(true);
    QThread* thread = m_thread.get();
    QMetaObject::invokeMethod(
        m_worker.get(), [thread] { thread->quit(); }, Qt::QueuedConnection);
    m_thread->wait();
    m_worker.reset(); // the thread has finished: nothing runs on the worker any more
}

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

Result<QList<print::PrinterInfo>> PrintService::printers() const {
    return m_printers;
}

void PrintService::refreshPrinters() {
    QMetaObject::invokeMethod(
        m_worker.get(), [worker = m_worker.get()] { worker->listPrinters(); }, Qt::QueuedConnection);
}

int PrintService::nextRequest() {
    return ++m_requests;
}

void PrintService::setPending(int count) {
    if (count == m_pending)
        return;
    m_pending = count;
    Q_EMIT pendingChanged(count);
}

int PrintService::print(const print::Document& doc, Paper paper) {
    const int request = nextRequest();
    // The document's drawing routine may refer to GUI-side data: render it here, send bytes.
    auto job = print::makePdfJob(doc, QString());
    if (!job) {
        QMetaObject::invokeMethod(
            this,
            [this, request, message = job.error().message] { Q_EMIT failed(request, message, m_pending); },
            Qt::QueuedConnection);
        return request;
    }
    QMetaObject::invokeMethod(
        m_worker.get(),
        [worker = m_worker.get(), request, j = std::move(*job), chosen = printerFor(paper),
         name = paperName(paper)]() mutable { worker->print(request, std::move(j), chosen, name); },
        Qt::QueuedConnection);
    return request;
}

Status PrintService::retry() {
    const int request = nextRequest();
    m_lastRetry = request;
    QMetaObject::invokeMethod(
        m_worker.get(), [worker = m_worker.get(), request] { worker->retry(request); }, Qt::QueuedConnection);
    return {};
}

} // namespace cz::ui
