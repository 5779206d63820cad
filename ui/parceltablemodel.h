// Parcels as a table for the views: filtered in the database and fetched in chunks as the view
// scrolls (canFetchMore/fetchMore), so a station with a million parcels opens at once.
#pragma once

#include "context.h"
#include "query.h"

#include <QAbstractTableModel>

namespace cz::ui {

class ParcelTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Code, Slot, Waybill, Carrier, Phone, Name, Status, Received, ColumnCount };

    explicit ParcelTableModel(StationContext& station, QObject* parent = nullptr);

    // Replaces the filter (its limit/offset are ignored) and starts again from the first chunk.
    void setFilter(const ParcelFilter& filter);
    [[nodiscard]] const ParcelFilter& filter() const { return m_filter; }
    void setChunkSize(int rows) { m_chunk = rows; }
    // Drops what was fetched and fetches the first chunk again (after the station changed).
    void reload();

    [[nodiscard]] Parcel parcelAt(int row) const { return m_rows.value(row); }
    [[nodiscard]] QString lastError() const { return m_error; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

private:
    StationContext& m_station;
    ParcelQueries m_queries;
    ParcelFilter m_filter;
    QList<Parcel> m_rows;
    QString m_error;
    int m_chunk = 100;
    bool m_atEnd = false;
    bool m_notifying = false;
};

} // namespace cz::ui
