#include "mainwindow.h"

#include "camerascanner.h"
#include "context.h"
#include "cups.h"
#include "handoverpage.h"
#include "loginpanel.h"
#include "navrail.h"
#include "orderpage.h"
#include "orderspage.h"
#include "overduepage.h"
#include "parcelspage.h"
#include "pickuppage.h"
#include "printservice.h"
#include "receivepage.h"
#include "sendpage.h"
#include "settingspage.h"
#include "shelvespage.h"
#include "style.h"
#include "synccontroller.h"
#include "syncstatuswidget.h"
#include "villagerspage.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCameraDevice>
#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMediaDevices>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolButton>

namespace cz::ui {

namespace {
// The Alt+letters a page's own buttons, labelled fields and group boxes answer to (hidden ones too:
// they may show up later).
QList<QKeySequence> mnemonicsOf(const QWidget* page) {
    QList<QKeySequence> keys;
    for (const QWidget* w : page->findChildren<QWidget*>()) {
        QString text;
        if (const auto* button = qobject_cast<const QAbstractButton*>(w))
            text = button->text();
        else if (const auto* label = qobject_cast<const QLabel*>(w); label && label->buddy())
            text = label->text();
        else if (const auto* box = qobject_cast<const QGroupBox*>(w))
            text = box->title();
        if (const QKeySequence key = QKeySequence::mnemonic(text); !key.isEmpty())
            keys << key;
    }
    return keys;
}
} // namespace

MainWindow::MainWindow(StationContext& station, ScanFilter::Clock scanClock, PrintService* printing,
                       QWidget* parent)
    : QMainWindow(parent)
    , m_station(station)
    , m_printing(printing ? printing
                          : new PrintService(std::make_unique<print::CupsBackend>(),
                                             PrintService::spoolDirFor(station.database().path()), this))
    , m_scanner(new ScanFilter(this, std::move(scanClock)))
    , m_nav(new NavRail(this))
    , m_stack(new QStackedWidget(this))
    , m_receive(new ReceivePage(station, m_stack))
    , m_pickup(new PickupPage(station, m_stack))
    , m_parcels(new ParcelsPage(station, m_stack))
    , m_shelves(new ShelvesPage(station, m_stack))
    , m_overdue(new OverduePage(station, m_stack))
    , m_send(new SendPage(station, m_printing, m_stack))
    , m_handover(new HandoverPage(station, m_printing, m_stack))
    , m_settings(new SettingsPage(station, m_stack))
    , m_order(new OrderPage(station, m_printing, m_stack))
    , m_villagers(new VillagersPage(station, m_printing, m_stack))
    , m_orders(new OrdersPage(station, m_printing, m_stack))
    , m_stationLabel(new QLabel(this))
    , m_retryPrint(new QPushButton(this))
    , m_mediaDevices(new QMediaDevices(this))
    , m_cameraAction(new QAction(tr("Scan with &camera"), this))
    , m_cameraButton(new QToolButton(this)) {
    setMinimumSize(800, 600);
    resize(1024, 768);
    m_receive->setPrintService(m_printing);
    m_settings->setPrintService(m_printing);
    // Groups by what the clerk is doing; the areas still to come (orders, consignment, cash book,
    // reports) join them or add a group, and the rail scrolls rather than hiding any. The function
    // keys follow the rail's order and stay with the busiest pages; the settings, used least, stay last.
    const QList<std::pair<QString, QList<Page*>>> groups = {
        {tr("Parcels"), {m_receive, m_pickup, m_parcels, m_shelves, m_overdue}},
        {tr("Sending"), {m_send, m_handover}},
        {tr("Station"), {m_settings}},
        // Appended so F1..F8 keep their pages; these take F10..F12 (F9 is the camera).
        {tr("Proxy buying"), {m_order, m_villagers, m_orders}},
    };
    for (const auto& [group, pages] : groups) {
        m_nav->addGroup(group);
        for (Page* p : pages) {
            const int index = m_stack->addWidget(p);
            addPageActions(index, p->title());
        }
    }
    m_nav->setFocusPolicy(Qt::TabFocus); // a click shows the page and leaves the focus in it
    // The left column: which station, where to go, and the window's own actions. In the large type a
    // status bar at 1024 pixels has room for the sync indicator only.
    QFont bold = m_stationLabel->font();
    bold.setBold(true);
    m_stationLabel->setFont(bold);
    m_stationLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // elided to the rail
    m_cameraButton->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_stationLabel->setIndent(4);
    // Who is logged in, and the two ways to hand the counter over.
    m_userLabel = new QLabel(this);
    m_userLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_userLabel->setIndent(4);
    m_switchUser = new QPushButton(tr("S&witch user"), this);
    m_lockButton = new QPushButton(tr("Loc&k"), this);
    auto* sessionButtons = new QHBoxLayout;
    sessionButtons->addWidget(m_switchUser);
    sessionButtons->addWidget(m_lockButton);
    auto* side = new QVBoxLayout;
    side->setContentsMargins(4, 4, 0, 0);
    side->addWidget(m_stationLabel);
    side->addWidget(m_userLabel);
    side->addLayout(sessionButtons);
    side->addWidget(m_nav, 1);
    side->addWidget(m_cameraButton);
    side->addWidget(m_retryPrint);
    auto* central = new QWidget(this);
    auto* row = new QHBoxLayout(central);
    row->setContentsMargins(0, 0, 0, 0);
    row->addLayout(side);
    m_screens = new QStackedWidget(this);
    m_login = new LoginPanel(station, m_screens);
    m_screens->addWidget(m_stack);
    m_screens->addWidget(m_login);
    row->addWidget(m_screens, 1);
    setCentralWidget(central);
    connect(m_login, &LoginPanel::loggedIn, this, [this] { showLocked(false); });
    connect(m_switchUser, &QPushButton::clicked, this, [this] { lock(true); });
    connect(m_lockButton, &QPushButton::clicked, this, [this] { lock(false); });
    // Anything the clerk does keeps the terminal open; checkIdle() locks it after the setting's minutes.
    qApp->installEventFilter(this);
    m_lastActivity = m_station.now();
    auto* idleTimer = new QTimer(this);
    idleTimer->start(15000);
    connect(idleTimer, &QTimer::timeout, this, &MainWindow::checkIdle);
    connect(m_nav, &NavRail::pageChosen, this, [this](int index) {
        // Browsing the rail with the arrow keys keeps the focus there; Enter goes into the page.
        const bool browsing = m_nav->hasFocus();
        showPage(index);
        if (browsing)
            m_nav->setFocus();
    });
    connect(m_nav, &QListWidget::activated, this, [this] { showPage(m_nav->currentPage()); });
    for (const auto& [key, step] : {std::pair{Qt::Key_PageUp, -1}, std::pair{Qt::Key_PageDown, 1}}) {
        auto* action = new QAction(this);
        action->setShortcut(QKeySequence(QKeyCombination(Qt::ControlModifier, key)));
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, [this, step = step] {
            showPage((m_stack->currentIndex() + step + pageCount()) % pageCount());
        });
        addAction(action);
    }
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
    connect(m_mediaDevices, &QMediaDevices::videoInputsChanged, this, &MainWindow::updateCameraAction);
    updateCameraAction();

