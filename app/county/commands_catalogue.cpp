// cunzhan-county catalogue import / list: the county's catalogue for proxy buying (sync/server/catalogue.h).
#include "catalogue.h"
#include "commands.h"

#include <QFile>

namespace cz::county::cli {

namespace {

QString yuan(qint64 fen) {
    return QStringLiteral("%1.%2").arg(fen / 100).arg(fen % 100, 2, 10, QLatin1Char('0'));
}

} // namespace

int catalogueImport(const Context& c) {
    QFile file(c.args.at(0));
    if (!file.open(QIODevice::ReadOnly))
        return report({ErrorKind::BadInput, QStringLiteral("file.unreadable"),
                       QStringLiteral("Cannot read %1: %2").arg(c.args.at(0), file.errorString())},
                      c.json);
    // One byte more than allowed is enough to refuse a file that is too large.
    const QByteArray bytes = file.read(kMaxCatalogueBytes + 1);
    auto store = CountyStore::open(c.db);
    if (!store)
        return report(store.error(), c.json);
    auto counts = importCatalogue(**store, bytes);
    if (!counts)
        return report(counts.error(), c.json);
    if (c.json)
        printJson({{QStringLiteral("added"), counts->added},
                   {QStringLiteral("changed"), counts->changed},
                   {QStringLiteral("withdrawn"), counts->withdrawn},
                   {QStringLiteral("unchanged"), counts->unchanged}});
    else
        printLine(QStringLiteral("catalogue published: %1 added, %2 changed, %3 withdrawn, %4 unchanged")
                      .arg(counts->added)
                      .arg(counts->changed)
                      .arg(counts->withdrawn)
                      .arg(counts->unchanged));
    return 0;
}

int catalogueList(const Context& c) {
    auto store = CountyStore::open(c.db);
    if (!store)
        return report(store.error(), c.json);
    auto items = listCatalogue(**store);
    if (!items)
        return report(items.error(), c.json);
    for (const CatalogueEntry& e : *items) {
        if (c.json) {
            QJsonObject o = e.published();
            o.insert(QStringLiteral("image"), e.image);
            o.insert(QStringLiteral("updated_at"), e.updatedAt);
            printJson(o);
        } else {
            printLine(QStringLiteral("%1  %2  %3  %4 yuan/%5  %6  %7%8")
                          .arg(e.sku, e.name, e.spec, yuan(e.priceFen), e.unit, e.category,
                               e.active ? QStringLiteral("active") : QStringLiteral("withdrawn"),
                               e.barcode.isEmpty() ? QString() : QStringLiteral("  barcode ") + e.barcode));
        }
    }
    return 0;
}

} // namespace cz::county::cli
