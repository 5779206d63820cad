#include "carriers.h"

#include "countychanges.h"
#include "writetx.h"

#include <QJsonArray>
#include <QLocale>

namespace cz {

QString CarrierInfo::displayName() const {
    // The default locale is the station's language (installTranslations), never the shell's.
    const QString name = QLocale().language() == QLocale::English ? nameEn : nameZh;
    if (!name.isEmpty())
        return name;
    return nameZh.isEmpty() ? (nameEn.isEmpty() ? code : nameEn) : nameZh;
}

Status CarrierRegistry::load(Database& db) {
    m_carriers.clear();
    m_rules.clear();
    auto c = db.exec(QStringLiteral("SELECT code, name_zh, name_en FROM carrier ORDER BY sort, code"));
    if (!c)
        return fail(c.error());
    while ((*c)->next())
        m_carriers.append({(*c)->value(0).toString(), (*c)->value(1).toString(), (*c)->value(2).toString()});
    (*c)->finish();

    auto r = db.exec(
        QStringLiteral("SELECT r.carrier, r.pattern, r.priority FROM carrier_rule r"
                       " JOIN carrier c ON c.code = r.carrier ORDER BY r.priority DESC, c.sort, r.id"));
    if (!r)
        return fail(r.error());
    while ((*r)->next()) {
        QRegularExpression re((*r)->value(1).toString());
        if (!re.isValid())
            continue; // a bad rule from the county must not stop receiving; it just never matches
        re.optimize();
        m_rules.append({(*r)->value(0).toString(), re, (*r)->value(2).toInt()});
    }
    (*r)->finish();
    return {};
}

QList<CarrierCandidate> CarrierRegistry::detect(const QString& waybill) const {
    QList<CarrierCandidate> out;
    // Rules are sorted best first, so the first hit per carrier is its best.
    for (const Rule& rule : m_rules) {
        if (!rule.re.match(waybill).hasMatch())
            continue;
        const bool seen = std::any_of(out.cbegin(), out.cend(),
                                      [&](const CarrierCandidate& c) { return c.code == rule.carrier; });
        if (!seen)
            out.append({rule.carrier, rule.priority});
    }
    return out;
}

std::optional<CarrierInfo> CarrierRegistry::find(const QString& code) const {
    for (const CarrierInfo& c : m_carriers) {
        if (c.code.compare(code, Qt::CaseInsensitive) == 0)
            return c;
    }
    return std::nullopt;
}

QString CarrierRegistry::displayName(const QString& code) const {
    const auto carrier = find(code);
    return carrier ? carrier->displayName() : code;
}

// carrier_rules ("all"): carriers are upserted (parcels refer to them), the rules replaced. A rule
// for a carrier the station does not have is dropped rather than failing the page.
Result<ChangeOutcome> storeCarrierRules(WriteTx& tx, const CountyChange& c) {
    const QJsonArray carriers = c.data.value(QStringLiteral("carriers")).toArray();
    const QJsonArray rules = c.data.value(QStringLiteral("rules")).toArray();
    if (c.deleted || rules.isEmpty())
        return skipped("no rules");
    for (const QJsonValue& v : carriers) {
        const QJsonObject o = v.toObject();
        const QString code = o.value(QStringLiteral("code")).toString().trimmed();
        if (code.isEmpty())
            continue;
        auto q = tx.exec(QStringLiteral("INSERT INTO carrier(code, name_zh, name_en, sort) VALUES (?, ?, ?, ?)"
                                        " ON CONFLICT(code) DO UPDATE SET name_zh = excluded.name_zh,"
                                        " name_en = excluded.name_en, sort = excluded.sort"),
                         {code, o.value(QStringLiteral("name_zh")).toString(code),
                          o.value(QStringLiteral("name_en")).toString(code),
                          o.value(QStringLiteral("sort")).toInt(99)});
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
    return ChangeOutcome{};
}

} // namespace cz
