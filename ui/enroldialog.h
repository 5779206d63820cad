// Connecting the station to the county centre: the server's address, the one-time enrolment code
// from the county (case does not matter, dashes may be left out) and, for a county with its own
// certificate authority, its CA certificate. The request runs on the sync thread; the answer (the
// station's name at the county, or why not) is shown in place and the dialog never blocks.
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace cz::ui {

class SyncController;

class EnrolDialog : public QDialog {
    Q_OBJECT
public:
    explicit EnrolDialog(SyncController& sync, QWidget* parent = nullptr);

    // Reads the CA file (if any) and sends the request; false when the input is refused here.
    bool connectNow();
    void chooseCaFile();

    [[nodiscard]] QLineEdit* serverField() const { return m_server; }
    [[nodiscard]] QLineEdit* codeField() const { return m_code; }
    [[nodiscard]] QLineEdit* caField() const { return m_ca; }
    [[nodiscard]] QPushButton* connectButton() const { return m_connect; }
    [[nodiscard]] QString shownMessage() const;
    // Enrolled in this dialog.
    [[nodiscard]] bool succeeded() const { return m_succeeded; }

private:
    void setBusy(bool busy);

    SyncController& m_sync;
    QLineEdit* m_server;
    QLineEdit* m_code;
    QLineEdit* m_ca;
    QPushButton* m_browse;
    QPushButton* m_connect;
    QPushButton* m_close;
    QLabel* m_message;
    bool m_waiting = false;
    bool m_succeeded = false;
};

} // namespace cz::ui
