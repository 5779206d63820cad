// What the terminal shows while it is locked (staff exist and nobody is logged in): who is logging in
// (the active staff by name and role), their 6-digit PIN (Enter logs in through Staff::login, which
// keeps the lockout), and — because the scanner keeps working — where a scanned parcel is: a pickup
// code or waybill is looked up read-only (Pickup::lookUp), nothing is handed over or changed.
#pragma once

#include "pickup.h"
#include "staff.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace cz::ui {

class LoginPanel : public QWidget {
    Q_OBJECT
public:
    explicit LoginPanel(StationContext& station, QWidget* parent = nullptr);

    // Re-reads the active staff; keeps `preselect` chosen when given (Lock: the same person returns),
    // else no one (Switch user). Clears the PIN, the messages and the last lookup.
    void reset(const QString& preselect = {});
    // Logs the chosen person in with the PIN typed; emits loggedIn on success.
    void logIn();
    // A scan while locked: shows where the parcel is, read-only.
    void lookUp(const QString& code);

    [[nodiscard]] QComboBox* userBox() const { return m_user; }
    [[nodiscard]] QLineEdit* pinField() const { return m_pin; }
    [[nodiscard]] QPushButton* loginButton() const { return m_login; }
    [[nodiscard]] QString shownMessage() const;
    [[nodiscard]] QString shownLookup() const;
    // Chooses a person by name; false when no active staff member has that name.
    bool chooseUser(const QString& name);

Q_SIGNALS:
    void loggedIn();

private:
    StationContext& m_station;
    Staff m_staff;
    Pickup m_pickup;
    QComboBox* m_user;
    QLineEdit* m_pin;
    QPushButton* m_login;
    QLabel* m_message;
    QLabel* m_lookup;
};

} // namespace cz::ui
