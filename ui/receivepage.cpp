#include "receivepage.h"

#include "documents.h"
#include "fromstation.h"
#include "parceltablemodel.h"
#include "prealertmodel.h"
#include "printpreview.h"
#include "printservice.h"
#include "privacy.h"
#include "context.h"
#include "style.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace cz::ui {

ReceivePage::ReceivePage(StationContext& station, QWidget* parent)
    : Page(parent)
    , m_station(station)
    , m_queries(station)
    , m_inbound(station)
    , m_waybill(new QLineEdit(this))
    , m_phone(new QLineEdit(this))
    , m_name(new QLineEdit(this))
    , m_carrier(new QComboBox(this))
    , m_carrierLabel(new QLabel(tr("&Carrier:"), this))
    , m_carrierHint(new QLabel(this))
    , m_receive(new QPushButton(tr("Recei&ve"), this))
    , m_code(new QLabel(this))
    , m_detail(new QLabel(this))
    , m_message(new QLabel(this))
    , m_table(new QTableView(this))
    , m_arrivals(new ParcelTableModel(station, this))
    , m_expectedLabel(new QLabel(this))
    , m_expectedTable(new QTableView(this))
    , m_expected(new PrealertModel(this))
    , m_printSlip(new QPushButton(tr("Print s&lip"), this))
    , m_autoPrint(new QCheckBox(tr("Print a slip for every parcel a&utomatically"), this))
    , m_printArrivals(new QPushButton(tr("Print arr&ivals"), this)) {
    makeScanField(m_waybill);
    makeScanField(m_phone);
    m_waybill->setObjectName(QStringLiteral("waybill"));
    m_phone->setObjectName(QStringLiteral("phone"));
    m_waybill->setPlaceholderText(tr("Scan the waybill barcode"));
    m_phone->setPlaceholderText(tr("11 digits, or the last 4"));
    m_name->setPlaceholderText(tr("optional"));
    m_carrierLabel->setBuddy(m_carrier);
    m_receive->setAutoDefault(true);

    auto* form = new QFormLayout;
    auto* waybillLabel = new QLabel(tr("&Waybill:"), this);
    waybillLabel->setBuddy(m_waybill);
    auto* phoneLabel = new QLabel(tr("P&hone:"), this);
    phoneLabel->setBuddy(m_phone);
    auto* nameLabel = new QLabel(tr("&Name:"), this);
    nameLabel->setBuddy(m_name);
    form->addRow(waybillLabel, m_waybill);
    form->addRow(phoneLabel, m_phone);
    form->addRow(nameLabel, m_name);
    auto* carrierRow = new QHBoxLayout;
    carrierRow->addWidget(m_carrier);
    carrierRow->addWidget(m_carrierHint, 1);
    form->addRow(m_carrierLabel, carrierRow);
    m_carrierHint->setWordWrap(true);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_autoPrint);
    buttons->addStretch();
    buttons->addWidget(m_printSlip);
    buttons->addWidget(m_receive);
    m_printSlip->setEnabled(false);
    m_autoPrint->setChecked(PrintService::autoPrintSlips());

    scaleFont(m_code, 3.0, true);
    scaleFont(m_detail, 1.4, true);
    m_code->setObjectName(QStringLiteral("pickupCode"));
    m_code->setTextInteractionFlags(Qt::TextSelectableByMouse);
    reserveMessageSpace(m_message); // a message appearing moves nothing
    m_message->setObjectName(QStringLiteral("message"));

    m_table->setModel(m_arrivals);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnHidden(ParcelTableModel::Status, true);
    m_expectedLabel->setObjectName(QStringLiteral("expected"));
    m_expectedTable->setModel(m_expected);
    m_expectedTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_expectedTable->setFocusPolicy(Qt::NoFocus); // the scan fields keep the focus
    m_expectedTable->verticalHeader()->hide();
    m_expectedTable->horizontalHeader()->setStretchLastSection(true);
    // Compact: a few rows show, the rest scroll; the arrivals keep the room.
    m_expectedTable->setMaximumHeight(m_expectedTable->verticalHeader()->defaultSectionSize() * 4 +
                                      m_expectedTable->horizontalHeader()->sizeHint().height() + 4);
    auto* arrivalsLabel = new QLabel(tr("&Today's arrivals:"), this);
    arrivalsLabel->setBuddy(m_table);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_code);
    layout->addWidget(m_detail);
    layout->addWidget(m_message);
    layout->addWidget(m_expectedLabel);
    layout->addWidget(m_expectedTable);
    auto* arrivalsRow = new QHBoxLayout;
    arrivalsRow->addWidget(arrivalsLabel, 1);
    arrivalsRow->addWidget(m_printArrivals);
    layout->addLayout(arrivalsRow);
    layout->addWidget(m_table, 1);

    showCarriers({}, {});
    showMessage(m_message, {}, Tone::Neutral);

    connect(m_waybill, &QLineEdit::returnPressed, this, &ReceivePage::checkWaybill);
    // A carrier chosen for one number must never stick to the next one.
    connect(m_waybill, &QLineEdit::textChanged, this, [this] { showCarriers({}, {}); });
    // Typing a new number by hand starts a new parcel: the last one's big code must not linger.
    connect(m_waybill, &QLineEdit::textEdited, this, [this] {
        m_code->clear();
        m_detail->clear();
    });
    connect(m_phone, &QLineEdit::returnPressed, this, &ReceivePage::receiveNow);
    connect(m_name, &QLineEdit::returnPressed, this, &ReceivePage::receiveNow);
    connect(m_receive, &QPushButton::clicked, this, &ReceivePage::receiveNow);
    whenChanged(m_station, this, Domains(Domain::Parcels) | Domain::Station, [this] {
        refreshArrivals();
        refreshExpected();
    });
    connect(m_printSlip, &QPushButton::clicked, this, &ReceivePage::printSlip);
    connect(m_printArrivals, &QPushButton::clicked, this, &ReceivePage::printArrivals);
    connect(m_autoPrint, &QCheckBox::toggled, this, &PrintService::setAutoPrintSlips);
    refreshArrivals();
    refreshExpected();
}

