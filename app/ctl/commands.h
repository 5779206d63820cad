// The commands of cunzhanctl: each one defines its options on a QCommandLineParser and runs as a
// small function against the open station. commands_parcels.cpp holds the daily parcel work,
// commands_station.cpp setup, settings, shelves, audit and status, commands_dispatch.cpp sending
// parcels (rates, number blocks, manifests), commands_print.cpp printing and barcode decoding,
// commands_sync.cpp enrolment, sync and the USB batch.
#pragma once

#include "result.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QList>
#include <QString>
#include <functional>

namespace cz {
class StationContext;
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
    StationContext* opened = nullptr;
    [[nodiscard]] StationContext& station() const { return *opened; }
};

struct Command {
    QString name;
    QString summary;        // one line for the global --help
    QString arguments;      // positional syntax for the usage line, e.g. "WAYBILL"
    bool needsInit = true;  // refuse to run (exit 3) on a station that is not set up
    bool createsDb = false; // may run on a database file that does not exist yet (init)
    void (*define)(QCommandLineParser&) = nullptr;
    int (*run)(Context&, const QCommandLineParser&) = nullptr;
    bool usesDb = true; // false: never opens the database (decode)
};

// Built after the translations are installed, since the texts are translated.
[[nodiscard]] QList<Command> parcelCommands();
[[nodiscard]] QList<Command> stationCommands();
[[nodiscard]] QList<Command> dispatchCommands();
[[nodiscard]] QList<Command> printCommands();
[[nodiscard]] QList<Command> syncCommands();
[[nodiscard]] QList<Command> catalogueCommands(); // commands_catalogue.cpp
[[nodiscard]] QList<Command> accountCommands();   // commands_accounts.cpp: villagers and their accounts
[[nodiscard]] QList<Command> orderCommands();     // commands_orders.cpp: proxy orders
[[nodiscard]] QList<Command> staffCommands();     // commands_staff.cpp: staff and PINs
// One line of standard input, trimmed (C stdio, so that several reads in one run share its buffer:
// --pin-stdin and then --new-pin-stdin).
[[nodiscard]] QString readStdinLine();
// "audit verify" (commands_staff.cpp): the hash chains of the history.
[[nodiscard]] int runAuditVerify(Context& ctx);

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

// Reports an error: a usage error (code "usage") with the pointer to the command's --help, any
// other through Output::fail. Returns the exit code.
[[nodiscard]] int report(const Context& ctx, const Error& e);
// A usage error value, for helpers that return Result and leave the reporting to report().
[[nodiscard]] Error usageError(const QString& message);

// Opens a file named on the command line for reading text; "-" is standard input.
[[nodiscard]] bool openInput(QFile& file, const QString& name);

} // namespace cz::ctl
