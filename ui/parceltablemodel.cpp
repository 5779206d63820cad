#include "parceltablemodel.h"

#include "parcelcolumns.h"

#include <QScopedValueRollback>
#include <iterator>

namespace cz::ui {

namespace {

// The field each column shows, in the order of ParcelTableModel::Column.
constexpr ParcelField kFields[] = {ParcelField::Code,    ParcelField::Place,   ParcelField::Waybill,
                                   ParcelField::Carrier, ParcelField::Phone,   ParcelField::Name,
                                   ParcelField::State,   ParcelField::Received};
static_assert(std::size(kFields) == ParcelTableModel::ColumnCount);

} // namespace

ParcelTableModel::ParcelTableModel(StationContext& station, QObject* parent)
    : QAbstractTableModel(parent)
    , m_station(station)
    , m_queries(station) {
    m_filter.inStationOnly = true;
}

void ParcelTableModel::setFilter(const ParcelFilter& filter) {
    m_filter = filter;
    reload();
}

void ParcelTableModel::reload() {
    {
        const QScopedValueRollback guard(m_notifying, true);
        beginResetModel();
        m_rows.clear();
        m_atEnd = false;
        m_error.clear();
        endResetModel();
    }
    fetchMore({});
}

int ParcelTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ParcelTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ParcelTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Parcel& p = m_rows.at(index.row());
    if (role == Qt::UserRole)
        return p.id;
    if (role == Qt::TextAlignmentRole && index.column() == Code)
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    const auto field = parcelFieldAt(kFields, index.column());
    if (!field)
        return {};
    const QString carrierName =
        *field == ParcelField::Carrier ? m_station.carriers().displayName(p.carrier) : QString();
    return ParcelFields::text(p, *field, carrierName);
}

QVariant ParcelTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (const auto field = parcelFieldAt(kFields, section))
        return ParcelFields::header(*field);
    return {};
}

bool ParcelTableModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && !m_atEnd;
}

void ParcelTableModel::fetchMore(const QModelIndex& parent) {
    // Views and testers call fetchMore while they react to this model's own change signals;
    // inserting then would nest one change inside another. They ask again afterwards.
    if (parent.isValid() || m_atEnd || m_notifying)
        return;
    ParcelFilter f = m_filter;
    f.limit = m_chunk;
    f.offset = static_cast<int>(m_rows.size());
    auto chunk = m_queries.list(f);
    if (!chunk) {
        m_error = chunk.error().message;
        m_atEnd = true;
        return;
    }
    if (chunk->size() < m_chunk)
        m_atEnd = true;
    if (chunk->isEmpty())
        return;
    const int first = static_cast<int>(m_rows.size());
    const QScopedValueRollback guard(m_notifying, true);
    beginInsertRows({}, first, first + static_cast<int>(chunk->size()) - 1);
    m_rows.append(*chunk);
    endInsertRows();
}

} // namespace cz::ui
