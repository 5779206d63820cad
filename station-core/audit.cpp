// Shelf audit (盘点): compare what was scanned on each place with what the records say.
#include "privacy.h"
#include "shelfaudit.h"
#include "writetx.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

namespace cz {

namespace {
struct AuditText {
    Q_DECLARE_TR_FUNCTIONS(Audit)
};
} // namespace

Result<QList<SlotLoad>> ShelfAudit::slotLoads() {
    // slot.waiting is kept by triggers (migrations.cpp, version 6).
    auto q =
        m_ctx.database().exec(QStringLiteral("SELECT shelf, layer, capacity, shelf_sort, waiting FROM slot"
                                             " ORDER BY shelf_sort, layer"));
    if (!q)
        return fail(q.error());
    QList<SlotLoad> out;
    while ((*q)->next())
        out.append({{(*q)->value(0).toString(), (*q)->value(1).toInt(), (*q)->value(2).toInt(),
                     (*q)->value(3).toInt()},
                    (*q)->value(4).toInt()});
    (*q)->finish();
    return out;
}

Result<AuditReport> ShelfAudit::audit(const QList<AuditScan>& scans, const QStringList& extraSlots) {
    if (auto st = m_ctx.requireInitialised(); !st)
        return fail(st.error());
    auto loads = slotLoads();
    if (!loads)
        return fail(loads.error());
    QSet<QString> known;
    for (const SlotLoad& l : *loads)
        known.insert(l.slot.name());

    AuditReport report;
    QSet<QString> scope;
    auto addSlot = [&](const QString& text) -> Status {
        auto s = parseSlotName(text);
        if (!s)
            return fail(s.error());
        const QString name = QStringLiteral("%1-%2").arg(s->first).arg(s->second);
        if (!known.contains(name))
            return fail(ErrorKind::BadInput, QStringLiteral("slot.unknown"),
                        AuditText::tr("There is no place %1 in the shelf layout.").arg(name));
        if (!scope.contains(name)) {
            scope.insert(name);
            report.places << name;
        }
        return {};
    };
    for (const QString& s : extraSlots) {
        if (auto st = addSlot(s); !st)
            return fail(st.error());
    }
    QHash<QString, QString> foundAt; // waybill -> place where it was scanned (the last scan wins)
    QStringList order;
    for (const AuditScan& scan : scans) {
        if (auto st = addSlot(scan.slot); !st)
            return fail(st.error());
        auto w = validateWaybill(scan.waybill);
        if (!w)
            return fail(w.error());
        if (!foundAt.contains(*w))
            order << *w;
        const auto place = parseSlotName(scan.slot); // valid: addSlot checked it
        foundAt[*w] = QStringLiteral("%1-%2").arg(place->first).arg(place->second);
    }

    // Everything recorded on the places checked must have been seen there.
    for (const QString& slotName : report.places) {
        const auto s = parseSlotName(slotName);
        auto recorded = m_parcels.query(
            QStringLiteral("status = 'waiting' AND shelf = ? AND layer = ? ORDER BY pickup_code"),
            {s->first, s->second});
        if (!recorded)
            return fail(recorded.error());
        for (const Parcel& p : *recorded) {
            if (!foundAt.contains(p.waybill))
                report.missing.append({p.waybill, p.id, p.pickupCode, slotName, QString()});
        }
    }
    for (const QString& w : order) {
        auto found = m_parcels.query(QStringLiteral("waybill = ? AND in_station = 1"), {w});
        if (!found)
            return fail(found.error());
        const QString at = foundAt.value(w);
        if (found->isEmpty()) {
            report.unknown.append({w, QString(), QString(), QString(), at});
            continue;
        }
        const Parcel& p = found->first();
        const QString recordedSlot = p.status == ParcelStatus::Waiting ? p.slotName() : QString();
        AuditLine line{w, p.id, p.pickupCode, recordedSlot, at};
        if (recordedSlot == at)
            report.ok.append(line);
        else
            report.misplaced.append(line); // includes parcels marked for return still on a shelf
    }
    return report;
}

Result<QList<MoveResult>> ShelfAudit::applyAudit(const AuditReport& report) {
    QList<MoveResult> moves;
    bool any = false;
    for (const AuditLine& line : report.misplaced)
        any = any || !line.recordedSlot.isEmpty();
    if (!any)
        return moves;
    auto tx = m_ctx.beginWrite(Permission::ApplyShelfAudit);
    if (!tx)
        return fail(tx.error());
    for (const AuditLine& line : report.misplaced) {
        if (line.recordedSlot.isEmpty())
            continue; // a parcel marked for return: the clerk takes it off the shelf, no record changes
        auto p = m_parcels.loadForUpdate(*tx, line.parcelId);
        if (!p)
            return fail(p.error());
        if (p->status != ParcelStatus::Waiting || p->slotName() != line.recordedSlot)
            return fail(ErrorKind::Conflict, QStringLiteral("audit.stale"),
                        AuditText::tr("Parcel %1 changed since the audit was made; audit this place again.")
                            .arg(p->waybill));
        const auto to = parseSlotName(line.foundSlot);
        if (!to)
            return fail(to.error());
        const QString oldCode = p->pickupCode;
        // Free the old code first so that keeping the same number on the new place is possible.
        p->pickupCode.clear();
        p->inStation = false;
        if (auto st = m_parcels.writeState(*tx, *p); !st)
            return fail(st.error());
        auto code = m_parcels.allocateCode(*tx, to->first, to->second, p->codeSeq);
        if (!code)
            return fail(code.error());
        p->shelf = to->first;
        p->layer = to->second;
        p->codeSeq = code->first;
        p->pickupCode = code->second;
        p->inStation = true;
        if (auto st = m_parcels.writeState(*tx, *p); !st)
            return fail(st.error());
        if (auto st = m_parcels.recordChange(*tx, *p, QStringLiteral("moved"),
                                             {{QStringLiteral("from_slot"), line.recordedSlot},
                                              {QStringLiteral("to_slot"), line.foundSlot},
                                              {QStringLiteral("old_code"), oldCode},
                                              {QStringLiteral("reason"), QStringLiteral("audit")}});
            !st)
            return fail(st.error());
        moves.append({p->waybill, oldCode, p->pickupCode});
    }
    if (auto st = tx->commit(); !st)
        return fail(st.error());
    m_ctx.notifyChanged(Domain::Parcels);
    return moves;
}

} // namespace cz
