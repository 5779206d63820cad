// The station's catalogue search: names, pinyin initials and full pinyin (ICU's Han-Latin),
// barcodes and skus, categories; the order of matches, withdrawn items, and the indexes each
// lookup uses.
#include "catalogue.h"
#include "fixture.h"
#include "pinyin.h"
#include "samplecatalogue.h"

using namespace cz;

class TestCatalogue : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pinyinSpelling();
    void storesPinyin();
    void findsByNamePinyinAndBarcode_data();
    void findsByNamePinyinAndBarcode();
    void bestMatchesFirst();
    void withdrawnItemsAreNotFound();
    void changedNameIsFoundByItsNewName();
    void categoryFilterAndBrowse();
    void limitsAndOddQueries();
    void lookupsUseTheirIndexes();
    void optionalFieldsMayBeLeftOut();

private:
    static QList<test::SampleItem> sample() {
        return {
            {QStringLiteral("RICE-01"), QStringLiteral("香稻丸"), 1280, QStringLiteral("粮油"),
             QStringLiteral("6901234567892")},
            {QStringLiteral("RICE-02"), QStringLiteral("东北大米 5kg"), 4500, QStringLiteral("粮油"),
             QStringLiteral("6901234567908")},
            {QStringLiteral("OIL-01"), QStringLiteral("金龙鱼花生油"), 8990, QStringLiteral("粮油"), {}},
            {QStringLiteral("FERT-01"), QStringLiteral("复合肥（45%）"), 16000, QStringLiteral("化肥"),
             QStringLiteral("12345678")},
            {QStringLiteral("SEED-01"), QStringLiteral("稻种 香稻"), 3500, QStringLiteral("种子"), {}},
            {QStringLiteral("DAILY-01"), QStringLiteral("洗衣粉"), 990, QStringLiteral("日用"), {}},
        };
    }
    static QStringList skus(const QList<CatalogueItem>& items) {
        QStringList out;
        for (const CatalogueItem& i : items)
            out.append(i.sku);
        return out;
    }
    static QList<CatalogueItem> find(test::Fixture& f, const QString& text, int limit = 20,
                                     const QString& category = {}) {
        Catalogue catalogue(*f.station->ctx);
        auto r = catalogue.search(text, limit, category);
        if (!r)
            qWarning("search failed: %s", qPrintable(r.error().message));
        return r ? *r : QList<CatalogueItem>{};
    }
};

void TestCatalogue::pinyinSpelling() {
    const auto s = pinyin::spell(QStringLiteral("香稻丸"));
    QCOMPARE(s.full, QStringLiteral("xiangdaowan"));
    QCOMPARE(s.initials, QStringLiteral("xdw"));
    // ASCII letters and digits stay, full-width ones too; punctuation goes.
    const auto mixed = pinyin::spell(QStringLiteral("东北大米 ５ｋｇ（新）"));
    QCOMPARE(mixed.full, QStringLiteral("dongbeidami5kgxin"));
    QCOMPARE(mixed.initials, QStringLiteral("dbdm5kgx"));
    QCOMPARE(pinyin::latinKey(QStringLiteral("Xiang Dao")), QStringLiteral("xiangdao"));
    QCOMPARE(pinyin::latinKey(QStringLiteral("香稻")), QString());
    // Where a clerk may start typing inside the name: each syllable, each Latin run.
    QCOMPARE(s.starts, (QList<int>{0, 5, 8}));
    QCOMPARE(pinyin::innerSuffixes(s), (QStringList{"daowan", "wan"}));
    QCOMPARE(mixed.starts, (QList<int>{0, 4, 7, 9, 11, 14}));
}

void TestCatalogue::storesPinyin() {
    test::Fixture f;
    QVERIFY(test::storeCatalogue(*f.station->ctx, sample()));
    auto v = f.station->ctx->database().scalar(QStringLiteral(
        "SELECT pinyin_full || '/' || pinyin_initials FROM catalogue_item WHERE sku = 'RICE-01'"));
    QVERIFY(v.has_value());
    QCOMPARE(v->toString(), QStringLiteral("xiangdaowan/xdw"));
}

