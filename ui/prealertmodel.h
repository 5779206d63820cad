// The parcels the county announced for today's van and not scanned in yet (到件预报): waybill,
// carrier (by name) and the recipient's phone, masked. Read-only; filled from Inbound::expectedToday().
#pragma once

#include "inbound.h"

#include <QAbstractTableModel>

namespace cz::ui {

class PrealertModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Waybill, Carrier, Phone, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    // carriers: the station's (StationContext::carriers()), to show carrier names; codes it does not know show
    // as they are.
    void setRows(QList<Prealert> rows, CarrierRegistry carriers = {});

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Prealert> m_rows;
    CarrierRegistry m_carriers;
};

} // namespace cz::ui
