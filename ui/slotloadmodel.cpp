#include "slotloadmodel.h"

#include <QBrush>
#include <QColor>

namespace cz::ui {

SlotLoadModel::SlotLoadModel(StationContext& station, QObject* parent)
    : QAbstractTableModel(parent)
    , m_station(station)
    , m_shelves(station) {}

void SlotLoadModel::reload() {
    auto loads = m_shelves.slotLoads();
    beginResetModel();
    m_error = loads ? QString() : loads.error().message;
    m_rows = loads ? *loads : QList<SlotLoad>{};
    endResetModel();
}

int SlotLoadModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int SlotLoadModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SlotLoadModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SlotLoad& l = m_rows.at(index.row());
    if (role == Qt::ForegroundRole && l.waiting > l.slot.capacity)
        return QBrush(QColor(0xc0, 0, 0));
    if (role == Qt::UserRole)
        return l.slot.name();
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Place:
        return l.slot.name();
    case Waiting:
        return l.waiting;
    case Capacity:
        return l.slot.capacity;
    case Free:
        return l.slot.capacity - l.waiting;
    default:
        return {};
    }
}

QVariant SlotLoadModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Place:
        return tr("Place");
    case Waiting:
        return tr("Waiting");
    case Capacity:
        return tr("Capacity");
    case Free:
        return tr("Free");
    default:
        return {};
    }
}

} // namespace cz::ui
