// Villagers and their account ledgers: checks, the derived balance, entries with their cash entries
// and ops, and the schema step accounts.initial.
#include "accounts.h"

#include "fieldrules.h"
#include "privacy.h"
#include "sqltext.h"
#include "writetx.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace cz {

namespace {
struct AccountsText {
    Q_DECLARE_TR_FUNCTIONS(Accounts)
};

constexpr qsizetype kMaxGroup = 32;
constexpr qsizetype kMaxNote = 200;

const QString kVillagerColumns =
    QStringLiteral("SELECT id, name, phone, phone_tail, village_group, note, credit_limit_fen, created_at,"
                   " updated_at FROM villager");
const QString kEntryColumns = QStringLiteral("SELECT id, villager_id, at, kind, amount_fen, method, "
                                             "order_id, cash_entry_id, note, actor FROM account_entry");

Villager villagerFromRow(const QSqlQuery& q) {
    Villager v;
    v.id = q.value(0).toString();
    v.name = q.value(1).toString();
    v.phone = q.value(2).toString();
    v.phoneTail = q.value(3).toString();
    v.group = q.value(4).toString();
    v.note = q.value(5).toString();
    v.creditLimitFen = q.value(6).toLongLong();
    v.createdAt = q.value(7).toLongLong();
    v.updatedAt = q.value(8).toLongLong();
    return v;
}

AccountEntry entryFromRow(const QSqlQuery& q) {
    AccountEntry e;
    e.id = q.value(0).toString();
    e.villagerId = q.value(1).toString();
    e.at = q.value(2).toLongLong();
    e.kind = q.value(3).toString();
    e.amountFen = q.value(4).toLongLong();
    e.method = q.value(5).toString();
    e.orderId = q.value(6).toString();
    e.cashEntryId = q.value(7).toString();
    e.note = q.value(8).toString();
    e.actor = q.value(9).toString();
    return e;
}

Result<QList<Villager>> villagers(Database& db, const QString& sql, const QVariantList& args) {
    auto q = db.exec(sql, args);
    if (!q)
        return fail(q.error());
    QList<Villager> out;
    while ((*q)->next())
        out << villagerFromRow(**q);
    (*q)->finish();
    return out;
}

Error villagerNotFound(const QString& id) {
    return {ErrorKind::NotFound,
            QStringLiteral("villager.not_found"),
            AccountsText::tr("There is no villager with the id %1.").arg(id),
            {}};
}

Result<Villager> villagerById(Database& db, const QString& id) {
    auto found = villagers(db, kVillagerColumns + QStringLiteral(" WHERE id = ?"), {id.trimmed()});
    if (!found)
        return fail(found.error());
    if (found->isEmpty())
        return fail(villagerNotFound(id.trimmed()));
    return found->first();
}

// A short text (village group, note): simplified, bounded, printable.
Result<QString> checkText(const QString& input, qsizetype max, const QString& what) {
    const QString s = input.simplified();
    if (s.size() > max)
        return fail(ErrorKind::BadInput, QStringLiteral("text.too_long"),
                    AccountsText::tr("The %1 is too long (at most %2 characters).").arg(what).arg(max));
    if (rules::checkPersonName(s) == rules::NameProblem::Unprintable)
        return fail(ErrorKind::BadInput, QStringLiteral("text.chars"),
                    AccountsText::tr("The %1 contains characters that cannot be printed.").arg(what));
    return textOrEmpty(s);
}

Status checkAmount(qint64 amountFen) {
    if (amountFen <= 0)
        return fail(ErrorKind::BadInput, QStringLiteral("amount.not_positive"),
                    AccountsText::tr("The amount must be more than 0."));
    if (amountFen > kMaxAmountFen)
        return fail(ErrorKind::BadInput, QStringLiteral("amount.too_large"),
                    AccountsText::tr("The amount %1 yuan is too large.").arg(formatFen(amountFen)));
    return {};
}

Status checkCounterMethod(PayMethod method) {
    if (method == PayMethod::Account)
        return fail(
            ErrorKind::BadInput, QStringLiteral("method.unknown"),
            AccountsText::tr("Choose how the money was paid: cash, WeChat, Alipay or bank transfer."));
    return {};
}

// what: "added" or "updated" (villager.added, villager.updated).
Status villagerOp(WriteTx& tx, const Villager& v, const QString& what) {
    return tx.appendOp(
        QStringLiteral("villager"), v.id, QStringLiteral("villager.") + what,
        {{QStringLiteral("villager"), QJsonObject{{QStringLiteral("id"), v.id},
                                                  {QStringLiteral("name_masked"), v.maskedName()},
                                                  {QStringLiteral("group"), v.group},
                                                  {QStringLiteral("credit_limit_fen"), v.creditLimitFen}}}});
}

Status checkCreditLimit(qint64 limitFen) {
    if (limitFen < 0 || limitFen > kMaxCreditLimitFen)
        return fail(ErrorKind::BadInput, QStringLiteral("credit.limit_range"),
                    AccountsText::tr("The credit limit must be from 0 to %1 yuan.")
                        .arg(formatFen(kMaxCreditLimitFen)));
    return {};
}
} // namespace

