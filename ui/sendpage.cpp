#include "sendpage.h"

#include "dispatchmodel.h"
#include "fromstation.h"
#include "printpreview.h"
#include "privacy.h"
#include "context.h"
#include "style.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace cz::ui {

namespace {
QLabel* buddyLabel(const QString& text, QWidget* buddy) {
    auto* label = new QLabel(text, buddy->parentWidget());
    label->setBuddy(buddy);
    return label;
}
} // namespace

SendPage::SendPage(StationContext& station, PrintService* printing, QWidget* parent)
    : Page(parent)
    , m_station(station)
    , m_desk(station)
    , m_printing(printing)
    , m_senderName(new QLineEdit(this))
    , m_senderPhone(new QLineEdit(this))
    , m_senderId(new QLineEdit(this))
    , m_idMessage(new QLabel(this))
    , m_recipientName(new QLineEdit(this))
    , m_recipientPhone(new QLineEdit(this))
    , m_province(new QComboBox(this))
    , m_city(new QLineEdit(this))
    , m_district(new QLineEdit(this))
    , m_address(new QLineEdit(this))
    , m_contents(new QComboBox(this))
    , m_note(new QLineEdit(this))
    , m_inspected(new QCheckBox(tr("Inspected, nothing prohi&bited"), this))
    , m_weight(new QSpinBox(this))
    , m_carrier(new QComboBox(this))
    , m_waybill(new QLineEdit(this))
    , m_quote(new QLabel(this))
    , m_accept(new QPushButton(tr("Accept (Enter)"), this))
    , m_shownWaybill(new QLabel(this))
    , m_message(new QLabel(this))
    , m_print(new QPushButton(tr("Print &label"), this))
    , m_table(new QTableView(this))
    , m_today(new DispatchModel(this)) {
    makeScanField(m_senderPhone);
    makeScanField(m_senderId);
    makeScanField(m_recipientPhone);
    makeScanField(m_waybill);
    m_senderId->setObjectName(QStringLiteral("senderId"));
    m_senderId->setPlaceholderText(tr("18 characters, from the ID card"));
    m_senderPhone->setPlaceholderText(tr("11 digits"));
    m_recipientPhone->setPlaceholderText(tr("11 digits"));
    m_waybill->setPlaceholderText(tr("empty: the next number of the carrier's block"));
    m_note->setPlaceholderText(tr("what exactly, e.g. navel oranges"));
    m_province->setEditable(true);
    m_province->setInsertPolicy(QComboBox::NoInsert);
    for (const QString& key : contentsCategories())
        m_contents->addItem(contentsLabel(key), key);
    m_contents->setCurrentIndex(-1);
    // Combo boxes as wide as the column, not as their longest entry (a carrier's full name): the two
    // columns fit beside the rail at 1024 pixels.
    for (QComboBox* box : {m_province, m_contents, m_carrier}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(6);
    }
    m_weight->setRange(0, 100000);
    m_weight->setSuffix(tr(" g"));
    m_weight->setSingleStep(100);
    for (const CarrierInfo& c : m_station.carriers().carriers())
        m_carrier->addItem(QStringLiteral("%1 (%2)").arg(c.displayName(), c.code), c.code);
    m_accept->setToolTip(tr("Enter accepts the parcel"));
    m_print->setEnabled(false);
    scaleFont(m_shownWaybill, 2.5, true);
    m_shownWaybill->setObjectName(QStringLiteral("shownWaybill"));
    m_shownWaybill->setTextInteractionFlags(Qt::TextSelectableByMouse);
    scaleFont(m_quote, 1.3, true);
    for (QLabel* l : {m_idMessage, m_quote})
        l->setWordWrap(true);
    reserveMessageSpace(m_message);

    // Two columns: the sender and parcel on the left, the recipient on the right.
    auto* sender = new QFormLayout;
    sender->addRow(buddyLabel(tr("Sender &name:"), m_senderName), m_senderName);
    sender->addRow(buddyLabel(tr("Sender &mobile:"), m_senderPhone), m_senderPhone);
    sender->addRow(buddyLabel(tr("Resident &ID:"), m_senderId), m_senderId);
    sender->addRow(QString(), m_idMessage);
    auto* contentsRow = new QHBoxLayout;
    contentsRow->addWidget(m_contents);
    contentsRow->addWidget(m_note, 1);
    sender->addRow(buddyLabel(tr("&Kind of contents:"), m_contents), contentsRow);
    sender->addRow(m_inspected); // across both columns: its long text does not widen the fields
    sender->addRow(buddyLabel(tr("&Weight:"), m_weight), m_weight);
    sender->addRow(buddyLabel(tr("&Carrier:"), m_carrier), m_carrier);
    sender->addRow(buddyLabel(tr("Waybill no. (i&f any):"), m_waybill), m_waybill);

    auto* recipient = new QFormLayout;
    recipient->addRow(buddyLabel(tr("&To (recipient):"), m_recipientName), m_recipientName);
    recipient->addRow(buddyLabel(tr("Recipient p&hone:"), m_recipientPhone), m_recipientPhone);
    recipient->addRow(buddyLabel(tr("Pro&vince:"), m_province), m_province);
    recipient->addRow(buddyLabel(tr("Cit&y:"), m_city), m_city);
    recipient->addRow(buddyLabel(tr("District:"), m_district), m_district);
    recipient->addRow(buddyLabel(tr("Street and ho&use:"), m_address), m_address);

    auto* columns = new QHBoxLayout;
    // The sender's column has the longer labels and a row of two fields: it gets more of the width.
    columns->addLayout(sender, 4);
    columns->addLayout(recipient, 3);

    auto* acceptRow = new QHBoxLayout;
    acceptRow->addWidget(m_quote, 1);
    acceptRow->addWidget(m_accept);
    auto* resultRow = new QHBoxLayout;
    resultRow->addWidget(m_shownWaybill, 1);
    resultRow->addWidget(m_print);

    m_table->setModel(m_today);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addLayout(acceptRow);
    layout->addLayout(resultRow);
    layout->addWidget(m_message);
    layout->addWidget(new QLabel(tr("Sent today:"), this));
    layout->addWidget(m_table, 1);

    // Tab goes down the sender's column, then the recipient's, then Accept.
    setTabOrder(m_senderName, m_senderPhone);
    setTabOrder(m_senderPhone, m_senderId);
    setTabOrder(m_senderId, m_recipientName);
    setTabOrder(m_recipientName, m_recipientPhone);
    setTabOrder(m_recipientPhone, m_province);
    setTabOrder(m_province, m_city);
    setTabOrder(m_city, m_district);
    setTabOrder(m_district, m_address);
    setTabOrder(m_address, m_contents);
    setTabOrder(m_contents, m_note);
    setTabOrder(m_note, m_inspected);
    setTabOrder(m_inspected, m_weight);
    setTabOrder(m_weight, m_carrier);
    setTabOrder(m_carrier, m_waybill);
    setTabOrder(m_waybill, m_accept);
    setTabOrder(m_accept, m_print);

    connect(m_senderId, &QLineEdit::editingFinished, this, &SendPage::checkResidentId);
    // Editing the masked number starts over: the accepted number is no longer what is shown.
    connect(m_senderId, &QLineEdit::textEdited, this, [this] { m_acceptedId.clear(); });
    connect(m_province, &QComboBox::currentTextChanged, this, &SendPage::updateQuote);
    connect(m_weight, &QSpinBox::valueChanged, this, &SendPage::updateQuote);
    connect(m_carrier, &QComboBox::currentIndexChanged, this, &SendPage::updateQuote);
    connect(m_accept, &QPushButton::clicked, this, &SendPage::acceptNow);
    connect(m_print, &QPushButton::clicked, this, &SendPage::printLabel);
    whenChanged(m_station, this, Domains(Domain::Dispatch) | Domain::Station, [this] { refresh(); });
    refresh();
}

