// Read-only queries over parcels: lookups, filtered lists, the day's arrivals.
#include "privacy.h"
#include "station.h"

#include <QCoreApplication>

namespace cz {

namespace {
struct QueryText {
    Q_DECLARE_TR_FUNCTIONS(Query)
};

// WHERE clause and arguments for a filter; the text matches a pickup code, a waybill or a phone tail.
std::pair<QString, QVariantList> filterClause(const ParcelFilter& f) {
    QStringList where;
    QVariantList args;
    if (f.status) {
        where << QStringLiteral("status = ?");
        args << toString(*f.status);
    }
    if (f.inStationOnly)
        where << QStringLiteral("in_station = 1");
    if (f.fromMs > 0) {
        where << QStringLiteral("received_at >= ?");
        args << f.fromMs;
    }
    if (f.toMs > 0) {
        where << QStringLiteral("received_at < ?");
        args << f.toMs;
    }
    const QString text = f.text.trimmed().toUpper();
    if (!text.isEmpty()) {
        const QString w = normaliseWaybill(text);
        // A waybill prefix as a key range, so the waybill index serves it (LIKE would not: it ignores case).
        where << QStringLiteral(
            "(pickup_code = ? OR waybill = ? OR phone_tail = ? OR (waybill >= ? AND waybill < ?))");
        args << text << w << text << w << (w + QChar(0xFFFF));
    }
    return {where.isEmpty() ? QStringLiteral("1") : where.join(QStringLiteral(" AND ")), args};
}
} // namespace

Result<QList<Parcel>> Station::queryParcels(const QString& where, const QVariantList& args) {
    auto q = m_db->exec(
        QStringLiteral("SELECT ") + kParcelColumns + QStringLiteral(" FROM parcel WHERE ") + where, args);
    if (!q)
        return fail(q.error());
    QList<Parcel> out;
    while ((*q)->next())
        out.append(parcelFromRow(**q));
    (*q)->finish();
    return out;
}

Result<Parcel> Station::parcel(const QString& id) {
    auto list = queryParcels(QStringLiteral("id = ?"), {id});
    if (!list)
        return fail(list.error());
    if (list->isEmpty())
        return fail(ErrorKind::NotFound, QStringLiteral("parcel.not_found"),
                    QueryText::tr("No parcel with the id %1.").arg(id));
    return list->first();
}

Result<QList<Parcel>> Station::list(const ParcelFilter& filter) {
    auto [where, args] = filterClause(filter);
    args << filter.limit << filter.offset;
    return queryParcels(where + QStringLiteral(" ORDER BY received_at DESC, id DESC LIMIT ? OFFSET ?"), args);
}

Result<int> Station::count(const ParcelFilter& filter) {
    auto [where, args] = filterClause(filter);
    auto v = m_db->scalar(QStringLiteral("SELECT count(*) FROM parcel WHERE ") + where, args);
    if (!v)
        return fail(v.error());
    return v->toInt();
}

Result<QList<Parcel>> Station::arrivals(const QDate& localDay) {
    const qint64 from = localDayStartMs(localDay);
    return queryParcels(QStringLiteral("received_at >= ? AND received_at < ? ORDER BY pickup_code"),
                        {from, from + kDayMs});
}

} // namespace cz
