#include "station.h"

#include "retention.h"
#include "writetx.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTimer>

namespace cz {

namespace {
struct StationText {
    Q_DECLARE_TR_FUNCTIONS(Station)
};

struct IntSetting {
    const char* key;
    int min;
    int max;
};
constexpr IntSetting kIntSettings[] = {{"free_days", 0, 60},
                                       {"fee_per_day_fen", 0, 100000},
                                       {"undo_window_min", 0, 1440},
                                       {"unclaimed_after_days", 1, 365},
                                       {kOutboxRetentionDaysKey, 1, 3650}};
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
    if (auto i =
            tx.exec(QStringLiteral("INSERT OR REPLACE INTO setting(key, value) VALUES ('shelf_spec', ?)"),
                    {normaliseShelfSpec(spec)});
        !i)
        return fail(i.error());
    return slotJson;
}
} // namespace

Station::Station(std::unique_ptr<Database> db, std::shared_ptr<Clock> clock, std::shared_ptr<IdSource> ids)
    : m_db(std::move(db))
    , m_clock(std::move(clock))
    , m_ids(std::move(ids))
    , m_actor(QString::fromLatin1(kStationActor)) {}

Station::~Station() = default;

Result<std::unique_ptr<Station>> Station::open(const QString& path, const OpenOptions& options,
                                               std::shared_ptr<Clock> clock, std::shared_ptr<IdSource> ids) {
    auto db = Database::open(path, options);
    if (!db)
        return fail(db.error());
    if (!clock)
        clock = std::make_shared<SystemClock>();
    if (!ids)
        ids = std::make_shared<UuidV7Source>(*clock);
    std::unique_ptr<Station> s(new Station(std::move(*db), std::move(clock), std::move(ids)));
    if (auto st = s->reload(); !st)
        return fail(st.error());
    return s;
}

Status Station::reload() {
    auto id = m_db->scalar(QStringLiteral("SELECT value FROM meta WHERE key = 'station_id'"));
    if (!id)
        return fail(id.error());
    m_stationId = id->toString();

    auto q = m_db->exec(QStringLiteral("SELECT key, value FROM setting"));
    if (!q)
        return fail(q.error());
    StationSettings s;
    while ((*q)->next()) {
        const QString key = (*q)->value(0).toString();
        const QString value = (*q)->value(1).toString();
        if (key == QLatin1String("station_name"))
            s.stationName = value;
        else if (key == QLatin1String("shelf_spec"))
            s.shelfSpec = value;
        else if (key == QLatin1String("free_days"))
            s.freeDays = value.toInt();
        else if (key == QLatin1String("fee_per_day_fen"))
            s.feePerDayFen = value.toLongLong();
        else if (key == QLatin1String("undo_window_min"))
            s.undoWindowMin = value.toInt();
        else if (key == QLatin1String("unclaimed_after_days"))
            s.unclaimedAfterDays = value.toInt();
        else if (key == QLatin1String(kOutboxRetentionDaysKey))
            s.outboxRetentionDays = value.toInt();
        else if (key == QLatin1String("language") && value == QLatin1String("en"))
            s.language = value; // anything else, including "" (once "follow the system"), is the default
    }
    (*q)->finish();
    m_settings = s;
    return m_carriers.load(*m_db);
}

Result<WriteTx> Station::beginWrite() {
    return WriteTx::begin(*m_db, *m_clock, *m_ids, m_actor);
}

void Station::setActor(const QString& actor) {
    m_actor = actor.trimmed().isEmpty() ? QString::fromLatin1(kStationActor) : actor.trimmed();
}

Status Station::requireInitialised() const {
    if (isInitialised())
        return {};
    return fail(ErrorKind::Conflict, QStringLiteral("station.not_initialised"),
                StationText::tr("The station is not set up yet: give it a name and a shelf layout first "
                                "(cunzhanctl init)."));
}

Status Station::initialise(const QString& stationName, const QString& shelfSpec) {
    const QString name = stationName.simplified();
    if (name.isEmpty() || name.size() > 40)
        return fail(ErrorKind::BadInput, QStringLiteral("station.name"),
                    StationText::tr("Give the station a name of 1 to 40 characters."));
    if (isInitialised())
        return fail(ErrorKind::Conflict, QStringLiteral("station.already_initialised"),
                    StationText::tr("This database already belongs to the station \"%1\".")
                        .arg(m_settings.stationName));
    const QString spec = shelfSpec.trimmed().isEmpty() ? QString::fromLatin1(kDefaultShelfSpec) : shelfSpec;
    auto slots = parseShelfSpec(spec);
    if (!slots)
        return fail(slots.error());

    auto tx = beginWrite();
    if (!tx)
        return fail(tx.error());
    const QString id = tx->newId();
    for (const auto& [key, value] : {std::pair{QStringLiteral("station_id"), id},
                                     std::pair{QStringLiteral("created_at"), QString::number(tx->now())}}) {
        if (auto q = tx->exec(QStringLiteral("INSERT INTO meta(key, value) VALUES (?, ?)"), {key, value}); !q)
            return fail(q.error());
    }
    auto slotJson = writeSlots(*tx, *slots, spec);
    if (!slotJson)
        return fail(slotJson.error());
    if (auto q = tx->exec(
            QStringLiteral("INSERT OR REPLACE INTO setting(key, value) VALUES ('station_name', ?)"), {name});
        !q)
        return fail(q.error());
    if (auto st = tx->appendOp(QStringLiteral("station"), id, QStringLiteral("station.initialised"),
                               {{QStringLiteral("station_id"), id},
                                {QStringLiteral("name"), name},
                                {QStringLiteral("slots"), *slotJson}});
        !st)
        return st;
    if (auto st = tx->commit(); !st)
        return st;
    if (auto st = reload(); !st)
        return st;
    Q_EMIT changed();
    return {};
}