void SendPage::activate() {
    refresh();
    m_senderName->setFocus();
}

void SendPage::handleScan(const QString& code) {
    m_waybill->setText(normaliseWaybill(code));
    m_waybill->setFocus();
}

QString SendPage::shownWaybill() const {
    return m_shownWaybill->text();
}
QString SendPage::shownMessage() const {
    return m_message->text();
}
QString SendPage::shownQuote() const {
    return m_quote->text();
}
QString SendPage::shownIdMessage() const {
    return m_idMessage->text();
}

void SendPage::keyPressEvent(QKeyEvent* event) {
    // Line edits, spin boxes and check boxes pass Enter on: here it accepts the parcel.
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        acceptNow();
        return;
    }
    Page::keyPressEvent(event);
}

void SendPage::checkResidentId() {
    const QString text = m_senderId->text();
    if (text.isEmpty() || (!m_acceptedId.isEmpty() && text == maskResidentId(m_acceptedId))) {
        showMessage(m_idMessage, {}, Tone::Neutral);
        return;
    }
    auto id = validateResidentId(text);
    if (!id) {
        m_acceptedId.clear();
        showMessage(m_idMessage, id.error().message, Tone::Bad);
        return;
    }
    m_acceptedId = *id;
    m_senderId->setText(maskResidentId(*id));
    showMessage(m_idMessage, tr("ID checked."), Tone::Good);
}

