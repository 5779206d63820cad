#include "basketmodel.h"

#include "privacy.h"

namespace cz::ui {

int BasketModel::add(const CatalogueItem& item) {
    for (int row = 0; row < m_lines.size(); ++row) {
        if (m_lines[row].item.sku == item.sku) {
            if (m_lines[row].quantity < kMaxLineQuantity)
                ++m_lines[row].quantity;
            Q_EMIT dataChanged(index(row, Quantity), index(row, Amount));
            Q_EMIT totalChanged();
            return row;
        }
    }
    const int row = static_cast<int>(m_lines.size());
    beginInsertRows({}, row, row);
    m_lines.append({item, 1});
    endInsertRows();
    Q_EMIT totalChanged();
    return row;
}

void BasketModel::removeLine(int row) {
    if (row < 0 || row >= m_lines.size())
        return;
    beginRemoveRows({}, row, row);
    m_lines.removeAt(row);
    endRemoveRows();
    Q_EMIT totalChanged();
}

void BasketModel::clear() {
    beginResetModel();
    m_lines.clear();
    endResetModel();
    Q_EMIT totalChanged();
}

qint64 BasketModel::totalFen() const {
    qint64 total = 0;
    for (const BasketLine& l : m_lines)
        total += l.quantity * l.item.priceFen;
    return total;
}

QList<OrderLineInput> BasketModel::orderLines() const {
    QList<OrderLineInput> out;
    for (const BasketLine& l : m_lines)
        out.append({l.item.sku, l.quantity, l.item.priceFen});
    return out;
}

int BasketModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_lines.size());
}

int BasketModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BasketModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BasketLine& l = m_lines.at(index.row());
    if (role == Qt::TextAlignmentRole && index.column() >= Price)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::EditRole && index.column() == Quantity)
        return l.quantity;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Name:
        return l.item.name;
    case Spec:
        return l.item.spec;
    case Price:
        return formatFen(l.item.priceFen);
    case Quantity:
        return l.item.unit.isEmpty() ? QString::number(l.quantity)
                                     : QStringLiteral("%1 %2").arg(l.quantity).arg(l.item.unit);
    case Amount:
        return formatFen(l.quantity * l.item.priceFen);
    default:
        return {};
    }
}

bool BasketModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        role != Qt::EditRole || index.column() != Quantity)
        return false;
    bool ok = false;
    const qint64 quantity = value.toLongLong(&ok);
    if (!ok || quantity < 1 || quantity > kMaxLineQuantity)
        return false;
    m_lines[index.row()].quantity = quantity;
    Q_EMIT dataChanged(this->index(index.row(), Quantity), this->index(index.row(), Amount));
    Q_EMIT totalChanged();
    return true;
}

Qt::ItemFlags BasketModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Quantity)
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant BasketModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Item");
    case Spec:
        return tr("Spec");
    case Price:
        return tr("Price");
    case Quantity:
        return tr("Quantity");
    case Amount:
        return tr("Amount");
    default:
        return {};
    }
}

TextRowsModel::TextRowsModel(QStringList headers, QObject* parent)
    : QAbstractTableModel(parent)
    , m_headers(std::move(headers)) {}

void TextRowsModel::setRows(const QStringList& ids, const QList<QStringList>& rows) {
    beginResetModel();
    m_ids = ids;
    m_rows = rows;
    endResetModel();
}

int TextRowsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int TextRowsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_headers.size());
}

QVariant TextRowsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        role != Qt::DisplayRole)
        return {};
    return m_rows.at(index.row()).value(index.column());
}

QVariant TextRowsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return m_headers.value(section);
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace cz::ui
