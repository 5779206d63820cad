#include "mainwindow.h"

#include "camerascanner.h"
#include "cups.h"
#include "handoverpage.h"
#include "overduepage.h"
#include "parcelspage.h"
#include "pickuppage.h"
#include "printservice.h"
#include "receivepage.h"
#include "sendpage.h"
#include "settingspage.h"
#include "shelvespage.h"
#include "station.h"
#include "style.h"
#include "synccontroller.h"
#include "syncstatuswidget.h"

#include <QAction>
#include <QCameraDevice>
#include <QLabel>
#include <QMediaDevices>
#include <QPushButton>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolButton>

namespace cz::ui {

MainWindow::MainWindow(Station& station, ScanFilter::Clock scanClock, PrintService* printing, QWidget* parent)
    : QMainWindow(parent)
    , m_station(station)
    , m_printing(printing ? printing
                          : new PrintService(std::make_unique<print::CupsBackend>(),
                                             PrintService::spoolDirFor(station.database().path()), this))
    , m_scanner(new ScanFilter(this, std::move(scanClock)))
    , m_tabs(new QTabWidget(this))
    , m_receive(new ReceivePage(station, m_tabs))
    , m_pickup(new PickupPage(station, m_tabs))
    , m_parcels(new ParcelsPage(station, m_tabs))
    , m_shelves(new ShelvesPage(station, m_tabs))
    , m_overdue(new OverduePage(station, m_tabs))
    , m_send(new SendPage(station, m_printing, m_tabs))
    , m_handover(new HandoverPage(station, m_printing, m_tabs))
    , m_settings(new SettingsPage(station, m_tabs))
    , m_stationLabel(new QLabel(this))
    , m_retryPrint(new QPushButton(this))
    , m_mediaDevices(new QMediaDevices(this))
    , m_cameraAction(new QAction(tr("Scan with &camera"), this))
    , m_cameraButton(new QToolButton(this)) {
    setMinimumSize(800, 600);
    resize(1024, 768);
    // The function keys follow the tab order; the settings, used least, stay last.
    const QList<Page*> pages = {m_receive, m_pickup, m_parcels,  m_shelves,
                                m_overdue, m_send,   m_handover, m_settings};
    m_receive->setPrintService(m_printing);
    m_settings->setPrintService(m_printing);
    for (int i = 0; i < pages.size(); ++i) {
        //: Tab title: the page name and its function key, e.g. "Receive (F1)"
        m_tabs->addTab(pages[i], tr("%1 (F%2)").arg(pages[i]->title()).arg(i + 1));
        auto* action = new QAction(this);
        action->setShortcut(QKeySequence(static_cast<int>(Qt::Key_F1) + i));
        action->setShortcutContext(Qt::ApplicationShortcut);
        connect(action, &QAction::triggered, this, [this, i] { showPage(i); });
        addAction(action);
    }
    m_tabs->setDocumentMode(true);
    setCentralWidget(m_tabs);
    statusBar()->addWidget(m_stationLabel, 1);
    statusBar()->addPermanentWidget(m_retryPrint);
    connect(m_retryPrint, &QPushButton::clicked, this, [this] { (void)m_printing->retry(); });
    // Printing runs on its own thread: a failed retry is reported when it comes back.
    connect(m_printing, &PrintService::failed, this, [this](int request, const QString& message, int) {
        if (request == m_printing->lastRetryRequest())
            statusBar()->showMessage(message, 10000);
    });
    connect(m_printing, &PrintService::pendingChanged, this, &MainWindow::updatePrintQueue);
    updatePrintQueue(m_printing->pendingCount());

    // F9, next to the pages' F1..F8: Ctrl+K, the usual choice, is QLineEdit's "delete to end of line" on
    // Linux and would never reach the window while a page's field has the focus.
    m_cameraAction->setShortcut(QKeySequence(Qt::Key_F9));
    m_cameraAction->setShortcutContext(Qt::WindowShortcut);
    m_cameraAction->setToolTip(tr("Scan a barcode with the camera (F9)"));
    connect(m_cameraAction, &QAction::triggered, this, &MainWindow::scanWithCamera);
    addAction(m_cameraAction);
    m_cameraButton->setDefaultAction(m_cameraAction);
    m_cameraButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    statusBar()->addPermanentWidget(m_cameraButton);
    connect(m_mediaDevices, &QMediaDevices::videoInputsChanged, this, &MainWindow::updateCameraAction);
    updateCameraAction();

    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int) {
        if (Page* page = currentPage())
            page->activate();
    });
    connect(m_scanner, &ScanFilter::scanned, this, &MainWindow::handleScan);
    connect(&m_station, &Station::changed, this, &MainWindow::updateStatus);
    m_scanner->install();
    updateStatus();
    m_receive->activate();
}

