// Sync with the county centre: enrol, sync (once or in a loop with backoff), sync-status and the
// USB batch export, over the sync client library.
#include "backoff.h"
#include "commands.h"
#include "context.h"
#include "exportbatch.h"
#include "output.h"
#include "qttransport.h"
#include "retention.h"
#include "syncengine.h"

#include <QJsonArray>
#include <QThread>
#include <csignal>

namespace cz::ctl {

namespace {

using namespace cz::sync;

volatile std::sig_atomic_t g_stop = 0;
void requestStop(int) {
    g_stop = 1;
}

QString timeText(qint64 ms) {
    return ms > 0 ? localDateTimeText(ms) : Tr::tr("never");
}

// ---- enroll ----------------------------------------------------------------------------------

void defineEnroll(QCommandLineParser& p) {
    p.addOption(option(QStringLiteral("server"),
                       Tr::tr("The county server's address, e.g. https://county.example:8443."),
                       QStringLiteral("URL")));
    p.addOption(option(QStringLiteral("code"),
                       Tr::tr("The one-time enrolment code from the county centre, or the text of its QR "
                              "invite (which also names the server)."),
                       QStringLiteral("CODE")));
    p.addOption(
        option(QStringLiteral("ca-cert"),
               Tr::tr("A PEM certificate to trust for the county server (when the county signs its own)."),
               QStringLiteral("FILE")));
    p.addOption(option(QStringLiteral("force"),
                       Tr::tr("Enrol even though the station is enrolled with another county server or as "
                              "another station (its waiting changes then go to the new one).")));
}

int runEnroll(Context& ctx, const QCommandLineParser& p) {
    if (int bad = noPositionals(ctx, p))
        return bad;
    // --code also takes the text of the county's QR invite, which names the server as well.
    const auto invite = parseInvite(p.value(QStringLiteral("code")));
    const QString server = invite ? invite->serverUrl : p.value(QStringLiteral("server"));
    const QString code = invite ? invite->code : p.value(QStringLiteral("code"));
    for (const auto& [name, value] :
         {std::pair{QStringLiteral("server"), server}, std::pair{QStringLiteral("code"), code}}) {
        if (value.isEmpty())
            return ctx.out.usage(Tr::tr("Give --%1.").arg(name), ctx.command);
    }
    QByteArray ca;
    if (p.isSet(QStringLiteral("ca-cert"))) {
        QFile file(p.value(QStringLiteral("ca-cert")));
        if (!file.open(QIODevice::ReadOnly))
            return ctx.out.fail(
                {ErrorKind::BadInput,
                 QStringLiteral("sync.ca_cert_unreadable"),
                 Tr::tr("Cannot read the certificate %1: %2").arg(file.fileName(), file.errorString()),
                 {}});
        ca = file.readAll();
    }
    QtTransport transport;
    SyncEngine engine(ctx.station().database(), transport, ctx.station().clock());
    auto r = engine.enroll(server, code, ca, p.isSet(QStringLiteral("force")));
    if (!r)
        return ctx.out.fail(r.error());
    auto s = engine.store().status();
    if (ctx.out.json()) {
        ctx.out.object({{QStringLiteral("station_id"), r->stationId},
                        {QStringLiteral("name"), r->name},
                        {QStringLiteral("township"), r->township},
                        {QStringLiteral("server"), s ? s->serverUrl : server},
                        {QStringLiteral("epoch"), r->epoch}});
        return 0;
    }
    ctx.out.fields({{Tr::tr("Server"), s ? s->serverUrl : server},
                    {Tr::tr("County's station id"), r->stationId},
                    {Tr::tr("Registered as"), QStringLiteral("%1 (%2)").arg(r->name, r->township)}});
    ctx.out.note(Tr::tr("Enrolled. Run \"cunzhanctl sync\" to send the station's changes."));
    return 0;
}

// ---- sync ------------------------------------------------------------------------------------

void defineSync(QCommandLineParser& p) {
    p.addOption(option(QStringLiteral("once"),
                       Tr::tr("Sync once and exit: 0 done, 5 the county cannot be reached (try later), 3 the "
                              "station must be enrolled (again), 1 the county refused.")));
}

// One line (or JSON object) per attempt.
void printAttempt(const Context& ctx, const Result<SyncReport>& r, qint64 retryInMs) {
    if (ctx.out.json()) {
        QJsonObject o{{QStringLiteral("ok"), r.has_value()}};
        if (r) {
            o.insert(QStringLiteral("pushed"), r->pushed);
            o.insert(QStringLiteral("rejected"), r->rejected);
            o.insert(QStringLiteral("pulled"), r->pulled);
            o.insert(QStringLiteral("epoch_changed"), r->epochChanged);
        } else {
            o.insert(QStringLiteral("code"), r.error().code);
            o.insert(QStringLiteral("message"), r.error().message);
        }
        if (retryInMs >= 0)
            o.insert(QStringLiteral("next_attempt_in_ms"), retryInMs);
        ctx.out.object(o);
        return;
    }
    QString line =
        r ? Tr::tr("Sent %n change(s)", nullptr, r->pushed) +
                (r->rejected ? Tr::tr(" (%n refused by the county)", nullptr, r->rejected) : QString()) +
                Tr::tr(", received %n from the county.", nullptr, r->pulled)
          : Tr::tr("Sync failed: %1").arg(r.error().message);
    if (retryInMs >= 0)
        line += QLatin1Char(' ') +
                Tr::tr("Next attempt in %n second(s).", nullptr, static_cast<int>(retryInMs / 1000));
    ctx.out.text(QStringLiteral("%1  %2").arg(localDateTimeText(ctx.station().clock().nowMs()), line));
}

bool needsEnrolment(const Error& e) {
    return e.code == kErrUnauthorized || e.code == kErrNotEnrolled;
}

int runSync(Context& ctx, const QCommandLineParser& p) {
    if (int bad = noPositionals(ctx, p))
        return bad;
    QtTransport transport;
    SyncEngine engine(ctx.station().database(), transport, ctx.station().clock());
    if (p.isSet(QStringLiteral("once"))) {
        auto r = engine.runOnce();
        if (!r)
            return ctx.out.fail(r.error());
        printAttempt(ctx, r, -1);
        return 0;
    }
    // The loop waits in real time, whatever clock the station runs on.
    SystemClock wall;
    Backoff backoff(wall);
    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    while (!g_stop) {
        auto r = engine.runOnce();
        if (!r && needsEnrolment(r.error()))
            return ctx.out.fail(r.error());
        r ? backoff.succeeded() : backoff.failed();
        printAttempt(ctx, r, backoff.msUntilNext());
        while (!g_stop && backoff.msUntilNext() > 0)
            QThread::msleep(static_cast<unsigned long>(std::min<qint64>(200, backoff.msUntilNext())));
    }
    return 0;
}

// ---- sync-status -----------------------------------------------------------------------------

void defineSyncStatus(QCommandLineParser&) {}

int runSyncStatus(Context& ctx, const QCommandLineParser& p) {
    if (int bad = noPositionals(ctx, p))
        return bad;
    auto s = SyncStore(ctx.station().database(), ctx.station().clock()).status();
    if (!s)
        return ctx.out.fail(s.error());
    if (ctx.out.json()) {
        ctx.out.object(s->toJson());
        return 0;
    }
    const QString none = QStringLiteral("-");
    ctx.out.fields({{Tr::tr("Enrolled"), s->enrolled ? Tr::tr("yes") : Tr::tr("no")},
                    {Tr::tr("Server"), s->serverUrl.isEmpty() ? none : s->serverUrl},
                    {Tr::tr("County's station id"), s->stationId.isEmpty() ? none : s->stationId},
                    {Tr::tr("Waiting to send"), QString::number(s->pending)},
                    {Tr::tr("Refused by the county"), QString::number(s->rejected.size())},
                    {Tr::tr("Last success"), timeText(s->lastSuccessAt)},
                    {Tr::tr("Last attempt"), timeText(s->lastAttemptAt)},
                    {Tr::tr("Last error"), s->lastError.isEmpty() ? none : s->lastError}});
    if (s->rejected.isEmpty())
        return 0;
    Table t{{Tr::tr("Change"), Tr::tr("Kind"), Tr::tr("Record"), Tr::tr("Reason")}, {}};
    for (const RejectedOp& op : s->rejected)
        t.rows << QStringList{op.opId, op.kind, op.entityId, op.reason.isEmpty() ? op.reasonCode : op.reason};
    ctx.out.text(QString());
    ctx.out.table(t);
    return 0;
}

// ---- export-batch ----------------------------------------------------------------------------

void defineExportBatch(QCommandLineParser& p) {
    p.addPositionalArgument(QStringLiteral("FILE"), Tr::tr("Where to write the batch, e.g. on a USB stick."));
}

int runExportBatch(Context& ctx, const QCommandLineParser& p) {
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 1)
        return ctx.out.usage(Tr::tr("Give one file to write."), ctx.command);
    if (auto st = ctx.station().require(Permission::ExportData); !st)
        return ctx.out.fail(st.error());
    SyncStore store(ctx.station().database(), ctx.station().clock());
    auto n = exportBatch(store, pos.first());
    if (n)
        (void)ctx.station().audit(QStringLiteral("export.batch"), n->files.join(QLatin1Char(' ')),
                                  QString::number(n->ops));
    if (!n)
        return ctx.out.fail(n.error());
    if (ctx.out.json()) {
        ctx.out.object({{QStringLiteral("file"), n->files.first()},
                        {QStringLiteral("files"), QJsonArray::fromStringList(n->files)},
                        {QStringLiteral("ops"), n->ops},
                        {QStringLiteral("signed"), n->isSigned}});
        return 0;
    }
    if (n->files.size() == 1)
        ctx.out.note(Tr::tr("Wrote %n change(s) to %1. Take the file to the county centre; the changes are "
                            "also sent again by the next sync.",
                            nullptr, n->ops)
                         .arg(n->files.first()));
    else
        ctx.out.note(Tr::tr("Wrote %n change(s) in %1 files, %2 to %3. Take all of them to the county "
                            "centre; the changes are also sent again by the next sync.",
                            nullptr, n->ops)
                         .arg(n->files.size())
                         .arg(n->files.first(), n->files.last()));
    if (!n->isSigned)
        ctx.out.note(Tr::tr("The station was enrolled before batches were signed, so the file is not "
                            "signed: the county imports it only when told to. Enrol again to sign them."));
    return 0;
}

// ---- maintenance -----------------------------------------------------------------------------

void defineMaintenance(QCommandLineParser&) {}

// Prunes what the station no longer needs (retention.h) in short batches, so the terminal can keep
// working meanwhile, then checkpoints the write-ahead log.
int runMaintenance(Context& ctx, const QCommandLineParser& p) {
    if (int bad = noPositionals(ctx, p))
        return bad;
    Database& db = ctx.station().database();
    auto ops = pruneOutbox(db, ctx.station().clock());
    if (!ops)
        return ctx.out.fail(ops.error());
    auto notices = pruneNotifications(db, ctx.station().clock());
    if (!notices)
        return ctx.out.fail(notices.error());
    if (auto st = checkpoint(db); !st)
        return ctx.out.fail(st.error());
    if (ctx.out.json()) {
        ctx.out.object({{QStringLiteral("ops_pruned"), ops->pruned},
                        {QStringLiteral("notices_pruned"), notices->pruned},
                        {QStringLiteral("cutoff"), ops->cutoffMs}});
        return 0;
    }
    ctx.out.note(Tr::tr("Removed %n change(s) the county acknowledged before %1, and %2 notice(s) of parcels "
                        "that have left the station.",
                        nullptr, static_cast<int>(ops->pruned))
                     .arg(timeText(ops->cutoffMs))
                     .arg(notices->pruned));
    return 0;
}

} // namespace

QList<Command> syncCommands() {
    return {
        {QStringLiteral("enroll"),
         Tr::tr("Enrol the station with the county server (once, with the county's code)."),
         QStringLiteral("--server URL --code CODE [--ca-cert FILE] [--force]"), true, false, defineEnroll,
         runEnroll},
        {QStringLiteral("sync"),
         Tr::tr("Send the station's changes to the county and fetch the county's; "
                "keeps retrying until stopped, or once with --once."),
         QStringLiteral("[--once]"), true, false, defineSync, runSync},
        {QStringLiteral("sync-status"),
         Tr::tr("Enrolment, changes waiting to be sent, refused changes, last sync."), QString(), false,
         false, defineSyncStatus, runSyncStatus},
        {QStringLiteral("export-batch"),
         Tr::tr("Write the changes not yet sent to a file for the county (USB)."), QStringLiteral("FILE"),
         true, false, defineExportBatch, runExportBatch},
        {QStringLiteral("maintenance"),
         Tr::tr("Remove acknowledged changes and notices older than outbox_retention_days, in small steps."),
         QString(), false, false, defineMaintenance, runMaintenance},
    };
}

} // namespace cz::ctl