QString toString(PayMethod method) {
    switch (method) {
    case PayMethod::Cash:
        return QStringLiteral("cash");
    case PayMethod::Wechat:
        return QStringLiteral("wechat");
    case PayMethod::Alipay:
        return QStringLiteral("alipay");
    case PayMethod::Bank:
        return QStringLiteral("bank");
    case PayMethod::Account:
        break;
    }
    return QStringLiteral("account");
}

std::optional<PayMethod> counterMethodFrom(const QString& text) {
    const QString t = text.trimmed().toLower();
    for (PayMethod m : {PayMethod::Cash, PayMethod::Wechat, PayMethod::Alipay, PayMethod::Bank})
        if (toString(m) == t)
            return m;
    return std::nullopt;
}

QString methodDisplayName(PayMethod method) {
    switch (method) {
    case PayMethod::Cash:
        return AccountsText::tr("cash");
    case PayMethod::Wechat:
        return AccountsText::tr("WeChat");
    case PayMethod::Alipay:
        return AccountsText::tr("Alipay");
    case PayMethod::Bank:
        return AccountsText::tr("bank transfer");
    case PayMethod::Account:
        break;
    }
    return AccountsText::tr("account");
}

QString methodDisplayName(const QString& method) {
    if (auto m = counterMethodFrom(method))
        return methodDisplayName(*m);
    return methodDisplayName(PayMethod::Account);
}

QString entryKindDisplayName(const QString& kind) {
    if (kind == entry::kDeposit)
        return AccountsText::tr("deposit");
    if (kind == entry::kWithdrawal)
        return AccountsText::tr("withdrawal");
    if (kind == entry::kOrderPayment)
        return AccountsText::tr("order payment");
    if (kind == entry::kCreditCharge)
        return AccountsText::tr("on credit");
    if (kind == entry::kRepayment)
        return AccountsText::tr("repayment");
    if (kind == entry::kRefund)
        return AccountsText::tr("refund");
    if (kind == entry::kCorrection)
        return AccountsText::tr("correction");
    return kind;
}

QString Villager::maskedPhone() const {
    return maskPhone(phone, phoneTail);
}

QString Villager::maskedName() const {
    return maskName(name);
}

QString Villager::maskedLabel() const {
    return maskedName() + QLatin1Char(' ') + maskedPhone();
}

QJsonObject AccountEntry::toOpJson() const {
    return {{QStringLiteral("id"), id},         {QStringLiteral("villager_id"), villagerId},
            {QStringLiteral("kind"), kind},     {QStringLiteral("amount_fen"), amountFen},
            {QStringLiteral("method"), method}, {QStringLiteral("order_id"), orderId},
            {QStringLiteral("note"), note},     {QStringLiteral("at"), at}};
}

Error insufficientDeposit(qint64 balanceFen, qint64 neededFen) {
    return {ErrorKind::Conflict,
            QStringLiteral("account.insufficient"),
            AccountsText::tr("The deposit is not enough: the balance is %1 yuan and %2 yuan are needed.")
                .arg(formatFen(balanceFen), formatFen(neededFen)),
            {}};
}

Error beyondCreditLimit(qint64 balanceFen, qint64 limitFen, qint64 neededFen) {
    return {
        ErrorKind::Conflict,
        QStringLiteral("account.credit_limit"),
        AccountsText::tr("This is beyond the credit limit of %1 yuan: the balance is %2 yuan, so at most %3 "
                         "yuan can be put on credit, and %4 yuan are needed.")
            .arg(formatFen(limitFen), formatFen(balanceFen),
                 formatFen(std::max<qint64>(0, balanceFen + limitFen)), formatFen(neededFen)),
        {}};
}

