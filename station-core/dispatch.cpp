#include "dispatch.h"

#include "context.h"
#include "dispatchdetail.h"
#include "privacy.h"
#include "ratetable.h"
#include "writetx.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>

namespace cz {

namespace dispatchdetail {
Error badInput(const QString& code, const QString& message) {
    return {ErrorKind::BadInput, code, message};
}

Result<QString> required(const QString& input, int max, const QString& code, const QString& message) {
    const QString s = input.simplified();
    if (s.isEmpty() || s.size() > max)
        return fail(badInput(code, message));
    return s;
}

Status appendDispatchEvent(WriteTx& tx, const Dispatch& d, const QString& kind, const QJsonObject& data) {
    const QString eventId = tx.newId();
    auto q = tx.exec(
        QStringLiteral(
            "INSERT INTO dispatch_event(id, dispatch_id, kind, at, data, actor) VALUES (?, ?, ?, ?, ?, ?)"),
        {eventId, d.id, kind, tx.now(), QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact)),
         tx.actor()});
    if (!q)
        return fail(q.error());
    return tx.appendOp(QStringLiteral("dispatch"), d.id, QStringLiteral("dispatch.") + kind,
                       {{QStringLiteral("event_id"), eventId},
                        {QStringLiteral("at"), tx.now()},
                        {QStringLiteral("data"), data},
                        {QStringLiteral("dispatch"), d.toJson()}});
}

Status setDispatchStatus(WriteTx& tx, Dispatch& d, DispatchStatus status, const QString& bagId) {
    d.status = status;
    d.bagId = bagId;
    auto q =
        tx.exec(QStringLiteral("UPDATE dispatch SET status = ?, bag_id = ?, updated_at = ? WHERE id = ?"),
                {toString(status), bagId.isEmpty() ? QVariant() : bagId, tx.now(), d.id});
    if (!q)
        return fail(q.error());
    return {};
}
} // namespace dispatchdetail

using namespace dispatchdetail;

namespace {

const std::pair<DispatchStatus, const char*> kStatus[] = {{DispatchStatus::Accepted, "accepted"},
                                                          {DispatchStatus::Bagged, "bagged"},
                                                          {DispatchStatus::HandedOver, "handed_over"}};

DispatchStatus statusFrom(const QString& s) {
    for (const auto& [v, name] : kStatus) {
        if (s == QLatin1String(name))
            return v;
    }
    return DispatchStatus::Accepted;
}

const QString kColumns = QStringLiteral(
    "id, waybill, carrier, status, sender_name, sender_phone, sender_id_no, recipient_name, recipient_phone,"
    " province, city, district, address, contents, contents_note, weight_g, fee_fen, zone, accepted_at, "
    "bag_id");

Dispatch fromRow(const QSqlQuery& q) {
    Dispatch d;
    d.id = q.value(0).toString();
    d.waybill = q.value(1).toString();
    d.carrier = q.value(2).toString();
    d.status = statusFrom(q.value(3).toString());
    d.senderName = q.value(4).toString();
    d.senderPhone = q.value(5).toString();
    d.senderId = q.value(6).toString();
    d.recipientName = q.value(7).toString();
    d.recipientPhone = q.value(8).toString();
    d.province = q.value(9).toString();
    d.city = q.value(10).toString();
    d.district = q.value(11).toString();
    d.address = q.value(12).toString();
    d.contents = q.value(13).toString();
    d.contentsNote = q.value(14).toString();
    d.weightGrams = q.value(15).toInt();
    d.feeFen = q.value(16).toLongLong();
    d.zone = q.value(17).toString();
    d.acceptedAt = q.value(18).toLongLong();
    d.bagId = q.value(19).toString();
    return d;
}

// A required short text: simplified, 1..max characters.

Result<QString> mobile(const QString& input, const QString& code, const QString& message) {
    auto p = parsePhone(input);
    if (!p || p->full.isEmpty())
        return fail(badInput(code, message));
    return p->full;
}

} // namespace

QString toString(DispatchStatus s) {
    for (const auto& [v, name] : kStatus) {
        if (v == s)
            return QString::fromLatin1(name);
    }
    return {};
}