void TestCatalogue::findsByNamePinyinAndBarcode_data() {
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("first");
    QTest::newRow("initials") << "xdw"
                              << "RICE-01";
    QTest::newRow("initials upper case") << "XDW"
                                         << "RICE-01";
    QTest::newRow("full pinyin") << "xiangdaowan"
                                 << "RICE-01";
    QTest::newRow("full pinyin with spaces") << "xiang dao"
                                             << "RICE-01";
    QTest::newRow("full pinyin inside") << "daowan"
                                        << "RICE-01";
    QTest::newRow("full pinyin inside with spaces") << "dao wan"
                                                    << "RICE-01";
    QTest::newRow("full pinyin inside, a piece") << "huashen"
                                                 << "OIL-01";
    QTest::newRow("initials inside") << "zxd"
                                     << "SEED-01";
    QTest::newRow("name prefix") << "香稻"
                                 << "RICE-01";
    QTest::newRow("one character inside") << "丸"
                                          << "RICE-01";
    QTest::newRow("two characters inside") << "稻丸"
                                           << "RICE-01";
    QTest::newRow("three characters inside") << "龙鱼花"
                                             << "OIL-01";
    QTest::newRow("barcode") << "6901234567908"
                             << "RICE-02";
    QTest::newRow("sku") << "FERT-01"
                         << "FERT-01";
    QTest::newRow("latin in name") << "5kg"
                                   << "RICE-02";
    QTest::newRow("punctuation in name") << "复合肥（"
                                         << "FERT-01";
}

void TestCatalogue::findsByNamePinyinAndBarcode() {
    QFETCH(QString, query);
    QFETCH(QString, first);
    test::Fixture f;
    QVERIFY(test::storeCatalogue(*f.station->ctx, sample()));
    const auto found = find(f, query);
    QVERIFY2(!found.isEmpty(), qPrintable(query));
    QCOMPARE(found.first().sku, first);
    QCOMPARE(found.first().active, true);
}

void TestCatalogue::bestMatchesFirst() {
    test::Fixture f;
    QVERIFY(test::storeCatalogue(*f.station->ctx, sample()));
    // 香稻丸 starts with 香稻; 稻种 香稻 only contains it.
    QCOMPARE(skus(find(f, QStringLiteral("香稻"))), (QStringList{"RICE-01", "SEED-01"}));
    // "dz" is the initials' start of 稻种; "xd" is 香稻丸's initials' start, and also inside 稻种 香稻's.
    QCOMPARE(skus(find(f, QStringLiteral("xd"))), (QStringList{"RICE-01"}));
    QCOMPARE(skus(find(f, QStringLiteral("xdw"))), (QStringList{"RICE-01"}));
    // Full pinyin: from the name's start first, then from a syllable inside (稻种 香稻).
    QCOMPARE(skus(find(f, QStringLiteral("xiangdao"))), (QStringList{"RICE-01", "SEED-01"}));
    // Not from inside a syllable ("iangdao"): a trigram index of pinyin was the slowest search.
    QVERIFY(find(f, QStringLiteral("iangdao")).isEmpty());
    // A barcode that is also inside nothing else comes first, and once.
    QCOMPARE(skus(find(f, QStringLiteral("12345678"))), (QStringList{"FERT-01"}));
    // 稻: the single character is in three names; the one starting with it first.
    QCOMPARE(skus(find(f, QStringLiteral("稻"))).first(), QStringLiteral("SEED-01"));
    QCOMPARE(find(f, QStringLiteral("稻")).size(), 2);
}