void ReceivePage::printSlip() {
    if (!m_last)
        return;
    const print::Document slip = print::pickupSlip(print::slipData(m_station, *m_last));
    PrintPreview::preview(this, slip, Paper::Slip, m_printing);
}

void ReceivePage::printArrivals() {
    const QDate today = localDate(m_station.clock().nowMs());
    auto parcels = m_queries.arrivals(today);
    if (!parcels) {
        showMessage(m_message, parcels.error().message, Tone::Bad);
        return;
    }
    PrintPreview::preview(this, print::arrivalList(print::arrivalListData(m_station, today, *parcels)),
                          Paper::A4, m_printing);
}

void ReceivePage::activate() {
    m_waybill->setFocus();
    m_waybill->selectAll();
}

void ReceivePage::handleScan(const QString& code) {
    m_waybill->setText(code);
    checkWaybill();
}

void ReceivePage::checkWaybill() {
    m_code->clear();
    m_detail->clear();
    clearRecipient();
    auto check = m_inbound.checkIncoming(m_waybill->text());
    if (!check) {
        showMessage(m_message, check.error().message, Tone::Bad);
        m_waybill->setFocus();
        m_waybill->selectAll();
        return;
    }
    updateCarrierChoice(check->carriers);
    showMessage(m_message,
                check->prealert ? tr("Announced by the county for %1: press Enter to receive it.")
                                      .arg(check->prealert->maskedPhone())
                                : QString(),
                Tone::Neutral);
    m_phone->setFocus();
}

void ReceivePage::clearRecipient() {
    m_phone->clear();
    m_name->clear();
}

QString ReceivePage::shownCode() const {
    return m_code->text();
}
QString ReceivePage::shownMessage() const {
    return m_message->text();
}
QString ReceivePage::shownExpected() const {
    return m_expectedLabel->text();
}

void ReceivePage::updateCarrierChoice(const QStringList& codes) {
    QStringList candidates = codes;
    if (candidates.isEmpty()) {
        for (const CarrierCandidate& c : m_station.carriers().detect(normaliseWaybill(m_waybill->text())))
            candidates << c.code;
    }
    if (candidates.size() > 1) {
        showCarriers(candidates,
                     tr("Several carriers use numbers like this one: check the carrier (%1 is chosen).")
                         .arg(m_station.carriers().displayName(candidates.first())));
    } else {
        showCarriers({}, {});
    }
}

void ReceivePage::showCarriers(const QStringList& codes, const QString& hint) {
    m_carrier->clear();
    // The code beside the name: it is what the waybill's prefix shows.
    for (const QString& code : codes) {
        const QString name = m_station.carriers().displayName(code);
        m_carrier->addItem(name == code ? code : QStringLiteral("%1 (%2)").arg(name, code), code);
    }
    const bool visible = !codes.isEmpty();
    m_carrier->setVisible(visible);
    m_carrierLabel->setVisible(visible);
    showMessage(m_carrierHint, hint, Tone::Warning);
}

