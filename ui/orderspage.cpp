#include "orderspage.h"

#include "basketmodel.h"
#include "clock.h"
#include "context.h"
#include "messages.h"
#include "orderprinting.h"
#include "privacy.h"
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
// The status filter's entries besides the statuses themselves.
constexpr int kAll = -1;
constexpr int kRefundDue = -2;

QString paymentName(OrderPayment p) {
    switch (p) {
    case OrderPayment::Now:
        return OrdersPage::tr("paid now");
    case OrderPayment::Deposit:
        return OrdersPage::tr("from deposit");
    case OrderPayment::Credit:
        return OrdersPage::tr("on credit");
    }
    return {};
}

QString eventName(const QString& kind) {
    if (kind == QLatin1String("refunded"))
        return OrdersPage::tr("refunded");
    if (auto s = orderStatusFrom(kind))
        return statusDisplayName(*s);
    return kind;
}
} // namespace

OrdersPage::OrdersPage(StationContext& station, PrintService* printing, QWidget* parent)
    : Page(parent)
    , m_station(station)
    , m_printing(printing)
    , m_service(station)
    , m_status(new QComboBox(this))
    , m_orders(new TextRowsModel(
          {tr("Placed"), tr("Villager"), tr("Status"), tr("Payment"), tr("Total"), tr("Waybill")}, this))
    , m_ordersView(new QTableView(this))
    , m_detail(new QLabel(this))
    , m_lines(new TextRowsModel({tr("Item"), tr("Quantity"), tr("Price"), tr("Amount")}, this))
    , m_linesView(new QTableView(this))
    , m_events(new TextRowsModel({tr("Time"), tr("Event"), tr("By")}, this))
    , m_eventsView(new QTableView(this))
    , m_reason(new QLineEdit(this))
    , m_cancel(new QPushButton(tr("&Cancel order…"), this))
    , m_refundMethod(new QComboBox(this))
    , m_refund(new QPushButton(tr("Pay re&fund…"), this))
    , m_receipt(new QPushButton(tr("Pr&int receipt"), this))
    , m_message(new QLabel(this)) {
    m_status->addItem(tr("All orders"), kAll);
    for (OrderStatus s :
         {OrderStatus::Placed, OrderStatus::Accepted, OrderStatus::Refused, OrderStatus::Shipped,
          OrderStatus::Arrived, OrderStatus::Collected, OrderStatus::Cancelled})
        m_status->addItem(statusDisplayName(s), int(s));
    m_status->addItem(tr("Refund due"), kRefundDue);
    for (PayMethod m : {PayMethod::Cash, PayMethod::Wechat, PayMethod::Alipay, PayMethod::Bank})
        m_refundMethod->addItem(methodDisplayName(m), int(m));
    m_refundMethod->addItem(tr("Into the deposit"), int(PayMethod::Account));
    setUpRowTable(m_ordersView, m_orders);
    setUpRowTable(m_linesView, m_lines);
    setUpRowTable(m_eventsView, m_events);
    m_detail->setWordWrap(true);
    m_reason->setPlaceholderText(tr("Why the order is cancelled"));
    m_reason->setMaxLength(200);
    reserveMessageSpace(m_message);

    auto* statusLabel = new QLabel(tr("S&tatus:"), this);
    statusLabel->setBuddy(m_status);
    auto* top = new QHBoxLayout;
    top->addWidget(statusLabel);
    top->addWidget(m_status);
    top->addStretch(1);

    auto* detail = new QHBoxLayout;
    detail->addWidget(m_linesView, 3);
    detail->addWidget(m_eventsView, 2);

    auto* reasonLabel = new QLabel(tr("Reaso&n:"), this);
    reasonLabel->setBuddy(m_reason);
    auto* actions = new QHBoxLayout;
    actions->addWidget(reasonLabel);
    actions->addWidget(m_reason, 1);
    actions->addWidget(m_cancel);
    actions->addWidget(m_refundMethod);
    actions->addWidget(m_refund);
    actions->addWidget(m_receipt);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_ordersView, 3);
    layout->addWidget(m_detail);
    layout->addLayout(detail, 2);
    layout->addLayout(actions);
    layout->addWidget(m_message);

    connect(m_status, &QComboBox::activated, this, &OrdersPage::refresh);
    connect(m_ordersView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& index) { showOrder(m_orders->idAt(index.row())); });
    connect(m_cancel, &QPushButton::clicked, this, &OrdersPage::cancelOrder);
    connect(m_refund, &QPushButton::clicked, this, &OrdersPage::payRefund);
    connect(m_receipt, &QPushButton::clicked, this, &OrdersPage::printReceipt);
    whenChanged(station, this, Domain::Orders, [this] {
        if (isVisible())
            refresh();
    });

    showMessage(m_message, {}, Tone::Neutral);
    refresh();
}

void OrdersPage::activate() {
    if (auto settled = m_service.settleRefunds(); !settled)
        showMessage(m_message, settled.error().message, Tone::Bad);
    else if (*settled > 0)
        showMessage(m_message, tr("%n refused order(s) refunded.", nullptr, *settled), Tone::Warning);
    refresh();
    m_ordersView->setFocus();
}

void OrdersPage::handleScan(const QString&) {
    // Orders are not scanned; a stray scan changes nothing here.
}

QString OrdersPage::shownMessage() const {
    return m_message->text();
}

