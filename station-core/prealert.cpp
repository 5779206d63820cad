// Pre-alerts: the county announces parcels (waybill, recipient, van day) ahead of the van. Sync
// stores them (sync/client); receiving uses them to fill in the recipient, and the Receive page
// lists what is still expected today.
#include "privacy.h"
#include "inbound.h"

namespace cz {

namespace {
const QString kPrealertColumns = QStringLiteral("SELECT a.waybill, a.carrier, a.phone, a.name, a.van_date");

Prealert prealertFromRow(const QSqlQuery& q) {
    return {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
            QDate::fromString(q.value(4).toString(), Qt::ISODate)};
}

// Expected today: announced for today's van and not received yet (no parcel with the waybill).
const QString kExpectedToday = QStringLiteral(
    " FROM prealert a WHERE a.van_date = ? AND NOT EXISTS (SELECT 1 FROM parcel p WHERE p.waybill = a.waybill)");
} // namespace

QString Prealert::maskedPhone() const {
    return maskPhone(phone, phone.right(4));
}

Result<bool> Inbound::fillFromPrealert(ReceiveRequest& request, const QString& waybill) {
    if (!request.phone.trimmed().isEmpty())
        return false;
    auto q = m_ctx.database().exec(kPrealertColumns + QStringLiteral(" FROM prealert a WHERE a.waybill = ?"), {waybill});
    if (!q)
        return fail(q.error());
    const bool found = (*q)->next();
    const Prealert a = found ? prealertFromRow(**q) : Prealert{};
    (*q)->finish();
    if (!found)
        return false;
    request.phone = a.phone;
    if (request.name.trimmed().isEmpty())
        request.name = a.name;
    // The clerk's choice wins; a carrier the station does not know is left to detection.
    if (request.carrier.trimmed().isEmpty() && m_ctx.carriers().find(a.carrier))
        request.carrier = a.carrier;
    return true;
}

Result<QList<Prealert>> Inbound::expectedToday() {
    auto q = m_ctx.database().exec(kPrealertColumns + kExpectedToday + QStringLiteral(" ORDER BY a.waybill"),
                        {localDate(m_ctx.now()).toString(Qt::ISODate)});
    if (!q)
        return fail(q.error());
    QList<Prealert> out;
    while ((*q)->next())
        out.append(prealertFromRow(**q));
    (*q)->finish();
    return out;
}

Result<int> Inbound::expectedTodayCount() {
    auto v = m_ctx.database().scalar(QStringLiteral("SELECT count(*)") + kExpectedToday,
                          {localDate(m_ctx.now()).toString(Qt::ISODate)});
    if (!v)
        return fail(v.error());
    return v->toInt();
}

} // namespace cz
