// SMS dispatch: the county sends the arrival notices and overdue reminders stations queue.
//
// A station only says *that* a parcel arrived (its phone and pickup code); the county composes the
// text from its own template, and only for an 11-digit mainland mobile and a pickup code of the
// station's format (common/fieldrules.h), within quotas: one arrival message per parcel, one
// reminder per parcel a day, kMaxSmsPerNumberPerDay to one number and kMaxSmsPerStationPerDay from
// one station (days in Asia/Shanghai). Notices outside them are not queued, and the security log
// says so. The gateway is checked again just before it runs (rows from before these checks).
//
// The gateway is a command (`sh -c CMD`) run once per message with CUNZHAN_SMS_PHONE,
// CUNZHAN_SMS_TEXT and CUNZHAN_SMS_ID in its environment; exit status 0 means sent. Without a
// command, messages are appended as JSON lines {id, phone, text} to sms-spool.jsonl beside the
// database. Each attempt is recorded on the notice and published to its station as a
// `notice_status` change {state, at}.
#pragma once

#include "store.h"

namespace cz::county {

constexpr int kMaxSmsAttempts = 3;
constexpr int kMaxSmsPerNumberPerDay = 20;
constexpr int kMaxSmsPerStationPerDay = 3000;

struct SmsRun {
    int sent = 0;
    int failed = 0;
};

[[nodiscard]] QString smsText(const QString& kind, const QString& pickupCode);
// Why the county will not send this notice ("sms.bad_kind", "sms.bad_phone", "sms.bad_code"), or "".
[[nodiscard]] QString noticeProblem(const QString& kind, const QString& phone, const QString& pickupCode);
// The start of the local day (Asia/Shanghai, UTC+8 all year) that `ms` falls in, as UTC ms.
[[nodiscard]] qint64 localDayStart(qint64 ms);

// Of the notices one push would queue (rows of the notices table: id, station_id, parcel_id, kind,
// phone, pickup_code, state, attempts, created_at, updated_at), those that are valid and within
// the quotas, in order. Call under the station's lock, in the push's transaction.
[[nodiscard]] Result<QList<Row>> admitNotices(Tx& tx, const QString& stationId, const QList<Row>& candidates);
[[nodiscard]] QString spoolPath(const CountyStore& store);
// Queued notices, and failed ones with attempts left.
[[nodiscard]] Result<SmsRun> sendPendingNotices(CountyStore& store, const QString& command = {});

} // namespace cz::county
