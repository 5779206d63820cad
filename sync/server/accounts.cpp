#include "accounts.h"

#include "feed.h"

namespace cz::county {

namespace {

Error notFound(const QString& stationId) {
    return {ErrorKind::NotFound,
            QStringLiteral("station.not_found"),
            QStringLiteral("No station with the id %1.").arg(stationId),
            {}};
}

Status requireName(const QString& what, const QString& value) {
    if (value.trimmed().isEmpty() || value.size() > 200)
        return fail(ErrorKind::BadInput, QStringLiteral("input.bad_name"),
                    QStringLiteral("Give a %1 of 1 to 200 characters.").arg(what));
    return {};
}

Status setEnrolmentCode(Tx& tx, const QString& stationId, const EnrolmentCode& code) {
    const QString normalised = normaliseEnrolmentCode(code.code);
    auto r = tx.exec(QStringLiteral("UPDATE stations SET enrol_code_id = ?, enrol_code_hash = ?,"
                                    " enrol_expires_at = ? WHERE id = ?"),
                     {enrolmentCodeId(normalised), enrolmentCodeHash(normalised), code.expiresAt, stationId});
    if (!r)
        return fail(r.error());
    return {};
}

// Stations and reviewers are made alike; only their table, id prefix and secret columns differ.
struct AccountKind {
    QString table;
    QString idPrefix;
    QString nameWhat; // for the message about a bad name
};

// The one way an account is created: both names checked, then one row with a new id and the
// account's secret columns (hashes only: the secret itself is shown once by the caller), in one
// transaction. Returns the new id.
Result<QString> addAccount(CountyStore& store, const AccountKind& kind, const QString& name,
                           const QString& township, const QList<QPair<QString, QVariant>>& secretColumns) {
    if (auto st = requireName(kind.nameWhat, name); !st)
        return fail(st.error());
    if (auto st = requireName(QStringLiteral("township"), township); !st)
        return fail(st.error());
    auto tx = store.begin(Tx::Mode::Write);
    if (!tx)
        return fail(tx.error());
    const QString id = newId(kind.idPrefix);
    QStringList columns{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("township"),
                        QStringLiteral("created_at")};
    QVariantList values{id, name.trimmed(), township.trimmed(), tx->now()};
    for (const auto& [column, value] : secretColumns) {
        columns.append(column);
        values.append(value);
    }
    auto r = tx->exec(QStringLiteral("INSERT INTO %1(%2) VALUES (%3)")
                          .arg(kind.table, columns.join(QStringLiteral(", ")),
                               QStringList(columns.size(), QStringLiteral("?")).join(QStringLiteral(", "))),
                      values);
    if (!r)
        return fail(r.error());
    if (auto st = tx->commit(); !st)
        return fail(st.error());
    return id;
}

Error badCode() {
    return {
        ErrorKind::BadInput,
        QStringLiteral("enroll.bad_code"),
        QStringLiteral("The enrolment code is unknown, already used or expired. Ask the county centre for "
                       "a new one."),
        {}};
}

} // namespace

Result<EnrolmentCode> addStation(CountyStore& store, const QString& name, const QString& township) {
    const QString code = newEnrolmentCode();
    const QString normalised = normaliseEnrolmentCode(code);
    const qint64 expiresAt = store.now() + kEnrolmentValidityMs;
    auto id =
        addAccount(store, {QStringLiteral("stations"), QStringLiteral("st"), QStringLiteral("station name")},
                   name, township,
                   {{QStringLiteral("enrol_code_id"), enrolmentCodeId(normalised)},
                    {QStringLiteral("enrol_code_hash"), enrolmentCodeHash(normalised)},
                    {QStringLiteral("enrol_expires_at"), expiresAt}});
    if (!id)
        return fail(id.error());
    return EnrolmentCode{*id, code, expiresAt};
}

Result<EnrolmentCode> renewEnrolmentCode(CountyStore& store, const QString& stationId) {
    auto tx = store.begin(Tx::Mode::Write);
    if (!tx)
        return fail(tx.error());
    auto row = tx->selectOne(QStringLiteral("SELECT revoked_at FROM stations WHERE id = ?"), {stationId});
    if (!row)
        return fail(row.error());
    if (!*row)
        return fail(notFound(stationId));
    if (!(**row).at(0).isNull())
        return fail(
            ErrorKind::Conflict, QStringLiteral("station.revoked"),
            QStringLiteral("The station %1 is revoked; add it again as a new station.").arg(stationId));
    const EnrolmentCode code{stationId, newEnrolmentCode(), tx->now() + kEnrolmentValidityMs};
    if (auto st = setEnrolmentCode(*tx, stationId, code); !st)
        return fail(st.error());
    if (auto st = tx->commit(); !st)
        return fail(st.error());
    return code;
}

Status revokeStation(CountyStore& store, const QString& stationId) {
    auto tx = store.begin(Tx::Mode::Write);
    if (!tx)
        return fail(tx.error());
    auto r = tx->exec(QStringLiteral("UPDATE stations SET revoked_at = ?, enrol_code_hash = NULL,"
                                     " enrol_code_id = NULL, enrol_expires_at = NULL"
                                     " WHERE id = ? AND revoked_at IS NULL"),
                      {tx->now(), stationId});
    if (!r)
        return fail(r.error());
    if (*r == 0) {
        auto exists = tx->selectOne(QStringLiteral("SELECT id FROM stations WHERE id = ?"), {stationId});
        if (!exists)
            return fail(exists.error());
        if (!*exists)
            return fail(notFound(stationId));
        return {}; // already revoked
    }
    return tx->commit();
}

Result<QList<StationInfo>> listStations(CountyStore& store) {
    auto tx = store.begin(Tx::Mode::Read);
    if (!tx)
        return fail(tx.error());
    auto rows =
        tx->select(QStringLiteral("SELECT id, name, township, created_at, last_seen_at, token_hash,"
                                  " enrol_expires_at, revoked_at FROM stations ORDER BY township, name, id"));
    if (!rows)
        return fail(rows.error());
    QList<StationInfo> out;
    for (const Row& r : *rows)
        out.append({r.at(0).toString(), r.at(1).toString(), r.at(2).toString(), r.at(3).toLongLong(),
                    r.at(4).toLongLong(), !r.at(5).isNull(), r.at(6).toLongLong(), !r.at(7).isNull()});
    return out;
}

Result<NewReviewer> addReviewer(CountyStore& store, const QString& name, const QString& township) {
    const QString token = newToken(TokenKind::Reviewer);
    auto id = addAccount(store,
                         {QStringLiteral("reviewers"), QStringLiteral("rv"), QStringLiteral("reviewer name")},
                         name, township, {{QStringLiteral("token_hash"), secretHash(token)}});
    if (!id)
        return fail(id.error());
    return NewReviewer{*id, token};
}

Result<QList<ReviewerInfo>> listReviewers(CountyStore& store) {
    auto tx = store.begin(Tx::Mode::Read);
    if (!tx)
        return fail(tx.error());
    auto rows = tx->select(QStringLiteral("SELECT id, name, township, created_at, revoked_at FROM reviewers"
                                          " ORDER BY township, name, id"));
    if (!rows)
        return fail(rows.error());
    QList<ReviewerInfo> out;
    for (const Row& r : *rows)
        out.append({r.at(0).toString(), r.at(1).toString(), r.at(2).toString(), r.at(3).toLongLong(),
                    r.at(4).isNull() ? 0 : r.at(4).toLongLong()});
    return out;
}

Status revokeReviewer(CountyStore& store, const QString& reviewerId) {
    auto tx = store.begin(Tx::Mode::Write);
    if (!tx)
        return fail(tx.error());
    auto r =
        tx->exec(QStringLiteral("UPDATE reviewers SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"),
                 {tx->now(), reviewerId});
    if (!r)
        return fail(r.error());
    if (*r == 0) {
        auto exists = tx->selectOne(QStringLiteral("SELECT id FROM reviewers WHERE id = ?"), {reviewerId});
        if (!exists)
            return fail(exists.error());
        if (!*exists)
            return fail(ErrorKind::NotFound, QStringLiteral("reviewer.not_found"),
                        QStringLiteral("No reviewer with the id %1.").arg(reviewerId));
        return {}; // already revoked
    }
    return tx->commit();
}

QStringList batchKeySchema() {
    return {QStringLiteral("ALTER TABLE stations ADD COLUMN batch_key TEXT")};
}

Result<sync::EnrollResponse> enrol(CountyStore& store, const QString& typedCode, const QByteArray& batchKey) {
    const QString code = normaliseEnrolmentCode(typedCode);
    if (code.isEmpty() || code.size() > 64)
        return fail(badCode());
    // The slow hash is checked outside any transaction: a guess never holds the writer lock.
    QList<Row> candidates;
    {
        auto tx = store.begin(Tx::Mode::Read);
        if (!tx)
            return fail(tx.error());
        // Codes made before schema 2 have no id and a plain SHA-256 hash.
        auto rows = tx->select(QStringLiteral("SELECT id, enrol_code_hash, enrol_code_id, enrol_expires_at"
                                              " FROM stations WHERE revoked_at IS NULL AND (enrol_code_id = ?"
                                              " OR (enrol_code_id IS NULL AND enrol_code_hash = ?)) LIMIT 8"),
                               {enrolmentCodeId(code), secretHash(code)});
        if (!rows)
            return fail(rows.error());
        candidates = *rows;
    }
    QString stationId;
    QString storedHash;
    for (const Row& r : std::as_const(candidates)) {
        const bool legacy = r.at(2).isNull();
        if ((legacy || enrolmentCodeMatches(code, r.at(1).toString())) &&
            r.at(3).toLongLong() >= store.now()) {
            stationId = r.at(0).toString();
            storedHash = r.at(1).toString();
            break;
        }
    }
    if (candidates.isEmpty())
        (void)enrolmentCodeMatches(code, {}); // the same work as a wrong code for a known id
    if (stationId.isEmpty())
        return fail(badCode());
    auto tx = store.begin(Tx::Mode::Write);
    if (!tx)
        return fail(tx.error());
    auto row = tx->selectOne(QStringLiteral("SELECT name, township FROM stations WHERE id = ?"), {stationId});
    if (!row)
        return fail(row.error());
    auto epoch = readEpoch(*tx);
    if (!epoch)
        return fail(epoch.error());
    if (!*row)
        return fail(badCode());
    sync::EnrollResponse response{stationId, newToken(TokenKind::Station), (**row).at(0).toString(),
                                  (**row).at(1).toString(), *epoch};
    // Only if the code is still the one checked: a concurrent enrolment with it wins once.
    // A new enrolment replaces the batch key with the one the station made for it (or none).
    const QVariant key = batchKey.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                                            : QVariant(QString::fromLatin1(batchKey.toHex()));
    auto r = tx->exec(QStringLiteral("UPDATE stations SET token_hash = ?, enrol_code_hash = NULL,"
                                     " enrol_code_id = NULL, enrol_expires_at = NULL, batch_key = ?"
                                     " WHERE id = ? AND enrol_code_hash = ? AND revoked_at IS NULL"),
                      {secretHash(response.token), key, response.stationId, storedHash});
    if (!r)
        return fail(r.error());
    if (*r == 0)
        return fail(badCode());
    if (auto st = tx->commit(); !st)
        return fail(st.error());
    return response;
}

Result<Caller> authenticate(Tx& tx, const QString& token) {
    TokenKind kind = TokenKind::Station;
    if (!tokenKind(token, &kind))
        return fail(ErrorKind::BadInput, QStringLiteral("auth.bad_token"),
                    QStringLiteral("The token is not valid."));
    const QString sql =
        kind == TokenKind::Station
            ? QStringLiteral("SELECT id, township, revoked_at FROM stations WHERE token_hash = ?")
            : QStringLiteral("SELECT id, township, revoked_at FROM reviewers WHERE token_hash = ?");
    auto row = tx.selectOne(sql, {secretHash(token)});
    if (!row)
        return fail(row.error());
    if (!*row)
        return fail(ErrorKind::BadInput, QStringLiteral("auth.bad_token"),
                    QStringLiteral("The token is not valid."));
    if (!(**row).at(2).isNull())
        return fail(ErrorKind::BadInput, QStringLiteral("auth.revoked"),
                    QStringLiteral("The token was revoked."));
    return Caller{kind, (**row).at(0).toString(), (**row).at(1).toString()};
}

Status touchStation(CountyStore& store, const QString& stationId) {
    auto tx = store.begin(Tx::Mode::Write);
    if (!tx)
        return fail(tx.error());
    auto r =
        tx->exec(QStringLiteral("UPDATE stations SET last_seen_at = ? WHERE id = ?"), {tx->now(), stationId});
    if (!r)
        return fail(r.error());
    return tx->commit();
}

} // namespace cz::county
