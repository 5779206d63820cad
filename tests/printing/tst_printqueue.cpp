// PrintQueue with a scripted backend: failed jobs stay queued (in memory and in the spool directory), retry
// prints them in order, nothing is lost or printed twice.
#include "printqueue.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace cz::print;

namespace {

class FakeBackend final : public PrintBackend {
public:
    bool up = false;
    QList<PrintJob> printed;
    int calls = 0;

    cz::Result<QList<PrinterInfo>> printers() override { return QList<PrinterInfo>{}; }
    cz::Result<int> print(const PrintJob& job) override {
        ++calls;
        if (!up)
            return cz::fail(cz::ErrorKind::Unavailable, QStringLiteral("print.queue-stopped"),
                            QStringLiteral("stopped"));
        printed.append(job);
        return static_cast<int>(printed.size());
    }
};

} // namespace

class TestPrintQueue : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void failedJobStaysAndRetries() {
        FakeBackend backend;
        PrintQueue queue(backend);
        auto r = queue.submit(makeRawJob("\x1b@abc", QStringLiteral("q"), QStringLiteral("t1")));
        QVERIFY(!r);
        QCOMPARE(r.error().kind, cz::ErrorKind::Unavailable);
        QVERIFY(queue.submit(makeRawJob("second", QStringLiteral("q"), QStringLiteral("t2"))).error().code ==
                u"print.queue-stopped");
        QCOMPARE(queue.pending().size(), 2);
        QCOMPARE(queue.pending().at(0).attempts, 1);
        QCOMPARE(queue.pending().at(0).lastError, u"stopped");

        QVERIFY(!queue.retry());
        QCOMPARE(queue.pending().size(), 2);
        QCOMPARE(queue.pending().at(0).attempts, 2);

        backend.up = true;
        auto n = queue.retry();
        QVERIFY(n);
        QCOMPARE(*n, 2);
        QVERIFY(queue.isEmpty());
        QCOMPARE(backend.printed.size(), 2);
        QCOMPARE(backend.printed.at(0).data, QByteArray("\x1b@abc"));
        QCOMPARE(backend.printed.at(1).title, u"t2");
    }

    void successLeavesQueue() {
        FakeBackend backend;
        backend.up = true;
        PrintQueue queue(backend);
        QVERIFY(queue.submit(makeRawJob("x", QStringLiteral("q"), QStringLiteral("t"))));
        QVERIFY(queue.isEmpty());
    }

    void spoolSurvivesRestart() {
        QTemporaryDir dir;
        FakeBackend backend;
        {
            PrintQueue queue(backend, dir.path());
            PrintJob job =
                makeRawJob(QByteArray(5000, '\x55'), QStringLiteral("cz-raw"), QStringLiteral("标签"));
            job.options.insert(QStringLiteral("media"), QStringLiteral("Custom.76x130mm"));
            QVERIFY(!queue.submit(job));
        }
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 2);
        PrintQueue again(backend, dir.path());
        QCOMPARE(again.pending().size(), 1);
        const PrintJob j = again.pending().constFirst();
        QCOMPARE(j.data, QByteArray(5000, '\x55'));
        QCOMPARE(j.title, u"标签");
        QCOMPARE(j.format, JobFormat::Raw);
        QCOMPARE(j.options.value(QStringLiteral("media")), u"Custom.76x130mm");
        QCOMPARE(j.attempts, 1);
        backend.up = true;
        QVERIFY(again.retry());
        QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
    }

    void discard() {
        FakeBackend backend;
        PrintQueue queue(backend);
        QVERIFY(!queue.submit(makeRawJob("x", QStringLiteral("q"), QStringLiteral("t"))));
        QVERIFY(queue.discard(queue.pending().constFirst().id));
        QVERIFY(queue.isEmpty());
        QCOMPARE(queue.discard(QStringLiteral("nope")).error().kind, cz::ErrorKind::NotFound);
    }
};

QTEST_MAIN(TestPrintQueue)
#include "tst_printqueue.moc"
