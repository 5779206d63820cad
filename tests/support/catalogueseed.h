// Seeds a station's catalogue snapshot as sync stores it (applyCountyChange in a downstream
// transaction), for tests of proxy orders that drive cunzhanctl. Opens the database through
// station-core (SQLite only) and closes it before returning.
#pragma once

#include "context.h"
#include "countychanges.h"
#include "writetx.h"

#include <QJsonObject>
#include <QTest>

namespace cz::test {

struct SeedItem {
    QString sku;
    QString name;
    qint64 priceFen = 0;
    bool active = true;
};

inline bool seedCatalogue(const QString& dbPath, const QList<SeedItem>& items) {
    auto ctx = StationContext::open(dbPath);
    if (!ctx)
        return false;
    SystemClock clock;
    UuidV7Source ids(clock);
    auto tx = WriteTx::beginDownstream((*ctx)->database(), clock, ids);
    if (!tx)
        return false;
    for (const SeedItem& i : items) {
        auto r = applyCountyChange(*tx, {QStringLiteral("catalogue_item"), i.sku,
                                         QJsonObject{{QStringLiteral("name"), i.name},
                                                     {QStringLiteral("spec"), QStringLiteral("1 kg")},
                                                     {QStringLiteral("unit"), QStringLiteral("袋")},
                                                     {QStringLiteral("price_fen"), i.priceFen},
                                                     {QStringLiteral("category"), QStringLiteral("农资")},
                                                     {QStringLiteral("supplier"), QStringLiteral("县农资")},
                                                     {QStringLiteral("active"), i.active}}});
        if (!r || !r->stored)
            return false;
    }
    return tx->commit().has_value();
}

} // namespace cz::test
