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

class Catalogue {
public:
    explicit Catalogue(StationContext& context)
        : m_ctx(context) {}

    // The item with this sku, active or withdrawn; nullopt when the station has never had it.
    [[nodiscard]] Result<std::optional<CatalogueItem>> item(const QString& sku);
    // The item with this product barcode (the active one first), for scanning into a basket.
    [[nodiscard]] Result<std::optional<CatalogueItem>> byBarcode(const QString& barcode);

private:
    StationContext& m_ctx;
};

// The catalogue's schema step (listed in migrations.cpp).
[[nodiscard]] QStringList catalogueSchemaStep();

} // namespace cz
