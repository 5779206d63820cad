// Integration with a real cupsd (fixture cups-env.sh): PDF jobs through cups-pdf, raw ESC/POS and ZPL jobs
// through a socket queue to RawListener, and a stopped or rejecting queue keeping the job in the PrintQueue
// until retry() prints it; every kind of job leaves the same cupsd running (Debian 12's
// cupsd 2.4.2-3+deb12u10 segfaulted on our jobs), and a station's saved printer defaults (lpoptions) reach
// the job. These tests fail (never skip) when cupsd is not there.
#include "cups.h"
#include "documents.h"
#include "printqueue.h"
#include "rawlang.h"
#include "rawlistener.h"
#include "sampleprint.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QtTest>
#include <cups/cups.h>

using namespace cz::print;

namespace {

const QString kPdfQueue = QStringLiteral("cz-pdf");
const QString kRawQueue = QStringLiteral("cz-raw");

bool run(const QString& program, const QStringList& args) {
    QProcess p;
    p.start(program, args);
    return p.waitForFinished(10000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

QString pdfText(const QString& path) {
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
    p.waitForFinished(20000);
    QString s = QString::fromUtf8(p.readAllStandardOutput());
    return s.replace(QChar(0x2EA0), QChar(0x6C11)); // 民: see tst_render foldRadicals
}

// The pid of the running cupsd, or 0. A crashed cupsd can stay behind as a zombie (nothing reaps it here), so
// pgrep would still find it: only a process that is not a zombie counts.
qint64 cupsdPid() {
    const QDir proc(QStringLiteral("/proc"));
    for (const QString& entry : proc.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid)
            continue;
        QFile stat(proc.filePath(entry + "/stat"));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        // "pid (comm) state ...": the name may contain spaces, the state follows the last ')'.
        const QByteArray line = stat.readAll();
        const qsizetype open = line.indexOf('(');
        const qsizetype close = line.lastIndexOf(')');
        if (open < 0 || close < open || line.mid(open + 1, close - open - 1) != "cupsd")
            continue;
        const char state = close + 2 < line.size() ? line.at(close + 2) : '?';
        if (state != 'Z' && state != 'X')
            return pid;
    }
    return 0;
}

// Whether the scheduler answers an IPP request (Get-Printer-Attributes on the PDF queue).
bool schedulerAnswers() {
    cups_dest_t* dest = cupsGetNamedDest(CUPS_HTTP_DEFAULT, "cz-pdf", nullptr);
    cupsFreeDests(dest != nullptr ? 1 : 0, dest);
    return dest != nullptr;
}

// The job's attributes as cupsd keeps them (IPP Get-Job-Attributes), values as ippAttributeString writes
// them.
QMap<QString, QString> jobAttributes(int jobId) {
    ipp_t* request = ippNewRequest(IPP_OP_GET_JOB_ATTRIBUTES);
    char uri[HTTP_MAX_URI];
    httpAssembleURIf(HTTP_URI_CODING_ALL, uri, sizeof uri, "ipp", nullptr, "localhost", ippPort(), "/jobs/%d",
                     jobId);
    ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "job-uri", nullptr, uri);
    ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nullptr, cupsUser());
    ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", nullptr, "all");
    ipp_t* response = cupsDoRequest(CUPS_HTTP_DEFAULT, request, "/");
    QMap<QString, QString> out;
    for (ipp_attribute_t* a = ippFirstAttribute(response); a != nullptr; a = ippNextAttribute(response)) {
        if (ippGetName(a) == nullptr || ippGetGroupTag(a) != IPP_TAG_JOB)
            continue;
        char value[1024];
        ippAttributeString(a, value, sizeof value);
        out.insert(QString::fromUtf8(ippGetName(a)), QString::fromUtf8(value));
    }
    ippDelete(response);
    return out;
}

ArrivalListData arrivals() {
    ArrivalListData data{QStringLiteral("张庄村便民服务站"), QDate(2026, 11, 28), {}};
    for (int i = 0; i < 12; ++i)
        data.parcels.append(cz::test::sampleParcel(i, QStringLiteral("2"), 1 + i % 3));
    return data;
}

// QVERIFY2 evaluates its message even when the check passes: never touch error() of a value.
template<class R> const char* errorText(const R& r) {
    static QByteArray text;
    text = r ? QByteArray() : r.error().message.toLocal8Bit();
    return text.constData();
}

} // namespace

