// The daily parcel commands: receive, pickup, undo-pickup, list, overdue, return, arrivals.
#include "commands.h"
#include "output.h"
#include "privacy.h"
#include "context.h"
#include "inbound.h"
#include "overdue.h"
#include "pickup.h"
#include "query.h"

#include <QJsonArray>

namespace cz::ctl {

namespace {

Result<QList<Parcel>> findInStation(StationContext& station, const Choice& c) {
    Pickup pickup(station);
    if (c.option == QLatin1String("code"))
        return pickup.findByCode(c.value);
    if (c.option == QLatin1String("waybill"))
        return pickup.findByWaybill(c.value);
    return pickup.findByPhoneTail(c.value);
}

// ---- receive ---------------------------------------------------------------------------------

void defineReceive(QCommandLineParser& p) {
    p.addPositionalArgument(QStringLiteral("WAYBILL"), Tr::tr("The waybill number, scanned or typed."));
    p.addOption(
        option(QStringLiteral("phone"),
               Tr::tr("The recipient's mobile number, or its last 4 digits (required unless the county "
                      "pre-alerted the waybill)."),
               QStringLiteral("PHONE")));
    p.addOption(
        option(QStringLiteral("name"), Tr::tr("The recipient's name (optional)."), QStringLiteral("NAME")));
    p.addOption(
        option(QStringLiteral("carrier"),
               Tr::tr("The carrier code (SF, ZTO, YTO, ...). Needed when several carriers use numbers like "
                      "this one; \"cunzhanctl carriers WAYBILL\" lists them."),
               QStringLiteral("CODE")));
    p.addOption(
        option(QStringLiteral("pref"),
               Tr::tr("Delivery preference: pickup, door or family. Default: the recipient's last choice, "
                      "else pickup."),
               QStringLiteral("PREF")));
}

int runReceive(Context& ctx, const QCommandLineParser& p) {
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 1)
        return ctx.out.usage(pos.isEmpty() ? Tr::tr("Give the waybill number.")
                                           : Tr::tr("Give one waybill number."),
                             ctx.command);
    // Without --phone the county's pre-alert for the waybill gives it, or receive says it is missing.
    ReceiveRequest request{pos.first(), p.value(QStringLiteral("phone")), p.value(QStringLiteral("name")),
                           p.value(QStringLiteral("carrier")), std::nullopt};
    if (p.isSet(QStringLiteral("pref"))) {
        request.pref = deliveryPrefFrom(p.value(QStringLiteral("pref")).trimmed().toLower());
        if (!request.pref)
            return ctx.out.usage(Tr::tr("The delivery preference is pickup, door or family, not \"%1\".")
                                     .arg(p.value(QStringLiteral("pref"))),
                                 ctx.command);
    }
    auto r = Inbound(ctx.station()).receive(request);
    if (!r) {
        const int code = ctx.out.fail(r.error());
        if (r.error().code == QLatin1String("carrier.ambiguous")) {
            // Codes are what --carrier takes; the names say which carrier each one is.
            QStringList choices;
            for (const QString& carrier : r.error().details)
                choices << QStringLiteral("%1 (%2)").arg(carrier,
                                                         ctx.station().carriers().displayName(carrier));
            ctx.out.note(Tr::tr("Run the command again with --carrier CODE, where CODE is one of: %1.")
                             .arg(choices.join(QStringLiteral(", "))));
        }
        return code;
    }
    const Parcel& parcel = r->parcel;
    if (ctx.out.json()) {
        QJsonObject o = parcel.toPublicJson();
        o.insert(QStringLiteral("slot"), parcel.slotName());
        o.insert(QStringLiteral("kept_together"), r->keptTogether);
        o.insert(QStringLiteral("over_capacity"), r->overCapacity);
        o.insert(QStringLiteral("prealerted"), r->prealerted);
        ctx.out.object(o);
    } else {
        ctx.out.fields(
            {{Tr::tr("Pickup code"), parcel.pickupCode},
             {Tr::tr("Place"), parcel.slotName()},
             {Tr::tr("Phone"), parcel.maskedPhone()},
             {Tr::tr("Name"), parcel.maskedName().isEmpty() ? QStringLiteral("-") : parcel.maskedName()},
             {Tr::tr("Carrier"), ctx.station().carriers().displayName(parcel.carrier)},
             {Tr::tr("Waybill"), parcel.waybill}});
    }
    if (r->prealerted)
        ctx.out.note(Tr::tr("The recipient comes from the county's pre-alert."));
    if (r->keptTogether)
        ctx.out.note(Tr::tr("Placed beside the same recipient's other waiting parcels."));
    if (r->overCapacity)
        ctx.out.note(Tr::tr("Warning: every place is full; the parcel was put on the least loaded one."));
    return 0;
}

// ---- pickup ----------------------------------------------------------------------------------

void definePickup(QCommandLineParser& p) {
    p.addOption(option(QStringLiteral("code"), Tr::tr("Hand over the parcel with this pickup code."),
                       QStringLiteral("CODE")));
    p.addOption(option(QStringLiteral("phone-tail"),
                       Tr::tr("Hand over the waiting parcels whose phone number ends with these 4 digits."),
                       QStringLiteral("NNNN")));
    p.addOption(option(QStringLiteral("waybill"), Tr::tr("Hand over the parcel with this waybill number."),
                       QStringLiteral("WAYBILL")));
    p.addOption(option(QStringLiteral("collector"),
                       Tr::tr("Name of the person collecting, when it is not the recipient."),
                       QStringLiteral("NAME")));
    p.addOption(
        option(QStringLiteral("all"),
               Tr::tr("With --phone-tail: hand over all the matching parcels even when they belong to "
                      "different people.")));
}

int runPickup(Context& ctx, const QCommandLineParser& p) {
    if (int bad = noPositionals(ctx, p))
        return bad;
    auto choice =
        exactlyOne(p, {QStringLiteral("code"), QStringLiteral("phone-tail"), QStringLiteral("waybill")});
    if (!choice)
        return ctx.out.usage(choice.error().message, ctx.command);
    const PickupLookup::By by = choice->option == QLatin1String("code")      ? PickupLookup::By::Code
                                : choice->option == QLatin1String("waybill") ? PickupLookup::By::Waybill
                                                                             : PickupLookup::By::PhoneTail;
    auto found = Pickup(ctx.station()).lookUp(by, choice->value);
    if (!found)
        return ctx.out.fail(found.error());
    // Nothing waiting: marked for return or already handed over (3, saying when and to whom), or
    // nothing at all (4).
    if (found->nothingWaiting)
        return ctx.out.fail(*found->nothingWaiting);

    const bool all = p.isSet(QStringLiteral("all"));
    if (found->severalPeople() && !all) {
        QStringList codes;
        for (const PersonParcels& person : std::as_const(found->people))
            for (const Parcel& parcel : person.parcels)
                codes << parcel.pickupCode;
        const int code = ctx.out.fail(
            {ErrorKind::Conflict, QStringLiteral("pickup.several_people"),
             Tr::tr("The waiting parcels for phone tail %1 may belong to different people. Hand them over by "
                    "pickup code, or add --all to hand over all of them.")
                 .arg(found->value),
             codes});
        for (const PersonParcels& person : std::as_const(found->people)) {
            QStringList theirs;
            for (const Parcel& parcel : person.parcels)
                theirs << parcel.pickupCode;
            ctx.out.note(
                QStringLiteral("  %1  %2").arg(person.maskedLabel(), theirs.join(QStringLiteral(" "))));
        }
        return code;
    }

    // By code or waybill, exactly that parcel; the person's other waiting parcels are named.
    QList<Parcel> chosen;
    QStringList alsoWaiting;
    for (const PersonParcels& person : std::as_const(found->people)) {
        for (const Parcel& parcel : person.parcels) {
            if (by == PickupLookup::By::PhoneTail || chosen.isEmpty())
                chosen << parcel;
            else
                alsoWaiting << parcel.pickupCode;
        }
    }
    QStringList ids;
    for (const Parcel& parcel : std::as_const(chosen))
        ids << parcel.id;
    auto r = Pickup(ctx.station()).handOver(ids, p.value(QStringLiteral("collector")),
                                    all ? Recipients::SeveralPeople : Recipients::OnePerson);
    if (!r)
        return ctx.out.fail(r.error());
    if (ctx.out.json()) {
        QJsonArray parcels;
        for (const Parcel& parcel : r->parcels)
            parcels.append(parcel.toPublicJson());
        ctx.out.object({{QStringLiteral("parcels"), parcels},
                        {QStringLiteral("count"), static_cast<int>(r->parcels.size())},
                        {QStringLiteral("total_fee_fen"), r->totalFeeFen},
                        {QStringLiteral("also_waiting"), QJsonArray::fromStringList(alsoWaiting)}});
    } else {
        ctx.out.table(parcelTable(r->parcels,
                                  {ParcelField::Code, ParcelField::Place, ParcelField::Waybill,
                                   ParcelField::Phone, ParcelField::Fee},
                                  ctx.station().carriers()));
        ctx.out.text(Tr::tr("Handed over %n parcel(s). Fee to collect: %1.", nullptr,
                            static_cast<int>(r->parcels.size()))
                         .arg(yuan(r->totalFeeFen)));
    }
    if (!alsoWaiting.isEmpty())
        ctx.out.note(Tr::tr("The same person has %n more parcel(s) waiting: %1.", nullptr,
                            static_cast<int>(alsoWaiting.size()))
                         .arg(alsoWaiting.join(QStringLiteral(", "))));
    return 0;
}

// ---- undo-pickup -----------------------------------------------------------------------------

void defineUndoPickup(QCommandLineParser& p) {
    p.addOption(option(QStringLiteral("code"), Tr::tr("The pickup code of the handed-over parcel."),
                       QStringLiteral("CODE")));
    p.addOption(option(QStringLiteral("waybill"), Tr::tr("The waybill number of the handed-over parcel."),
                       QStringLiteral("WAYBILL")));
    p.addOption(option(QStringLiteral("id"), Tr::tr("The parcel's id."), QStringLiteral("ID")));
}

int runUndoPickup(Context& ctx, const QCommandLineParser& p) {
    if (int bad = noPositionals(ctx, p))
        return bad;
    auto choice = exactlyOne(p, {QStringLiteral("code"), QStringLiteral("waybill"), QStringLiteral("id")});
    if (!choice)
        return ctx.out.usage(choice.error().message, ctx.command);
    QString id;
    if (choice->option == QLatin1String("id")) {
        id = choice->value.trimmed();
    } else {
        const auto by =
            choice->option == QLatin1String("code") ? PickupLookup::By::Code : PickupLookup::By::Waybill;
        auto done = Pickup(ctx.station()).lastHandedOver(by, choice->value);
        if (!done)
            return ctx.out.fail(done.error());
        if (*done) {
            id = (*done)->id;
        } else {
            // A parcel still in the station: undoPickup explains why there is nothing to undo.
            auto here = findInStation(ctx.station(), *choice);
            if (!here)
                return ctx.out.fail(here.error());
            if (here->isEmpty())
                return ctx.out.fail({ErrorKind::NotFound,
                                     QStringLiteral("parcel.not_found"),
                                     Tr::tr("No handed-over parcel matches %1.").arg(choice->value.trimmed()),
                                     {}});
            id = here->first().id;
        }
    }
    auto r = Pickup(ctx.station()).undoPickup(id);
    if (!r)
        return ctx.out.fail(r.error());
    if (ctx.out.json()) {
        ctx.out.object(r->toPublicJson());
        return 0;
    }
    ctx.out.text(Tr::tr("Handover undone: parcel %1 is back on place %2 with pickup code %3.")
                     .arg(r->waybill, r->slotName(), r->pickupCode));
    return 0;
}

// ---- list ------------------------------------------------------------------------------------

void defineList(QCommandLineParser& p) {
    p.addOption(option(QStringLiteral("status"),
                       Tr::tr("Only parcels in this state: waiting, picked_up or to_return."),
                       QStringLiteral("STATUS")));
    p.addOption(
        option(QStringLiteral("search"),
               Tr::tr("Only parcels whose pickup code, waybill (or its beginning) or phone tail is TEXT."),
               QStringLiteral("TEXT")));
    p.addOption(option(QStringLiteral("limit"), Tr::tr("At most N parcels, newest first (default 200)."),
                       QStringLiteral("N")));
    p.addOption(option(QStringLiteral("today"), Tr::tr("Only parcels received today (local time).")));
}

int runList(Context& ctx, const QCommandLineParser& p) {
    if (int bad = noPositionals(ctx, p))
        return bad;
    ParcelFilter f;
    if (p.isSet(QStringLiteral("status"))) {
        f.status = parcelStatusFrom(p.value(QStringLiteral("status")).trimmed().toLower());
        if (!f.status)
            return ctx.out.usage(Tr::tr("The status is waiting, picked_up or to_return, not \"%1\".")
                                     .arg(p.value(QStringLiteral("status"))),
                                 ctx.command);
    }
    f.text = p.value(QStringLiteral("search"));
    if (p.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        f.limit = p.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || f.limit < 1 || f.limit > 100000)
            return ctx.out.usage(Tr::tr("The limit is a whole number from 1 to 100000, not \"%1\".")
                                     .arg(p.value(QStringLiteral("limit"))),
                                 ctx.command);
    }
    if (p.isSet(QStringLiteral("today"))) {
        f.fromMs = localDayStartMs(localDate(ctx.station().clock().nowMs()));
        f.toMs = f.fromMs + kDayMs;
    }
    auto r = ParcelQueries(ctx.station()).list(f);
    if (!r)
        return ctx.out.fail(r.error());
    if (ctx.out.json()) {
        ctx.out.parcels(*r);
    } else if (r->isEmpty()) {
        ctx.out.note(Tr::tr("No parcels match."));
    } else {
        ctx.out.table(parcelTable(*r, ctx.station().carriers()));
    }
    return 0;
}

