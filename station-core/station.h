// Station: the facade the terminal, the CLI and the tests use. It owns the database, the injected
// clock and id source, and offers every station operation as a call that returns a value or an
// Error. Each state change is one WriteTx (domain rows + event + outbox op, committed together).
// The implementation is split by topic: station.cpp (setup, settings), inbound.cpp, pickup.cpp,
// overdue.cpp (overdue, reminders, returns), audit.cpp, query.cpp, prealert.cpp.
#pragma once

#include "carriers.h"
#include "clock.h"
#include "database.h"
#include "parcel.h"
#include "shelves.h"

#include <QDate>
#include <QObject>
#include <memory>
#include <optional>

namespace cz {

class WriteTx;

// The station's language until it chooses another: the program is Chinese first.
constexpr const char* kDefaultLanguage = "zh_CN";

struct StationSettings {
    QString stationName;
    QString shelfSpec;
    int freeDays = 3;           // free holding days
    qint64 feePerDayFen = 0;    // storage fee per started day after the free days
    int undoWindowMin = 10;     // a pickup can be undone this long after it
    int unclaimedAfterDays = 7; // overdue parcels older than this are suggested for return
    int outboxRetentionDays = 30; // acknowledged sync ops are kept this long (retention.h)
    // "zh_CN" (the default) or "en": the language of the terminal, cunzhanctl and everything printed,
    // whatever the shell's locale.
    QString language = QString::fromLatin1(kDefaultLanguage);
};

struct ReceiveRequest {
    QString waybill;
    QString phone; // 11 digits or the last 4
    QString name;
    QString carrier; // empty: detect; required when several carriers fit
    std::optional<DeliveryPref> pref;
};

struct ReceiveResult {
    Parcel parcel;
    bool keptTogether = false; // placed beside the same person's waiting parcels
    bool overCapacity = false; // every place was full; put on the least loaded one anyway
    bool prealerted = false;   // the recipient came from the county's pre-alert
};

// A parcel the county announced ahead of the van (pulled by sync; see sync/client).
struct Prealert {
    QString waybill;
    QString carrier; // may be empty
    QString phone;
    QString name;
    QDate vanDate; // local day the van brings it
    [[nodiscard]] QString maskedPhone() const;
};

struct HandoverResult {
    QList<Parcel> parcels;
    qint64 totalFeeFen = 0;
};

// How long a parcel has been held and what that costs: the one rule for every screen, list and fee.
struct Holding {
    int daysHeld = 0; // started days since it was received (12 h is day 1, 24 h + 1 ms day 2)
    int feeDays = 0;  // days held beyond the free days
    qint64 feeFen = 0;
};

// One person's parcels among several: the same full number, or the same tail among parcels known
// only by their tail; parcels of one number that carry different names are different people.
struct PersonParcels {
    QString phone; // empty when only the tail is known
    QString phoneTail;
    QString name; // empty when none of the parcels carries one
    QList<Parcel> parcels;
    [[nodiscard]] QString maskedPhone() const;
    [[nodiscard]] QString maskedName() const;
    [[nodiscard]] QString maskedLabel() const; // "138****5678 张*"
};
// Groups parcels by person, in the order each person first appears.
[[nodiscard]] QList<PersonParcels> groupByPerson(const QList<Parcel>& parcels);

// Who a handover may serve: one person unless the clerk explicitly chose several.
enum class Recipients { OnePerson, SeveralPeople };

// What a pickup lookup (code, waybill, phone tail or full number) found, for the counter and the CLI.
struct PickupLookup {
    enum class By { Code, Waybill, PhoneTail, Phone };
    By by = By::Code;
    QString value; // normalised: upper-case code or waybill, 4-digit tail, 11-digit number
    // Waiting parcels, by person. By code or waybill: the matched parcel's person with all their
    // waiting parcels (the matched one first). By phone: every person the tail or number matches,
    // the one with the oldest parcel first.
    QList<PersonParcels> people;
    // Nothing waiting matched: the reason, to show as it is (marked for return, already handed over
    // on … to …, or nothing found).
    std::optional<Error> nothingWaiting;
    [[nodiscard]] bool severalPeople() const { return people.size() > 1; }
};
// What a lookup by `by` is given, checked and normalised (PickupLookup::value), or why it cannot be.
[[nodiscard]] Result<QString> pickupLookupValue(PickupLookup::By by, const QString& input);

struct OverdueItem {
    Parcel parcel;
    int daysHeld = 0;
    int overdueDays = 0;
    qint64 feeFen = 0;
    bool unclaimed = false; // held past the unclaimed limit: suggest returning it
};

struct AuditScan {
    QString slot; // "3-2"
    QString waybill;
};

struct AuditLine {
    QString waybill;
    QString parcelId;
    QString pickupCode;
    QString recordedSlot;
    QString foundSlot;
};

struct AuditReport {
    QStringList places; // the places checked
    QList<AuditLine> ok, missing, misplaced, unknown;
};

struct MoveResult {
    QString waybill;
    QString oldCode;
    QString newCode;
};

struct ParcelFilter {
    std::optional<ParcelStatus> status;
    bool inStationOnly = false;
    QString text; // pickup code, waybill, or phone tail
    qint64 fromMs = 0;
    qint64 toMs = 0;
    int limit = 200;
    int offset = 0;
};

class Station : public QObject {
    Q_OBJECT
public:
    ~Station() override;

