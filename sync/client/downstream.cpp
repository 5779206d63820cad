// Storing what the county publishes: one pulled page and its cursor in one downstream transaction.
// A change of a kind this build does not know, or one it cannot use, is skipped and logged, so a
// newer county never blocks an older station.
#include "fieldrules.h"
#include "syncstate.h"
#include "syncstore.h"

#include <QJsonArray>

namespace cz::sync {

namespace {

Status done(const Result<QSqlQuery*>& q) {
    if (!q)
        return fail(q.error());
    return {};
}

Status skip(const Change& c, const char* why) {
    qWarning("sync: skipped change %lld (%s %s): %s", static_cast<long long>(c.seq), qPrintable(c.kind),
             qPrintable(c.key), why);
    return {};
}

QVariant textOrNull(const QJsonValue& v) {
    const QString s = v.toString().trimmed();
    return s.isEmpty() ? QVariant() : QVariant(s);
}

// carrier_rules ("all"): carriers are upserted (parcels refer to them), the rules replaced. A rule
// for a carrier the station does not have is dropped rather than failing the page.
Status carrierRules(WriteTx& tx, const Change& c) {
    const QJsonArray carriers = c.data.value(QStringLiteral("carriers")).toArray();
    const QJsonArray rules = c.data.value(QStringLiteral("rules")).toArray();
    if (c.deleted || rules.isEmpty())
        return skip(c, "no rules");
    for (const QJsonValue& v : carriers) {
        const QJsonObject o = v.toObject();
        const QString code = o.value(QStringLiteral("code")).toString().trimmed();
        if (code.isEmpty())
            continue;
        auto q = tx.exec(QStringLiteral("INSERT INTO carrier(code, name_zh, name_en, sort) VALUES (?, ?, ?, ?)"
                                        " ON CONFLICT(code) DO UPDATE SET name_zh = excluded.name_zh,"
                                        " name_en = excluded.name_en, sort = excluded.sort"),
                         {code, o.value(QStringLiteral("name_zh")).toString(code),
                          o.value(QStringLiteral("name_en")).toString(code), o.value(QStringLiteral("sort")).toInt(99)});
        if (!q)
            return fail(q.error());
    }
    if (auto d = tx.exec(QStringLiteral("DELETE FROM carrier_rule")); !d)
        return fail(d.error());
    for (const QJsonValue& v : rules) {
        const QJsonObject o = v.toObject();
        const QString carrier = o.value(QStringLiteral("carrier")).toString();
        auto q = tx.exec(QStringLiteral("INSERT INTO carrier_rule(carrier, pattern, priority) SELECT ?, ?, ?"
                                        " WHERE EXISTS (SELECT 1 FROM carrier WHERE code = ?)"),
                         {carrier, o.value(QStringLiteral("pattern")).toString(),
                          o.value(QStringLiteral("priority")).toInt(), carrier});
        if (!q)
            return fail(q.error());
    }
    return {};
}

// setting: only the county-managed settings, whole numbers.
Status setting(WriteTx& tx, const Change& c) {
    static const QStringList kCountySettings{QStringLiteral("free_days"), QStringLiteral("fee_per_day_fen"),
                                             QStringLiteral("unclaimed_after_days")};
    if (c.deleted || !kCountySettings.contains(c.key))
        return skip(c, "not a county setting");
    const QJsonValue v = c.data.value(QStringLiteral("value"));
    bool ok = v.isDouble();
    const qint64 value = v.isDouble() ? v.toInteger() : v.toString().toLongLong(&ok);
    if (!ok || value < 0)
        return skip(c, "not a whole number");
    return done(tx.exec(QStringLiteral("INSERT OR REPLACE INTO setting(key, value) VALUES (?, ?)"),
                        {c.key, QString::number(value)}));
}

// A pre-alert's name under the station's own rule (common/fieldrules.h); one that fails it is
// dropped (the pre-alert is kept), so a county never shows the clerk what the clerk could not type.
QVariant prealertName(const QJsonValue& v) {
    const QString name = rules::simplifiedName(v.toString());
    if (name.isEmpty() || rules::checkPersonName(name) != rules::NameProblem::None)
        return QVariant(QMetaType::fromType<QString>());
    return name;
}

Status prealert(WriteTx& tx, const Change& c) {
    if (c.deleted)
        return done(tx.exec(QStringLiteral("DELETE FROM prealert WHERE waybill = ?"), {c.key}));
    const QString phone = c.data.value(QStringLiteral("phone")).toString().trimmed();
    const QDate day = QDate::fromString(c.data.value(QStringLiteral("van_date")).toString(), Qt::ISODate);
    if (c.key.isEmpty() || phone.isEmpty() || !day.isValid())
        return skip(c, "no waybill, phone or van date");
    return done(tx.exec(QStringLiteral("INSERT OR REPLACE INTO prealert(waybill, carrier, phone, name, van_date,"
                                       " updated_at) VALUES (?, ?, ?, ?, ?, ?)"),
                        {c.key, textOrNull(c.data.value(QStringLiteral("carrier"))), phone,
                         prealertName(c.data.value(QStringLiteral("name"))), day.toString(Qt::ISODate), tx.now()}));
}

Status noticeStatus(WriteTx& tx, const Change& c) {
    const QString s = c.data.value(QStringLiteral("state")).toString().trimmed();
    if (c.deleted || s.isEmpty())
        return skip(c, "no state");
    return done(tx.exec(QStringLiteral("UPDATE notification SET state = ? WHERE id = ?"), {s, c.key}));
}

Status apply(WriteTx& tx, const Change& c) {
    using Apply = Status (*)(WriteTx&, const Change&);
    static const QHash<QString, Apply> kinds{{QStringLiteral("carrier_rules"), &carrierRules},
                                             {QStringLiteral("setting"), &setting},
                                             {QStringLiteral("prealert"), &prealert},
                                             {QStringLiteral("notice_status"), &noticeStatus}};
    const auto it = kinds.constFind(c.kind);
    if (it == kinds.cend())
        return skip(c, "unknown kind");
    return (*it)(tx, c);
}

} // namespace

Status SyncStore::applyPull(const PullResponse& page) {
    auto tx = begin();
    if (!tx)
        return fail(tx.error());
    // A reset page is a full snapshot: drop what the county provided before. Carrier rules stay
    // until the snapshot replaces them, so the station can always detect carriers.
    if (page.reset) {
        if (auto d = tx->exec(QStringLiteral("DELETE FROM prealert")); !d)
            return fail(d.error());
    }
    for (const Change& c : page.changes) {
        if (auto st = apply(*tx, c); !st)
            return st;
    }
    if (auto st = state::set(*tx, state::kCursor, QString::number(page.next)); !st)
        return st;
    return tx->commit();
}

} // namespace cz::sync