QString dispatchStatusLabel(DispatchStatus s) {
    switch (s) {
    case DispatchStatus::Accepted:
        return DispatchText::tr("Accepted");
    case DispatchStatus::Bagged:
        return DispatchText::tr("Bagged");
    case DispatchStatus::HandedOver:
        return DispatchText::tr("Handed to the van");
    }
    return {};
}

QStringList contentsCategories() {
    return {QStringLiteral("documents"), QStringLiteral("clothing"),     QStringLiteral("daily_goods"),
            QStringLiteral("food"),      QStringLiteral("farm_produce"), QStringLiteral("electronics"),
            QStringLiteral("other")};
}

QString contentsLabel(const QString& key) {
    if (key == QLatin1String("documents"))
        return DispatchText::tr("Documents");
    if (key == QLatin1String("clothing"))
        return DispatchText::tr("Clothing and shoes");
    if (key == QLatin1String("daily_goods"))
        return DispatchText::tr("Daily goods");
    if (key == QLatin1String("food"))
        return DispatchText::tr("Packaged food");
    if (key == QLatin1String("farm_produce"))
        return DispatchText::tr("Farm produce");
    if (key == QLatin1String("electronics"))
        return DispatchText::tr("Electronics");
    if (key == QLatin1String("other"))
        return DispatchText::tr("Other");
    return key;
}

Result<QString> validateResidentId(const QString& input) {
    QString id = input.trimmed().toUpper();
    id.remove(QLatin1Char(' '));
    static const QRegularExpression shape(QStringLiteral("^\\d{17}[\\dX]$"));
    if (!shape.match(id).hasMatch())
        return fail(
            badInput(QStringLiteral("id.format"),
                     DispatchText::tr("A resident ID has 18 characters: 17 digits and a last digit or X.")));
    static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += (id.at(i).unicode() - u'0') * weights[i];
    const char expected = "10X98765432"[sum % 11];
    if (id.at(17) != QLatin1Char(expected))
        return fail(
            badInput(QStringLiteral("id.check"),
                     DispatchText::tr("The resident ID %1 is mistyped: its check character does not match.")
                         .arg(maskResidentId(id))));
    const QDate birth = QDate::fromString(id.mid(6, 8), QStringLiteral("yyyyMMdd"));
    if (!birth.isValid() || birth.year() < 1900)
        return fail(badInput(QStringLiteral("id.birth_date"),
                             DispatchText::tr("The resident ID %1 does not contain a valid birth date.")
                                 .arg(maskResidentId(id))));
    return id;
}

QString maskResidentId(const QString& id) {
    if (id.size() < 8)
        return QString(id.size(), QLatin1Char('*'));
    return id.left(4) + QString(id.size() - 8, QLatin1Char('*')) + id.right(4);
}

QJsonObject Dispatch::toJson() const {
    return {{QStringLiteral("id"), id},
            {QStringLiteral("waybill"), waybill},
            {QStringLiteral("carrier"), carrier},
            {QStringLiteral("status"), toString(status)},
            {QStringLiteral("sender_name"), senderName},
            {QStringLiteral("sender_phone"), senderPhone},
            {QStringLiteral("sender_id_no"), senderId},
            {QStringLiteral("recipient_name"), recipientName},
            {QStringLiteral("recipient_phone"), recipientPhone},
            {QStringLiteral("province"), province},
            {QStringLiteral("city"), city},
            {QStringLiteral("district"), district},
            {QStringLiteral("address"), address},
            {QStringLiteral("contents"), contents},
            {QStringLiteral("contents_note"), contentsNote},
            {QStringLiteral("weight_g"), weightGrams},
            {QStringLiteral("fee_fen"), feeFen},
            {QStringLiteral("zone"), zone},
            {QStringLiteral("accepted_at"), acceptedAt},
            {QStringLiteral("bag_id"), bagId}};
}

