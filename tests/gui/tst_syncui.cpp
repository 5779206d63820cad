// Sync in the terminal: the status bar indicator shows what a SyncStatus says (state, last sync in
// Beijing time, ops to send, refused ops with their reasons), a progress bar only for a long
// catch-up, "Sync now" runs a sync on the worker thread against a scripted county, and the
// enrolment dialog shows the county's answer in place. Worker signals are awaited by count.
#include "../sync/fakecounty.h"
#include "enroldialog.h"
#include "faketransport.h"
#include "guifixture.h"
#include "mainwindow.h"
#include "protocol.h"
#include "receivepage.h"
#include "rejectedopsmodel.h"
#include "settingspage.h"
#include "sharedcounty.h"
#include "synccontroller.h"
#include "syncengine.h"
#include "syncstatuswidget.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryFile>
#include <QTimeZone>

using namespace cz;
using namespace cz::ui;
using namespace cz::sync;
using cz::test::GuiFixture;

namespace {
// A station, a scripted county and a SyncController whose worker reaches it over a FakeTransport.
struct SyncGui {
    GuiFixture f;
    cz::test::SharedCounty shared;
    std::unique_ptr<SyncController> sync;

    explicit SyncGui(bool enrol) {
        if (enrol) {
            FakeTransport net([this](const HttpRequest& r) { return shared.handle(r); });
            SyncEngine engine(f.station->ctx->database(), net, *f.clock);
            if (!engine.enroll(QStringLiteral("https://county.test"), shared.county.code))
                qFatal("enrolment failed");
        }
        sync = std::make_unique<SyncController>(
            *f.station->ctx,
            [this] {
                return std::make_unique<FakeTransport>(
                    [this](const HttpRequest& r) { return shared.handle(r); });
            },
            f.clock);
    }
};

RejectedOp refused(const QString& entity, const QString& reason) {
    return {QStringLiteral("op-") + entity, QStringLiteral("parcel.received"),          entity,
            QStringLiteral("rejected"),     QStringLiteral("parcel.unknown_recipient"), reason};
}
} // namespace

class TestSyncUi : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() { Messages::setTestMode(true); }
    void cleanup() { Messages::setTestMode(false); }
    void showsStatusValues();
    void statesAndTooltip();
    void rejectedDialogListsReasons();
    void progressOnlyForLongCatchUp();
    void syncNowRunsASync();
    void enrolSuccessShowsStationName();
    void enrolFailureStaysInPlace();
    void scannedInviteFillsServerAndCode();
};

void TestSyncUi::showsStatusValues() {
    SyncStatusWidget w;
    SyncStatus s;
    s.enrolled = true;
    s.serverUrl = QStringLiteral("https://county.test");
    s.stationId = QStringLiteral("st-1");
    s.pending = 7;
    s.rejected = {refused(QStringLiteral("p1"), QStringLiteral("No such recipient.")),
                  refused(QStringLiteral("p2"), QStringLiteral("Waybill belongs to another station."))};
    // 2026-11-28 01:30 UTC is 09:30 in Beijing.
    s.lastSuccessAt = QDateTime(QDate(2026, 11, 28), QTime(1, 30), QTimeZone::utc()).toMSecsSinceEpoch();
    w.setStatus(s);
    QCOMPARE(w.stateText(), QStringLiteral("Online"));
    QVERIFY2(w.lastSyncText().contains(QStringLiteral("2026-11-28 09:30")), qPrintable(w.lastSyncText()));
    QVERIFY2(w.pendingText().contains(QStringLiteral("7")), qPrintable(w.pendingText()));
    QVERIFY(!w.rejectedButton()->isHidden());
    QVERIFY2(w.rejectedButton()->text().contains(QStringLiteral("2")),
             qPrintable(w.rejectedButton()->text()));

    // Nothing refused, never synced: no button, "never".
    s.rejected.clear();
    s.lastSuccessAt = 0;
    s.lastError = QStringLiteral("The county server is not available right now (HTTP 503).");
    s.pending = 0;
    w.setStatus(s);
    QVERIFY(w.rejectedButton()->isHidden());
    QVERIFY2(w.lastSyncText().contains(QStringLiteral("never")), qPrintable(w.lastSyncText()));
    QVERIFY2(w.pendingText().contains(QStringLiteral("0")), qPrintable(w.pendingText()));
}

