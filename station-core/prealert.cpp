// Pre-alerts: the county announces parcels (waybill, recipient, van day) ahead of the van. Sync
// stores them (sync/client); receiving uses them to fill in the recipient, and the Receive page
// lists what is still expected today.
#include "privacy.h"
#include "countychanges.h"
#include "fieldrules.h"
#include "inbound.h"
#include "writetx.h"

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

namespace {
QVariant textOrNull(const QJsonValue& v) {
    const QString s = v.toString().trimmed();
    return s.isEmpty() ? QVariant() : QVariant(s);
}

// A pre-alert's name under the station's own rule (common/fieldrules.h); one that fails it is
// dropped (the pre-alert is kept), so a county never shows the clerk what the clerk could not type.
QVariant prealertName(const QJsonValue& v) {
    const QString name = rules::simplifiedName(v.toString());
    if (name.isEmpty() || rules::checkPersonName(name) != rules::NameProblem::None)
        return QVariant(QMetaType::fromType<QString>());
    return name;
}
} // namespace

Result<ChangeOutcome> storePrealert(WriteTx& tx, const CountyChange& c) {
    if (c.deleted) {
        if (auto d = tx.exec(QStringLiteral("DELETE FROM prealert WHERE waybill = ?"), {c.key}); !d)
            return fail(d.error());
        return ChangeOutcome{};
    }
    const QString phone = c.data.value(QStringLiteral("phone")).toString().trimmed();
    const QDate day = QDate::fromString(c.data.value(QStringLiteral("van_date")).toString(), Qt::ISODate);
    if (c.key.isEmpty() || phone.isEmpty() || !day.isValid())
        return skipped("no waybill, phone or van date");
    auto q = tx.exec(QStringLiteral("INSERT OR REPLACE INTO prealert(waybill, carrier, phone, name, van_date,"
                                    " updated_at) VALUES (?, ?, ?, ?, ?, ?)"),
                     {c.key, textOrNull(c.data.value(QStringLiteral("carrier"))), phone,
                      prealertName(c.data.value(QStringLiteral("name"))), day.toString(Qt::ISODate), tx.now()});
    if (!q)
        return fail(q.error());
    return ChangeOutcome{};
}

Status dropAllPrealerts(WriteTx& tx) {
    if (auto d = tx.exec(QStringLiteral("DELETE FROM prealert")); !d)
        return fail(d.error());
    return {};
}

} // namespace cz