Status Station::setSetting(const QString& key, const QString& rawValue) {
    const QString value = rawValue.trimmed();
    bool known = false;
    for (const IntSetting& s : kIntSettings) {
        if (key != QLatin1String(s.key))
            continue;
        known = true;
        bool ok = false;
        const int v = value.toInt(&ok);
        if (!ok || v < s.min || v > s.max)
            return fail(ErrorKind::BadInput, QStringLiteral("setting.range"),
                        StationText::tr("The setting %1 takes a whole number from %2 to %3.")
                            .arg(key)
                            .arg(s.min)
                            .arg(s.max));
    }
    if (key == QLatin1String("station_name")) {
        known = true;
        if (value.isEmpty() || value.size() > 40)
            return fail(ErrorKind::BadInput, QStringLiteral("station.name"),
                        StationText::tr("Give the station a name of 1 to 40 characters."));
    } else if (key == QLatin1String("language")) {
        known = true;
        if (value != QLatin1String(kDefaultLanguage) && value != QLatin1String("en"))
            return fail(ErrorKind::BadInput, QStringLiteral("setting.language"),
                        StationText::tr("The language is zh_CN (Chinese, the default) or en (English)."));
    } else if (key == QLatin1String("shelf_spec")) {
        return setShelfLayout(value);
    }
    if (!known)
        return fail(ErrorKind::BadInput, QStringLiteral("setting.unknown"),
                    StationText::tr("There is no setting called \"%1\".").arg(key));

    auto tx = beginWrite();
    if (!tx)
        return fail(tx.error());
    // A null QString would bind as SQL NULL.
    const QString stored = value.isNull() ? QStringLiteral("") : value;
    if (auto q = tx->exec(QStringLiteral("INSERT OR REPLACE INTO setting(key, value) VALUES (?, ?)"),
                          {key, stored});
        !q)
        return fail(q.error());
    if (auto st = tx->appendOp(QStringLiteral("setting"), key, QStringLiteral("setting.changed"),
                               {{QStringLiteral("key"), key}, {QStringLiteral("value"), stored}});
        !st)
        return st;
    if (auto st = tx->commit(); !st)
        return st;
    if (auto st = reload(); !st)
        return st;
    Q_EMIT changed();
    return {};
}