class TestCups : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void listsQueues();
    void unknownPrinter();
    void pdfJobArrives();
    void pdfJobTextArrives();
    void escPosJobArrives();
    void zplJobArrives();
    void stoppedQueueKeepsJobUntilRetry();
    void rejectingQueueKeepsJobUntilRetry();
    void schedulerSurvivesEveryJob_data();
    void schedulerSurvivesEveryJob();
    void stationDefaultsReachPdfJob();
    void stationDefaultsReachRawJob();
    void ownOptionWithSpaceIsRefused();

private:
    void writeLpoptions(const QByteArray& text);

    CupsBackend m_backend{CupsBackend::Options{15000, 100}};
    std::unique_ptr<RawListener> m_listener;
    QString m_pdfDir;
    // HOME for this process: libcups reads the user's lpoptions (a station's saved printer defaults) from
    // $HOME/.cups/lpoptions, so the tests set them without touching the system-wide /etc/cups/lpoptions.
    QTemporaryDir m_home;
};

void TestCups::writeLpoptions(const QByteArray& text) {
    QVERIFY(QDir(m_home.path()).mkpath(".cups"));
    QFile file(m_home.filePath(".cups/lpoptions"));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(text), text.size());
}

void TestCups::initTestCase() {
    // Before the first libcups call of this thread, which reads HOME once.
    QVERIFY(m_home.isValid());
    qputenv("HOME", QFile::encodeName(m_home.path()));
    QProcess lpstat;
    lpstat.start(QStringLiteral("lpstat"), {QStringLiteral("-r")});
    QVERIFY2(lpstat.waitForFinished(10000), "lpstat did not run: install cups-client");
    QVERIFY2(lpstat.readAllStandardOutput().contains("scheduler is running"),
             "cupsd is not running (the cups-env.sh fixture should have started it)");
    const QString state = qEnvironmentVariable("CZ_CUPS_STATE");
    QVERIFY2(!state.isEmpty(), "CZ_CUPS_STATE not set");
    m_pdfDir = state + "/pdf";
    const quint16 port = static_cast<quint16>(qEnvironmentVariableIntValue("CZ_RAW_PORT"));
    m_listener = std::make_unique<RawListener>(port);
    QVERIFY2(m_listener->startListening(), "cannot listen on the raw queue's port");
}

void TestCups::cleanup() {
    run(QStringLiteral("cupsenable"), {kRawQueue});
    run(QStringLiteral("cupsaccept"), {kRawQueue});
    QFile::remove(m_home.filePath(".cups/lpoptions"));
}

void TestCups::listsQueues() {
    auto printers = m_backend.printers();
    QVERIFY2(printers, errorText(printers));
    QStringList names;
    for (const PrinterInfo& p : *printers)
        names.append(p.name);
    QVERIFY2(names.contains(kPdfQueue) && names.contains(kRawQueue), qPrintable(names.join(u',')));
    auto raw = m_backend.printer(kRawQueue);
    QVERIFY(raw);
    QVERIFY(raw->accepting);
    QVERIFY(raw->state != 5);
    QVERIFY(raw->deviceUri.startsWith(u"socket://"));
}

void TestCups::unknownPrinter() {
    auto r = m_backend.print(makeRawJob("x", QStringLiteral("cz-nope"), QStringLiteral("t")));
    QVERIFY(!r);
    QCOMPARE(r.error().kind, cz::ErrorKind::Unavailable);
    QCOMPARE(r.error().code, u"print.no-printer");
    QVERIFY(r.error().message.contains(u"cz-nope"));
}

