#include "fromstation.h"

#include "query.h"

namespace cz::print {

SlipData slipData(const StationContext& station, const Parcel& parcel) {
    return {station.settings().stationName, parcel, station.settings().freeDays, station.carriers()};
}

ArrivalListData arrivalListData(const StationContext& station, const QDate& day, const QList<Parcel>& parcels) {
    return {station.settings().stationName, day, parcels, station.carriers()};
}

LabelData labelData(const Dispatch& d, const CarrierRegistry& carriers) {
    LabelData l;
    l.waybill = d.waybill;
    l.carrier = carriers.displayName(d.carrier);
    l.routingZone = d.zone;
    l.recipientName = d.recipientName;
    l.recipientPhone = d.recipientPhone;
    l.recipientAddress = QStringList{d.province, d.city, d.district, d.address}.join(QLatin1Char(' '));
    l.senderName = d.senderName;
    l.senderPhone = d.senderPhone;
    l.contents = d.contentsNote.isEmpty()
                     ? contentsLabel(d.contents)
                     : QStringLiteral("%1 (%2)").arg(contentsLabel(d.contents), d.contentsNote);
    l.weightGrams = d.weightGrams;
    l.feeFen = d.feeFen;
    l.createdAtMs = d.acceptedAt;
    return l;
}

Result<ManifestData> manifestData(StationContext& station, const Manifest& m) {
    DispatchDesk desk(station);
    ManifestData data;
    data.stationName = station.settings().stationName;
    data.driver = m.driver;
    data.plate = m.plate;
    data.atMs = m.handedAt ? m.handedAt : m.createdAt;
    data.carriers = station.carriers();
    for (const BagSummary& b : m.bags) {
        ManifestBag bag{b.bagNo, b.seal, {}};
        for (const QString& waybill : b.waybills) {
            if (auto d = desk.dispatch(waybill); d) {
                bag.items.append({waybill, d->carrier, d->weightGrams});
                continue;
            } else if (d.error().kind != ErrorKind::NotFound) {
                return fail(d.error());
            }
            // A parcel on the return list: its carrier from the station's records, weight unknown.
            ParcelFilter f;
            f.text = waybill;
            f.limit = 1;
            auto parcels = ParcelQueries(station).list(f);
            if (!parcels)
                return fail(parcels.error());
            bag.items.append({waybill, parcels->isEmpty() ? QString() : parcels->first().carrier, 0});
        }
        data.bags.append(bag);
    }
    return data;
}

} // namespace cz::print
