#include "shelvespage.h"

#include "auditmodel.h"
#include "messages.h"
#include "slotloadmodel.h"
#include "style.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace cz::ui {

ShelvesPage::ShelvesPage(StationContext& station, QWidget* parent)
    : Page(parent)
    , m_station(station)
    , m_shelves(station)
    , m_loads(new SlotLoadModel(station, this))
    , m_audit(new AuditModel(this))
    , m_loadTable(new QTableView(this))
    , m_placeBox(new QComboBox(this))
    , m_start(new QPushButton(tr("S&tart audit"), this))
    , m_scanField(new QLineEdit(this))
    , m_auditTable(new QTableView(this))
    , m_apply(new QPushButton(tr("&Apply fixes"), this))
    , m_finish(new QPushButton(tr("&Finish audit"), this))
    , m_summary(new QLabel(this))
    , m_message(new QLabel(this)) {
    for (QTableView* t : {m_loadTable, m_auditTable}) {
        t->setSelectionBehavior(QAbstractItemView::SelectRows);
        t->setEditTriggers(QAbstractItemView::NoEditTriggers);
        t->verticalHeader()->hide();
        t->horizontalHeader()->setStretchLastSection(true);
        t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    }
    m_loadTable->setModel(m_loads);
    m_auditTable->setModel(m_audit);
    makeScanField(m_scanField);
    m_scanField->setPlaceholderText(tr("Scan each parcel on the place, or type its waybill and press Enter"));
    reserveMessageSpace(m_message);
    m_summary->setWordWrap(true);

    auto* loadsLabel = new QLabel(tr("&Places:"), this);
    loadsLabel->setBuddy(m_loadTable);
    auto* left = new QVBoxLayout;
    left->addWidget(loadsLabel);
    left->addWidget(m_loadTable, 1);

    auto* auditBox = new QGroupBox(tr("Shelf audit"), this);
    auto* placeLabel = new QLabel(tr("Pla&ce:"), auditBox);
    placeLabel->setBuddy(m_placeBox);
    auto* placeRow = new QHBoxLayout;
    placeRow->addWidget(placeLabel);
    placeRow->addWidget(m_placeBox, 1);
    placeRow->addWidget(m_start);
    auto* scanLabel = new QLabel(tr("&Waybill:"), auditBox);
    scanLabel->setBuddy(m_scanField);
    auto* scanRow = new QHBoxLayout;
    scanRow->addWidget(scanLabel);
    scanRow->addWidget(m_scanField, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_summary, 1);
    buttons->addWidget(m_apply);
    buttons->addWidget(m_finish);
    auto* auditLayout = new QVBoxLayout(auditBox);
    auditLayout->addLayout(placeRow);
    auditLayout->addLayout(scanRow);
    auditLayout->addWidget(m_auditTable, 1);
    auditLayout->addLayout(buttons);
    auditLayout->addWidget(m_message);

    auto* layout = new QHBoxLayout(this);
    layout->addLayout(left, 2);
    layout->addWidget(auditBox, 3);

    showMessage(m_message, {}, Tone::Neutral);
    finishAudit();

    connect(m_start, &QPushButton::clicked, this, [this] { startAudit(m_placeBox->currentText()); });
    connect(m_scanField, &QLineEdit::returnPressed, this, [this] {
        addScan(m_scanField->text());
        m_scanField->clear();
    });
    connect(m_apply, &QPushButton::clicked, this, &ShelvesPage::applyFixes);
    connect(m_finish, &QPushButton::clicked, this, &ShelvesPage::finishAudit);
    connect(m_loadTable, &QTableView::activated, this,
            [this](const QModelIndex& index) { startAudit(index.data(Qt::UserRole).toString()); });
    whenChanged(m_station, this, Domains(Domain::Parcels) | Domain::Station, [this] {
        if (isVisible())
            reloadLoads();
    });
}

QString ShelvesPage::shownMessage() const {
    return m_message->text();
}

void ShelvesPage::activate() {
    reloadLoads();
    if (auditing())
        m_scanField->setFocus();
    else
        m_placeBox->setFocus();
}