void TestCups::pdfJobArrives() {
    ArrivalListData data{QStringLiteral("张庄村便民服务站"), QDate(2026, 11, 28), {}};
    for (int i = 0; i < 12; ++i)
        data.parcels.append(cz::test::sampleParcel(i, QStringLiteral("2"), 1 + i % 3));
    auto job = makePdfJob(arrivalList(data), kPdfQueue);
    QVERIFY(job);
    QCOMPARE(job->options.value(QStringLiteral("media")), u"A4");
    QDir dir(m_pdfDir);
    // cups-pdf names files after the job title and overwrites: start from an empty directory.
    for (const QString& f : dir.entryList({QStringLiteral("*.pdf")}, QDir::Files))
        QVERIFY(dir.remove(f));
    PrintQueue queue(m_backend);
    auto id = queue.submit(*job);
    QVERIFY2(id, errorText(id));
    QVERIFY(queue.isEmpty());

    QString file;
    for (int waited = 0; waited < 15000 && file.isEmpty(); waited += 100) {
        for (const QString& f : dir.entryList({QStringLiteral("*.pdf")}, QDir::Files))
            file = dir.filePath(f);
        if (file.isEmpty())
            QThread::msleep(100);
    }
    QVERIFY2(!file.isEmpty(), qPrintable("no PDF from cups-pdf in " + m_pdfDir));
    // cups-pdf goes PDF -> PostScript -> Ghostscript, which drops the text mapping of CID fonts: check the
    // pages here, and the text where the PDF reaches a printer unchanged (pdfJobTextArrives).
    QProcess info;
    info.start(QStringLiteral("pdfinfo"), {file});
    QVERIFY(info.waitForFinished(10000));
    const QString infoText = QString::fromUtf8(info.readAllStandardOutput());
    QVERIFY2(infoText.contains(u"595") && infoText.contains(u"842"), qPrintable(infoText)); // A4
}

void TestCups::pdfJobTextArrives() {
    ArrivalListData data{QStringLiteral("张庄村便民服务站"), QDate(2026, 11, 28), {}};
    for (int i = 0; i < 12; ++i)
        data.parcels.append(cz::test::sampleParcel(i, QStringLiteral("2"), 1 + i % 3));
    auto job = makePdfJob(arrivalList(data), kRawQueue);
    QVERIFY(job);
    const qsizetype before = m_listener->jobs().size();
    auto id = m_backend.print(*job);
    QVERIFY2(id, errorText(id));
    QVERIFY(m_listener->waitForJobs(before + 1, 10000));
    const QByteArray got = m_listener->jobs().at(before);
    QVERIFY(got.startsWith("%PDF-"));
    QTemporaryFile pdf;
    QVERIFY(pdf.open());
    pdf.write(got);
    pdf.close();
    const QString text = pdfText(pdf.fileName());
    QVERIFY2(text.contains(u"张庄村便民服务站"), qPrintable(text.left(300)));
    QVERIFY(text.contains(data.parcels.at(3).pickupCode));
    QVERIFY(text.contains(data.parcels.at(3).maskedPhone()));
    QVERIFY(!text.contains(data.parcels.at(3).phone));
}

void TestCups::escPosJobArrives() {
    const qsizetype before = m_listener->jobs().size();
    const QImage slip = renderPage(
        pickupSlip({QStringLiteral("服务站"), cz::test::sampleParcel(3, QStringLiteral("1"), 2), 3}));
    const QByteArray bytes = escPosRaster(slip);
    PrintQueue queue(m_backend);
    auto id = queue.submit(makeRawJob(bytes, kRawQueue, QStringLiteral("slip")));
    QVERIFY2(id, errorText(id));
    QVERIFY(m_listener->waitForJobs(before + 1, 10000));
    const QByteArray got = m_listener->jobs().at(before);
    QVERIFY(got.startsWith("\x1b\x40"));
    QVERIFY(got.contains(QByteArray("\x1d\x76\x30\x00", 4)));
    QCOMPARE(got, bytes);
}

void TestCups::zplJobArrives() {
    const qsizetype before = m_listener->jobs().size();
    const QByteArray zpl = zplGraphic(renderPage(waybillLabel(cz::test::sampleLabel())));
    auto id = m_backend.print(makeRawJob(zpl, kRawQueue, QStringLiteral("label")));
    QVERIFY2(id, errorText(id));
    QVERIFY(m_listener->waitForJobs(before + 1, 10000));
    const QByteArray got = m_listener->jobs().at(before);
    QVERIFY(got.startsWith("^XA"));
    QCOMPARE(got, zpl);
}