// ---- overdue ---------------------------------------------------------------------------------

void defineOverdue(QCommandLineParser& p) {
    p.addOption(
        option(QStringLiteral("remind"),
               Tr::tr("Also queue a reminder notice for each overdue parcel (at most one per parcel per "
                      "day).")));
}

int runOverdue(Context& ctx, const QCommandLineParser& p) {
    if (int bad = noPositionals(ctx, p))
        return bad;
    auto items = Overdue(ctx.station()).overdue();
    if (!items)
        return ctx.out.fail(items.error());
    if (ctx.out.json()) {
        for (const OverdueItem& item : *items) {
            QJsonObject o = item.parcel.toPublicJson();
            o.insert(QStringLiteral("days_held"), item.held.daysHeld);
            o.insert(QStringLiteral("overdue_days"), item.held.feeDays);
            o.insert(QStringLiteral("due_fee_fen"), item.held.feeFen);
            o.insert(QStringLiteral("unclaimed"), item.held.unclaimed);
            ctx.out.object(o);
        }
    } else if (items->isEmpty()) {
        ctx.out.note(Tr::tr("No overdue parcels."));
    } else {
        // The fee due so far is the item's, not yet the parcel's.
        const QList<ParcelField> columns{ParcelField::Code, ParcelField::Place, ParcelField::Waybill,
                                         ParcelField::Phone};
        Table t{parcelHeaders(columns) << Tr::tr("Days held") << Tr::tr("Fee") << Tr::tr("Note"), {}};
        for (const OverdueItem& item : *items)
            t.rows << (parcelRow(item.parcel, columns, ctx.station().carriers())
                       << QString::number(item.held.daysHeld) << formatFen(item.held.feeFen)
                       << (item.held.unclaimed ? Tr::tr("unclaimed: consider returning") : QString()));
        ctx.out.table(t);
    }
    if (!p.isSet(QStringLiteral("remind")))
        return 0;
    auto queued = Overdue(ctx.station()).queueReminders();
    if (!queued)
        return ctx.out.fail(queued.error());
    if (ctx.out.json())
        ctx.out.object({{QStringLiteral("reminders_queued"), *queued}});
    else
        ctx.out.text(Tr::tr("Queued %n reminder(s).", nullptr, *queued));
    return 0;
}

