// Reading the county's CSV imports (pre-alerts, the catalogue): one record per line, RFC 4180 quoting.
#pragma once

#include <QString>
#include <QStringList>

namespace cz::county {

// One CSV record (RFC 4180 quoting: "a ""b"", c" is one field); fields trimmed.
[[nodiscard]] inline QStringList splitCsv(const QString& line) {
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted && c == QLatin1Char('"') && i + 1 < line.size() && line.at(i + 1) == QLatin1Char('"')) {
            field.append(c);
            ++i;
        } else if (c == QLatin1Char('"')) {
            quoted = !quoted;
        } else if (c == QLatin1Char(',') && !quoted) {
            fields.append(field.trimmed());
            field.clear();
        } else {
            field.append(c);
        }
    }
    fields.append(field.trimmed());
    return fields;
}

// A file's lines without line ends and trailing empty lines; the UTF-8 text of the bytes with a
// byte-order mark (from spreadsheet programs) dropped, or false when they are not UTF-8.
[[nodiscard]] inline bool csvLines(const QByteArray& csv, QStringList* lines) {
    QByteArray bytes = csv;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    const QString text = QString::fromUtf8(bytes);
    if (text.contains(QChar::ReplacementCharacter))
        return false;
    *lines = text.split(QLatin1Char('\n'));
    for (QString& l : *lines)
        if (l.endsWith(QLatin1Char('\r')))
            l.chop(1);
    while (!lines->isEmpty() && lines->last().trimmed().isEmpty())
        lines->removeLast();
    return true;
}

} // namespace cz::county
