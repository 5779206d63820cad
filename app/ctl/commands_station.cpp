// Station setup and upkeep commands: init, status, settings, shelves, carriers, audit.
#include "commands.h"
#include "context.h"
#include "output.h"
#include "privacy.h"
#include "query.h"
#include "setup.h"
#include "shelfaudit.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTextStream>
#include <cstdio>

namespace cz::ctl {

Result<Choice> exactlyOne(const QCommandLineParser& p, const QStringList& options) {
    QStringList set;
    for (const QString& o : options) {
        if (p.isSet(o))
            set << o;
    }
    QStringList dashed;
    for (const QString& o : options)
        dashed << QStringLiteral("--") + o;
    if (set.size() != 1)
        return fail(ErrorKind::BadInput, QStringLiteral("usage"),
                    set.isEmpty()
                        ? Tr::tr("Say which parcel with one of %1.").arg(dashed.join(QStringLiteral(", ")))
                        : Tr::tr("Use only one of %1.").arg(dashed.join(QStringLiteral(", "))));
    return Choice{set.first(), p.value(set.first())};
}

QCommandLineOption option(const QString& name, const QString& description, const QString& valueName) {
    return valueName.isEmpty() ? QCommandLineOption(name, description)
                               : QCommandLineOption(name, description, valueName);
}

Error usageError(const QString& message) {
    return {ErrorKind::BadInput, QStringLiteral("usage"), message, {}};
}

int report(const Context& ctx, const Error& e) {
    return e.code == QLatin1String("usage") ? ctx.out.usage(e.message, ctx.command) : ctx.out.fail(e);
}

bool openInput(QFile& file, const QString& name) {
    if (name == QLatin1String("-"))
        return file.open(stdin, QIODevice::ReadOnly | QIODevice::Text);
    file.setFileName(name);
    return file.open(QIODevice::ReadOnly | QIODevice::Text);
}

int noPositionals(const Context& ctx, const QCommandLineParser& p) {
    if (p.positionalArguments().isEmpty())
        return 0;
    return ctx.out.usage(Tr::tr("Unexpected argument \"%1\".").arg(p.positionalArguments().first()),
                         ctx.command);
}

namespace {

// ---- init ------------------------------------------------------------------------------------

void defineInit(QCommandLineParser& p) {
    p.addOption(option(QStringLiteral("station-name"),
                       Tr::tr("The station's name, 1 to 40 characters (required)."), QStringLiteral("NAME")));
    p.addOption(option(QStringLiteral("shelves"),
                       Tr::tr("Shelf layout as SHELVES:LAYERSxCAPACITY groups, e.g. \"1-4:3x30,A:2x10\" "
                              "(default %1).")
                           .arg(QString::fromLatin1(kDefaultShelfSpec)),
                       QStringLiteral("SPEC")));
}

int runInit(Context& ctx, const QCommandLineParser& p) {
    if (int bad = noPositionals(ctx, p))
        return bad;
    if (!p.isSet(QStringLiteral("station-name")))
        return ctx.out.usage(Tr::tr("Give the station's name with --station-name."), ctx.command);
    // The database is created only now, once the arguments are known to be complete.
    if (auto opened = ctx.open(); !opened)
        return ctx.out.fail(opened.error());
    if (auto st =
            StationSetup(ctx.station())
                .initialise(p.value(QStringLiteral("station-name")), p.value(QStringLiteral("shelves")));
        !st)
        return ctx.out.fail(st.error());
    auto loads = ShelfAudit(ctx.station()).slotLoads();
    const int places = loads ? static_cast<int>(loads->size()) : 0;
    const StationSettings& s = ctx.station().settings();
    if (ctx.out.json()) {
        ctx.out.object({{QStringLiteral("station_id"), ctx.station().stationId()},
                        {QString::fromLatin1(settings::kStationName), s.stationName},
                        {QString::fromLatin1(settings::kShelfSpec), s.shelfSpec},
                        {QStringLiteral("places"), places},
                        {QStringLiteral("db_path"), ctx.dbPath}});
        return 0;
    }
    ctx.out.fields({{Tr::tr("Station"), s.stationName},
                    {Tr::tr("Station id"), ctx.station().stationId()},
                    {Tr::tr("Shelf layout"), s.shelfSpec},
                    {Tr::tr("Places"), QString::number(places)},
                    {Tr::tr("Database"), ctx.dbPath}});
    return 0;
}

// ---- status ----------------------------------------------------------------------------------

void defineStatus(QCommandLineParser&) {}

int runStatus(Context& ctx, const QCommandLineParser& p) {
    if (int bad = noPositionals(ctx, p))
        return bad;
    QJsonObject counts;
    Fields countFields;
    for (ParcelStatus s : {ParcelStatus::Waiting, ParcelStatus::PickedUp, ParcelStatus::ToReturn}) {
        ParcelFilter f;
        f.status = s;
        auto n = ParcelQueries(ctx.station()).count(f);
        if (!n)
            return ctx.out.fail(n.error());
        counts.insert(toString(s), *n);
        countFields.append({statusLabel(s), QString::number(*n)});
    }
    auto pending = StationSetup(ctx.station()).pendingOps();
    if (!pending)
        return ctx.out.fail(pending.error());
    const Database& db = ctx.station().database();
    if (ctx.out.json()) {
        ctx.out.object({{QStringLiteral("initialised"), ctx.station().isInitialised()},
                        {QString::fromLatin1(settings::kStationName), ctx.station().settings().stationName},
                        {QStringLiteral("station_id"), ctx.station().stationId()},
                        {QStringLiteral("db_path"), db.path()},
                        {QStringLiteral("schema_version"), db.schemaVersion()},
                        {QStringLiteral("latest_schema_version"), Database::latestSchemaVersion()},
                        {QStringLiteral("counts"), counts},
                        {QStringLiteral("pending_ops"), *pending}});
        return 0;
    }
    Fields f{{Tr::tr("Station"), ctx.station().isInitialised()
                                     ? ctx.station().settings().stationName
                                     : Tr::tr("(not set up yet: run cunzhanctl init)")},
             {Tr::tr("Station id"), ctx.station().stationId()},
             {Tr::tr("Database"), db.path()},
             {Tr::tr("Schema version"), QString::number(db.schemaVersion())}};
    f.append(countFields);
    f.append({Tr::tr("Pending sync ops"), QString::number(*pending)});
    ctx.out.fields(f);
    return 0;
}

// ---- settings --------------------------------------------------------------------------------

void defineSettings(QCommandLineParser& p) {
    p.addPositionalArgument(
        QStringLiteral("ACTION"),
        Tr::tr("Nothing to show all settings, \"get KEY\" to show one, \"set KEY VALUE\" to "
               "change one. Keys: %1. The language is zh_CN (the default) or en: the language of the "
               "terminal, of cunzhanctl and of everything printed.")
            .arg(settings::allKeys().join(QStringLiteral(", "))),
        QStringLiteral("[get KEY | set KEY VALUE]"));
}

QString valueText(const QJsonValue& v) {
    return v.isString() ? v.toString() : QString::number(v.toInteger());
}

int runSettings(Context& ctx, const QCommandLineParser& p) {
    const QStringList pos = p.positionalArguments();
    const QJsonObject all = ctx.station().settings().toJson();
    if (pos.isEmpty()) {
        if (ctx.out.json()) {
            ctx.out.object(all);
            return 0;
        }
        Fields f;
        for (auto it = all.begin(); it != all.end(); ++it)
            f.append({it.key(), valueText(it.value())});
        ctx.out.fields(f);
        return 0;
    }
    const QString action = pos.first();
    if (action == QLatin1String("get") && pos.size() == 2) {
        if (!all.contains(pos[1]))
            return ctx.out.fail({ErrorKind::BadInput, QStringLiteral("setting.unknown"),
                                 Tr::tr("There is no setting called \"%1\".").arg(pos[1]), all.keys()});
        if (ctx.out.json())
            ctx.out.object({{QStringLiteral("key"), pos[1]}, {QStringLiteral("value"), all.value(pos[1])}});
        else
            ctx.out.text(valueText(all.value(pos[1])));
        return 0;
    }
    if (action == QLatin1String("set") && pos.size() == 3) {
        if (auto st = StationSetup(ctx.station()).setSetting(pos[1], pos[2]); !st)
            return ctx.out.fail(st.error());
        const QJsonValue now = ctx.station().settings().toJson().value(pos[1]);
        if (ctx.out.json())
            ctx.out.object({{QStringLiteral("key"), pos[1]}, {QStringLiteral("value"), now}});
        else
            ctx.out.text(QStringLiteral("%1 = %2").arg(pos[1], valueText(now)));
        return 0;
    }
    return ctx.out.usage(Tr::tr("Write \"settings\", \"settings get KEY\" or \"settings set KEY VALUE\"."),
                         ctx.command);
}

// ---- shelves ---------------------------------------------------------------------------------

void defineShelves(QCommandLineParser&) {}

int runShelves(Context& ctx, const QCommandLineParser& p) {
    if (int bad = noPositionals(ctx, p))
        return bad;
    auto loads = ShelfAudit(ctx.station()).slotLoads();
    if (!loads)
        return ctx.out.fail(loads.error());
    if (ctx.out.json()) {
        for (const SlotLoad& l : *loads)
            ctx.out.object({{QStringLiteral("slot"), l.slot.name()},
                            {QStringLiteral("shelf"), l.slot.shelf},
                            {QStringLiteral("layer"), l.slot.layer},
                            {QStringLiteral("capacity"), l.slot.capacity},
                            {QStringLiteral("waiting"), l.waiting}});
        return 0;
    }
    Table t{{Tr::tr("Place"), Tr::tr("Waiting"), Tr::tr("Capacity"), Tr::tr("Fill")}, {}};
    int waiting = 0, capacity = 0;
    for (const SlotLoad& l : *loads) {
        waiting += l.waiting;
        capacity += l.slot.capacity;
        t.rows << QStringList{
            l.slot.name(), QString::number(l.waiting), QString::number(l.slot.capacity),
            QStringLiteral("%1%").arg(l.slot.capacity ? 100 * l.waiting / l.slot.capacity : 0)};
    }
    ctx.out.table(t);
    ctx.out.text(Tr::tr("%1 of %2 spaces in use on %n place(s).", nullptr, static_cast<int>(loads->size()))
                     .arg(waiting)
                     .arg(capacity));
    return 0;
}

// ---- carriers --------------------------------------------------------------------------------

void defineCarriers(QCommandLineParser& p) {
    p.addPositionalArgument(QStringLiteral("WAYBILL"), Tr::tr("The waybill number to identify."));
}

int runCarriers(Context& ctx, const QCommandLineParser& p) {
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 1)
        return ctx.out.usage(Tr::tr("Give one waybill number."), ctx.command);
    auto w = validateWaybill(pos.first());
    if (!w)
        return ctx.out.fail(w.error());
    const auto candidates = ctx.station().carriers().detect(*w);
    if (candidates.isEmpty())
        return ctx.out.fail({ErrorKind::NotFound,
                             QStringLiteral("carrier.not_detected"),
                             Tr::tr("No carrier uses waybill numbers like %1.").arg(*w),
                             {}});
    Table t{{Tr::tr("Rank"), Tr::tr("Code"), Tr::tr("Carrier"), Tr::tr("Priority")}, {}};
    int rank = 0;
    for (const CarrierCandidate& c : candidates) {
        ++rank;
        const auto info = ctx.station().carriers().find(c.code);
        const QString name = info ? info->displayName() : QString();
        if (ctx.out.json())
            ctx.out.object({{QStringLiteral("rank"), rank},
                            {QStringLiteral("code"), c.code},
                            {QStringLiteral("name"), name},
                            {QStringLiteral("priority"), c.priority}});
        else
            t.rows << QStringList{QString::number(rank), c.code, name, QString::number(c.priority)};
    }
    if (!ctx.out.json())
        ctx.out.table(t);
    return 0;
}

// ---- audit -----------------------------------------------------------------------------------

void defineAudit(QCommandLineParser& p) {
    p.addPositionalArgument(
        QStringLiteral("SLOT:WAYBILL"),
        Tr::tr("A parcel found on a place, e.g. 1-2:YT764306505052 (any number of them)."));
    p.addOption(option(QStringLiteral("slot"),
                       Tr::tr("Also check this place, e.g. when nothing was found on it (repeatable)."),
                       QStringLiteral("SLOT")));
    p.addOption(
        option(QStringLiteral("from"),
               Tr::tr("Read scans from FILE, one \"SLOT WAYBILL\" per line; \"-\" reads standard input. "
                      "Empty lines and lines starting with # are skipped."),
               QStringLiteral("FILE")));
    p.addOption(
        option(QStringLiteral("apply"),
               Tr::tr("Move the records of misplaced parcels to where they were found and print the new "
                      "pickup codes.")));
}

Result<QList<AuditScan>> readScanFile(const QString& name) {
    QFile file;
    if (!openInput(file, name))
        return fail(ErrorKind::NotFound, QStringLiteral("file.unreadable"),
                    Tr::tr("Cannot read the scan file %1: %2").arg(name, file.errorString()));
    QList<AuditScan> scans;
    QTextStream in(&file);
    static const QRegularExpression space(QStringLiteral("\\s+"));
    int number = 0;
    while (!in.atEnd()) {
        ++number;
        const QString line = in.readLine().trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList parts = line.split(space);
        if (parts.size() != 2)
            return fail(ErrorKind::BadInput, QStringLiteral("audit.bad_line"),
                        Tr::tr("Line %1 of %2 is not \"SLOT WAYBILL\": %3").arg(number).arg(name, line));
        scans.append({parts[0], parts[1]});
    }
    return scans;
}

void printAudit(const Context& ctx, const AuditReport& report) {
    const std::pair<QString, const QList<AuditLine>*> groups[] = {
        {QStringLiteral("ok"), &report.ok},
        {QStringLiteral("missing"), &report.missing},
        {QStringLiteral("misplaced"), &report.misplaced},
        {QStringLiteral("unknown"), &report.unknown}};
    Table t{
        {Tr::tr("Result"), Tr::tr("Waybill"), Tr::tr("Code"), Tr::tr("Recorded place"), Tr::tr("Found on")},
        {}};
    for (const auto& [kind, lines] : groups) {
        for (const AuditLine& l : *lines) {
            if (ctx.out.json())
                ctx.out.object({{QStringLiteral("kind"), kind},
                                {QStringLiteral("waybill"), l.waybill},
                                {QStringLiteral("pickup_code"), l.pickupCode},
                                {QStringLiteral("recorded_slot"), l.recordedSlot},
                                {QStringLiteral("found_slot"), l.foundSlot}});
            else
                t.rows << QStringList{kind, l.waybill,
                                      l.pickupCode.isEmpty() ? QStringLiteral("-") : l.pickupCode,
                                      l.recordedSlot.isEmpty() ? QStringLiteral("-") : l.recordedSlot,
                                      l.foundSlot.isEmpty() ? QStringLiteral("-") : l.foundSlot};
        }
    }
    if (ctx.out.json()) {
        ctx.out.object({{QStringLiteral("kind"), QStringLiteral("summary")},
                        {QStringLiteral("places"), QJsonArray::fromStringList(report.places)},
                        {QStringLiteral("ok"), static_cast<int>(report.ok.size())},
                        {QStringLiteral("missing"), static_cast<int>(report.missing.size())},
                        {QStringLiteral("misplaced"), static_cast<int>(report.misplaced.size())},
                        {QStringLiteral("unknown"), static_cast<int>(report.unknown.size())}});
        return;
    }
    if (!t.rows.isEmpty())
        ctx.out.table(t);
    ctx.out.text(Tr::tr("Places checked: %1. OK %2, missing %3, misplaced %4, unknown %5.")
                     .arg(report.places.join(QStringLiteral(", ")))
                     .arg(report.ok.size())
                     .arg(report.missing.size())
                     .arg(report.misplaced.size())
                     .arg(report.unknown.size()));
}

int runAudit(Context& ctx, const QCommandLineParser& p) {
    if (p.positionalArguments() == QStringList{QStringLiteral("verify")})
        return runAuditVerify(ctx);
    QList<AuditScan> scans;
    for (const QString& arg : p.positionalArguments()) {
        const qsizetype colon = arg.indexOf(QLatin1Char(':'));
        if (colon <= 0 || colon == arg.size() - 1)
            return ctx.out.usage(Tr::tr("\"%1\" is not SLOT:WAYBILL.").arg(arg), ctx.command);
        scans.append({arg.left(colon), arg.mid(colon + 1)});
    }
    if (p.isSet(QStringLiteral("from"))) {
        auto more = readScanFile(p.value(QStringLiteral("from")));
        if (!more)
            return ctx.out.fail(more.error());
        scans.append(*more);
    }
    const QStringList slots = p.values(QStringLiteral("slot"));
    if (scans.isEmpty() && slots.isEmpty())
        return ctx.out.usage(
            Tr::tr("Nothing to audit: give scans as SLOT:WAYBILL, --from FILE or --slot SLOT."), ctx.command);
    auto report = ShelfAudit(ctx.station()).audit(scans, slots);
    if (!report)
        return ctx.out.fail(report.error());
    printAudit(ctx, *report);
    if (!p.isSet(QStringLiteral("apply")))
        return 0;
    auto moves = ShelfAudit(ctx.station()).applyAudit(*report);
    if (!moves)
        return ctx.out.fail(moves.error());
    for (const MoveResult& m : *moves) {
        if (ctx.out.json())
            ctx.out.object({{QStringLiteral("kind"), QStringLiteral("moved")},
                            {QStringLiteral("waybill"), m.waybill},
                            {QStringLiteral("old_code"), m.oldCode},
                            {QStringLiteral("new_code"), m.newCode}});
        else
            ctx.out.text(
                Tr::tr("Moved %1: %2 -> %3 (relabel the parcel).").arg(m.waybill, m.oldCode, m.newCode));
    }
    if (!ctx.out.json())
        ctx.out.text(Tr::tr("%n record(s) moved.", nullptr, static_cast<int>(moves->size())));
    return 0;
}

} // namespace

