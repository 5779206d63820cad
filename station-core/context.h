// StationContext: what every domain service of the station stands on — the database, the injected
// clock and id source, the station's identity and settings, the carrier rules, the acting user, the
// one write path (beginWrite) and change notification per domain. It knows no domain: the services
// (Inbound, Pickup, Overdue, ShelfAudit, ParcelQueries, StationSetup, DispatchDesk, Manifests) are
// built on it, and front ends hold the services they use.
#pragma once

#include "carriers.h"
#include "clock.h"
#include "database.h"
#include "permissions.h"
#include "settingdefs.h"

#include <QJsonObject>
#include <QObject>
#include <memory>
#include <optional>

namespace cz {

class WriteTx;

// What a committed change touched, so views refresh only what they show.
enum class Domain : quint8 {
    Station = 0x1,   // name, settings, shelf layout, carrier rules
    Parcels = 0x2,   // parcels and their places, notices, pre-alerts
    Dispatch = 0x4,  // outgoing parcels, rates, waybill blocks, manifests
    Catalogue = 0x8, // the county's catalogue of goods (proxy buying)
    Accounts = 0x10, // villagers and their account ledgers
    Orders = 0x20,   // proxy orders (代购)
};
Q_DECLARE_FLAGS(Domains, Domain)
Q_DECLARE_OPERATORS_FOR_FLAGS(Domains)
constexpr Domains kAllDomains = Domains(Domain::Station) | Domain::Parcels | Domain::Dispatch |
                                Domain::Catalogue | Domain::Accounts | Domain::Orders;

// The station's settings as read from the database (settingdefs.h defines each key once).
struct StationSettings {
    QString stationName;
    QString shelfSpec;
    int freeDays = int(settings::kFreeDays.fallback);
    qint64 feePerDayFen = settings::kFeePerDayFen.fallback;
    int undoWindowMin = int(settings::kUndoWindowMin.fallback);
    int unclaimedAfterDays = int(settings::kUnclaimedAfterDays.fallback);
    int outboxRetentionDays = int(settings::kOutboxRetentionDays.fallback);
    int lockAfterMin = int(settings::kLockAfterMin.fallback); // the terminal's idle lock
    // "zh_CN" (the default) or "en": the language of the terminal, cunzhanctl and everything printed,
    // whatever the shell's locale.
    QString language = QString::fromLatin1(settings::kDefaultLanguage);

    // Every setting by its key (settings::allKeys()), numbers as numbers.
    [[nodiscard]] QJsonObject toJson() const;
};

class StationContext : public QObject {
    Q_OBJECT
public:
    ~StationContext() override;

    // clock and ids default to the system clock and UUIDv7 from it.
    [[nodiscard]] static Result<std::unique_ptr<StationContext>> open(const QString& path,
                                                                      const OpenOptions& options = {},
                                                                      std::shared_ptr<Clock> clock = {},
                                                                      std::shared_ptr<IdSource> ids = {});

    [[nodiscard]] bool isInitialised() const { return !m_stationId.isEmpty(); }
    [[nodiscard]] QString stationId() const { return m_stationId; }
    // station.not_initialised unless the station has been set up (StationSetup::initialise).
    [[nodiscard]] Status requireInitialised() const;
    [[nodiscard]] const StationSettings& settings() const { return m_settings; }
    [[nodiscard]] const CarrierRegistry& carriers() const { return m_carriers; }

    [[nodiscard]] Database& database() { return *m_db; }
    [[nodiscard]] const Clock& clock() const { return *m_clock; }
    [[nodiscard]] qint64 now() const { return m_clock->nowMs(); }

    // The one write path: a WriteTx on this station's database, clock and ids, acting as actor().
    // Once the station has an owner, a context nobody is logged in on may only read: the plain
    // form then refuses (login.required).
    [[nodiscard]] Result<WriteTx> beginWrite();
    // The same after require(permission): what every service's state change begins with.
    [[nodiscard]] Result<WriteTx> beginWrite(Permission permission);
    // The station's own security bookkeeping (staff, failed PINs, the audit log): WriteTx::beginLocal.
    [[nodiscard]] Result<WriteTx> beginLocal();
    // Who the changes made through this context are recorded as (events, cash entries, ops):
    // kStationActor until people log in, then the person's name (Staff::login).
    [[nodiscard]] const QString& actor() const { return m_actor; }
    void setActor(const QString& actor);

    // The person logged in through this context, if any (Staff::login sets it).
    struct Session {
        QString name;
        Role role = Role::Keeper;
    };
    [[nodiscard]] const std::optional<Session>& user() const { return m_user; }
    void setUser(const QString& name, Role role);
    void logout();
    // Whether the station has an active owner: before that, the station works as it did before
    // staff existed (everything allowed, recorded as kStationActor).
    [[nodiscard]] bool ownerExists() const { return m_ownerExists; }
    // Whether the permission table lets this context's user do it (no owner yet: everything).
    [[nodiscard]] bool can(Permission permission) const;
    // Refuses (login.required or permission.denied, translated; the refusal is written to the audit
    // log and nothing else) unless can(permission).
    [[nodiscard]] Status require(Permission permission);
    // Writes one audit log row in a transaction of its own (logins, reveals, exports, ...).
    [[nodiscard]] Status audit(const QString& action, const QString& subject = {},
                               const QString& detail = {});

    // After a service commits: tells the views what changed (changed(domains)).
    void notifyChanged(Domains domains);
    // After a commit that changed the station's settings, shelf layout or carrier rules: re-reads
    // them, then notifies.
    [[nodiscard]] Status reloadAndNotify(Domains domains = Domain::Station);

    // Re-reads settings and carrier rules (sync stores the county's through its own connection) and
    // emits changed() for every domain.
    [[nodiscard]] Status refresh();
    // Notices commits made through other connections (cunzhanctl, the sync worker, another
    // process) by SQLite's data_version, and then refreshes: true when there were any.
    [[nodiscard]] Result<bool> refreshIfChangedElsewhere();
    // Calls refreshIfChangedElsewhere() every intervalMs on this thread's event loop (the terminal).
    void watchChangesElsewhere(int intervalMs);

Q_SIGNALS:
    // Emitted after every committed change, so views can refresh what they show.
    void changed(cz::Domains domains);

private:
    StationContext(std::unique_ptr<Database> db, std::shared_ptr<Clock> clock, std::shared_ptr<IdSource> ids);
    [[nodiscard]] Status reload();
    [[nodiscard]] Status reloadStaff();
    [[nodiscard]] Error loginRequired() const;

    std::unique_ptr<Database> m_db;
    std::shared_ptr<Clock> m_clock;
    std::shared_ptr<IdSource> m_ids;
    CarrierRegistry m_carriers;
    StationSettings m_settings;
    QString m_stationId;
    QString m_actor;
    std::optional<Session> m_user;
    bool m_ownerExists = false;
    qint64 m_dataVersion = -1;
};

} // namespace cz