Status Station::setShelfLayout(const QString& spec) {
    if (auto st = requireInitialised(); !st)
        return st;
    auto slots = parseShelfSpec(spec);
    if (!slots)
        return fail(slots.error());
    auto tx = beginWrite();
    if (!tx)
        return fail(tx.error());
    // Places that disappear must be empty: a parcel must never lose its place silently.
    QStringList kept;
    for (const SlotDef& s : *slots)
        kept << s.name();
    auto q =
        tx->exec(QStringLiteral("SELECT shelf || '-' || layer, count(*) FROM parcel WHERE status = 'waiting'"
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
    auto slotJson = writeSlots(*tx, *slots, spec);
    if (!slotJson)
        return fail(slotJson.error());
    if (auto st = tx->appendOp(QStringLiteral("station"), m_stationId, QStringLiteral("shelves.changed"),
                               {{QStringLiteral("slots"), *slotJson}});
        !st)
        return st;
    if (auto st = tx->commit(); !st)
        return st;
    if (auto st = reload(); !st)
        return st;
    Q_EMIT changed();
    return {};
}

Result<QList<SlotLoad>> Station::slotLoads() {
    // slot.waiting is kept by triggers (migrations.cpp, version 6).
    auto q = m_db->exec(QStringLiteral("SELECT shelf, layer, capacity, shelf_sort, waiting FROM slot"
                                       " ORDER BY shelf_sort, layer"));
    if (!q)
        return fail(q.error());
    QList<SlotLoad> out;
    while ((*q)->next())
        out.append({{(*q)->value(0).toString(), (*q)->value(1).toInt(), (*q)->value(2).toInt(),
                     (*q)->value(3).toInt()},
                    (*q)->value(4).toInt()});
    (*q)->finish();
    return out;
}

Result<int> Station::pendingOps() {
    auto v = m_db->scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE acked_at IS NULL"));
    if (!v)
        return fail(v.error());
    return v->toInt();
}

Status Station::writeParcelState(WriteTx& tx, const Parcel& p) {
    auto q = tx.exec(
        QStringLiteral("UPDATE parcel SET shelf = ?, layer = ?, code_seq = ?, pickup_code = ?, status = ?,"
                       " in_station = ?, picked_up_at = ?, collector = ?, fee_fen = ?, return_reason = ?,"
                       " updated_at = ? WHERE id = ?"),
        {p.shelf, p.layer, p.codeSeq, p.pickupCode, toString(p.status), p.inStation ? 1 : 0,
         p.pickedUpAt ? QVariant(p.pickedUpAt) : QVariant(), p.collector.isEmpty() ? QVariant() : p.collector,
         p.feeFen, p.returnReason.isEmpty() ? QVariant() : p.returnReason, tx.now(), p.id});
    if (!q)
        return fail(q.error());
    return {};
}

Status Station::recordChange(WriteTx& tx, const Parcel& p, const QString& eventKind, QJsonObject eventData) {
    auto eventId = tx.appendParcelEvent(p.id, eventKind, eventData);
    if (!eventId)
        return fail(eventId.error());
    return tx.appendOp(QStringLiteral("parcel"), p.id, QStringLiteral("parcel.") + eventKind,
                       {{QStringLiteral("event_id"), *eventId},
                        {QStringLiteral("at"), tx.now()},
                        {QStringLiteral("data"), eventData},
                        {QStringLiteral("parcel"), p.toJson()}});
}

Result<Parcel> Station::loadForUpdate(WriteTx& tx, const QString& parcelId) {
    auto q = tx.exec(QStringLiteral("SELECT ") + kParcelColumns + QStringLiteral(" FROM parcel WHERE id = ?"),
                     {parcelId});
    if (!q)
        return fail(q.error());
    if (!(*q)->next()) {
        (*q)->finish();
        return fail(ErrorKind::NotFound, QStringLiteral("parcel.not_found"),
                    StationText::tr("No parcel with the id %1.").arg(parcelId));
    }
    Parcel p = parcelFromRow(**q);
    (*q)->finish();
    return p;
}

Result<std::pair<int, QString>> Station::allocateCode(WriteTx& tx, const QString& shelf, int layer,
                                                      int preferredSeq) {
    // Sequence numbers run 1001..9999 and wrap; a code is free when no parcel still in the station holds it.
    constexpr int kFirst = 1001, kLast = 9999;
    auto current = tx.scalar(QStringLiteral("SELECT value FROM counter WHERE name = 'pickup_seq'"));
    if (!current)
        return fail(current.error());
    int seq = preferredSeq > 0 ? preferredSeq : (current->isValid() ? current->toInt() + 1 : kFirst);
    for (int tries = 0; tries <= kLast - kFirst; ++tries) {
        if (seq > kLast || seq < kFirst)
            seq = kFirst;
        const QString code = QStringLiteral("%1-%2-%3").arg(shelf).arg(layer).arg(seq);
        auto taken = tx.scalar(
            QStringLiteral("SELECT 1 FROM parcel WHERE pickup_code = ? AND in_station = 1"), {code});
        if (!taken)
            return fail(taken.error());
        if (!taken->isValid()) {
            if (preferredSeq == 0) {
                // An upsert changes the row in place; REPLACE deleted and re-inserted it, writing
                // the key's index too.
                if (auto u =
                        tx.exec(QStringLiteral("INSERT INTO counter(name, value) VALUES ('pickup_seq', ?)"
                                               " ON CONFLICT(name) DO UPDATE SET value = excluded.value"),
                                {seq});
                    !u)
                    return fail(u.error());
            }
            return std::pair{seq, code};
        }
        if (preferredSeq > 0) {
            preferredSeq = 0; // the old number is taken: fall back to the running sequence
            seq = current->isValid() ? current->toInt() + 1 : kFirst;
            continue;
        }
        ++seq;
    }
    return fail(
        ErrorKind::Conflict, QStringLiteral("code.exhausted"),
        StationText::tr("Place %1-%2 has no free pickup code left; hand over or move some parcels first.")
            .arg(shelf)
            .arg(layer));
}

Result<bool> Station::refreshIfChangedElsewhere() {
    // data_version changes when another connection (in this process or another) commits; never for
    // this connection's own commits, which emit changed() themselves.
    auto v = m_db->scalar(QStringLiteral("PRAGMA data_version"));
    if (!v)
        return fail(v.error());
    const qint64 version = v->toLongLong();
    const bool unchanged = m_dataVersion < 0 || version == m_dataVersion;
    m_dataVersion = version;
    if (unchanged)
        return false;
    if (auto st = refresh(); !st)
        return fail(st.error());
    return true;
}

void Station::watchChangesElsewhere(int intervalMs) {
    auto* timer = new QTimer(this);
    connect(timer, &QTimer::timeout, this, [this] { (void)refreshIfChangedElsewhere(); });
    (void)refreshIfChangedElsewhere(); // the version to compare with
    timer->start(intervalMs);
}

} // namespace cz
