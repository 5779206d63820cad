#include "pickuppage.h"

#include "messages.h"
#include "pickupmodel.h"
#include "privacy.h"
#include "context.h"
#include "overdue.h"
#include "style.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace cz::ui {

PickupPage::PickupPage(StationContext& station, QWidget* parent)
    : Page(parent)
    , m_station(station)
    , m_pickup(station)
    , m_lookup(new QLineEdit(this))
    , m_find(new QPushButton(tr("&Find"), this))
    , m_table(new QTableView(this))
    , m_model(new PickupModel(this))
    , m_collector(new QLineEdit(this))
    , m_total(new QLabel(this))
    , m_handOver(new QPushButton(tr("&Hand over"), this))
    , m_undo(new QPushButton(tr("&Undo last handover"), this))
    , m_message(new QLabel(this))
    , m_undoTimer(new QTimer(this)) {
    makeScanField(m_lookup);
    m_lookup->setObjectName(QStringLiteral("lookup"));
    m_lookup->setPlaceholderText(tr("Pickup code, waybill, or last 4 digits of the phone"));
    m_collector->setPlaceholderText(tr("empty: the recipient in person"));
    m_handOver->setAutoDefault(true);
    m_handOver->setEnabled(false);
    m_undo->setEnabled(false);
    // The station's clock decides (tests use a manual one); the timer only makes the page look again.
    m_undoTimer->setInterval(1000);
    scaleFont(m_total, 1.6, true);
    reserveMessageSpace(m_message); // a message appearing moves nothing

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto* lookupLabel = new QLabel(tr("&Look up:"), this);
    lookupLabel->setBuddy(m_lookup);
    auto* top = new QHBoxLayout;
    top->addWidget(lookupLabel);
    top->addWidget(m_lookup, 1);
    top->addWidget(m_find);

    auto* collectorLabel = new QLabel(tr("&Collected by:"), this);
    collectorLabel->setBuddy(m_collector);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(collectorLabel);
    bottom->addWidget(m_collector, 1);
    bottom->addWidget(m_total);
    bottom->addWidget(m_handOver);

    auto* undoRow = new QHBoxLayout;
    undoRow->addWidget(m_message, 1);
    undoRow->addWidget(m_undo);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addLayout(bottom);
    layout->addLayout(undoRow);

    showMessage(m_message, {}, Tone::Neutral);
    updateTotal();

    connect(m_lookup, &QLineEdit::returnPressed, this, [this] { lookUp(m_lookup->text()); });
    connect(m_find, &QPushButton::clicked, this, [this] { lookUp(m_lookup->text()); });
    connect(m_collector, &QLineEdit::returnPressed, this, &PickupPage::handOver);
    connect(m_handOver, &QPushButton::clicked, this, &PickupPage::handOver);
    connect(m_undo, &QPushButton::clicked, this, &PickupPage::undoLast);
    connect(m_undoTimer, &QTimer::timeout, this, &PickupPage::updateUndo);
    connect(m_model, &PickupModel::checkedChanged, this, &PickupPage::updateTotal);
    // Space toggles the current row's tick, so the table works without a mouse.
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex& index) {
        const QModelIndex check = m_model->index(index.row(), PickupModel::Code);
        const bool on = check.data(Qt::CheckStateRole).toInt() == Qt::Checked;
        m_model->setData(check, on ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole);
    });
}

void PickupPage::activate() {
    m_lookup->setFocus();
    m_lookup->selectAll();
}

void PickupPage::handleScan(const QString& code) {
    m_lookup->setText(code);
    lookUp(code);
}

QString PickupPage::shownMessage() const {
    return m_message->text();
}
QString PickupPage::shownTotal() const {
    return m_total->text();
}

