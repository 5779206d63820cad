// Shelves: how full each place is, and the shelf audit (盘点): choose a place, scan every parcel
// found on it, see what is missing, misplaced or unknown, and apply the fixes after confirming.
#pragma once

#include "page.h"
#include "context.h"
#include "shelfaudit.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace cz::ui {

class AuditModel;
class SlotLoadModel;

class ShelvesPage : public Page {
    Q_OBJECT
public:
    explicit ShelvesPage(StationContext& station, QWidget* parent = nullptr);

    [[nodiscard]] QString title() const override { return tr("&Shelves"); }
    void handleScan(const QString& code) override;
    void activate() override;

    void startAudit(const QString& place);
    void addScan(const QString& waybill);
    void applyFixes();
    void finishAudit();

    [[nodiscard]] bool auditing() const { return !m_place.isEmpty(); }
    [[nodiscard]] const AuditReport& report() const { return m_report; }
    [[nodiscard]] SlotLoadModel* loadModel() const { return m_loads; }
    [[nodiscard]] AuditModel* auditModel() const { return m_audit; }
    [[nodiscard]] QString shownMessage() const;

private:
    void reloadLoads();
    void recompute();

    StationContext& m_station;
    ShelfAudit m_shelves;
    SlotLoadModel* m_loads;
    AuditModel* m_audit;
    QTableView* m_loadTable;
    QComboBox* m_placeBox;
    QPushButton* m_start;
    QLineEdit* m_scanField;
    QTableView* m_auditTable;
    QPushButton* m_apply;
    QPushButton* m_finish;
    QLabel* m_summary;
    QLabel* m_message;
    QString m_place;
    QList<AuditScan> m_scans;
    AuditReport m_report;
};

} // namespace cz::ui
