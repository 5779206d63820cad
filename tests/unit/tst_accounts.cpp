// Villager accounts: adding and finding villagers, the ledger and its derived balance, the cash book
// beside it, and every refusal writing nothing.
#include "accounts.h"
#include "fixture.h"
#include "outboxcodec.h"

#include <QJsonDocument>

using namespace cz;

namespace {
// Every table an account change writes.
QList<int> accountRows(test::Fixture& f) {
    return {f.rows(QStringLiteral("villager")), f.rows(QStringLiteral("account_entry")),
            f.rows(QStringLiteral("cash_entry")), f.rows(QStringLiteral("outbox"))};
}

qint64 sum(test::Fixture& f, const QString& sql) {
    auto v = f.station->ctx->database().scalar(sql);
    return v ? v->toLongLong() : -1;
}

QJsonObject lastOp(test::Fixture& f, const QString& kind) {
    auto v = f.station->ctx->database().scalar(
        QStringLiteral("SELECT payload FROM outbox WHERE kind = ? ORDER BY seq DESC LIMIT 1"), {kind});
    return v ? decodeOpPayload(v->toByteArray()) : QJsonObject{};
}
} // namespace

class TestAccounts : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void addAndFind();
    void addRefusals();
    void ledgerBalanceAndCashBook();
    void moneyRefusalsWriteNothing();
    void creditLimitChange();
    void editVillager();
    void editRefusalsWriteNothing();
    void parseYuanExactly();
};

void TestAccounts::addAndFind() {
    test::Fixture f;
    Accounts accounts(*f.station->ctx);
    auto v = accounts.add({QStringLiteral(" 张  三 "), QStringLiteral("138 1234 5678"),
                           QStringLiteral("三组"), QStringLiteral("耳背"), 50000});
    QVERIFY2(v.has_value(), v ? "" : qPrintable(v.error().message));
    QCOMPARE(v->name, QStringLiteral("张 三"));
    QCOMPARE(v->phone, QStringLiteral("13812345678"));
    QCOMPARE(v->maskedLabel(), QStringLiteral("张*三 138****5678"));
    QVERIFY(accounts.add({QStringLiteral("李四"), QStringLiteral("13900005678"), {}, {}, 0}).has_value());

    QCOMPARE(accounts.find(QStringLiteral("5678"))->size(), 2);
    QCOMPARE(accounts.find(QStringLiteral("13812345678"))->size(), 1);
    QCOMPARE(accounts.find(QStringLiteral("李"))->first().name, QStringLiteral("李四"));
    QVERIFY(accounts.find(QStringLiteral("王"))->isEmpty());
    QVERIFY(accounts.find(QStringLiteral("%"))->isEmpty()); // a wildcard is a character, not "all"
    QCOMPARE(accounts.find(QStringLiteral("12")).error().code, QStringLiteral("phone.invalid"));

    // The op carries no full phone and no full name.
    const QJsonObject op = lastOp(f, QStringLiteral("villager.added"));
    const QByteArray text = QJsonDocument(op).toJson();
    QVERIFY(!text.contains("13900005678"));
    QVERIFY(!text.contains("李四"));
    QCOMPARE(op.value(QStringLiteral("villager")).toObject().value(QStringLiteral("name_masked")).toString(),
             QStringLiteral("李*"));
}

void TestAccounts::addRefusals() {
    test::Fixture f;
    Accounts accounts(*f.station->ctx);
    auto first = accounts.add({QStringLiteral("张三"), QStringLiteral("13812345678"), {}, {}, 0});
    QVERIFY2(first.has_value(), first ? "" : qPrintable(first.error().message));
    const QList<int> before = accountRows(f);
    struct Case {
        NewVillager v;
        const char* code;
    };
    const QList<Case> cases{
        {{QStringLiteral("张三丰"), QStringLiteral("13812345678"), {}, {}, 0}, "villager.duplicate_phone"},
        {{QStringLiteral("王五"), QStringLiteral("12812345678"), {}, {}, 0}, "phone.invalid"},
        {{QStringLiteral("王五"), QStringLiteral("5678"), {}, {}, 0}, "villager.phone_full"},
        {{QStringLiteral(" "), QStringLiteral("13812340000"), {}, {}, 0}, "villager.name_missing"},
        {{QStringLiteral("王五"), QStringLiteral("13812340000"), {}, {}, -1}, "credit.limit_range"},
        {{QStringLiteral("王五"), QStringLiteral("13812340000"), QStringLiteral("组\u202e"), {}, 0},
         "text.chars"},
    };
    for (const Case& c : cases) {
        auto r = accounts.add(c.v);
        QVERIFY(!r.has_value());
        QCOMPARE(r.error().code, QString::fromLatin1(c.code));
        QVERIFY(!r.error().message.isEmpty());
        QCOMPARE(accountRows(f), before);
    }
}

