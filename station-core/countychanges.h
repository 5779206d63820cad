// What the county publishes to its stations (pulled by sync: carrier rules, county-wide settings,
// pre-alerts, the delivery state of notices), stored by the domain that owns each kind. The sync
// client only decodes a page and hands each change here, inside its downstream transaction
// (writetx.h), so the domain's tables are written by the domain alone.
//
// A change of a kind this build does not know, or one it cannot use, is skipped (and said why), so a
// newer county never blocks an older station.
#pragma once

#include "result.h"

#include <QJsonObject>
#include <QString>

namespace cz {

class WriteTx;

struct CountyChange {
    QString kind; // "carrier_rules", "setting", "prealert", "notice_status", "catalogue_item"
    QString key;  // the row: "all", a setting key, a waybill, a notice id
    QJsonObject data;
    bool deleted = false;
};

// Stored, or skipped with the reason (an English sentence for the log).
struct ChangeOutcome {
    bool stored = true;
    QString skipped;
};

// Stores one change through the domain that owns its kind.
[[nodiscard]] Result<ChangeOutcome> applyCountyChange(WriteTx& tx, const CountyChange& change);
// A full snapshot follows: drops what the county provided that a snapshot replaces (pre-alerts).
// Carrier rules stay until the snapshot replaces them, so the station can always detect carriers.
[[nodiscard]] Status beginCountySnapshot(WriteTx& tx);

// The domains' handlers (in their own files), for the table in countychanges.cpp.
[[nodiscard]] Result<ChangeOutcome> storeCarrierRules(WriteTx& tx,
                                                      const CountyChange& change); // carriers.cpp
[[nodiscard]] Result<ChangeOutcome> storeCountySetting(WriteTx& tx, const CountyChange& change); // setup.cpp
[[nodiscard]] Result<ChangeOutcome> storePrealert(WriteTx& tx, const CountyChange& change);    // prealert.cpp
[[nodiscard]] Status dropAllPrealerts(WriteTx& tx);                                            // prealert.cpp
[[nodiscard]] Result<ChangeOutcome> storeNoticeState(WriteTx& tx, const CountyChange& change); // notices.cpp
[[nodiscard]] Result<ChangeOutcome> storeCatalogueItem(WriteTx& tx,
                                                       const CountyChange& change); // catalogue.cpp
[[nodiscard]] Result<ChangeOutcome> storeCountyRates(WriteTx& tx,
                                                     const CountyChange& change); // countyprices.cpp
[[nodiscard]] Result<ChangeOutcome> storeWaybillBlock(WriteTx& tx,
                                                      const CountyChange& change); // countyprices.cpp
[[nodiscard]] Result<ChangeOutcome> storeOrderStatus(WriteTx& tx, const CountyChange& change); // orders.cpp

inline ChangeOutcome skipped(const char* why) {
    return {false, QString::fromLatin1(why)};
}

} // namespace cz
