#include "auditmodel.h"

#include <QBrush>
#include <QColor>

namespace cz::ui {

void AuditModel::setReport(const AuditReport& report) {
    beginResetModel();
    m_rows.clear();
    for (const auto& [finding, lines] :
         {std::pair{Finding::Missing, &report.missing}, std::pair{Finding::Misplaced, &report.misplaced},
          std::pair{Finding::Unknown, &report.unknown}, std::pair{Finding::Ok, &report.ok}}) {
        for (const AuditLine& line : *lines)
            m_rows.append({finding, line});
    }
    endResetModel();
}

int AuditModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int AuditModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto& [finding, line] = m_rows.at(index.row());
    if (role == Qt::ForegroundRole && finding != Finding::Ok)
        return QBrush(finding == Finding::Misplaced ? QColor(0xa6, 0x5e, 0) : QColor(0xc0, 0, 0));
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Result:
        switch (finding) {
        case Finding::Missing:
            return tr("Missing");
        case Finding::Misplaced:
            return tr("Misplaced");
        case Finding::Unknown:
            return tr("Unknown");
        case Finding::Ok:
            return tr("OK");
        }
        return {};
    case Waybill:
        return line.waybill;
    case Code:
        return line.pickupCode;
    case Recorded:
        return line.recordedSlot;
    case Found:
        return line.foundSlot;
    default:
        return {};
    }
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Result:
        return tr("Result");
    case Waybill:
        return tr("Waybill");
    case Code:
        return tr("Pickup code");
    case Recorded:
        return tr("Recorded place");
    case Found:
        return tr("Found on");
    default:
        return {};
    }
}

} // namespace cz::ui
