#include "signing.h"

#include <memory>
#include <openssl/evp.h>

namespace cz::sync {

namespace {

struct KeyFree {
    void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct MdCtxFree {
    void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
struct PkeyCtxFree {
    void operator()(EVP_PKEY_CTX* c) const { EVP_PKEY_CTX_free(c); }
};
using Key = std::unique_ptr<EVP_PKEY, KeyFree>;
using MdCtx = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;

const unsigned char* bytes(const QByteArray& b) {
    return reinterpret_cast<const unsigned char*>(b.constData());
}

Key privateKeyFrom(const QByteArray& raw) {
    if (raw.size() != kSigningKeyBytes)
        return {};
    return Key(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, bytes(raw), size_t(raw.size())));
}

std::optional<QByteArray> rawPublic(EVP_PKEY* key) {
    QByteArray out(kSigningKeyBytes, Qt::Uninitialized);
    size_t len = size_t(out.size());
    if (EVP_PKEY_get_raw_public_key(key, reinterpret_cast<unsigned char*>(out.data()), &len) != 1 ||
        len != size_t(kSigningKeyBytes))
        return std::nullopt;
    return out;
}

} // namespace

std::optional<SigningKey> newSigningKey() {
    std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree> ctx(EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nullptr));
    EVP_PKEY* raw = nullptr;
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1 || EVP_PKEY_keygen(ctx.get(), &raw) != 1)
        return std::nullopt;
    Key key(raw);
    SigningKey out{QByteArray(kSigningKeyBytes, Qt::Uninitialized), {}};
    size_t len = size_t(out.privateKey.size());
    if (EVP_PKEY_get_raw_private_key(key.get(), reinterpret_cast<unsigned char*>(out.privateKey.data()),
                                     &len) != 1 ||
        len != size_t(kSigningKeyBytes))
        return std::nullopt;
    auto pub = rawPublic(key.get());
    if (!pub)
        return std::nullopt;
    out.publicKey = *pub;
    return out;
}

std::optional<QByteArray> publicKeyOf(const QByteArray& privateKey) {
    Key key = privateKeyFrom(privateKey);
    if (!key)
        return std::nullopt;
    return rawPublic(key.get());
}

QByteArray signBytes(const QByteArray& privateKey, const QByteArray& data) {
    Key key = privateKeyFrom(privateKey);
    MdCtx ctx(EVP_MD_CTX_new());
    if (!key || !ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1)
        return {};
    QByteArray sig(kSignatureBytes, Qt::Uninitialized);
    size_t len = size_t(sig.size());
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &len, bytes(data),
                       size_t(data.size())) != 1 ||
        len != size_t(kSignatureBytes))
        return {};
    return sig;
}

bool verifyBytes(const QByteArray& publicKey, const QByteArray& data, const QByteArray& signature) {
    if (publicKey.size() != kSigningKeyBytes || signature.size() != kSignatureBytes)
        return false;
    Key key(
        EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, bytes(publicKey), size_t(publicKey.size())));
    MdCtx ctx(EVP_MD_CTX_new());
    if (!key || !ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1)
        return false;
    return EVP_DigestVerify(ctx.get(), bytes(signature), size_t(signature.size()), bytes(data),
                            size_t(data.size())) == 1;
}

} // namespace cz::sync
