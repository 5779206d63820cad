// The station's settings: name, holding and fees, undo window, shelf layout and language.
#pragma once

#include "page.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace cz {
class Station;
}

namespace cz::ui {

class SettingsPage : public Page {
    Q_OBJECT
public:
    explicit SettingsPage(Station& station, QWidget* parent = nullptr);

    [[nodiscard]] QString title() const override { return tr("Settin&gs"); }
    void handleScan(const QString&) override {}
    void activate() override;

    // Writes every changed value; stops at the first the station refuses.
    void save();
    void load();

    [[nodiscard]] QDoubleSpinBox* feeBox() const { return m_fee; }
    [[nodiscard]] QLineEdit* nameField() const { return m_name; }
    [[nodiscard]] QComboBox* languageBox() const { return m_language; }
    [[nodiscard]] QString shownMessage() const;

private:
    Station& m_station;
    QLineEdit* m_name;
    QSpinBox* m_freeDays;
    QDoubleSpinBox* m_fee;
    QSpinBox* m_undo;
    QSpinBox* m_unclaimed;
    QLineEdit* m_shelves;
    QComboBox* m_language;
    QPushButton* m_save;
    QPushButton* m_revert;
    QLabel* m_message;
};

} // namespace cz::ui
