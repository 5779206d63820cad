// The parcels the county announced for today's van and not scanned in yet (到件预报): waybill,
// carrier (by name) and the recipient's phone, masked. Read-only; filled from Station::expectedToday().
#pragma once

#include "station.h"

#include <QAbstractTableModel>
#include <QHash>

namespace cz::ui {

class PrealertModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Waybill, Carrier, Phone, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    // carrierNames: the carrier code's name to show (Station::carriers()); codes not in it show as they are.
    void setRows(QList<Prealert> rows, QHash<QString, QString> carrierNames = {});

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Prealert> m_rows;
    QHash<QString, QString> m_carrierNames;
};

} // namespace cz::ui
