// The sync indicator in the status bar: online or not (a coloured dot and a word), the last
// successful sync in local time, ops waiting to go out, the ops the county refused (a button that
// lists them), a progress bar during a long catch-up, and "Sync now". It only shows values it is
// given (SyncController feeds it); the last error is in the tooltips.
#pragma once

#include "syncstore.h"

#include <QDialog>
#include <QPointer>
#include <QWidget>

class QAction;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QToolButton;

namespace cz::ui {

class RejectedOpsModel;

// The read-only list of refused ops behind the indicator's "rejected" button.
class RejectedOpsDialog : public QDialog {
    Q_OBJECT
public:
    explicit RejectedOpsDialog(const QList<sync::RejectedOp>& ops, QWidget* parent = nullptr);
    [[nodiscard]] RejectedOpsModel* model() const { return m_model; }
    [[nodiscard]] QTableView* view() const { return m_view; }

private:
    RejectedOpsModel* m_model;
    QTableView* m_view;
};

class SyncStatusWidget : public QWidget {
    Q_OBJECT
public:
    // A catch-up longer than this many ops shows a progress bar.
    static constexpr int kLongCatchUp = 50;

    explicit SyncStatusWidget(QWidget* parent = nullptr);

    // revoked: the county refused the token (sync waits for a new enrolment).
    void setStatus(const sync::SyncStatus& status, bool revoked = false);
    void setProgress(int done, int total);
    void setFinished();
    // Opens (or raises) the list of refused ops.
    RejectedOpsDialog* showRejected();

    // Ctrl+Shift+S; emits syncNowRequested.
    [[nodiscard]] QAction* syncNowAction() const { return m_syncNow; }
    // For tests.
    [[nodiscard]] QString stateText() const;
    [[nodiscard]] QString lastSyncText() const;
    [[nodiscard]] QString pendingText() const;
    [[nodiscard]] QPushButton* rejectedButton() const { return m_rejectedButton; }
    [[nodiscard]] QProgressBar* progressBar() const { return m_progress; }
    [[nodiscard]] RejectedOpsDialog* rejectedDialog() const { return m_dialog; }

Q_SIGNALS:
    void syncNowRequested();

private:
    QLabel* m_dot;
    QLabel* m_state;
    QLabel* m_lastSync;
    QLabel* m_pending;
    QPushButton* m_rejectedButton;
    QProgressBar* m_progress;
    QAction* m_syncNow;
    QToolButton* m_syncNowButton;
    QList<sync::RejectedOp> m_rejected;
    QPointer<RejectedOpsDialog> m_dialog;
};

} // namespace cz::ui
