// Notices (SMS to villagers: arrival, overdue reminders) are queued by Inbound and Overdue and sent
// by the county; the county reports each one's delivery state back.
#include "countychanges.h"
#include "writetx.h"

namespace cz {

Result<ChangeOutcome> storeNoticeState(WriteTx& tx, const CountyChange& c) {
    const QString state = c.data.value(QStringLiteral("state")).toString().trimmed();
    if (c.deleted || state.isEmpty())
        return skipped("no state");
    if (state.size() > 32)
        return skipped("state too long");
    if (auto q = tx.exec(QStringLiteral("UPDATE notification SET state = ? WHERE id = ?"), {state, c.key}); !q)
        return fail(q.error());
    return ChangeOutcome{};
}

} // namespace cz