void TestCups::stoppedQueueKeepsJobUntilRetry() {
    QVERIFY(run(QStringLiteral("cupsdisable"), {kRawQueue}));
    const qsizetype before = m_listener->jobs().size();
    const QByteArray bytes = escPosRaster(renderPage(shelfLabel(QStringLiteral("3-2"))));
    PrintQueue queue(m_backend);
    auto r = queue.submit(makeRawJob(bytes, kRawQueue, QStringLiteral("shelf")));
    QVERIFY(!r);
    QCOMPARE(r.error().kind, cz::ErrorKind::Unavailable);
    QCOMPARE(r.error().code, u"print.queue-stopped");
    QVERIFY(r.error().message.contains(kRawQueue));
    QCOMPARE(queue.pending().size(), 1);
    QVERIFY(!queue.retry());
    QCOMPARE(queue.pending().size(), 1);
    QThread::msleep(300);
    QCOMPARE(m_listener->jobs().size(), before);

    QVERIFY(run(QStringLiteral("cupsenable"), {kRawQueue}));
    auto n = queue.retry();
    QVERIFY2(n, errorText(n));
    QCOMPARE(*n, 1);
    QVERIFY(queue.isEmpty());
    QVERIFY(m_listener->waitForJobs(before + 1, 10000));
    QCOMPARE(m_listener->jobs().size(), before + 1); // printed once, not twice
    QCOMPARE(m_listener->jobs().at(before), bytes);
}

void TestCups::rejectingQueueKeepsJobUntilRetry() {
    QVERIFY(run(QStringLiteral("cupsreject"), {kRawQueue}));
    const qsizetype before = m_listener->jobs().size();
    PrintQueue queue(m_backend);
    auto r =
        queue.submit(makeRawJob(tsplBitmap(renderPage(shelfLabel(QStringLiteral("1-1"))), QSizeF(60, 40)),
                                kRawQueue, QStringLiteral("tspl")));
    QVERIFY(!r);
    QCOMPARE(r.error().kind, cz::ErrorKind::Unavailable);
    QCOMPARE(r.error().code, u"print.queue-rejecting");
    QCOMPARE(queue.pending().size(), 1);
    QVERIFY(run(QStringLiteral("cupsaccept"), {kRawQueue}));
    auto n = queue.retry();
    QVERIFY2(n, errorText(n));
    QVERIFY(m_listener->waitForJobs(before + 1, 10000));
    QVERIFY(m_listener->jobs().at(before).startsWith("SIZE 60 mm,40 mm\r\n"));
}

// Every kind of job the terminal sends ends printed with the same cupsd still running. The titles have
// spaces as the real ones do: that is what made cupsd 2.4.2-3+deb12u10 segfault (the title became the
// document name, which cupsd copies into the filter options), with only media and with more options alike.
void TestCups::schedulerSurvivesEveryJob_data() {
    QTest::addColumn<QString>("kind");
    QTest::newRow("pdf to cups-pdf, only media") << "pdf";
    QTest::newRow("pdf label to cups-pdf, only custom media") << "label";
    QTest::newRow("pdf to cups-pdf, extra options") << "pdf-options";
    QTest::newRow("pdf to the raw queue (no filters), only media") << "pdf-raw-queue";
    QTest::newRow("raw esc/pos to the socket queue") << "raw";
    QTest::newRow("raw zpl to the socket queue, extra options") << "raw-options";
}

void TestCups::schedulerSurvivesEveryJob() {
    QFETCH(QString, kind);
    PrintJob job;
    if (kind == u"pdf" || kind == u"pdf-options" || kind == u"pdf-raw-queue") {
        auto made = makePdfJob(arrivalList(arrivals()), kind == u"pdf-raw-queue" ? kRawQueue : kPdfQueue);
        QVERIFY(made);
        job = *made;
        QCOMPARE(job.options.keys(), QStringList{"media"});
        if (kind == u"pdf-options") {
            job.options.insert("number-up", "2");
            job.options.insert("print-color-mode", "monochrome");
            job.options.insert("job-priority", "70");
        }
    } else if (kind == u"label") {
        auto made = makePdfJob(waybillLabel(cz::test::sampleLabel()), kPdfQueue);
        QVERIFY(made);
        job = *made;
        QVERIFY(job.options.value("media").startsWith(u"Custom."));
        job.title = "Waybill SF1402836591873";
    } else {
        const QImage slip = renderPage(pickupSlip({"服务站", cz::test::sampleParcel(3, "1", 2), 3}));
        job = kind == u"raw" ? makeRawJob(escPosRaster(slip), kRawQueue, "Pickup slip 1-2-0003")
                             : makeRawJob(zplGraphic(slip), kRawQueue, "Shelf label 1-2");
        if (kind == u"raw-options") {
            job.options.insert("job-priority", "70");
            job.options.insert("copies", "1");
        }
    }
    QVERIFY2(job.title.contains(u' '), qPrintable(job.title));

    const qint64 pid = cupsdPid();
    QVERIFY2(pid > 0, "no cupsd is running before the job");
    const qsizetype before = m_listener->jobs().size();
    auto id = m_backend.print(job); // returns once cupsd reports the job completed
    QVERIFY2(id, errorText(id));
    QCOMPARE(cupsdPid(), pid);
    QVERIFY2(schedulerAnswers(), "cupsd does not answer after the job");
    QCOMPARE(jobAttributes(*id).value("job-state"), u"completed");
    if (job.printer == kRawQueue) {
        QVERIFY(m_listener->waitForJobs(before + 1, 10000));
        if (job.format == JobFormat::Raw)
            QCOMPARE(m_listener->jobs().at(before), job.data);
    }
}

