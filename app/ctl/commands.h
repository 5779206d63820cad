// The commands of cunzhanctl: each one defines its options on a QCommandLineParser and runs as a
// small function against the open station. commands_parcels.cpp holds the daily parcel work,
// commands_station.cpp setup, settings, shelves, audit and status.
#pragma once

#include "result.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <functional>

namespace cz {
class Station;
}

namespace cz::ctl {

class Output;

// The one translation context of cunzhanctl.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(cunzhanctl)
};

struct Context {
    const Output& out;
    QString dbPath;
    QString command; // the command's name, for usage messages
    // Opens (creating when missing) the database; main calls it before run() for every command but
    // init, which calls it itself once its arguments are checked, so bad usage creates no file.
    std::function<Status()> open;
    Station* opened = nullptr;
    [[nodiscard]] Station& station() const { return *opened; }
};

struct Command {
    QString name;
    QString summary;        // one line for the global --help
    QString arguments;      // positional syntax for the usage line, e.g. "WAYBILL"
    bool needsInit = true;  // refuse to run (exit 3) on a station that is not set up
    bool createsDb = false; // may run on a database file that does not exist yet (init)
    void (*define)(QCommandLineParser&) = nullptr;
    int (*run)(Context&, const QCommandLineParser&) = nullptr;
};

// Built after the translations are installed, since the texts are translated.
[[nodiscard]] QList<Command> parcelCommands();
[[nodiscard]] QList<Command> stationCommands();

// An option with a value when valueName is given, else a flag.
[[nodiscard]] QCommandLineOption option(const QString& name, const QString& description,
                                        const QString& valueName = {});
// 0 when the command was given no positional arguments, else the usage error's exit code.
[[nodiscard]] int noPositionals(const Context& ctx, const QCommandLineParser& p);

// The single value among the given options that is set, or a usage error when none or several are.
struct Choice {
    QString option;
    QString value;
};
[[nodiscard]] Result<Choice> exactlyOne(const QCommandLineParser& p, const QStringList& options);

} // namespace cz::ctl