// ---- return ----------------------------------------------------------------------------------

void defineReturn(QCommandLineParser& p) {
    p.addOption(option(QStringLiteral("code"), Tr::tr("Mark the parcel with this pickup code."),
                       QStringLiteral("CODE")));
    p.addOption(option(QStringLiteral("waybill"), Tr::tr("Mark the parcel with this waybill number."),
                       QStringLiteral("WAYBILL")));
    p.addOption(option(QStringLiteral("reason"),
                       Tr::tr("Why it goes back: refused, damaged, lost or unclaimed."),
                       QStringLiteral("REASON")));
    p.addOption(option(QStringLiteral("note"), Tr::tr("A short note (at most 200 characters)."),
                       QStringLiteral("TEXT")));
}

int listReturns(Context& ctx) {
    auto r = Overdue(ctx.station()).returnList();
    if (!r)
        return ctx.out.fail(r.error());
    if (ctx.out.json()) {
        ctx.out.parcels(*r);
        return 0;
    }
    if (r->isEmpty()) {
        ctx.out.note(Tr::tr("No parcels are marked for return."));
        return 0;
    }
    ctx.out.table(parcelTable(*r,
                              {ParcelField::Code, ParcelField::Place, ParcelField::Waybill,
                               ParcelField::Carrier, ParcelField::Phone, ParcelField::ReturnReason},
                              ctx.station().carriers()));
    return 0;
}

