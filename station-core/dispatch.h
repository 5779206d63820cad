// Sending parcels (寄件) and the handover to the county van: real-name acceptance, contents
// inspection, zone rates and waybill number blocks held as data, the fee as a cash entry, and
// manifests of sealed bags. After a manifest is handed over its dispatches are frozen: later
// changes arrive as events (by sync), never as edits.
#pragma once

#include "result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace cz {

class StationContext;

enum class DispatchStatus { Accepted, Bagged, HandedOver };
[[nodiscard]] QString toString(DispatchStatus s);
[[nodiscard]] QString dispatchStatusLabel(DispatchStatus s);

// Contents categories shown at inspection (收寄验视); keys are stable, labels translated.
[[nodiscard]] QStringList contentsCategories();
[[nodiscard]] QString contentsLabel(const QString& key);

// Resident identity number (GB 11643): 18 characters, check character over the first 17 digits,
// a real birth date in digits 7-14. Returns the normalised number (upper-case X).
[[nodiscard]] Result<QString> validateResidentId(const QString& input);
[[nodiscard]] QString maskResidentId(const QString& id); // 4101**********1234

struct DispatchRequest {
    QString senderName;
    QString senderPhone; // 11-digit mobile
    QString senderId;    // resident ID, 18 characters
    QString recipientName;
    QString recipientPhone;
    QString province;
    QString city;
    QString district;
    QString address;
    QString contents; // a key of contentsCategories()
    QString contentsNote;
    bool inspected = false; // the clerk looked inside and found nothing prohibited
    int weightGrams = 0;
    QString carrier;
    QString waybill; // empty: take the next number of the carrier's block
};

struct Dispatch {
    QString id;
    QString waybill;
    QString carrier;
    DispatchStatus status = DispatchStatus::Accepted;
    QString senderName, senderPhone, senderId;
    QString recipientName, recipientPhone;
    QString province, city, district, address;
    QString contents, contentsNote;
    int weightGrams = 0;
    qint64 feeFen = 0;
    QString zone;
    qint64 acceptedAt = 0;
    QString bagId;

    [[nodiscard]] QJsonObject toJson() const;       // full, for the outbox
    [[nodiscard]] QJsonObject toPublicJson() const; // masked, for lists and scripts
};

struct RateQuote {
    QString carrier;
    QString province;
    QString zone; // routing zone printed on the label
    int chargeableKg = 0;
    qint64 feeFen = 0;
};

class DispatchDesk {
public:
    explicit DispatchDesk(StationContext& context)
        : m_ctx(context) {}

    // Rates: CSV lines "carrier,province,zone,first_fen,extra_fen_per_kg,max_weight_g" (a header
    // line is allowed); replaces the rates of every carrier named in the file. Returns the rows.
    [[nodiscard]] Result<int> importRates(const QString& csv);
    [[nodiscard]] Result<QStringList> provinces(); // destinations that have a rate, sorted
    [[nodiscard]] Result<RateQuote> quote(const QString& carrier, const QString& province, int weightGrams);
    // A block of outbound waybill numbers from the carrier: prefix + number padded to digits.
    [[nodiscard]] Status importWaybillBlock(const QString& carrier, const QString& prefix, qint64 from,
                                            qint64 to, int digits);
    [[nodiscard]] Result<qint64> waybillsLeft(const QString& carrier);

    [[nodiscard]] Result<Dispatch> accept(const DispatchRequest& request);
    [[nodiscard]] Result<Dispatch> dispatch(const QString& idOrWaybill);
    [[nodiscard]] Result<QList<Dispatch>> list(const QString& status = {}); // empty: all, newest first

private:
    StationContext& m_ctx;
};

// The dispatch domain's schema step for the county's rates and blocks (countyprices.cpp).
[[nodiscard]] QStringList countyPricesSchemaStep();

} // namespace cz
