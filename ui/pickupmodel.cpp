#include "pickupmodel.h"

#include "parcelcolumns.h"
#include "privacy.h"

#include <QColor>
#include <iterator>

namespace cz::ui {

namespace {

// The parcel fields of the leading columns, in the order of PickupModel::Column.
constexpr ParcelField kParcelFields[] = {ParcelField::Code, ParcelField::Place, ParcelField::Phone,
                                         ParcelField::Name, ParcelField::Carrier};
static_assert(std::size(kParcelFields) == PickupModel::DaysHeld);

} // namespace

void PickupModel::setRows(QList<PickupRow> rows) {
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    Q_EMIT checkedChanged();
}

QStringList PickupModel::checkedIds() const {
    QStringList ids;
    for (const PickupRow& r : m_rows) {
        if (r.checked)
            ids << r.parcel.id;
    }
    return ids;
}

qint64 PickupModel::checkedFeeFen() const {
    qint64 total = 0;
    for (const PickupRow& r : m_rows) {
        if (r.checked)
            total += r.feeFen;
    }
    return total;
}

int PickupModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int PickupModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PickupModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PickupRow& r = m_rows.at(index.row());
    if (role == Qt::CheckStateRole && index.column() == Code)
        return r.checked ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::UserRole)
        return r.parcel.id;
    // Every other person's rows are tinted, so where one person's parcels end is plain to see.
    if (role == Qt::BackgroundRole && r.person % 2 == 1)
        return QColor(0xFF, 0xF1, 0xD6);
    if (role != Qt::DisplayRole)
        return {};
    if (const auto field = parcelFieldAt(kParcelFields, index.column()))
        return ParcelFields::text(r.parcel, *field, r.carrierName);
    switch (index.column()) {
    case DaysHeld:
        return r.daysHeld;
    case Fee:
        return formatFen(r.feeFen);
    default:
        return {};
    }
}

bool PickupModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        role != Qt::CheckStateRole || index.column() != Code)
        return false;
    const bool checked = value.value<Qt::CheckState>() == Qt::Checked || value.toInt() == Qt::Checked;
    PickupRow& r = m_rows[index.row()];
    if (r.checked == checked)
        return true;
    r.checked = checked;
    Q_EMIT dataChanged(index, index, {Qt::CheckStateRole});
    Q_EMIT checkedChanged();
    return true;
}

Qt::ItemFlags PickupModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Code)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant PickupModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (const auto field = parcelFieldAt(kParcelFields, section))
        return ParcelFields::header(*field);
    switch (section) {
    case DaysHeld:
        return tr("Days held");
    case Fee:
        return tr("Fee (yuan)");
    default:
        return {};
    }
}

} // namespace cz::ui