Page* MainWindow::currentPage() const {
    return qobject_cast<Page*>(m_tabs->currentWidget());
}

void MainWindow::showPage(int index) {
    if (index == m_tabs->currentIndex()) {
        if (Page* page = currentPage())
            page->activate();
        return;
    }
    m_tabs->setCurrentIndex(index);
}

void MainWindow::handleScan(const QString& code) {
    if (Page* page = currentPage())
        page->handleScan(code);
}

void MainWindow::handleCameraScan(const QString& code) {
    // The camera window had the focus: give it back to the page that takes the scan.
    activateWindow();
    handleScan(code);
}

void MainWindow::scanWithCamera() {
    if (m_cameraScanner) {
        m_cameraScanner->raise();
        m_cameraScanner->activateWindow();
        return;
    }
    // The action is hidden without a camera, but one may be unplugged between the signal and the key.
    if (QMediaDevices::videoInputs().isEmpty()) {
        updateCameraAction();
        statusBar()->showMessage(tr("No camera is connected."), 10000);
        return;
    }
    m_cameraScanner = new CameraScanner(QMediaDevices::defaultVideoInput(), this);
    m_cameraScanner->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_cameraScanner, &CameraScanner::scanned, this, &MainWindow::handleCameraScan);
    m_cameraScanner->show();
}

void MainWindow::attachSync(SyncController* sync) {
    if (m_sync || !sync)
        return;
    m_sync = sync;
    m_syncStatus = new SyncStatusWidget(this);
    statusBar()->insertPermanentWidget(0, m_syncStatus);
    // On the window too: the shortcut works whichever page has the focus.
    addAction(m_syncStatus->syncNowAction());
    auto show = [this] { m_syncStatus->setStatus(m_sync->status(), m_sync->revoked()); };
    connect(m_sync, &SyncController::statusChanged, m_syncStatus, show);
    connect(m_sync, &SyncController::progress, m_syncStatus, &SyncStatusWidget::setProgress);
    connect(m_sync, &SyncController::syncFinished, m_syncStatus, [this](bool ok, const QString& message) {
        m_syncStatus->setFinished();
        // Asked for by the clerk: say how it went; the indicator's tooltip keeps the error.
        if (m_syncNowAsked) {
            m_syncNowAsked = false;
            statusBar()->showMessage(ok ? tr("Synced with the county.") : message, 10000);
        }
    });
    connect(m_syncStatus, &SyncStatusWidget::syncNowRequested, this, [this] {
        m_syncNowAsked = true;
        statusBar()->showMessage(tr("Syncing with the county…"), 10000);
        m_sync->syncNow();
    });
    m_settings->setSync(m_sync);
    show();
}

void MainWindow::updateCameraAction() {
    const bool available = !QMediaDevices::videoInputs().isEmpty();
    // A QToolButton does not follow its action's visibility; the hidden action also drops its shortcut.
    m_cameraAction->setVisible(available);
    m_cameraButton->setVisible(available);
    if (!available && m_cameraScanner)
        m_cameraScanner->close();
}

void MainWindow::updateStatus() {
    const QString name = m_station.settings().stationName;
    setWindowTitle(tr("Cunzhan — %1").arg(name));
    m_stationLabel->setText(tr("Station: %1").arg(name));
}

void MainWindow::updatePrintQueue(int waiting) {
    m_retryPrint->setText(tr("Retr&y printing (%n waiting)", nullptr, waiting));
    m_retryPrint->setVisible(waiting > 0);
}

} // namespace cz::ui
