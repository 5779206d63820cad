// Read-only queries over parcels: lookups, filtered lists, the day's arrivals.
#include "query.h"

#include "privacy.h"

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

void ParcelFilter::receivedOn(const QDate& day) {
    fromMs = localDayStartMs(day);
    toMs = fromMs + kDayMs;
}

Result<Parcel> ParcelQueries::parcel(const QString& id) {
    auto list = m_parcels.query(QStringLiteral("id = ?"), {id});
    if (!list)
        return fail(list.error());
    if (list->isEmpty())
        return fail(ErrorKind::NotFound, QStringLiteral("parcel.not_found"),
                    QueryText::tr("No parcel with the id %1.").arg(id));
    return list->first();
}

Result<QList<Parcel>> ParcelQueries::list(const ParcelFilter& filter) {
    auto [where, args] = filterClause(filter);
    args << filter.limit << filter.offset;
    return m_parcels.query(where + QStringLiteral(" ORDER BY received_at DESC, id DESC LIMIT ? OFFSET ?"),
                           args);
}

Result<int> ParcelQueries::count(const ParcelFilter& filter) {
    auto [where, args] = filterClause(filter);
    auto v = m_ctx.database().scalar(QStringLiteral("SELECT count(*) FROM parcel WHERE ") + where, args);
    if (!v)
        return fail(v.error());
    return v->toInt();
}

Result<QList<Parcel>> ParcelQueries::arrivals(const QDate& localDay) {
    const qint64 from = localDayStartMs(localDay);
    return m_parcels.query(QStringLiteral("received_at >= ? AND received_at < ? ORDER BY pickup_code"),
                           {from, from + kDayMs});
}

} // namespace cz