QJsonObject Dispatch::toPublicJson() const {
    QJsonObject o = toJson();
    o.insert(QStringLiteral("sender_name"), maskName(senderName));
    o.insert(QStringLiteral("sender_phone"), maskPhone(senderPhone, senderPhone.right(4)));
    o.insert(QStringLiteral("sender_id_no"), maskResidentId(senderId));
    o.insert(QStringLiteral("recipient_name"), maskName(recipientName));
    o.insert(QStringLiteral("recipient_phone"), maskPhone(recipientPhone, recipientPhone.right(4)));
    return o;
}

Result<int> DispatchDesk::importRates(const QString& csv) {
    // The parser both ends share (common/ratetable.h); the first bad line is reported.
    const rates::RateTable table = rates::parseRateCsv(
        csv, [this](const QString& code) { return m_ctx.carriers().find(code).has_value(); });
    if (!table.errors.isEmpty()) {
        const rates::LineError& e = table.errors.first();
        if (e.problem == rates::Problem::UnknownCarrier)
            return fail(
                badInput(QStringLiteral("carrier.unknown"),
                         DispatchText::tr("Line %1 of the rate file names the unknown carrier \"%2\".")
                             .arg(e.line)
                             .arg(e.text)));
        return fail(
            badInput(QStringLiteral("rates.line"),
                     DispatchText::tr("Line %1 of the rate file is not \"carrier,province,zone,first_fen,"
                                      "extra_fen_per_kg,max_weight_g\": %2")
                         .arg(e.line)
                         .arg(e.text)));
    }
    const QList<rates::RateRow>& rows = table.rows;
    const QStringList& carriers = table.carriers;
    if (rows.isEmpty())
        return fail(badInput(QStringLiteral("rates.empty"), DispatchText::tr("The rate file has no rates.")));

    auto tx = m_ctx.beginWrite(Permission::ImportRates);
    if (!tx)
        return fail(tx.error());
    for (const QString& c : carriers) {
        if (auto d = tx->exec(QStringLiteral("DELETE FROM rate WHERE carrier = ?"), {c}); !d)
            return fail(d.error());
    }
    QJsonArray json;
    for (const rates::RateRow& r : rows) {
        auto q = tx->exec(QStringLiteral("INSERT OR REPLACE INTO rate(carrier, province, zone, first_fen,"
                                         " extra_fen_per_kg, max_weight_g) VALUES (?, ?, ?, ?, ?, ?)"),
                          {r.carrier, r.province, r.zone, r.firstFen, r.extraFenPerKg, r.maxWeightGrams});
        if (!q)
            return fail(q.error());
        json.append(QJsonArray{r.carrier, r.province, r.zone, r.firstFen, r.extraFenPerKg, r.maxWeightGrams});
    }
    if (auto st = tx->appendOp(QStringLiteral("rates"), carriers.join(QLatin1Char(',')),
                               QStringLiteral("rates.imported"),
                               {{QStringLiteral("carriers"), QJsonArray::fromStringList(carriers)},
                                {QStringLiteral("rows"), json}});
        !st)
        return fail(st.error());
    if (auto st = tx->commit(); !st)
        return fail(st.error());
    m_ctx.notifyChanged(Domain::Dispatch);
    return static_cast<int>(rows.size());
}

Result<QStringList> DispatchDesk::provinces() {
    // The county's rates for a carrier replace the station's own for that carrier (countyprices.cpp).
    auto q = m_ctx.database().exec(
        QStringLiteral("SELECT province FROM county_rate UNION SELECT province FROM rate"
                       " WHERE carrier NOT IN (SELECT carrier FROM county_rate) ORDER BY province"));
    if (!q)
        return fail(q.error());
    QStringList out;
    while ((*q)->next())
        out << (*q)->value(0).toString();
    (*q)->finish();
    return out;
}

