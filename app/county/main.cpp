// cunzhan-county: parses the command line and runs one subcommand (docs/county-server.md).
#include "commands.h"
#include "securitylog.h"
#include "store.h"

#include <QCoreApplication>
#include <functional>

using namespace cz::county;

namespace {

struct Command {
    QStringList words;
    int positional; // arguments after the words; -1: one or more
    QString synopsis;
    std::function<int(const cli::Context&)> run;
};

const QList<Command>& commands() {
    static const QList<Command> list{
        {{QStringLiteral("serve")},
         0,
         QStringLiteral("serve [--listen ADDR:PORT] [--tls-cert F --tls-key F] [--allow-plain-http] "
                        "[--sms-command CMD] [--sms-interval-ms N] [--max-connections-per-ip N] "
                        "[--request-timeout S] [--rate-limit N] [--rate-burst N] [--rate-limit-loopback]"),
         cli::serve},
        {{QStringLiteral("station"), QStringLiteral("add")},
         0,
         QStringLiteral("station add --name NAME --township NAME [--server-url URL] [--qr FILE.png]"),
         cli::stationAdd},
        {{QStringLiteral("station"), QStringLiteral("enrol-code")},
         1,
         QStringLiteral("station enrol-code ID"),
         cli::stationEnrolCode},
        {{QStringLiteral("station"), QStringLiteral("revoke")},
         1,
         QStringLiteral("station revoke ID"),
         cli::stationRevoke},
        {{QStringLiteral("station"), QStringLiteral("list")},
         0,
         QStringLiteral("station list [--json]"),
         cli::stationList},
        {{QStringLiteral("reviewer"), QStringLiteral("add")},
         0,
         QStringLiteral("reviewer add --name NAME --township NAME"),
         cli::reviewerAdd},
        {{QStringLiteral("reviewer"), QStringLiteral("list")},
         0,
         QStringLiteral("reviewer list [--json]"),
         cli::reviewerList},
        {{QStringLiteral("reviewer"), QStringLiteral("revoke")},
         1,
         QStringLiteral("reviewer revoke ID"),
         cli::reviewerRevoke},
        {{QStringLiteral("rules"), QStringLiteral("import")},
         1,
         QStringLiteral("rules import FILE.json"),
         cli::rulesImport},
        {{QStringLiteral("settings"), QStringLiteral("set")},
         2,
         QStringLiteral("settings set KEY VALUE [--station ID]"),
         cli::settingsSet},
        {{QStringLiteral("prealert"), QStringLiteral("import")},
         1,
         QStringLiteral("prealert import FILE.csv"),
         cli::prealertImport},
        {{QStringLiteral("import-batch")},
         -1,
         QStringLiteral("import-batch FILE... [--accept-unsigned] [--json]"),
         cli::importBatch},
        {{QStringLiteral("stats")}, 0, QStringLiteral("stats [--json]"), cli::stats},
        {{QStringLiteral("ops"), QStringLiteral("apply-held")},
         0,
         QStringLiteral("ops apply-held [--json]"),
         cli::opsApplyHeld},
        {{QStringLiteral("compact")}, 0, QStringLiteral("compact [--purge-before-days N]"), cli::compact},
        {{QStringLiteral("epoch"), QStringLiteral("renew")},
         0,
         QStringLiteral("epoch renew"),
         cli::epochRenew},
        {{QStringLiteral("sms"), QStringLiteral("send-pending")},
         0,
         QStringLiteral("sms send-pending [--command CMD]"),
         cli::smsSendPending},
        // Proxy orders and unified prices (commands_orders.cpp).
        {{QStringLiteral("orders"), QStringLiteral("list")},
         0,
         QStringLiteral("orders list [--status S] [--station ID] [--json]"),
         cli::ordersList},
        {{QStringLiteral("orders"), QStringLiteral("show")},
         1,
         QStringLiteral("orders show ID [--json]"),
         cli::ordersShow},
        {{QStringLiteral("orders"), QStringLiteral("accept")},
         1,
         QStringLiteral("orders accept ID"),
         cli::ordersAccept},
        {{QStringLiteral("orders"), QStringLiteral("refuse")},
         1,
         QStringLiteral("orders refuse ID --reason TEXT"),
         cli::ordersRefuse},
        {{QStringLiteral("orders"), QStringLiteral("ship")},
         1,
         QStringLiteral("orders ship ID --waybill W [--carrier C]"),
         cli::ordersShip},
        {{QStringLiteral("orders"), QStringLiteral("purchase-list")},
         0,
         QStringLiteral("orders purchase-list [--status accepted] [--supplier S] --out FILE.csv"),
         cli::ordersPurchaseList},
        {{QStringLiteral("rates"), QStringLiteral("import")},
         1,
         QStringLiteral("rates import FILE.csv"),
         cli::ratesImport},
        {{QStringLiteral("rates"), QStringLiteral("withdraw")},
         1,
         QStringLiteral("rates withdraw CARRIER"),
         cli::ratesWithdraw},
        {{QStringLiteral("waybill-block"), QStringLiteral("withdraw")},
         2,
         QStringLiteral("waybill-block withdraw STATION CARRIER:FIRST-NUMBER"),
         cli::waybillBlockWithdraw},
        {{QStringLiteral("waybill-block"), QStringLiteral("assign")},
         0,
         QStringLiteral(
             "waybill-block assign --station ID --carrier C --from N --to N [--prefix P] [--digits D]"),
         cli::waybillBlockAssign},
        {{QStringLiteral("catalogue"), QStringLiteral("import")},
         1,
         QStringLiteral("catalogue import FILE.csv [--json]"),
         cli::catalogueImport},
        {{QStringLiteral("catalogue"), QStringLiteral("list")},
         0,
         QStringLiteral("catalogue list [--json]"),
         cli::catalogueList},
    };
    return list;
}

QString commandSummary() {
    QString text =
        QStringLiteral("Commands (each takes --db sqlite:PATH | postgresql://user:pass@host:port/db):\n");
    for (const Command& c : commands())
        text += QStringLiteral("  ") + c.synopsis + QLatin1Char('\n');
    return text;
}

void addOptions(QCommandLineParser& p) {
    p.setApplicationDescription(QStringLiteral("Cunzhan county-centre sync server.\n\n") + commandSummary());
    p.addHelpOption();
    p.addVersionOption();
    const auto value = [&](const QString& name, const QString& help, const QString& valueName) {
        p.addOption({name, help, valueName});
    };
    value(QStringLiteral("db"),
          QStringLiteral("Database: sqlite:PATH or postgresql://user:pass@host:port/db."),
          QStringLiteral("location"));
    p.addOption({QStringLiteral("json"), QStringLiteral("One JSON object per result on stdout.")});
    value(
        QStringLiteral("security-log"),
        QStringLiteral("Security events (failed authentication, rate limits, refused SMS, rejected batches) "
                       "as JSON lines to this file (default: stderr)."),
        QStringLiteral("file"));
    value(QStringLiteral("listen"),
          QStringLiteral("serve: address and port (default 127.0.0.1:8765; port 0 = any)."),
          QStringLiteral("addr:port"));
    value(QStringLiteral("tls-cert"), QStringLiteral("serve: TLS certificate (PEM)."),
          QStringLiteral("file"));
    value(QStringLiteral("tls-key"), QStringLiteral("serve: TLS private key (PEM)."), QStringLiteral("file"));
    p.addOption({QStringLiteral("allow-plain-http"),
                 QStringLiteral("serve: allow plain HTTP on a non-loopback address.")});
    value(QStringLiteral("sms-command"), QStringLiteral("serve: SMS gateway command (default: spool file)."),
          QStringLiteral("cmd"));
    value(QStringLiteral("sms-interval-ms"),
          QStringLiteral("serve: how often queued SMS are sent (default 30000)."), QStringLiteral("ms"));
    value(QStringLiteral("max-connections-per-ip"),
          QStringLiteral("serve: connections one client address may hold (default 64; 0 = no limit, behind a "
                         "reverse proxy)."),
          QStringLiteral("n"));
    value(QStringLiteral("rate-limit"),
          QStringLiteral("serve: requests per second one client address may make on average (default 20; 0 = "
                         "no limit); past it 429 with Retry-After."),
          QStringLiteral("n"));
    value(QStringLiteral("rate-burst"),
          QStringLiteral("serve: requests one client address may make at once above --rate-limit (default "
                         "200)."),
          QStringLiteral("n"));
    p.addOption({QStringLiteral("rate-limit-loopback"),
                 QStringLiteral("serve: rate-limit loopback clients too (by default they are not: a reverse "
                                "proxy on this host sends everyone's requests from its address).")});
    value(QStringLiteral("request-timeout"),
          QStringLiteral("serve: seconds a whole request may take to arrive, and its answer to be taken "
                         "(default 60)."),
          QStringLiteral("s"));
    value(QStringLiteral("name"), QStringLiteral("station add, reviewer add: the name."),
          QStringLiteral("name"));
    value(QStringLiteral("township"), QStringLiteral("station add, reviewer add: the township."),
          QStringLiteral("name"));
    value(QStringLiteral("server-url"), QStringLiteral("station add: the URL stations use, for the QR code."),
          QStringLiteral("url"));
    value(QStringLiteral("qr"), QStringLiteral("station add: write an enrolment QR code to this PNG file."),
          QStringLiteral("file"));
    value(QStringLiteral("station"),
          QStringLiteral("settings set: only for this station; orders list: only its orders; waybill-block "
                         "assign: the station."),
          QStringLiteral("id"));
    value(QStringLiteral("purge-before-days"),
          QStringLiteral("compact: also purge tombstones and pre-alerts older than N days."),
          QStringLiteral("n"));
    value(QStringLiteral("command"), QStringLiteral("sms send-pending: SMS gateway command."),
          QStringLiteral("cmd"));
    // Proxy orders and unified prices.
    value(
        QStringLiteral("status"),
        QStringLiteral("orders list, orders purchase-list: orders in this state (placed, accepted, refused, "
                       "shipped, arrived, collected, cancelled; purchase-list: accepted by default)."),
        QStringLiteral("state"));
    value(QStringLiteral("reason"), QStringLiteral("orders refuse: the reason the station is given."),
          QStringLiteral("text"));
    value(QStringLiteral("waybill"), QStringLiteral("orders ship: the waybill of the parcel."),
          QStringLiteral("number"));
    value(QStringLiteral("carrier"), QStringLiteral("orders ship, waybill-block assign: the carrier code."),
          QStringLiteral("code"));
    p.addOption({QStringLiteral("accept-unsigned"),
                 QStringLiteral("import-batch: also import unsigned batches of stations enrolled before "
                                "batches were signed (each is logged to the security log).")});
    value(QStringLiteral("supplier"), QStringLiteral("orders purchase-list: only this supplier."),
          QStringLiteral("name"));
    value(QStringLiteral("out"), QStringLiteral("orders purchase-list: the CSV file to write."),
          QStringLiteral("file"));
    value(QStringLiteral("from"), QStringLiteral("waybill-block assign: the first number."),
          QStringLiteral("n"));
    value(QStringLiteral("to"), QStringLiteral("waybill-block assign: the last number."),
          QStringLiteral("n"));
    value(QStringLiteral("prefix"), QStringLiteral("waybill-block assign: letters before the number."),
          QStringLiteral("p"));
    value(QStringLiteral("digits"),
          QStringLiteral(
              "waybill-block assign: digits of the number, padded with zeros (default: those of --to)."),
          QStringLiteral("d"));
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Cunzhan"));
    QCoreApplication::setApplicationName(QStringLiteral("cunzhan-county"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CUNZHAN_VERSION));

    QCommandLineParser parser;
    addOptions(parser);
    if (!parser.parse(QCoreApplication::arguments()))
        return cli::usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();

    if (parser.isSet(QStringLiteral("security-log")) &&
        !security::setLogFile(parser.value(QStringLiteral("security-log"))))
        return cli::usage(QStringLiteral("Cannot open the security log %1 for appending.")
                              .arg(parser.value(QStringLiteral("security-log"))));
    const QStringList words = parser.positionalArguments();
    for (const Command& c : commands()) {
        if (words.mid(0, c.words.size()) != c.words)
            continue;
        const QStringList rest = words.mid(c.words.size());
        if (c.positional < 0 ? rest.isEmpty() : rest.size() != c.positional)
            return cli::usage(QStringLiteral("usage: cunzhan-county ") + c.synopsis);
        const QString db = parser.isSet(QStringLiteral("db")) ? parser.value(QStringLiteral("db"))
                                                              : DbLocation::defaultSpec();
        return c.run({parser, rest, db, parser.isSet(QStringLiteral("json"))});
    }
    return cli::usage(words.isEmpty()
                          ? QStringLiteral("No command given.\n") + commandSummary()
                          : QStringLiteral("Unknown command \"%1\".\n").arg(words.join(QLatin1Char(' '))) +
                                commandSummary());
}