    // clock and ids default to the system clock and UUIDv7 from it.
    [[nodiscard]] static Result<std::unique_ptr<Station>> open(const QString& path,
                                                               const OpenOptions& options = {},
                                                               std::shared_ptr<Clock> clock = {},
                                                               std::shared_ptr<IdSource> ids = {});

    // Setup and settings (station.cpp)
    [[nodiscard]] bool isInitialised() const { return !m_stationId.isEmpty(); }
    [[nodiscard]] QString stationId() const { return m_stationId; }
    [[nodiscard]] Status initialise(const QString& stationName, const QString& shelfSpec);
    [[nodiscard]] const StationSettings& settings() const { return m_settings; }
    [[nodiscard]] Status setSetting(const QString& key, const QString& value);
    [[nodiscard]] Status setShelfLayout(const QString& spec);
    [[nodiscard]] Result<QList<SlotLoad>> slotLoads();
    [[nodiscard]] const CarrierRegistry& carriers() const { return m_carriers; }
    [[nodiscard]] Result<int> pendingOps();

    // Receive (inbound.cpp)
    [[nodiscard]] Result<ReceiveResult> receive(const ReceiveRequest& request);

    // Checks a scanned waybill before the recipient is asked for: well formed and not already in
    // the station (the same errors receive() gives); the carriers that fit and the pre-alert, if any.
    struct IncomingCheck {
        QString waybill;
        QStringList carriers; // candidate codes, the likeliest first
        std::optional<Prealert> prealert;
    };
    [[nodiscard]] Result<IncomingCheck> checkIncoming(const QString& waybill);

    // Pickup (pickup.cpp)
    [[nodiscard]] Result<QList<Parcel>> findByCode(const QString& code);
    [[nodiscard]] Result<QList<Parcel>> findByPhoneTail(const QString& tail);
    [[nodiscard]] Result<QList<Parcel>> findByWaybill(const QString& waybill);
    // The counter's lookup: a 4-digit tail or an 11-digit number looks up by phone, anything else
    // by pickup code, then by waybill.
    [[nodiscard]] Result<PickupLookup> lookUpForPickup(const QString& input);
    [[nodiscard]] Result<PickupLookup> lookUpForPickup(PickupLookup::By by, const QString& value);
    // The parcel handed over last that the code, waybill, tail or number matches (codes are reused
    // once a parcel has left), for undoing a handover and for saying when and to whom.
    [[nodiscard]] Result<std::optional<Parcel>> lastHandedOver(PickupLookup::By by, const QString& value);
    // Hands over all the given parcels in one transaction, or none of them. Parcels of different
    // people (groupByPerson) are refused with pickup.several_people unless the clerk chose so.
    [[nodiscard]] Result<HandoverResult> handOver(const QStringList& parcelIds, const QString& collector = {},
                                                  Recipients recipients = Recipients::OnePerson);
    [[nodiscard]] Result<Parcel> undoPickup(const QString& parcelId);

