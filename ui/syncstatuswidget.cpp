#include "syncstatuswidget.h"

#include "clock.h"
#include "rejectedopsmodel.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace cz::ui {

RejectedOpsDialog::RejectedOpsDialog(const QList<sync::RejectedOp>& ops, QWidget* parent)
    : QDialog(parent)
    , m_model(new RejectedOpsModel(this))
    , m_view(new QTableView(this)) {
    setWindowTitle(tr("Changes the county refused"));
    m_model->setRows(ops);
    m_view->setModel(m_model);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(true);
    m_view->resizeColumnsToContents();
    auto* note = new QLabel(tr("These changes were kept on this station but the county did not accept "
                               "them. Later changes were sent as usual. Tell the county centre if one "
                               "needs fixing."),
                            this);
    note->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    resize(760, 420);
}

SyncStatusWidget::SyncStatusWidget(QWidget* parent)
    : QWidget(parent)
    , m_dot(new QLabel(QStringLiteral("●"), this))
    , m_state(new QLabel(this))
    , m_lastSync(new QLabel(this))
    , m_pending(new QLabel(this))
    , m_rejectedButton(new QPushButton(this))
    , m_progress(new QProgressBar(this))
    , m_syncNow(new QAction(tr("Sy&nc now"), this))
    , m_syncNowButton(new QToolButton(this)) {
    m_dot->setObjectName(QStringLiteral("syncDot"));
    m_rejectedButton->setFlat(true);
    m_rejectedButton->setStyleSheet(QStringLiteral("color: #c00000;"));
    m_rejectedButton->setToolTip(tr("Show the changes the county refused"));
    m_progress->setMaximumWidth(160);
    m_progress->setFormat(tr("%v of %m"));
    m_progress->hide();
    m_syncNow->setShortcut(QKeySequence(QKeyCombination(Qt::ControlModifier | Qt::ShiftModifier, Qt::Key_S)));
    m_syncNow->setShortcutContext(Qt::WindowShortcut);
    m_syncNow->setToolTip(tr("Send and fetch changes with the county now (Ctrl+Shift+S)"));
    addAction(m_syncNow);
    m_syncNowButton->setDefaultAction(m_syncNow);
    m_syncNowButton->setToolButtonStyle(Qt::ToolButtonTextOnly);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_dot);
    layout->addWidget(m_state);
    layout->addWidget(m_lastSync);
    layout->addWidget(m_pending);
    layout->addWidget(m_rejectedButton);
    layout->addWidget(m_progress);
    layout->addWidget(m_syncNowButton);

    connect(m_syncNow, &QAction::triggered, this, &SyncStatusWidget::syncNowRequested);
    connect(m_rejectedButton, &QPushButton::clicked, this, [this] { (void)showRejected(); });
    setStatus({});
}

void SyncStatusWidget::setStatus(const sync::SyncStatus& status, bool revoked) {
    QString state;
    QString color;
    if (!status.enrolled) {
        state = tr("Not enrolled");
        color = QStringLiteral("#808080");
    } else if (revoked) {
        state = tr("Token revoked — enrol again");
        color = QStringLiteral("#c00000");
    } else if (status.lastError.isEmpty() && status.lastSuccessAt > 0) {
        state = tr("Online");
        color = QStringLiteral("#1b7a1b");
    } else {
        state = tr("Offline");
        color = QStringLiteral("#a65e00");
    }
    m_dot->setStyleSheet(QStringLiteral("color: %1;").arg(color));
    m_state->setText(state);
    m_lastSync->setText(
        tr("Last sync: %1")
            .arg(status.lastSuccessAt > 0 ? localDateTimeText(status.lastSuccessAt) : tr("never")));
    m_pending->setText(tr("%n to send", nullptr, status.pending));
    m_rejected = status.rejected;
    const int rejected = static_cast<int>(m_rejected.size());
    m_rejectedButton->setText(tr("%n refused", nullptr, rejected));
    m_rejectedButton->setVisible(rejected > 0);
    m_syncNow->setEnabled(status.enrolled);

    QString tip;
    if (!status.lastError.isEmpty())
        tip = status.lastError;
    else if (status.enrolled)
        //: Tooltip of the sync indicator: the county server and this station's id there
        tip = tr("County server %1, station %2").arg(status.serverUrl, status.stationId);
    else
        tip = tr("Connect to the county in Settings to send and fetch changes.");
    for (QWidget* w : {static_cast<QWidget*>(this), static_cast<QWidget*>(m_dot),
                       static_cast<QWidget*>(m_state), static_cast<QWidget*>(m_lastSync)})
        w->setToolTip(tip);
    if (m_dialog)
        m_dialog->model()->setRows(m_rejected);
}

void SyncStatusWidget::setProgress(int done, int total) {
    // A usual run is over before a bar could be read: only a long catch-up shows one.
    if (total > kLongCatchUp && done < total) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
        m_progress->show();
    } else {
        m_progress->hide();
    }
}

void SyncStatusWidget::setFinished() {
    m_progress->hide();
}

RejectedOpsDialog* SyncStatusWidget::showRejected() {
    if (!m_dialog) {
        m_dialog = new RejectedOpsDialog(m_rejected, window());
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
    return m_dialog;
}

QString SyncStatusWidget::stateText() const {
    return m_state->text();
}
QString SyncStatusWidget::lastSyncText() const {
    return m_lastSync->text();
}
QString SyncStatusWidget::pendingText() const {
    return m_pending->text();
}

} // namespace cz::ui
