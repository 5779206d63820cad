// Ed25519 signatures for USB batches (OpenSSL EVP): the station makes a key pair at enrolment and
// keeps the private half in its database; the county keeps the public half with the station's
// credentials and checks every batch against it (docs/protocol.md, "USB batches").
#pragma once

#include <QByteArray>
#include <optional>

namespace cz::sync {

constexpr qsizetype kSigningKeyBytes = 32; // raw Ed25519 private (seed) and public keys
constexpr qsizetype kSignatureBytes = 64;

struct SigningKey {
    QByteArray privateKey; // 32 bytes
    QByteArray publicKey;  // 32 bytes
};

// A new key pair from the system's random source; nullopt if OpenSSL fails.
[[nodiscard]] std::optional<SigningKey> newSigningKey();
// The public half of a raw private key; nullopt if it is not one.
[[nodiscard]] std::optional<QByteArray> publicKeyOf(const QByteArray& privateKey);
// The 64-byte signature of data (empty if the key is not a valid private key).
[[nodiscard]] QByteArray signBytes(const QByteArray& privateKey, const QByteArray& data);
// Whether signature is a valid signature of exactly data by publicKey.
[[nodiscard]] bool verifyBytes(const QByteArray& publicKey, const QByteArray& data,
                               const QByteArray& signature);

} // namespace cz::sync
