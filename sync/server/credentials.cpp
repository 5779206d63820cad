#include "credentials.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace cz::county {

namespace {

constexpr char kCrockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr int kCodeLength = 10;

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

QString newId(const QString& prefix) {
    return prefix + QLatin1Char('-') + randomCrockford(8).toLower();
}

} // namespace cz::county