void ReceivePage::receiveNow() {
    ReceiveRequest request;
    request.waybill = m_waybill->text();
    request.phone = m_phone->text();
    request.name = m_name->text();
    if (m_carrier->isVisibleTo(this) && m_carrier->currentIndex() >= 0)
        request.carrier = m_carrier->currentData().toString();

    auto result = m_inbound.receive(request);
    if (!result) {
        const Error& e = result.error();
        m_code->clear();
        m_detail->clear();
        // Whatever went wrong, the recipient is typed again: a number left in the field would go
        // with the next scan to the wrong person.
        clearRecipient();
        showMessage(m_message, e.message, Tone::Bad);
        if (e.code == QLatin1String("carrier.ambiguous")) {
            updateCarrierChoice(e.details);
            m_carrier->setFocus();
        } else if (e.code == QLatin1String("carrier.not_detected") ||
                   e.code == QLatin1String("carrier.unknown")) {
            QStringList all;
            for (const CarrierInfo& c : m_station.carriers().carriers())
                all << c.code;
            showCarriers(all, tr("Choose the carrier."));
            m_carrier->setCurrentIndex(-1);
            m_carrier->setFocus();
        } else if (e.code.startsWith(QLatin1String("phone."))) {
            m_phone->setFocus();
            m_phone->selectAll();
        } else if (e.code.startsWith(QLatin1String("name."))) {
            m_name->setFocus();
        } else {
            m_waybill->setFocus();
            m_waybill->selectAll();
        }
        return;
    }
    const Parcel& p = result->parcel;
    m_last = p;
    m_printSlip->setEnabled(true);
    m_code->setText(p.pickupCode);
    m_detail->setText(tr("Place %1 · %2").arg(p.slotName(), p.maskedPhone()));
    QStringList notes;
    Tone tone = Tone::Good;
    if (result->overCapacity) {
        notes << tr("Every place is full: put it on %1 anyway and make room soon.").arg(p.slotName());
        tone = Tone::Warning;
    } else if (result->keptTogether) {
        notes << tr("Put it beside the same person's other parcels.");
    }
    if (result->prealerted)
        notes << tr("Recipient filled in from the county's pre-alert.");
    showMessage(m_message, notes.join(QLatin1Char(' ')), notes.isEmpty() ? Tone::Neutral : tone);
    // The slip goes straight to the printer: a preview per parcel would slow the queue of couriers.
    if (m_autoPrint->isChecked() && m_printing) {
        const print::Document slip = print::pickupSlip(print::slipData(m_station, p));
        m_slipRequests.insert(m_printing->print(slip, Paper::Slip));
    }
    m_waybill->clear();
    clearRecipient();
    showCarriers({}, {});
    m_waybill->setFocus();
}

void ReceivePage::setPrintService(PrintService* printing) {
    if (m_printing)
        disconnect(m_printing, nullptr, this, nullptr);
    m_printing = printing;
    m_slipRequests.clear();
    if (!m_printing)
        return;
    connect(m_printing, &PrintService::printed, this,
            [this](int request, const QString&) { m_slipRequests.remove(request); });
    connect(m_printing, &PrintService::failed, this, [this](int request, const QString& message, int) {
        if (m_slipRequests.remove(request))
            showMessage(m_message, message, Tone::Bad);
    });
}

void ReceivePage::refreshArrivals() {
    ParcelFilter f;
    f.inStationOnly = false;
    f.fromMs = localDayStartMs(localDate(m_station.clock().nowMs()));
    f.toMs = f.fromMs + kDayMs;
    m_arrivals->setFilter(f);
    m_table->resizeColumnsToContents();
}

void ReceivePage::refreshExpected() {
    auto expected = m_inbound.expectedToday();
    if (!expected) {
        showMessage(m_expectedLabel, expected.error().message, Tone::Bad);
        m_expectedTable->hide();
        return;
    }
    const int n = static_cast<int>(expected->size());
    m_expected->setRows(std::move(*expected), m_station.carriers());
    // Nothing announced (or no county): no empty table taking room from the arrivals.
    m_expectedTable->setVisible(n > 0);
    showMessage(m_expectedLabel,
                n > 0 ? tr("Expected today (county pre-alert): %n not scanned in yet", nullptr, n)
                      : QString(),
                Tone::Neutral);
    m_expectedTable->resizeColumnsToContents();
}

} // namespace cz::ui