void TestCatalogue::withdrawnItemsAreNotFound() {
    test::Fixture f;
    QVERIFY(test::storeCatalogue(*f.station->ctx, sample()));
    auto items = sample();
    items[0].active = false;
    QVERIFY(test::storeCatalogue(*f.station->ctx, {items[0]}));
    for (const char* q : {"xdw", "xiangdaowan", "香稻丸", "丸", "稻丸", "6901234567892", "RICE-01", "daowan"})
        QVERIFY2(!skus(find(f, QString::fromUtf8(q))).contains(QStringLiteral("RICE-01")), q);
    // Still there for orders that name it.
    Catalogue catalogue(*f.station->ctx);
    auto item = catalogue.item(QStringLiteral("RICE-01"));
    QVERIFY(item && *item);
    QCOMPARE((*item)->active, false);
    // Back again when the county reactivates it.
    items[0].active = true;
    QVERIFY(test::storeCatalogue(*f.station->ctx, {items[0]}));
    QCOMPARE(skus(find(f, QStringLiteral("xdw"))), (QStringList{"RICE-01"}));
    QCOMPARE(skus(find(f, QStringLiteral("丸"))), (QStringList{"RICE-01"}));
    // A deletion from the county withdraws too.
    UuidV7Source ids(f.station->ctx->clock());
    auto tx = WriteTx::beginDownstream(f.station->ctx->database(), f.station->ctx->clock(), ids);
    QVERIFY(tx.has_value());
    QVERIFY(applyCountyChange(*tx, {QStringLiteral("catalogue_item"), QStringLiteral("RICE-01"), {}, true}));
    QVERIFY(tx->commit());
    QVERIFY(find(f, QStringLiteral("xdw")).isEmpty());
    QVERIFY(find(f, QStringLiteral("丸")).isEmpty());
}

void TestCatalogue::changedNameIsFoundByItsNewName() {
    test::Fixture f;
    QVERIFY(test::storeCatalogue(*f.station->ctx, sample()));
    auto items = sample();
    items[5].name = QStringLiteral("肥皂");
    items[5].priceFen = 450;
    QVERIFY(test::storeCatalogue(*f.station->ctx, {items[5]}));
    QVERIFY(find(f, QStringLiteral("洗衣")).isEmpty());
    QVERIFY(find(f, QStringLiteral("xyf")).isEmpty());
    const auto found = find(f, QStringLiteral("fz"));
    QCOMPARE(skus(found), (QStringList{"DAILY-01"}));
    QCOMPARE(found.first().priceFen, 450);
    QCOMPARE(f.rows(QStringLiteral("catalogue_fts")), 6);
    // The old name's inner pinyin is gone with it, the new one's is there.
    QVERIFY(find(f, QStringLiteral("yifen")).isEmpty());
    QCOMPARE(skus(find(f, QStringLiteral("zao"))), (QStringList{"DAILY-01"}));
}

void TestCatalogue::categoryFilterAndBrowse() {
    test::Fixture f;
    QVERIFY(test::storeCatalogue(*f.station->ctx, sample()));
    QCOMPARE(skus(find(f, QStringLiteral("稻"), 20, QStringLiteral("种子"))), (QStringList{"SEED-01"}));
    QCOMPARE(skus(find(f, QStringLiteral("xdw"), 20, QStringLiteral("种子"))), QStringList());
    Catalogue catalogue(*f.station->ctx);
    auto cats = catalogue.categories();
    QVERIFY(cats.has_value());
    QCOMPARE(cats->size(), 4);
    QCOMPARE(cats->at(3).category, QStringLiteral("粮油"));
    QCOMPARE(cats->at(3).items, 3);
    auto page1 = catalogue.inCategory(QStringLiteral("粮油"), 2, 0);
    auto page2 = catalogue.inCategory(QStringLiteral("粮油"), 2, 2);
    QVERIFY(page1 && page2);
    QCOMPARE(page1->size(), 2);
    QCOMPARE(page2->size(), 1);
    QVERIFY(!skus(*page1).contains(page2->first().sku));
    // A withdrawn item leaves its category's count.
    auto items = sample();
    items[3].active = false;
    QVERIFY(test::storeCatalogue(*f.station->ctx, {items[3]}));
    cats = catalogue.categories();
    QCOMPARE(cats->size(), 3);
}

void TestCatalogue::limitsAndOddQueries() {
    test::Fixture f;
    QList<test::SampleItem> many;
    for (int i = 0; i < 300; ++i)
        many.append({QStringLiteral("M%1").arg(i, 3, 10, QLatin1Char('0')),
                     QStringLiteral("大米%1号").arg(i),
                     100,
                     QStringLiteral("粮油"),
                     {}});
    QVERIFY(test::storeCatalogue(*f.station->ctx, many));
    QCOMPARE(find(f, QStringLiteral("大米"), 10).size(), 10);
    QCOMPARE(find(f, QStringLiteral("米"), 1000).size(), Catalogue::kMaxSearchResults);
    QCOMPARE(find(f, QStringLiteral("dm"), 0).size(), 1);
    QVERIFY(find(f, QStringLiteral("   ")).isEmpty());
    // Quotes and FTS syntax are plain text.
    QVERIFY(find(f, QStringLiteral("\"大米\" OR x*")).isEmpty());
    QVERIFY(find(f, QStringLiteral("%_")).isEmpty());
    QVERIFY(find(f, QString(500, QLatin1Char('a'))).isEmpty());
}

