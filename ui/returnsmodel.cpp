#include "returnsmodel.h"

#include "parcelcolumns.h"

#include <iterator>

namespace cz::ui {

namespace {

// The field each column shows, in the order of ReturnsModel::Column.
constexpr ParcelField kFields[] = {ParcelField::Code, ParcelField::Waybill, ParcelField::Carrier,
                                   ParcelField::ReturnReason, ParcelField::Phone};
static_assert(std::size(kFields) == ReturnsModel::ColumnCount);

} // namespace

void ReturnsModel::setRows(QList<ReturnRow> rows) {
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int ReturnsModel::rowOf(const QString& parcelId) const {
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).parcel.id == parcelId)
            return i;
    }
    return -1;
}

int ReturnsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ReturnsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReturnsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ReturnRow& r = m_rows.at(index.row());
    if (role == Qt::UserRole)
        return r.parcel.id;
    if (role != Qt::DisplayRole)
        return {};
    if (const auto field = parcelFieldAt(kFields, index.column()))
        return ParcelFields::text(r.parcel, *field, r.carrierName);
    return {};
}

QVariant ReturnsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (const auto field = parcelFieldAt(kFields, section))
        return ParcelFields::header(*field);
    return {};
}

} // namespace cz::ui
