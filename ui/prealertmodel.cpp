#include "prealertmodel.h"

namespace cz::ui {

void PrealertModel::setRows(QList<Prealert> rows, CarrierRegistry carriers) {
    beginResetModel();
    m_rows = std::move(rows);
    m_carriers = std::move(carriers);
    endResetModel();
}

int PrealertModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int PrealertModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PrealertModel::data(const QModelIndex& index, int role) const {
    if (role != Qt::DisplayRole ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Prealert& a = m_rows.at(index.row());
    switch (index.column()) {
    case Waybill:
        return a.waybill;
    case Carrier:
        return m_carriers.displayName(a.carrier);
    case Phone:
        return a.maskedPhone(); // never the full number on screen
    default:
        return {};
    }
}

QVariant PrealertModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Waybill:
        return tr("Waybill");
    case Carrier:
        return tr("Carrier");
    case Phone:
        return tr("Phone");
    default:
        return {};
    }
}

} // namespace cz::ui