void TestCatalogue::lookupsUseTheirIndexes() {
    test::Fixture f;
    QVERIFY(test::storeCatalogue(*f.station->ctx, sample()));
    auto& db = f.station->ctx->database();
    const auto plan = [&](const QString& sql) {
        auto q = db.exec(QStringLiteral("EXPLAIN QUERY PLAN ") + sql);
        QString text;
        while (q && (*q)->next())
            text += (*q)->value(3).toString() + QLatin1Char('\n');
        return text;
    };
    const QString cols = QStringLiteral("SELECT c.sku FROM catalogue_item AS c WHERE c.active = 1");
    QVERIFY2(plan(cols + " AND c.name >= 'a' AND c.name < 'b' ORDER BY c.name LIMIT 5")
                 .contains("catalogue_item_name"),
             "name prefix");
    QVERIFY(
        plan(cols +
             " AND c.pinyin_initials >= 'a' AND c.pinyin_initials < 'b' ORDER BY c.pinyin_initials LIMIT 5")
            .contains("catalogue_item_initials"));
    QVERIFY(plan(cols + " AND c.pinyin_full >= 'a' AND c.pinyin_full < 'b' ORDER BY c.pinyin_full LIMIT 5")
                .contains("catalogue_item_pinyin"));
    const QString exact = plan(cols + " AND (c.barcode = '1' OR c.sku = '1') ORDER BY c.name LIMIT 5");
    QVERIFY2(exact.contains("catalogue_item_barcode") && !exact.contains("SCAN c"), qPrintable(exact));
    const QString inner =
        plan(QStringLiteral("SELECT c.sku FROM catalogue_pinyin_suffix AS s JOIN catalogue_item AS c"
                            " ON c.search_id = s.search_id WHERE s.suffix >= 'a' AND s.suffix < 'b'"
                            " AND c.active = 1 ORDER BY s.suffix LIMIT 5"));
    QVERIFY2(!inner.contains("SCAN") && !inner.contains("TEMP B-TREE"), qPrintable(inner));
    const QString gram =
        plan(QStringLiteral("SELECT c.sku FROM catalogue_gram AS g JOIN catalogue_item AS c"
                            " ON c.search_id = g.search_id WHERE g.gram = 'a' AND c.active = 1"));
    QVERIFY2(!gram.contains("SCAN"), qPrintable(gram));
    QVERIFY(plan(QStringLiteral(
                     "SELECT category, COUNT(*) FROM catalogue_item WHERE active = 1 GROUP BY category"))
                .contains("catalogue_item_in_category"));
}

// The county may send an item with only its sku, name and price: the other texts are stored empty.
void TestCatalogue::optionalFieldsMayBeLeftOut() {
    test::Fixture f;
    UuidV7Source ids(f.station->ctx->clock());
    auto tx = WriteTx::beginDownstream(f.station->ctx->database(), f.station->ctx->clock(), ids);
    QVERIFY(tx.has_value());
    auto stored = applyCountyChange(
        *tx, {QStringLiteral("catalogue_item"),
              QStringLiteral("SALT-01"),
              {{QStringLiteral("name"), QStringLiteral("食盐")}, {QStringLiteral("price_fen"), 250}},
              false});
    QVERIFY2(stored.has_value(), stored ? "" : qPrintable(stored.error().message));
    QVERIFY(stored->stored);
    QVERIFY(tx->commit());
    Catalogue catalogue(*f.station->ctx);
    auto item = catalogue.item(QStringLiteral("SALT-01"));
    QVERIFY(item && *item);
    QCOMPARE((*item)->priceFen, qint64(250));
    QCOMPARE((*item)->spec, QString());
    QCOMPARE((*item)->category, QString());
    QCOMPARE(skus(find(f, QStringLiteral("sy"))), (QStringList{"SALT-01"}));
}

QTEST_GUILESS_MAIN(TestCatalogue)
#include "tst_catalogue.moc"
