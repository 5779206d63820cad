// The parcels found for one pickup: checkable rows with days held and the storage fee, grouped by
// person (each person's rows share a tint), so the clerk hands over only what the collector takes.
#pragma once

#include "pickup.h"

#include <QAbstractTableModel>

namespace cz::ui {

struct PickupRow {
    Parcel parcel;
    QString carrierName;
    int daysHeld = 0;
    qint64 feeFen = 0;
    bool checked = true;
    int person = 0; // index of the person among the lookup's matches
};

class PickupModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Code, Slot, Phone, Name, Carrier, DaysHeld, Fee, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setRows(QList<PickupRow> rows);
    void clear() { setRows({}); }
    [[nodiscard]] QStringList checkedIds() const;
    [[nodiscard]] qint64 checkedFeeFen() const;
    [[nodiscard]] const PickupRow& rowAt(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void checkedChanged();

private:
    QList<PickupRow> m_rows;
};

} // namespace cz::ui
