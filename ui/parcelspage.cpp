#include "parcelspage.h"

#include "parceltablemodel.h"
#include "context.h"
#include "style.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

namespace cz::ui {

namespace {
// The status choices; "in" = still in the station (waiting or to be returned).
enum StatusChoice { InStation, Waiting, PickedUp, ToReturn, All };
} // namespace

ParcelsPage::ParcelsPage(StationContext& station, QWidget* parent)
    : Page(parent)
    , m_station(station)
    , m_queries(station)
    , m_search(new QLineEdit(this))
    , m_status(new QComboBox(this))
    , m_table(new QTableView(this))
    , m_count(new QLabel(this))
    , m_model(new ParcelTableModel(station, this)) {
    makeScanField(m_search);
    m_search->setPlaceholderText(tr("Pickup code, waybill, or last 4 digits of the phone"));
    m_search->setClearButtonEnabled(true);
    m_status->addItem(tr("In the station"), InStation);
    m_status->addItem(statusLabel(ParcelStatus::Waiting), Waiting);
    m_status->addItem(statusLabel(ParcelStatus::PickedUp), PickedUp);
    m_status->addItem(statusLabel(ParcelStatus::ToReturn), ToReturn);
    m_status->addItem(tr("All parcels"), All);

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto* searchLabel = new QLabel(tr("Sear&ch:"), this);
    searchLabel->setBuddy(m_search);
    auto* statusLabelWidget = new QLabel(tr("Stat&us:"), this);
    statusLabelWidget->setBuddy(m_status);
    auto* top = new QHBoxLayout;
    top->addWidget(searchLabel);
    top->addWidget(m_search, 1);
    top->addWidget(statusLabelWidget);
    top->addWidget(m_status);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_count);

    connect(m_search, &QLineEdit::returnPressed, this, &ParcelsPage::applyFilter);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        if (text.isEmpty())
            applyFilter();
    });
    connect(m_status, &QComboBox::currentIndexChanged, this, &ParcelsPage::applyFilter);
    // Reloading a big list on every change would slow down receiving: only reload what is on screen.
    whenChanged(m_station, this, Domains(Domain::Parcels) | Domain::Station, [this] {
        if (isVisible())
            applyFilter();
        else
            m_stale = true;
    });
}

void ParcelsPage::activate() {
    if (!m_loaded || m_stale)
        applyFilter();
    m_search->setFocus();
    m_search->selectAll();
}

void ParcelsPage::handleScan(const QString& code) {
    m_search->setText(code);
    applyFilter();
}

void ParcelsPage::applyFilter() {
    ParcelFilter f;
    f.text = m_search->text().trimmed();
    switch (m_status->currentData().toInt()) {
    case InStation:
        f.inStationOnly = true;
        break;
    case Waiting:
        f.status = ParcelStatus::Waiting;
        break;
    case PickedUp:
        f.status = ParcelStatus::PickedUp;
        break;
    case ToReturn:
        f.status = ParcelStatus::ToReturn;
        break;
    default:
        break;
    }
    m_loaded = true;
    m_stale = false;
    m_model->setFilter(f);
    m_table->resizeColumnsToContents();
    if (!m_model->lastError().isEmpty()) {
        showMessage(m_count, m_model->lastError(), Tone::Bad);
        return;
    }
    auto n = m_queries.count(f);
    showMessage(m_count, n ? tr("%n parcel(s)", nullptr, *n) : n.error().message,
                n ? Tone::Neutral : Tone::Bad);
}

} // namespace cz::ui
