// The administration subcommands of cunzhan-county.
#include "commands.h"

#include "accounts.h"
#include "admin.h"
#include "barcode.h"
#include "feed.h"
#include "ops.h"
#include "sms.h"
#include "stats.h"
#include "store.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPainter>
#include <QTextStream>
#include <QTimeZone>
#include <QUrl>
#include <cstdio>

namespace cz::county::cli {

namespace {

Result<std::unique_ptr<CountyStore>> openStore(const Context& c) {
    return CountyStore::open(c.db);
}

Result<QByteArray> readFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(ErrorKind::BadInput, QStringLiteral("file.unreadable"),
                    QStringLiteral("Cannot read %1: %2").arg(path, f.errorString()));
    return f.readAll();
}

QString timeText(qint64 ms) {
    return ms == 0 ? QStringLiteral("never")
                   : QDateTime::fromMSecsSinceEpoch(ms, QTimeZone(8 * 3600))
                         .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

// Runs f with an open store; f returns the exit code or an error.
template<class F> int withStore(const Context& c, F f) {
    auto store = openStore(c);
    if (!store)
        return report(store.error(), c.json);
    const Result<int> code = f(**store);
    return code ? *code : report(code.error(), c.json);
}

Status writeQr(const QString& path, const QString& text) {
    constexpr int kModule = 8;
    QString error;
    const QImage symbol = barcode::encodeQr(text, kModule, &error);
    if (symbol.isNull())
        return fail(ErrorKind::Internal, QStringLiteral("qr.encode"), error);
    const int quiet = barcode::kQrQuietZoneModules * kModule;
    QImage page(symbol.width() + 2 * quiet, symbol.height() + 2 * quiet, QImage::Format_Grayscale8);
    page.fill(255);
    QPainter(&page).drawImage(quiet, quiet, symbol);
    if (!page.save(path, "PNG"))
        return fail(ErrorKind::Unavailable, QStringLiteral("qr.write"),
                    QStringLiteral("Cannot write %1.").arg(path));
    return {};
}

int printCode(const Context& c, const EnrolmentCode& code, const QString& name) {
    if (c.json)
        printJson({{QStringLiteral("id"), code.stationId},
                   {QStringLiteral("name"), name},
                   {QStringLiteral("code"), code.code},
                   {QStringLiteral("expires_at"), code.expiresAt}});
    else
        printLine(QStringLiteral("station %1\nenrolment code %2 (valid until %3)")
                      .arg(code.stationId, code.code, timeText(code.expiresAt)));
    return 0;
}

} // namespace

void printLine(const QString& line) {
    QTextStream(stdout) << line << '\n';
}

void printJson(const QJsonObject& object) {
    QTextStream(stdout) << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
}

int report(const Error& e, bool json) {
    QTextStream err(stderr);
    err << "error: " << e.message << '\n';
    for (const QString& d : e.details)
        err << "  " << d << '\n';
    if (json)
        printJson({{QStringLiteral("error"),
                    QJsonObject{{QStringLiteral("code"), e.code},
                                {QStringLiteral("message"), e.message},
                                {QStringLiteral("details"), QJsonArray::fromStringList(e.details)}}}});
    return exitCodeFor(e);
}

int usage(const QString& message) {
    QTextStream(stderr) << message << '\n';
    return static_cast<int>(ErrorKind::BadInput);
}

int stationAdd(const Context& c) {
    const QString name = c.parser.value(QStringLiteral("name"));
    const QString qr = c.parser.value(QStringLiteral("qr"));
    const QString serverUrl = c.parser.value(QStringLiteral("server-url"));
    if (!qr.isEmpty() && serverUrl.isEmpty())
        return usage(QStringLiteral("--qr needs --server-url (the address stations use)."));
    return withStore(c, [&](CountyStore& store) -> Result<int> {
        auto code = addStation(store, name, c.parser.value(QStringLiteral("township")));
        if (!code)
            return fail(code.error());
        if (!qr.isEmpty()) {
            if (auto st = writeQr(qr, sync::encodeInvite({serverUrl, code->code})); !st)
                return fail(st.error());
        }
        return printCode(c, *code, name);
    });
}

int stationEnrolCode(const Context& c) {
    return withStore(c, [&](CountyStore& store) -> Result<int> {
        auto code = renewEnrolmentCode(store, c.args.at(0));
        if (!code)
            return fail(code.error());
        return printCode(c, *code, {});
    });
}

int stationRevoke(const Context& c) {
    return withStore(c, [&](CountyStore& store) -> Result<int> {
        if (auto st = revokeStation(store, c.args.at(0)); !st)
            return fail(st.error());
        printLine(QStringLiteral("station %1 revoked").arg(c.args.at(0)));
        return 0;
    });
}

int stationList(const Context& c) {
    return withStore(c, [&](CountyStore& store) -> Result<int> {
        auto stations = listStations(store);
        if (!stations)
            return fail(stations.error());
        for (const StationInfo& s : *stations) {
            const QString state = s.revoked    ? QStringLiteral("revoked")
                                  : s.enrolled ? QStringLiteral("enrolled")
                                               : QStringLiteral("awaiting enrolment");
            if (c.json)
                printJson({{QStringLiteral("id"), s.id},
                           {QStringLiteral("name"), s.name},
                           {QStringLiteral("township"), s.township},
                           {QStringLiteral("state"), state},
                           {QStringLiteral("created_at"), s.createdAt},
                           {QStringLiteral("last_seen_at"), s.lastSeenAt}});
            else
                printLine(QStringLiteral("%1  %2  %3  %4  last seen %5")
                              .arg(s.id, s.township, s.name, state, timeText(s.lastSeenAt)));
        }
        return 0;
    });
}

int reviewerAdd(const Context& c) {
    return withStore(c, [&](CountyStore& store) -> Result<int> {
        auto reviewer = addReviewer(store, c.parser.value(QStringLiteral("name")),
                                    c.parser.value(QStringLiteral("township")));
        if (!reviewer)
            return fail(reviewer.error());
        if (c.json)
            printJson({{QStringLiteral("id"), reviewer->id}, {QStringLiteral("token"), reviewer->token}});
        else
            printLine(QStringLiteral("reviewer %1\ntoken %2\n(shown once: only its hash is stored)")
                          .arg(reviewer->id, reviewer->token));
        return 0;
    });
}

int reviewerList(const Context& c) {
    return withStore(c, [&](CountyStore& store) -> Result<int> {
        auto reviewers = listReviewers(store);
        if (!reviewers)
            return fail(reviewers.error());
        for (const ReviewerInfo& r : *reviewers) {
            const QString state = r.revokedAt ? QStringLiteral("revoked") : QStringLiteral("active");
            if (c.json)
                printJson(
                    {{QStringLiteral("id"), r.id},
                     {QStringLiteral("name"), r.name},
                     {QStringLiteral("township"), r.township},
                     {QStringLiteral("state"), state},
                     {QStringLiteral("created_at"), r.createdAt},
                     {QStringLiteral("revoked_at"), r.revokedAt ? QJsonValue(r.revokedAt) : QJsonValue()}});
            else
                printLine(
                    QStringLiteral("%1  %2  %3  %4  added %5%6")
                        .arg(r.id, r.township, r.name, state, timeText(r.createdAt),
                             r.revokedAt ? QStringLiteral(", revoked ") + timeText(r.revokedAt) : QString()));
        }
        return 0;
    });
}

int reviewerRevoke(const Context& c) {
    return withStore(c, [&](CountyStore& store) -> Result<int> {
        if (auto st = revokeReviewer(store, c.args.at(0)); !st)
            return fail(st.error());
        printLine(QStringLiteral("reviewer %1 revoked").arg(c.args.at(0)));
        return 0;
    });
}

int rulesImport(const Context& c) {
    auto bytes = readFile(c.args.at(0));
    if (!bytes)
        return report(bytes.error(), c.json);
    return withStore(c, [&](CountyStore& store) -> Result<int> {
        if (auto st = importRules(store, *bytes); !st)
            return fail(st.error());
        printLine(QStringLiteral("carrier rules published"));
        return 0;
    });
}

int settingsSet(const Context& c) {
    return withStore(c, [&](CountyStore& store) -> Result<int> {
        const QString station = c.parser.value(QStringLiteral("station"));
        if (auto st = setSetting(store, c.args.at(0), c.args.at(1), station); !st)
            return fail(st.error());
        printLine(QStringLiteral("%1 = %2 published to %3")
                      .arg(c.args.at(0), c.args.at(1),
                           station.isEmpty() ? QStringLiteral("all stations") : station));
        return 0;
    });
}

int prealertImport(const Context& c) {
    auto bytes = readFile(c.args.at(0));
    if (!bytes)
        return report(bytes.error(), c.json);
    return withStore(c, [&](CountyStore& store) -> Result<int> {
        auto rows = importPrealerts(store, *bytes);
        if (!rows)
            return fail(rows.error());
        printLine(QStringLiteral("%1 pre-alerts published").arg(*rows));
        return 0;
    });
}

int importBatch(const Context& c) {
    const bool acceptUnsigned = c.parser.isSet(QStringLiteral("accept-unsigned"));
    // Each file (a part of a long outage's export) is imported on its own, in any order; one refused
    // file does not stop the others, and the exit code tells that one was refused.
    return withStore(c, [&](CountyStore& store) -> Result<int> {
        int exitCode = 0;
        for (const QString& path : c.args) {
            auto bytes = readFile(path);
            auto counts = bytes ? county::importBatch(store, *bytes, acceptUnsigned)
                                : Result<BatchCounts>(fail(bytes.error()));
            if (!counts) {
                Error e = counts.error();
                e.details.prepend(QStringLiteral("file: %1").arg(path));
                const int code = report(e, c.json);
                exitCode = exitCode == 0 ? code : exitCode;
                continue;
            }
            if (c.json)
                printJson({{QStringLiteral("file"), path},
                           {QStringLiteral("station"), counts->stationId},
                           {QStringLiteral("part"), counts->part},
                           {QStringLiteral("parts"), counts->parts},
                           {QStringLiteral("signed"), counts->signedByStation},
                           {QStringLiteral("applied"), counts->applied},
                           {QStringLiteral("already_applied"), counts->alreadyApplied},
                           {QStringLiteral("rejected"), counts->rejected},
                           {QStringLiteral("conflicts"), counts->conflicts},
                           {QStringLiteral("held"), counts->held}});
            else
                printLine(QStringLiteral("station %1 part %2 of %3%4: %5 applied, %6 already applied, %7 "
                                         "rejected, %8 conflicts, %9 held")
                              .arg(counts->stationId)
                              .arg(counts->part)
                              .arg(counts->parts)
                              .arg(counts->signedByStation ? QString() : QStringLiteral(" (UNSIGNED)"))
                              .arg(counts->applied)
                              .arg(counts->alreadyApplied)
                              .arg(counts->rejected)
                              .arg(counts->conflicts)
                              .arg(counts->held));
        }
        return exitCode;
    });
}

int stats(const Context& c) {
    return withStore(c, [&](CountyStore& store) -> Result<int> {
        auto tx = store.begin(Tx::Mode::Read);
        if (!tx)
            return fail(tx.error());
        auto all = stationStats(*tx);
        if (!all)
            return fail(all.error());
        for (const StationStats& s : *all) {
            if (c.json) {
                printJson(toJson(s));
                continue;
            }
            QStringList parcels;
            for (auto it = s.parcelsByStatus.cbegin(); it != s.parcelsByStatus.cend(); ++it)
                parcels.append(QStringLiteral("%1 %2").arg(it.key()).arg(it.value()));
            printLine(
                QStringLiteral(
                    "%1  %2  %3  ops %4 applied / %5 rejected / %6 held  parcels: %7  last seen %8")
                    .arg(s.id, s.township, s.name)
                    .arg(s.opsApplied)
                    .arg(s.opsRejected)
                    .arg(s.opsHeld)
                    .arg(parcels.isEmpty() ? QStringLiteral("none") : parcels.join(QStringLiteral(", ")),
                         timeText(s.lastSeenAt)));
        }
        return 0;
    });
}

int compact(const Context& c) {
    std::optional<int> days;
    if (c.parser.isSet(QStringLiteral("purge-before-days"))) {
        bool ok = false;
        days = c.parser.value(QStringLiteral("purge-before-days")).toInt(&ok);
        if (!ok || *days < 1)
            return usage(QStringLiteral("--purge-before-days needs a whole number of days, at least 1."));
    }
    return withStore(c, [&](CountyStore& store) -> Result<int> {
        auto result = county::compact(store, days);
        if (!result)
            return fail(result.error());
        printLine(QStringLiteral("%1 superseded changes removed, %2 purged, horizon %3")
                      .arg(result->superseded)
                      .arg(result->purged)
                      .arg(result->horizon));
        return 0;
    });
}

int opsApplyHeld(const Context& c) {
    return withStore(c, [&](CountyStore& store) -> Result<int> {
        auto run = applyHeldOps(store);
        if (!run)
            return fail(run.error());
        if (c.json)
            printJson({{QStringLiteral("applied"), run->applied},
                       {QStringLiteral("rejected"), run->rejected},
                       {QStringLiteral("still_held"), run->stillHeld}});
        else
            printLine(QStringLiteral("held ops: %1 applied, %2 rejected, %3 still held")
                          .arg(run->applied)
                          .arg(run->rejected)
                          .arg(run->stillHeld));
        return 0;
    });
}

int epochRenew(const Context& c) {
    return withStore(c, [&](CountyStore& store) -> Result<int> {
        auto epoch = renewEpoch(store);
        if (!epoch)
            return fail(epoch.error());
        printLine(QStringLiteral("new epoch %1: stations will re-send their ops and re-pull").arg(*epoch));
        return 0;
    });
}

int smsSendPending(const Context& c) {
    return withStore(c, [&](CountyStore& store) -> Result<int> {
        auto run = sendPendingNotices(store, c.parser.value(QStringLiteral("command")));
        if (!run)
            return fail(run.error());
        printLine(QStringLiteral("%1 sent, %2 failed").arg(run->sent).arg(run->failed));
        return 0;
    });
}

} // namespace cz::county::cli
