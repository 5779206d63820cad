// All parcels: search by pickup code, waybill or phone tail, filter by status. The table pages
// lazily through the database and is filled only when the page is first shown.
#pragma once

#include "context.h"
#include "query.h"
#include "page.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace cz {
class StationContext;
}

namespace cz::ui {

class ParcelTableModel;

class ParcelsPage : public Page {
    Q_OBJECT
public:
    explicit ParcelsPage(StationContext& station, QWidget* parent = nullptr);

    [[nodiscard]] QString title() const override { return tr("P&arcels"); }
    void handleScan(const QString& code) override;
    void activate() override;

    [[nodiscard]] ParcelTableModel* model() const { return m_model; }
    [[nodiscard]] QLineEdit* searchField() const { return m_search; }
    [[nodiscard]] QComboBox* statusBox() const { return m_status; }

    void applyFilter();

private:
    StationContext& m_station;
    ParcelQueries m_queries;
    QLineEdit* m_search;
    QComboBox* m_status;
    QTableView* m_table;
    QLabel* m_count;
    ParcelTableModel* m_model;
    bool m_loaded = false;
    bool m_stale = false;
};

} // namespace cz::ui