void TestSyncUi::statesAndTooltip() {
    SyncStatusWidget w;
    SyncStatus s;
    w.setStatus(s);
    QCOMPARE(w.stateText(), QStringLiteral("Not enrolled"));
    QVERIFY(!w.syncNowAction()->isEnabled());
    s.enrolled = true;
    s.lastSuccessAt = test::kStart;
    s.lastError = QStringLiteral("The county server is not available right now (HTTP 503).");
    w.setStatus(s);
    QCOMPARE(w.stateText(), QStringLiteral("Offline"));
    QCOMPARE(w.toolTip(), s.lastError);
    QVERIFY(w.syncNowAction()->isEnabled());
    w.setStatus(s, true);
    QCOMPARE(w.stateText(), QStringLiteral("Token revoked — enrol again"));
    s.lastError.clear();
    w.setStatus(s);
    QCOMPARE(w.stateText(), QStringLiteral("Online"));
    QVERIFY(w.toolTip() != QStringLiteral("The county server is not available right now (HTTP 503)."));
}

void TestSyncUi::rejectedDialogListsReasons() {
    SyncStatusWidget w;
    SyncStatus s;
    s.enrolled = true;
    s.rejected = {refused(QStringLiteral("parcel-1"), QStringLiteral("No such recipient.")),
                  refused(QStringLiteral("parcel-2"), {})};
    w.setStatus(s);
    w.show();
    QTest::mouseClick(w.rejectedButton(), Qt::LeftButton);
    RejectedOpsDialog* dialog = w.rejectedDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    RejectedOpsModel* model = dialog->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->index(0, RejectedOpsModel::Kind).data().toString(), QStringLiteral("parcel.received"));
    QCOMPARE(model->index(0, RejectedOpsModel::Entity).data().toString(), QStringLiteral("parcel-1"));
    QCOMPARE(model->index(0, RejectedOpsModel::Reason).data().toString(),
             QStringLiteral("No such recipient."));
    // Without the county's words, its code.
    QCOMPARE(model->index(1, RejectedOpsModel::Reason).data().toString(),
             QStringLiteral("parcel.unknown_recipient"));
    QVERIFY(!(model->flags(model->index(0, 0)) & Qt::ItemIsEditable));
    // A newer status updates the open list.
    s.rejected.removeLast();
    w.setStatus(s);
    QCOMPARE(model->rowCount(), 1);
    dialog->close();
}

void TestSyncUi::progressOnlyForLongCatchUp() {
    SyncStatusWidget w;
    w.show();
    w.setProgress(1, 3); // a usual run
    QVERIFY(w.progressBar()->isHidden());
    w.setProgress(0, 400);
    QVERIFY(!w.progressBar()->isHidden());
    w.setProgress(120, 400);
    QVERIFY(!w.progressBar()->isHidden());
    QCOMPARE(w.progressBar()->value(), 120);
    QCOMPARE(w.progressBar()->maximum(), 400);
    w.setProgress(400, 400);
    QVERIFY(w.progressBar()->isHidden());
    w.setProgress(200, 400);
    w.setFinished(); // a run that failed half-way
    QVERIFY(w.progressBar()->isHidden());
}

void TestSyncUi::syncNowRunsASync() {
    SyncGui g(true);
    MainWindow window(*g.f.station->ctx, g.f.scanClock());
    window.attachSync(g.sync.get());
    QVERIFY(window.syncStatus());
    QCOMPARE(window.syncStatus()->syncNowAction()->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+S")));
    QSignalSpy finished(g.sync.get(), &SyncController::syncFinished);
    // A parcel waits to be sent before the first run: the indicator counts it at once.
    g.f.receive(QStringLiteral("YT500000000001"), QStringLiteral("13812345678"));
    const int waiting = g.f.station->ctx->database()
                            .scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE acked_at IS NULL"))
                            ->toInt();
    QVERIFY(waiting > 0);
    QVERIFY2(window.syncStatus()->pendingText().contains(QString::number(waiting)),
             qPrintable(window.syncStatus()->pendingText()));
    g.sync->start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(finished.first().at(0).toBool(), true);
    QCOMPARE(window.syncStatus()->stateText(), QStringLiteral("Online"));
    QVERIFY2(window.syncStatus()->pendingText().contains(QStringLiteral("0")),
             qPrintable(window.syncStatus()->pendingText()));
    QVERIFY(!window.syncStatus()->lastSyncText().contains(QStringLiteral("never")));

    // The county announces a parcel; no local change, so only "Sync now" fetches it (the next
    // timed run is a minute away).
    const QDate today = localDate(g.f.clock->nowMs());
    g.shared.with([&](czt::FakeCounty& c) {
        c.publish(QStringLiteral("prealert"), QStringLiteral("YT600000000001"),
                  {{QStringLiteral("phone"), QStringLiteral("13912345678")},
                   {QStringLiteral("carrier"), QStringLiteral("YTO")},
                   {QStringLiteral("van_date"), today.toString(Qt::ISODate)}});
    });
    QSignalSpy changed(g.f.station->ctx.get(), &StationContext::changed);
    window.syncStatus()->syncNowAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 3000);
    QCOMPARE(finished.last().at(0).toBool(), true);
    // downstreamApplied → StationContext::refresh(): the Receive page lists it.
    QTRY_VERIFY(changed.size() >= 1);
    QCOMPARE(*g.f.station->inbound.expectedTodayCount(), 1);
    QVERIFY2(window.receivePage()->shownExpected().contains(QStringLiteral("1")),
             qPrintable(window.receivePage()->shownExpected()));
}

