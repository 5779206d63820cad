// The van handover (交接): one open manifest, bags by number with their seal, dispatches and parcels
// of the return list scanned into them, and the handover that freezes them.
#include "manifest.h"

#include "dispatch.h"
#include "dispatchdetail.h"
#include "privacy.h"
#include "writetx.h"

#include <QRegularExpression>
#include <QSqlQuery>

namespace cz {

using namespace dispatchdetail;

Result<Manifest> Manifests::loadManifest(const QString& where, const QVariantList& args) {
    Database& db = m_ctx.database();
    auto q = db.exec(
        QStringLiteral("SELECT id, status, created_at, driver, plate, handed_at FROM manifest WHERE ") +
            where,
        args);
    if (!q)
        return fail(q.error());
    if (!(*q)->next()) {
        (*q)->finish();
        return fail(ErrorKind::NotFound, QStringLiteral("manifest.not_found"),
                    DispatchText::tr("There is no such manifest."));
    }
    Manifest m{(*q)->value(0).toString(),
               (*q)->value(1).toString(),
               (*q)->value(2).toLongLong(),
               (*q)->value(3).toString(),
               (*q)->value(4).toString(),
               (*q)->value(5).toLongLong(),
               {}};
    (*q)->finish();
    auto bags =
        db.exec(QStringLiteral("SELECT b.id, b.bag_no, b.seal, i.waybill FROM bag b LEFT JOIN bag_item i"
                               " ON i.bag_id = b.id WHERE b.manifest_id = ? ORDER BY b.bag_no, i.added_at"),
                {m.id});
    if (!bags)
        return fail(bags.error());
    while ((*bags)->next()) {
        const QString bagId = (*bags)->value(0).toString();
        if (m.bags.isEmpty() || m.bags.last().id != bagId)
            m.bags.append({bagId, (*bags)->value(1).toString(), (*bags)->value(2).toString(), {}});
        if (!(*bags)->value(3).isNull())
            m.bags.last().waybills << (*bags)->value(3).toString();
    }
    (*bags)->finish();
    return m;
}

Result<Manifest> Manifests::manifest(const QString& id) {
    return loadManifest(QStringLiteral("id = ?"), {id});
}

Result<Manifest> Manifests::currentManifest() {
    return loadManifest(QStringLiteral("status = 'open'"), {});
}

Result<Manifest> Manifests::openManifest() {
    auto open = currentManifest();
    if (open || open.error().kind != ErrorKind::NotFound)
        return open;
    auto tx = m_ctx.beginWrite(Permission::VanHandover);
    if (!tx)
        return fail(tx.error());
    const QString id = tx->newId();
    if (auto q =
            tx->exec(QStringLiteral("INSERT INTO manifest(id, status, created_at) VALUES (?, 'open', ?)"),
                     {id, tx->now()});
        !q)
        return fail(q.error());
    if (auto st = tx->appendOp(QStringLiteral("manifest"), id, QStringLiteral("manifest.opened"),
                               {{QStringLiteral("id"), id}, {QStringLiteral("created_at"), tx->now()}});
        !st)
        return fail(st.error());
    if (auto st = tx->commit(); !st)
        return fail(st.error());
    m_ctx.notifyChanged(Domains(Domain::Dispatch) | Domain::Parcels);
    return manifest(id);
}

Result<BagSummary> Manifests::addToBag(const QString& bagNoInput, const QString& sealInput,
                                       const QString& waybillInput) {
    const QString bagNo = bagNoInput.trimmed().toUpper();
    const QString seal = sealInput.trimmed().toUpper();
    static const QRegularExpression bagShape(QStringLiteral("^[A-Z0-9-]{1,20}$"));
    static const QRegularExpression sealShape(QStringLiteral("^[A-Z0-9-]{4,32}$"));
    if (!bagShape.match(bagNo).hasMatch())
        return fail(badInput(QStringLiteral("bag.number"),
                             DispatchText::tr("A bag number has 1 to 20 letters, digits or dashes.")));
    if (!sealShape.match(seal).hasMatch())
        return fail(
            badInput(QStringLiteral("bag.seal"),
                     DispatchText::tr("Scan or type the bag's seal number (4 to 32 letters, digits or "
                                      "dashes).")));
    auto waybill = validateWaybill(waybillInput);
    if (!waybill)
        return fail(waybill.error());
    auto open = openManifest();
    if (!open)
        return fail(open.error());

    auto tx = m_ctx.beginWrite(Permission::VanHandover);
    if (!tx)
        return fail(tx.error());
    std::optional<Dispatch> d;
    std::optional<Parcel> parcel;
    if (auto found = m_desk.dispatch(*waybill); found) {
        if (found->status == DispatchStatus::HandedOver)
            return fail(ErrorKind::Conflict, QStringLiteral("dispatch.frozen"),
                        DispatchText::tr("%1 was already handed to the van; it cannot be bagged again.")
                            .arg(*waybill));
        if (found->status == DispatchStatus::Bagged)
            return fail(ErrorKind::Conflict, QStringLiteral("bag.already_bagged"),
                        DispatchText::tr("%1 is already in a bag.").arg(*waybill));
        d = *found;
    } else if (found.error().kind != ErrorKind::NotFound) {
        return fail(found.error());
    } else {
        auto parcels = m_parcels.query(QStringLiteral("waybill = ? AND in_station = 1"), {*waybill});
        if (!parcels)
            return fail(parcels.error());
        if (parcels->isEmpty())
            return fail(ErrorKind::NotFound, QStringLiteral("bag.unknown_waybill"),
                        DispatchText::tr("%1 is neither a parcel sent from here nor on the return list.")
                            .arg(*waybill));
        if (parcels->first().status != ParcelStatus::ToReturn)
            return fail(ErrorKind::Conflict, QStringLiteral("bag.not_for_return"),
                        DispatchText::tr("Parcel %1 is waiting for its recipient; mark it for return first.")
                            .arg(*waybill));
        auto bagged =
            tx->scalar(QStringLiteral("SELECT 1 FROM bag_item WHERE kind = 'return' AND ref_id = ?"),
                       {parcels->first().id});
        if (!bagged)
            return fail(bagged.error());
        if (bagged->isValid())
            return fail(ErrorKind::Conflict, QStringLiteral("bag.already_bagged"),
                        DispatchText::tr("%1 is already in a bag.").arg(*waybill));
        parcel = parcels->first();
    }

    auto existing = tx->exec(QStringLiteral("SELECT id, seal FROM bag WHERE manifest_id = ? AND bag_no = ?"),
                             {open->id, bagNo});
    if (!existing)
        return fail(existing.error());
    QString bagId;
    if ((*existing)->next()) {
        bagId = (*existing)->value(0).toString();
        const QString oldSeal = (*existing)->value(1).toString();
        (*existing)->finish();
        if (oldSeal != seal)
            return fail(ErrorKind::Conflict, QStringLiteral("bag.seal_mismatch"),
                        DispatchText::tr("Bag %1 is sealed with %2, not %3.").arg(bagNo, oldSeal, seal));
    } else {
        (*existing)->finish();
        bagId = tx->newId();
        if (auto q =
                tx->exec(QStringLiteral("INSERT INTO bag(id, manifest_id, bag_no, seal) VALUES (?, ?, ?, ?)"),
                         {bagId, open->id, bagNo, seal});
            !q)
            return fail(q.error());
    }
    const QString kind = d ? QStringLiteral("dispatch") : QStringLiteral("return");
    const QString refId = d ? d->id : parcel->id;
    if (auto q = tx->exec(
            QStringLiteral(
                "INSERT INTO bag_item(bag_id, kind, ref_id, waybill, added_at) VALUES (?, ?, ?, ?, ?)"),
            {bagId, kind, refId, *waybill, tx->now()});
        !q)
        return fail(q.error());
    const QJsonObject data{{QStringLiteral("manifest_id"), open->id},
                           {QStringLiteral("bag_no"), bagNo},
                           {QStringLiteral("seal"), seal}};
    if (d) {
        if (auto st = setDispatchStatus(*tx, *d, DispatchStatus::Bagged, bagId); !st)
            return fail(st.error());
        if (auto st = appendDispatchEvent(*tx, *d, QStringLiteral("bagged"), data); !st)
            return fail(st.error());
    } else if (auto st = m_parcels.recordChange(*tx, *parcel, QStringLiteral("bagged_for_return"), data);
               !st) {
        return fail(st.error());
    }
    if (auto st = tx->commit(); !st)
        return fail(st.error());
    m_ctx.notifyChanged(Domains(Domain::Dispatch) | Domain::Parcels);
    auto m = manifest(open->id);
    if (!m)
        return fail(m.error());
    for (const BagSummary& b : m->bags) {
        if (b.id == bagId)
            return b;
    }
    return fail(ErrorKind::Internal, QStringLiteral("bag.lost"), DispatchText::tr("The bag was not saved."));
}

Result<Van> Manifests::checkVan(const QString& driverInput, const QString& plateInput) {
    auto driver = required(driverInput, 32, QStringLiteral("manifest.driver"),
                           DispatchText::tr("Enter the van driver's name."));
    if (!driver)
        return fail(driver.error());
    auto plate = required(plateInput, 12, QStringLiteral("manifest.plate"),
                          DispatchText::tr("Enter the van's number plate."));
    if (!plate)
        return fail(plate.error());
    return Van{*driver, plate->toUpper()};
}

Result<Manifest> Manifests::handOver(const QString& driverInput, const QString& plateInput) {
    auto van = checkVan(driverInput, plateInput);
    if (!van)
        return fail(van.error());
    auto tx = m_ctx.beginWrite(Permission::VanHandover);
    if (!tx)
        return fail(tx.error());
    auto open = loadManifest(QStringLiteral("status = 'open'"), {});
    if (!open && open.error().kind != ErrorKind::NotFound)
        return fail(open.error());
    auto items =
        open ? tx->exec(QStringLiteral("SELECT i.kind, i.ref_id FROM bag_item i JOIN bag b ON b.id = i.bag_id"
                                       " WHERE b.manifest_id = ? ORDER BY i.added_at"),
                        {open->id})
             : Result<QSqlQuery*>(nullptr);
    if (!items)
        return fail(items.error());
    QList<std::pair<QString, QString>> refs;
    while (*items && (*items)->next())
        refs.append({(*items)->value(0).toString(), (*items)->value(1).toString()});
    if (*items)
        (*items)->finish();
    if (refs.isEmpty())
        return fail(ErrorKind::Conflict, QStringLiteral("manifest.empty"),
                    DispatchText::tr("Nothing is bagged yet: scan the outgoing parcels into bags first."));
    if (auto q = tx->exec(QStringLiteral("UPDATE manifest SET status = 'handed_over', driver = ?, plate = ?,"
                                         " handed_at = ? WHERE id = ?"),
                          {van->driver, van->plate, tx->now(), open->id});
        !q)
        return fail(q.error());
    const QJsonObject data{{QStringLiteral("manifest_id"), open->id},
                           {QStringLiteral("driver"), van->driver},
                           {QStringLiteral("plate"), van->plate}};
    int dispatches = 0, returns = 0;
    for (const auto& [kind, refId] : refs) {
        if (kind == QLatin1String("dispatch")) {
            auto d = m_desk.dispatch(refId);
            if (!d)
                return fail(d.error());
            if (auto st = setDispatchStatus(*tx, *d, DispatchStatus::HandedOver, d->bagId); !st)
                return fail(st.error());
            if (auto st = appendDispatchEvent(*tx, *d, QStringLiteral("handed_over"), data); !st)
                return fail(st.error());
            ++dispatches;
        } else {
            auto p = m_parcels.loadForUpdate(*tx, refId);
            if (!p)
                return fail(p.error());
            p->status = ParcelStatus::Returned;
            p->inStation = false;
            if (auto st = m_parcels.writeState(*tx, *p); !st)
                return fail(st.error());
            if (auto st = m_parcels.recordChange(*tx, *p, QStringLiteral("returned"), data); !st)
                return fail(st.error());
            ++returns;
        }
    }
    if (auto st = tx->appendOp(QStringLiteral("manifest"), open->id, QStringLiteral("manifest.handed_over"),
                               {{QStringLiteral("id"), open->id},
                                {QStringLiteral("driver"), van->driver},
                                {QStringLiteral("plate"), van->plate},
                                {QStringLiteral("dispatches"), dispatches},
                                {QStringLiteral("returns"), returns}});
        !st)
        return fail(st.error());
    if (auto st = tx->commit(); !st)
        return fail(st.error());
    m_ctx.notifyChanged(Domains(Domain::Dispatch) | Domain::Parcels);
    return manifest(open->id);
}

} // namespace cz