void TestAccounts::ledgerBalanceAndCashBook() {
    test::Fixture f;
    Accounts accounts(*f.station->ctx);
    const Villager v = *accounts.add({QStringLiteral("张三"), QStringLiteral("13812345678"), {}, {}, 0});
    QVERIFY(accounts.deposit(v.id, 10000, PayMethod::Wechat).has_value());
    QVERIFY(accounts.withdraw(v.id, 2550, PayMethod::Cash, QStringLiteral("取现")).has_value());
    QVERIFY(accounts.correct(v.id, -1, PayMethod::Account, QStringLiteral("记错一分")).has_value());
    QVERIFY(accounts.repay(v.id, 300, PayMethod::Alipay).has_value());
    QCOMPARE(accounts.state(v.id)->balanceFen, 10000 - 2550 - 1 + 300);

    auto ledger = accounts.ledger(v.id);
    QCOMPARE(ledger->size(), 4);
    QCOMPARE(ledger->at(0).kind, entry::kDeposit);
    QCOMPARE(ledger->at(0).method, QStringLiteral("wechat"));
    QCOMPARE(ledger->at(1).amountFen, -2550);
    QVERIFY(ledger->at(2).cashEntryId.isEmpty()); // inside the account: no money crossed the counter
    // The cash book: one entry per counter entry, with its method, agreeing to the fen.
    QCOMPARE(f.rows(QStringLiteral("cash_entry")), 3);
    QCOMPARE(f.rows(QStringLiteral("cash_entry"), QStringLiteral("method = 'wechat' AND amount_fen = 10000")),
             1);
    QCOMPARE(f.rows(QStringLiteral("cash_entry"), QStringLiteral("method = 'cash' AND amount_fen = -2550")),
             1);
    QCOMPARE(sum(f, QStringLiteral(
                        "SELECT sum(amount_fen) FROM cash_entry WHERE kind LIKE 'account\\_%' ESCAPE '\\'")),
             sum(f, QStringLiteral("SELECT sum(amount_fen) FROM account_entry WHERE method <> 'account'")));
    QCOMPARE(f.rows(QStringLiteral("outbox"), QStringLiteral("kind = 'account.entry'")), 4);
    const QJsonObject e =
        lastOp(f, QStringLiteral("account.entry")).value(QStringLiteral("entry")).toObject();
    QCOMPARE(e.value(QStringLiteral("kind")).toString(), entry::kRepayment);
    QCOMPARE(e.value(QStringLiteral("amount_fen")).toInteger(), 300);
    QCOMPARE(e.value(QStringLiteral("method")).toString(), QStringLiteral("alipay"));
    QCOMPARE(e.value(QStringLiteral("villager_id")).toString(), v.id);
}

void TestAccounts::moneyRefusalsWriteNothing() {
    test::Fixture f;
    Accounts accounts(*f.station->ctx);
    const Villager v = *accounts.add({QStringLiteral("张三"), QStringLiteral("13812345678"), {}, {}, 10000});
    QVERIFY(accounts.deposit(v.id, 500, PayMethod::Cash).has_value());
    const QList<int> before = accountRows(f);
    const auto expect = [&](const Result<AccountEntry>& r, const char* code) {
        QVERIFY(!r.has_value());
        QCOMPARE(r.error().code, QString::fromLatin1(code));
        QCOMPARE(accountRows(f), before);
    };
    expect(accounts.deposit(v.id, 0, PayMethod::Cash), "amount.not_positive");
    expect(accounts.deposit(v.id, -5, PayMethod::Cash), "amount.not_positive");
    expect(accounts.repay(v.id, 0, PayMethod::Cash), "amount.not_positive");
    expect(accounts.deposit(v.id, 5, PayMethod::Account), "method.unknown");
    // The credit limit is for orders: a withdrawal may not make the balance negative.
    expect(accounts.withdraw(v.id, 501, PayMethod::Cash), "account.withdrawal_exceeds_balance");
    expect(accounts.deposit(QStringLiteral("nobody"), 5, PayMethod::Cash), "villager.not_found");
    expect(accounts.correct(v.id, 0, PayMethod::Account, QStringLiteral("x")), "amount.zero");
    expect(accounts.correct(v.id, 5, PayMethod::Account, QString()), "correction.reason_missing");
    QVERIFY(accounts.withdraw(v.id, 500, PayMethod::Cash).has_value());
    QCOMPARE(accounts.state(v.id)->balanceFen, 0);
}

