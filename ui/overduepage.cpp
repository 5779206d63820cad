#include "overduepage.h"

#include "context.h"
#include "overduemodel.h"
#include "privacy.h"
#include "returnsmodel.h"
#include "style.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace cz::ui {

namespace {
// No reason chosen yet: the clerk has to pick one, unless the station already suggests "unclaimed".
constexpr int kNoReason = -1;

} // namespace

OverduePage::OverduePage(StationContext& station, QWidget* parent)
    : Page(parent)
    , m_station(station)
    , m_overdue(station)
    , m_summary(new QLabel(this))
    , m_remind(new QPushButton(tr("&Queue reminders"), this))
    , m_reminderMessage(new QLabel(this))
    , m_overdueView(new QTableView(this))
    , m_overdueModel(new OverdueModel(this))
    , m_reason(new QComboBox(this))
    , m_note(new QLineEdit(this))
    , m_mark(new QPushButton(tr("&Mark for return"), this))
    , m_returnMessage(new QLabel(this))
    , m_returnsView(new QTableView(this))
    , m_returnsModel(new ReturnsModel(this)) {
    reserveMessageSpace(m_reminderMessage);
    reserveMessageSpace(m_returnMessage);
    m_reason->addItem(tr("Choose a reason…"), kNoReason);
    for (ReturnReason r :
         {ReturnReason::Refused, ReturnReason::Damaged, ReturnReason::Lost, ReturnReason::Unclaimed})
        m_reason->addItem(returnReasonLabel(r), static_cast<int>(r));
    m_note->setPlaceholderText(tr("optional, e.g. box crushed on arrival"));
    m_note->setMaxLength(200);
    m_mark->setAutoDefault(true);

    m_overdueView->setModel(m_overdueModel);
    setUpRowTable(m_overdueView);
    m_returnsView->setModel(m_returnsModel);
    setUpRowTable(m_returnsView);

    auto* overdueLabel = new QLabel(tr("Over&due parcels:"), this);
    overdueLabel->setBuddy(m_overdueView);
    auto* top = new QHBoxLayout;
    top->addWidget(overdueLabel);
    top->addWidget(m_summary, 1);
    top->addWidget(m_reminderMessage, 1);
    top->addWidget(m_remind);

    auto* reasonLabel = new QLabel(tr("Reaso&n:"), this);
    reasonLabel->setBuddy(m_reason);
    auto* noteLabel = new QLabel(tr("No&te:"), this);
    noteLabel->setBuddy(m_note);
    auto* markRow = new QHBoxLayout;
    markRow->addWidget(reasonLabel);
    markRow->addWidget(m_reason);
    markRow->addWidget(noteLabel);
    markRow->addWidget(m_note, 1);
    markRow->addWidget(m_mark);

    auto* returnsLabel = new QLabel(tr("Return &list:"), this);
    returnsLabel->setBuddy(m_returnsView);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_overdueView, 3);
    layout->addLayout(markRow);
    layout->addWidget(m_returnMessage);
    layout->addWidget(returnsLabel);
    layout->addWidget(m_returnsView, 2);

    showMessage(m_reminderMessage, {}, Tone::Neutral);
    showMessage(m_returnMessage, {}, Tone::Neutral);

    connect(m_remind, &QPushButton::clicked, this, &OverduePage::queueReminders);
    connect(m_mark, &QPushButton::clicked, this, &OverduePage::markSelectedForReturn);
    connect(m_note, &QLineEdit::returnPressed, this, &OverduePage::markSelectedForReturn);
    connect(m_overdueView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &OverduePage::presetReason);
    // Enter on a row moves on to the reason, so a return is marked without the mouse.
    connect(m_overdueView, &QTableView::activated, this, [this] { m_reason->setFocus(); });
    // Overdue days grow with the clock, not only with changes, so activate() always reloads;
    // between activations only the page on screen follows the station's changes.
    whenChanged(m_station, this, Domains(Domain::Parcels) | Domain::Station, [this] {
        m_stale = true;
        if (isVisible())
            refresh();
    });
}

void OverduePage::activate() {
    refresh();
    m_overdueView->setFocus();
    if (!selectedParcelId().isEmpty() || m_overdueModel->rowCount() == 0)
        return;
    m_overdueView->selectRow(0);
}

void OverduePage::handleScan(const QString& code) {
    const QString text = code.trimmed().toUpper();
    for (int row = 0; row < m_overdueModel->rowCount(); ++row) {
        const Parcel& p = m_overdueModel->rowAt(row).item.parcel;
        if (p.pickupCode == text || p.waybill == text) {
            selectParcel(p.id);
            m_reason->setFocus();
            return;
        }
    }
    showMessage(m_returnMessage, tr("%1 is not in the overdue list.").arg(text), Tone::Bad);
}

