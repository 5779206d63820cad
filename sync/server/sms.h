// SMS dispatch: the county sends the arrival notices and overdue reminders stations queue.
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

struct SmsRun {
    int sent = 0;
    int failed = 0;
};

[[nodiscard]] QString smsText(const QString& kind, const QString& pickupCode);
[[nodiscard]] QString spoolPath(const CountyStore& store);
// Queued notices, and failed ones with attempts left.
[[nodiscard]] Result<SmsRun> sendPendingNotices(CountyStore& store, const QString& command = {});

} // namespace cz::county