void PickupPage::lookUp(const QString& input) {
    m_model->clear();
    if (input.trimmed().isEmpty()) {
        showMessage(m_message, tr("Enter a pickup code, a waybill number or the last 4 digits of the phone."),
                    Tone::Bad);
        return;
    }
    auto found = m_pickup.lookUp(input);
    if (!found || found->nothingWaiting) {
        showMessage(m_message, found ? found->nothingWaiting->message : found.error().message, Tone::Bad);
        m_lookup->setFocus();
        m_lookup->selectAll();
        return;
    }
    // Only the first person's parcels are ticked: handing over someone else's takes a deliberate tick.
    QList<PickupRow> rows;
    const qint64 now = m_station.clock().nowMs();
    for (int person = 0; person < found->people.size(); ++person) {
        for (const Parcel& p : std::as_const(found->people[person].parcels)) {
            PickupRow row;
            row.parcel = p;
            row.carrierName = m_station.carriers().displayName(p.carrier);
            const Holding h = holding(m_station.settings(), p, now);
            row.daysHeld = h.daysHeld;
            row.feeFen = h.feeFen;
            row.checked = person == 0;
            row.person = person;
            rows << row;
        }
    }
    const int ticked = static_cast<int>(found->people.first().parcels.size());
    m_model->setRows(rows);
    if (found->severalPeople()) {
        showMessage(m_message,
                    tr("Parcels of %n different people match. Only %1's are ticked: check who is collecting "
                       "before ticking anyone else's.",
                       nullptr, static_cast<int>(found->people.size()))
                        .arg(found->people.first().maskedLabel()),
                    Tone::Warning);
    } else {
        showMessage(
            m_message,
            tr("%n parcel(s) waiting for %1. Press Enter to hand over the ticked ones.", nullptr, ticked)
                .arg(found->people.first().maskedLabel()),
            Tone::Neutral);
    }
    m_handOver->setFocus();
}

void PickupPage::handOver() {
    const QStringList ids = m_model->checkedIds();
    if (ids.isEmpty()) {
        showMessage(m_message, tr("Tick at least one parcel to hand over."), Tone::Bad);
        return;
    }
    auto result = m_pickup.handOver(ids, m_collector->text());
    // Several people's parcels: only when the clerk says the collector takes them all.
    if (!result && result.error().code == QLatin1String("pickup.several_people")) {
        if (!Messages::confirm(
                this, tr("Parcels of several people"),
                tr("%1\n\nHand all of them to the person at the counter?").arg(result.error().message))) {
            showMessage(m_message,
                        tr("Nothing was handed over. Untick the parcels of anyone not collecting."),
                        Tone::Warning);
            return;
        }
        result = m_pickup.handOver(ids, m_collector->text(), Recipients::SeveralPeople);
    }
    if (!result) {
        showMessage(m_message, result.error().message, Tone::Bad);
        return;
    }
    QStringList codes;
    for (const Parcel& p : result->parcels)
        codes << p.pickupCode;
    m_lastHandedOver = ids;
    m_lastHandedOverAt =
        result->parcels.isEmpty() ? m_station.clock().nowMs() : result->parcels.first().pickedUpAt;
    m_undoTimer->start();
    updateUndo();
    m_model->clear();
    m_collector->clear();
    showMessage(m_message,
                tr("Handed over: %1. Fee collected: %2 yuan.")
                    .arg(codes.join(QStringLiteral(", ")), formatFen(result->totalFeeFen)),
                Tone::Good);
    m_lookup->clear();
    m_lookup->setFocus();
}

void PickupPage::undoLast() {
    if (m_lastHandedOver.isEmpty())
        return;
    QStringList codes;
    for (const QString& id : std::as_const(m_lastHandedOver)) {
        auto p = m_pickup.undoPickup(id);
        if (!p) {
            showMessage(m_message, p.error().message, Tone::Bad);
            m_lastHandedOver.clear();
            updateUndo();
            return;
        }
        codes << p->pickupCode;
    }
    m_lastHandedOver.clear();
    updateUndo();
    showMessage(
        m_message,
        tr("Handover undone; the parcels are back with the codes %1.").arg(codes.join(QStringLiteral(", "))),
        Tone::Warning);
    m_lookup->setFocus();
}

void PickupPage::updateUndo() {
    // Same rule as Station::undoPickup: still allowed at exactly the window's end.
    const qint64 windowMs = qint64(m_station.settings().undoWindowMin) * 60'000;
    const bool open =
        !m_lastHandedOver.isEmpty() && m_station.clock().nowMs() - m_lastHandedOverAt <= windowMs;
    m_undo->setEnabled(open);
    if (!open)
        m_undoTimer->stop();
}

void PickupPage::updateTotal() {
    m_total->setText(tr("Fee: %1 yuan").arg(formatFen(m_model->checkedFeeFen())));
    m_handOver->setEnabled(!m_model->checkedIds().isEmpty());
}

} // namespace cz::ui
