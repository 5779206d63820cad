// The result of a shelf audit as one table: every parcel seen or expected, with what was found.
#pragma once

#include "shelfaudit.h"

#include <QAbstractTableModel>

namespace cz::ui {

class AuditModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum class Finding { Missing, Misplaced, Unknown, Ok };
    enum Column { Result, Waybill, Code, Recorded, Found, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    // Problems first (missing, misplaced, unknown), then the parcels found where they belong.
    void setReport(const AuditReport& report);
    void clear() { setReport({}); }
    [[nodiscard]] Finding findingAt(int row) const { return m_rows.at(row).first; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<std::pair<Finding, AuditLine>> m_rows;
};

} // namespace cz::ui
