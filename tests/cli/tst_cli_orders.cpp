// cunzhanctl order: placing with each payment, the price the clerk saw, refusals with their exit codes
// writing nothing, cancelling with its refund, lists and one order shown; villagers always masked.
#include "ctlfixture.h"
#include "samplecatalogue.h"

using namespace cz::test;

class TestCliOrders : public QObject, public CtlFixture {
    Q_OBJECT

    QString m_villager;

    QList<int> orderRows() {
        return {rows(QStringLiteral("proxy_order")), rows(QStringLiteral("proxy_order_line")),
                rows(QStringLiteral("account_entry")), rows(QStringLiteral("cash_entry")),
                rows(QStringLiteral("outbox"))};
    }
    QJsonObject place(const QStringList& args) {
        const auto out = json(QStringList{QStringLiteral("order"), QStringLiteral("place"),
                                          QStringLiteral("--villager"), m_villager} +
                              args);
        return out.size() == 1 ? out.first() : QJsonObject{};
    }
    qint64 balance() {
        return json({QStringLiteral("villager"), QStringLiteral("show"), m_villager})
            .value(0)
            .value(QStringLiteral("balance_fen"))
            .toInteger(-999);
    }

private Q_SLOTS:
    void init() {
        setUpFolder();
        initStation();
        QVERIFY(
            storeCatalogue(m_db, {{QStringLiteral("FERT-01"), QStringLiteral("复合肥"), 12000},
                                  {QStringLiteral("SEED-02"), QStringLiteral("香稻丸"), 1550},
                                  {QStringLiteral("OLD-03"), QStringLiteral("旧农药"), 800, {}, {}, false}}));
        const auto added = json({QStringLiteral("villager"), QStringLiteral("add"), QStringLiteral("--name"),
                                 QStringLiteral("张三"), QStringLiteral("--phone"), kPhone,
                                 QStringLiteral("--credit-limit"), QStringLiteral("100")});
        QCOMPARE(added.size(), 1);
        m_villager = added.first().value(QStringLiteral("id")).toString();
    }
    void cleanup() { tearDownFolder(); }

    void placeNowAtTheQuotedPrice() {
        const QJsonObject o =
            place({QStringLiteral("--line"), QStringLiteral("FERT-01:2"), QStringLiteral("--line"),
                   QStringLiteral("SEED-02:1:1500"), QStringLiteral("--pay"), QStringLiteral("now"),
                   QStringLiteral("--method"), QStringLiteral("alipay")});
        QCOMPARE(o.value(QStringLiteral("total_fen")).toInteger(), 2 * 12000 + 1500);
        QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("placed"));
        QCOMPARE(o.value(QStringLiteral("method")).toString(), QStringLiteral("alipay"));
        QVERIFY(o.value(QStringLiteral("price_changed")).toBool());
        QCOMPARE(o.value(QStringLiteral("villager_masked")).toString(),
                 QStringLiteral("张* ") + kPhoneMasked);
        const QJsonArray lines = o.value(QStringLiteral("lines")).toArray();
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[1].toObject().value(QStringLiteral("snapshot_price_fen")).toInteger(), 1550);
        QCOMPARE(
            rows(QStringLiteral("cash_entry"), QStringLiteral("method = 'alipay' AND amount_fen = 25500")),
            1);
        QCOMPARE(balance(), 0);
        // Text output names the villager masked only.
        const Run text =
            ctl({QStringLiteral("order"), QStringLiteral("show"), o.value(QStringLiteral("id")).toString()});
        QCOMPARE(text.code, 0);
        QVERIFY(text.out.contains(kPhoneMasked.toUtf8()));
        QVERIFY(!text.out.contains(kPhone.toUtf8()) && !text.out.contains("张三"));
    }

    void refusalsWriteNothing() {
        const QList<int> before = orderRows();
        const QList<std::pair<QStringList, int>> cases{
            {{QStringLiteral("--line"), QStringLiteral("NOPE:1"), QStringLiteral("--pay"),
              QStringLiteral("now")},
             2},
            {{QStringLiteral("--line"), QStringLiteral("OLD-03:1"), QStringLiteral("--pay"),
              QStringLiteral("now")},
             3},
            {{QStringLiteral("--line"), QStringLiteral("SEED-02:0"), QStringLiteral("--pay"),
              QStringLiteral("now")},
             2},
            {{QStringLiteral("--line"), QStringLiteral("SEED-02"), QStringLiteral("--pay"),
              QStringLiteral("now")},
             2},
            {{QStringLiteral("--line"), QStringLiteral("SEED-02:1"), QStringLiteral("--pay"),
              QStringLiteral("later")},
             2},
            {{QStringLiteral("--line"), QStringLiteral("SEED-02:1"), QStringLiteral("--pay"),
              QStringLiteral("deposit")},
             3},
            {{QStringLiteral("--line"), QStringLiteral("FERT-01:1"), QStringLiteral("--pay"),
              QStringLiteral("credit")},
             3},
        };
        for (const auto& [args, code] : cases) {
            const Run r = ctl(QStringList{QStringLiteral("--json"), QStringLiteral("order"),
                                          QStringLiteral("place"), QStringLiteral("--villager"), m_villager} +
                              args);
            QVERIFY2(r.code == code,
                     qPrintable(args.join(QLatin1Char(' ')) + QStringLiteral(" -> %1").arg(r.code)));
            QCOMPARE(orderRows(), before);
        }
    }

    void creditCancelAndList() {
        const QJsonObject credit = place({QStringLiteral("--line"), QStringLiteral("SEED-02:4"),
                                          QStringLiteral("--pay"), QStringLiteral("credit")});
        QVERIFY(!credit.isEmpty());
        QCOMPARE(balance(), -6200);
        const QJsonObject now = place({QStringLiteral("--line"), QStringLiteral("SEED-02:1"),
                                       QStringLiteral("--pay"), QStringLiteral("now")});
        const auto cancelled = json({QStringLiteral("order"), QStringLiteral("cancel"),
                                     credit.value(QStringLiteral("id")).toString(),
                                     QStringLiteral("--reason"), QStringLiteral("不要了")});
        QCOMPARE(cancelled.size(), 1);
        QCOMPARE(cancelled.first().value(QStringLiteral("status")).toString(), QStringLiteral("cancelled"));
        QCOMPARE(balance(), 0);
        QCOMPARE(ctl({QStringLiteral("order"), QStringLiteral("cancel"),
                      credit.value(QStringLiteral("id")).toString()})
                     .code,
                 3);
        QCOMPARE(json({QStringLiteral("order"), QStringLiteral("list")}).size(), 2);
        const auto open = json({QStringLiteral("order"), QStringLiteral("list"), QStringLiteral("--status"),
                                QStringLiteral("placed")});
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first().value(QStringLiteral("id")).toString(),
                 now.value(QStringLiteral("id")).toString());
        QCOMPARE(ctl({QStringLiteral("order"), QStringLiteral("list"), QStringLiteral("--status"),
                      QStringLiteral("x")})
                     .code,
                 2);
        const auto shown = json(
            {QStringLiteral("order"), QStringLiteral("show"), credit.value(QStringLiteral("id")).toString()});
        QCOMPARE(shown.first().value(QStringLiteral("events")).toArray().size(), 2);
        QCOMPARE(ctl({QStringLiteral("order"), QStringLiteral("show"), QStringLiteral("nope")}).code, 4);
    }
};

QTEST_GUILESS_MAIN(TestCliOrders)
#include "tst_cli_orders.moc"
