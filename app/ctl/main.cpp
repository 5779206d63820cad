// cunzhanctl: the headless command-line tool over station-core, for support staff and scripts
// (shared/DESIGN.md, "Contracts that scripts rely on"). main.cpp reads the global options, picks
// the language, opens the station and dispatches to the commands of commands_*.cpp.
#include "commands.h"
#include "context.h"
#include "i18n.h"
#include "output.h"
#include "staff.h"
#include "testhooks.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QGuiApplication>
#include <cstdio>
#include <cstring>
#include <memory>

using namespace cz;
using namespace cz::ctl;

namespace {

struct Globals {
    QString dbPath;
    bool json = false;
    bool help = false;
    bool version = false;
    QString lang; // --lang: this run's language, over the station's setting
    int busyTimeoutMs = 5000;
    qint64 fakeNowMs = 0; // a fixed clock, in test builds only (testhooks.h)
    QString user;         // --user: the staff member acting
    bool pinStdin = false;
    QStringList rest; // the command and its arguments
};

const QStringList kGlobalNames{QStringLiteral("db"),   QStringLiteral("json"), QStringLiteral("busy-timeout"),
                               QStringLiteral("lang"), QStringLiteral("user"), QStringLiteral("pin-stdin")};

// Our own help option: addHelpOption() would also offer --help-all with Qt's own options.
QCommandLineOption helpOption() {
    return QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")}, Tr::tr("Show this help."));
}

void defineGlobal(QCommandLineParser& p) {
    p.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    p.addOption({QStringLiteral("db"),
                 Tr::tr("The station database (default: %1).").arg(Database::defaultPath()),
                 QStringLiteral("PATH")});
    p.addOption({QStringLiteral("json"), Tr::tr("Print results as JSON for scripts (see below).")});
    p.addOption({QStringLiteral("busy-timeout"),
                 Tr::tr("How long to wait for a database that another program is writing, in milliseconds "
                        "(default 5000; the environment variable CUNZHAN_BUSY_TIMEOUT_MS does the same)."),
                 QStringLiteral("MS")});
    p.addOption(
        {QStringLiteral("lang"),
         Tr::tr("Language of this run's output: zh_CN or en (default: the station's language setting, "
                "which is Chinese unless the station chose English; the shell's locale does not "
                "matter)."),
         QStringLiteral("LANG")});
    p.addOption(
        {QStringLiteral("user"),
         Tr::tr("Act as this staff member; the PIN comes from --pin-stdin or the environment variable "
                "CUNZHAN_PIN. Once the station has an owner, commands that change data need it."),
         QStringLiteral("NAME")});
    p.addOption(
        {QStringLiteral("pin-stdin"), Tr::tr("Read the --user PIN from the first line of standard input.")});
    p.addOption(helpOption());
    p.addVersionOption();
    p.addPositionalArgument(QStringLiteral("COMMAND"), Tr::tr("The command to run, then its own arguments."),
                            QStringLiteral("COMMAND [ARGS]"));
}

// Reads the global options; the texts of the parser do not matter here (help is built later,
// once the translations are installed). Returns an error message for bad usage.
QString readGlobals(const QStringList& args, Globals& g) {
    QCommandLineParser p;
    defineGlobal(p);
    if (!p.parse(args))
        return p.errorText();
    g.help = p.isSet(QStringLiteral("help"));
    g.version = p.isSet(QStringLiteral("version"));
    g.json = p.isSet(QStringLiteral("json"));
    g.dbPath =
        QFileInfo(p.isSet(QStringLiteral("db")) ? p.value(QStringLiteral("db")) : Database::defaultPath())
            .absoluteFilePath();
    g.rest = p.positionalArguments();
    g.lang = p.value(QStringLiteral("lang"));
    g.user = p.value(QStringLiteral("user"));
    g.pinStdin = p.isSet(QStringLiteral("pin-stdin"));
    if (p.isSet(QStringLiteral("lang")) && !isSupportedLanguage(g.lang))
        return Tr::tr("--lang takes zh_CN or en, not \"%1\".").arg(g.lang);

    QString timeout = qEnvironmentVariable("CUNZHAN_BUSY_TIMEOUT_MS");
    if (p.isSet(QStringLiteral("busy-timeout")))
        timeout = p.value(QStringLiteral("busy-timeout"));
    if (!timeout.isEmpty()) {
        bool ok = false;
        g.busyTimeoutMs = timeout.toInt(&ok);
        if (!ok || g.busyTimeoutMs < 0)
            return Tr::tr("The busy timeout is a number of milliseconds, not \"%1\".").arg(timeout);
    }
    return testhooks::fakeNow(&g.fakeNowMs);
}

bool asksForHelp(const QStringList& args) {
    for (const QString& a : args) {
        if (a == QLatin1String("--help") || a == QLatin1String("-h") || a == QLatin1String("-?"))
            return true;
    }
    return false;
}

QList<Command> allCommands() {
    return stationCommands() + parcelCommands() + dispatchCommands() + printCommands() + syncCommands() +
           catalogueCommands() + accountCommands() + orderCommands() + staffCommands();
}

const Command* findCommand(const QList<Command>& commands, const QString& name) {
    for (const Command& c : commands) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

void printStdout(const QString& text) {
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
}

QString globalHelp(const QList<Command>& commands) {
    QCommandLineParser p;
    defineGlobal(p);
    p.setApplicationDescription(
        Tr::tr("cunzhanctl: the station's parcel work from the command line, for support and "
               "scripts."));
    QStringList lines = p.helpText().split(QLatin1Char('\n'));
    if (!lines.isEmpty())
        lines[0] =
            Tr::tr("Usage: %1")
                .arg(QStringLiteral(
                    "cunzhanctl [--db PATH] [--json] [--busy-timeout MS] [--lang LANG] COMMAND [ARGS]"));
    QString text = lines.join(QLatin1Char('\n'));
    text += QLatin1Char('\n') + Tr::tr("Commands:") + QLatin1Char('\n');
    int width = 0;
    for (const Command& c : commands)
        width = std::max(width, static_cast<int>(c.name.size()));
    for (const Command& c : commands)
        text += QStringLiteral("  %1  %2\n").arg(c.name.leftJustified(width), c.summary);
    text +=
        QLatin1Char('\n') +
        Tr::tr(
            "Run \"cunzhanctl COMMAND --help\" for a command's options. Global options go before the "
            "command.\n\n"
            "Output: readable aligned text on stdout; messages for people on stderr. With --json, every "
            "result is one JSON object on its own line: a list prints one object per item (zero lines when "
            "it is empty), an action prints one object describing what it did (pickup: {\"parcels\": [...], "
            "\"count\", \"total_fee_fen\"}). On failure --json also prints {\"error\": {\"kind\", "
            "\"exit_code\", \"code\", \"message\", \"details\"}}. Phone numbers and names are always "
            "masked.\n\n"
            "Exit codes: 0 ok, 1 internal error, 2 bad input or usage, 3 conflict or state (duplicate, "
            "already picked up, station not set up), 4 not found, 5 unavailable (database locked, "
            "read-only, printer not ready, county server not reachable).\n\n"
            "Environment: CUNZHAN_BUSY_TIMEOUT_MS as --busy-timeout.\n");
    return text + testhooks::helpNote();
}

QString commandHelp(const Command& c) {
    QCommandLineParser p;
    p.addOption(helpOption());
    p.setApplicationDescription(c.summary);
    c.define(p);
    QStringList lines = p.helpText().split(QLatin1Char('\n'));
    const QString usage =
        QStringLiteral("cunzhanctl [--db PATH] [--json] %1 %2").arg(c.name, c.arguments).trimmed();
    if (!lines.isEmpty())
        lines[0] = Tr::tr("Usage: %1").arg(usage);
    return lines.join(QLatin1Char('\n'));
}

std::unique_ptr<StationContext> openExisting(const Globals& g, const OpenOptions& options,
                                             std::optional<Error>& error) {
    auto s = StationContext::open(g.dbPath, options,
                                  g.fakeNowMs ? std::make_shared<ManualClock>(g.fakeNowMs) : nullptr);
    if (!s) {
        error = s.error();
        return nullptr;
    }
    return std::move(*s);
}

// Logs --user in on the station; without it, once the station has an owner, the run is recorded as
// "support" and may only read (the core refuses changes without a login).
Status actAs(const Globals& g, StationContext& station) {
    if (g.user.isEmpty()) {
        if (station.ownerExists())
            station.setActor(QStringLiteral("support"));
        return {};
    }
    QString pin;
    if (g.pinStdin) {
        pin = readStdinLine();
    } else {
        pin = qEnvironmentVariable("CUNZHAN_PIN");
    }
    if (pin.isEmpty())
        return fail(ErrorKind::BadInput, QStringLiteral("usage"),
                    Tr::tr("Give the PIN of %1 with --pin-stdin or the environment variable CUNZHAN_PIN.")
                        .arg(g.user));
    auto m = Staff(station).login(g.user, pin);
    if (!m)
        return fail(m.error());
    return {};
}

int run(QCoreApplication& app) {
    // The language: --lang, else the station's setting, else Chinese; never the shell's locale. What is
    // known before opening the station is installed first, so that the messages of bad options and of
    // a failed open are translated too: the options are read once for --lang, then again for those.
    Globals g;
    (void)readGlobals(app.arguments(), g);
    const QString early = installTranslations(app, chooseLanguage(g.lang));
    g = {};
    const QString globalError = readGlobals(app.arguments(), g);
    const Output out(g.json);
    const OpenOptions options{g.busyTimeoutMs, -1};

    const bool wantsHelp = g.help || g.rest.value(0) == QLatin1String("help") || asksForHelp(g.rest);
    std::unique_ptr<StationContext> station;
    std::optional<Error> openError;
    if (globalError.isEmpty() && !g.version && (wantsHelp || !g.rest.isEmpty()) &&
        QFileInfo(g.dbPath).isFile()) {
        station = openExisting(g, options, openError);
        if (wantsHelp)
            openError.reset(); // help is still given when the database cannot be opened
    }
    if (station && chooseLanguage(g.lang, station->settings().language) != early)
        installTranslations(app, chooseLanguage(g.lang, station->settings().language));

    if (!globalError.isEmpty())
        return out.usage(globalError);
    if (g.version) {
        printStdout(QStringLiteral("cunzhanctl %1\n").arg(QCoreApplication::applicationVersion()));
        return 0;
    }
    const QList<Command> commands = allCommands();
    if (g.rest.isEmpty()) {
        if (g.help) {
            printStdout(globalHelp(commands));
            return 0;
        }
        return out.usage(Tr::tr("Give a command."));
    }
    QStringList rest = g.rest;
    if (rest.first() == QLatin1String("help")) {
        rest.removeFirst();
        if (rest.isEmpty()) {
            printStdout(globalHelp(commands));
            return 0;
        }
        rest << QStringLiteral("--help");
    }
    const Command* command = findCommand(commands, rest.first());
    if (!command)
        return out.usage(Tr::tr("There is no command \"%1\".").arg(rest.first()));
    if (g.help || asksForHelp(rest)) {
        printStdout(commandHelp(*command));
        return 0;
    }

    QCommandLineParser parser;
    command->define(parser);
    if (!parser.parse(QStringList{QStringLiteral("cunzhanctl")} + rest.mid(1))) {
        for (const QString& name : parser.unknownOptionNames()) {
            if (kGlobalNames.contains(name))
                return out.usage(Tr::tr("--%1 is a global option: put it before the command.").arg(name),
                                 command->name);
        }
        return out.usage(parser.errorText(), command->name);
    }

    Context ctx{out, g.dbPath, command->name, {}, station.get()};
    ctx.open = [&]() -> Status {
        if (ctx.opened)
            return {};
        if (openError)
            return fail(*openError);
        station = openExisting(g, options, openError);
        if (!station)
            return fail(*openError);
        ctx.opened = station.get();
        return {};
    };
    if (!command->createsDb && command->usesDb) {
        if (!QFileInfo(g.dbPath).isFile())
            return out.fail({ErrorKind::Conflict,
                             QStringLiteral("station.not_initialised"),
                             Tr::tr("There is no station database at %1. Set up the station first with "
                                    "\"cunzhanctl --db %1 init --station-name NAME\".")
                                 .arg(g.dbPath),
                             {}});
        if (auto st = ctx.open(); !st)
            return out.fail(st.error());
        if (auto st = actAs(g, ctx.station()); !st)
            return out.fail(st.error());
        if (command->needsInit && !ctx.station().isInitialised())
            return out.fail(
                {ErrorKind::Conflict,
                 QStringLiteral("station.not_initialised"),
                 Tr::tr("The station in %1 is not set up yet: run \"cunzhanctl init\" first.").arg(g.dbPath),
                 {}});
    }
    return command->run(ctx, parser);
}

// Whether the command is print: drawing text needs fonts, and fonts need a QGuiApplication. The
// global options that take a value are skipped with their value.
bool drawsPages(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const char* a = argv[i];
        if (std::strcmp(a, "--db") == 0 || std::strcmp(a, "--busy-timeout") == 0 ||
            std::strcmp(a, "--lang") == 0) {
            ++i;
            continue;
        }
        if (a[0] != '-')
            return std::strcmp(a, "print") == 0;
    }
    return false;
}

} // namespace

int main(int argc, char** argv) {
    std::unique_ptr<QCoreApplication> app;
    if (drawsPages(argc, argv)) {
        // Printing needs no display: the offscreen platform unless the user chose one.
        if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    // The same name as the terminal, so Database::defaultPath() finds the terminal's database.
    QCoreApplication::setApplicationName(QString::fromLatin1(cz::kApplicationName));
    QCoreApplication::setApplicationVersion(QStringLiteral(CUNZHAN_VERSION));
    return run(*app);
}
