// The parcels marked for return, as the courier will collect them: code, waybill, carrier, the
// reason, and the recipient's masked phone.
#pragma once

#include "parcel.h"

#include <QAbstractTableModel>

namespace cz::ui {

struct ReturnRow {
    Parcel parcel;
    QString carrierName;
};

class ReturnsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Code, Waybill, Carrier, Reason, Phone, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setRows(QList<ReturnRow> rows);
    void clear() { setRows({}); }
    [[nodiscard]] const ReturnRow& rowAt(int row) const { return m_rows.at(row); }
    [[nodiscard]] int rowOf(const QString& parcelId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ReturnRow> m_rows;
};

} // namespace cz::ui
