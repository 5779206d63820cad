// cunzhanctl villager: adding, finding and showing villagers (masked except in their own record),
// the account's money over the counter, refusals with their exit codes writing nothing.
#include "ctlfixture.h"

using namespace cz::test;

class TestCliAccounts : public QObject, public CtlFixture {
    Q_OBJECT

    QList<int> accountRows() {
        return {rows(QStringLiteral("villager")), rows(QStringLiteral("account_entry")),
                rows(QStringLiteral("cash_entry")), rows(QStringLiteral("outbox"))};
    }
    QString addVillager(const QString& name, const QString& phone, const QStringList& extra = {}) {
        const auto out = json(QStringList{QStringLiteral("villager"), QStringLiteral("add"),
                                          QStringLiteral("--name"), name, QStringLiteral("--phone"), phone} +
                              extra);
        return out.size() == 1 ? out.first().value(QStringLiteral("id")).toString() : QString();
    }

private Q_SLOTS:
    void init() {
        setUpFolder();
        initStation();
    }
    void cleanup() { tearDownFolder(); }

    void addFindShowMasked() {
        const QString id = addVillager(QStringLiteral("张三"), kPhone,
                                       {QStringLiteral("--group"), QStringLiteral("三组"),
                                        QStringLiteral("--credit-limit"), QStringLiteral("200")});
        QVERIFY(!id.isEmpty());
        const Run found = ctl({QStringLiteral("--json"), QStringLiteral("villager"), QStringLiteral("find"),
                               QStringLiteral("5678")});
        QCOMPARE(found.code, 0);
        QVERIFY(found.out.contains(kPhoneMasked.toUtf8()));
        QVERIFY(!found.out.contains(kPhone.toUtf8()));
        QVERIFY(!found.out.contains("张三"));
        const Run text = ctl({QStringLiteral("villager"), QStringLiteral("find"), QStringLiteral("张")});
        QCOMPARE(text.code, 0);
        QVERIFY(text.out.contains("张*"));
        QVERIFY(!text.out.contains("张三") && !text.out.contains(kPhone.toUtf8()));
        // Their own record, shown to the villager at the counter: in full.
        const auto shown = json({QStringLiteral("villager"), QStringLiteral("show"), id});
        QCOMPARE(shown.size(), 1);
        QCOMPARE(shown.first().value(QStringLiteral("phone")).toString(), kPhone);
        QCOMPARE(shown.first().value(QStringLiteral("name")).toString(), QStringLiteral("张三"));
        QCOMPARE(shown.first().value(QStringLiteral("credit_limit_fen")).toInteger(), 20000);
        QCOMPARE(shown.first().value(QStringLiteral("balance_fen")).toInteger(), 0);
        QCOMPARE(ctl({QStringLiteral("villager"), QStringLiteral("show"), QStringLiteral("nobody")}).code, 4);
    }

    void refusalsWriteNothing() {
        const QString id = addVillager(QStringLiteral("张三"), kPhone);
        QVERIFY(!id.isEmpty());
        QCOMPARE(
            json({QStringLiteral("villager"), QStringLiteral("deposit"), id, QStringLiteral("10")}).size(),
            1);
        const QList<int> before = accountRows();
        const QList<std::pair<QStringList, int>> cases{
            {{QStringLiteral("villager"), QStringLiteral("add"), QStringLiteral("--name"),
              QStringLiteral("李四"), QStringLiteral("--phone"), kPhone},
             3},
            {{QStringLiteral("villager"), QStringLiteral("add"), QStringLiteral("--name"),
              QStringLiteral("李四"), QStringLiteral("--phone"), QStringLiteral("12345678901")},
             2},
            {{QStringLiteral("villager"), QStringLiteral("deposit"), id, QStringLiteral("0")}, 2},
            {{QStringLiteral("villager"), QStringLiteral("deposit"), id, QStringLiteral("-5")}, 2},
            {{QStringLiteral("villager"), QStringLiteral("deposit"), id, QStringLiteral("5"),
              QStringLiteral("--method"), QStringLiteral("gold")},
             2},
            {{QStringLiteral("villager"), QStringLiteral("withdraw"), id, QStringLiteral("10.01")}, 3},
            {{QStringLiteral("villager"), QStringLiteral("repay"), QStringLiteral("nobody"),
              QStringLiteral("1")},
             4},
        };
        for (const auto& [args, code] : cases) {
            const Run r = ctl(QStringList{QStringLiteral("--json")} + args);
            QCOMPARE(r.code, code);
            QVERIFY(r.out.contains("\"error\""));
            QCOMPARE(accountRows(), before);
        }
    }