void TestAccounts::creditLimitChange() {
    test::Fixture f;
    Accounts accounts(*f.station->ctx);
    const Villager v = *accounts.add({QStringLiteral("张三"), QStringLiteral("13812345678"), {}, {}, 0});
    auto changed = accounts.setCreditLimit(v.id, 20000);
    QVERIFY(changed.has_value());
    QCOMPARE(accounts.villager(v.id)->creditLimitFen, 20000);
    QCOMPARE(lastOp(f, QStringLiteral("villager.updated"))
                 .value(QStringLiteral("villager"))
                 .toObject()
                 .value(QStringLiteral("credit_limit_fen"))
                 .toInteger(),
             20000);
    const QList<int> before = accountRows(f);
    QCOMPARE(accounts.setCreditLimit(v.id, -1).error().code, QStringLiteral("credit.limit_range"));
    QCOMPARE(accounts.setCreditLimit(QStringLiteral("x"), 1).error().code,
             QStringLiteral("villager.not_found"));
    QCOMPARE(accountRows(f), before);
}

void TestAccounts::editVillager() {
    test::Fixture f;
    Accounts accounts(*f.station->ctx);
    const Villager v = *accounts.add(
        {QStringLiteral("张山"), QStringLiteral("13812345678"), QStringLiteral("三组"), {}, 10000});
    const int ops = f.rows(QStringLiteral("outbox"));
    VillagerChanges changes;
    changes.name = QStringLiteral("张三");
    changes.phone = QStringLiteral("139 0000 1111");
    auto edited = accounts.edit(v.id, changes);
    QVERIFY2(edited.has_value(), edited ? "" : qPrintable(edited.error().message));
    QCOMPARE(edited->name, QStringLiteral("张三"));
    QCOMPARE(edited->group, QStringLiteral("三组")); // not given: unchanged
    QCOMPARE(edited->creditLimitFen, 10000);
    // Found by the new number and its tail, no longer by the old one.
    QCOMPARE(accounts.find(QStringLiteral("1111"))->size(), 1);
    QVERIFY(accounts.find(QStringLiteral("5678"))->isEmpty());
    QCOMPARE(accounts.villager(v.id)->phone, QStringLiteral("13900001111"));
    QCOMPARE(f.rows(QStringLiteral("outbox")), ops + 1);
    const QJsonObject op = lastOp(f, QStringLiteral("villager.updated"));
    QCOMPARE(op.value(QStringLiteral("villager")).toObject().value(QStringLiteral("name_masked")).toString(),
             QStringLiteral("张*"));
    QVERIFY(!QJsonDocument(op).toJson().contains("13900001111"));
    // Clearing the note and the group is a change too.
    VillagerChanges clear;
    clear.group = QString();
    QCOMPARE(accounts.edit(v.id, clear)->group, QString());
}

void TestAccounts::editRefusalsWriteNothing() {
    test::Fixture f;
    Accounts accounts(*f.station->ctx);
    const Villager v = *accounts.add({QStringLiteral("张三"), QStringLiteral("13812345678"), {}, {}, 0});
    QVERIFY(accounts.add({QStringLiteral("李四"), QStringLiteral("13900005678"), {}, {}, 0}).has_value());
    const QList<int> before = accountRows(f);
    const auto expect = [&](const VillagerChanges& c, const QString& id, const char* code) {
        auto r = accounts.edit(id, c);
        QVERIFY(!r.has_value());
        QCOMPARE(r.error().code, QString::fromLatin1(code));
        QVERIFY(!r.error().message.isEmpty());
        QCOMPARE(accountRows(f), before);
    };
    VillagerChanges taken;
    taken.phone = QStringLiteral("13900005678");
    expect(taken, v.id, "villager.duplicate_phone");
    VillagerChanges tail;
    tail.phone = QStringLiteral("5678");
    expect(tail, v.id, "villager.phone_full");
    VillagerChanges blank;
    blank.name = QStringLiteral("  ");
    expect(blank, v.id, "villager.name_missing");
    VillagerChanges same;
    same.name = QStringLiteral("张三");
    same.phone = QStringLiteral("13812345678"); // its own number is not a duplicate
    expect(same, v.id, "villager.unchanged");
    expect(VillagerChanges{}, v.id, "villager.unchanged");
    VillagerChanges any;
    any.note = QStringLiteral("x");
    expect(any, QStringLiteral("nobody"), "villager.not_found");
    QCOMPARE(accounts.villager(v.id)->name, QStringLiteral("张三"));
}

void TestAccounts::parseYuanExactly() {
    QCOMPARE(*parseYuan(QStringLiteral("12.5")), 1250);
    QCOMPARE(*parseYuan(QStringLiteral(" 0.07 ")), 7);
    QCOMPARE(*parseYuan(QStringLiteral("50")), 5000);
    QCOMPARE(*parseYuan(QStringLiteral("-3.10"), true), -310);
    QVERIFY(!parseYuan(QStringLiteral("-3.10")).has_value());
    QVERIFY(!parseYuan(QStringLiteral("1.234")).has_value());
    QVERIFY(!parseYuan(QStringLiteral("1e3")).has_value());
    QVERIFY(!parseYuan(QString()).has_value());
}

QTEST_GUILESS_MAIN(TestAccounts)
#include "tst_accounts.moc"
