#include "context.h"

#include "chain.h"
#include "writetx.h"

#include <QCoreApplication>
#include <QTimer>

namespace cz {

namespace {
struct ContextText {
    Q_DECLARE_TR_FUNCTIONS(Station)
};
} // namespace

QJsonObject StationSettings::toJson() const {
    return {{QString::fromLatin1(settings::kStationName), stationName},
            {QString::fromLatin1(settings::kShelfSpec), shelfSpec},
            {settings::kFreeDays.name(), freeDays},
            {settings::kFeePerDayFen.name(), feePerDayFen},
            {settings::kUndoWindowMin.name(), undoWindowMin},
            {settings::kUnclaimedAfterDays.name(), unclaimedAfterDays},
            {settings::kOutboxRetentionDays.name(), outboxRetentionDays},
            {settings::kLockAfterMin.name(), lockAfterMin},
            {QString::fromLatin1(settings::kLanguage), language}};
}

StationContext::StationContext(std::unique_ptr<Database> db, std::shared_ptr<Clock> clock,
                               std::shared_ptr<IdSource> ids)
    : m_db(std::move(db))
    , m_clock(std::move(clock))
    , m_ids(std::move(ids))
    , m_actor(QString::fromLatin1(kStationActor)) {}

StationContext::~StationContext() = default;

Result<std::unique_ptr<StationContext>> StationContext::open(const QString& path, const OpenOptions& options,
                                                             std::shared_ptr<Clock> clock,
                                                             std::shared_ptr<IdSource> ids) {
    auto db = Database::open(path, options);
    if (!db)
        return fail(db.error());
    if (!clock)
        clock = std::make_shared<SystemClock>();
    if (!ids)
        ids = std::make_shared<UuidV7Source>(*clock);
    std::unique_ptr<StationContext> c(new StationContext(std::move(*db), std::move(clock), std::move(ids)));
    if (auto st = c->reload(); !st)
        return fail(st.error());
    return c;
}

Status StationContext::reload() {
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
        if (key == QLatin1String(settings::kStationName)) {
            s.stationName = value;
        } else if (key == QLatin1String(settings::kShelfSpec)) {
            s.shelfSpec = value;
        } else if (key == QLatin1String(settings::kLanguage)) {
            if (value == QLatin1String(settings::kEnglish))
                s.language = value; // anything else, including "" (once "follow the system"), is the default
        } else if (const settings::IntSetting* def = settings::findInt(key)) {
            // A stored value outside the limits (written before they existed) counts as unset.
            const qint64 v = def->parse(value).value_or(def->fallback);
            if (def == &settings::kFreeDays)
                s.freeDays = int(v);
            else if (def == &settings::kFeePerDayFen)
                s.feePerDayFen = v;
            else if (def == &settings::kUndoWindowMin)
                s.undoWindowMin = int(v);
            else if (def == &settings::kUnclaimedAfterDays)
                s.unclaimedAfterDays = int(v);
            else if (def == &settings::kOutboxRetentionDays)
                s.outboxRetentionDays = int(v);
            else if (def == &settings::kLockAfterMin)
                s.lockAfterMin = int(v);
        }
    }
    (*q)->finish();
    m_settings = s;
    if (auto st = reloadStaff(); !st)
        return st;
    return m_carriers.load(*m_db);
}

Status StationContext::requireInitialised() const {
    if (isInitialised())
        return {};
    return fail(ErrorKind::Conflict, QStringLiteral("station.not_initialised"),
                ContextText::tr("The station is not set up yet: give it a name and a shelf layout first "
                                "(cunzhanctl init)."));
}

