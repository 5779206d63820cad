// The county's catalogue as the station holds it (proxy buying): search as a clerk searches, and
// the categories to browse (station-core/catalogue.h).
#include "catalogue.h"
#include "commands.h"
#include "output.h"

namespace cz::ctl {

namespace {

void defineCatalogue(QCommandLineParser& p) {
    p.addPositionalArgument(QStringLiteral("action"), Tr::tr("search TEXT, or categories."));
    p.addOption(option(QStringLiteral("category"), Tr::tr("search: only items of this category."),
                       QStringLiteral("C")));
    p.addOption(option(
        QStringLiteral("limit"),
        Tr::tr("search: at most this many items (1 to %1, default 20).").arg(Catalogue::kMaxSearchResults),
        QStringLiteral("N")));
}

QJsonObject itemJson(const CatalogueItem& i) {
    return {{QStringLiteral("sku"), i.sku},
            {QStringLiteral("name"), i.name},
            {QStringLiteral("spec"), i.spec},
            {QStringLiteral("unit"), i.unit},
            {QStringLiteral("price_fen"), i.priceFen},
            {QStringLiteral("category"), i.category},
            {QStringLiteral("supplier"), i.supplier},
            {QStringLiteral("barcode"), i.barcode},
            {QStringLiteral("active"), i.active}};
}

int runSearch(Context& ctx, const QCommandLineParser& p, const QString& text) {
    int limit = 20;
    if (p.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        limit = p.value(QStringLiteral("limit")).trimmed().toInt(&ok);
        if (!ok || limit < 1 || limit > Catalogue::kMaxSearchResults)
            return ctx.out.usage(Tr::tr("--limit is a whole number from 1 to %1, not \"%2\".")
                                     .arg(Catalogue::kMaxSearchResults)
                                     .arg(p.value(QStringLiteral("limit"))),
                                 ctx.command);
    }
    if (text.trimmed().isEmpty())
        return ctx.out.usage(Tr::tr("Give the text to search for: part of a name, pinyin initials or full "
                                    "pinyin, a barcode or an item number."),
                             ctx.command);
    const QString category =
        p.isSet(QStringLiteral("category")) ? p.value(QStringLiteral("category")).trimmed() : QString();
    auto found = Catalogue(ctx.station()).search(text, limit, category);
    if (!found)
        return ctx.out.fail(found.error());
    if (ctx.out.json()) {
        for (const CatalogueItem& i : *found)
            ctx.out.object(itemJson(i));
        return 0;
    }
    if (found->isEmpty()) {
        ctx.out.note(Tr::tr("No item in the catalogue matches \"%1\".").arg(text.trimmed()));
        return 0;
    }
    Table t{{Tr::tr("Item no."), Tr::tr("Name", "catalogue item"), Tr::tr("Spec"), Tr::tr("Price"),
             Tr::tr("Category"), Tr::tr("Barcode")},
            {}};
    for (const CatalogueItem& i : *found)
        t.rows.append({i.sku, i.name, i.spec,
                       i.unit.isEmpty() ? yuan(i.priceFen)
                                        : Tr::tr("%1/%2", "price per unit").arg(yuan(i.priceFen), i.unit),
                       i.category, i.barcode});
    ctx.out.table(t);
    return 0;
}

int runCategories(Context& ctx) {
    auto cats = Catalogue(ctx.station()).categories();
    if (!cats)
        return ctx.out.fail(cats.error());
    if (ctx.out.json()) {
        for (const CategoryCount& c : *cats)
            ctx.out.object({{QStringLiteral("category"), c.category}, {QStringLiteral("items"), c.items}});
        return 0;
    }
    if (cats->isEmpty()) {
        ctx.out.note(Tr::tr("The catalogue is empty: it comes from the county centre with sync."));
        return 0;
    }
    Table t{{Tr::tr("Category"), Tr::tr("Items")}, {}};
    for (const CategoryCount& c : *cats)
        t.rows.append({c.category.isEmpty() ? Tr::tr("(none)") : c.category, QString::number(c.items)});
    ctx.out.table(t);
    return 0;
}

int runCatalogue(Context& ctx, const QCommandLineParser& p) {
    const QStringList pos = p.positionalArguments();
    if (pos.value(0) == QLatin1String("search") && pos.size() >= 2)
        return runSearch(ctx, p, pos.mid(1).join(QLatin1Char(' ')));
    if (pos.value(0) == QLatin1String("categories") && pos.size() == 1)
        return runCategories(ctx);
    return ctx.out.usage(Tr::tr("Write \"catalogue search TEXT [--category C] [--limit N]\" or "
                                "\"catalogue categories\"."),
                         ctx.command);
}

} // namespace

QList<Command> catalogueCommands() {
    return {
        {QStringLiteral("catalogue"),
         Tr::tr("Search the county's catalogue (name, pinyin, barcode) or list its categories."),
         QStringLiteral("(search TEXT [--category C] [--limit N] | categories)"), true, false,
         defineCatalogue, runCatalogue},
    };
}

} // namespace cz::ctl
