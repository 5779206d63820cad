#include "returnsmodel.h"

namespace cz::ui {

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
    switch (index.column()) {
    case Code:
        return r.parcel.pickupCode;
    case Waybill:
        return r.parcel.waybill;
    case Carrier:
        return r.carrierName;
    case Reason: {
        // An unknown stored reason (a newer peer's) is shown as stored rather than hidden.
        const auto reason = returnReasonFrom(r.parcel.returnReason);
        return reason ? returnReasonLabel(*reason) : r.parcel.returnReason;
    }
    case Phone:
        return r.parcel.maskedPhone();
    default:
        return {};
    }
}

QVariant ReturnsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Code:
        return tr("Pickup code");
    case Waybill:
        return tr("Waybill");
    case Carrier:
        return tr("Carrier");
    case Reason:
        return tr("Reason");
    case Phone:
        return tr("Phone");
    default:
        return {};
    }
}

} // namespace cz::ui
