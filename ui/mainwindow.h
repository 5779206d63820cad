// The terminal's main window. Down the left: the station's name, the pages in a rail with their groups
// (NavRail; F1..F8 in rail order, then F10..F12 (F9 is the camera), Alt+the page's letter unless the current
// page uses that letter itself, Ctrl+PgUp/PgDn for the previous/next page), "Scan with camera" (F9) when a
// camera exists and the print queue's "Retry printing" when jobs wait. The scanner is routed to the current
// page. The status bar holds the sync indicator and "Sync now" (Ctrl+Shift+S) once sync is attached.
// Once the station has an owner, the window starts locked: the login panel (loginpanel.h) takes the place
// of the pages until someone logs in; the person logged in is shown above the rail with "Switch user" and
// "Lock", and the window locks itself after the station's lock_after_min without a key or a click. While
// locked, scans only look parcels up.
#pragma once

#include "scanfilter.h"

#include <QMainWindow>
#include <QPointer>

class QAction;
class QLabel;
class QMediaDevices;
class QPushButton;
class QStackedWidget;
class QToolButton;

namespace cz {
class StationContext;
}

namespace cz::ui {

class CameraScanner;
class HandoverPage;
class LoginPanel;
class NavRail;
class OrderPage;
class OrdersPage;
class OverduePage;
class Page;
class ParcelsPage;
class PickupPage;
class PrintService;
class ReceivePage;
class SendPage;
class SettingsPage;
class ShelvesPage;
class SyncController;
class SyncStatusWidget;
class VillagersPage;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // The scanner filter is installed on the application for the window's lifetime; clock as in ScanFilter.
    // printing null: a PrintService on CUPS, spooled beside the station database.
    explicit MainWindow(StationContext& station, ScanFilter::Clock scanClock = {},
                        PrintService* printing = nullptr, QWidget* parent = nullptr);

    // Shows the page (0 = Receive … in rail order) and puts the focus where the clerk starts on it.
    void showPage(int index);
    [[nodiscard]] int pageCount() const;
    void handleScan(const QString& code);
    // A code from the camera window: routed exactly like a keyboard-wedge scan.
    void handleCameraScan(const QString& code);
    // Opens the camera window (or raises the one already open).
    void scanWithCamera();
    // Shows the sync indicator and offers the county connection in Settings. sync must outlive the
    // window (main() creates it first); without a call the window runs without sync (tests).
    void attachSync(SyncController* sync);

    // Logs the person out and shows the login panel: Lock keeps them chosen (the same person returns
    // with the PIN), Switch user chooses no one. Does nothing while nobody can log in (no owner yet).
    void lock(bool switchUser = false);
    [[nodiscard]] bool isLocked() const;
    // Locks when the terminal has been idle (no key, click or scan) for the station's lock_after_min,
    // on the station's clock; a timer calls it, tests call it after moving the clock.
    void checkIdle();
    // After staff changed outside the window (the first owner created): lock or unlock to match.
    void refreshSession();
    [[nodiscard]] LoginPanel* loginPanel() const { return m_login; }
    [[nodiscard]] QLabel* userLabel() const { return m_userLabel; }
    [[nodiscard]] QPushButton* switchUserButton() const { return m_switchUser; }
    [[nodiscard]] QPushButton* lockButton() const { return m_lockButton; }

    [[nodiscard]] ScanFilter* scanFilter() const { return m_scanner; }
    [[nodiscard]] Page* currentPage() const;
    [[nodiscard]] Page* page(int index) const;
    [[nodiscard]] NavRail* navRail() const { return m_nav; }
    [[nodiscard]] ReceivePage* receivePage() const { return m_receive; }
    [[nodiscard]] PickupPage* pickupPage() const { return m_pickup; }
    [[nodiscard]] ParcelsPage* parcelsPage() const { return m_parcels; }
    [[nodiscard]] ShelvesPage* shelvesPage() const { return m_shelves; }
    [[nodiscard]] OverduePage* overduePage() const { return m_overdue; }
    [[nodiscard]] SendPage* sendPage() const { return m_send; }
    [[nodiscard]] HandoverPage* handoverPage() const { return m_handover; }
    [[nodiscard]] SettingsPage* settingsPage() const { return m_settings; }
    [[nodiscard]] OrderPage* orderPage() const { return m_order; }
    [[nodiscard]] VillagersPage* villagersPage() const { return m_villagers; }
    [[nodiscard]] OrdersPage* ordersPage() const { return m_orders; }
    [[nodiscard]] PrintService* printService() const { return m_printing; }
    // Visible only while QMediaDevices lists a camera.
    [[nodiscard]] QAction* cameraAction() const { return m_cameraAction; }
    // Null until attachSync().
    [[nodiscard]] SyncStatusWidget* syncStatus() const { return m_syncStatus; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showLocked(bool locked);
    void addPageActions(int index, const QString& title);
    void updatePageLetters();
    void updateStatus();
    void updatePrintQueue(int waiting);
    void updateCameraAction();

    StationContext& m_station;
    PrintService* m_printing;
    ScanFilter* m_scanner;
    NavRail* m_nav;
    QStackedWidget* m_stack;
    QList<QAction*> m_pageLetters; // Alt+letter of each page, in page order
    ReceivePage* m_receive;
    PickupPage* m_pickup;
    ParcelsPage* m_parcels;
    ShelvesPage* m_shelves;
    OverduePage* m_overdue;
    SendPage* m_send;
    HandoverPage* m_handover;
    SettingsPage* m_settings;
    OrderPage* m_order;
    VillagersPage* m_villagers;
    OrdersPage* m_orders;
    QLabel* m_stationLabel;
    QPushButton* m_retryPrint;
    QMediaDevices* m_mediaDevices;
    QAction* m_cameraAction;
    QToolButton* m_cameraButton;
    QPointer<CameraScanner> m_cameraScanner;
    SyncController* m_sync = nullptr;
    SyncStatusWidget* m_syncStatus = nullptr;
    bool m_syncNowAsked = false;
    QStackedWidget* m_screens; // the pages, or the login panel while locked
    LoginPanel* m_login;
    QLabel* m_userLabel;
    QPushButton* m_switchUser;
    QPushButton* m_lockButton;
    qint64 m_lastActivity = 0; // station clock
};

} // namespace cz::ui
