// The ops the county refused, for the clerk to read: what kind of change, on which record, and why.
// Read-only; filled from SyncStatus::rejected.
#pragma once

#include "syncstore.h"

#include <QAbstractTableModel>

namespace cz::ui {

class RejectedOpsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Kind, Entity, Reason, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setRows(QList<sync::RejectedOp> rows);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<sync::RejectedOp> m_rows;
};

} // namespace cz::ui
