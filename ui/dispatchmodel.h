// Parcels sent from the station (today's, on the Send page): waybill, carrier, the masked sender
// and recipient, destination, weight, fee and status. The sender's resident ID is never a column.
#pragma once

#include "carriers.h"
#include "dispatch.h"

#include <QAbstractTableModel>

namespace cz::ui {

class DispatchModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Waybill, Carrier, Sender, Recipient, Phone, Destination, Weight, Fee, Status, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    // carriers: the station's (StationContext::carriers()), to show carrier names.
    void setRows(QList<Dispatch> rows, CarrierRegistry carriers = {});
    [[nodiscard]] const Dispatch& rowAt(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Dispatch> m_rows;
    CarrierRegistry m_carriers;
};

} // namespace cz::ui
