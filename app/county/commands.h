// The cunzhan-county subcommands. Each takes the parsed command line and returns the exit code of
// the DESIGN.md contract (0 ok, 1 internal, 2 bad input, 3 conflict, 4 not found, 5 unavailable).
#pragma once

#include "result.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QStringList>

namespace cz::county::cli {

struct Context {
    QCommandLineParser& parser;
    QStringList args; // positional arguments after the command words
    QString db;       // --db or the default location
    bool json = false;
};

// Output for operators: lines on stdout, JSON objects (one per line) with --json, errors on stderr.
void printLine(const QString& line);
void printJson(const QJsonObject& object);
[[nodiscard]] int report(const Error& e, bool json);
[[nodiscard]] int usage(const QString& message);

[[nodiscard]] int serve(const Context& c);
[[nodiscard]] int stationAdd(const Context& c);
[[nodiscard]] int stationEnrolCode(const Context& c);
[[nodiscard]] int stationRevoke(const Context& c);
[[nodiscard]] int stationList(const Context& c);
[[nodiscard]] int reviewerAdd(const Context& c);
[[nodiscard]] int reviewerList(const Context& c);
[[nodiscard]] int reviewerRevoke(const Context& c);
[[nodiscard]] int rulesImport(const Context& c);
[[nodiscard]] int settingsSet(const Context& c);
[[nodiscard]] int prealertImport(const Context& c);
[[nodiscard]] int importBatch(const Context& c);
[[nodiscard]] int stats(const Context& c);
// Applies the held ops this build's catalogue knows (also done by serve at start).
[[nodiscard]] int opsApplyHeld(const Context& c);
[[nodiscard]] int compact(const Context& c);
[[nodiscard]] int epochRenew(const Context& c);
[[nodiscard]] int smsSendPending(const Context& c);
// commands_catalogue.cpp
[[nodiscard]] int catalogueImport(const Context& c);
[[nodiscard]] int catalogueList(const Context& c);

// Proxy orders and unified prices (commands_orders.cpp).
[[nodiscard]] int ordersList(const Context& c);
[[nodiscard]] int ordersShow(const Context& c);
[[nodiscard]] int ordersAccept(const Context& c);
[[nodiscard]] int ordersRefuse(const Context& c);
[[nodiscard]] int ordersShip(const Context& c);
[[nodiscard]] int ordersPurchaseList(const Context& c);
[[nodiscard]] int ratesImport(const Context& c);
[[nodiscard]] int waybillBlockAssign(const Context& c);
[[nodiscard]] int ratesWithdraw(const Context& c);
[[nodiscard]] int waybillBlockWithdraw(const Context& c);

} // namespace cz::county::cli