Result<qint64> parseYuan(const QString& input, bool allowNegative) {
    const QString text = input.trimmed();
    static const QRegularExpression shape(QStringLiteral("^(-?)(\\d{1,9})(?:\\.(\\d{1,2}))?$"));
    const auto m = shape.match(text);
    if (!m.hasMatch() || (!allowNegative && !m.captured(1).isEmpty()))
        return fail(
            ErrorKind::BadInput, QStringLiteral("amount.format"),
            AccountsText::tr("\"%1\" is not an amount in yuan: write it like 50 or 12.50.").arg(text));
    const qint64 fen =
        m.captured(2).toLongLong() * 100 + m.captured(3).leftJustified(2, QLatin1Char('0')).toLongLong();
    return m.captured(1).isEmpty() ? fen : -fen;
}

Result<Villager> loadVillager(WriteTx& tx, const QString& villagerId) {
    return villagerById(tx.db(), villagerId);
}

Result<qint64> accountBalance(WriteTx& tx, const QString& villagerId) {
    auto v = tx.scalar(
        QStringLiteral("SELECT coalesce(sum(amount_fen), 0) FROM account_entry WHERE villager_id = ?"),
        {villagerId});
    if (!v)
        return fail(v.error());
    return v->toLongLong();
}

Result<AccountEntry> appendAccountEntry(WriteTx& tx, const QString& villagerId, const QString& kind,
                                        qint64 amountFen, PayMethod method, const QString& orderId,
                                        const QString& note) {
    AccountEntry e;
    e.id = tx.newId();
    e.villagerId = villagerId;
    e.at = tx.now();
    e.kind = kind;
    e.amountFen = amountFen;
    e.method = toString(method);
    e.orderId = orderId;
    e.note = note;
    e.actor = tx.actor();
    if (method != PayMethod::Account) {
        // Money into the till raises the villager's balance; money paid out lowers it.
        auto cash = tx.appendCashEntry(QStringLiteral("account_") + kind, amountFen, e.id,
                                       orderId.isEmpty() ? note : orderId, e.method);
        if (!cash)
            return fail(cash.error());
        e.cashEntryId = *cash;
    }
    auto q = tx.exec(
        QStringLiteral("INSERT INTO account_entry(id, villager_id, at, kind, amount_fen, method,"
                       " order_id, cash_entry_id, note, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {e.id, e.villagerId, e.at, e.kind, e.amountFen, e.method,
         e.orderId.isEmpty() ? QVariant() : e.orderId, e.cashEntryId.isEmpty() ? QVariant() : e.cashEntryId,
         textOrEmpty(e.note), e.actor});
    if (!q)
        return fail(q.error());
    if (auto st = tx.sealRow(Chain::Ledger, e.id); !st) // the ledger is hash-chained (chain.h)
        return fail(st.error());
    if (auto st = tx.appendOp(QStringLiteral("account"), villagerId, QStringLiteral("account.entry"),
                              {{QStringLiteral("entry"), e.toOpJson()}});
        !st)
        return fail(st.error());
    return e;
}

namespace {

Result<QString> checkVillagerName(const QString& input) {
    auto name = validateName(input);
    if (!name)
        return fail(name.error());
    if (name->isEmpty())
        return fail(ErrorKind::BadInput, QStringLiteral("villager.name_missing"),
                    AccountsText::tr("Give the villager's name."));
    return *name;
}

Result<PhoneInput> checkVillagerPhone(const QString& input) {
    auto phone = parsePhone(input);
    if (!phone)
        return fail(phone.error());
    if (phone->full.isEmpty())
        return fail(
            ErrorKind::BadInput, QStringLiteral("villager.phone_full"),
            AccountsText::tr("Give the villager's whole mobile number (11 digits), not only its last 4 "
                             "digits."));
    return *phone;
}

Result<QString> checkGroup(const QString& input) {
    return checkText(input, kMaxGroup, AccountsText::tr("village group"));
}

Result<QString> checkNote(const QString& input) {
    return checkText(input, kMaxNote, AccountsText::tr("note"));
}

// One account per number: refused when another villager (not `self`) has it.
Status checkPhoneFree(WriteTx& tx, const QString& phone, const QString& self = {}) {
    auto existing = villagers(tx.db(), kVillagerColumns + QStringLiteral(" WHERE phone = ? AND id IS NOT ?"),
                              {phone, self});
    if (!existing)
        return fail(existing.error());
    if (existing->isEmpty())
        return {};
    const Villager& other = existing->first();
    return fail(ErrorKind::Conflict, QStringLiteral("villager.duplicate_phone"),
                AccountsText::tr("The number %1 already belongs to the villager %2 (id %3).")
                    .arg(other.maskedPhone(), other.maskedName(), other.id),
                {other.id});
}

} // namespace

