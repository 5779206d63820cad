// Orders (订单): the station's proxy orders, newest first, by status (or those waiting for a refund,
// or waiting to be collected: "arrived"), each with its lines and events; an order not yet shipped can
// be cancelled (after a confirmation, with the reason), which refunds it to where the money came from.
// Opening the page settles the refunds of orders the county refused that were paid from the account
// (Orders::settleRefunds); one paid at the counter stays "refund due" until the villager comes back and
// the clerk pays it out (by a counter method, or into the villager's deposit).
#pragma once

#include "orders.h"
#include "page.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace cz::ui {

class PrintService;
class TextRowsModel;

class OrdersPage : public Page {
    Q_OBJECT
public:
    OrdersPage(StationContext& station, PrintService* printing, QWidget* parent = nullptr);

    [[nodiscard]] QString title() const override { return tr("Order &list"); }
    void handleScan(const QString& code) override;
    void activate() override;

    void refresh();
    void showOrder(const QString& orderId);
    void cancelOrder();
    void payRefund();
    void printReceipt();

    [[nodiscard]] QComboBox* statusBox() const { return m_status; }
    [[nodiscard]] TextRowsModel* orders() const { return m_orders; }
    [[nodiscard]] QTableView* ordersView() const { return m_ordersView; }
    [[nodiscard]] TextRowsModel* lines() const { return m_lines; }
    [[nodiscard]] TextRowsModel* events() const { return m_events; }
    [[nodiscard]] QLineEdit* reasonField() const { return m_reason; }
    [[nodiscard]] QPushButton* cancelButton() const { return m_cancel; }
    [[nodiscard]] QComboBox* refundMethodBox() const { return m_refundMethod; }
    [[nodiscard]] QPushButton* refundButton() const { return m_refund; }
    [[nodiscard]] QString shownMessage() const;
    [[nodiscard]] QString currentOrder() const { return m_current; }

private:
    StationContext& m_station;
    PrintService* m_printing;
    Orders m_service;
    QComboBox* m_status;
    TextRowsModel* m_orders;
    QTableView* m_ordersView;
    QLabel* m_detail;
    TextRowsModel* m_lines;
    QTableView* m_linesView;
    TextRowsModel* m_events;
    QTableView* m_eventsView;
    QLineEdit* m_reason;
    QPushButton* m_cancel;
    QComboBox* m_refundMethod;
    QPushButton* m_refund;
    QPushButton* m_receipt;
    QLabel* m_message;
    QString m_current;
};

} // namespace cz::ui