Result<RateQuote> DispatchDesk::quote(const QString& carrierCode, const QString& province, int weightGrams) {
    const QString carrier = carrierCode.trimmed().toUpper();
    if (weightGrams <= 0)
        return fail(badInput(QStringLiteral("dispatch.weight"),
                             DispatchText::tr("Weigh the parcel: the weight must be more than 0 g.")));
    // The county's table for the carrier when it published one, else the station's own import.
    auto q = m_ctx.database().exec(
        QStringLiteral("SELECT zone, first_fen, extra_fen_per_kg, max_weight_g FROM county_rate"
                       " WHERE carrier = ? AND province = ?"
                       " UNION ALL SELECT zone, first_fen, extra_fen_per_kg, max_weight_g FROM rate"
                       " WHERE carrier = ? AND province = ?"
                       " AND NOT EXISTS (SELECT 1 FROM county_rate WHERE carrier = ?)"),
        {carrier, province.trimmed(), carrier, province.trimmed(), carrier});
    if (!q)
        return fail(q.error());
    if (!(*q)->next()) {
        (*q)->finish();
        return fail(
            badInput(QStringLiteral("dispatch.no_rate"),
                     DispatchText::tr("%1 has no rate to %2: choose another carrier or import its rates.")
                         .arg(m_ctx.carriers().displayName(carrier), province.trimmed())));
    }
    RateQuote r;
    r.carrier = carrier;
    r.province = province.trimmed();
    r.zone = (*q)->value(0).toString();
    const qint64 first = (*q)->value(1).toLongLong(), extra = (*q)->value(2).toLongLong();
    const int maxWeight = (*q)->value(3).toInt();
    (*q)->finish();
    if (weightGrams > maxWeight)
        return fail(badInput(QStringLiteral("dispatch.too_heavy"),
                             DispatchText::tr("%1 takes parcels up to %2 kg; this one weighs %3 kg.")
                                 .arg(m_ctx.carriers().displayName(carrier))
                                 .arg(maxWeight / 1000.0, 0, 'g', 6)
                                 .arg(weightGrams / 1000.0, 0, 'g', 6)));
    // First kilogram, then each started kilogram.
    r.chargeableKg = (weightGrams + 999) / 1000;
    r.feeFen = first + qint64(r.chargeableKg - 1) * extra;
    return r;
}

Status DispatchDesk::importWaybillBlock(const QString& carrierCode, const QString& prefix, qint64 from,
                                        qint64 to, int digits) {
    const QString carrier = carrierCode.trimmed().toUpper();
    const QString p = prefix.trimmed().toUpper();
    if (!m_ctx.carriers().find(carrier))
        return fail(badInput(QStringLiteral("carrier.unknown"),
                             DispatchText::tr("\"%1\" is not a known carrier code.").arg(carrier)));
    if (!rates::validWaybillBlock(p, from, to, digits))
        return fail(badInput(
            QStringLiteral("waybill_block.invalid"),
            DispatchText::tr("A number block is a prefix of up to 8 letters or digits and a range "
                             "FROM-TO that fits in the given number of digits; the numbers must have "
                             "8 to 32 characters.")));
    auto tx = m_ctx.beginWrite(Permission::ImportWaybills);
    if (!tx)
        return fail(tx.error());
    // Overlapping blocks would hand out the same number twice.
    auto overlap =
        tx->scalar(QStringLiteral("SELECT count(*) FROM waybill_block WHERE carrier = ? AND prefix = ?"
                                  " AND digits = ? AND NOT (last_no < ? OR next_no > ?)"),
                   {carrier, p, digits, from, to});
    if (!overlap)
        return fail(overlap.error());
    if (overlap->toInt() > 0)
        return fail(ErrorKind::Conflict, QStringLiteral("waybill_block.overlap"),
                    DispatchText::tr("These numbers overlap a block already imported for %1.")
                        .arg(m_ctx.carriers().displayName(carrier)));
    auto q = tx->exec(
        QStringLiteral(
            "INSERT INTO waybill_block(carrier, prefix, digits, next_no, last_no) VALUES (?, ?, ?, ?, ?)"),
        {carrier, p, digits, from, to});
    if (!q)
        return fail(q.error());
    if (auto st =
            tx->appendOp(QStringLiteral("waybill_block"), carrier, QStringLiteral("waybill_block.imported"),
                         {{QStringLiteral("carrier"), carrier},
                          {QStringLiteral("prefix"), p},
                          {QStringLiteral("digits"), digits},
                          {QStringLiteral("from"), from},
                          {QStringLiteral("to"), to}});
        !st)
        return st;
    if (auto st = tx->commit(); !st)
        return st;
    m_ctx.notifyChanged(Domain::Dispatch);
    return {};
}

