// Staff and the audit trail: staff init|add|list|reset-pin|deactivate|recover, audit verify. PINs
// come from --pin-stdin or CUNZHAN_PIN (the global --user takes the acting person's the same way).
#include "chain.h"
#include "commands.h"
#include "context.h"
#include "output.h"
#include "staff.h"

#include <QJsonArray>
#include <cstdio>

namespace cz::ctl {

namespace {

void defineStaff(QCommandLineParser& p) {
    p.addPositionalArgument(QStringLiteral("ACTION"),
                            Tr::tr("init NAME (the first owner); add NAME --role ROLE; list; reset-pin NAME; "
                                   "deactivate NAME; recover NAME (a forgotten owner PIN, with the recovery "
                                   "code)."),
                            QStringLiteral("(init NAME | add NAME --role ROLE | list | reset-pin NAME | "
                                           "deactivate NAME | recover NAME --code CODE)"));
    p.addOption(option(QStringLiteral("role"), Tr::tr("With add: owner, keeper or trainee."),
                       QStringLiteral("ROLE")));
    p.addOption(option(QStringLiteral("code"), Tr::tr("With recover: the recovery code printed at setup."),
                       QStringLiteral("CODE")));
    p.addOption(
        option(QStringLiteral("new-pin-stdin"),
               Tr::tr("Read the new PIN (init, add, reset-pin, recover) from the first line of standard "
                      "input; else from the environment variable CUNZHAN_NEW_PIN.")));
}

Result<QString> newPin(const QCommandLineParser& p) {
    if (p.isSet(QStringLiteral("new-pin-stdin"))) {
        return readStdinLine();
    }
    const QString env = qEnvironmentVariable("CUNZHAN_NEW_PIN");
    if (env.isEmpty())
        return fail(usageError(Tr::tr("Give the new PIN with --new-pin-stdin or CUNZHAN_NEW_PIN.")));
    return env;
}

int printCode(const Context& ctx, const QString& code) {
    if (ctx.out.json())
        ctx.out.object({{QStringLiteral("recovery_code"), code}});
    else {
        ctx.out.text(code);
        ctx.out.note(
            Tr::tr("This is the recovery code for a forgotten owner PIN. It is shown only now: print "
                   "it or write it down, and keep it locked away."));
    }
    return 0;
}

int runStaff(Context& ctx, const QCommandLineParser& p) {
    const QStringList args = p.positionalArguments();
    const QString action = args.value(0);
    const QString name = args.value(1);
    Staff staff(ctx.station());
    auto wrongUsage = [&] {
        return report(ctx, usageError(Tr::tr("Give one of: init NAME, add NAME --role ROLE, list, reset-pin "
                                             "NAME, deactivate NAME, recover NAME --code CODE.")));
    };
    if (action == QLatin1String("list") && args.size() == 1) {
        auto list = staff.list();
        if (!list)
            return ctx.out.fail(list.error());
        Table t{{Tr::tr("Name"), Tr::tr("Role"), Tr::tr("Active"), Tr::tr("Wrong PINs")}, {}};
        QJsonArray arr;
        for (const StaffMember& m : *list) {
            t.rows << QStringList{m.name, roleLabel(m.role), m.active ? Tr::tr("yes") : Tr::tr("no"),
                                  QString::number(m.failedPins)};
            arr.append(QJsonObject{{QStringLiteral("name"), m.name},
                                   {QStringLiteral("role"), roleName(m.role)},
                                   {QStringLiteral("active"), m.active},
                                   {QStringLiteral("failed_pins"), m.failedPins},
                                   {QStringLiteral("locked_until"), m.lockedUntil}});
        }
        if (ctx.out.json())
            ctx.out.object({{QStringLiteral("staff"), arr}});
        else
            ctx.out.table(t);
        return 0;
    }
    if (args.size() != 2)
        return wrongUsage();
    if (action == QLatin1String("deactivate")) {
        if (auto st = staff.deactivate(name); !st)
            return ctx.out.fail(st.error());
        return 0;
    }
    auto pin = newPin(p);
    if (!pin)
        return report(ctx, pin.error());
    if (action == QLatin1String("init")) {
        auto code = staff.createFirstOwner(name, *pin);
        if (!code)
            return ctx.out.fail(code.error());
        return printCode(ctx, *code);
    }
    if (action == QLatin1String("add")) {
        auto role = parseRole(p.value(QStringLiteral("role")));
        if (!role)
            return report(ctx, usageError(Tr::tr("--role takes owner, keeper or trainee.")));
        if (auto st = staff.add(name, *role, *pin); !st)
            return ctx.out.fail(st.error());
        return 0;
    }
    if (action == QLatin1String("reset-pin")) {
        if (auto st = staff.resetPin(name, *pin); !st)
            return ctx.out.fail(st.error());
        return 0;
    }
    if (action == QLatin1String("recover")) {
        auto code = staff.recoverOwner(name, p.value(QStringLiteral("code")), *pin);
        if (!code)
            return ctx.out.fail(code.error());
        return printCode(ctx, *code);
    }
    return wrongUsage();
}

} // namespace

QString readStdinLine() {
    char buf[256];
    if (!std::fgets(buf, sizeof buf, stdin))
        return {};
    return QString::fromUtf8(buf).trimmed();
}

int runAuditVerify(Context& ctx) {
    auto r = verifyChains(ctx.station().database());
    if (!r)
        return ctx.out.fail(r.error());
    (void)ctx.station().audit(QStringLiteral("audit.verify"), {},
                              r->firstBreak ? r->firstBreak->table : QStringLiteral("ok"));
    QJsonArray chains;
    for (const ChainStatus& c : r->chains) {
        chains.append(QJsonObject{{QStringLiteral("table"), c.table},
                                  {QStringLiteral("rows"), c.rows},
                                  {QStringLiteral("legacy_rows"), c.legacy},
                                  {QStringLiteral("head"), QString::fromLatin1(c.head.toHex())}});
        if (!ctx.out.json())
            ctx.out.text(Tr::tr("%1: %2 rows chained, %3 from before, head %4")
                             .arg(c.table)
                             .arg(c.rows)
                             .arg(c.legacy)
                             .arg(QString::fromLatin1(c.head.toHex().left(16))));
    }
    if (!r->firstBreak) {
        if (ctx.out.json())
            ctx.out.object({{QStringLiteral("ok"), true}, {QStringLiteral("chains"), chains}});
        return 0;
    }
    const ChainBreak& b = *r->firstBreak;
    return ctx.out.fail(
        {ErrorKind::Conflict,
         QStringLiteral("audit.chain_broken"),
         b.row.isEmpty() ? Tr::tr("The history in %1 was changed behind the program's back: %2 (at link %3).")
                               .arg(b.table, b.problem)
                               .arg(b.seq)
                         : Tr::tr("The history in %1 was changed behind the program's back: %2 at row %3 "
                                  "(link %4).")
                               .arg(b.table, b.problem, b.row)
                               .arg(b.seq),
         {b.table, b.row, b.problem}});
}

QList<Command> staffCommands() {
    return {
        {QStringLiteral("staff"),
         Tr::tr("Staff and PINs: the first owner, adding, listing, resetting, recovery."),
         QStringLiteral(
             "(init NAME | add NAME --role ROLE | list | reset-pin NAME | deactivate NAME | recover "
             "NAME --code CODE)"),
         false, false, defineStaff, runStaff},
    };
}

} // namespace cz::ctl
