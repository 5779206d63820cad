// Stations and reviewers: creating them, enrolment codes, tokens, revocation, and authenticating a
// request's bearer token. Secrets are returned once and stored only as hashes.
#pragma once

#include "credentials.h"
#include "protocol.h"
#include "store.h"

namespace cz::county {

constexpr qint64 kEnrolmentValidityMs = 7LL * 24 * 3600 * 1000;

struct EnrolmentCode {
    QString stationId;
    QString code; // grouped for reading: "K7QX-9M2P-4T"
    qint64 expiresAt = 0;
};

struct StationInfo {
    QString id;
    QString name;
    QString township;
    qint64 createdAt = 0;
    qint64 lastSeenAt = 0;     // 0 = never
    bool enrolled = false;     // a token was issued
    qint64 enrolExpiresAt = 0; // an unused code is pending until then (0 = none)
    bool revoked = false;
};

struct ReviewerInfo {
    QString id;
    QString name;
    QString township;
    qint64 createdAt = 0;
    qint64 revokedAt = 0; // 0 = active
};

struct NewReviewer {
    QString id;
    QString token;
};

// Who made a request: a station (id) or a reviewer (id, and the township they may read).
struct Caller {
    TokenKind kind = TokenKind::Station;
    QString id;
    QString township;
};

[[nodiscard]] Result<EnrolmentCode> addStation(CountyStore& store, const QString& name,
                                               const QString& township);
// A fresh code for an existing station (the old code, if unused, stops working).
[[nodiscard]] Result<EnrolmentCode> renewEnrolmentCode(CountyStore& store, const QString& stationId);
// The station's token (kept, so requests get auth.revoked) and any pending code stop working at once.
[[nodiscard]] Status revokeStation(CountyStore& store, const QString& stationId);
[[nodiscard]] Result<QList<StationInfo>> listStations(CountyStore& store);
[[nodiscard]] Result<NewReviewer> addReviewer(CountyStore& store, const QString& name,
                                              const QString& township);

[[nodiscard]] Result<QList<ReviewerInfo>> listReviewers(CountyStore& store);
// The reviewer's token stops working at once (requests get auth.revoked); revoking twice is fine.
[[nodiscard]] Status revokeReviewer(CountyStore& store, const QString& reviewerId);

// Consumes a one-time code and issues the station's token (enroll.bad_code when unknown, used or
// expired). The code's slow hash is checked before the write transaction begins.
// batchKey is the public half of the station's batch-signing key (32 bytes, kept with its token
// and replacing any earlier one); empty from stations of before signed batches (none is kept).
[[nodiscard]] Result<sync::EnrollResponse> enrol(CountyStore& store, const QString& typedCode,
                                                 const QByteArray& batchKey = {});
// Schema step 6: stations.batch_key (hex of the public key; NULL for stations enrolled before).
[[nodiscard]] QStringList batchKeySchema();
// auth.bad_token (unknown, malformed) or auth.revoked.
[[nodiscard]] Result<Caller> authenticate(Tx& tx, const QString& token);
// Records that a station was heard from (cheap: the caller throttles).
[[nodiscard]] Status touchStation(CountyStore& store, const QString& stationId);

} // namespace cz::county