int runReturn(Context& ctx, const QCommandLineParser& p) {
    if (int bad = noPositionals(ctx, p))
        return bad;
    const bool selects = p.isSet(QStringLiteral("code")) || p.isSet(QStringLiteral("waybill"));
    if (!selects) {
        if (p.isSet(QStringLiteral("reason")) || p.isSet(QStringLiteral("note")))
            return ctx.out.usage(Tr::tr("Say which parcel to mark with --code or --waybill."), ctx.command);
        return listReturns(ctx);
    }
    auto choice = exactlyOne(p, {QStringLiteral("code"), QStringLiteral("waybill")});
    if (!choice)
        return ctx.out.usage(choice.error().message, ctx.command);
    if (!p.isSet(QStringLiteral("reason")))
        return ctx.out.usage(Tr::tr("Give the reason with --reason (refused, damaged, lost or unclaimed)."),
                             ctx.command);
    const auto reason = returnReasonFrom(p.value(QStringLiteral("reason")).trimmed().toLower());
    if (!reason)
        return ctx.out.usage(Tr::tr("The reason is refused, damaged, lost or unclaimed, not \"%1\".")
                                 .arg(p.value(QStringLiteral("reason"))),
                             ctx.command);
    auto found = findInStation(ctx.station(), *choice);
    if (!found)
        return ctx.out.fail(found.error());
    if (found->isEmpty())
        return ctx.out.fail({ErrorKind::NotFound,
                             QStringLiteral("parcel.not_found"),
                             Tr::tr("No parcel in the station matches %1.").arg(choice->value.trimmed()),
                             {}});
    auto r = Overdue(ctx.station()).markForReturn(found->first().id, *reason, p.value(QStringLiteral("note")));
    if (!r)
        return ctx.out.fail(r.error());
    if (ctx.out.json())
        ctx.out.object(r->toPublicJson());
    else
        ctx.out.text(Tr::tr("Parcel %1 (%2) is marked for return: %3.")
                         .arg(r->pickupCode, r->waybill, returnReasonLabel(*reason)));
    return 0;
}

