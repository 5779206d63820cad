#include "rejectedopsmodel.h"

namespace cz::ui {

void RejectedOpsModel::setRows(QList<sync::RejectedOp> rows) {
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int RejectedOpsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int RejectedOpsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RejectedOpsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const sync::RejectedOp& op = m_rows.at(index.row());
    if (role == Qt::ToolTipRole)
        //: Tooltip of a refused op: its id, the county's answer ("rejected"/"conflict") and reason code
        return tr("Op %1 · %2 · %3").arg(op.opId, op.result, op.reasonCode);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Kind:
        return op.kind;
    case Entity:
        return op.entityId;
    case Reason:
        // The county's message is for people; without one the code is all there is.
        return op.reason.isEmpty() ? op.reasonCode : op.reason;
    default:
        return {};
    }
}

QVariant RejectedOpsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Kind:
        return tr("Change");
    case Entity:
        return tr("Record");
    case Reason:
        return tr("Reason");
    default:
        return {};
    }
}

} // namespace cz::ui