void OrdersPage::refresh() {
    const int choice = m_status->currentData().toInt();
    OrderFilter filter;
    if (choice >= 0)
        filter.status = static_cast<OrderStatus>(choice);
    auto list = m_service.list(filter);
    if (!list) {
        showMessage(m_message, list.error().message, Tone::Bad);
        return;
    }
    QStringList ids;
    QList<QStringList> rows;
    for (const Order& o : *list) {
        if (choice == kRefundDue && !o.refundDue)
            continue;
        ids << o.id;
        QString status = statusDisplayName(o.status);
        if (o.refundDue)
            status = tr("%1, refund due").arg(status);
        rows << QStringList{localDateTimeText(o.placedAt), o.villagerMasked,      status,
                            paymentName(o.payment),        formatFen(o.totalFen), o.waybill};
    }
    const QString keep = m_current;
    m_orders->setRows(ids, rows);
    const int row = m_orders->rowOf(keep);
    if (row >= 0)
        m_ordersView->selectRow(row);
    showOrder(row >= 0 ? keep : QString());
}

void OrdersPage::showOrder(const QString& orderId) {
    m_current = orderId;
    m_lines->clear();
    m_events->clear();
    m_cancel->setEnabled(false);
    m_receipt->setEnabled(false);
    if (orderId.isEmpty()) {
        m_detail->setText(tr("Choose an order to see its lines and events."));
        return;
    }
    auto o = m_service.show(orderId);
    if (!o) {
        showMessage(m_message, o.error().message, Tone::Bad);
        return;
    }
    QString text = tr("%1 · %2 · %3 yuan, %4")
                       .arg(o->villagerMasked, statusDisplayName(o->status), formatFen(o->totalFen),
                            paymentName(o->payment));
    if (!o->reason.isEmpty())
        text += QLatin1String(" · ") + tr("Reason: %1").arg(o->reason);
    if (o->priceChanged)
        text += QLatin1String(" · ") + tr("prices differ from the catalogue");
    m_detail->setText(text);
    QStringList lineIds;
    QList<QStringList> lineRows;
    for (const OrderLine& l : o->lines) {
        lineIds << QString::number(l.lineNo);
        lineRows << QStringList{l.spec.isEmpty() ? l.name : QStringLiteral("%1 %2").arg(l.name, l.spec),
                                QString::number(l.quantity), formatFen(l.priceFen), formatFen(l.amountFen())};
    }
    m_lines->setRows(lineIds, lineRows);
    QStringList eventIds;
    QList<QStringList> eventRows;
    for (const OrderEvent& e : o->events) {
        eventIds << e.id;
        eventRows << QStringList{localDateTimeText(e.at), eventName(e.kind), e.actor};
    }
    m_events->setRows(eventIds, eventRows);
    m_cancel->setEnabled(o->status == OrderStatus::Placed || o->status == OrderStatus::Accepted);
    const bool refundDue = o->refundDue && o->status == OrderStatus::Refused;
    m_refund->setEnabled(refundDue);
    m_refundMethod->setEnabled(refundDue);
    if (refundDue) // by the way it was paid, unless the clerk chooses another
        if (auto method = counterMethodFrom(o->method))
            m_refundMethod->setCurrentIndex(m_refundMethod->findData(int(*method)));
    m_receipt->setEnabled(true);
}

void OrdersPage::cancelOrder() {
    if (m_current.isEmpty())
        return;
    const QString reason = m_reason->text().trimmed();
    if (reason.isEmpty()) {
        showMessage(m_message, tr("Say why the order is cancelled."), Tone::Bad);
        m_reason->setFocus();
        return;
    }
    if (!Messages::confirm(this, tr("Cancel order"),
                           tr("Cancel this order? The money goes back to where it came from.")))
        return;
    auto o = m_service.cancel(m_current, reason);
    if (!o) {
        showMessage(m_message, tr("Not cancelled: %1").arg(o.error().message), Tone::Bad);
        return;
    }
    m_reason->clear();
    refresh();
    showMessage(m_message, tr("Cancelled; %1 yuan refunded.").arg(formatFen(o->totalFen)), Tone::Good);
}

void OrdersPage::payRefund() {
    if (m_current.isEmpty())
        return;
    auto o = m_service.show(m_current);
    if (!o) {
        showMessage(m_message, o.error().message, Tone::Bad);
        return;
    }
    const auto method = static_cast<PayMethod>(m_refundMethod->currentData().toInt());
    const QString question =
        method == PayMethod::Account
            ? tr("Put %1 yuan into the deposit of %2?").arg(formatFen(o->totalFen), o->villagerMasked)
            : tr("Pay %1 yuan back to %2 by %3?")
                  .arg(formatFen(o->totalFen), o->villagerMasked, methodDisplayName(method));
    if (!Messages::confirm(this, tr("Pay refund"), question))
        return;
    auto paid = m_service.payRefund(m_current, method);
    if (!paid) {
        showMessage(m_message, tr("Not refunded: %1").arg(paid.error().message), Tone::Bad);
        return;
    }
    refresh();
    showMessage(m_message, tr("Refunded %1 yuan.").arg(formatFen(paid->totalFen)), Tone::Good);
}

void OrdersPage::printReceipt() {
    auto o = m_service.show(m_current);
    if (!o) {
        showMessage(m_message, o.error().message, Tone::Bad);
        return;
    }
    if (auto st = previewOrderReceipt(this, m_station, *o, m_printing); !st)
        showMessage(m_message, st.error().message, Tone::Bad);
}

} // namespace cz::ui
