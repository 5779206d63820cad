// The county's catalogue of goods and farm inputs (代购), as the station last pulled it: the county
// publishes additions, price changes and withdrawals (cunzhan-county catalogue import), sync stores
// them here (countychanges.h, kind "catalogue_item"), and the station orders from this snapshot for
// days offline. A withdrawn item stays, inactive, so older orders and baskets can still name it.
#pragma once

#include "context.h"

#include <optional>

namespace cz {

struct CatalogueItem {
    QString sku;
    QString name;
    QString spec; // e.g. "500 g/袋"
    QString unit; // e.g. "袋"
    qint64 priceFen = 0;
    QString category;
    QString supplier;
    QString barcode; // empty when the item has none
    bool active = true;
    qint64 updatedAt = 0; // when the station stored this version (ms)
};

struct CategoryCount {
    QString category; // "" for items the county gave no category
    int items = 0;    // active items
};

class Catalogue {
public:
    explicit Catalogue(StationContext& context)
        : m_ctx(context) {}

    // The item with this sku, active or withdrawn; nullopt when the station has never had it.
    [[nodiscard]] Result<std::optional<CatalogueItem>> item(const QString& sku);
    // The item with this product barcode (the active one first), for scanning into a basket.
    [[nodiscard]] Result<std::optional<CatalogueItem>> byBarcode(const QString& barcode);

    // Active items as a clerk searches, best first: the exact barcode or sku; then names starting
    // with the text; pinyin initials starting with it ("xdw"), full pinyin starting with it
    // ("xiangdaowan", "xiang dao"); full pinyin from a syllable inside the name ("daowan", "dao wan");
    // then names or pinyin initials containing it (1 and 2
    // characters: names only). Prefix matches come by name (or pinyin), contained ones in the order the
    // station got them (sorting thousands of matches of a common word would cost more than the search). At
    // most `limit` items (1..kMaxSearchResults); only the category's items when one is given. An empty text
    // finds nothing.
    [[nodiscard]] Result<QList<CatalogueItem>> search(const QString& text, int limit,
                                                      const QString& category = {});
    // The categories of the active items, by name, with how many items each has.
    [[nodiscard]] Result<QList<CategoryCount>> categories();
    // A category's active items by name, a page at a time (limit 1..kMaxSearchResults).
    [[nodiscard]] Result<QList<CatalogueItem>> inCategory(const QString& category, int limit, int offset = 0);

    static constexpr int kMaxSearchResults = 200;
    static constexpr int kMaxQueryLength = 64; // characters of a search text; longer texts are cut

private:
    StationContext& m_ctx;
};

// The catalogue's schema steps (listed in migrations.cpp): the snapshot, the search indexes, and
// the full pinyin from inside names.
[[nodiscard]] QStringList catalogueSchemaStep();
[[nodiscard]] QStringList catalogueSearchSchemaStep();
[[nodiscard]] QStringList catalogueInnerPinyinSchemaStep();

} // namespace cz
