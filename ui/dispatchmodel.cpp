#include "dispatchmodel.h"

#include "documents.h"
#include "privacy.h"

namespace cz::ui {

void DispatchModel::setRows(QList<Dispatch> rows, CarrierRegistry carriers) {
    beginResetModel();
    m_rows = std::move(rows);
    m_carriers = std::move(carriers);
    endResetModel();
}

int DispatchModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int DispatchModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DispatchModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Dispatch& d = m_rows.at(index.row());
    if (role == Qt::UserRole)
        return d.id;
    if (role == Qt::TextAlignmentRole && (index.column() == Weight || index.column() == Fee))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Waybill:
        return d.waybill;
    case Carrier:
        return m_carriers.displayName(d.carrier);
    case Sender:
        return maskName(d.senderName);
    case Recipient:
        return maskName(d.recipientName);
    case Phone:
        return maskPhone(d.recipientPhone, d.recipientPhone.right(4));
    case Destination:
        return QStringList{d.province, d.city, d.district}.join(QLatin1Char(' ')).simplified();
    case Weight:
        return print::formatWeight(d.weightGrams);
    case Fee:
        return formatFen(d.feeFen);
    case Status:
        return dispatchStatusLabel(d.status);
    default:
        return {};
    }
}

QVariant DispatchModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Waybill:
        return tr("Waybill");
    case Carrier:
        return tr("Carrier");
    case Sender:
        return tr("Sender");
    case Recipient:
        return tr("Recipient");
    case Phone:
        return tr("Phone");
    case Destination:
        return tr("Destination");
    case Weight:
        return tr("Weight");
    case Fee:
        return tr("Fee (yuan)");
    case Status:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace cz::ui
