// Receiving parcels (入库): one scan of the waybill, the phone (or its last 4 digits), Enter.
// The pickup code and place are shown large; errors are shown in place, never in a dialog.
// Print slip reprints the last parcel's pickup slip (or every receipt prints one, when chosen);
// Print arrivals previews today's arrival list for the notice board. Expected today (到件预报) lists
// what the county announced for today's van and is not scanned in yet.
#pragma once

#include "context.h"
#include "query.h"
#include "inbound.h"
#include "page.h"
#include "parcel.h"

#include <QSet>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace cz {
class StationContext;
}

namespace cz::ui {

class ParcelTableModel;
class PrealertModel;
class PrintService;

class ReceivePage : public Page {
    Q_OBJECT
public:
    explicit ReceivePage(StationContext& station, QWidget* parent = nullptr);

    [[nodiscard]] QString title() const override { return tr("&Receive"); }
    void handleScan(const QString& code) override;
    void activate() override;

    // For tests and for the keyboard: the fields and the outcome shown.
    [[nodiscard]] QLineEdit* waybillField() const { return m_waybill; }
    [[nodiscard]] QLineEdit* phoneField() const { return m_phone; }
    [[nodiscard]] QLineEdit* nameField() const { return m_name; }
    [[nodiscard]] QComboBox* carrierBox() const { return m_carrier; }
    [[nodiscard]] QString shownCode() const;
    [[nodiscard]] QString shownMessage() const;
    [[nodiscard]] ParcelTableModel* arrivalsModel() const { return m_arrivals; }
    [[nodiscard]] PrealertModel* expectedModel() const { return m_expected; }
    [[nodiscard]] QString shownExpected() const;

    void receiveNow();
    // Checks the scanned or typed waybill before the recipient is asked for (malformed, already in
    // the station), clears what the previous parcel left on the page, and moves on to the phone.
    void checkWaybill();
    // The automatic slips go to printing without waiting; a failure shows here when it arrives.
    void setPrintService(PrintService* printing);
    void printSlip();
    void printArrivals();
    [[nodiscard]] QCheckBox* autoPrintBox() const { return m_autoPrint; }

private:
    void clearRecipient();
    void updateCarrierChoice(const QStringList& codes = {});
    void showCarriers(const QStringList& codes, const QString& hint);
    void refreshArrivals();
    void refreshExpected();

    StationContext& m_station;
    ParcelQueries m_queries;
    Inbound m_inbound;
    QLineEdit* m_waybill;
    QLineEdit* m_phone;
    QLineEdit* m_name;
    QComboBox* m_carrier;
    QLabel* m_carrierLabel;
    QLabel* m_carrierHint;
    QPushButton* m_receive;
    QLabel* m_code;
    QLabel* m_detail;
    QLabel* m_message;
    QTableView* m_table;
    ParcelTableModel* m_arrivals;
    QLabel* m_expectedLabel;
    QTableView* m_expectedTable;
    PrealertModel* m_expected;
    QPushButton* m_printSlip;
    QCheckBox* m_autoPrint;
    QPushButton* m_printArrivals;
    PrintService* m_printing = nullptr;
    QSet<int> m_slipRequests; // automatic slips posted and not yet printed or failed
    std::optional<Parcel> m_last;
};

} // namespace cz::ui