void TestSyncUi::enrolSuccessShowsStationName() {
    SyncGui g(false);
    SettingsPage page(*g.f.station->ctx);
    QVERIFY(!page.connectButton()->isEnabled());
    page.setSync(g.sync.get());
    QVERIFY(page.connectButton()->isEnabled());
    QVERIFY2(page.shownCounty().contains(QStringLiteral("Not connected")), qPrintable(page.shownCounty()));
    QSignalSpy enrolled(g.sync.get(), &SyncController::enrolled);
    g.sync->start();
    EnrolDialog* dialog = page.connectToCounty();
    QVERIFY(dialog);
    dialog->serverField()->setText(QStringLiteral("https://county.test"));
    dialog->codeField()->setText(QStringLiteral(" ENROL-123 "));
    QVERIFY(dialog->connectNow());
    // The request is on its way: the window is not held up, the button waits.
    QVERIFY(!dialog->connectButton()->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(enrolled.size(), 1, 10000);
    QVERIFY2(dialog->shownMessage().contains(QStringLiteral("测试站")), qPrintable(dialog->shownMessage()));
    QVERIFY(dialog->succeeded());
    QVERIFY(dialog->isVisible());
    // After enrolment the status follows (the worker publishes it, then syncs).
    QTRY_VERIFY_WITH_TIMEOUT(g.sync->status().enrolled, 10000);
    QTRY_VERIFY2(page.shownCounty().contains(QStringLiteral("county-station-7")),
                 qPrintable(page.shownCounty()));
    QVERIFY(page.shownCounty().contains(QStringLiteral("https://county.test")));
    dialog->close();
}

void TestSyncUi::scannedInviteFillsServerAndCode() {
    SyncGui g(false);
    SettingsPage page(*g.f.station->ctx);
    page.setSync(g.sync.get());
    EnrolDialog* dialog = page.connectToCounty();
    QVERIFY(dialog);
    // What the scanner types from the QR code `cunzhan-county station add --qr` printed.
    dialog->codeField()->setText(sync::encodeInvite(
        {QStringLiteral("https://county.example.cn:8443"), QStringLiteral("7P2W-8KXF-6F")}));
    QCOMPARE(dialog->serverField()->text(), QStringLiteral("https://county.example.cn:8443"));
    QCOMPARE(dialog->codeField()->text(), QStringLiteral("7P2W-8KXF-6F"));
    // A plain code is left alone.
    dialog->codeField()->setText(QStringLiteral("K7QM-2XPD"));
    QCOMPARE(dialog->serverField()->text(), QStringLiteral("https://county.example.cn:8443"));
    dialog->close();
}

void TestSyncUi::enrolFailureStaysInPlace() {
    SyncGui g(false);
    SettingsPage page(*g.f.station->ctx);
    page.setSync(g.sync.get());
    QSignalSpy failed(g.sync.get(), &SyncController::enrollFailed);
    g.sync->start();
    EnrolDialog* dialog = page.connectToCounty();
    QVERIFY(dialog);
    // Refused here: nothing to send.
    QVERIFY(!dialog->connectNow());
    QVERIFY(!dialog->shownMessage().isEmpty());
    dialog->serverField()->setText(QStringLiteral("https://county.test"));
    dialog->codeField()->setText(QStringLiteral("WRONG-1"));
    // A CA file that is not a certificate is refused before anything is sent.
    QTemporaryFile notPem;
    QVERIFY(notPem.open());
    notPem.write("hello");
    notPem.flush();
    Messages::setNextFileName(notPem.fileName());
    dialog->chooseCaFile();
    QCOMPARE(dialog->caField()->text(), notPem.fileName());
    QVERIFY(!dialog->connectNow());
    QVERIFY2(dialog->shownMessage().contains(QStringLiteral("PEM")), qPrintable(dialog->shownMessage()));
    dialog->caField()->clear();
    QVERIFY(dialog->connectNow());
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
    QVERIFY2(dialog->shownMessage().contains(QStringLiteral("enrolment code")),
             qPrintable(dialog->shownMessage()));
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->succeeded());
    QVERIFY(dialog->connectButton()->isEnabled()); // try again
    QVERIFY(!g.sync->status().enrolled);
    QVERIFY(Messages::shown().size() == 1); // only the file chooser's title: no message box
    dialog->close();
}

QTEST_MAIN(TestSyncUi)
#include "tst_syncui.moc"
