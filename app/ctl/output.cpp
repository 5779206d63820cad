// Text and JSON printing for cunzhanctl.
#include "output.h"

#include "carriers.h"
#include "clock.h"
#include "commands.h"
#include "parcel.h"
#include "privacy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <cstdio>

namespace cz::ctl {

namespace {

void write(FILE* stream, const QString& s) {
    const QByteArray bytes = s.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stream);
    std::fflush(stream);
}

bool isWide(char32_t c) {
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
           (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

QString pad(const QString& s, int width) {
    const int w = displayWidth(s);
    return w >= width ? s : s + QString(width - w, QLatin1Char(' '));
}

QString kindName(ErrorKind k) {
    switch (k) {
    case ErrorKind::BadInput:
        return QStringLiteral("bad_input");
    case ErrorKind::Conflict:
        return QStringLiteral("conflict");
    case ErrorKind::NotFound:
        return QStringLiteral("not_found");
    case ErrorKind::Unavailable:
        return QStringLiteral("unavailable");
    case ErrorKind::Internal:
        break;
    }
    return QStringLiteral("internal");
}

} // namespace

QString yuan(qint64 fen) {
    return Tr::tr("%1 yuan").arg(formatFen(fen));
}

int displayWidth(const QString& s) {
    int w = 0;
    for (char32_t c : s.toUcs4())
        w += isWide(c) ? 2 : 1;
    return w;
}

void Output::object(const QJsonObject& o) const {
    write(stdout, QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
}

void Output::text(const QString& line) const {
    write(stdout, line);
}

void Output::table(const Table& t) const {
    QList<int> widths;
    for (const QString& h : t.headers)
        widths << displayWidth(h);
    for (const QStringList& row : t.rows) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], displayWidth(row[i]));
    }
    auto line = [&](const QStringList& cells) {
        QString out;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            const bool last = i + 1 == cells.size();
            out += last ? cells[i] : pad(cells[i], widths.value(i)) + QStringLiteral("  ");
        }
        write(stdout, out);
    };
    line(t.headers);
    for (const QStringList& row : t.rows)
        line(row);
}

void Output::fields(const Fields& rows) const {
    int width = 0;
    for (const auto& [label, value] : rows)
        width = std::max(width, displayWidth(label));
    for (const auto& [label, value] : rows)
        write(stdout, pad(label, width) + QStringLiteral("  ") + value);
}

void Output::note(const QString& message) const {
    write(stderr, message);
}

int Output::fail(const Error& e) const {
    write(stderr, Tr::tr("cunzhanctl: %1").arg(e.message));
    if (!e.details.isEmpty())
        write(stderr, Tr::tr("  details: %1").arg(e.details.join(QStringLiteral(", "))));
    if (m_json) {
        object({{QStringLiteral("error"),
                 QJsonObject{{QStringLiteral("kind"), kindName(e.kind)},
                             {QStringLiteral("exit_code"), exitCodeFor(e)},
                             {QStringLiteral("code"), e.code},
                             {QStringLiteral("message"), e.message},
                             {QStringLiteral("details"), QJsonArray::fromStringList(e.details)}}}});
    }
    return exitCodeFor(e);
}

int Output::usage(const QString& message, const QString& command) const {
    const QString hint = command.isEmpty()
                             ? Tr::tr("Run \"cunzhanctl --help\" for the commands and options.")
                             : Tr::tr("Run \"cunzhanctl %1 --help\" for its options.").arg(command);
    return fail({ErrorKind::BadInput, QStringLiteral("usage"), message + QLatin1Char(' ') + hint, {}});
}

void Output::parcels(const QList<Parcel>& parcels) const {
    for (const Parcel& p : parcels)
        object(p.toPublicJson());
}

QStringList parcelHeaders(const QList<ParcelField>& columns) {
    QStringList headers;
    for (ParcelField c : columns)
        headers << ParcelFields::header(c);
    return headers;
}

QStringList parcelRow(const Parcel& p, const QList<ParcelField>& columns, const CarrierRegistry& carriers) {
    QStringList row;
    for (ParcelField c : columns)
        row << ParcelFields::text(p, c, carriers);
    // A blank cell would shift the eye to the next column: an empty name shows as "-".
    if (row.last().isEmpty())
        row.last() = QStringLiteral("-");
    return row;
}

Table parcelTable(const QList<Parcel>& parcels, const QList<ParcelField>& columns,
                  const CarrierRegistry& carriers) {
    Table t{parcelHeaders(columns), {}};
    for (const Parcel& p : parcels)
        t.rows << parcelRow(p, columns, carriers);
    return t;
}

Table parcelTable(const QList<Parcel>& parcels, const CarrierRegistry& carriers) {
    return parcelTable(parcels,
                       {ParcelField::Code, ParcelField::Place, ParcelField::Waybill, ParcelField::Carrier,
                        ParcelField::Phone, ParcelField::Name, ParcelField::State, ParcelField::Received},
                       carriers);
}

} // namespace cz::ctl
