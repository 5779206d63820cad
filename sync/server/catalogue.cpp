#include "catalogue.h"

#include "csv.h"
#include "feed.h"

#include <QHash>
#include <QSet>

namespace cz::county {

namespace {

const QString kHeader = QStringLiteral("sku,name,spec,unit,price_fen,category,supplier,barcode,active");
const QString kHeaderWithImage = kHeader + QStringLiteral(",image");
constexpr qint64 kMaxPriceFen = 10000000000LL; // 100 million yuan

bool printable(const QString& s) {
    for (const QChar c : s)
        if (!c.isPrint())
            return false;
    return true;
}

bool allDigits(const QString& s) {
    for (const QChar c : s)
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    return true;
}

// A free-text field: at most `max` characters, no control or format characters.
void checkText(const QString& value, const char* field, qsizetype max, QStringList* errors) {
    if (value.size() > max)
        errors->append(
            QStringLiteral("the %1 is longer than %2 characters").arg(QLatin1String(field)).arg(max));
    else if (!printable(value))
        errors->append(
            QStringLiteral("the %1 contains control or format characters").arg(QLatin1String(field)));
}

// The row's problems, or none.
QStringList checkRow(const QStringList& f, int columns, QSet<QString>* skus, CatalogueEntry* out) {
    if (f.size() != columns)
        return {QStringLiteral("expected %1 fields, found %2").arg(columns).arg(f.size())};
    QStringList errors;
    out->sku = f.at(0);
    out->name = f.at(1).simplified();
    out->spec = f.at(2).simplified();
    out->unit = f.at(3).simplified();
    out->category = f.at(5).simplified();
    out->supplier = f.at(6).simplified();
    out->barcode = f.at(7);
    out->image = columns > 9 ? f.at(9) : QString();

    if (out->sku.isEmpty() || out->sku.size() > 64)
        errors.append(QStringLiteral("the sku \"%1\" is not 1 to 64 characters").arg(out->sku));
    else if (!printable(out->sku) || out->sku.contains(QLatin1Char(' ')))
        errors.append(
            QStringLiteral("the sku \"%1\" contains spaces, control or format characters").arg(out->sku));
    else if (skus->contains(out->sku))
        errors.append(QStringLiteral("the sku %1 is listed twice").arg(out->sku));
    skus->insert(out->sku);
    if (out->name.isEmpty())
        errors.append(QStringLiteral("no name"));
    else
        checkText(out->name, "name", 200, &errors);
    checkText(out->spec, "spec", 100, &errors);
    checkText(out->unit, "unit", 20, &errors);
    checkText(out->category, "category", 50, &errors);
    checkText(out->supplier, "supplier", 100, &errors);
    bool priceOk = !f.at(4).isEmpty() && f.at(4).size() <= 11 && allDigits(f.at(4));
    out->priceFen = priceOk ? f.at(4).toLongLong() : -1;
    if (!priceOk || out->priceFen > kMaxPriceFen)
        errors.append(QStringLiteral("the price \"%1\" is not a whole number of fen from 0 to %2")
                          .arg(f.at(4))
                          .arg(kMaxPriceFen));
    if (f.at(8) != QLatin1String("0") && f.at(8) != QLatin1String("1"))
        errors.append(QStringLiteral("active is \"%1\", not 0 or 1").arg(f.at(8)));
    out->active = f.at(8) == QLatin1String("1");
    if (!out->barcode.isEmpty() &&
        (out->barcode.size() < 8 || out->barcode.size() > 14 || !allDigits(out->barcode)))
        errors.append(QStringLiteral("the barcode \"%1\" is not 8 to 14 digits").arg(out->barcode));
    if (out->image.size() > 200 || !printable(out->image) || out->image.contains(QLatin1Char('/')) ||
        out->image.contains(QLatin1Char('\\')) || out->image == QLatin1String(".") ||
        out->image == QLatin1String(".."))
        errors.append(
            QStringLiteral("the image \"%1\" is not a file name (no folders, at most 200 characters)")
                .arg(out->image.left(200)));
    return errors;
}

Result<QList<CatalogueEntry>> parseCatalogue(const QByteArray& csv) {
    if (csv.size() > kMaxCatalogueBytes)
        return fail(
            ErrorKind::BadInput, QStringLiteral("catalogue.too_large"),
            QStringLiteral("The catalogue file is larger than %1 MiB.").arg(kMaxCatalogueBytes >> 20));
    QStringList lines;
    if (!csvLines(csv, &lines))
        return fail(ErrorKind::BadInput, QStringLiteral("catalogue.encoding"),
                    QStringLiteral("The catalogue file is not UTF-8 text; save it as \"CSV UTF-8\"."));
    const QString header = lines.isEmpty() ? QString() : lines.first().trimmed();
    if (header != kHeader && header != kHeaderWithImage)
        return fail(ErrorKind::BadInput, QStringLiteral("catalogue.bad_header"),
                    QStringLiteral("The first line must be the header %1 (optionally followed by ,image).")
                        .arg(kHeader));
    const int columns = header == kHeader ? 9 : 10;
    QList<CatalogueEntry> rows;
    QStringList errors;
    QSet<QString> skus;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (lines.at(i).trimmed().isEmpty())
            continue;
        if (rows.size() >= kMaxCatalogueItems)
            return fail(ErrorKind::BadInput, QStringLiteral("catalogue.too_large"),
                        QStringLiteral("The catalogue file has more than %1 items.").arg(kMaxCatalogueItems));
        CatalogueEntry e;
        for (const QString& problem : checkRow(splitCsv(lines.at(i)), columns, &skus, &e))
            errors.append(QStringLiteral("line %1: %2").arg(i + 1).arg(problem));
        rows.append(e);
    }
    if (!errors.isEmpty())
        return fail(
            ErrorKind::BadInput, QStringLiteral("catalogue.invalid"),
            QStringLiteral("The catalogue file has %1 error(s); nothing was imported.").arg(errors.size()),
            errors);
    if (rows.isEmpty())
        return fail(
            ErrorKind::BadInput, QStringLiteral("catalogue.empty"),
            QStringLiteral("The catalogue file has no items; to withdraw items, list them with active 0."));
    return rows;
}

const QString kSelect =
    QStringLiteral("SELECT sku, name, spec, unit, price_fen, category, supplier, barcode, image,"
                   " active, updated_at FROM catalogue");

CatalogueEntry entryFromRow(const Row& r) {
    CatalogueEntry e;
    e.sku = r.at(0).toString();
    e.name = r.at(1).toString();
    e.spec = r.at(2).toString();
    e.unit = r.at(3).toString();
    e.priceFen = r.at(4).toLongLong();
    e.category = r.at(5).toString();
    e.supplier = r.at(6).toString();
    e.barcode = r.at(7).toString();
    e.image = r.at(8).toString();
    e.active = r.at(9).toInt() != 0;
    e.updatedAt = r.at(10).toLongLong();
    return e;
}

// Qt SQL binds a null QString as NULL; the columns are NOT NULL, "" when empty.
QVariant text(const QString& s) {
    return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s);
}

