#include "sms.h"

#include "feed.h"
#include "fieldrules.h"
#include "securitylog.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QProcess>
#include <QSet>

namespace cz::county {

namespace {

constexpr int kCommandTimeoutMs = 30000;
constexpr int kBatchSize = 500;
// A notice is claimed ('sending') before its message goes out, so two dispatchers (serve's and a
// manual `sms send-pending`) never send it twice. A claim this old was left by a dispatcher that
// died mid-send: the notice is sent again (at least once beats never).
constexpr qint64 kStaleClaimMs = 10LL * 60 * 1000;

constexpr qint64 kDayMs = 24LL * 3600 * 1000;
constexpr qint64 kShanghaiOffsetMs = 8LL * 3600 * 1000;

struct Notice {
    QString id;
    QString stationId;
    QString phone;
    QString text;
    QString problem; // non-empty: never handed to the gateway
};

QString maskedPhone(const QString& phone) {
    return rules::isMainlandMobile(phone)
               ? phone.left(3) + QStringLiteral("****") + phone.right(4)
               : QStringLiteral("(not a mobile number, %1 characters)").arg(phone.size());
}

QString placeholders(qsizetype n) {
    return QStringList(n, QStringLiteral("?")).join(QLatin1Char(','));
}

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
    // Full phone numbers: readable by the server's own user only.
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
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
    auto r = tx->exec(
        QStringLiteral("UPDATE notices SET state = 'sending', updated_at = ? WHERE id = ? AND ") + sendable(),
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
    auto rows =
        tx->select(QStringLiteral("SELECT id, station_id, kind, phone, pickup_code FROM notices WHERE ") +
                       sendable() + QStringLiteral(" ORDER BY created_at, id LIMIT ?"),
                   {kMaxSmsAttempts, tx->now() - kStaleClaimMs, kBatchSize});
    if (!rows)
        return fail(rows.error());
    QList<Notice> out;
    for (const Row& r : *rows) {
        const QString kind = r.at(2).toString();
        const QString phone = r.at(3).toString();
        const QString code = r.at(4).toString();
        out.append({r.at(0).toString(), r.at(1).toString(), phone, smsText(kind, code),
                    noticeProblem(kind, phone, code)});
    }
    return out;
}

// A refused notice is never retried; its station is told it failed (the states it knows).
Status recordAttempt(CountyStore& store, const Notice& n, bool sent, bool refused = false) {
    auto tx = store.begin(Tx::Mode::Write);
    if (!tx)
        return fail(tx.error());
    const QString state = sent ? QStringLiteral("sent") : QStringLiteral("failed");
    auto r = tx->exec(
        QStringLiteral("UPDATE notices SET state = ?, attempts = attempts + 1, updated_at = ? WHERE id = ?"),
        {refused ? QStringLiteral("refused") : state, tx->now(), n.id});
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

QString noticeProblem(const QString& kind, const QString& phone, const QString& pickupCode) {
    if (kind != QLatin1String("arrival") && kind != QLatin1String("overdue"))
        return QStringLiteral("sms.bad_kind");
    if (!rules::isMainlandMobile(phone))
        return QStringLiteral("sms.bad_phone");
    if (!rules::isPickupCode(pickupCode))
        return QStringLiteral("sms.bad_code");
    return {};
}

qint64 localDayStart(qint64 ms) {
    const qint64 local = ms + kShanghaiOffsetMs;
    const qint64 day = local >= 0 ? local / kDayMs : (local - kDayMs + 1) / kDayMs;
    return day * kDayMs - kShanghaiOffsetMs;
}

Result<QList<Row>> admitNotices(Tx& tx, const QString& stationId, const QList<Row>& candidates) {
    constexpr qsizetype kIdsPerStatement = 200;
    QList<Row> valid;
    QHash<QString, int> refused; // reason -> count, for the security log
    QString sample;              // a masked number refused, for the log
    for (const Row& n : candidates) {
        const QString problem = noticeProblem(n.at(3).toString(), n.at(4).toString(), n.at(5).toString());
        if (problem.isEmpty()) {
            valid.append(n);
            continue;
        }
        ++refused[problem];
        sample = maskedPhone(n.at(4).toString());
    }
    const qint64 today = localDayStart(tx.now());
    QHash<QString, qint64> perNumber;
    QSet<QString> arrivals; // parcels with an arrival message
    QSet<QString> overdue;  // parcels with a reminder today
    QStringList phones;
    QStringList parcels;
    for (const Row& n : std::as_const(valid)) {
        phones.append(n.at(4).toString());
        parcels.append(n.at(2).toString());
    }
    phones.removeDuplicates();
    parcels.removeDuplicates();
    for (qsizetype first = 0; first < phones.size(); first += kIdsPerStatement) {
        const QStringList chunk = phones.mid(first, kIdsPerStatement);
        QVariantList args{today};
        for (const QString& p : chunk)
            args.append(p);
        auto rows = tx.select(QStringLiteral("SELECT phone, COUNT(*) FROM notices WHERE created_at >= ?"
                                             " AND phone IN (%1) GROUP BY phone")
                                  .arg(placeholders(chunk.size())),
                              args);
        if (!rows)
            return fail(rows.error());
        for (const Row& r : *rows)
            perNumber.insert(r.at(0).toString(), r.at(1).toLongLong());
    }
    for (qsizetype first = 0; first < parcels.size(); first += kIdsPerStatement) {
        const QStringList chunk = parcels.mid(first, kIdsPerStatement);
        QVariantList args{stationId, today};
        for (const QString& p : chunk)
            args.append(p);
        auto rows =
            tx.select(QStringLiteral("SELECT parcel_id, kind FROM notices WHERE station_id = ?"
                                     " AND (kind = 'arrival' OR created_at >= ?) AND parcel_id IN (%1)")
                          .arg(placeholders(chunk.size())),
                      args);
        if (!rows)
            return fail(rows.error());
        for (const Row& r : *rows)
            (r.at(1).toString() == QLatin1String("arrival") ? arrivals : overdue).insert(r.at(0).toString());
    }
    qint64 fromStation = 0;
    if (!valid.isEmpty()) {
        auto row = tx.selectOne(
            QStringLiteral("SELECT COUNT(*) FROM notices WHERE station_id = ? AND created_at >= ?"),
            {stationId, today});
        if (!row)
            return fail(row.error());
        fromStation = *row ? (**row).at(0).toLongLong() : 0;
    }
    QList<Row> admitted;
    for (const Row& n : std::as_const(valid)) {
        const QString parcel = n.at(2).toString();
        const QString phone = n.at(4).toString();
        const bool arrival = n.at(3).toString() == QLatin1String("arrival");
        QString reason;
        if ((arrival ? arrivals : overdue).contains(parcel))
            reason = arrival ? QStringLiteral("sms.arrival_sent") : QStringLiteral("sms.reminded_today");
        else if (fromStation >= kMaxSmsPerStationPerDay)
            reason = QStringLiteral("sms.station_quota");
        else if (perNumber.value(phone) >= kMaxSmsPerNumberPerDay)
            reason = QStringLiteral("sms.number_quota");
        if (!reason.isEmpty()) {
            ++refused[reason];
            sample = maskedPhone(phone);
            continue;
        }
        (arrival ? arrivals : overdue).insert(parcel);
        ++fromStation;
        ++perNumber[phone];
        admitted.append(n);
    }
    for (auto it = refused.cbegin(); it != refused.cend(); ++it)
        security::event(QStringLiteral("sms.refused"), {{QStringLiteral("station"), stationId},
                                                        {QStringLiteral("reason"), it.key()},
                                                        {QStringLiteral("count"), it.value()},
                                                        {QStringLiteral("phone"), sample}});
    return admitted;
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
        // The gateway contract (CUNZHAN_SMS_PHONE an 11-digit mobile, the text our template with a
        // pickup code) holds before any command runs, whatever an older version stored.
        if (!n.problem.isEmpty()) {
            security::event(QStringLiteral("sms.refused"), {{QStringLiteral("station"), n.stationId},
                                                            {QStringLiteral("reason"), n.problem},
                                                            {QStringLiteral("notice"), n.id},
                                                            {QStringLiteral("phone"), maskedPhone(n.phone)}});
            if (auto st = recordAttempt(store, n, false, true); !st)
                return fail(st.error());
            ++run.failed;
            continue;
        }
        const bool sent = command.isEmpty() ? appendToSpool(spool, n) : runCommand(command, n);
        if (auto st = recordAttempt(store, n, sent); !st)
            return fail(st.error());
        ++(sent ? run.sent : run.failed);
    }
    return run;
}

} // namespace cz::county
