// The county's catalogue of goods and farm inputs for proxy buying (代购): imported from CSV by the
// operator, kept in the table `catalogue`, and published to every station as `catalogue_item`
// changes, only what differs from what the county had (docs/county-server.md, "Catalogue").
#pragma once

#include "store.h"

#include <QByteArray>
#include <QJsonObject>

namespace cz::county {

struct CatalogueEntry {
    QString sku;
    QString name;
    QString spec;
    QString unit;
    qint64 priceFen = 0;
    QString category;
    QString supplier;
    QString barcode; // "" when none
    QString image;   // a file name only; the bytes are not delivered
    bool active = true;
    qint64 updatedAt = 0;

    // What stations receive: {sku, name, spec, unit, price_fen, category, supplier, barcode, active}.
    [[nodiscard]] QJsonObject published() const;
};

struct CatalogueImport {
    int added = 0;     // skus the county did not have
    int changed = 0;   // published fields differ (price, name, ..., or withdrawn item made active)
    int withdrawn = 0; // active before, now inactive: absent from the file, or active 0 in it
    int unchanged = 0; // nothing published (an image name alone changes without publishing)
};

inline constexpr int kMaxCatalogueItems = 100000;
inline constexpr qsizetype kMaxCatalogueBytes = 32 * 1024 * 1024;

// CSV (UTF-8) with the header sku,name,spec,unit,price_fen,category,supplier,barcode,active and
// optionally ",image". The file is the whole catalogue: items missing from it are withdrawn. Any
// bad line rejects the whole file, with every bad line named in the details; nothing is written.
[[nodiscard]] Result<CatalogueImport> importCatalogue(CountyStore& store, const QByteArray& csv);

// The county's catalogue by sku, withdrawn items included.
[[nodiscard]] Result<QList<CatalogueEntry>> listCatalogue(CountyStore& store);

// Schema version 3 (schema.cpp): the catalogue table.
[[nodiscard]] QStringList catalogueSchema();

} // namespace cz::county
