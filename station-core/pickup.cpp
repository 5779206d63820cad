// Pickup (出库): finding waiting parcels by person, handing over several in one transaction, undo as
// a reversal.
#include "pickup.h"

#include "orders.h"
#include "overdue.h"
#include "privacy.h"
#include "writetx.h"

#include <QCoreApplication>

namespace cz {

namespace {
struct PickupText {
    Q_DECLARE_TR_FUNCTIONS(Pickup)
};

// Who took a handed-over parcel, for people: "the recipient (138****5678 张*)" or "王* for …".
QString collectedBy(const Parcel& p) {
    const QString recipient = (p.maskedPhone() + QLatin1Char(' ') + p.maskedName()).trimmed();
    if (p.collector.isEmpty())
        return PickupText::tr("the recipient (%1)").arg(recipient);
    return PickupText::tr("%1, collecting for %2").arg(maskName(p.collector), recipient);
}
} // namespace

QString PersonParcels::maskedPhone() const {
    return maskPhone(phone, phoneTail);
}

QString PersonParcels::maskedName() const {
    return maskName(name);
}

QString PersonParcels::maskedLabel() const {
    return (maskedPhone() + QLatin1Char(' ') + maskedName()).trimmed();
}

QList<PersonParcels> groupByPerson(const QList<Parcel>& parcels) {
    // First by number (the tail when only the tail is known), then by name within one number: a
    // parcel without a name joins the number's only named person, else it stands on its own.
    QList<QString> numbers;
    QHash<QString, QList<Parcel>> byNumber;
    for (const Parcel& p : parcels) {
        const QString key = p.phone.isEmpty() ? QStringLiteral("tail:") + p.phoneTail : p.phone;
        if (!byNumber.contains(key))
            numbers << key;
        byNumber[key] << p;
    }
    QList<PersonParcels> out;
    for (const QString& key : std::as_const(numbers)) {
        const QList<Parcel>& same = byNumber[key];
        QStringList names;
        for (const Parcel& p : same) {
            const QString n = p.name.simplified();
            if (!n.isEmpty() && !names.contains(n))
                names << n;
        }
        const auto person = [&same](const QString& name) {
            PersonParcels g;
            g.phone = same.first().phone;
            g.phoneTail = same.first().phoneTail;
            g.name = name;
            return g;
        };
        if (names.size() <= 1) {
            PersonParcels g = person(names.value(0));
            g.parcels = same;
            out << g;
            continue;
        }
        QList<PersonParcels> people;
        PersonParcels unnamed = person(QString());
        for (const QString& n : std::as_const(names))
            people << person(n);
        for (const Parcel& p : same) {
            const qsizetype i = names.indexOf(p.name.simplified());
            (i < 0 ? unnamed : people[i]).parcels << p;
        }
        // Keep the order in which each person first appears.
        if (!unnamed.parcels.isEmpty())
            people << unnamed;
        QHash<QString, qsizetype> position;
        for (qsizetype i = 0; i < same.size(); ++i)
            position.insert(same[i].id, i);
        std::stable_sort(
            people.begin(), people.end(), [&position](const PersonParcels& a, const PersonParcels& b) {
                return position.value(a.parcels.first().id) < position.value(b.parcels.first().id);
            });
        out << people;
    }
    return out;
}

Result<QList<Parcel>> Pickup::findByCode(const QString& code) {
    const QString c = code.trimmed().toUpper();
    if (c.isEmpty())
        return fail(ErrorKind::BadInput, QStringLiteral("code.missing"),
                    PickupText::tr("Enter a pickup code."));
    return m_parcels.query(QStringLiteral("pickup_code = ? AND in_station = 1"), {c});
}

Result<QList<Parcel>> Pickup::findByPhoneTail(const QString& tail) {
    auto t = parsePhoneTail(tail);
    if (!t)
        return fail(t.error());
    return m_parcels.query(QStringLiteral("phone_tail = ? AND in_station = 1 ORDER BY received_at"), {*t});
}

Result<QList<Parcel>> Pickup::findByWaybill(const QString& waybill) {
    auto w = validateWaybill(waybill);
    if (!w)
        return fail(w.error());
    return m_parcels.query(QStringLiteral("waybill = ? AND in_station = 1"), {*w});
}

Result<PickupLookup> Pickup::lookUp(const QString& input) {
    // Pickup codes contain dashes too ("1-2-1001"): only an 11-digit mobile may be typed with them.
    if (const auto phone = parsePhone(input)) {
        if (phone->full.isEmpty())
            return lookUp(PickupLookup::By::PhoneTail, phone->tail);
        return lookUp(PickupLookup::By::Phone, phone->full);
    }
    auto byCode = lookUp(PickupLookup::By::Code, input);
    if (!byCode || !byCode->people.isEmpty() || !validateWaybill(input))
        return byCode;
    // Not a code in the station: perhaps the waybill of a waiting parcel.
    auto byWaybill = lookUp(PickupLookup::By::Waybill, input);
    if (!byWaybill)
        return byWaybill;
    if (!byWaybill->people.isEmpty())
        return byWaybill;
    // Neither: explain by whichever knows the parcel (collected, marked for return), else by code.
    const auto known = [](const PickupLookup& l) {
        return l.nothingWaiting && l.nothingWaiting->kind == ErrorKind::Conflict;
    };
    return known(*byWaybill) && !known(*byCode) ? byWaybill : byCode;
}

Result<PickupLookup> Pickup::lookUp(PickupLookup::By by, const QString& input) {
    auto value = pickupLookupValue(by, input);
    if (!value)
        return fail(value.error());
    PickupLookup out;
    out.by = by;
    out.value = *value;
    Result<QList<Parcel>> found = QList<Parcel>{};
    switch (by) {
    case PickupLookup::By::Code:
        found = findByCode(out.value);
        break;
    case PickupLookup::By::Waybill:
        found = findByWaybill(out.value);
        break;
    case PickupLookup::By::PhoneTail:
        found = findByPhoneTail(out.value);
        break;
    case PickupLookup::By::Phone:
        found = findByPhoneTail(out.value.right(4));
        // A full number matches that number and the parcels known only by its tail.
        if (found) {
            QList<Parcel> same;
            for (const Parcel& p : std::as_const(*found))
                if (p.phone.isEmpty() || p.phone == out.value)
                    same << p;
            found = same;
        }
        break;
    }
    if (!found)
        return fail(found.error());

    QList<Parcel> waiting, notWaiting;
    for (const Parcel& p : std::as_const(*found))
        (p.status == ParcelStatus::Waiting ? waiting : notWaiting) << p;
    if (waiting.isEmpty()) {
        auto why = explainNothingWaiting(out, notWaiting);
        if (!why)
            return fail(why.error());
        out.nothingWaiting = *why;
        return out;
    }
    if (by == PickupLookup::By::PhoneTail || by == PickupLookup::By::Phone) {
        out.people = groupByPerson(waiting);
        return out;
    }
    // By code or waybill: that parcel's person, with every parcel of theirs that is waiting, so the
    // villager leaves with all of them.
    const Parcel matched = waiting.first();
    auto sameTail = findByPhoneTail(matched.phoneTail);
    if (!sameTail)
        return fail(sameTail.error());
    QList<Parcel> candidates{matched};
    for (const Parcel& p : std::as_const(*sameTail))
        if (p.status == ParcelStatus::Waiting && p.id != matched.id)
            candidates << p;
    for (const PersonParcels& person : groupByPerson(candidates)) {
        if (person.parcels.first().id == matched.id) {
            out.people << person;
            break;
        }
    }
    return out;
}

Result<QString> pickupLookupValue(PickupLookup::By by, const QString& input) {
    switch (by) {
    case PickupLookup::By::Code: {
        const QString code = input.trimmed().toUpper();
        if (code.isEmpty())
            return fail(ErrorKind::BadInput, QStringLiteral("code.missing"),
                        PickupText::tr("Enter a pickup code."));
        return code;
    }
    case PickupLookup::By::Waybill:
        return validateWaybill(input);
    case PickupLookup::By::PhoneTail:
    case PickupLookup::By::Phone: {
        auto phone = parsePhone(input);
        if (!phone)
            return fail(phone.error());
        if (by == PickupLookup::By::PhoneTail)
            return phone->tail;
        if (phone->full.isEmpty())
            return fail(ErrorKind::BadInput, QStringLiteral("phone.invalid"),
                        PickupText::tr("Enter the whole 11-digit mobile number."));
        return phone->full;
    }
    }
    return QString();
}

Result<std::optional<Parcel>> Pickup::lastHandedOver(PickupLookup::By by, const QString& input) {
    auto value = pickupLookupValue(by, input);
    if (!value)
        return fail(value.error());
    // Codes are reused once a parcel has left, so the latest handover is the one meant.
    QString where;
    QVariantList args{*value};
    switch (by) {
    case PickupLookup::By::Code:
        where = QStringLiteral("pickup_code = ?");
        break;
    case PickupLookup::By::Waybill:
        where = QStringLiteral("waybill = ?");
        break;
    case PickupLookup::By::PhoneTail:
        where = QStringLiteral("phone_tail = ?");
        break;
    case PickupLookup::By::Phone:
        where = QStringLiteral("phone_tail = ? AND phone = ?");
        args = {value->right(4), *value};
        break;
    }
    auto done = m_parcels.query(
        where + QStringLiteral(" AND status = 'picked_up' ORDER BY picked_up_at DESC LIMIT 1"), args);
    if (!done)
        return fail(done.error());
    if (done->isEmpty())
        return std::optional<Parcel>();
    return std::optional<Parcel>(done->first());
}

Result<Error> Pickup::explainNothingWaiting(const PickupLookup& lookup, const QList<Parcel>& notWaiting) {
    if (!notWaiting.isEmpty()) {
        const Parcel& p = notWaiting.first();
        return Error{ErrorKind::Conflict,
                     QStringLiteral("parcel.marked_for_return"),
                     PickupText::tr("Parcel %1 (%2) is marked for return and cannot be handed over.")
                         .arg(p.pickupCode, p.waybill),
                     {p.id}};
    }
    auto done = lastHandedOver(lookup.by, lookup.value);
    if (!done)
        return fail(done.error());
    const bool byPhone = lookup.by == PickupLookup::By::PhoneTail || lookup.by == PickupLookup::By::Phone;
    if (*done && !byPhone) {
        const Parcel& p = **done;
        return Error{ErrorKind::Conflict,
                     QStringLiteral("parcel.already_picked_up"),
                     PickupText::tr("Parcel %1 (%2) was already handed over on %3 to %4.")
                         .arg(p.pickupCode, p.waybill, localDateTimeText(p.pickedUpAt), collectedBy(p)),
                     {p.id}};
    }
    // By phone nothing is waiting (not found), but the last handover helps a villager who asks.
    if (*done) {
        const Parcel& p = **done;
        return Error{ErrorKind::NotFound,
                     QStringLiteral("parcel.not_found"),
                     PickupText::tr("No parcel is waiting for a phone number ending in %1. The last one, %2 "
                                    "(%3), was handed over on %4 to %5.")
                         .arg(lookup.value.right(4), p.pickupCode, p.waybill, localDateTimeText(p.pickedUpAt),
                              collectedBy(p)),
                     {}};
    }
    QString message;
    switch (lookup.by) {
    case PickupLookup::By::Code:
        message = PickupText::tr("No parcel in the station has the pickup code %1.").arg(lookup.value);
        break;
    case PickupLookup::By::Waybill:
        message = PickupText::tr("No parcel in the station has the waybill number %1.").arg(lookup.value);
        break;
    case PickupLookup::By::PhoneTail:
    case PickupLookup::By::Phone:
        message = PickupText::tr("No parcel is waiting for a phone number ending in %1.")
                      .arg(lookup.value.right(4));
        break;
    }
    return Error{ErrorKind::NotFound, QStringLiteral("parcel.not_found"), message, {}};
}

Result<HandoverResult> Pickup::handOver(const QStringList& parcelIds, const QString& collectorInput,
                                        Recipients recipients) {
    if (parcelIds.isEmpty())
        return fail(ErrorKind::BadInput, QStringLiteral("pickup.none_selected"),
                    PickupText::tr("Choose at least one parcel to hand over."));
    auto collector = validateName(collectorInput);
    if (!collector)
        return fail(collector.error());

    auto tx = m_ctx.beginWrite(Permission::HandOver);
    if (!tx)
        return fail(tx.error());
    HandoverResult result;
    QStringList seen;
    bool ordersChanged = false;
    for (const QString& id : parcelIds) {
        if (seen.contains(id))
            continue;
        seen << id;
        auto p = m_parcels.loadForUpdate(*tx, id);
        if (!p)
            return fail(p.error());
        if (p->status == ParcelStatus::PickedUp)
            return fail(ErrorKind::Conflict, QStringLiteral("parcel.already_picked_up"),
                        PickupText::tr("Parcel %1 (%2) was already handed over on %3.")
                            .arg(p->pickupCode, p->waybill, localDateTimeText(p->pickedUpAt)),
                        {p->id});
        if (p->status == ParcelStatus::ToReturn)
            return fail(ErrorKind::Conflict, QStringLiteral("parcel.marked_for_return"),
                        PickupText::tr("Parcel %1 (%2) is marked for return and cannot be handed over.")
                            .arg(p->pickupCode, p->waybill),
                        {p->id});
        p->feeFen = holding(m_ctx.settings(), *p, tx->now()).feeFen;
        p->status = ParcelStatus::PickedUp;
        p->inStation = false;
        p->pickedUpAt = tx->now();
        p->collector = *collector;
        if (auto st = m_parcels.writeState(*tx, *p); !st)
            return fail(st.error());
        QJsonObject data{{QStringLiteral("collector"), *collector},
                         {QStringLiteral("by_recipient"), collector->isEmpty()},
                         {QStringLiteral("fee_fen"), p->feeFen}};
        // The fee is cash taken at the counter: one entry per parcel, so an undo reverses exactly it.
        if (p->feeFen > 0) {
            auto cash = tx->appendCashEntry(QStringLiteral("pickup_fee"), p->feeFen, p->id, p->waybill);
            if (!cash)
                return fail(cash.error());
            data.insert(QStringLiteral("cash_entry_id"), *cash);
        }
        if (auto st = m_parcels.recordChange(*tx, *p, QStringLiteral("picked_up"), data); !st)
            return fail(st.error());
        // Proxy orders (orders.h): handing over an order's parcel completes the order.
        auto collected = completeCollectedOrder(*tx, p->id);
        if (!collected)
            return fail(collected.error());
        ordersChanged = ordersChanged || *collected;
        result.totalFeeFen += p->feeFen;
        result.parcels.append(*p);
    }
    if (recipients == Recipients::OnePerson) {
        const QList<PersonParcels> people = groupByPerson(result.parcels);
        if (people.size() > 1) {
            QStringList who;
            for (const PersonParcels& person : people)
                who << person.maskedLabel();
            return fail(ErrorKind::Conflict, QStringLiteral("pickup.several_people"),
                        PickupText::tr("These parcels belong to %n different people (%1). Hand over one "
                                       "person's parcels at a time, or confirm that one person collects "
                                       "for all of them.",
                                       nullptr, static_cast<int>(people.size()))
                            .arg(who.join(QStringLiteral(", "))),
                        who);
        }
    }
    if (auto st = tx->commit(); !st)
        return fail(st.error());
    m_ctx.notifyChanged(ordersChanged ? Domains(Domain::Parcels) | Domain::Orders : Domains(Domain::Parcels));
    return result;
}

Result<Parcel> Pickup::undoPickup(const QString& parcelId) {
    auto change = m_parcels.beginChange(parcelId, Permission::UndoPickup);
    if (!change)
        return fail(change.error());
    WriteTx& tx = change->tx;
    Parcel& p = change->parcel;
    if (p.status != ParcelStatus::PickedUp)
        return fail(ErrorKind::Conflict, QStringLiteral("pickup.undo_not_picked_up"),
                    PickupText::tr("Parcel %1 has not been handed over, so there is nothing to undo.")
                        .arg(p.waybill));
    if (tx.now() - p.pickedUpAt > qint64(m_ctx.settings().undoWindowMin) * 60 * 1000)
        return fail(
            ErrorKind::Conflict, QStringLiteral("pickup.undo_expired"),
            PickupText::tr("The handover of %1 was more than %n minute(s) ago and can no longer be undone.",
                           nullptr, m_ctx.settings().undoWindowMin)
                .arg(p.waybill));
    auto again =
        tx.scalar(QStringLiteral("SELECT 1 FROM parcel WHERE waybill = ? AND in_station = 1"), {p.waybill});
    if (!again)
        return fail(again.error());
    if (again->isValid())
        return fail(
            ErrorKind::Conflict, QStringLiteral("waybill.duplicate"),
            PickupText::tr("Parcel %1 has been received again since; it cannot be put back.").arg(p.waybill));
    // Keep the old code when nobody took it in the meantime.
    auto code = m_parcels.allocateCode(tx, p.shelf, p.layer, p.codeSeq);
    if (!code)
        return fail(code.error());
    const QString oldCollector = p.collector;
    const qint64 oldFee = p.feeFen;
    p.codeSeq = code->first;
    p.pickupCode = code->second;
    p.status = ParcelStatus::Waiting;
    p.inStation = true;
    p.pickedUpAt = 0;
    p.collector.clear();
    p.feeFen = 0;
    if (auto st = m_parcels.writeState(tx, p); !st)
        return fail(st.error());
    QJsonObject data{{QStringLiteral("reverses_collector"), oldCollector},
                     {QStringLiteral("reverses_fee_fen"), oldFee},
                     {QStringLiteral("pickup_code"), p.pickupCode}};
    // The fee goes back to the villager: a reversing entry, the original stays in the cash book.
    if (oldFee > 0) {
        auto cash = tx.appendCashEntry(QStringLiteral("pickup_fee_reversal"), -oldFee, p.id, p.waybill);
        if (!cash)
            return fail(cash.error());
        data.insert(QStringLiteral("cash_entry_id"), *cash);
    }
    if (auto st = m_parcels.recordChange(tx, p, QStringLiteral("pickup_undone"), data); !st)
        return fail(st.error());
    // Proxy orders (orders.h): the order goes back from collected to arrived.
    auto reopened = reopenCollectedOrder(tx, p.id);
    if (!reopened)
        return fail(reopened.error());
    if (auto st = tx.commit(); !st)
        return fail(st.error());
    m_ctx.notifyChanged(*reopened ? Domains(Domain::Parcels) | Domain::Orders : Domains(Domain::Parcels));
    return p;
}

} // namespace cz
