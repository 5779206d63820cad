// Operator actions that publish to the stations or feed the county by hand: carrier rules,
// settings, pre-alerts (each becomes changes in the feed, all-or-nothing), and USB batches.
#pragma once

#include "store.h"

#include <QByteArray>

namespace cz::county {

// {"carriers":[{code,name_zh,name_en,sort}],"rules":[{carrier,pattern,priority}]}: validated
// (patterns compile, rules name listed carriers), published whole as change carrier_rules/all.
[[nodiscard]] Status importRules(CountyStore& store, const QByteArray& json);

// A setting the county publishes (settings::IntSetting::countyPublishes: free_days, fee_per_day_fen,
// unclaimed_after_days) within the station's own limits; for every station (empty stationId) or one.
[[nodiscard]] Status setSetting(CountyStore& store, const QString& key, const QString& value,
                                const QString& stationId = {});

// CSV with the header waybill,carrier,phone,name,station,van_date (UTF-8). Returns the rows
// published; any bad line rejects the whole file, with every bad line named in the details.
[[nodiscard]] Result<int> importPrealerts(CountyStore& store, const QByteArray& csv);

struct BatchCounts {
    QString stationId;
    int part = 1; // of parts (sync::Batch)
    int parts = 1;
    bool signedByStation = false; // false: accepted unsigned with acceptUnsigned
    int applied = 0;
    int alreadyApplied = 0;
    int rejected = 0;
    int conflicts = 0;
    int held = 0;
};
// A USB batch (cz::sync::decodeBatch) applied exactly like a push from its station, once its
// signature is checked against the batch key the station sent at enrolment. Refused, with nothing
// applied and a security-log line: unsigned or wrongly signed (batch.unsigned, batch.bad_signature),
// from an unknown or revoked station. A station enrolled before signed batches has no key: its
// batches are refused (batch.no_station_key) unless acceptUnsigned, which is logged.
[[nodiscard]] Result<BatchCounts> importBatch(CountyStore& store, const QByteArray& file,
                                              bool acceptUnsigned = false);

} // namespace cz::county