// ---- arrivals --------------------------------------------------------------------------------

void defineArrivals(QCommandLineParser& p) {
    p.addOption(option(QStringLiteral("date"),
                       Tr::tr("The day, as YYYY-MM-DD in local time (default: today)."),
                       QStringLiteral("DATE")));
}

int runArrivals(Context& ctx, const QCommandLineParser& p) {
    if (int bad = noPositionals(ctx, p))
        return bad;
    QDate day = localDate(ctx.station().clock().nowMs());
    if (p.isSet(QStringLiteral("date"))) {
        day = QDate::fromString(p.value(QStringLiteral("date")).trimmed(), Qt::ISODate);
        if (!day.isValid())
            return ctx.out.usage(Tr::tr("The date is written YYYY-MM-DD, for example 2026-11-28, not \"%1\".")
                                     .arg(p.value(QStringLiteral("date"))),
                                 ctx.command);
    }
    auto r = ParcelQueries(ctx.station()).arrivals(day);
    if (!r)
        return ctx.out.fail(r.error());
    if (ctx.out.json()) {
        ctx.out.parcels(*r);
        return 0;
    }
    if (!r->isEmpty())
        ctx.out.table(parcelTable(*r, ctx.station().carriers()));
    ctx.out.text(Tr::tr("%n parcel(s) arrived on %1.", nullptr, static_cast<int>(r->size()))
                     .arg(day.toString(Qt::ISODate)));
    return 0;
}

} // namespace

QList<Command> parcelCommands() {
    return {
        {QStringLiteral("receive"), Tr::tr("Receive a parcel: prints its pickup code and place."),
         QStringLiteral("WAYBILL --phone PHONE [--name NAME] [--carrier CODE] [--pref pickup|door|family]"),
         true, false, defineReceive, runReceive},
        {QStringLiteral("pickup"), Tr::tr("Hand over waiting parcels in one step and print the fee."),
         QStringLiteral("(--code CODE | --phone-tail NNNN | --waybill WAYBILL) [--collector NAME] [--all]"),
         true, false, definePickup, runPickup},
        {QStringLiteral("undo-pickup"), Tr::tr("Undo a recent handover (within the undo window)."),
         QStringLiteral("(--code CODE | --waybill WAYBILL | --id ID)"), true, false, defineUndoPickup,
         runUndoPickup},
        {QStringLiteral("list"), Tr::tr("List parcels, newest first."),
         QStringLiteral("[--status STATUS] [--search TEXT] [--limit N] [--today]"), true, false, defineList,
         runList},
        {QStringLiteral("overdue"),
         Tr::tr("List overdue parcels with days held and fee; --remind queues reminders."),
         QStringLiteral("[--remind]"), true, false, defineOverdue, runOverdue},
        {QStringLiteral("return"), Tr::tr("List parcels marked for return, or mark one."),
         QStringLiteral("[(--code CODE | --waybill WAYBILL) --reason REASON [--note TEXT]]"), true, false,
         defineReturn, runReturn},
        {QStringLiteral("arrivals"), Tr::tr("The day's arrival list."), QStringLiteral("[--date YYYY-MM-DD]"),
         true, false, defineArrivals, runArrivals},
    };
}

} // namespace cz::ctl
