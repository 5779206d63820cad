#include "catalogue.h"

#include "countychanges.h"
#include "migrations.h"
#include "pinyin.h"
#include "sqltext.h"
#include "writetx.h"

#include <QSet>

namespace cz {

namespace {

const QString kColumns = QStringLiteral("SELECT sku, name, spec, unit, price_fen, category, supplier, "
                                        "barcode, active, updated_at FROM catalogue_item");
// The same columns of `c`, for joins with the search tables.
const QString kItemColumns = QStringLiteral("SELECT c.sku, c.name, c.spec, c.unit, c.price_fen, c.category,"
                                            " c.supplier, c.barcode, c.active, c.updated_at");

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

Result<QList<CatalogueItem>> items(Database& db, const QString& sql, const QVariantList& args) {
    auto q = db.exec(sql, args);
    if (!q)
        return fail(q.error());
    QList<CatalogueItem> found;
    while ((*q)->next())
        found.append(itemFromRow(**q));
    (*q)->finish();
    return found;
}

// Each active name's pieces of one and two characters (lower case, no spaces), for substrings too
// short for the trigram index, for the items `where` selects.
QString gramInsert(const QString& where) {
    return QStringLiteral("INSERT OR IGNORE INTO catalogue_gram(gram, search_id)"
                          " WITH RECURSIVE pos(search_id, name, i) AS ("
                          " SELECT search_id, lower(name), 1 FROM catalogue_item WHERE active = 1 AND %1"
                          " UNION ALL SELECT search_id, name, i + 1 FROM pos WHERE i < length(name))"
                          " SELECT substr(name, i, n), search_id FROM pos, (SELECT 1 AS n UNION ALL SELECT 2)"
                          " WHERE i + n - 1 <= length(name) AND instr(substr(name, i, n), ' ') = 0")
        .arg(where);
}

// Whether the database has the table of inner pinyin (catalogue.pinyin_inside): one opened at an
// older schema (the migration tests) stores items without it.
bool hasInnerPinyin(const Database& db) {
    static const int version = [] {
        const auto& steps = schemaSteps();
        for (size_t i = 0; i < steps.size(); ++i)
            if (QLatin1String(steps[i].id) == QLatin1String("catalogue.pinyin_inside"))
                return static_cast<int>(i) + 1;
        return 0;
    }();
    return version > 0 && db.schemaVersion() >= version;
}

// Keeps the search tables in step with one stored item: only active items are in them.
Status indexItem(WriteTx& tx, const QString& sku) {
    auto row = tx.exec(
        QStringLiteral("SELECT search_id, name, pinyin_initials, active FROM catalogue_item WHERE sku = ?"),
        {sku});
    if (!row)
        return fail(row.error());
    if (!(*row)->next())
        return {};
    const qint64 id = (*row)->value(0).toLongLong();
    const QString name = (*row)->value(1).toString();
    const QString initials = (*row)->value(2).toString();
    const bool active = (*row)->value(3).toInt() != 0;
    (*row)->finish();
    const bool inner = hasInnerPinyin(tx.db());
    for (const QString& sql : {QStringLiteral("DELETE FROM catalogue_fts WHERE rowid = ?"),
                               QStringLiteral("DELETE FROM catalogue_gram WHERE search_id = ?"),
                               QStringLiteral("DELETE FROM catalogue_pinyin_suffix WHERE search_id = ?")}) {
        if (!inner && sql.contains(QLatin1String("catalogue_pinyin_suffix")))
            continue;
        if (auto q = tx.exec(sql, {id}); !q)
            return fail(q.error());
    }
    if (!active)
        return {};
    if (auto q = tx.exec(
            QStringLiteral("INSERT INTO catalogue_fts(rowid, name, pinyin_initials) VALUES (?, ?, ?)"),
            {id, name, initials});
        !q)
        return fail(q.error());
    // One statement for all the name's pieces (a statement per piece was most of a store's cost).
    if (auto q = tx.exec(gramInsert(QStringLiteral("search_id = ?")), {id}); !q)
        return fail(q.error());
    // Full pinyin from inside the name: every syllable's suffix, found by a prefix range.
    const QStringList suffixes = inner ? pinyin::innerSuffixes(pinyin::spell(name)) : QStringList();
    if (!suffixes.isEmpty()) {
        QVariantList args;
        for (const QString& suffix : suffixes)
            args << suffix << id;
        if (auto q =
                tx.exec(QStringLiteral("INSERT OR IGNORE INTO catalogue_pinyin_suffix(suffix, search_id)"
                                       " VALUES ") +
                            QStringList(suffixes.size(), QStringLiteral("(?, ?)")).join(QLatin1Char(',')),
                        args);
            !q)
            return fail(q.error());
    }
    return {};
}

// The upper bound of a prefix range: every text starting with `prefix` sorts below it (U+10FFFF
// is the largest character, and SQLite compares UTF-8 bytes).
QString prefixEnd(const QString& prefix) {
    return prefix + QString::fromUcs4(U"\U0010FFFF", 1);
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

Result<QList<CatalogueItem>> Catalogue::search(const QString& text, int limit, const QString& category) {
    const QString query = text.simplified().left(kMaxQueryLength);
    limit = std::clamp(limit, 1, kMaxSearchResults);
    QList<CatalogueItem> found;
    if (query.isEmpty())
        return found;
    QSet<QString> seen;
    const bool byCategory = !category.isNull();
    const QString inCategory = byCategory ? QStringLiteral(" AND c.category = ?") : QString();
    // One kind of match after the other, each asked for enough rows to fill the list even when
    // every earlier match shows up again.
    const auto add = [&](const QString& sql, QVariantList args) -> Status {
        if (byCategory)
            args.append(category);
        args.append(limit + static_cast<int>(seen.size()));
        auto rows = items(m_ctx.database(), sql, args);
        if (!rows)
            return fail(rows.error());
        for (CatalogueItem& item : *rows) {
            if (found.size() >= limit)
                break;
            if (seen.contains(item.sku))
                continue;
            seen.insert(item.sku);
            found.append(std::move(item));
        }
        return {};
    };
    const QString from = kItemColumns + QStringLiteral(" FROM catalogue_item AS c WHERE c.active = 1");
    if (auto st = add(from + QStringLiteral(" AND (c.barcode = ? OR c.sku = ?)") + inCategory +
                          QStringLiteral(" ORDER BY c.name LIMIT ?"),
                      {query, query});
        !st)
        return fail(st.error());
    const auto prefix = [&](const QString& column, const QString& value) -> Status {
        if (found.size() >= limit || value.isEmpty())
            return {};
        return add(from + QStringLiteral(" AND c.%1 >= ? AND c.%1 < ?").arg(column) + inCategory +
                       QStringLiteral(" ORDER BY c.%1 LIMIT ?").arg(column),
                   {value, prefixEnd(value)});
    };
    const QString latin = pinyin::latinKey(query);
    for (const auto& [column, value] :
         {std::pair{QStringLiteral("name"), query}, std::pair{QStringLiteral("pinyin_initials"), latin},
          std::pair{QStringLiteral("pinyin_full"), latin}}) {
        if (auto st = prefix(column, value); !st)
            return fail(st.error());
    }
    // Full pinyin typed from a syllable inside the name ("daowan", "dao wan" for 香稻丸).
    if (found.size() < limit && !latin.isEmpty() && hasInnerPinyin(m_ctx.database())) {
        if (auto st =
                add(kItemColumns +
                        QStringLiteral(" FROM catalogue_pinyin_suffix AS s JOIN catalogue_item AS c"
                                       " ON c.search_id = s.search_id WHERE s.suffix >= ? AND s.suffix < ?"
                                       " AND c.active = 1") +
                        inCategory + QStringLiteral(" ORDER BY s.suffix LIMIT ?"),
                    {latin, prefixEnd(latin)});
            !st)
            return fail(st.error());
    }
    if (found.size() >= limit)
        return found;
    const QString lower = query.toLower();
    const qsizetype length = lower.toUcs4().size();
    if (length >= 3) {
        // Names and pinyin initials containing the text, through the trigram index. Not full pinyin:
        // its trigrams are so common (ang, ong) that reading them was the slowest search of all.
        QString phrase = lower;
        phrase.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        if (auto st = add(kItemColumns +
                              QStringLiteral(" FROM catalogue_fts AS f JOIN catalogue_item AS c"
                                             " ON c.search_id = f.rowid WHERE catalogue_fts MATCH ?"
                                             " AND c.active = 1") +
                              inCategory + QStringLiteral(" LIMIT ?"),
                          {QLatin1Char('"') + phrase + QLatin1Char('"')});
            !st)
            return fail(st.error());
    } else {
        // One or two characters inside a name: the short pieces' table.
        if (auto st = add(kItemColumns +
                              QStringLiteral(" FROM catalogue_gram AS g JOIN catalogue_item AS c"
                                             " ON c.search_id = g.search_id WHERE g.gram = ?"
                                             " AND c.active = 1") +
                              inCategory + QStringLiteral(" LIMIT ?"),
                          {lower});
            !st)
            return fail(st.error());
    }
    return found;
}

Result<QList<CategoryCount>> Catalogue::categories() {
    auto q =
        m_ctx.database().exec(QStringLiteral("SELECT category, COUNT(*) FROM catalogue_item WHERE active = 1"
                                             " GROUP BY category ORDER BY category"));
    if (!q)
        return fail(q.error());
    QList<CategoryCount> result;
    while ((*q)->next())
        result.append({(*q)->value(0).toString(), (*q)->value(1).toInt()});
    (*q)->finish();
    return result;
}

Result<QList<CatalogueItem>> Catalogue::inCategory(const QString& category, int limit, int offset) {
    return items(m_ctx.database(),
                 kColumns +
                     QStringLiteral(" WHERE active = 1 AND category = ? ORDER BY name LIMIT ? OFFSET ?"),
                 {category, std::clamp(limit, 1, kMaxSearchResults), std::max(offset, 0)});
}

// A text field the county may leave out (stored empty).
QString optionalText(const QJsonObject& d, const char* key) {
    return textOrEmpty(d.value(QLatin1String(key)).toString().trimmed());
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
        if (auto st = indexItem(tx, sku); !st)
            return fail(st.error());
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
    const pinyin::Spelling spelling = pinyin::spell(name);
    // search_id keys the item in the search tables: its own column, because VACUUM may renumber
    // the rowids of a table without an INTEGER PRIMARY KEY.
    auto q = tx.exec(
        QStringLiteral(
            "INSERT INTO catalogue_item(sku, name, spec, unit, price_fen, category, supplier, barcode,"
            " active, updated_at, pinyin_full, pinyin_initials, search_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            " (SELECT COALESCE(MAX(search_id), 0) + 1 FROM catalogue_item))"
            " ON CONFLICT(sku) DO UPDATE SET name = excluded.name, spec = excluded.spec,"
            " unit = excluded.unit, price_fen = excluded.price_fen, category = excluded.category,"
            " supplier = excluded.supplier, barcode = excluded.barcode, active = excluded.active,"
            " updated_at = excluded.updated_at, pinyin_full = excluded.pinyin_full,"
            " pinyin_initials = excluded.pinyin_initials"),
        {sku, name, optionalText(d, "spec"), optionalText(d, "unit"), qint64(price),
         optionalText(d, "category"), optionalText(d, "supplier"), barcode.isEmpty() ? QVariant() : barcode,
         d.value(QStringLiteral("active")).toBool(true) ? 1 : 0, tx.now(), spelling.full, spelling.initials});
    if (!q)
        return fail(q.error());
    if (auto st = indexItem(tx, sku); !st)
        return fail(st.error());
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

// The search indexes: prefix ranges over name and pinyin (active items only), a trigram full-text
// index of names and pinyin initials for substrings of three characters or more, and a table of each
// name's one- and two-character pieces for shorter ones (the trigram index cannot serve those).
// Items stored before this step are indexed by name here; their pinyin comes with their next change.
QStringList catalogueSearchSchemaStep() {
    return {
        QStringLiteral("ALTER TABLE catalogue_item ADD COLUMN search_id INTEGER"),
        QStringLiteral("UPDATE catalogue_item SET search_id = rowid"),
        QStringLiteral("CREATE UNIQUE INDEX catalogue_item_search_id ON catalogue_item(search_id)"),
        QStringLiteral("CREATE INDEX catalogue_item_name ON catalogue_item(name) WHERE active = 1"),
        QStringLiteral(
            "CREATE INDEX catalogue_item_initials ON catalogue_item(pinyin_initials) WHERE active = 1"),
        QStringLiteral("CREATE INDEX catalogue_item_pinyin ON catalogue_item(pinyin_full) WHERE active = 1"),
        QStringLiteral(
            "CREATE INDEX catalogue_item_in_category ON catalogue_item(category, name) WHERE active = 1"),
        QStringLiteral("CREATE VIRTUAL TABLE catalogue_fts USING fts5(name, pinyin_initials,"
                       " tokenize = 'trigram')"),
        QStringLiteral("INSERT INTO catalogue_fts(rowid, name, pinyin_initials)"
                       " SELECT search_id, name, pinyin_initials FROM catalogue_item WHERE active = 1"),
        QStringLiteral("CREATE TABLE catalogue_gram (gram TEXT NOT NULL, search_id INTEGER NOT NULL,"
                       " PRIMARY KEY (gram, search_id)) WITHOUT ROWID"),
        QStringLiteral("CREATE INDEX catalogue_gram_item ON catalogue_gram(search_id)"),
        gramInsert(QStringLiteral("1 = 1")),
    };
}

// Full pinyin from inside a name: each active item's pinyin from every syllable after the first,
// searched by prefix. Items stored before this step get theirs with their next change.
QStringList catalogueInnerPinyinSchemaStep() {
    return {
        QStringLiteral(
            "CREATE TABLE catalogue_pinyin_suffix (suffix TEXT NOT NULL, search_id INTEGER NOT NULL,"
            " PRIMARY KEY (suffix, search_id)) WITHOUT ROWID"),
        QStringLiteral("CREATE INDEX catalogue_pinyin_suffix_item ON catalogue_pinyin_suffix(search_id)"),
    };
}

} // namespace cz
