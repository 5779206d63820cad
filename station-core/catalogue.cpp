#include "catalogue.h"

#include "countychanges.h"
#include "writetx.h"

namespace cz {

namespace {

const QString kColumns = QStringLiteral("SELECT sku, name, spec, unit, price_fen, category, supplier, "
                                        "barcode, active, updated_at FROM catalogue_item");

CatalogueItem itemFromRow(const QSqlQuery& q) {
    CatalogueItem item;
    item.sku = q.value(0).toString();
    item.name = q.value(1).toString();
    item.spec = q.value(2).toString();
    item.unit = q.value(3).toString();
    item.priceFen = q.value(4).toLongLong();
    item.category = q.value(5).toString();
    item.supplier = q.value(6).toString();
    item.barcode = q.value(7).toString();
    item.active = q.value(8).toInt() != 0;
    item.updatedAt = q.value(9).toLongLong();
    return item;
}

Result<std::optional<CatalogueItem>> firstItem(Database& db, const QString& sql, const QVariantList& args) {
    auto q = db.exec(sql, args);
    if (!q)
        return fail(q.error());
    std::optional<CatalogueItem> found;
    if ((*q)->next())
        found = itemFromRow(**q);
    (*q)->finish();
    return found;
}

} // namespace

Result<std::optional<CatalogueItem>> Catalogue::item(const QString& sku) {
    return firstItem(m_ctx.database(), kColumns + QStringLiteral(" WHERE sku = ?"), {sku.trimmed()});
}

Result<std::optional<CatalogueItem>> Catalogue::byBarcode(const QString& barcode) {
    return firstItem(m_ctx.database(),
                     kColumns + QStringLiteral(" WHERE barcode = ? ORDER BY active DESC, sku LIMIT 1"),
                     {barcode.trimmed()});
}

// One item as the county publishes it: {sku, name, spec, unit, price_fen, category, supplier,
// barcode, active}. A deletion withdraws the item (it stays, inactive).
Result<ChangeOutcome> storeCatalogueItem(WriteTx& tx, const CountyChange& change) {
    const QString sku = change.key.trimmed();
    if (sku.isEmpty() || sku.size() > 64)
        return skipped("a catalogue item without a usable sku");
    if (change.deleted) {
        auto q = tx.exec(QStringLiteral("UPDATE catalogue_item SET active = 0, updated_at = ? WHERE sku = ?"),
                         {tx.now(), sku});
        if (!q)
            return fail(q.error());
        return ChangeOutcome{};
    }
    const QJsonObject& d = change.data;
    const QString name = d.value(QStringLiteral("name")).toString().trimmed();
    const double price = d.value(QStringLiteral("price_fen")).toDouble(-1);
    if (name.isEmpty() || name.size() > 200)
        return skipped("a catalogue item without a usable name");
    if (price < 0 || price > 1e11 || price != double(qint64(price)))
        return skipped("a catalogue item whose price is not a whole number of fen in range");
    const QString barcode = d.value(QStringLiteral("barcode")).toString().trimmed();
    auto q = tx.exec(
        QStringLiteral(
            "INSERT INTO catalogue_item(sku, name, spec, unit, price_fen, category, supplier, barcode,"
            " active, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(sku) DO UPDATE SET name = excluded.name, spec = excluded.spec,"
            " unit = excluded.unit, price_fen = excluded.price_fen, category = excluded.category,"
            " supplier = excluded.supplier, barcode = excluded.barcode, active = excluded.active,"
            " updated_at = excluded.updated_at"),
        {sku, name, d.value(QStringLiteral("spec")).toString().trimmed(),
         d.value(QStringLiteral("unit")).toString().trimmed(), qint64(price),
         d.value(QStringLiteral("category")).toString().trimmed(),
         d.value(QStringLiteral("supplier")).toString().trimmed(), barcode.isEmpty() ? QVariant() : barcode,
         d.value(QStringLiteral("active")).toBool(true) ? 1 : 0, tx.now()});
    if (!q)
        return fail(q.error());
    return ChangeOutcome{};
}

// Version 9: the catalogue snapshot. The pinyin columns are filled when an item is stored, for search.
QStringList catalogueSchemaStep() {
    return {
        QStringLiteral("CREATE TABLE catalogue_item ("
                       " sku TEXT PRIMARY KEY,"
                       " name TEXT NOT NULL,"
                       " spec TEXT NOT NULL DEFAULT '',"
                       " unit TEXT NOT NULL DEFAULT '',"
                       " price_fen INTEGER NOT NULL,"
                       " category TEXT NOT NULL DEFAULT '',"
                       " supplier TEXT NOT NULL DEFAULT '',"
                       " barcode TEXT,"
                       " active INTEGER NOT NULL DEFAULT 1,"
                       " pinyin_full TEXT NOT NULL DEFAULT '',"
                       " pinyin_initials TEXT NOT NULL DEFAULT '',"
                       " updated_at INTEGER NOT NULL)"),
        QStringLiteral(
            "CREATE INDEX catalogue_item_barcode ON catalogue_item(barcode) WHERE barcode IS NOT NULL"),
        QStringLiteral("CREATE INDEX catalogue_item_category ON catalogue_item(category, name)"),
    };
}

} // namespace cz