Result<qint64> DispatchDesk::waybillsLeft(const QString& carrier) {
    auto v = m_ctx.database().scalar(
        QStringLiteral("SELECT coalesce(sum(last_no - next_no + 1), 0) FROM waybill_block WHERE carrier = ?"
                       " AND next_no <= last_no"),
        {carrier.trimmed().toUpper()});
    if (!v)
        return fail(v.error());
    return v->toLongLong();
}

Result<Dispatch> DispatchDesk::accept(const DispatchRequest& r) {
    if (auto st = m_ctx.requireInitialised(); !st)
        return fail(st.error());
    Dispatch d;
    {
        auto v = required(r.senderName, 32, QStringLiteral("dispatch.sender_name"),
                          DispatchText::tr("Enter the sender's real name (as on the ID card)."));
        if (!v)
            return fail(v.error());
        d.senderName = *v;
    }
    if (auto v = mobile(r.senderPhone, QStringLiteral("dispatch.sender_phone"),
                        DispatchText::tr("Enter the sender's 11-digit mobile number."));
        !v)
        return fail(v.error());
    else
        d.senderPhone = *v;
    if (auto v = validateResidentId(r.senderId); !v)
        return fail(v.error());
    else
        d.senderId = *v;
    if (auto v = required(r.recipientName, 32, QStringLiteral("dispatch.recipient_name"),
                          DispatchText::tr("Enter the recipient's name."));
        !v)
        return fail(v.error());
    else
        d.recipientName = *v;
    if (auto v = mobile(r.recipientPhone, QStringLiteral("dispatch.recipient_phone"),
                        DispatchText::tr("Enter the recipient's 11-digit mobile number."));
        !v)
        return fail(v.error());
    else
        d.recipientPhone = *v;
    const QString addressMessage =
        DispatchText::tr("Enter the full address: province, city, district and the street "
                         "address.");
    for (auto [in, out] : {std::pair{&r.province, &d.province}, std::pair{&r.city, &d.city},
                           std::pair{&r.district, &d.district}}) {
        auto v = required(*in, 20, QStringLiteral("dispatch.address"), addressMessage);
        if (!v)
            return fail(v.error());
        *out = *v;
    }
    if (auto v = required(r.address, 100, QStringLiteral("dispatch.address"), addressMessage); !v)
        return fail(v.error());
    else
        d.address = *v;
    if (!contentsCategories().contains(r.contents))
        return fail(badInput(QStringLiteral("dispatch.contents"),
                             DispatchText::tr("Choose what the parcel contains.")));
    d.contents = r.contents;
    d.contentsNote = r.contentsNote.simplified().left(100);
    if (!r.inspected)
        return fail(badInput(QStringLiteral("dispatch.not_inspected"),
                             DispatchText::tr("Open and inspect the parcel and confirm that it holds nothing "
                                              "prohibited before accepting it.")));
    if (!m_ctx.carriers().find(r.carrier))
        return fail(badInput(QStringLiteral("carrier.unknown"),
                             DispatchText::tr("Choose the carrier that takes the parcel.")));
    d.carrier = m_ctx.carriers().find(r.carrier)->code;
    auto price = quote(d.carrier, d.province, r.weightGrams);
    if (!price)
        return fail(price.error());
    d.weightGrams = r.weightGrams;
    d.feeFen = price->feeFen;
    d.zone = price->zone;

    auto tx = m_ctx.beginWrite(Permission::AcceptDispatch);
    if (!tx)
        return fail(tx.error());
    if (!r.waybill.trimmed().isEmpty()) {
        auto w = validateWaybill(r.waybill);
        if (!w)
            return fail(w.error());
        d.waybill = *w;
    } else {
        auto block =
            tx->exec(QStringLiteral("SELECT id, prefix, digits, next_no FROM waybill_block WHERE carrier = ?"
                                    " AND next_no <= last_no ORDER BY id LIMIT 1"),
                     {d.carrier});
        if (!block)
            return fail(block.error());
        if (!(*block)->next()) {
            (*block)->finish();
            return fail(
                ErrorKind::Conflict, QStringLiteral("dispatch.no_waybill_numbers"),
                DispatchText::tr("No %1 waybill numbers are left: scan a pre-printed waybill or import a "
                                 "new number block.")
                    .arg(m_ctx.carriers().displayName(d.carrier)));
        }
        const qint64 blockId = (*block)->value(0).toLongLong();
        const qint64 next = (*block)->value(3).toLongLong();
        d.waybill = (*block)->value(1).toString() +
                    QStringLiteral("%1").arg(next, (*block)->value(2).toInt(), 10, QLatin1Char('0'));
        (*block)->finish();
        if (auto u = tx->exec(QStringLiteral("UPDATE waybill_block SET next_no = next_no + 1 WHERE id = ?"),
                              {blockId});
            !u)
            return fail(u.error());
    }
    auto dup = tx->scalar(QStringLiteral("SELECT 1 FROM dispatch WHERE waybill = ?"), {d.waybill});
    if (!dup)
        return fail(dup.error());
    if (dup->isValid())
        return fail(
            ErrorKind::Conflict, QStringLiteral("dispatch.duplicate_waybill"),
            DispatchText::tr("The waybill %1 is already used by another parcel sent from this station.")
                .arg(d.waybill));

    d.id = tx->newId();
    d.acceptedAt = tx->now();
    auto ins = tx->exec(
        QStringLiteral("INSERT INTO dispatch(") + kColumns +
            QStringLiteral(", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                           " ?, ?, ?, ?)"),
        {d.id,         d.waybill,       d.carrier,        toString(d.status), d.senderName, d.senderPhone,
         d.senderId,   d.recipientName, d.recipientPhone, d.province,         d.city,       d.district,
         d.address,    d.contents,      d.contentsNote,   d.weightGrams,      d.feeFen,     d.zone,
         d.acceptedAt, QVariant(),      d.acceptedAt});
    if (!ins)
        return fail(ins.error());
    auto cashId = tx->appendCashEntry(QStringLiteral("dispatch_fee"), d.feeFen, d.id, d.waybill);
    if (!cashId)
        return fail(cashId.error());
    if (auto st = appendDispatchEvent(*tx, d, QStringLiteral("accepted"),
                                      {{QStringLiteral("cash_entry_id"), *cashId},
                                       {QStringLiteral("chargeable_kg"), price->chargeableKg},
                                       {QStringLiteral("inspected"), true}});
        !st)
        return fail(st.error());
    if (auto st = tx->commit(); !st)
        return fail(st.error());
    m_ctx.notifyChanged(Domain::Dispatch);
    return d;
}

