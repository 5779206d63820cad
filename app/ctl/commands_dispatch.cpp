// Sending parcels (寄件): dispatch (accept, list, show), rates, waybill-block and manifest, all over
// station-core's DispatchDesk and Manifests.
#include "commands.h"
#include "dispatch.h"
#include "manifest.h"
#include "documents.h"
#include "output.h"
#include "privacy.h"
#include "context.h"

#include <QJsonArray>
#include <QTextStream>

namespace cz::ctl {

namespace {

// A whole number option in [min, max], or a usage error naming the option.
Result<qint64> number(const QCommandLineParser& p, const QString& name, qint64 min, qint64 max) {
    bool ok = false;
    const qint64 v = p.value(name).trimmed().toLongLong(&ok);
    if (!ok || v < min || v > max)
        return fail(usageError(Tr::tr("--%1 is a whole number from %2 to %3, not \"%4\".")
                                   .arg(name)
                                   .arg(min)
                                   .arg(max)
                                   .arg(p.value(name))));
    return v;
}

// The options a command needs, or a usage error naming the first one missing.
Status required(const QCommandLineParser& p, const QStringList& names) {
    for (const QString& n : names) {
        if (!p.isSet(n))
            return fail(usageError(Tr::tr("Give --%1.").arg(n)));
    }
    return {};
}

QString orDash(const QString& s) {
    return s.isEmpty() ? QStringLiteral("-") : s;
}

// ---- dispatch --------------------------------------------------------------------------------

const QStringList kAcceptOptions{QStringLiteral("sender-name"),
                                 QStringLiteral("sender-phone"),
                                 QStringLiteral("sender-id"),
                                 QStringLiteral("recipient-name"),
                                 QStringLiteral("recipient-phone"),
                                 QStringLiteral("province"),
                                 QStringLiteral("city"),
                                 QStringLiteral("district"),
                                 QStringLiteral("address"),
                                 QStringLiteral("contents"),
                                 QStringLiteral("note"),
                                 QStringLiteral("inspected"),
                                 QStringLiteral("weight"),
                                 QStringLiteral("carrier"),
                                 QStringLiteral("waybill")};

QString contentsKeys() {
    QStringList keys;
    for (const QString& key : contentsCategories())
        keys << QStringLiteral("%1 (%2)").arg(key, contentsLabel(key));
    return keys.join(QStringLiteral(", "));
}

void defineDispatch(QCommandLineParser& p) {
    const QString text = QStringLiteral("TEXT");
    p.addOption(option(QStringLiteral("sender-name"), Tr::tr("The sender's real name, as on the ID card."),
                       QStringLiteral("NAME")));
    p.addOption(option(QStringLiteral("sender-phone"), Tr::tr("The sender's 11-digit mobile number."),
                       QStringLiteral("PHONE")));
    p.addOption(option(QStringLiteral("sender-id"),
                       Tr::tr("The sender's resident ID number (18 characters), checked for its check "
                              "character."),
                       QStringLiteral("ID")));
    p.addOption(
        option(QStringLiteral("recipient-name"), Tr::tr("The recipient's name."), QStringLiteral("NAME")));
    p.addOption(option(QStringLiteral("recipient-phone"), Tr::tr("The recipient's 11-digit mobile number."),
                       QStringLiteral("PHONE")));
    p.addOption(option(QStringLiteral("province"), Tr::tr("Destination province, e.g. 广东省."), text));
    p.addOption(option(QStringLiteral("city"), Tr::tr("Destination city."), text));
    p.addOption(option(QStringLiteral("district"), Tr::tr("Destination district or county."), text));
    p.addOption(option(QStringLiteral("address"), Tr::tr("Street address."), text));
    p.addOption(option(QStringLiteral("contents"),
                       Tr::tr("What the parcel holds, one of: %1.").arg(contentsKeys()),
                       QStringLiteral("KEY")));
    p.addOption(option(QStringLiteral("note"), Tr::tr("A short note on the contents (optional)."), text));
    p.addOption(option(QStringLiteral("inspected"),
                       Tr::tr("Confirms that you opened and inspected the parcel and found nothing "
                              "prohibited (required).")));
    p.addOption(option(QStringLiteral("weight"), Tr::tr("The weight in grams."), QStringLiteral("GRAMS")));
    p.addOption(option(QStringLiteral("carrier"),
                       Tr::tr("The carrier code that takes the parcel (SF, YTO, ...)."),
                       QStringLiteral("CODE")));
    p.addOption(option(QStringLiteral("waybill"),
                       Tr::tr("A pre-printed waybill number; default: the next number of the carrier's "
                              "imported block."),
                       QStringLiteral("WAYBILL")));
    p.addOption(option(QStringLiteral("list"), Tr::tr("List the parcels sent from here, newest first.")));
    p.addOption(option(QStringLiteral("status"),
                       Tr::tr("With --list: only accepted, bagged or handed_over parcels."),
                       QStringLiteral("STATUS")));
    p.addOption(option(QStringLiteral("show"), Tr::tr("Show one sent parcel."), QStringLiteral("WAYBILL")));
}

void printDispatch(const Context& ctx, const Dispatch& d) {
    if (ctx.out.json()) {
        ctx.out.object(d.toPublicJson());
        return;
    }
    ctx.out.fields(
        {{Tr::tr("Waybill"), d.waybill},
         {Tr::tr("Carrier"), ctx.station().carriers().displayName(d.carrier)},
         {Tr::tr("Zone"), d.zone},
         {Tr::tr("Fee"), yuan(d.feeFen)},
         {Tr::tr("Weight"), print::formatWeight(d.weightGrams)},
         {Tr::tr("Contents"), d.contentsNote.isEmpty()
                                  ? contentsLabel(d.contents)
                                  : QStringLiteral("%1 (%2)").arg(contentsLabel(d.contents), d.contentsNote)},
         {Tr::tr("Sender"), QStringLiteral("%1  %2").arg(maskName(d.senderName),
                                                         maskPhone(d.senderPhone, d.senderPhone.right(4)))},
         {Tr::tr("Sender ID"), maskResidentId(d.senderId)},
         {Tr::tr("Recipient"),
          QStringLiteral("%1  %2").arg(maskName(d.recipientName),
                                       maskPhone(d.recipientPhone, d.recipientPhone.right(4)))},
         {Tr::tr("Destination"),
          QStringList{d.province, d.city, d.district, d.address}.join(QLatin1Char(' '))},
         {Tr::tr("Status"), dispatchStatusLabel(d.status)},
         {Tr::tr("Accepted"), localDateTimeText(d.acceptedAt)}});
}

int listDispatches(const Context& ctx, const QCommandLineParser& p) {
    QString status;
    if (p.isSet(QStringLiteral("status"))) {
        status = p.value(QStringLiteral("status")).trimmed().toLower();
        bool known = false;
        for (DispatchStatus s :
             {DispatchStatus::Accepted, DispatchStatus::Bagged, DispatchStatus::HandedOver})
            known = known || toString(s) == status;
        if (!known)
            return ctx.out.usage(Tr::tr("The status is accepted, bagged or handed_over, not \"%1\".")
                                     .arg(p.value(QStringLiteral("status"))),
                                 ctx.command);
    }
    auto r = DispatchDesk(ctx.station()).list(status);
    if (!r)
        return ctx.out.fail(r.error());
    if (ctx.out.json()) {
        for (const Dispatch& d : *r)
            ctx.out.object(d.toPublicJson());
        return 0;
    }
    if (r->isEmpty()) {
        ctx.out.note(Tr::tr("No sent parcels match."));
        return 0;
    }
    Table t{{Tr::tr("Waybill"), Tr::tr("Carrier"), Tr::tr("Status"), Tr::tr("Recipient"), Tr::tr("To"),
             Tr::tr("Weight"), Tr::tr("Fee"), Tr::tr("Accepted")},
            {}};
    for (const Dispatch& d : *r)
        t.rows << QStringList{d.waybill,
                              ctx.station().carriers().displayName(d.carrier),
                              dispatchStatusLabel(d.status),
                              maskPhone(d.recipientPhone, d.recipientPhone.right(4)),
                              QStringLiteral("%1 %2").arg(d.province, d.city),
                              print::formatWeight(d.weightGrams),
                              formatFen(d.feeFen),
                              localDateTimeText(d.acceptedAt)};
    ctx.out.table(t);
    return 0;
}

int runDispatch(Context& ctx, const QCommandLineParser& p) {
    if (int bad = noPositionals(ctx, p))
        return bad;
    const bool list = p.isSet(QStringLiteral("list")), show = p.isSet(QStringLiteral("show"));
    bool accepting = false;
    for (const QString& o : kAcceptOptions)
        accepting = accepting || p.isSet(o);
    if (int(list) + int(show) + int(accepting) > 1)
        return ctx.out.usage(Tr::tr("Either accept a parcel, or use --list, or --show: not several."),
                             ctx.command);
    if (p.isSet(QStringLiteral("status")) && !list)
        return ctx.out.usage(Tr::tr("--status goes with --list."), ctx.command);
    if (list)
        return listDispatches(ctx, p);
    if (show) {
        auto d = DispatchDesk(ctx.station()).dispatch(p.value(QStringLiteral("show")));
        if (!d)
            return ctx.out.fail(d.error());
        printDispatch(ctx, *d);
        return 0;
    }
    if (!accepting)
        return ctx.out.usage(Tr::tr("Give the parcel's details to accept it, or --list, or --show WAYBILL."),
                             ctx.command);
    // Missing details are left to DispatchDesk, which says what is wrong; only the weight is parsed here.
    int weight = 0;
    if (p.isSet(QStringLiteral("weight"))) {
        auto w = number(p, QStringLiteral("weight"), 0, 1000000);
        if (!w)
            return report(ctx, w.error());
        weight = static_cast<int>(*w);
    }
    const auto v = [&p](const char* name) { return p.value(QString::fromLatin1(name)); };
    const DispatchRequest request{v("sender-name"),
                                  v("sender-phone"),
                                  v("sender-id"),
                                  v("recipient-name"),
                                  v("recipient-phone"),
                                  v("province"),
                                  v("city"),
                                  v("district"),
                                  v("address"),
                                  v("contents").trimmed().toLower(),
                                  v("note"),
                                  p.isSet(QStringLiteral("inspected")),
                                  weight,
                                  v("carrier"),
                                  v("waybill")};
    auto d = DispatchDesk(ctx.station()).accept(request);
    if (!d) {
        const int code = ctx.out.fail(d.error());
        if (d.error().code == QLatin1String("dispatch.contents"))
            ctx.out.note(
                Tr::tr("--contents is one of: %1.").arg(contentsCategories().join(QStringLiteral(", "))));
        return code;
    }
    printDispatch(ctx, *d);
    return 0;
}

// ---- rates -----------------------------------------------------------------------------------

void defineRates(QCommandLineParser& p) {
    p.addPositionalArgument(
        QStringLiteral("ACTION"),
        Tr::tr("\"import FILE\" replaces the rates of the carriers in FILE (CSV lines "
               "carrier,province,zone,first_fen,extra_fen_per_kg,max_weight_g; \"-\" reads standard "
               "input); \"quote\" prices a parcel."),
        QStringLiteral("import FILE | quote"));
    p.addOption(
        option(QStringLiteral("carrier"), Tr::tr("With quote: the carrier code."), QStringLiteral("CODE")));
    p.addOption(option(QStringLiteral("province"), Tr::tr("With quote: the destination province."),
                       QStringLiteral("PROVINCE")));
    p.addOption(option(QStringLiteral("weight"), Tr::tr("With quote: the weight in grams."),
                       QStringLiteral("GRAMS")));
}

int runRates(Context& ctx, const QCommandLineParser& p) {
    const QStringList pos = p.positionalArguments();
    DispatchDesk desk(ctx.station());
    if (pos.value(0) == QLatin1String("import") && pos.size() == 2) {
        QFile file;
        if (!openInput(file, pos[1]))
            return ctx.out.fail({ErrorKind::NotFound,
                                 QStringLiteral("file.unreadable"),
                                 Tr::tr("Cannot read the rate file %1: %2").arg(pos[1], file.errorString()),
                                 {}});
        auto n = desk.importRates(QTextStream(&file).readAll());
        if (!n)
            return ctx.out.fail(n.error());
        if (ctx.out.json())
            ctx.out.object({{QStringLiteral("rates_imported"), *n}});
        else
            ctx.out.text(Tr::tr("Imported %n rate(s).", nullptr, *n));
        return 0;
    }
    if (pos.value(0) == QLatin1String("quote") && pos.size() == 1) {
        if (auto st = required(
                p, {QStringLiteral("carrier"), QStringLiteral("province"), QStringLiteral("weight")});
            !st)
            return report(ctx, st.error());
        auto w = number(p, QStringLiteral("weight"), 0, 1000000);
        if (!w)
            return report(ctx, w.error());
        auto q = desk.quote(p.value(QStringLiteral("carrier")), p.value(QStringLiteral("province")),
                            static_cast<int>(*w));
        if (!q)
            return ctx.out.fail(q.error());
        if (ctx.out.json()) {
            ctx.out.object({{QStringLiteral("carrier"), q->carrier},
                            {QStringLiteral("province"), q->province},
                            {QStringLiteral("zone"), q->zone},
                            {QStringLiteral("weight_g"), *w},
                            {QStringLiteral("chargeable_kg"), q->chargeableKg},
                            {QStringLiteral("fee_fen"), q->feeFen}});
            return 0;
        }
        ctx.out.fields({{Tr::tr("Carrier"), ctx.station().carriers().displayName(q->carrier)},
                        {Tr::tr("Province"), q->province},
                        {Tr::tr("Zone"), q->zone},
                        {Tr::tr("Chargeable"), Tr::tr("%n kg", nullptr, q->chargeableKg)},
                        {Tr::tr("Fee"), yuan(q->feeFen)}});
        return 0;
    }
    return ctx.out.usage(
        Tr::tr("Write \"rates import FILE\" or \"rates quote --carrier C --province P --weight "
               "GRAMS\"."),
        ctx.command);
}

// ---- waybill-block ---------------------------------------------------------------------------

void defineWaybillBlock(QCommandLineParser& p) {
    p.addPositionalArgument(QStringLiteral("ACTION"),
                            Tr::tr("\"import\" adds a block of waybill numbers from a carrier; \"status\" "
                                   "shows how many numbers are left per carrier."),
                            QStringLiteral("import | status"));
    p.addOption(option(QStringLiteral("carrier"), Tr::tr("The carrier code."), QStringLiteral("CODE")));
    p.addOption(option(QStringLiteral("prefix"), Tr::tr("Letters before the number (optional)."),
                       QStringLiteral("PREFIX")));
    p.addOption(
        option(QStringLiteral("from"), Tr::tr("The first number of the block."), QStringLiteral("N")));
    p.addOption(option(QStringLiteral("to"), Tr::tr("The last number of the block."), QStringLiteral("N")));
    p.addOption(option(QStringLiteral("digits"), Tr::tr("Digits of the number, padded with zeros."),
                       QStringLiteral("D")));
}

int runWaybillBlock(Context& ctx, const QCommandLineParser& p) {
    const QStringList pos = p.positionalArguments();
    DispatchDesk desk(ctx.station());
    if (pos == QStringList{QStringLiteral("import")}) {
        if (auto st = required(p, {QStringLiteral("carrier"), QStringLiteral("from"), QStringLiteral("to"),
                                   QStringLiteral("digits")});
            !st)
            return report(ctx, st.error());
        const qint64 limit = 999999999999999999LL;
        auto from = number(p, QStringLiteral("from"), 0, limit);
        auto to = number(p, QStringLiteral("to"), 0, limit);
        auto digits = number(p, QStringLiteral("digits"), 1, 18);
        for (const auto* n : {&from, &to, &digits}) {
            if (!*n)
                return report(ctx, n->error());
        }
        const QString carrier = p.value(QStringLiteral("carrier")).trimmed().toUpper();
        const QString prefix = p.value(QStringLiteral("prefix")).trimmed().toUpper();
        if (auto st = desk.importWaybillBlock(carrier, prefix, *from, *to, static_cast<int>(*digits)); !st)
            return ctx.out.fail(st.error());
        auto left = desk.waybillsLeft(carrier);
        if (!left)
            return ctx.out.fail(left.error());
        const auto padded = [&](qint64 n) {
            return prefix + QStringLiteral("%1").arg(n, static_cast<int>(*digits), 10, QLatin1Char('0'));
        };
        if (ctx.out.json()) {
            ctx.out.object({{QStringLiteral("carrier"), carrier},
                            {QStringLiteral("first"), padded(*from)},
                            {QStringLiteral("last"), padded(*to)},
                            {QStringLiteral("count"), *to - *from + 1},
                            {QStringLiteral("left"), *left}});
            return 0;
        }
        ctx.out.text(Tr::tr("Imported %1 to %2 for %3; %4 number(s) left.")
                         .arg(padded(*from), padded(*to), ctx.station().carriers().displayName(carrier))
                         .arg(*left));
        return 0;
    }
    if (pos == QStringList{QStringLiteral("status")}) {
        Table t{{Tr::tr("Code"), Tr::tr("Carrier"), Tr::tr("Numbers left")}, {}};
        for (const CarrierInfo& c : ctx.station().carriers().carriers()) {
            auto left = desk.waybillsLeft(c.code);
            if (!left)
                return ctx.out.fail(left.error());
            if (*left == 0)
                continue;
            if (ctx.out.json())
                ctx.out.object({{QStringLiteral("carrier"), c.code},
                                {QStringLiteral("name"), c.displayName()},
                                {QStringLiteral("left"), *left}});
            else
                t.rows << QStringList{c.code, c.displayName(), QString::number(*left)};
        }
        if (ctx.out.json())
            return 0;
        if (t.rows.isEmpty())
            ctx.out.note(Tr::tr("No waybill numbers are left for any carrier."));
        else
            ctx.out.table(t);
        return 0;
    }
    return ctx.out.usage(Tr::tr("Write \"waybill-block import ...\" or \"waybill-block status\"."),
                         ctx.command);
}

// ---- manifest --------------------------------------------------------------------------------

void defineManifest(QCommandLineParser& p) {
    p.addPositionalArgument(
        QStringLiteral("ACTION"),
        Tr::tr("Nothing shows the open manifest; \"bag WAYBILL...\" scans outgoing parcels and parcels "
               "of the return list into a bag; \"handover\" hands the manifest to the van; \"show ID\" "
               "shows a manifest."),
        QStringLiteral("[bag WAYBILL... | handover | show ID]"));
    p.addOption(option(QStringLiteral("bag"), Tr::tr("With bag: the bag number."), QStringLiteral("NO")));
    p.addOption(
        option(QStringLiteral("seal"), Tr::tr("With bag: the bag's seal number."), QStringLiteral("SEAL")));
    p.addOption(option(QStringLiteral("driver"), Tr::tr("With handover: the van driver's name."),
                       QStringLiteral("NAME")));
    p.addOption(option(QStringLiteral("plate"), Tr::tr("With handover: the van's number plate."),
                       QStringLiteral("PLATE")));
}

void printManifest(const Context& ctx, const Manifest& m) {
    if (ctx.out.json()) {
        QJsonArray bags;
        for (const BagSummary& b : m.bags)
            bags.append(QJsonObject{{QStringLiteral("bag_no"), b.bagNo},
                                    {QStringLiteral("seal"), b.seal},
                                    {QStringLiteral("waybills"), QJsonArray::fromStringList(b.waybills)}});
        ctx.out.object({{QStringLiteral("id"), m.id},
                        {QStringLiteral("status"), m.status},
                        {QStringLiteral("created_at"), m.createdAt},
                        {QStringLiteral("driver"), m.driver},
                        {QStringLiteral("plate"), m.plate},
                        {QStringLiteral("handed_at"), m.handedAt},
                        {QStringLiteral("bags"), bags}});
        return;
    }
    const bool handed = m.status == QLatin1String("handed_over");
    ctx.out.fields({{Tr::tr("Manifest"), m.id},
                    {Tr::tr("Status"), handed ? Tr::tr("handed over") : Tr::tr("open")},
                    {Tr::tr("Opened"), localDateTimeText(m.createdAt)},
                    {Tr::tr("Driver"), orDash(m.driver)},
                    {Tr::tr("Plate"), orDash(m.plate)},
                    {Tr::tr("Handed over"), handed ? localDateTimeText(m.handedAt) : QStringLiteral("-")}});
    Table t{{Tr::tr("Bag"), Tr::tr("Seal"), Tr::tr("Waybill")}, {}};
    int items = 0;
    for (const BagSummary& b : m.bags) {
        for (const QString& w : b.waybills)
            t.rows << QStringList{b.bagNo, b.seal, w};
        items += static_cast<int>(b.waybills.size());
    }
    if (!t.rows.isEmpty())
        ctx.out.table(t);
    ctx.out.text(Tr::tr("%n bag(s), %1 parcel(s).", nullptr, static_cast<int>(m.bags.size())).arg(items));
}

int bagWaybills(const Context& ctx, const QCommandLineParser& p, const QStringList& waybills) {
    if (auto st = required(p, {QStringLiteral("bag"), QStringLiteral("seal")}); !st)
        return report(ctx, st.error());
    if (waybills.isEmpty())
        return ctx.out.usage(Tr::tr("Give the waybills to put into the bag."), ctx.command);
    // Every scan is its own step, as at the counter: one failure does not undo the others. The exit
    // code is the first failure's.
    Manifests manifests(ctx.station());
    int exitCode = 0;
    for (const QString& w : waybills) {
        auto bag = manifests.addToBag(p.value(QStringLiteral("bag")), p.value(QStringLiteral("seal")), w);
        if (!bag) {
            const int code = ctx.out.fail(bag.error());
            exitCode = exitCode ? exitCode : code;
            continue;
        }
        if (ctx.out.json())
            ctx.out.object({{QStringLiteral("waybill"), normaliseWaybill(w)},
                            {QStringLiteral("bag_no"), bag->bagNo},
                            {QStringLiteral("seal"), bag->seal},
                            {QStringLiteral("bag_count"), static_cast<int>(bag->waybills.size())}});
        else
            ctx.out.text(Tr::tr("%1 is in bag %2 (seal %3), which holds %n parcel(s).", nullptr,
                                static_cast<int>(bag->waybills.size()))
                             .arg(normaliseWaybill(w), bag->bagNo, bag->seal));
    }
    return exitCode;
}

int runManifest(Context& ctx, const QCommandLineParser& p) {
    const QStringList pos = p.positionalArguments();
    const QString action = pos.value(0);
    Manifests manifests(ctx.station());
    Result<Manifest> m = fail(usageError(
        Tr::tr("Write \"manifest\", \"manifest bag --bag NO --seal SEAL WAYBILL...\", \"manifest handover "
               "--driver NAME --plate PLATE\" or \"manifest show ID\".")));
    if (action == QLatin1String("bag"))
        return bagWaybills(ctx, p, pos.mid(1));
    if (pos.isEmpty()) {
        m = manifests.openManifest();
    } else if (action == QLatin1String("show") && pos.size() == 2) {
        m = manifests.manifest(pos[1].trimmed());
    } else if (action == QLatin1String("handover") && pos.size() == 1) {
        if (auto st = required(p, {QStringLiteral("driver"), QStringLiteral("plate")}); !st)
            return report(ctx, st.error());
        m = manifests.handOver(p.value(QStringLiteral("driver")), p.value(QStringLiteral("plate")));
    }
    if (!m)
        return report(ctx, m.error());
    printManifest(ctx, *m);
    return 0;
}

} // namespace

QList<Command> dispatchCommands() {
    return {
        {QStringLiteral("dispatch"),
         Tr::tr("Accept a parcel to send (real name, inspection, weight, fee); --list and --show the sent "
                "ones."),
         QStringLiteral(
             "(--sender-name N --sender-phone P --sender-id ID --recipient-name N --recipient-phone P "
             "--province X --city X --district X --address X --contents KEY [--note T] --inspected "
             "--weight GRAMS --carrier CODE [--waybill W] | --list [--status S] | --show WAYBILL)"),
         true, false, defineDispatch, runDispatch},
        {QStringLiteral("rates"), Tr::tr("Import the carriers' zone rates, or quote a fee."),
         QStringLiteral("(import FILE | quote --carrier C --province P --weight GRAMS)"), true, false,
         defineRates, runRates},
        {QStringLiteral("waybill-block"),
         Tr::tr("Import a carrier's block of waybill numbers, or show what is left."),
         QStringLiteral("(import --carrier C [--prefix P] --from N --to N --digits D | status)"), true, false,
         defineWaybillBlock, runWaybillBlock},
        {QStringLiteral("manifest"),
         Tr::tr("The van handover: show the open manifest, bag parcels, hand over, show a manifest."),
         QStringLiteral(
             "[bag --bag NO --seal SEAL WAYBILL... | handover --driver NAME --plate PLATE | show ID]"),
         true, false, defineManifest, runManifest},
    };
}

} // namespace cz::ctl