    void moneyOverTheCounter() {
        const QString id = addVillager(QStringLiteral("张三"), kPhone);
        auto dep = json({QStringLiteral("villager"), QStringLiteral("deposit"), id, QStringLiteral("50.5"),
                         QStringLiteral("--method"), QStringLiteral("wechat")});
        QCOMPARE(dep.size(), 1);
        QCOMPARE(dep.first().value(QStringLiteral("amount_fen")).toInteger(), 5050);
        QCOMPARE(dep.first().value(QStringLiteral("balance_fen")).toInteger(), 5050);
        auto out = json({QStringLiteral("villager"), QStringLiteral("withdraw"), id, QStringLiteral("20")});
        QCOMPARE(out.first().value(QStringLiteral("balance_fen")).toInteger(), 3050);
        QCOMPARE(json({QStringLiteral("villager"), QStringLiteral("set-limit"), id, QStringLiteral("100")})
                     .first()
                     .value(QStringLiteral("credit_limit_fen"))
                     .toInteger(),
                 10000);
        const auto ledger = json({QStringLiteral("villager"), QStringLiteral("ledger"), id});
        QCOMPARE(ledger.size(), 2);
        QCOMPARE(ledger[1].value(QStringLiteral("kind")).toString(), QStringLiteral("withdrawal"));
        QCOMPARE(ledger[1].value(QStringLiteral("method")).toString(), QStringLiteral("cash"));
        QCOMPARE(
            rows(QStringLiteral("cash_entry"), QStringLiteral("method = 'wechat' AND amount_fen = 5050")), 1);
        QCOMPARE(rows(QStringLiteral("outbox"), QStringLiteral("kind = 'account.entry'")), 2);
        QCOMPARE(rows(QStringLiteral("outbox"), QStringLiteral("kind = 'villager.updated'")), 1);
        const Run text = ctl({QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("villager"),
                              QStringLiteral("ledger"), id});
        QCOMPARE(text.code, 0);
        QVERIFY2(text.out.contains("30.50"), text.out.constData());
    }

    void editChangesOnlyWhatIsGiven() {
        const QString id =
            addVillager(QStringLiteral("张山"), kPhone, {QStringLiteral("--group"), QStringLiteral("三组")});
        const QString other = addVillager(QStringLiteral("李四"), QStringLiteral("13900001111"));
        QVERIFY(!id.isEmpty() && !other.isEmpty());
        const Run edited = ctl({QStringLiteral("villager"), QStringLiteral("edit"), id,
                                QStringLiteral("--name"), QStringLiteral("张三")});
        QCOMPARE(edited.code, 0);
        QVERIFY(!edited.out.contains("张三")); // masked in the confirmation
        const auto shown = json({QStringLiteral("villager"), QStringLiteral("show"), id});
        QCOMPARE(shown.first().value(QStringLiteral("name")).toString(), QStringLiteral("张三"));
        QCOMPARE(shown.first().value(QStringLiteral("group")).toString(), QStringLiteral("三组"));
        QCOMPARE(shown.first().value(QStringLiteral("phone")).toString(), kPhone);
        // Another villager's number, or nothing to change: refused, nothing written.
        const QList<int> before = accountRows();
        QCOMPARE(ctl({QStringLiteral("villager"), QStringLiteral("edit"), id, QStringLiteral("--phone"),
                      QStringLiteral("13900001111")})
                     .code,
                 3);
        QCOMPARE(ctl({QStringLiteral("villager"), QStringLiteral("edit"), id}).code, 2);
        QCOMPARE(accountRows(), before);
    }
};

QTEST_GUILESS_MAIN(TestCliAccounts)
#include "tst_cli_accounts.moc"
