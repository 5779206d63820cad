// The basket of the Order page (代购下单): catalogue items with a quantity each, at the price the clerk
// saw when the item went in. The same item again adds one to its line; the quantity is edited in place.
#pragma once

#include "catalogue.h"
#include "orders.h"

#include <QAbstractTableModel>

namespace cz::ui {

struct BasketLine {
    CatalogueItem item; // as the catalogue had it when the line was added
    qint64 quantity = 1;
};

class BasketModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Spec, Price, Quantity, Amount, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    // Adds one of the item (a new line, or one more on its line); returns the line's row.
    int add(const CatalogueItem& item);
    void removeLine(int row);
    void clear();
    [[nodiscard]] const BasketLine& lineAt(int row) const { return m_lines.at(row); }
    [[nodiscard]] qint64 totalFen() const;
    [[nodiscard]] bool isEmpty() const { return m_lines.isEmpty(); }
    // The order's lines, each at the price the clerk saw.
    [[nodiscard]] QList<OrderLineInput> orderLines() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void totalChanged();

private:
    QList<BasketLine> m_lines;
};

// A read-only table of texts with an id per row: the lists of the Villagers and Orders pages (the values
// come formatted and masked from the page, which has the services).
class TextRowsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit TextRowsModel(QStringList headers, QObject* parent = nullptr);

    void setRows(const QStringList& ids, const QList<QStringList>& rows);
    void clear() { setRows({}, {}); }
    [[nodiscard]] QString idAt(int row) const { return m_ids.value(row); }
    [[nodiscard]] int rowOf(const QString& id) const { return static_cast<int>(m_ids.indexOf(id)); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QStringList m_headers;
    QStringList m_ids;
    QList<QStringList> m_rows;
};

} // namespace cz::ui