Status store(Tx& tx, const CatalogueEntry& e, bool exists) {
    const QVariantList args{text(e.name),
                            text(e.spec),
                            text(e.unit),
                            e.priceFen,
                            text(e.category),
                            text(e.supplier),
                            text(e.barcode),
                            text(e.image),
                            e.active ? 1 : 0,
                            tx.now(),
                            e.sku};
    auto r =
        exists
            ? tx.exec(QStringLiteral("UPDATE catalogue SET name = ?, spec = ?, unit = ?, price_fen = ?,"
                                     " category = ?, supplier = ?, barcode = ?, image = ?, active = ?,"
                                     " updated_at = ? WHERE sku = ?"),
                      args)
            : tx.exec(QStringLiteral("INSERT INTO catalogue(name, spec, unit, price_fen, category, supplier,"
                                     " barcode, image, active, updated_at, sku)"
                                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                      args);
    if (!r)
        return fail(r.error());
    return {};
}

Status publish(Tx& tx, const CatalogueEntry& e) {
    return appendChange(tx, QString(), QStringLiteral("catalogue_item"), e.sku, e.published());
}

} // namespace

QJsonObject CatalogueEntry::published() const {
    return {{QStringLiteral("sku"), sku},
            {QStringLiteral("name"), name},
            {QStringLiteral("spec"), spec},
            {QStringLiteral("unit"), unit},
            {QStringLiteral("price_fen"), priceFen},
            {QStringLiteral("category"), category},
            {QStringLiteral("supplier"), supplier},
            {QStringLiteral("barcode"), barcode},
            {QStringLiteral("active"), active}};
}

