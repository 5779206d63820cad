#include "credentials.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QStringList>
#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace cz::county {

namespace {

constexpr char kCrockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr int kCodeLength = 10;
constexpr int kCodeIdLength = 4;
// About 40 ms on the county's hardware class: cheap once per enrolment, slow for a guesser with a
// copy of the database. Stored with the hash, so it can be raised later.
constexpr int kPbkdf2Iterations = 100000;
constexpr int kSaltBytes = 16;
constexpr int kHashBytes = 32;

QByteArray pbkdf2(const QString& code, const QByteArray& salt, int iterations) {
    const QByteArray pass = code.toUtf8();
    QByteArray out(kHashBytes, Qt::Uninitialized);
    if (PKCS5_PBKDF2_HMAC(pass.constData(), int(pass.size()),
                          reinterpret_cast<const unsigned char*>(salt.constData()), int(salt.size()),
                          iterations, EVP_sha256(), kHashBytes,
                          reinterpret_cast<unsigned char*>(out.data())) != 1)
        return {};
    return out;
}

QString randomCrockford(int length) {
    QString out;
    out.reserve(length);
    for (int i = 0; i < length; ++i)
        out.append(QLatin1Char(kCrockford[QRandomGenerator::system()->bounded(32)]));
    return out;
}

} // namespace

QString newToken(TokenKind kind) {
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(bytes.data()), bytes.size() / 4);
    const QString prefix = kind == TokenKind::Station ? QStringLiteral("czs_") : QStringLiteral("czr_");
    return prefix + QString::fromLatin1(
                        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool tokenKind(const QString& token, TokenKind* kind) {
    if (token.startsWith(QLatin1String("czs_")))
        *kind = TokenKind::Station;
    else if (token.startsWith(QLatin1String("czr_")))
        *kind = TokenKind::Reviewer;
    else
        return false;
    return true;
}

QString newEnrolmentCode() {
    const QString raw = randomCrockford(kCodeLength);
    return raw.left(4) + QLatin1Char('-') + raw.mid(4, 4) + QLatin1Char('-') + raw.mid(8);
}

QString normaliseEnrolmentCode(const QString& typed) {
    QString out;
    for (const QChar c : typed.toUpper()) {
        if (c == QLatin1Char('-') || c.isSpace())
            continue;
        if (c == QLatin1Char('O'))
            out.append(QLatin1Char('0'));
        else if (c == QLatin1Char('I') || c == QLatin1Char('L'))
            out.append(QLatin1Char('1'));
        else
            out.append(c);
    }
    return out;
}

QString secretHash(const QString& secret) {
    return QString::fromLatin1(QCryptographicHash::hash(secret.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString enrolmentCodeId(const QString& normalisedCode) {
    return normalisedCode.left(kCodeIdLength);
}

QString enrolmentCodeHash(const QString& normalisedCode) {
    QByteArray salt(kSaltBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(salt.data()), kSaltBytes / 4);
    return QStringLiteral("pbkdf2-sha256$%1$%2$%3")
        .arg(kPbkdf2Iterations)
        .arg(QString::fromLatin1(salt.toHex()),
             QString::fromLatin1(pbkdf2(normalisedCode, salt, kPbkdf2Iterations).toHex()));
}

bool enrolmentCodeMatches(const QString& normalisedCode, const QString& stored) {
    const QStringList parts = stored.split(QLatin1Char('$'));
    bool ok = parts.size() == 4 && parts.at(0) == QLatin1String("pbkdf2-sha256");
    int iterations = ok ? parts.at(1).toInt(&ok) : 0;
    // A stored value from elsewhere must not make us spin: the iterations are bounded.
    if (!ok || iterations < 1 || iterations > 10 * kPbkdf2Iterations)
        iterations = kPbkdf2Iterations;
    const QByteArray salt = ok ? QByteArray::fromHex(parts.at(2).toLatin1()) : QByteArray(kSaltBytes, '\0');
    const QByteArray expected =
        ok ? QByteArray::fromHex(parts.at(3).toLatin1()) : QByteArray(kHashBytes, '\0');
    const QByteArray actual = pbkdf2(normalisedCode, salt, iterations);
    return ok && actual.size() == kHashBytes && expected.size() == kHashBytes &&
           CRYPTO_memcmp(actual.constData(), expected.constData(), kHashBytes) == 0;
}

QString newId(const QString& prefix) {
    return prefix + QLatin1Char('-') + randomCrockford(8).toLower();
}

} // namespace cz::county
