// First run: the station has no name and no shelves yet. Asks for both and initialises it.
#pragma once

#include "context.h"
#include "setup.h"
#include <QDialog>

class QLabel;
class QLineEdit;

namespace cz {
class StationContext;
}

namespace cz::ui {

class SetupDialog : public QDialog {
    Q_OBJECT
public:
    explicit SetupDialog(StationContext& station, QWidget* parent = nullptr);

    [[nodiscard]] QLineEdit* nameField() const { return m_name; }
    [[nodiscard]] QLineEdit* shelvesField() const { return m_shelves; }
    [[nodiscard]] QString shownMessage() const;

    // Initialises the station; closes the dialog when that worked, else shows why not.
    void accept() override;

private:
    StationContext& m_station;
    StationSetup m_setup;
    QLineEdit* m_name;
    QLineEdit* m_shelves;
    QLabel* m_message;
};

} // namespace cz::ui