Result<Villager> Accounts::add(const NewVillager& input) {
    if (auto st = m_ctx.requireInitialised(); !st)
        return fail(st.error());
    auto name = checkVillagerName(input.name);
    if (!name)
        return fail(name.error());
    auto phone = checkVillagerPhone(input.phone);
    if (!phone)
        return fail(phone.error());
    auto group = checkGroup(input.group);
    if (!group)
        return fail(group.error());
    auto note = checkNote(input.note);
    if (!note)
        return fail(note.error());
    if (auto st = checkCreditLimit(input.creditLimitFen); !st)
        return fail(st.error());

    auto tx = m_ctx.beginWrite(Permission::AddVillager);
    if (!tx)
        return fail(tx.error());
    if (auto st = checkPhoneFree(*tx, phone->full); !st)
        return fail(st.error());
    Villager v;
    v.id = tx->newId();
    v.name = *name;
    v.phone = phone->full;
    v.phoneTail = phone->tail;
    v.group = *group;
    v.note = *note;
    v.creditLimitFen = input.creditLimitFen;
    v.createdAt = tx->now();
    v.updatedAt = tx->now();
    auto q = tx->exec(
        QStringLiteral("INSERT INTO villager(id, name, phone, phone_tail, village_group, note,"
                       " credit_limit_fen, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {v.id, v.name, v.phone, v.phoneTail, v.group, v.note, v.creditLimitFen, v.createdAt, v.updatedAt});
    if (!q)
        return fail(q.error());
    if (auto st = villagerOp(*tx, v, QStringLiteral("added")); !st)
        return fail(st.error());
    if (auto st = tx->commit(); !st)
        return fail(st.error());
    m_ctx.notifyChanged(Domain::Accounts);
    return v;
}

Result<QList<Villager>> Accounts::find(const QString& input) {
    const QString text = input.simplified();
    static const QRegularExpression digits(QStringLiteral("^[\\d -]+$"));
    if (digits.match(text).hasMatch()) {
        auto phone = parsePhone(text);
        if (!phone)
            return fail(phone.error());
        if (!phone->full.isEmpty())
            return villagers(m_ctx.database(), kVillagerColumns + QStringLiteral(" WHERE phone = ?"),
                             {phone->full});
        return villagers(
            m_ctx.database(),
            kVillagerColumns +
                QStringLiteral(" WHERE phone_tail = ? ORDER BY name, id LIMIT %1").arg(kMaxVillagersFound),
            {phone->tail});
    }
    if (text.isEmpty())
        return fail(ErrorKind::BadInput, QStringLiteral("villager.search_empty"),
                    AccountsText::tr("Give a phone number, its last 4 digits or a name."));
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('%'), QStringLiteral("\\%"))
        .replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return villagers(m_ctx.database(),
                     kVillagerColumns +
                         QStringLiteral(" WHERE name LIKE ? ESCAPE '\\' ORDER BY name, id LIMIT %1")
                             .arg(kMaxVillagersFound),
                     {escaped + QLatin1Char('%')});
}

Result<Villager> Accounts::villager(const QString& id) {
    return villagerById(m_ctx.database(), id);
}

Result<AccountState> Accounts::state(const QString& villagerId) {
    auto v = villager(villagerId);
    if (!v)
        return fail(v.error());
    auto sum = m_ctx.database().scalar(
        QStringLiteral("SELECT coalesce(sum(amount_fen), 0) FROM account_entry WHERE villager_id = ?"),
        {v->id});
    if (!sum)
        return fail(sum.error());
    return AccountState{sum->toLongLong(), v->creditLimitFen};
}

Result<QList<AccountEntry>> Accounts::ledger(const QString& villagerId) {
    auto v = villager(villagerId);
    if (!v)
        return fail(v.error());
    auto q = m_ctx.database().exec(
        kEntryColumns + QStringLiteral(" WHERE villager_id = ? ORDER BY at DESC, rowid DESC LIMIT %1")
                            .arg(kMaxLedgerEntries),
        {v->id});
    if (!q)
        return fail(q.error());
    QList<AccountEntry> out;
    while ((*q)->next())
        out.prepend(entryFromRow(**q));
    (*q)->finish();
    return out;
}

Result<Villager> Accounts::edit(const QString& villagerId, const VillagerChanges& changes) {
    Villager next;
    if (changes.name) {
        auto name = checkVillagerName(*changes.name);
        if (!name)
            return fail(name.error());
        next.name = *name;
    }
    std::optional<PhoneInput> phone;
    if (changes.phone) {
        auto checked = checkVillagerPhone(*changes.phone);
        if (!checked)
            return fail(checked.error());
        phone = *checked;
    }
    if (changes.group) {
        auto group = checkGroup(*changes.group);
        if (!group)
            return fail(group.error());
        next.group = *group;
    }
    if (changes.note) {
        auto note = checkNote(*changes.note);
        if (!note)
            return fail(note.error());
        next.note = *note;
    }
    auto tx = m_ctx.beginWrite(Permission::AddVillager);
    if (!tx)
        return fail(tx.error());
    auto v = loadVillager(*tx, villagerId);
    if (!v)
        return fail(v.error());
    if (phone)
        if (auto st = checkPhoneFree(*tx, phone->full, v->id); !st)
            return fail(st.error());
    const Villager before = *v;
    if (changes.name)
        v->name = next.name;
    if (phone) {
        v->phone = phone->full;
        v->phoneTail = phone->tail;
    }
    if (changes.group)
        v->group = next.group;
    if (changes.note)
        v->note = next.note;
    if (v->name == before.name && v->phone == before.phone && v->group == before.group &&
        v->note == before.note)
        return fail(ErrorKind::BadInput, QStringLiteral("villager.unchanged"),
                    AccountsText::tr("Nothing was changed: the villager's record already says this."));
    v->updatedAt = tx->now();
    auto q =
        tx->exec(QStringLiteral("UPDATE villager SET name = ?, phone = ?, phone_tail = ?, village_group = ?,"
                                " note = ?, updated_at = ? WHERE id = ?"),
                 {v->name, v->phone, v->phoneTail, v->group, v->note, v->updatedAt, v->id});
    if (!q)
        return fail(q.error());
    if (auto st = villagerOp(*tx, *v, QStringLiteral("updated")); !st)
        return fail(st.error());
    if (auto st = tx->commit(); !st)
        return fail(st.error());
    m_ctx.notifyChanged(Domain::Accounts);
    return *v;
}

Result<Villager> Accounts::setCreditLimit(const QString& villagerId, qint64 limitFen) {
    if (auto st = checkCreditLimit(limitFen); !st)
        return fail(st.error());
    auto tx = m_ctx.beginWrite(Permission::SetCreditLimit);
    if (!tx)
        return fail(tx.error());
    auto v = loadVillager(*tx, villagerId);
    if (!v)
        return fail(v.error());
    v->creditLimitFen = limitFen;
    v->updatedAt = tx->now();
    auto q = tx->exec(QStringLiteral("UPDATE villager SET credit_limit_fen = ?, updated_at = ? WHERE id = ?"),
                      {v->creditLimitFen, v->updatedAt, v->id});
    if (!q)
        return fail(q.error());
    if (auto st = villagerOp(*tx, *v, QStringLiteral("updated")); !st)
        return fail(st.error());
    if (auto st = tx->commit(); !st)
        return fail(st.error());
    m_ctx.notifyChanged(Domain::Accounts);
    return *v;
}

Result<AccountEntry> Accounts::counterEntry(const QString& villagerId, const QString& kind, qint64 amountFen,
                                            PayMethod method, const QString& noteInput) {
    auto note = checkText(noteInput, kMaxNote, AccountsText::tr("note"));
    if (!note)
        return fail(note.error());
    auto tx =
        m_ctx.beginWrite(kind == entry::kCorrection ? Permission::CorrectAccount : Permission::CounterMoney);
    if (!tx)
        return fail(tx.error());
    auto v = loadVillager(*tx, villagerId);
    if (!v)
        return fail(v.error());
    if (kind == entry::kWithdrawal) {
        auto balance = accountBalance(*tx, v->id);
        if (!balance)
            return fail(balance.error());
        if (*balance + amountFen < 0)
            return fail(
                ErrorKind::Conflict, QStringLiteral("account.withdrawal_exceeds_balance"),
                AccountsText::tr("Only %1 yuan can be paid out: the balance is %1 yuan, and %2 yuan were "
                                 "asked for.")
                    .arg(formatFen(std::max<qint64>(0, *balance)), formatFen(-amountFen)));
    }
    auto e = appendAccountEntry(*tx, v->id, kind, amountFen, method, {}, *note);
    if (!e)
        return fail(e.error());
    if (auto st = tx->commit(); !st)
        return fail(st.error());
    m_ctx.notifyChanged(Domain::Accounts);
    return *e;
}

Result<AccountEntry> Accounts::deposit(const QString& villagerId, qint64 amountFen, PayMethod method,
                                       const QString& note) {
    if (auto st = checkAmount(amountFen); !st)
        return fail(st.error());
    if (auto st = checkCounterMethod(method); !st)
        return fail(st.error());
    return counterEntry(villagerId, entry::kDeposit, amountFen, method, note);
}

Result<AccountEntry> Accounts::withdraw(const QString& villagerId, qint64 amountFen, PayMethod method,
                                        const QString& note) {
    if (auto st = checkAmount(amountFen); !st)
        return fail(st.error());
    if (auto st = checkCounterMethod(method); !st)
        return fail(st.error());
    return counterEntry(villagerId, entry::kWithdrawal, -amountFen, method, note);
}

Result<AccountEntry> Accounts::repay(const QString& villagerId, qint64 amountFen, PayMethod method,
                                     const QString& note) {
    if (auto st = checkAmount(amountFen); !st)
        return fail(st.error());
    if (auto st = checkCounterMethod(method); !st)
        return fail(st.error());
    return counterEntry(villagerId, entry::kRepayment, amountFen, method, note);
}

Result<AccountEntry> Accounts::correct(const QString& villagerId, qint64 amountFen, PayMethod method,
                                       const QString& note) {
    if (auto st = checkAmount(amountFen < 0 ? -amountFen : amountFen); !st)
        return fail(ErrorKind::BadInput, QStringLiteral("amount.zero"),
                    AccountsText::tr("A correction moves an amount other than 0, up to %1 yuan either way.")
                        .arg(formatFen(kMaxAmountFen)));
    if (note.simplified().isEmpty())
        return fail(ErrorKind::BadInput, QStringLiteral("correction.reason_missing"),
                    AccountsText::tr("Say why the account is corrected."));
    return counterEntry(villagerId, entry::kCorrection, amountFen, method, note);
}

// Version 10: villagers and their ledgers. The balance is never stored: it is the sum of the
// entries (indexed by villager). The cash book learns how each payment was made.
QStringList accountsSchemaStep() {
    return {
        QStringLiteral("CREATE TABLE villager ("
                       " id TEXT PRIMARY KEY,"
                       " name TEXT NOT NULL,"
                       " phone TEXT NOT NULL UNIQUE,"
                       " phone_tail TEXT NOT NULL,"
                       " village_group TEXT NOT NULL DEFAULT '',"
                       " note TEXT NOT NULL DEFAULT '',"
                       " credit_limit_fen INTEGER NOT NULL DEFAULT 0,"
                       " created_at INTEGER NOT NULL,"
                       " updated_at INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX villager_tail ON villager(phone_tail)"),
        QStringLiteral("CREATE INDEX villager_name ON villager(name)"),
        QStringLiteral("CREATE TABLE account_entry ("
                       " id TEXT PRIMARY KEY,"
                       " villager_id TEXT NOT NULL REFERENCES villager(id),"
                       " at INTEGER NOT NULL,"
                       " kind TEXT NOT NULL,"
                       " amount_fen INTEGER NOT NULL,"
                       " method TEXT NOT NULL,"
                       " order_id TEXT,"
                       " cash_entry_id TEXT,"
                       " note TEXT NOT NULL DEFAULT '',"
                       " actor TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX account_entry_villager ON account_entry(villager_id, at)"),
        QStringLiteral(
            "CREATE INDEX account_entry_order ON account_entry(order_id) WHERE order_id IS NOT NULL"),
        QStringLiteral("ALTER TABLE cash_entry ADD COLUMN method TEXT"),
    };
}

} // namespace cz
