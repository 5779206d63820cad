// The open manifest as the van driver checks it: one row per bagged waybill with its bag number and
// seal, in the order the bags were opened.
#pragma once

#include "manifest.h"

#include <QAbstractTableModel>

namespace cz::ui {

class ManifestModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Bag, Seal, Waybill, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setManifest(const Manifest& manifest);
    void clear() { setManifest({}); }
    [[nodiscard]] int bagCount() const { return m_bags; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        QString bagNo, seal, waybill;
    };
    QList<Row> m_rows;
    int m_bags = 0;
};

} // namespace cz::ui