    connect(m_stack, &QStackedWidget::currentChanged, this, [this](int index) {
        m_nav->setCurrentPage(index);
        updatePageLetters();
        if (Page* page = currentPage())
            page->activate();
    });
    connect(m_scanner, &ScanFilter::scanned, this, &MainWindow::handleScan);
    connect(&m_station, &StationContext::changed, this, &MainWindow::updateStatus);
    m_scanner->install();
    updateStatus();
    m_nav->setCurrentPage(0);
    updatePageLetters();
    m_receive->activate();
    refreshSession();
}

bool MainWindow::isLocked() const {
    return m_screens->currentWidget() == m_login;
}

void MainWindow::refreshSession() {
    // Nobody can log in before the station has an owner: it works as "station", as before staff.
    showLocked(m_station.ownerExists() && !m_station.user());
}

void MainWindow::lock(bool switchUser) {
    if (!m_station.ownerExists())
        return;
    const QString last = m_station.user() ? m_station.user()->name : QString();
    m_station.logout();
    m_login->reset(switchUser ? QString() : last);
    showLocked(true);
}

void MainWindow::checkIdle() {
    if (isLocked() || !m_station.user())
        return;
    const qint64 idleMs = qint64(m_station.settings().lockAfterMin) * 60000;
    if (m_station.now() - m_lastActivity >= idleMs)
        lock(false);
}

