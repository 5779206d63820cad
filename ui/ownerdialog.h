// The first start of a station without staff: create the owner (站长) — a name and a 6-digit PIN typed
// twice — or skip for now (the station keeps working as "station", as before staff existed). After
// creating, the owner is logged in and the recovery code is shown once, to print on the slip printer
// or write down: it is the only way back in when the owner's PIN is forgotten.
#pragma once

#include "staff.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace cz::ui {

class PrintService;

class OwnerDialog : public QDialog {
    Q_OBJECT
public:
    // printing may be null (no "Print" then).
    OwnerDialog(StationContext& station, PrintService* printing, QWidget* parent = nullptr);

    // Creates the owner from the fields and logs them in; on success shows the recovery code.
    bool createOwner();
    // Prints the recovery code as a slip; the print job's id, or -1.
    int printCode();

    [[nodiscard]] QLineEdit* nameField() const { return m_name; }
    [[nodiscard]] QLineEdit* pinField() const { return m_pin; }
    [[nodiscard]] QLineEdit* pinAgainField() const { return m_pinAgain; }
    [[nodiscard]] QPushButton* createButton() const { return m_create; }
    [[nodiscard]] QPushButton* skipButton() const { return m_skip; }
    [[nodiscard]] QPushButton* printButton() const { return m_print; }
    [[nodiscard]] QString shownMessage() const;
    // Empty until the owner is created.
    [[nodiscard]] QString recoveryCode() const { return m_code; }
    [[nodiscard]] QString shownCode() const;
    [[nodiscard]] bool showsCode() const;

private:
    StationContext& m_station;
    Staff m_staff;
    PrintService* m_printing;
    QStackedWidget* m_pages;
    QLineEdit* m_name;
    QLineEdit* m_pin;
    QLineEdit* m_pinAgain;
    QLabel* m_message;
    QPushButton* m_create;
    QPushButton* m_skip;
    QLabel* m_codeLabel;
    QLabel* m_printMessage;
    QPushButton* m_print;
    QPushButton* m_done;
    QString m_code;
};

} // namespace cz::ui
