// The overdue parcels for the Overdue & returns page: days held, days past the free period, the
// storage fee so far, and a mark on those held so long that returning them should be considered.
#pragma once

#include "overdue.h"

#include <QAbstractTableModel>

namespace cz::ui {

struct OverdueRow {
    OverdueItem item;
    QString carrierName;
};

class OverdueModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Code, Slot, Phone, Name, Carrier, DaysHeld, OverdueDays, Fee, Advice, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setRows(QList<OverdueRow> rows);
    void clear() { setRows({}); }
    [[nodiscard]] const OverdueRow& rowAt(int row) const { return m_rows.at(row); }
    // The row showing the parcel, or -1.
    [[nodiscard]] int rowOf(const QString& parcelId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<OverdueRow> m_rows;
};

} // namespace cz::ui
