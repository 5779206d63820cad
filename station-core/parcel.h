// Parcel values shared by the services, the item models and the CLI.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QSqlQuery>
#include <QString>
#include <optional>

namespace cz {

class PayloadWriter;

// Returned: marked for return and handed to the county van on a manifest; it left the station.
enum class ParcelStatus { Waiting, PickedUp, ToReturn, Returned };
enum class DeliveryPref { StationPickup, DoorDelivery, FamilyMayCollect };
enum class ReturnReason { Refused, Damaged, Lost, Unclaimed };

[[nodiscard]] QString toString(ParcelStatus s);
[[nodiscard]] QString toString(DeliveryPref p);
[[nodiscard]] QString toString(ReturnReason r);
[[nodiscard]] std::optional<ParcelStatus> parcelStatusFrom(const QString& s);
[[nodiscard]] std::optional<DeliveryPref> deliveryPrefFrom(const QString& s);
[[nodiscard]] std::optional<ReturnReason> returnReasonFrom(const QString& s);

// Translated labels for people.
[[nodiscard]] QString statusLabel(ParcelStatus s);
[[nodiscard]] QString deliveryPrefLabel(DeliveryPref p);
[[nodiscard]] QString returnReasonLabel(ReturnReason r);

struct Parcel {
    QString id;
    QString waybill;
    QString carrier;
    QString phone; // full mobile number, or empty when only the tail is known
    QString phoneTail;
    QString name;
    DeliveryPref pref = DeliveryPref::StationPickup;
    QString shelf;
    int layer = 0;
    int codeSeq = 0;
    QString pickupCode;
    ParcelStatus status = ParcelStatus::Waiting;
    bool inStation = true;
    qint64 receivedAt = 0;
    qint64 pickedUpAt = 0;
    QString collector; // empty: the recipient in person
    qint64 feeFen = 0;
    QString returnReason;
    qint64 updatedAt = 0;

    [[nodiscard]] QString slotName() const;
    [[nodiscard]] QString maskedPhone() const;
    [[nodiscard]] QString maskedName() const;
    // Full record, as carried by outbox ops.
    [[nodiscard]] QJsonObject toJson() const;
    // toJson() written straight into an op payload (outboxcodec.h): the same object once decoded.
    void writePayload(PayloadWriter& out) const;
    // Masked record for lists and scripts (no full phone, masked name).
    [[nodiscard]] QJsonObject toPublicJson() const;
};

// The column list matching parcelFromRow; use as "SELECT " + kParcelColumns + " FROM parcel ...".
extern const QString kParcelColumns;
[[nodiscard]] Parcel parcelFromRow(const QSqlQuery& q);

} // namespace cz
