#include "setup.h"

#include "countychanges.h"
#include "shelves.h"
#include "writetx.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <cmath>

namespace cz {

namespace {
struct StationText {
    Q_DECLARE_TR_FUNCTIONS(Station)
};

Result<QString> checkStationName(const QString& input) {
    const QString name = input.simplified();
    static_assert(settings::kStationNameMax == 40, "the message below says 40");
    if (name.isEmpty() || name.size() > settings::kStationNameMax)
        return fail(ErrorKind::BadInput, QStringLiteral("station.name"),
                    StationText::tr("Give the station a name of 1 to 40 characters."));
    return name;
}

// The value to store for a setting other than the shelf layout, or why it is refused.
Result<QString> checkSetting(const QString& key, const QString& value) {
    if (const settings::IntSetting* def = settings::findInt(key)) {
        const auto v = def->parse(value);
        if (!v)
            return fail(ErrorKind::BadInput, QStringLiteral("setting.range"),
                        StationText::tr("The setting %1 takes a whole number from %2 to %3.")
                            .arg(key)
                            .arg(def->min)
                            .arg(def->max));
        return QString::number(*v);
    }
    if (key == QLatin1String(settings::kStationName))
        return checkStationName(value);
    if (key == QLatin1String(settings::kLanguage)) {
        if (value != QLatin1String(settings::kDefaultLanguage) && value != QLatin1String(settings::kEnglish))
            return fail(ErrorKind::BadInput, QStringLiteral("setting.language"),
                        StationText::tr("The language is zh_CN (Chinese, the default) or en (English)."));
        return value;
    }
    return fail(ErrorKind::BadInput, QStringLiteral("setting.unknown"),
                StationText::tr("There is no setting called \"%1\".").arg(key));
}
// Replaces the shelf places and the stored layout spec; returns the places for the outbox op.
Result<QJsonArray> writeSlots(WriteTx& tx, const QList<SlotDef>& slots, const QString& spec) {
    if (auto d = tx.exec(QStringLiteral("DELETE FROM slot")); !d)
        return fail(d.error());
    QJsonArray slotJson;
    for (const SlotDef& s : slots) {
        if (auto i = tx.exec(
                QStringLiteral("INSERT INTO slot(shelf, layer, capacity, shelf_sort) VALUES (?, ?, ?, ?)"),
                {s.shelf, s.layer, s.capacity, s.shelfSort});
            !i)
            return fail(i.error());
        slotJson.append(
            QJsonObject{{QStringLiteral("slot"), s.name()}, {QStringLiteral("capacity"), s.capacity}});
    }
    if (auto i = tx.exec(QStringLiteral("INSERT OR REPLACE INTO setting(key, value) VALUES (?, ?)"),
                         {QString::fromLatin1(settings::kShelfSpec), normaliseShelfSpec(spec)});
        !i)
        return fail(i.error());
    return slotJson;
}
} // namespace

Result<StationSetup::LayoutChange> StationSetup::beginLayoutChange(const QString& spec) {
    auto slots = parseShelfSpec(spec);
    if (!slots)
        return fail(slots.error());
    auto tx = m_ctx.beginWrite(Permission::ChangeSettings);
    if (!tx)
        return fail(tx.error());
    return LayoutChange{std::move(*slots), std::move(*tx)};
}

Status StationSetup::initialise(const QString& stationName, const QString& shelfSpec) {
    auto name = checkStationName(stationName);
    if (!name)
        return fail(name.error());
    if (m_ctx.isInitialised())
        return fail(ErrorKind::Conflict, QStringLiteral("station.already_initialised"),
                    StationText::tr("This database already belongs to the station \"%1\".")
                        .arg(m_ctx.settings().stationName));
    const QString spec = shelfSpec.trimmed().isEmpty() ? QString::fromLatin1(kDefaultShelfSpec) : shelfSpec;
    auto change = beginLayoutChange(spec);
    if (!change)
        return fail(change.error());
    auto& [slots, tx] = *change;
    const QString id = tx.newId();
    for (const auto& [key, value] : {std::pair{QStringLiteral("station_id"), id},
                                     std::pair{QStringLiteral("created_at"), QString::number(tx.now())}}) {
        if (auto q = tx.exec(QStringLiteral("INSERT INTO meta(key, value) VALUES (?, ?)"), {key, value}); !q)
            return fail(q.error());
    }
    auto slotJson = writeSlots(tx, slots, spec);
    if (!slotJson)
        return fail(slotJson.error());
    if (auto q = tx.exec(QStringLiteral("INSERT OR REPLACE INTO setting(key, value) VALUES (?, ?)"),
                         {QString::fromLatin1(settings::kStationName), *name});
        !q)
        return fail(q.error());
    if (auto st = tx.appendOp(QStringLiteral("station"), id, QStringLiteral("station.initialised"),
                              {{QStringLiteral("station_id"), id},
                               {QStringLiteral("name"), *name},
                               {QStringLiteral("slots"), *slotJson}});
        !st)
        return st;
    if (auto st = tx.commit(); !st)
        return st;
    return m_ctx.reloadAndNotify();
}

Status StationSetup::setSetting(const QString& key, const QString& rawValue) {
    const QString value = rawValue.trimmed();
    if (key == QLatin1String(settings::kShelfSpec))
        return setShelfLayout(value);
    auto stored = checkSetting(key, value);
    if (!stored)
        return fail(stored.error());

    auto tx = m_ctx.beginWrite(Permission::ChangeSettings);
    if (!tx)
        return fail(tx.error());
    if (auto q = tx->exec(QStringLiteral("INSERT OR REPLACE INTO setting(key, value) VALUES (?, ?)"),
                          {key, *stored});
        !q)
        return fail(q.error());
    if (auto st = tx->appendOp(QStringLiteral("setting"), key, QStringLiteral("setting.changed"),
                               {{QStringLiteral("key"), key}, {QStringLiteral("value"), *stored}});
        !st)
        return st;
    if (auto st = tx->commit(); !st)
        return st;
    return m_ctx.reloadAndNotify();
}

Status StationSetup::setShelfLayout(const QString& spec) {
    if (auto st = m_ctx.requireInitialised(); !st)
        return st;
    auto change = beginLayoutChange(spec);
    if (!change)
        return fail(change.error());
    auto& [slots, tx] = *change;
    // Places that disappear must be empty: a parcel must never lose its place silently.
    QStringList kept;
    for (const SlotDef& s : slots)
        kept << s.name();
    auto q =
        tx.exec(QStringLiteral("SELECT shelf || '-' || layer, count(*) FROM parcel WHERE status = 'waiting'"
                               " GROUP BY shelf, layer"));
    if (!q)
        return fail(q.error());
    QStringList blocked;
    while ((*q)->next()) {
        if (!kept.contains((*q)->value(0).toString()))
            blocked << StationText::tr("%1 (%n parcel(s))", nullptr, (*q)->value(1).toInt())
                           .arg((*q)->value(0).toString());
    }
    (*q)->finish();
    if (!blocked.isEmpty())
        return fail(
            ErrorKind::Conflict, QStringLiteral("shelves.not_empty"),
            StationText::tr("These places still hold parcels and cannot be removed: %1. Move the parcels "
                            "first.")
                .arg(blocked.join(QStringLiteral(", "))),
            blocked);
    auto slotJson = writeSlots(tx, slots, spec);
    if (!slotJson)
        return fail(slotJson.error());
    if (auto st = tx.appendOp(QStringLiteral("station"), m_ctx.stationId(), QStringLiteral("shelves.changed"),
                              {{QStringLiteral("slots"), *slotJson}});
        !st)
        return st;
    if (auto st = tx.commit(); !st)
        return st;
    return m_ctx.reloadAndNotify();
}

Result<int> StationSetup::pendingOps() {
    auto v = m_ctx.database().scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE acked_at IS NULL"));
    if (!v)
        return fail(v.error());
    return v->toInt();
}

// setting: only the settings the county publishes, within the station's own limits (a value
// outside them is skipped, never stored: a fee of 3e18 fen once overflowed a total).
Result<ChangeOutcome> storeCountySetting(WriteTx& tx, const CountyChange& c) {
    const settings::IntSetting* def = settings::findInt(c.key);
    if (c.deleted || !def || !def->countyPublishes)
        return skipped("not a county setting");
    const QJsonValue v = c.data.value(QStringLiteral("value"));
    QString text = v.toString();
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (d != std::floor(d) || std::abs(d) > 1e15)
            return skipped("not a whole number in range");
        text = QString::number(static_cast<qint64>(d));
    }
    const auto value = def->parse(text);
    if (!value)
        return skipped("not a whole number in range");
    if (auto q = tx.exec(QStringLiteral("INSERT OR REPLACE INTO setting(key, value) VALUES (?, ?)"),
                         {def->name(), QString::number(*value)});
        !q)
        return fail(q.error());
    return ChangeOutcome{};
}

} // namespace cz