void SendPage::updateQuote() {
    if (m_weight->value() <= 0 || m_province->currentText().trimmed().isEmpty() ||
        m_carrier->currentIndex() < 0) {
        showMessage(m_quote, tr("Weigh the parcel and choose the province for the fee."), Tone::Neutral);
        return;
    }
    auto q = m_desk.quote(m_carrier->currentData().toString(), m_province->currentText(), m_weight->value());
    if (!q) {
        showMessage(m_quote, q.error().message, Tone::Bad);
        return;
    }
    //: The live quote: fee, routing zone, chargeable kilograms
    showMessage(m_quote,
                tr("Fee %1 yuan · zone %2 · %3 kg").arg(formatFen(q->feeFen), q->zone).arg(q->chargeableKg),
                Tone::Neutral);
}

void SendPage::acceptNow() {
    checkResidentId();
    DispatchRequest r;
    r.senderName = m_senderName->text();
    r.senderPhone = m_senderPhone->text();
    r.senderId = m_acceptedId.isEmpty() ? m_senderId->text() : m_acceptedId;
    r.recipientName = m_recipientName->text();
    r.recipientPhone = m_recipientPhone->text();
    r.province = m_province->currentText();
    r.city = m_city->text();
    r.district = m_district->text();
    r.address = m_address->text();
    r.contents = m_contents->currentData().toString();
    r.contentsNote = m_note->text();
    r.inspected = m_inspected->isChecked();
    r.weightGrams = m_weight->value();
    r.carrier = m_carrier->currentData().toString();
    r.waybill = m_waybill->text();

    auto d = m_desk.accept(r);
    if (!d) {
        showMessage(m_message, d.error().message, Tone::Bad);
        focusFieldOf(d.error().code);
        return;
    }
    m_last = *d;
    m_shownWaybill->setText(d->waybill);
    m_print->setEnabled(true);
    showMessage(
        m_message,
        tr("Accepted: %1 yuan to collect, zone %2. Write the waybill on the parcel or print the label.")
            .arg(formatFen(d->feeFen), d->zone),
        Tone::Good);
    clearForm();
    m_senderName->setFocus();
}

void SendPage::focusFieldOf(const QString& code) {
    QWidget* field = m_waybill;
    if (code == QLatin1String("dispatch.sender_name"))
        field = m_senderName;
    else if (code == QLatin1String("dispatch.sender_phone"))
        field = m_senderPhone;
    else if (code.startsWith(QLatin1String("id.")))
        field = m_senderId;
    else if (code == QLatin1String("dispatch.recipient_name"))
        field = m_recipientName;
    else if (code == QLatin1String("dispatch.recipient_phone"))
        field = m_recipientPhone;
    else if (code == QLatin1String("dispatch.address"))
        field = m_province->currentText().trimmed().isEmpty() ? static_cast<QWidget*>(m_province)
                : m_city->text().trimmed().isEmpty()          ? m_city
                : m_district->text().trimmed().isEmpty()      ? m_district
                                                              : m_address;
    else if (code == QLatin1String("dispatch.contents"))
        field = m_contents;
    else if (code == QLatin1String("dispatch.not_inspected"))
        field = m_inspected;
    else if (code == QLatin1String("dispatch.weight") || code == QLatin1String("dispatch.too_heavy"))
        field = m_weight;
    else if (code.startsWith(QLatin1String("carrier.")) || code == QLatin1String("dispatch.no_rate"))
        field = m_carrier;
    field->setFocus();
}

void SendPage::clearForm() {
    m_acceptedId.clear();
    for (QLineEdit* e : {m_senderName, m_senderPhone, m_senderId, m_recipientName, m_recipientPhone, m_city,
                         m_district, m_address, m_note, m_waybill})
        e->clear();
    m_province->setCurrentIndex(-1);
    m_province->setEditText(QString());
    m_contents->setCurrentIndex(-1);
    m_inspected->setChecked(false);
    m_weight->setValue(0);
    showMessage(m_idMessage, {}, Tone::Neutral);
}

void SendPage::printLabel() {
    if (!m_last)
        return;
    PrintPreview::preview(this, print::waybillLabel(print::labelData(*m_last, m_station.carriers())),
                          Paper::Label, m_printing);
}

void SendPage::refresh() {
    const QString province = m_province->currentText();
    const QSignalBlocker blocker(m_province);
    m_province->clear();
    // The provinces the rate table knows; free text is still allowed.
    if (auto provinces = m_desk.provinces())
        m_province->addItems(*provinces);
    m_province->setEditText(province);

    auto all = m_desk.list();
    QList<Dispatch> today;
    const qint64 from = localDayStartMs(localDate(m_station.clock().nowMs()));
    if (all) {
        for (const Dispatch& d : std::as_const(*all)) {
            if (d.acceptedAt >= from)
                today.append(d);
        }
    }
    m_today->setRows(std::move(today), m_station.carriers());
    m_table->resizeColumnsToContents();
    updateQuote(); // rates may have arrived (the county's, or imported by cunzhanctl)
}

} // namespace cz::ui
