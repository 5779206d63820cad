// cunzhan: the station terminal. Composition root only: options, translations, the station's
// database, the first-run setup, sync with the county on its own thread, the main window. Everything else
// lives in ui/ and station-core/.
#include "context.h"
#include "firstpaint.h"
#include "i18n.h"
#include "mainwindow.h"
#include "messages.h"
#include "ownerdialog.h"
#include "setupdialog.h"
#include "style.h"
#include "synccontroller.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QTimer>
#include <cstdio>

namespace {
struct Terminal {
    Q_DECLARE_TR_FUNCTIONS(Terminal)
};

constexpr int kExitError = 1;
constexpr int kExitBadInput = 2;
constexpr int kExitUnavailable = 5;
// --exit-when-ready gives up when no paint arrives in this time (a hung start must not hang a benchmark).
constexpr int kReadyTimeoutMs = 60000;
// How often the terminal asks SQLite whether another connection committed (a cheap PRAGMA).
constexpr int kWatchChangesMs = 1000;

void printErr(const QString& text) {
    std::fprintf(stderr, "cunzhan: %s\n", qPrintable(text));
}

void setIdentity() {
    // Also decides Database::defaultPath() (AppDataLocation): ~/.local/share/cunzhan/station.db.
    QCoreApplication::setApplicationName(QString::fromLatin1(cz::kApplicationName));
    QCoreApplication::setApplicationVersion(QStringLiteral(CUNZHAN_VERSION));
}

// The options; their texts are translated, so the parser that prints help is made after the
// translations are installed.
void defineOptions(QCommandLineParser& parser) {
    parser.setApplicationDescription(Terminal::tr("Cunzhan village parcel station terminal"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions(
        {{QStringLiteral("db"),
          Terminal::tr("The station database (default: %1).").arg(cz::Database::defaultPath()),
          QStringLiteral("PATH")},
         {QStringLiteral("lang"),
          Terminal::tr(
              "Language for this run: zh_CN or en (default: the station's language setting, which is "
              "Chinese unless the station chose English; the system's locale does not matter)."),
          QStringLiteral("LANG")},
         {QStringLiteral("exit-when-ready"),
          Terminal::tr("Print \"ready\" and exit once the main window is painted.")}});
}

// What is read from the command line before any QApplication exists: QApplication needs a display, and
// --help and --version must work without one (a kiosk's console, an install script over ssh).
struct EarlyOptions {
    bool help = false;
    bool version = false;
    QString lang;
    QString db;
};

EarlyOptions readEarly(int argc, char** argv) {
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    QCommandLineParser parser;
    defineOptions(parser);
    EarlyOptions o;
    if (parser.parse(args)) {
        o.help = parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all"));
        o.version = parser.isSet(QStringLiteral("version"));
        o.lang = parser.value(QStringLiteral("lang"));
        o.db = parser.value(QStringLiteral("db"));
        return o;
    }
    // Qt's own options (-platform offscreen) are unknown to this parser: look for the words themselves.
    for (const QString& a : args.mid(1)) {
        if (a == QLatin1String("--"))
            break;
        o.help = o.help || a == QLatin1String("-h") || a == QLatin1String("--help") ||
                 a == QLatin1String("--help-all");
        o.version = o.version || a == QLatin1String("-v") || a == QLatin1String("--version");
    }
    return o;
}

// The station's language setting when its database exists and opens; else empty (the default).
QString stationLanguage(const QString& dbPath) {
    if (!QFileInfo(dbPath).isFile())
        return {};
    auto station = cz::StationContext::open(dbPath);
    return station ? (*station)->settings().language : QString();
}

// --help and --version with a QCoreApplication only.
int printHelpOrVersion(int argc, char** argv, const EarlyOptions& early) {
    QCoreApplication app(argc, argv);
    if (early.version) {
        std::printf("%s %s\n", cz::kApplicationName, CUNZHAN_VERSION);
        return 0;
    }
    const QString db = early.db.isEmpty() ? cz::Database::defaultPath() : early.db;
    cz::installTranslations(app, cz::chooseLanguage(early.lang, stationLanguage(db)));
    QCommandLineParser parser;
    defineOptions(parser);
    std::fputs(parser.helpText().toUtf8().constData(), stdout);
    return 0;
}
} // namespace

int main(int argc, char* argv[]) {
    setIdentity(); // before anything asks for Database::defaultPath()
    const EarlyOptions early = readEarly(argc, argv);
    if (early.help || early.version)
        return printHelpOrVersion(argc, argv, early);

    QApplication app(argc, argv);
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Cunzhan"));
    // The language: --lang, else the station's setting, else Chinese; never the system's locale. Until
    // the station is open (and for the first-run setup, before a station exists) what is known so far.
    QString language = cz::installTranslations(app, cz::chooseLanguage(early.lang));

    QCommandLineParser parser;
    defineOptions(parser);
    parser.process(app); // Qt's own options are gone from app.arguments() by now

    const QString langArg = parser.value(QStringLiteral("lang"));
    if (parser.isSet(QStringLiteral("lang")) && !cz::isSupportedLanguage(langArg)) {
        printErr(Terminal::tr("--lang takes zh_CN or en, not \"%1\".").arg(langArg));
        return kExitBadInput;
    }
    if (cz::chooseLanguage(langArg) != language)
        language = cz::installTranslations(app, cz::chooseLanguage(langArg));
    const bool exitWhenReady = parser.isSet(QStringLiteral("exit-when-ready"));
    const QString dbPath =
        parser.isSet(QStringLiteral("db")) ? parser.value(QStringLiteral("db")) : cz::Database::defaultPath();

    auto station = cz::StationContext::open(dbPath);
    if (!station) {
        const QString message = station.error().message;
        printErr(message);
        if (!exitWhenReady)
            cz::ui::Messages::error(nullptr, Terminal::tr("Cannot open the station database"),
                                    Terminal::tr("%1\n\nDatabase: %2").arg(message, dbPath));
        return station.error().kind == cz::ErrorKind::Internal ? kExitError : kExitUnavailable;
    }
    if (const QString chosen = cz::chooseLanguage(langArg, (*station)->settings().language);
        chosen != language)
        language = cz::installTranslations(app, chosen);

    // Large, readable type: the terminal is used standing, at arm's length, often by older clerks.
    cz::ui::applyCounterFont();

    if (!(*station)->isInitialised()) {
        if (exitWhenReady) {
            printErr(Terminal::tr("The station is not set up yet; start cunzhan without --exit-when-ready."));
            return kExitError;
        }
        cz::ui::SetupDialog setup(**station);
        if (setup.exec() != QDialog::Accepted)
            return 0;
    }

    // Before the window, so it is stopped (quit + wait) after the window is gone.
    // Changes made by cunzhanctl, the sync worker or another program show without a restart.
    (*station)->watchChangesElsewhere(kWatchChangesMs);
    cz::ui::SyncController sync(**station);
    cz::ui::MainWindow window(**station);
    window.attachSync(&sync);
    sync.start();
    // A station without staff: create the owner now, or keep working as "station" until then.
    if (!(*station)->ownerExists() && !exitWhenReady) {
        cz::ui::OwnerDialog owner(**station, window.printService());
        owner.exec();
        window.refreshSession();
    }
    if (exitWhenReady) {
        cz::ui::whenFirstPainted(&window, [] {
            std::fputs("ready\n", stdout);
            std::fflush(stdout);
            QCoreApplication::exit(0);
        });
        QTimer::singleShot(kReadyTimeoutMs, &app, [] {
            printErr(QStringLiteral("the main window was not painted in time"));
            QCoreApplication::exit(kExitError);
        });
    }
    window.show();
    return app.exec();
}