    // Overdue, reminders, returns (overdue.cpp)
    [[nodiscard]] Holding holding(const Parcel& parcel, qint64 atMs) const;
    [[nodiscard]] Result<QList<OverdueItem>> overdue();
    [[nodiscard]] Result<int> queueReminders(); // at most one per parcel per local day
    [[nodiscard]] Result<Parcel> markForReturn(const QString& parcelId, ReturnReason reason,
                                               const QString& note = {});
    [[nodiscard]] Result<QList<Parcel>> returnList();

    // Shelf audit (audit.cpp)
    [[nodiscard]] Result<AuditReport> audit(const QList<AuditScan>& scans,
                                            const QStringList& extraSlots = {});
    [[nodiscard]] Result<QList<MoveResult>> applyAudit(const AuditReport& report);

    // Queries (query.cpp)
    [[nodiscard]] Result<Parcel> parcel(const QString& id);
    [[nodiscard]] Result<QList<Parcel>> list(const ParcelFilter& filter);
    [[nodiscard]] Result<int> count(const ParcelFilter& filter);
    [[nodiscard]] Result<QList<Parcel>> arrivals(const QDate& localDay);

    // Pre-alerts (prealert.cpp): parcels announced for the van of the local today that have not
    // been received yet, by waybill; and their number.
    [[nodiscard]] Result<QList<Prealert>> expectedToday();
    [[nodiscard]] Result<int> expectedTodayCount();

    // Re-reads settings and carrier rules (sync stores the county's through its own connection)
    // and emits changed().
    [[nodiscard]] Status refresh();
    // Notices commits made through other connections (cunzhanctl, the sync worker, another
    // process) by SQLite's data_version, and then refreshes: true when there were any.
    [[nodiscard]] Result<bool> refreshIfChangedElsewhere();
    // Calls refreshIfChangedElsewhere() every intervalMs on this thread's event loop (the terminal).
    void watchChangesElsewhere(int intervalMs);

    // The one write path for code outside this class (DispatchDesk): a WriteTx on this station's
    // database, clock and ids, acting as actor().
    [[nodiscard]] Result<WriteTx> beginWrite();

    // Who the changes made through this station are recorded as (events, cash entries, ops):
    // kStationActor until people log in; the login will set the person here.
    [[nodiscard]] const QString& actor() const { return m_actor; }
    void setActor(const QString& actor);

    [[nodiscard]] Database& database() { return *m_db; }
    [[nodiscard]] const Clock& clock() const { return *m_clock; }

Q_SIGNALS:
    // Emitted after every committed change, so views can refresh.
    void changed();

private:
    friend class DispatchDesk; // hands return parcels to the van through the parcel write helpers

    Station(std::unique_ptr<Database> db, std::shared_ptr<Clock> clock, std::shared_ptr<IdSource> ids);
    [[nodiscard]] Status reload();
    [[nodiscard]] Status requireInitialised() const;
    // Fills an empty phone (and name, carrier) from the waybill's pre-alert; true when it did.
    [[nodiscard]] Result<bool> fillFromPrealert(ReceiveRequest& request, const QString& waybill) const;
    [[nodiscard]] Result<QList<Parcel>> queryParcels(const QString& where, const QVariantList& args);
    [[nodiscard]] Result<Parcel> loadForUpdate(WriteTx& tx, const QString& parcelId);
    // Why nothing waiting matched a pickup lookup (see PickupLookup::nothingWaiting).
    [[nodiscard]] Result<Error> explainNothingWaiting(const PickupLookup& lookup,
                                                      const QList<Parcel>& notWaiting);
    // Next free pickup code for a place, starting from the station's running sequence.
    [[nodiscard]] Result<std::pair<int, QString>> allocateCode(WriteTx& tx, const QString& shelf, int layer,
                                                               int preferredSeq = 0);
    [[nodiscard]] Status writeParcelState(WriteTx& tx, const Parcel& p);
    [[nodiscard]] Status recordChange(WriteTx& tx, const Parcel& p, const QString& eventKind,
                                      QJsonObject eventData);

    std::unique_ptr<Database> m_db;
    std::shared_ptr<Clock> m_clock;
    std::shared_ptr<IdSource> m_ids;
    CarrierRegistry m_carriers;
    StationSettings m_settings;
    QString m_stationId;
    QString m_actor;
    qint64 m_dataVersion = -1;
};

} // namespace cz
