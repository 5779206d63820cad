// The terminal's printing is asynchronous: a job is handed to the print thread and print() returns
// at once, the GUI keeps running while the printer is slow, the outcome comes back as a signal, a
// failed job waits for retry, and closing the terminal with a job in flight loses nothing.
#include "fakeprinter.h"
#include "guifixture.h"
#include "printservice.h"

#include <QDir>
#include <QMutex>
#include <QPainter>
#include <QSemaphore>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTimer>
#include <atomic>

using namespace cz;
using namespace cz::ui;
using cz::test::GuiFixture;

namespace {
// What the test sees of a backend the service owns (and deletes): shared, and safe to read from
// the GUI thread while the print thread uses it.
struct Printer {
    std::atomic<bool> up{true};
    std::atomic<bool> gated{false}; // print() waits for gate before answering
    std::atomic<bool> inFlight{false};
    QSemaphore gate;
    QSemaphore entered; // released each time print() starts
    QMutex mutex;
    QStringList printed; // titles, in the order printed

    QStringList titles() {
        QMutexLocker lock(&mutex);
        return printed;
    }
};

class FakeBackend final : public cz::test::LabelPrinterBackend {
public:
    explicit FakeBackend(std::shared_ptr<Printer> p)
        : m_p(std::move(p)) {}

    Result<int> print(const print::PrintJob& job) override {
        m_p->inFlight = true;
        m_p->entered.release();
        // A slow printer: held until the test opens the gate (or, at worst, a few seconds).
        const bool released = !m_p->gated || m_p->gate.tryAcquire(1, 3000);
        m_p->inFlight = false;
        if (!released || !m_p->up)
            return stopped();
        QMutexLocker lock(&m_p->mutex);
        m_p->printed.append(job.title);
        return static_cast<int>(m_p->printed.size());
    }

private:
    std::shared_ptr<Printer> m_p;
};

print::Document doc(const QString& title) {
    print::Document d;
    d.title = title;
    d.pageMm = QSizeF(40, 30);
    d.media = QStringLiteral("Custom.40x30mm");
    d.paint = [](print::Canvas& c) { c.painter.drawRect(10, 10, 100, 80); };
    return d;
}

int spooledJobs(const QString& dir) {
    return static_cast<int>(QDir(dir).entryList({QStringLiteral("*.json")}, QDir::Files).size());
}
} // namespace

class TestPrintService : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { PrintService::setPrinterFor(Paper::Label, QString()); } // the default printer
    void printDoesNotBlockTheGui();
    void requestsAreHandledInOrder();
    void failedJobWaitsForRetry();
    void closingWithAJobInFlightLosesNothing();
    void printersAreListedOffTheGuiThread();
};

void TestPrintService::printDoesNotBlockTheGui() {
    GuiFixture f;
    auto printer = std::make_shared<Printer>();
    printer->gated = true;
    PrintService service(std::make_unique<FakeBackend>(printer), f.dir.filePath(QStringLiteral("spool")));
    QSignalSpy printed(&service, &PrintService::printed);
    QSignalSpy failed(&service, &PrintService::failed);

    const int request = service.print(doc(QStringLiteral("slow label")), Paper::Label);
    QVERIFY(request != 0);
    // print() returned although the printer has not answered: the job is on the print thread.
    QVERIFY(printer->entered.tryAcquire(1, 10000));
    QVERIFY(printer->inFlight);

    // The GUI event loop runs meanwhile: a timer on this thread fires while the job is held.
    bool fired = false;
    QTimer::singleShot(10, this, [&fired] { fired = true; });
    QTRY_VERIFY_WITH_TIMEOUT(fired, 10000);
    QVERIFY(printer->inFlight);
    QCOMPARE(printed.size(), 0);

    printer->gate.release();
    QVERIFY(printed.wait(10000));
    QCOMPARE(printed.first().at(0).toInt(), request);
    QCOMPARE(printed.first().at(1).toString(), QStringLiteral("slow label"));
    QCOMPARE(printer->titles(), QStringList{QStringLiteral("slow label")});
    QCOMPARE(failed.size(), 0);
    QCOMPARE(service.pendingCount(), 0);
}

void TestPrintService::requestsAreHandledInOrder() {
    GuiFixture f;
    auto printer = std::make_shared<Printer>();
    printer->gated = true;
    PrintService service(std::make_unique<FakeBackend>(printer), f.dir.filePath(QStringLiteral("spool")));
    QSignalSpy printed(&service, &PrintService::printed);

    const QStringList titles{QStringLiteral("one"), QStringLiteral("two"), QStringLiteral("three")};
    QList<int> requests;
    for (const QString& t : titles)
        requests.append(service.print(doc(t), Paper::Label));
    QCOMPARE(QSet<int>(requests.cbegin(), requests.cend()).size(), 3); // distinct ids
    printer->gate.release(3);
    QTRY_COMPARE_WITH_TIMEOUT(printed.size(), 3, 10000);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(printed.at(i).at(0).toInt(), requests.at(i));
        QCOMPARE(printed.at(i).at(1).toString(), titles.at(i));
    }
    QCOMPARE(printer->titles(), titles);
}

