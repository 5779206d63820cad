#include "overduemodel.h"

#include "parcelcolumns.h"
#include "privacy.h"

#include <QBrush>
#include <QColor>
#include <iterator>

namespace cz::ui {

namespace {

// The parcel fields of the leading columns, in the order of OverdueModel::Column.
constexpr ParcelField kParcelFields[] = {ParcelField::Code, ParcelField::Place, ParcelField::Phone,
                                         ParcelField::Name, ParcelField::Carrier};
static_assert(std::size(kParcelFields) == OverdueModel::DaysHeld);

} // namespace

void OverdueModel::setRows(QList<OverdueRow> rows) {
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int OverdueModel::rowOf(const QString& parcelId) const {
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).item.parcel.id == parcelId)
            return i;
    }
    return -1;
}

int OverdueModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int OverdueModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OverdueModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const OverdueRow& r = m_rows.at(index.row());
    const Parcel& p = r.item.parcel;
    if (role == Qt::UserRole)
        return p.id;
    // The whole row of an unclaimed parcel stands out, not only its advice cell.
    if (role == Qt::ForegroundRole && r.item.held.unclaimed)
        return QBrush(QColor(0xa6, 0x5e, 0x00));
    if (role == Qt::TextAlignmentRole && index.column() >= DaysHeld && index.column() <= Fee)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    if (const auto field = parcelFieldAt(kParcelFields, index.column()))
        return ParcelFields::text(p, *field, r.carrierName);
    switch (index.column()) {
    case DaysHeld:
        return r.item.held.daysHeld;
    case OverdueDays:
        return r.item.held.feeDays;
    case Fee:
        return formatFen(r.item.held.feeFen);
    case Advice:
        return r.item.held.unclaimed ? tr("Unclaimed — consider returning") : QString();
    default:
        return {};
    }
}

QVariant OverdueModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (const auto field = parcelFieldAt(kParcelFields, section))
        return ParcelFields::header(*field);
    switch (section) {
    case DaysHeld:
        return tr("Days held");
    case OverdueDays:
        return tr("Days overdue");
    case Fee:
        return tr("Fee so far (yuan)");
    case Advice:
        return tr("Advice");
    default:
        return {};
    }
}

} // namespace cz::ui