Result<Dispatch> DispatchDesk::dispatch(const QString& idOrWaybill) {
    const QString key = idOrWaybill.trimmed();
    auto q = m_ctx.database().exec(QStringLiteral("SELECT ") + kColumns +
                                       QStringLiteral(" FROM dispatch WHERE id = ? OR waybill = ?"),
                                   {key, normaliseWaybill(key)});
    if (!q)
        return fail(q.error());
    if (!(*q)->next()) {
        (*q)->finish();
        return fail(ErrorKind::NotFound, QStringLiteral("dispatch.not_found"),
                    DispatchText::tr("No parcel sent from this station has the waybill %1.").arg(key));
    }
    Dispatch d = fromRow(**q);
    (*q)->finish();
    return d;
}

Result<QList<Dispatch>> DispatchDesk::list(const QString& status) {
    auto q =
        status.isEmpty()
            ? m_ctx.database().exec(QStringLiteral("SELECT ") + kColumns +
                                    QStringLiteral(" FROM dispatch ORDER BY accepted_at DESC LIMIT 1000"))
            : m_ctx.database().exec(QStringLiteral("SELECT ") + kColumns +
                                        QStringLiteral(" FROM dispatch WHERE status = ?"
                                                       " ORDER BY accepted_at DESC LIMIT 1000"),
                                    {status});
    if (!q)
        return fail(q.error());
    QList<Dispatch> out;
    while ((*q)->next())
        out.append(fromRow(**q));
    (*q)->finish();
    return out;
}

} // namespace cz