QString OverduePage::shownReminderMessage() const {
    return m_reminderMessage->text();
}
QString OverduePage::shownReturnMessage() const {
    return m_returnMessage->text();
}

QString OverduePage::selectedParcelId() const {
    const QModelIndexList rows = m_overdueView->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(Qt::UserRole).toString();
}

bool OverduePage::selectParcel(const QString& parcelId) {
    const int row = m_overdueModel->rowOf(parcelId);
    if (row < 0)
        return false;
    m_overdueView->selectRow(row);
    return true;
}

void OverduePage::refresh() {
    m_stale = false;
    const QString selected = selectedParcelId();
    auto overdue = m_overdue.overdue();
    auto returns = m_overdue.returnList();
    QList<OverdueRow> overdueRows;
    if (overdue) {
        for (const OverdueItem& item : std::as_const(*overdue)) {
            overdueRows << OverdueRow{item, m_station.carriers().displayName(item.parcel.carrier)};
        }
    }
    QList<ReturnRow> returnRows;
    if (returns) {
        for (const Parcel& p : std::as_const(*returns)) {
            returnRows << ReturnRow{p, m_station.carriers().displayName(p.carrier)};
        }
    }
    m_overdueModel->setRows(overdueRows);
    m_returnsModel->setRows(returnRows);
    // A reset drops the selection without a signal; keep the clerk's parcel selected if it is still there.
    if (!selectParcel(selected))
        presetReason();

    if (!overdue || !returns) {
        showMessage(m_summary, overdue ? returns.error().message : overdue.error().message, Tone::Bad);
        return;
    }
    qint64 fees = 0;
    int unclaimed = 0;
    for (const OverdueRow& r : std::as_const(overdueRows)) {
        fees += r.item.held.feeFen;
        unclaimed += r.item.held.unclaimed ? 1 : 0;
    }
    const int n = static_cast<int>(overdueRows.size());
    QString text = tr("%n overdue, fees so far %1 yuan.", nullptr, n).arg(formatFen(fees));
    if (unclaimed > 0)
        text += QLatin1Char(' ') + tr("%n unclaimed.", nullptr, unclaimed);
    showMessage(m_summary, text, unclaimed > 0 ? Tone::Warning : Tone::Neutral);
}

void OverduePage::queueReminders() {
    auto queued = m_overdue.queueReminders();
    if (!queued) {
        showMessage(m_reminderMessage, queued.error().message, Tone::Bad);
        return;
    }
    if (m_stale)
        refresh();
    if (*queued > 0)
        showMessage(m_reminderMessage, tr("%n reminder(s) queued.", nullptr, *queued), Tone::Good);
    else if (m_overdueModel->rowCount() == 0)
        showMessage(m_reminderMessage, tr("0 reminders queued: no parcel is overdue."), Tone::Neutral);
    else
        showMessage(m_reminderMessage,
                    tr("0 reminders queued: every overdue parcel was already reminded today."),
                    Tone::Neutral);
}

void OverduePage::markSelectedForReturn() {
    const QString id = selectedParcelId();
    if (id.isEmpty()) {
        showMessage(m_returnMessage, tr("Select a parcel in the overdue list first."), Tone::Bad);
        m_overdueView->setFocus();
        return;
    }
    const int reason = m_reason->currentData().toInt();
    if (reason == kNoReason) {
        showMessage(m_returnMessage, tr("Choose why the parcel goes back."), Tone::Bad);
        m_reason->setFocus();
        return;
    }
    auto marked = m_overdue.markForReturn(id, static_cast<ReturnReason>(reason), m_note->text());
    if (!marked) {
        showMessage(m_returnMessage, marked.error().message, Tone::Bad);
        return;
    }
    m_note->clear();
    if (m_stale)
        refresh();
    showMessage(
        m_returnMessage,
        tr("%1 (waybill %2) is marked for return: %3.")
            .arg(marked->pickupCode, marked->waybill, returnReasonLabel(static_cast<ReturnReason>(reason))),
        Tone::Good);
    m_overdueView->setFocus();
}

void OverduePage::presetReason() {
    // Reselecting the same parcel after a reload keeps the reason the clerk already chose.
    const QString id = selectedParcelId();
    if (!id.isEmpty() && id == m_presetFor)
        return;
    m_presetFor = id;
    const int row = m_overdueModel->rowOf(id);
    const bool unclaimed = row >= 0 && m_overdueModel->rowAt(row).item.held.unclaimed;
    m_reason->setCurrentIndex(
        m_reason->findData(unclaimed ? static_cast<int>(ReturnReason::Unclaimed) : kNoReason));
}

} // namespace cz::ui
