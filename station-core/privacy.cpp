#include "privacy.h"

#include "fieldrules.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace cz {

namespace {
struct InputText {
    Q_DECLARE_TR_FUNCTIONS(Input)
};

QString stripSeparators(const QString& s) {
    QString out;
    out.reserve(s.size());
    for (QChar c : s) {
        if (!c.isSpace() && c != QLatin1Char('-'))
            out += c;
    }
    return out;
}
} // namespace

Result<PhoneInput> parsePhone(const QString& input) {
    const QString s = stripSeparators(input);
    static const QRegularExpression mobile(QStringLiteral("^1[3-9]\\d{9}$"));
    static const QRegularExpression tail(QStringLiteral("^\\d{4}$"));
    if (mobile.match(s).hasMatch())
        return PhoneInput{s, s.right(4)};
    if (tail.match(s).hasMatch())
        return PhoneInput{QString(), s};
    if (s.isEmpty())
        return fail(ErrorKind::BadInput, QStringLiteral("phone.missing"),
                    InputText::tr("Enter the recipient's mobile number or its last 4 digits."));
    return fail(ErrorKind::BadInput, QStringLiteral("phone.invalid"),
                InputText::tr("\"%1\" is not a mobile number: enter 11 digits starting with 1, or the last 4 "
                              "digits.")
                    .arg(input.trimmed()));
}

Result<QString> parsePhoneTail(const QString& input) {
    auto p = parsePhone(input);
    if (!p)
        return fail(p.error());
    return p->tail;
}

QString normaliseWaybill(const QString& input) {
    QString out;
    out.reserve(input.size());
    for (QChar c : input) {
        if (!c.isSpace())
            out += c.toUpper();
    }
    return out;
}

Result<QString> validateWaybill(const QString& input) {
    const QString w = normaliseWaybill(input);
    if (w.isEmpty())
        return fail(ErrorKind::BadInput, QStringLiteral("waybill.missing"),
                    InputText::tr("Scan or type the waybill number."));
    static const QRegularExpression allowed(QStringLiteral("^[A-Z0-9-]+$"));
    if (!allowed.match(w).hasMatch())
        return fail(
            ErrorKind::BadInput, QStringLiteral("waybill.chars"),
            InputText::tr("The waybill number \"%1\" may contain only letters, digits and dashes.").arg(w));
    if (w.size() < 8 || w.size() > 32)
        return fail(ErrorKind::BadInput, QStringLiteral("waybill.length"),
                    InputText::tr("The waybill number \"%1\" has %2 characters; it must have 8 to 32.")
                        .arg(w)
                        .arg(w.size()));
    return w;
}

Result<QString> validateName(const QString& input) {
    const QString n = rules::simplifiedName(input);
    switch (rules::checkPersonName(n)) {
    case rules::NameProblem::TooLong:
        return fail(ErrorKind::BadInput, QStringLiteral("name.too_long"),
                    InputText::tr("The name is too long (at most 32 characters)."));
    case rules::NameProblem::Unprintable:
        return fail(ErrorKind::BadInput, QStringLiteral("name.chars"),
                    InputText::tr("The name contains characters that cannot be printed."));
    case rules::NameProblem::None:
        break;
    }
    return n;
}

QString maskPhone(const QString& full, const QString& tail) {
    if (full.size() == 11)
        return full.left(3) + QStringLiteral("****") + full.right(4);
    return QStringLiteral("****") + tail;
}

QString maskName(const QString& name) {
    const QList<uint> cps = name.toUcs4();
    if (cps.size() <= 1)
        return name;
    QString out = QString::fromUcs4(reinterpret_cast<const char32_t*>(cps.constData()), 1);
    if (cps.size() == 2)
        return out + QLatin1Char('*');
    out += QString(cps.size() - 2, QLatin1Char('*'));
    return out + QString::fromUcs4(reinterpret_cast<const char32_t*>(cps.constData() + cps.size() - 1), 1);
}

QString formatFen(qint64 fen) {
    const qint64 a = fen < 0 ? -fen : fen;
    return QStringLiteral("%1%2.%3")
        .arg(fen < 0 ? QStringLiteral("-") : QString())
        .arg(a / 100)
        .arg(a % 100, 2, 10, QLatin1Char('0'));
}

} // namespace cz