void TestPrintService::failedJobWaitsForRetry() {
    GuiFixture f;
    auto printer = std::make_shared<Printer>();
    printer->up = false;
    const QString spool = f.dir.filePath(QStringLiteral("spool"));
    PrintService service(std::make_unique<FakeBackend>(printer), spool);
    QSignalSpy printed(&service, &PrintService::printed);
    QSignalSpy failed(&service, &PrintService::failed);
    QSignalSpy pending(&service, &PrintService::pendingChanged);

    const int request = service.print(doc(QStringLiteral("label")), Paper::Label);
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.first().at(0).toInt(), request);
    const QString message = failed.first().at(1).toString();
    QVERIFY2(message.contains(QStringLiteral("stopped")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("1")), qPrintable(message)); // "(1 job(s) waiting)"
    QCOMPARE(failed.first().at(2).toInt(), 1);
    QCOMPARE(service.pendingCount(), 1);
    QCOMPARE(pending.last().first().toInt(), 1);
    QCOMPARE(printed.size(), 0);
    QCOMPARE(spooledJobs(spool), 1);

    // Still stopped: the retry fails with the printer's message and the job keeps waiting.
    QVERIFY(service.retry());
    const int firstRetry = service.lastRetryRequest();
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.last().at(0).toInt(), firstRetry);
    QCOMPARE(failed.last().at(2).toInt(), 1);
    QCOMPARE(service.pendingCount(), 1);

    printer->up = true;
    QVERIFY(service.retry());
    const int retry = service.lastRetryRequest();
    QVERIFY(retry != request && retry != firstRetry);
    QVERIFY(printed.wait(10000));
    QCOMPARE(printed.first().at(0).toInt(), retry);
    QCOMPARE(printed.first().at(1).toString(), QStringLiteral("label"));
    QCOMPARE(printer->titles(), QStringList{QStringLiteral("label")});
    QTRY_COMPARE_WITH_TIMEOUT(service.pendingCount(), 0, 10000);
    QCOMPARE(pending.last().first().toInt(), 0);
    QCOMPARE(spooledJobs(spool), 0);
}

void TestPrintService::closingWithAJobInFlightLosesNothing() {
    GuiFixture f;
    const QString spool = f.dir.filePath(QStringLiteral("spool"));
    auto printer = std::make_shared<Printer>();
    printer->gated = true; // never opened: the first job is held until the backend gives up
    {
        PrintService service(std::make_unique<FakeBackend>(printer), spool);
        (void)service.print(doc(QStringLiteral("in flight")), Paper::Label);
        (void)service.print(doc(QStringLiteral("queued behind")), Paper::Label);
        QVERIFY(printer->entered.tryAcquire(1, 10000));
        QVERIFY(printer->inFlight);
    } // the destructor joins the print thread
    QVERIFY(!printer->inFlight);
    QVERIFY(printer->titles().isEmpty());
    // Both jobs wait in the spool; the job queued behind was never sent to the closing printer.
    QCOMPARE(spooledJobs(spool), 2);
    QVERIFY(!printer->entered.tryAcquire(1, 0));

    // The next terminal finds them and prints them, oldest first.
    auto next = std::make_shared<Printer>();
    PrintService service(std::make_unique<FakeBackend>(next), spool);
    QCOMPARE(service.pendingCount(), 2);
    QSignalSpy printed(&service, &PrintService::printed);
    QVERIFY(service.retry());
    QTRY_COMPARE_WITH_TIMEOUT(printed.size(), 2, 10000);
    QCOMPARE(next->titles(), (QStringList{QStringLiteral("in flight"), QStringLiteral("queued behind")}));
    QTRY_COMPARE_WITH_TIMEOUT(service.pendingCount(), 0, 10000);
    QCOMPARE(spooledJobs(spool), 0);
}

void TestPrintService::printersAreListedOffTheGuiThread() {
    GuiFixture f;
    PrintService service(std::make_unique<FakeBackend>(std::make_shared<Printer>()), QString());
    QSignalSpy changed(&service, &PrintService::printersChanged);
    // The constructor asked for a listing; it arrives as printersChanged.
    QTRY_VERIFY_WITH_TIMEOUT(changed.size() >= 1, 10000);
    auto all = service.printers();
    QVERIFY(all);
    QCOMPARE(all->size(), 1);
    QCOMPARE(all->first().name, QStringLiteral("labels"));
}

QTEST_MAIN(TestPrintService)
#include "tst_printservice.moc"
