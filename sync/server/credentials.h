// Secrets handed to stations and reviewers: bearer tokens and one-time enrolment codes. Only their
// SHA-256 hashes are stored.
#pragma once

#include <QString>

namespace cz::county {

enum class TokenKind { Station, Reviewer };

// 32 random bytes, base64url, prefixed "czs_" (station) or "czr_" (reviewer).
[[nodiscard]] QString newToken(TokenKind kind);
// Whether the token has a known prefix; if so, *kind says which.
[[nodiscard]] bool tokenKind(const QString& token, TokenKind* kind);

// 10 characters of Crockford base32, grouped for reading aloud: "K7QX-9M2P-4T".
[[nodiscard]] QString newEnrolmentCode();
// Upper case, without dashes and spaces, O→0 and I/L→1 (Crockford's reading rules).
[[nodiscard]] QString normaliseEnrolmentCode(const QString& typed);

// Hex SHA-256 of a secret (tokens as given, codes normalised by the caller).
[[nodiscard]] QString secretHash(const QString& secret);

// Short random ids for rows the county creates: "st-k7qx9m2p", "rv-...".
[[nodiscard]] QString newId(const QString& prefix);

} // namespace cz::county