QList<Command> stationCommands() {
    return {
        {QStringLiteral("init"), Tr::tr("Set up a new station: name and shelf layout."),
         QStringLiteral("--station-name NAME [--shelves SPEC]"), false, true, defineInit, runInit},
        {QStringLiteral("status"), Tr::tr("Station name and id, database, schema, counts, pending sync ops."),
         QString(), false, false, defineStatus, runStatus},
        {QStringLiteral("settings"), Tr::tr("Show the settings, or change one with \"set KEY VALUE\"."),
         QStringLiteral("[get KEY | set KEY VALUE]"), true, false, defineSettings, runSettings},
        {QStringLiteral("shelves"), Tr::tr("How full each place is."), QString(), true, false, defineShelves,
         runShelves},
        {QStringLiteral("carriers"), Tr::tr("Which carriers use waybill numbers like this one, best first."),
         QStringLiteral("WAYBILL"), false, false, defineCarriers, runCarriers},
        {QStringLiteral("audit"),
         Tr::tr("Compare parcels found on places with the records; --apply fixes places. \"audit verify\" "
                "checks "
                "the tamper-evident history."),
         QStringLiteral("[--apply] [--slot SLOT]... [--from FILE] [SLOT:WAYBILL ...] | verify"), true, false,
         defineAudit, runAudit},
    };
}

} // namespace cz::ctl