void MainWindow::showLocked(bool locked) {
    const auto& user = m_station.user();
    m_userLabel->setVisible(m_station.ownerExists());
    m_switchUser->setVisible(m_station.ownerExists() && !locked);
    m_lockButton->setVisible(m_station.ownerExists() && !locked);
    m_nav->setEnabled(!locked);
    if (user) {
        //: Above the rail: who is logged in and their role, e.g. "王芳 · keeper"
        const QString text = tr("%1 · %2").arg(user->name, roleLabel(user->role));
        m_userLabel->setText(
            m_userLabel->fontMetrics().elidedText(text, Qt::ElideRight, m_nav->sizeHint().width()));
        m_userLabel->setToolTip(tr("Logged in: %1").arg(text));
    } else {
        m_userLabel->setText(tr("Locked"));
        m_userLabel->setToolTip({});
    }
    if (locked == isLocked())
        return;
    m_screens->setCurrentWidget(locked ? static_cast<QWidget*>(m_login) : m_stack);
    // The pages' Alt+letters would clash with the login panel's own.
    if (locked) {
        for (QAction* letter : std::as_const(m_pageLetters))
            letter->setEnabled(false);
    } else {
        updatePageLetters();
    }
    if (locked) {
        if (m_login->userBox()->currentIndex() < 0 && m_login->userBox()->count() == 0)
            m_login->reset();
    } else {
        m_lastActivity = m_station.now();
        if (Page* page = currentPage())
            page->activate();
    }
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::Wheel:
        m_lastActivity = m_station.now();
        break;
    default:
        break;
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::addPageActions(int index, const QString& title) {
    // F1..F8 in rail order, then F10..F12: F9 is the camera's. Pages beyond have the rail and Alt only.
    const int fkeyNumber = index < 8 ? index + 1 : index + 2;
    QStringList keys;
    if (fkeyNumber <= 12) {
        // Application-wide, as before: F-keys also work while the camera window has the focus.
        const QKeySequence fkey(static_cast<int>(Qt::Key_F1) + fkeyNumber - 1);
        auto* fkeyAction = new QAction(this);
        fkeyAction->setShortcut(fkey);
        fkeyAction->setShortcutContext(Qt::ApplicationShortcut);
        connect(fkeyAction, &QAction::triggered, this, [this, index] { showPage(index); });
        addAction(fkeyAction);
        keys << fkey.toString(QKeySequence::NativeText);
    }
    // The page title's mnemonic, as a tab bar offered it.
    const QKeySequence mnemonic = QKeySequence::mnemonic(title);
    auto* altAction = new QAction(this);
    altAction->setShortcut(mnemonic);
    altAction->setShortcutContext(Qt::WindowShortcut);
    connect(altAction, &QAction::triggered, this, [this, index] { showPage(index); });
    addAction(altAction);
    m_pageLetters.append(altAction);
    if (!mnemonic.isEmpty())
        keys << mnemonic.toString(QKeySequence::NativeText);
    //: Rail entry: the page name and its function key, e.g. "Receive (F1)"
    m_nav->addPage(fkeyNumber <= 12 ? tr("%1 (F%2)").arg(title).arg(fkeyNumber) : title,
                   keys.join(QStringLiteral(" · ")));
}

Page* MainWindow::currentPage() const {
    return qobject_cast<Page*>(m_stack->currentWidget());
}

Page* MainWindow::page(int index) const {
    return qobject_cast<Page*>(m_stack->widget(index));
}

int MainWindow::pageCount() const {
    return m_stack->count();
}

void MainWindow::showPage(int index) {
    if (index < 0 || index >= m_stack->count() || isLocked())
        return;
    if (index == m_stack->currentIndex()) {
        if (Page* page = currentPage())
            page->activate();
        return;
    }
    m_stack->setCurrentIndex(index); // currentChanged → the rail follows, the page is activated
}

void MainWindow::handleScan(const QString& code) {
    if (isLocked()) {
        m_login->lookUp(code); // lookups only: nothing is changed until someone logs in
        return;
    }
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

void MainWindow::updatePageLetters() {
    // Two shortcuts on one key make Qt do neither (it only reports the ambiguity): where the current
    // page has a control on a page's letter (Settings' "&Save" and Shelves' "&Shelves"), the control
    // in front of the clerk wins, even while it is disabled (one rule, whatever the page's state), and
    // that page is reached by its F-key or the rail.
    const QList<QKeySequence> taken = currentPage() ? mnemonicsOf(currentPage()) : QList<QKeySequence>();
    for (QAction* letter : std::as_const(m_pageLetters))
        letter->setEnabled(!letter->shortcut().isEmpty() && !taken.contains(letter->shortcut()));
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
    // Up to 40 characters: shown as far as the rail is wide, whole in the tooltip and the title.
    m_stationLabel->setText(
        m_stationLabel->fontMetrics().elidedText(name, Qt::ElideRight, m_nav->sizeHint().width()));
    m_stationLabel->setToolTip(tr("Station: %1").arg(name));
}

void MainWindow::updatePrintQueue(int waiting) {
    m_retryPrint->setText(tr("Retr&y printing (%n waiting)", nullptr, waiting));
    m_retryPrint->setVisible(waiting > 0);
}

} // namespace cz::ui
