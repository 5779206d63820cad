// cunzhan: the station terminal. Composition root only: options, translations, the station's
// database, the first-run setup, sync with the county on its own thread, the main window. Everything else lives in ui/ and station-core/.
#include "firstpaint.h"
#include "i18n.h"
#include "mainwindow.h"
#include "messages.h"
#include "setupdialog.h"
#include "station.h"
#include "style.h"
#include "synccontroller.h"

#include <QApplication>
#include <QCommandLineParser>
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

void printErr(const QString& text) {
    std::fprintf(stderr, "cunzhan: %s\n", qPrintable(text));
}
} // namespace

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    // Also decides Database::defaultPath() (AppDataLocation): ~/.local/share/cunzhan/station.db.
    QCoreApplication::setApplicationName(QString::fromLatin1(cz::kApplicationName));
    QCoreApplication::setApplicationVersion(QStringLiteral(CUNZHAN_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Cunzhan"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Cunzhan village parcel station terminal"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(
        QStringLiteral("db"),
        QStringLiteral("The station database (default: %1).").arg(cz::Database::defaultPath()),
        QStringLiteral("PATH"));
    const QCommandLineOption langOption(
        QStringLiteral("lang"),
        QStringLiteral("Language of the program: zh_CN or en (default: the station's "
                       "setting, else the system's)."),
        QStringLiteral("LANG"));
    const QCommandLineOption readyOption(
        QStringLiteral("exit-when-ready"),
        QStringLiteral("Print \"ready\" and exit once the main window is painted."));
    parser.addOptions({dbOption, langOption, readyOption});
    parser.process(app);

    const QString langArg = parser.value(langOption);
    if (parser.isSet(langOption) && langArg != QLatin1String("zh_CN") && langArg != QLatin1String("en")) {
        printErr(QStringLiteral("--lang takes zh_CN or en, not \"%1\".").arg(langArg));
        return kExitBadInput;
    }
    const bool exitWhenReady = parser.isSet(readyOption);
    const QString dbPath = parser.isSet(dbOption) ? parser.value(dbOption) : cz::Database::defaultPath();

    auto station = cz::Station::open(dbPath);
    if (!station) {
        // station-core translated its message before any translation was installed: install one
        // and ask again, so the clerk reads why in their language.
        cz::installTranslations(app, langArg);
        auto again = cz::Station::open(dbPath);
        const QString message = again ? station.error().message : again.error().message;
        printErr(message);
        if (!exitWhenReady)
            cz::ui::Messages::error(nullptr, Terminal::tr("Cannot open the station database"),
                                    Terminal::tr("%1\n\nDatabase: %2").arg(message, dbPath));
        return station.error().kind == cz::ErrorKind::Internal ? kExitError : kExitUnavailable;
    }
    cz::installTranslations(app, langArg.isEmpty() ? (*station)->settings().language : langArg);

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
    cz::ui::SyncController sync(**station);
    cz::ui::MainWindow window(**station);
    window.attachSync(&sync);
    sync.start();
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
