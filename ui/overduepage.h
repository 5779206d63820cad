// Overdue & returns: the parcels held past their free days with the fee so far, reminders for
// them (at most one per parcel a day, the station decides), marking a parcel for return with a
// reason, and the list of parcels waiting to go back to their carrier.
#pragma once

#include "context.h"
#include "overdue.h"
#include "page.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace cz {
class StationContext;
}

namespace cz::ui {

class OverdueModel;
class ReturnsModel;

class OverduePage : public Page {
    Q_OBJECT
public:
    explicit OverduePage(StationContext& station, QWidget* parent = nullptr);

    [[nodiscard]] QString title() const override { return tr("&Overdue && returns"); }
    // A scanned pickup code or waybill selects that parcel in the overdue list.
    void handleScan(const QString& code) override;
    void activate() override;

    void refresh();
    void queueReminders();
    void markSelectedForReturn();
    // Selects the parcel in the overdue list; false when it is not there.
    bool selectParcel(const QString& parcelId);
    [[nodiscard]] QString selectedParcelId() const;

    [[nodiscard]] OverdueModel* overdueModel() const { return m_overdueModel; }
    [[nodiscard]] ReturnsModel* returnsModel() const { return m_returnsModel; }
    [[nodiscard]] QTableView* overdueView() const { return m_overdueView; }
    [[nodiscard]] QTableView* returnsView() const { return m_returnsView; }
    [[nodiscard]] QPushButton* remindButton() const { return m_remind; }
    [[nodiscard]] QComboBox* reasonBox() const { return m_reason; }
    [[nodiscard]] QLineEdit* noteField() const { return m_note; }
    [[nodiscard]] QPushButton* markButton() const { return m_mark; }
    [[nodiscard]] QString shownReminderMessage() const;
    [[nodiscard]] QString shownReturnMessage() const;

private:
    void presetReason();

    StationContext& m_station;
    Overdue m_overdue;
    QLabel* m_summary;
    QPushButton* m_remind;
    QLabel* m_reminderMessage;
    QTableView* m_overdueView;
    OverdueModel* m_overdueModel;
    QComboBox* m_reason;
    QLineEdit* m_note;
    QPushButton* m_mark;
    QLabel* m_returnMessage;
    QTableView* m_returnsView;
    ReturnsModel* m_returnsModel;
    QString m_presetFor; // the parcel the reason was last preset for
    bool m_stale = true;
};

} // namespace cz::ui
