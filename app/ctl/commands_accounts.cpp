// Villagers and their accounts: villager add|edit|find|show|ledger|deposit|withdraw|repay|set-limit.
// Phone numbers and names are masked everywhere but in "villager show", the one villager's own record.
#include "accounts.h"
#include "commands.h"
#include "context.h"
#include "output.h"
#include "privacy.h"

namespace cz::ctl {

namespace {

void defineVillager(QCommandLineParser& p) {
    p.addPositionalArgument(
        QStringLiteral("ACTION"),
        Tr::tr("add (with --name and --phone); edit ID (with the options to change); find PHONE-OR-NAME; "
               "show ID; ledger ID; deposit, withdraw or repay ID AMOUNT (yuan, e.g. 50 or 12.50); set-limit "
               "ID AMOUNT."),
        QStringLiteral("(add | edit ID | find Q | show ID | ledger ID | deposit ID AMOUNT | withdraw ID "
                       "AMOUNT | repay ID AMOUNT | set-limit ID AMOUNT)"));
    p.addOption(option(QStringLiteral("name"), Tr::tr("With add and edit: the villager's name."),
                       QStringLiteral("NAME")));
    p.addOption(option(QStringLiteral("phone"),
                       Tr::tr("With add and edit: the villager's mobile number (11 digits)."),
                       QStringLiteral("PHONE")));
    p.addOption(option(QStringLiteral("group"), Tr::tr("With add and edit: the village group (村民小组)."),
                       QStringLiteral("GROUP")));
    p.addOption(option(QStringLiteral("note"), Tr::tr("With add, edit, deposit, withdraw, repay: a note."),
                       QStringLiteral("TEXT")));
    p.addOption(option(QStringLiteral("credit-limit"),
                       Tr::tr("With add: the credit limit in yuan (default 0)."), QStringLiteral("AMOUNT")));
    p.addOption(option(QStringLiteral("method"),
                       Tr::tr("With deposit, withdraw, repay: cash, wechat, alipay or bank (default cash)."),
                       QStringLiteral("METHOD")));
}

QJsonObject villagerJson(const Villager& v, bool unmasked = false) {
    QJsonObject o{{QStringLiteral("id"), v.id},
                  {QStringLiteral("name_masked"), v.maskedName()},
                  {QStringLiteral("phone_masked"), v.maskedPhone()},
                  {QStringLiteral("group"), v.group},
                  {QStringLiteral("note"), v.note},
                  {QStringLiteral("credit_limit_fen"), v.creditLimitFen},
                  {QStringLiteral("created_at"), v.createdAt}};
    if (unmasked) {
        o.insert(QStringLiteral("name"), v.name);
        o.insert(QStringLiteral("phone"), v.phone);
    }
    return o;
}

QJsonObject entryJson(const AccountEntry& e) {
    QJsonObject o = e.toOpJson();
    o.insert(QStringLiteral("cash_entry_id"), e.cashEntryId);
    o.insert(QStringLiteral("actor"), e.actor);
    return o;
}

QStringList entryRow(const AccountEntry& e) {
    return {localDateTimeText(e.at), entryKindDisplayName(e.kind), formatFen(e.amountFen),
            methodDisplayName(e.method), e.orderId.isEmpty() ? e.note : e.orderId};
}

Result<PayMethod> methodOption(const QCommandLineParser& p) {
    if (!p.isSet(QStringLiteral("method")))
        return PayMethod::Cash;
    auto m = counterMethodFrom(p.value(QStringLiteral("method")));
    if (!m)
        return fail(usageError(Tr::tr("--method is one of cash, wechat, alipay, bank.")));
    return *m;
}

int printVillagers(const Context& ctx, const QList<Villager>& found) {
    if (ctx.out.json()) {
        for (const Villager& v : found)
            ctx.out.object(villagerJson(v));
        return 0;
    }
    if (found.isEmpty()) {
        ctx.out.note(Tr::tr("No villager matches."));
        return 0;
    }
    Table t{{Tr::tr("Id"), Tr::tr("Name"), Tr::tr("Phone"), Tr::tr("Village group"), Tr::tr("Credit limit")},
            {}};
    for (const Villager& v : found)
        t.rows << QStringList{v.id, v.maskedName(), v.maskedPhone(), v.group, yuan(v.creditLimitFen)};
    ctx.out.table(t);
    return 0;
}

int printEntry(const Context& ctx, Accounts& accounts, const AccountEntry& e) {
    auto state = accounts.state(e.villagerId);
    if (!state)
        return ctx.out.fail(state.error());
    if (ctx.out.json()) {
        QJsonObject o = entryJson(e);
        o.insert(QStringLiteral("balance_fen"), state->balanceFen);
        ctx.out.object(o);
        return 0;
    }
    ctx.out.fields({{Tr::tr("Entry"), entryKindDisplayName(e.kind)},
                    {Tr::tr("Amount"), yuan(e.amountFen)},
                    {Tr::tr("Method"), methodDisplayName(e.method)},
                    {Tr::tr("Balance"), yuan(state->balanceFen)}});
    return 0;
}

int runVillager(Context& ctx, const QCommandLineParser& p) {
    const QStringList pos = p.positionalArguments();
    const QString action = pos.value(0);
    Accounts accounts(ctx.station());
    const auto wrongUsage = [&] {
        return ctx.out.usage(
            Tr::tr("Write \"villager add --name N --phone P\", \"villager edit ID --name N\", \"villager "
                   "find Q\", \"villager show|ledger ID\", \"villager deposit|withdraw|repay|set-limit ID "
                   "AMOUNT\"."),
            ctx.command);
    };
    if (action == QLatin1String("add")) {
        if (pos.size() != 1)
            return wrongUsage();
        if (!p.isSet(QStringLiteral("name")) || !p.isSet(QStringLiteral("phone")))
            return ctx.out.usage(Tr::tr("Give the villager's --name and --phone."), ctx.command);
        qint64 limit = 0;
        if (p.isSet(QStringLiteral("credit-limit"))) {
            auto fen = parseYuan(p.value(QStringLiteral("credit-limit")));
            if (!fen)
                return ctx.out.fail(fen.error());
            limit = *fen;
        }
        auto v = accounts.add({p.value(QStringLiteral("name")), p.value(QStringLiteral("phone")),
                               p.value(QStringLiteral("group")), p.value(QStringLiteral("note")), limit});
        if (!v)
            return ctx.out.fail(v.error());
        if (ctx.out.json())
            ctx.out.object(villagerJson(*v));
        else
            ctx.out.text(Tr::tr("Added %1 (id %2).").arg(v->maskedLabel(), v->id));
        return 0;
    }
    if (action == QLatin1String("find")) {
        if (pos.size() < 2)
            return ctx.out.usage(Tr::tr("Give a phone number, its last 4 digits or a name."), ctx.command);
        auto found = accounts.find(pos.mid(1).join(QLatin1Char(' ')));
        if (!found)
            return ctx.out.fail(found.error());
        return printVillagers(ctx, *found);
    }
    if (pos.size() < 2)
        return wrongUsage();
    const QString id = pos[1];
    if (action == QLatin1String("edit") && pos.size() == 2) {
        VillagerChanges changes;
        const auto given = [&](const char* name, std::optional<QString>& field) {
            if (p.isSet(QString::fromLatin1(name)))
                field = p.value(QString::fromLatin1(name));
        };
        given("name", changes.name);
        given("phone", changes.phone);
        given("group", changes.group);
        given("note", changes.note);
        if (!changes.name && !changes.phone && !changes.group && !changes.note)
            return ctx.out.usage(Tr::tr("Give what to change: --name, --phone, --group or --note."),
                                 ctx.command);
        auto v = accounts.edit(id, changes);
        if (!v)
            return ctx.out.fail(v.error());
        if (ctx.out.json())
            ctx.out.object(villagerJson(*v));
        else
            ctx.out.text(Tr::tr("Changed %1 (id %2).").arg(v->maskedLabel(), v->id));
        return 0;
    }
    if (action == QLatin1String("show") && pos.size() == 2) {
        auto v = accounts.villager(id);
        if (!v)
            return ctx.out.fail(v.error());
        // The full name and number: a permission, and recorded.
        if (auto st = ctx.station().require(Permission::RevealPhone); !st)
            return ctx.out.fail(st.error());
        (void)ctx.station().audit(QStringLiteral("reveal.phone"), v->id);
        auto state = accounts.state(id);
        if (!state)
            return ctx.out.fail(state.error());
        if (ctx.out.json()) {
            QJsonObject o = villagerJson(*v, true);
            o.insert(QStringLiteral("balance_fen"), state->balanceFen);
            o.insert(QStringLiteral("owed_fen"), state->owedFen());
            o.insert(QStringLiteral("available_fen"), state->availableFen());
            ctx.out.object(o);
            return 0;
        }
        ctx.out.fields({{Tr::tr("Id"), v->id},
                        {Tr::tr("Name"), v->name},
                        {Tr::tr("Phone"), v->phone},
                        {Tr::tr("Village group"), v->group},
                        {Tr::tr("Note"), v->note},
                        {Tr::tr("Balance"), yuan(state->balanceFen)},
                        {Tr::tr("Owed"), yuan(state->owedFen())},
                        {Tr::tr("Credit limit"), yuan(v->creditLimitFen)}});
        return 0;
    }
    if (action == QLatin1String("ledger") && pos.size() == 2) {
        auto entries = accounts.ledger(id);
        if (!entries)
            return ctx.out.fail(entries.error());
        if (ctx.out.json()) {
            for (const AccountEntry& e : *entries)
                ctx.out.object(entryJson(e));
            return 0;
        }
        Table t{
            {Tr::tr("Time"), Tr::tr("Entry"), Tr::tr("Amount"), Tr::tr("Method"), Tr::tr("Order or note")},
            {}};
        for (const AccountEntry& e : *entries)
            t.rows << entryRow(e);
        if (t.rows.isEmpty())
            ctx.out.note(Tr::tr("The account has no entries yet."));
        else
            ctx.out.table(t);
        auto state = accounts.state(id);
        if (!state)
            return ctx.out.fail(state.error());
        ctx.out.text(Tr::tr("Balance: %1").arg(yuan(state->balanceFen)));
        return 0;
    }
    if (pos.size() != 3)
        return wrongUsage();
    const bool setLimit = action == QLatin1String("set-limit");
    auto amount = parseYuan(pos[2]);
    if (!amount)
        return ctx.out.fail(amount.error());
    if (setLimit) {
        auto v = accounts.setCreditLimit(id, *amount);
        if (!v)
            return ctx.out.fail(v.error());
        if (ctx.out.json())
            ctx.out.object(villagerJson(*v));
        else
            ctx.out.text(
                Tr::tr("The credit limit of %1 is now %2.").arg(v->maskedLabel(), yuan(v->creditLimitFen)));
        return 0;
    }
    auto method = methodOption(p);
    if (!method)
        return report(ctx, method.error());
    const QString note = p.value(QStringLiteral("note"));
    Result<AccountEntry> e = fail(usageError({}));
    if (action == QLatin1String("deposit"))
        e = accounts.deposit(id, *amount, *method, note);
    else if (action == QLatin1String("withdraw"))
        e = accounts.withdraw(id, *amount, *method, note);
    else if (action == QLatin1String("repay"))
        e = accounts.repay(id, *amount, *method, note);
    else
        return wrongUsage();
    if (!e)
        return ctx.out.fail(e.error());
    return printEntry(ctx, accounts, *e);
}

} // namespace

QList<Command> accountCommands() {
    return {
        {QStringLiteral("villager"),
         Tr::tr("Villagers and their accounts: add, edit, find, show, ledger, deposit, withdraw, repay, "
                "credit limit."),
         QStringLiteral(
             "(add --name N --phone P [--group G] [--credit-limit AMOUNT] | find Q | show ID | ledger ID "
             "| deposit|withdraw|repay ID AMOUNT [--method M] | set-limit ID AMOUNT)"),
         true, false, defineVillager, runVillager},
    };
}

} // namespace cz::ctl
