// The station's settings: name, holding and fees, undo window, shelf layout and language; and this
// terminal's printer for each kind of paper (kept in QSettings, see printservice.h); the county
// centre this station syncs with, and "Connect to county…" (enroldialog.h).
#pragma once

#include "context.h"
#include "page.h"
#include "setup.h"

#include <QPointer>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QGroupBox;
class QPushButton;
class QSpinBox;

namespace cz {
class StationContext;
}

namespace cz::ui {

class EnrolDialog;
class PrintService;
class SyncController;

class SettingsPage : public Page {
    Q_OBJECT
public:
    explicit SettingsPage(StationContext& station, QWidget* parent = nullptr);

    [[nodiscard]] QString title() const override { return tr("Settin&gs"); }
    void handleScan(const QString&) override {}
    void activate() override;

    // Writes every changed value; stops at the first the station refuses.
    void save();
    void load();
    // Fills the printer choices from the print system (CUPS).
    void setPrintService(PrintService* printing);
    void loadPrinters();
    // The county connection shown and offered here; null (tests, no sync): the button is disabled.
    void setSync(SyncController* sync);
    // Opens the enrolment dialog (window-modal, not blocking); returns it.
    EnrolDialog* connectToCounty();

    [[nodiscard]] QDoubleSpinBox* feeBox() const { return m_fee; }
    [[nodiscard]] QSpinBox* lockAfterBox() const { return m_lockAfter; }
    [[nodiscard]] QLineEdit* nameField() const { return m_name; }
    [[nodiscard]] QComboBox* languageBox() const { return m_language; }
    [[nodiscard]] QComboBox* slipPrinterBox() const { return m_printers[0]; }
    [[nodiscard]] QComboBox* labelPrinterBox() const { return m_printers[1]; }
    [[nodiscard]] QComboBox* a4PrinterBox() const { return m_printers[2]; }
    [[nodiscard]] QString shownMessage() const;
    [[nodiscard]] QString shownCounty() const;
    [[nodiscard]] QPushButton* connectButton() const { return m_connect; }

private:
    StationContext& m_station;
    StationSetup m_setup;
    QLineEdit* m_name;
    QSpinBox* m_freeDays;
    QDoubleSpinBox* m_fee;
    QSpinBox* m_undo;
    QSpinBox* m_lockAfter; // the terminal's idle lock (owner only, like every setting)
    QSpinBox* m_unclaimed;
    QLineEdit* m_shelves;
    QComboBox* m_language;
    QComboBox* m_printers[3]; // slip, label, A4 (the order of Paper)
    PrintService* m_printing = nullptr;
    QPushButton* m_save;
    QPushButton* m_revert;
    QLabel* m_message;
    QLabel* m_county;
    QPushButton* m_connect;
    SyncController* m_sync = nullptr;
    QPointer<EnrolDialog> m_enrolDialog;

    void updateCounty();
};

} // namespace cz::ui
