// Integration with a real cupsd (fixture cups-env.sh): PDF jobs through cups-pdf, raw ESC/POS and ZPL jobs
// through a socket queue to RawListener, and a stopped or rejecting queue keeping the job in the PrintQueue
// until retry() prints it. These tests fail (never skip) when cupsd is not there.
#include "cups.h"
#include "documents.h"
#include "fixture.h"
#include "printqueue.h"
#include "rawlang.h"
#include "rawlistener.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryFile>
#include <QtTest>

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

private:
    CupsBackend m_backend{CupsBackend::Options{15000, 100}};
    std::unique_ptr<RawListener> m_listener;
    QString m_pdfDir;
};

void TestCups::initTestCase() {
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
        data.parcels.append(czt::parcel(i, QStringLiteral("2"), 1 + i % 3));
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
        data.parcels.append(czt::parcel(i, QStringLiteral("2"), 1 + i % 3));
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
    const QImage slip =
        renderPage(pickupSlip({QStringLiteral("服务站"), czt::parcel(3, QStringLiteral("1"), 2), 3}));
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
    const QByteArray zpl = zplGraphic(renderPage(waybillLabel(czt::label())));
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

QTEST_MAIN(TestCups)
#include "tst_cups.moc"
