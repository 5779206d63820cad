// Places on the shelves with their capacity and the number of parcels waiting there.
#pragma once

#include "context.h"
#include "shelfaudit.h"

#include <QAbstractTableModel>

namespace cz::ui {

class SlotLoadModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Place, Waiting, Capacity, Free, ColumnCount };

    explicit SlotLoadModel(StationContext& station, QObject* parent = nullptr);
    void reload();
    [[nodiscard]] QString lastError() const { return m_error; }
    [[nodiscard]] const SlotLoad& loadAt(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    StationContext& m_station;
    ShelfAudit m_shelves;
    QList<SlotLoad> m_rows;
    QString m_error;
};

} // namespace cz::ui
