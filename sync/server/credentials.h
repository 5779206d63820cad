// Secrets handed to stations and reviewers: bearer tokens and one-time enrolment codes. Tokens
// (256 random bits) are stored as SHA-256 hashes; enrolment codes (50 bits, read aloud) as a public
// id and a salted slow hash (PBKDF2-HMAC-SHA256), so a copy of the database does not give them away.
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

// Hex SHA-256 of a secret (tokens as given; enrolment codes of schema 1, normalised).
[[nodiscard]] QString secretHash(const QString& secret);

// The part of a normalised enrolment code that finds its station: its first 4 characters.
[[nodiscard]] QString enrolmentCodeId(const QString& normalisedCode);
// "pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>" of a normalised code, with a new random salt.
[[nodiscard]] QString enrolmentCodeHash(const QString& normalisedCode);
// Whether the code matches a stored enrolmentCodeHash(), in constant time. An empty or malformed
// stored value never matches but costs the same work, so timing does not tell whether an id exists.
[[nodiscard]] bool enrolmentCodeMatches(const QString& normalisedCode, const QString& stored);

// Short random ids for rows the county creates: "st-k7qx9m2p", "rv-...".
[[nodiscard]] QString newId(const QString& prefix);

} // namespace cz::county
