// Paper and barcodes: print (slips, labels, lists, manifests, shelf labels to PDF or a CUPS queue,
// with a spool of failed jobs beside the database) and decode (barcodes in image files).
#include "barcode.h"
#include "commands.h"
#include "cups.h"
#include "dispatch.h"
#include "documents.h"
#include "fromstation.h"
#include "output.h"
#include "pdf.h"
#include "printqueue.h"
#include "rawlang.h"
#include "context.h"
#include "pickup.h"
#include "query.h"
#include "shelfaudit.h"

#include <QDir>
#include <QFileInfo>
#include <QImageReader>
#include <QJsonArray>

namespace cz::ctl {

namespace {

// Jobs a printer did not take wait here, beside the database, until "print --retry".
QString spoolDir(const Context& ctx) {
    return QFileInfo(ctx.dbPath).dir().filePath(QStringLiteral("print-spool"));
}

// ---- print -----------------------------------------------------------------------------------

void definePrint(QCommandLineParser& p) {
    p.addPositionalArgument(QStringLiteral("WHAT"),
                            Tr::tr("slip (pickup slip, --code), label (waybill label of a sent parcel, "
                                   "--waybill), arrivals (the day's list, --date), manifest (the open one, "
                                   "or --id), shelf-label (--slot)."),
                            QStringLiteral("slip|label|arrivals|manifest|shelf-label"));
    p.addOption(option(QStringLiteral("code"), Tr::tr("slip: the pickup code."), QStringLiteral("CODE")));
    p.addOption(option(QStringLiteral("waybill"), Tr::tr("label: the waybill of the sent parcel."),
                       QStringLiteral("W")));
    p.addOption(option(QStringLiteral("date"), Tr::tr("arrivals: the day, YYYY-MM-DD (default today)."),
                       QStringLiteral("DATE")));
    p.addOption(option(QStringLiteral("id"), Tr::tr("manifest: the manifest id (default: the open one)."),
                       QStringLiteral("ID")));
    p.addOption(
        option(QStringLiteral("slot"), Tr::tr("shelf-label: the place, e.g. 3-2."), QStringLiteral("SLOT")));
    p.addOption(option(QStringLiteral("paper"), Tr::tr("slip: receipt paper width, 58 (default) or 80 mm."),
                       QStringLiteral("58|80")));
    p.addOption(option(QStringLiteral("size"), Tr::tr("label: 76x130 (default) or 100x150 mm."),
                       QStringLiteral("SIZE")));
    p.addOption(
        option(QStringLiteral("pdf"), Tr::tr("Write the document as PDF to FILE."), QStringLiteral("FILE")));
    p.addOption(
        option(QStringLiteral("printer"), Tr::tr("Print on this CUPS queue."), QStringLiteral("QUEUE")));
    p.addOption(
        option(QStringLiteral("raw"),
               Tr::tr("With --printer: send a bitmap at 203 dpi in the printer's own language, escpos, "
                      "zpl or tspl, instead of PDF."),
               QStringLiteral("LANG")));
    p.addOption(option(QStringLiteral("pending"), Tr::tr("List the jobs a printer has not taken yet.")));
    p.addOption(option(QStringLiteral("retry"), Tr::tr("Send the waiting jobs again, oldest first.")));
}

Result<print::Document> slipDocument(Context& ctx, const QCommandLineParser& p) {
    print::SlipPaper paper = print::SlipPaper::Mm58;
    if (p.isSet(QStringLiteral("paper"))) {
        const QString v = p.value(QStringLiteral("paper")).trimmed();
        if (v != QLatin1String("58") && v != QLatin1String("80"))
            return fail(usageError(Tr::tr("--paper is 58 or 80, not \"%1\".").arg(v)));
        paper = v == QLatin1String("80") ? print::SlipPaper::Mm80 : print::SlipPaper::Mm58;
    }
    if (!p.isSet(QStringLiteral("code")))
        return fail(usageError(Tr::tr("Give the pickup code with --code.")));
    auto found = Pickup(ctx.station()).findByCode(p.value(QStringLiteral("code")));
    if (!found)
        return fail(found.error());
    if (found->isEmpty())
        return fail(ErrorKind::NotFound, QStringLiteral("parcel.not_found"),
                    Tr::tr("No parcel in the station has the pickup code %1.")
                        .arg(p.value(QStringLiteral("code")).trimmed().toUpper()));
    return print::pickupSlip(print::slipData(ctx.station(), found->first()), paper);
}

Result<print::Document> labelDocument(Context& ctx, const QCommandLineParser& p) {
    print::LabelSize size = print::LabelSize::Mm76x130;
    if (p.isSet(QStringLiteral("size"))) {
        const QString v = p.value(QStringLiteral("size")).trimmed().toLower();
        if (v != QLatin1String("76x130") && v != QLatin1String("100x150"))
            return fail(usageError(Tr::tr("--size is 76x130 or 100x150, not \"%1\".").arg(v)));
        size = v == QLatin1String("100x150") ? print::LabelSize::Mm100x150 : print::LabelSize::Mm76x130;
    }
    if (!p.isSet(QStringLiteral("waybill")))
        return fail(usageError(Tr::tr("Give the waybill of the sent parcel with --waybill.")));
    auto d = DispatchDesk(ctx.station()).dispatch(p.value(QStringLiteral("waybill")));
    if (!d)
        return fail(d.error());
    return print::waybillLabel(print::labelData(*d, ctx.station().carriers()), size);
}

Result<print::Document> arrivalsDocument(Context& ctx, const QCommandLineParser& p) {
    QDate day = localDate(ctx.station().clock().nowMs());
    if (p.isSet(QStringLiteral("date"))) {
        day = QDate::fromString(p.value(QStringLiteral("date")).trimmed(), Qt::ISODate);
        if (!day.isValid())
            return fail(
                usageError(Tr::tr("The date is written YYYY-MM-DD, for example 2026-11-28, not \"%1\".")
                               .arg(p.value(QStringLiteral("date")))));
    }
    auto parcels = ParcelQueries(ctx.station()).arrivals(day);
    if (!parcels)
        return fail(parcels.error());
    return print::arrivalList(print::arrivalListData(ctx.station(), day, *parcels));
}

Result<print::Document> manifestDocument(Context& ctx, const QCommandLineParser& p) {
    Manifests manifests(ctx.station());
    auto m = p.isSet(QStringLiteral("id")) ? manifests.manifest(p.value(QStringLiteral("id")).trimmed())
                                           : manifests.openManifest();
    if (!m)
        return fail(m.error());
    if (m->bags.isEmpty())
        return fail(ErrorKind::Conflict, QStringLiteral("manifest.empty"),
                    Tr::tr("The open manifest has no bags yet. To print a manifest already handed over, give "
                           "its id with --id (\"manifest handover\" shows it)."));
    auto data = print::manifestData(ctx.station(), *m);
    if (!data)
        return fail(data.error());
    return print::manifest(*data);
}

Result<print::Document> shelfDocument(Context& ctx, const QCommandLineParser& p) {
    if (!p.isSet(QStringLiteral("slot")))
        return fail(usageError(Tr::tr("Give the place with --slot, e.g. 3-2.")));
    const QString wanted = p.value(QStringLiteral("slot")).trimmed().toUpper();
    auto loads = ShelfAudit(ctx.station()).slotLoads();
    if (!loads)
        return fail(loads.error());
    QStringList names;
    for (const SlotLoad& l : *loads) {
        if (l.slot.name().toUpper() == wanted)
            return print::shelfLabel(l.slot.name());
        names << l.slot.name();
    }
    return fail(ErrorKind::NotFound, QStringLiteral("slot.not_found"),
                Tr::tr("The station has no place %1.").arg(wanted), names);
}

Result<print::Document> document(Context& ctx, const QCommandLineParser& p) {
    const QStringList pos = p.positionalArguments();
    const QString what = pos.value(0);
    if (pos.size() != 1)
        return fail(usageError(Tr::tr("Say what to print: slip, label, arrivals, manifest or shelf-label.")));
    if (p.isSet(QStringLiteral("paper")) && what != QLatin1String("slip"))
        return fail(usageError(Tr::tr("--paper goes with slip.")));
    if (p.isSet(QStringLiteral("size")) && what != QLatin1String("label"))
        return fail(usageError(Tr::tr("--size goes with label.")));
    if (what == QLatin1String("slip"))
        return slipDocument(ctx, p);
    if (what == QLatin1String("label"))
        return labelDocument(ctx, p);
    if (what == QLatin1String("arrivals"))
        return arrivalsDocument(ctx, p);
    if (what == QLatin1String("manifest"))
        return manifestDocument(ctx, p);
    if (what == QLatin1String("shelf-label"))
        return shelfDocument(ctx, p);
    return fail(
        usageError(Tr::tr("\"%1\" is not something to print: slip, label, arrivals, manifest or shelf-label.")
                       .arg(what)));
}

// A raw job: every page rasterised at the thermal printers' 203 dpi, in the printer's language.
Result<print::PrintJob> rawJob(const print::Document& doc, const QString& language, const QString& printer) {
    QByteArray data;
    for (int page = 0; page < doc.pages; ++page) {
        const QImage image = print::renderPage(doc, page, print::kThermalDpi);
        if (language == QLatin1String("escpos"))
            data += print::escPosRaster(image);
        else if (language == QLatin1String("zpl"))
            data += print::zplGraphic(image);
        else if (language == QLatin1String("tspl"))
            data += print::tsplBitmap(image, doc.pageMm);
        else
            return fail(usageError(Tr::tr("--raw is escpos, zpl or tspl, not \"%1\".").arg(language)));
    }
    return print::makeRawJob(data, printer, doc.title);
}

QJsonObject jobJson(const print::PrintJob& job) {
    return {{QStringLiteral("id"), job.id},
            {QStringLiteral("printer"), job.printer},
            {QStringLiteral("title"), job.title},
            {QStringLiteral("format"),
             job.format == print::JobFormat::Pdf ? QStringLiteral("pdf") : QStringLiteral("raw")},
            {QStringLiteral("attempts"), job.attempts},
            {QStringLiteral("last_error"), job.lastError}};
}

int listPending(const Context& ctx, print::PrintQueue& queue) {
    const QList<print::PrintJob> jobs = queue.pending();
    if (ctx.out.json()) {
        for (const print::PrintJob& job : jobs)
            ctx.out.object(jobJson(job));
        return 0;
    }
    if (jobs.isEmpty()) {
        ctx.out.note(Tr::tr("No print jobs are waiting."));
        return 0;
    }
    Table t{{Tr::tr("Job"), Tr::tr("Printer"), Tr::tr("Document"), Tr::tr("Attempts"), Tr::tr("Last error")},
            {}};
    for (const print::PrintJob& job : jobs)
        t.rows << QStringList{job.id, job.printer, job.title, QString::number(job.attempts), job.lastError};
    ctx.out.table(t);
    return 0;
}

int retryPending(const Context& ctx, print::PrintQueue& queue) {
    const int waiting = static_cast<int>(queue.pending().size());
    auto printed = queue.retry();
    if (!printed) {
        const int code = ctx.out.fail(printed.error());
        ctx.out.note(
            Tr::tr("%n job(s) still waiting in %1.", nullptr, static_cast<int>(queue.pending().size()))
                .arg(queue.spoolDir()));
        return code;
    }
    if (ctx.out.json())
        ctx.out.object({{QStringLiteral("printed"), *printed}, {QStringLiteral("waiting"), 0}});
    else
        ctx.out.text(waiting ? Tr::tr("Printed %n waiting job(s).", nullptr, *printed)
                             : Tr::tr("No print jobs were waiting."));
    return 0;
}

int sendToPrinter(const Context& ctx, const QCommandLineParser& p, const print::Document& doc) {
    const QString printer = p.value(QStringLiteral("printer")).trimmed();
    auto job = p.isSet(QStringLiteral("raw"))
                   ? rawJob(doc, p.value(QStringLiteral("raw")).trimmed().toLower(), printer)
                   : print::makePdfJob(doc, printer);
    if (!job)
        return report(ctx, job.error());
    print::CupsBackend backend;
    print::PrintQueue queue(backend, spoolDir(ctx));
    auto printed = queue.submit(*job);
    if (!printed) {
        const int code = ctx.out.fail(printed.error());
        if (!queue.isEmpty())
            ctx.out.note(Tr::tr("The job is kept in %1; run \"cunzhanctl print --retry\" when the printer is "
                                "ready.")
                             .arg(queue.spoolDir()));
        return code;
    }
    if (ctx.out.json())
        ctx.out.object({{QStringLiteral("printer"), printer},
                        {QStringLiteral("title"), doc.title},
                        {QStringLiteral("cups_job_id"), *printed}});
    else
        ctx.out.text(Tr::tr("Printed \"%1\" on %2 (job %3).").arg(doc.title, printer).arg(*printed));
    return 0;
}

int runPrint(Context& ctx, const QCommandLineParser& p) {
    const bool pending = p.isSet(QStringLiteral("pending")), retry = p.isSet(QStringLiteral("retry"));
    if (pending || retry) {
        if (pending && retry)
            return ctx.out.usage(Tr::tr("Use --pending or --retry, not both."), ctx.command);
        if (int bad = noPositionals(ctx, p))
            return bad;
        print::CupsBackend backend;
        print::PrintQueue queue(backend, spoolDir(ctx));
        return pending ? listPending(ctx, queue) : retryPending(ctx, queue);
    }
    const bool toPdf = p.isSet(QStringLiteral("pdf")), toPrinter = p.isSet(QStringLiteral("printer"));
    if (toPdf == toPrinter)
        return ctx.out.usage(Tr::tr("Say where the paper goes: --pdf FILE or --printer QUEUE (one of them)."),
                             ctx.command);
    if (p.isSet(QStringLiteral("raw")) && !toPrinter)
        return ctx.out.usage(Tr::tr("--raw goes with --printer."), ctx.command);
    auto doc = document(ctx, p);
    if (!doc)
        return report(ctx, doc.error());
    if (toPrinter)
        return sendToPrinter(ctx, p, *doc);
    const QString path = QFileInfo(p.value(QStringLiteral("pdf"))).absoluteFilePath();
    if (auto st = print::printToPdf(*doc, path); !st)
        return ctx.out.fail(st.error());
    if (ctx.out.json())
        ctx.out.object({{QStringLiteral("pdf"), path},
                        {QStringLiteral("title"), doc->title},
                        {QStringLiteral("pages"), doc->pages}});
    else
        ctx.out.text(Tr::tr("Wrote %1 (%n page(s)).", nullptr, doc->pages).arg(path));
    return 0;
}

// ---- decode ----------------------------------------------------------------------------------

void defineDecode(QCommandLineParser& p) {
    p.addPositionalArgument(QStringLiteral("IMAGE"),
                            Tr::tr("Image files (PNG, JPEG, ...) to read barcodes from."),
                            QStringLiteral("IMAGE..."));
}

int runDecode(Context& ctx, const QCommandLineParser& p) {
    const QStringList files = p.positionalArguments();
    if (files.isEmpty())
        return ctx.out.usage(Tr::tr("Give one or more image files."), ctx.command);
    Table t{{Tr::tr("File"), Tr::tr("Format"), Tr::tr("Text")}, {}};
    int unreadableCode = 0, found = 0;
    QStringList without;
    for (const QString& file : files) {
        QImageReader reader(file);
        const QImage image = reader.read();
        if (image.isNull()) {
            unreadableCode =
                ctx.out.fail({ErrorKind::BadInput,
                              QStringLiteral("image.unreadable"),
                              Tr::tr("Cannot read the image %1: %2").arg(file, reader.errorString()),
                              {file}});
            continue;
        }
        const QList<barcode::Decoded> codes = barcode::decode(image);
        if (codes.isEmpty())
            without << file;
        for (const barcode::Decoded& c : codes) {
            ++found;
            if (ctx.out.json())
                ctx.out.object({{QStringLiteral("file"), file},
                                {QStringLiteral("format"), c.format},
                                {QStringLiteral("text"), c.text}});
            else
                t.rows << QStringList{file, c.format, c.text};
        }
    }
    if (!t.rows.isEmpty())
        ctx.out.table(t);
    if (unreadableCode)
        return unreadableCode;
    if (!found)
        return ctx.out.fail({ErrorKind::NotFound, QStringLiteral("decode.nothing"),
                             Tr::tr("No barcode was found in %1.").arg(without.join(QStringLiteral(", "))),
                             without});
    for (const QString& file : without)
        ctx.out.note(Tr::tr("No barcode was found in %1.").arg(file));
    return 0;
}

} // namespace

QList<Command> printCommands() {
    return {
        {QStringLiteral("print"),
         Tr::tr("Print a slip, label, arrival list, manifest or shelf label to PDF or a printer; --pending, "
                "--retry."),
         QStringLiteral(
             "(slip --code CODE | label --waybill W | arrivals [--date D] | manifest [--id ID] | "
             "shelf-label --slot S) [--paper 58|80] [--size 76x130|100x150] (--pdf FILE | --printer "
             "QUEUE [--raw escpos|zpl|tspl]) | --pending | --retry"),
         true, false, definePrint, runPrint},
        {QStringLiteral("decode"), Tr::tr("Read the barcodes in image files."), QStringLiteral("IMAGE..."),
         false, false, defineDecode, runDecode, false},
    };
}

} // namespace cz::ctl
