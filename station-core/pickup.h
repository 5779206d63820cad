// Pickup (出库): finding a villager's waiting parcels at the counter, handing over one person's
// parcels in one transaction (several people only when the clerk chose so), undo as a reversal.
#pragma once

#include "context.h"
#include "parcel.h"
#include "parcelstore.h"

#include <optional>

namespace cz {

struct HandoverResult {
    QList<Parcel> parcels;
    qint64 totalFeeFen = 0;
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

class Pickup {
public:
    explicit Pickup(StationContext& context)
        : m_ctx(context)
        , m_parcels(context) {}

    // Parcels in the station by pickup code, phone tail or waybill (waiting or marked for return).
    [[nodiscard]] Result<QList<Parcel>> findByCode(const QString& code);
    [[nodiscard]] Result<QList<Parcel>> findByPhoneTail(const QString& tail);
    [[nodiscard]] Result<QList<Parcel>> findByWaybill(const QString& waybill);
    // The counter's lookup: a 4-digit tail or an 11-digit number looks up by phone, anything else
    // by pickup code, then by waybill.
    [[nodiscard]] Result<PickupLookup> lookUp(const QString& input);
    [[nodiscard]] Result<PickupLookup> lookUp(PickupLookup::By by, const QString& value);
    // The parcel handed over last that the code, waybill, tail or number matches (codes are reused
    // once a parcel has left), for undoing a handover and for saying when and to whom.
    [[nodiscard]] Result<std::optional<Parcel>> lastHandedOver(PickupLookup::By by, const QString& value);
    // Hands over all the given parcels in one transaction, or none of them. Parcels of different
    // people (groupByPerson) are refused with pickup.several_people unless the clerk chose so.
    [[nodiscard]] Result<HandoverResult> handOver(const QStringList& parcelIds, const QString& collector = {},
                                                  Recipients recipients = Recipients::OnePerson);
    [[nodiscard]] Result<Parcel> undoPickup(const QString& parcelId);

private:
    // Why nothing waiting matched a pickup lookup (see PickupLookup::nothingWaiting).
    [[nodiscard]] Result<Error> explainNothingWaiting(const PickupLookup& lookup,
                                                      const QList<Parcel>& notWaiting);

    StationContext& m_ctx;
    ParcelStore m_parcels;
};

} // namespace cz