void ShelvesPage::reloadLoads() {
    const QString current = m_placeBox->currentText();
    m_loads->reload();
    m_placeBox->clear();
    for (int row = 0; row < m_loads->rowCount(); ++row)
        m_placeBox->addItem(m_loads->loadAt(row).slot.name());
    if (const int i = m_placeBox->findText(current); i >= 0)
        m_placeBox->setCurrentIndex(i);
    if (!m_loads->lastError().isEmpty())
        showMessage(m_message, m_loads->lastError(), Tone::Bad);
}

void ShelvesPage::handleScan(const QString& code) {
    if (auditing()) {
        addScan(code);
        return;
    }
    // A place label scanned before an audit starts one.
    if (parseSlotName(code))
        startAudit(code);
    else
        showMessage(m_message, tr("Start an audit first: choose the place, then scan its parcels."),
                    Tone::Bad);
}

void ShelvesPage::startAudit(const QString& place) {
    auto slot = parseSlotName(place);
    if (!slot) {
        showMessage(m_message, slot.error().message, Tone::Bad);
        return;
    }
    m_place = QStringLiteral("%1-%2").arg(slot->first).arg(slot->second);
    m_scans.clear();
    m_placeBox->setEnabled(false);
    m_start->setEnabled(false);
    m_scanField->setEnabled(true);
    m_finish->setEnabled(true);
    recompute();
    if (auditing()) {
        showMessage(m_message, tr("Auditing place %1: scan every parcel on it.").arg(m_place), Tone::Neutral);
        m_scanField->setFocus();
    }
}

void ShelvesPage::addScan(const QString& waybill) {
    if (!auditing() || waybill.trimmed().isEmpty())
        return;
    m_scans.append({m_place, waybill.trimmed().toUpper()});
    recompute();
}

void ShelvesPage::recompute() {
    auto report = m_shelves.audit(m_scans, {m_place});
    if (!report) {
        if (!m_scans.isEmpty())
            m_scans.removeLast(); // the last scan was not usable: leave the audit as it was
        showMessage(m_message, report.error().message, Tone::Bad);
        if (m_scans.isEmpty() && report.error().code == QLatin1String("slot.unknown"))
            finishAudit();
        return;
    }
    m_report = *report;
    m_audit->setReport(m_report);
    m_summary->setText(tr("Place %1: %2 scanned, %3 OK, %4 missing, %5 misplaced, %6 unknown.")
                           .arg(m_place)
                           .arg(m_scans.size())
                           .arg(m_report.ok.size())
                           .arg(m_report.missing.size())
                           .arg(m_report.misplaced.size())
                           .arg(m_report.unknown.size()));
    m_apply->setEnabled(!m_report.misplaced.isEmpty());
    showMessage(m_message, {}, Tone::Neutral);
}

void ShelvesPage::applyFixes() {
    if (m_report.misplaced.isEmpty())
        return;
    const int n = static_cast<int>(m_report.misplaced.size());
    if (!Messages::confirm(this, tr("Apply the audit"),
                           tr("Record %n misplaced parcel(s) on the place where they were found? "
                              "They get new pickup codes.",
                              nullptr, n)))
        return;
    auto moves = m_shelves.applyAudit(m_report);
    if (!moves) {
        showMessage(m_message, moves.error().message, Tone::Bad);
        return;
    }
    QStringList lines;
    for (const MoveResult& m : *moves)
        lines << tr("%1: %2 → %3").arg(m.waybill, m.oldCode, m.newCode);
    recompute();
    showMessage(m_message,
                tr("Moved: %1. Write the new codes on the parcels.").arg(lines.join(QStringLiteral("; "))),
                Tone::Good);
}

void ShelvesPage::finishAudit() {
    m_place.clear();
    m_scans.clear();
    m_report = {};
    m_audit->clear();
    m_summary->setText(tr("Choose a place and start the audit."));
    m_placeBox->setEnabled(true);
    m_start->setEnabled(true);
    m_scanField->setEnabled(false);
    m_apply->setEnabled(false);
    m_finish->setEnabled(false);
}

} // namespace cz::ui