void TestCups::stationDefaultsReachPdfJob() {
    // lpoptions as `lpoptions -p cz-pdf -o …` writes it for a user.
    writeLpoptions("Dest cz-pdf job-priority=42 number-up=2 print-color-mode=monochrome\n");
    auto job = makePdfJob(arrivalList(arrivals()), kPdfQueue);
    QVERIFY(job);
    job->options.insert("number-up", "1"); // the job's own option wins over the saved default

    auto options = m_backend.jobOptions(*job);
    QVERIFY2(options, errorText(options));
    QCOMPARE(options->value("job-priority"), u"42");
    QCOMPARE(options->value("number-up"), u"1");
    QCOMPARE(options->value("print-color-mode"), u"monochrome");
    QCOMPARE(options->value("media"), u"A4");
    QVERIFY(!options->contains("printer-info"));
    QVERIFY(!options->contains("device-uri"));

    const qint64 pid = cupsdPid();
    auto id = m_backend.print(*job);
    QVERIFY2(id, errorText(id));
    QCOMPARE(cupsdPid(), pid);
    const QMap<QString, QString> attrs = jobAttributes(*id);
    QCOMPARE(attrs.value("job-priority"), u"42");
    QCOMPARE(attrs.value("number-up"), u"1");
    QCOMPARE(attrs.value("print-color-mode"), u"monochrome");
    QCOMPARE(attrs.value("media"), u"A4");
    QCOMPARE(attrs.value("job-state"), u"completed");
}

void TestCups::stationDefaultsReachRawJob() {
    // number-up means nothing to raw bytes (cupsd runs no filter on them) and must not change them; a
    // default with a space would crash cupsd and is left out.
    writeLpoptions("Dest cz-raw job-priority=61 number-up=4 job-account-id=\"counter 1\"\n");
    const QByteArray zpl = zplGraphic(renderPage(shelfLabel("2-3")));
    const qsizetype before = m_listener->jobs().size();
    const qint64 pid = cupsdPid();
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("not sending the printer default job-account-id"));
    auto id = m_backend.print(makeRawJob(zpl, kRawQueue, "Shelf label 2-3"));
    QVERIFY2(id, errorText(id));
    QCOMPARE(cupsdPid(), pid);
    QVERIFY(m_listener->waitForJobs(before + 1, 10000));
    QCOMPARE(m_listener->jobs().at(before), zpl);
    const QMap<QString, QString> attrs = jobAttributes(*id);
    QCOMPARE(attrs.value("job-priority"), u"61");
    QCOMPARE(attrs.value("number-up"), u"4");
    QVERIFY2(!attrs.contains("job-account-id"), qPrintable(attrs.value("job-account-id")));
    QCOMPARE(attrs.value("job-state"), u"completed");
}

void TestCups::ownOptionWithSpaceIsRefused() {
    auto job = makePdfJob(arrivalList(arrivals()), kPdfQueue);
    QVERIFY(job);
    job->options.insert("job-account-id", "counter 1");
    const qint64 pid = cupsdPid();
    PrintQueue queue(m_backend);
    auto r = queue.submit(*job);
    QVERIFY(!r);
    QCOMPARE(r.error().kind, cz::ErrorKind::BadInput);
    QCOMPARE(r.error().code, u"print.bad-option");
    QCOMPARE(queue.pending().size(), 1); // kept, as every failed job is
    QCOMPARE(cupsdPid(), pid);
    QVERIFY(schedulerAnswers());
}

QTEST_MAIN(TestCups)
#include "tst_cups.moc"
