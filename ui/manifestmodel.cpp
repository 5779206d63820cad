#include "manifestmodel.h"

namespace cz::ui {

void ManifestModel::setManifest(const Manifest& manifest) {
    beginResetModel();
    m_rows.clear();
    for (const BagSummary& bag : manifest.bags) {
        for (const QString& waybill : bag.waybills)
            m_rows.append({bag.bagNo, bag.seal, waybill});
    }
    m_bags = static_cast<int>(manifest.bags.size());
    endResetModel();
}

int ManifestModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ManifestModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ManifestModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole)
        return {};
    const Row& r = m_rows.at(index.row());
    switch (index.column()) {
    case Bag:
        return r.bagNo;
    case Seal:
        return r.seal;
    case Waybill:
        return r.waybill;
    default:
        return {};
    }
}

QVariant ManifestModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Bag:
        return tr("Bag");
    case Seal:
        return tr("Seal");
    case Waybill:
        return tr("Waybill");
    default:
        return {};
    }
}

} // namespace cz::ui
