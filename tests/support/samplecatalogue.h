// Catalogue items stored at a station as the county's sync stores them (applyCountyChange, kind
// "catalogue_item"), for tests and benchmarks of the catalogue search.
#pragma once

#include "clock.h"
#include "context.h"
#include "countychanges.h"
#include "writetx.h"

#include <QJsonObject>

namespace cz::test {

struct SampleItem {
    QString sku;
    QString name;
    qint64 priceFen = 100;
    QString category;
    QString barcode;
    bool active = true;
    QString spec;
    QString unit;
};

inline QJsonObject catalogueData(const SampleItem& i) {
    return {{QStringLiteral("sku"), i.sku},
            {QStringLiteral("name"), i.name},
            {QStringLiteral("spec"), i.spec},
            {QStringLiteral("unit"), i.unit},
            {QStringLiteral("price_fen"), i.priceFen},
            {QStringLiteral("category"), i.category},
            {QStringLiteral("supplier"), QString()},
            {QStringLiteral("barcode"), i.barcode},
            {QStringLiteral("active"), i.active}};
}

// Stores the items in one downstream transaction; false (and a warning) when any is refused.
inline bool storeCatalogue(StationContext& ctx, const QList<SampleItem>& items) {
    UuidV7Source ids(ctx.clock());
    auto tx = WriteTx::beginDownstream(ctx.database(), ctx.clock(), ids);
    if (!tx) {
        qWarning("begin: %s", qPrintable(tx.error().message));
        return false;
    }
    for (const SampleItem& i : items) {
        auto r = applyCountyChange(*tx, {QStringLiteral("catalogue_item"), i.sku, catalogueData(i), false});
        if (!r || !r->stored) {
            qWarning("store %s: %s", qPrintable(i.sku),
                     r ? qPrintable(r->skipped) : qPrintable(r.error().message));
            return false;
        }
    }
    return tx->commit().has_value();
}

// The same on the database at dbPath (for tests that drive cunzhanctl): opened through station-core and
// closed before returning.
inline bool storeCatalogue(const QString& dbPath, const QList<SampleItem>& items) {
    auto ctx = StationContext::open(dbPath);
    return ctx && storeCatalogue(**ctx, items);
}

} // namespace cz::test
