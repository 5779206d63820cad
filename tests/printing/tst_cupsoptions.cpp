// The options a CUPS job is created with (mergeJobOptions), without a cupsd: the destination's options as
// cupsGetNamedDest returns them, overridden by the job's own, keeping what lp would send, and never a value
// with white space (Debian 12's cupsd segfaults on one; tst_cups checks that against a real cupsd).
#include "cups.h"

#include <QtTest>

using namespace cz::print;

namespace {

// What cupsGetNamedDest returns for the cz-pdf test queue with a station's lpoptions (job-priority,
// number-up).
JobOptions pdfQueueOptions() {
    return {
        {"copies", "1"},
        {"device-uri", "cups-pdf:/"},
        {"finishings", "3"},
        {"job-cancel-after", "10800"},
        {"job-hold-until", "no-hold"},
        {"job-priority", "42"},
        {"job-sheets", "none,none"},
        {"marker-change-time", "0"},
        {"number-up", "2"},
        {"print-color-mode", "color"},
        {"printer-commands", "AutoConfigure,Clean,PrintSelfTestPage"},
        {"printer-info", "cz-pdf"},
        {"printer-is-accepting-jobs", "true"},
        {"printer-location", "counter, left"},
        {"printer-make-and-model", "Generic CUPS-PDF Printer (no options)"},
        {"printer-state", "3"},
        {"printer-state-reasons", "none"},
        {"printer-type", "8450124"},
        {"printer-uri-supported", "ipp://localhost/printers/cz-pdf"},
    };
}

template<class R> const char* errorText(const R& r) {
    static QByteArray text;
    text = r ? QByteArray() : r.error().message.toLocal8Bit();
    return text.constData();
}

} // namespace

class TestCupsOptions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void destinationDefaultsAreSent();
    void ownOptionsWin();
    void ownOptionsWinWhateverTheirCase();
    void queueDescriptionsAreNotSent();
    void formatSelectorsAreNotSent();
    void defaultWithSpaceIsLeftOut();
    void ownOptionWithSpaceIsRefused();
    void noDestinationOptions();
};

void TestCupsOptions::destinationDefaultsAreSent() {
    auto r = mergeJobOptions(pdfQueueOptions(), {{"media", "A4"}});
    QVERIFY2(r, errorText(r));
    const JobOptions expected{
        {"copies", "1"},
        {"finishings", "3"},
        {"job-cancel-after", "10800"},
        {"job-hold-until", "no-hold"},
        {"job-priority", "42"},
        {"job-sheets", "none,none"},
        {"media", "A4"},
        {"number-up", "2"},
        {"print-color-mode", "color"},
    };
    QCOMPARE(*r, expected);
}

void TestCupsOptions::ownOptionsWin() {
    auto r = mergeJobOptions(pdfQueueOptions(),
                             {{"media", "Custom.76x130mm"}, {"number-up", "1"}, {"job-priority", "70"}});
    QVERIFY2(r, errorText(r));
    QCOMPARE(r->value("number-up"), u"1");
    QCOMPARE(r->value("job-priority"), u"70");
    QCOMPARE(r->value("media"), u"Custom.76x130mm");
    QCOMPARE(r->value("print-color-mode"), u"color"); // not the job's: the queue's default stays
}

void TestCupsOptions::ownOptionsWinWhateverTheirCase() {
    auto r = mergeJobOptions({{"media", "A4"}, {"copies", "2"}}, {{"Media", "A5"}});
    QVERIFY2(r, errorText(r));
    QCOMPARE(r->value("Media"), u"A5");
    QVERIFY(!r->contains("media"));
    QCOMPARE(r->value("copies"), u"2");
}

void TestCupsOptions::queueDescriptionsAreNotSent() {
    auto r = mergeJobOptions(pdfQueueOptions(), {});
    QVERIFY2(r, errorText(r));
    for (const QString& name : r->keys()) {
        QVERIFY2(!name.startsWith(u"printer-") && !name.startsWith(u"marker-") && name != u"device-uri",
                 qPrintable(name));
    }
    // The same names lp's own encoding drops, also as *-default and *-supported.
    auto more = mergeJobOptions({{"media-default", "A4"}, {"media-supported", "A4,A5"}}, {});
    QVERIFY(more);
    QVERIFY(more->isEmpty());
}

void TestCupsOptions::formatSelectorsAreNotSent() {
    // lp reads these to choose the document format; our jobs carry their format (JobFormat), so a saved
    // `raw` default cannot turn a PDF job into raw bytes for the printer.
    auto r = mergeJobOptions(
        {{"raw", "true"}, {"document-format", "application/postscript"}, {"copies", "1"}}, {{"media", "A4"}});
    QVERIFY2(r, errorText(r));
    QCOMPARE(*r, (JobOptions{{"copies", "1"}, {"media", "A4"}}));
}

void TestCupsOptions::defaultWithSpaceIsLeftOut() {
    JobOptions queue = pdfQueueOptions();
    queue.insert("job-account-id", "counter 1");
    queue.insert("my-note", "a\tb");
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("not sending the printer default job-account-id"));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("not sending the printer default my-note"));
    auto r = mergeJobOptions(queue, {{"media", "A4"}});
    QVERIFY2(r, errorText(r));
    QVERIFY(!r->contains("job-account-id"));
    QVERIFY(!r->contains("my-note"));
    QCOMPARE(r->value("job-priority"), u"42");
    // printer-make-and-model has spaces too but is never sent, so it is no reason to refuse or warn.
}

void TestCupsOptions::ownOptionWithSpaceIsRefused() {
    auto r = mergeJobOptions(pdfQueueOptions(), {{"media", "A4"}, {"job-account-id", "counter 1"}});
    QVERIFY(!r);
    QCOMPARE(r.error().kind, cz::ErrorKind::BadInput);
    QCOMPARE(r.error().code, u"print.bad-option");
    QVERIFY(r.error().message.contains(u"job-account-id"));
    // The job's own value replaces a default with a space: nothing with white space is left to refuse.
    auto fixed = mergeJobOptions({{"job-account-id", "counter 1"}}, {{"job-account-id", "counter-1"}});
    QVERIFY2(fixed, errorText(fixed));
    QCOMPARE(fixed->value("job-account-id"), u"counter-1");
}

void TestCupsOptions::noDestinationOptions() {
    auto r = mergeJobOptions({}, {{"media", "A4"}});
    QVERIFY2(r, errorText(r));
    QCOMPARE(*r, (JobOptions{{"media", "A4"}}));
}

QTEST_GUILESS_MAIN(TestCupsOptions)
#include "tst_cupsoptions.moc"