Result<CatalogueImport> importCatalogue(CountyStore& store, const QByteArray& csv) {
    auto rows = parseCatalogue(csv);
    if (!rows)
        return fail(rows.error());
    auto tx = store.begin(Tx::Mode::Write);
    if (!tx)
        return fail(tx.error());
    if (auto st = tx->lock(QStringLiteral("feed")); !st)
        return fail(st.error());
    auto existing = tx->select(kSelect);
    if (!existing)
        return fail(existing.error());
    QHash<QString, CatalogueEntry> before;
    before.reserve(existing->size());
    for (const Row& r : *existing) {
        CatalogueEntry e = entryFromRow(r);
        before.insert(e.sku, std::move(e));
    }
    CatalogueImport counts;
    for (const CatalogueEntry& e : *rows) {
        const auto old = before.constFind(e.sku);
        const bool exists = old != before.cend();
        bool publishIt = true;
        if (!exists) {
            ++counts.added;
        } else if (old->published() != e.published()) {
            if (old->active && !e.active)
                ++counts.withdrawn;
            else
                ++counts.changed;
        } else {
            ++counts.unchanged;
            publishIt = false;
            if (old->image == e.image)
                continue;
        }
        if (auto st = county::store(*tx, e, exists); !st)
            return fail(st.error());
        if (publishIt) {
            if (auto st = publish(*tx, e); !st)
                return fail(st.error());
        }
    }
    QSet<QString> listed;
    listed.reserve(rows->size());
    for (const CatalogueEntry& e : *rows)
        listed.insert(e.sku);
    for (CatalogueEntry e : std::as_const(before)) {
        if (!e.active || listed.contains(e.sku))
            continue;
        e.active = false;
        ++counts.withdrawn;
        if (auto st = county::store(*tx, e, true); !st)
            return fail(st.error());
        if (auto st = publish(*tx, e); !st)
            return fail(st.error());
    }
    if (auto st = tx->commit(); !st)
        return fail(st.error());
    return counts;
}

Result<QList<CatalogueEntry>> listCatalogue(CountyStore& store) {
    auto tx = store.begin(Tx::Mode::Read);
    if (!tx)
        return fail(tx.error());
    auto rows = tx->select(kSelect + QStringLiteral(" ORDER BY sku"));
    if (!rows)
        return fail(rows.error());
    QList<CatalogueEntry> out;
    out.reserve(rows->size());
    for (const Row& r : *rows)
        out.append(entryFromRow(r));
    return out;
}

QStringList catalogueSchema() {
    return {
        QStringLiteral("CREATE TABLE catalogue (sku TEXT PRIMARY KEY, name TEXT NOT NULL, spec TEXT NOT NULL,"
                       " unit TEXT NOT NULL, price_fen BIGINT NOT NULL, category TEXT NOT NULL,"
                       " supplier TEXT NOT NULL, barcode TEXT NOT NULL, image TEXT NOT NULL,"
                       " active INTEGER NOT NULL, updated_at BIGINT NOT NULL)"),
    };
}

} // namespace cz::county
