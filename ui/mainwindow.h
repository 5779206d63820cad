// The terminal's main window: the pages as tabs (F1..F6, in tab order), the scanner routed to the current
// page, the station's name and state in the status bar.
#pragma once

#include "scanfilter.h"

#include <QMainWindow>

class QLabel;
class QTabWidget;

namespace cz {
class Station;
}

namespace cz::ui {

class OverduePage;
class Page;
class ParcelsPage;
class PickupPage;
class ReceivePage;
class SettingsPage;
class ShelvesPage;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // The scanner filter is installed on the application for the window's lifetime; clock as in ScanFilter.
    explicit MainWindow(Station& station, ScanFilter::Clock scanClock = {}, QWidget* parent = nullptr);

    void showPage(int index);
    void handleScan(const QString& code);

    [[nodiscard]] ScanFilter* scanFilter() const { return m_scanner; }
    [[nodiscard]] Page* currentPage() const;
    [[nodiscard]] ReceivePage* receivePage() const { return m_receive; }
    [[nodiscard]] PickupPage* pickupPage() const { return m_pickup; }
    [[nodiscard]] ParcelsPage* parcelsPage() const { return m_parcels; }
    [[nodiscard]] ShelvesPage* shelvesPage() const { return m_shelves; }
    [[nodiscard]] OverduePage* overduePage() const { return m_overdue; }
    [[nodiscard]] SettingsPage* settingsPage() const { return m_settings; }

private:
    void updateStatus();

    Station& m_station;
    ScanFilter* m_scanner;
    QTabWidget* m_tabs;
    ReceivePage* m_receive;
    PickupPage* m_pickup;
    ParcelsPage* m_parcels;
    ShelvesPage* m_shelves;
    OverduePage* m_overdue;
    SettingsPage* m_settings;
    QLabel* m_stationLabel;
};

} // namespace cz::ui
