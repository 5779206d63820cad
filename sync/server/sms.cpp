#include "sms.h"

#include "feed.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>

namespace cz::county {

namespace {

constexpr int kCommandTimeoutMs = 30000;
constexpr int kBatchSize = 500;
// A notice is claimed ('sending') before its message goes out, so two dispatchers (serve's and a
// manual `sms send-pending`) never send it twice. A claim this old was left by a dispatcher that
// died mid-send: the notice is sent again (at least once beats never).
constexpr qint64 kStaleClaimMs = 10LL * 60 * 1000;

struct Notice {
    QString id;
    QString stationId;
    QString phone;
    QString text;
};

bool runCommand(const QString& command, const Notice& n) {
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CUNZHAN_SMS_PHONE"), n.phone);
    env.insert(QStringLiteral("CUNZHAN_SMS_TEXT"), n.text);
    env.insert(QStringLiteral("CUNZHAN_SMS_ID"), n.id);
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.setStandardOutputFile(QProcess::nullDevice());
    process.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command});
    if (!process.waitForFinished(kCommandTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        return false;
    }
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

bool appendToSpool(const QString& path, const Notice& n) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        return false;
    const QJsonObject line{
        {QStringLiteral("id"), n.id}, {QStringLiteral("phone"), n.phone}, {QStringLiteral("text"), n.text}};
    const QByteArray bytes = QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    return file.write(bytes) == bytes.size() && file.flush();
}

// Notices due for an attempt (parameters: the attempt limit, the stale-claim cutoff).
QString sendable() {
    return QStringLiteral("(state = 'queued' OR (state = 'failed' AND attempts < ?)"
                          " OR (state = 'sending' AND updated_at < ?))");
}

// Takes the notice for this dispatcher; false when another one took it first.
Result<bool> claim(CountyStore& store, const Notice& n) {
    auto tx = store.begin(Tx::Mode::Write);
    if (!tx)
        return fail(tx.error());
    auto r = tx->exec(QStringLiteral("UPDATE notices SET state = 'sending', updated_at = ? WHERE id = ? AND ") +
                          sendable(),
                      {tx->now(), n.id, kMaxSmsAttempts, tx->now() - kStaleClaimMs});
    if (!r)
        return fail(r.error());
    if (auto st = tx->commit(); !st)
        return fail(st.error());
    return *r == 1;
}

Result<QList<Notice>> pendingNotices(CountyStore& store) {
    auto tx = store.begin(Tx::Mode::Read);
    if (!tx)
        return fail(tx.error());
    auto rows = tx->select(QStringLiteral("SELECT id, station_id, kind, phone, pickup_code FROM notices WHERE ") +
                               sendable() + QStringLiteral(" ORDER BY created_at, id LIMIT ?"),
                           {kMaxSmsAttempts, tx->now() - kStaleClaimMs, kBatchSize});
    if (!rows)
        return fail(rows.error());
    QList<Notice> out;
    for (const Row& r : *rows)
        out.append({r.at(0).toString(), r.at(1).toString(), r.at(3).toString(),
                    smsText(r.at(2).toString(), r.at(4).toString())});
    return out;
}

Status recordAttempt(CountyStore& store, const Notice& n, bool sent) {
    auto tx = store.begin(Tx::Mode::Write);
    if (!tx)
        return fail(tx.error());
    const QString state = sent ? QStringLiteral("sent") : QStringLiteral("failed");
    auto r = tx->exec(
        QStringLiteral("UPDATE notices SET state = ?, attempts = attempts + 1, updated_at = ? WHERE id = ?"),
        {state, tx->now(), n.id});
    if (!r)
        return fail(r.error());
    if (auto st =
            appendChange(*tx, n.stationId, QStringLiteral("notice_status"), n.id,
                         QJsonObject{{QStringLiteral("state"), state}, {QStringLiteral("at"), tx->now()}});
        !st)
        return fail(st.error());
    return tx->commit();
}

} // namespace

QString smsText(const QString& kind, const QString& pickupCode) {
    if (kind == QLatin1String("overdue"))
        return QStringLiteral(
                   "【村站】您的包裹已在站内存放多日，取件码 %1，请尽快取件，逾期可能收取保管费或退回。")
            .arg(pickupCode);
    return QStringLiteral("【村站】您的包裹已到站，取件码 %1，请尽快取件。").arg(pickupCode);
}

QString spoolPath(const CountyStore& store) {
    return QDir(store.sideDirectory()).filePath(QStringLiteral("sms-spool.jsonl"));
}

Result<SmsRun> sendPendingNotices(CountyStore& store, const QString& command) {
    auto notices = pendingNotices(store);
    if (!notices)
        return fail(notices.error());
    SmsRun run;
    const QString spool = spoolPath(store);
    if (command.isEmpty())
        QDir().mkpath(store.sideDirectory());
    for (const Notice& n : *notices) {
        auto mine = claim(store, n);
        if (!mine)
            return fail(mine.error());
        if (!*mine)
            continue;
        const bool sent = command.isEmpty() ? appendToSpool(spool, n) : runCommand(command, n);
        if (auto st = recordAttempt(store, n, sent); !st)
            return fail(st.error());
        ++(sent ? run.sent : run.failed);
    }
    return run;
}

} // namespace cz::county