Status StationContext::reloadStaff() {
    if (!hasChains(*m_db)) {
        m_ownerExists = false;
        return {};
    }
    auto owner = m_db->scalar(
        QStringLiteral("SELECT EXISTS (SELECT 1 FROM staff_user WHERE role = 'owner' AND active = 1)"));
    if (!owner)
        return fail(owner.error());
    m_ownerExists = owner->toBool();
    if (m_user) {
        // Deactivated or changed elsewhere (the owner at another terminal, cunzhanctl): follow it.
        auto q = m_db->exec(QStringLiteral("SELECT role FROM staff_user WHERE name = ? AND active = 1"),
                            {m_user->name});
        if (!q)
            return fail(q.error());
        std::optional<Role> role;
        if ((*q)->next())
            role = parseRole((*q)->value(0).toString());
        (*q)->finish();
        if (role)
            m_user->role = *role;
        else
            logout();
    }
    return {};
}

Result<WriteTx> StationContext::beginWrite() {
    if (m_ownerExists && !m_user)
        return fail(loginRequired());
    return WriteTx::begin(*m_db, *m_clock, *m_ids, m_actor);
}

Result<WriteTx> StationContext::beginWrite(Permission permission) {
    if (auto st = require(permission); !st)
        return fail(st.error());
    auto tx = WriteTx::begin(*m_db, *m_clock, *m_ids, m_actor);
    if (tx && permissionAudited(permission))
        tx->setAuditAction(QString::fromLatin1(permissionName(permission)));
    return tx;
}

Result<WriteTx> StationContext::beginLocal() {
    return WriteTx::beginLocal(*m_db, *m_clock, *m_ids, m_actor);
}

void StationContext::setUser(const QString& name, Role role) {
    m_user = Session{name, role};
    m_actor = name;
}

void StationContext::logout() {
    m_user.reset();
    m_actor = QString::fromLatin1(kStationActor);
}

bool StationContext::can(Permission permission) const {
    if (!m_ownerExists)
        return true;
    return m_user && roleAllows(m_user->role, permission);
}

Error StationContext::loginRequired() const {
    return Error{ErrorKind::Conflict,
                 QStringLiteral("login.required"),
                 ContextText::tr("Log in first: this station has staff, and changes are made by a person "
                                 "with a PIN."),
                 {}};
}

Status StationContext::require(Permission permission) {
    if (can(permission))
        return {};
    // The refusal is recorded; a failure to record it does not turn it into a permission.
    (void)audit(QStringLiteral("permission.denied"), QString::fromLatin1(permissionName(permission)));
    if (!m_user)
        return fail(loginRequired());
    return fail(ErrorKind::Conflict, QStringLiteral("permission.denied"),
                ContextText::tr("A %1 may not do this (%2): ask the station's owner.")
                    .arg(roleLabel(m_user->role), permissionLabel(permission)),
                {QString::fromLatin1(permissionName(permission))});
}

Status StationContext::audit(const QString& action, const QString& subject, const QString& detail) {
    if (!hasChains(*m_db))
        return {};
    auto tx = beginLocal();
    if (!tx)
        return fail(tx.error());
    if (auto st = tx->appendAudit(action, subject, detail); !st)
        return st;
    return tx->commit();
}

void StationContext::setActor(const QString& actor) {
    m_actor = actor.trimmed().isEmpty() ? QString::fromLatin1(kStationActor) : actor.trimmed();
}

void StationContext::notifyChanged(Domains domains) {
    Q_EMIT changed(domains);
}

Status StationContext::reloadAndNotify(Domains domains) {
    if (auto st = reload(); !st)
        return st;
    notifyChanged(domains);
    return {};
}

Status StationContext::refresh() {
    return reloadAndNotify(kAllDomains);
}

Result<bool> StationContext::refreshIfChangedElsewhere() {
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

void StationContext::watchChangesElsewhere(int intervalMs) {
    auto* timer = new QTimer(this);
    connect(timer, &QTimer::timeout, this, [this] { (void)refreshIfChangedElsewhere(); });
    (void)refreshIfChangedElsewhere(); // the version to compare with
    timer->start(intervalMs);
}

} // namespace cz
