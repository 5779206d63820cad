// Sending parcels (寄件): the sender's real name, mobile and resident ID (checked on leaving the
// field, then shown masked), the recipient and address, the inspected contents, weight and carrier
// with a live quote, Enter to accept. The waybill is then shown large with Print label; the form
// clears for the next villager but keeps the carrier. Today's dispatches are listed below, masked.
#pragma once

#include "dispatch.h"
#include "page.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;

namespace cz {
class StationContext;
}

namespace cz::ui {

class DispatchModel;
class PrintService;

class SendPage : public Page {
    Q_OBJECT
public:
    explicit SendPage(StationContext& station, PrintService* printing = nullptr, QWidget* parent = nullptr);

    [[nodiscard]] QString title() const override { return tr("Sen&d"); }
    void handleScan(const QString& code) override;
    void activate() override;

    void acceptNow();
    void printLabel();
    void updateQuote();

    // For tests and for the keyboard.
    [[nodiscard]] QLineEdit* senderNameField() const { return m_senderName; }
    [[nodiscard]] QLineEdit* senderPhoneField() const { return m_senderPhone; }
    [[nodiscard]] QLineEdit* senderIdField() const { return m_senderId; }
    [[nodiscard]] QLineEdit* recipientNameField() const { return m_recipientName; }
    [[nodiscard]] QLineEdit* recipientPhoneField() const { return m_recipientPhone; }
    [[nodiscard]] QComboBox* provinceBox() const { return m_province; }
    [[nodiscard]] QLineEdit* cityField() const { return m_city; }
    [[nodiscard]] QLineEdit* districtField() const { return m_district; }
    [[nodiscard]] QLineEdit* addressField() const { return m_address; }
    [[nodiscard]] QComboBox* contentsBox() const { return m_contents; }
    [[nodiscard]] QCheckBox* inspectedBox() const { return m_inspected; }
    [[nodiscard]] QSpinBox* weightBox() const { return m_weight; }
    [[nodiscard]] QComboBox* carrierBox() const { return m_carrier; }
    [[nodiscard]] QLineEdit* waybillField() const { return m_waybill; }
    [[nodiscard]] QPushButton* printButton() const { return m_print; }
    [[nodiscard]] DispatchModel* todayModel() const { return m_today; }
    [[nodiscard]] QString shownWaybill() const;
    [[nodiscard]] QString shownMessage() const;
    [[nodiscard]] QString shownQuote() const;
    [[nodiscard]] QString shownIdMessage() const;

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void checkResidentId();
    void focusFieldOf(const QString& errorCode);
    void clearForm();
    void refresh();

    StationContext& m_station;
    DispatchDesk m_desk;
    PrintService* m_printing;
    QString m_acceptedId; // the validated resident ID; the field shows it masked
    std::optional<Dispatch> m_last;

    QLineEdit* m_senderName;
    QLineEdit* m_senderPhone;
    QLineEdit* m_senderId;
    QLabel* m_idMessage;
    QLineEdit* m_recipientName;
    QLineEdit* m_recipientPhone;
    QComboBox* m_province;
    QLineEdit* m_city;
    QLineEdit* m_district;
    QLineEdit* m_address;
    QComboBox* m_contents;
    QLineEdit* m_note;
    QCheckBox* m_inspected;
    QSpinBox* m_weight;
    QComboBox* m_carrier;
    QLineEdit* m_waybill;
    QLabel* m_quote;
    QPushButton* m_accept;
    QLabel* m_shownWaybill;
    QLabel* m_message;
    QPushButton* m_print;
    QTableView* m_table;
    DispatchModel* m_today;
};

} // namespace cz::ui
