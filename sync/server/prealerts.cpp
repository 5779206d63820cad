// Pre-alerts: a carrier's list of parcels on the next van, per station, imported from CSV and
// published as `prealert` changes (one per waybill) to the station they are for.
#include "admin.h"
#include "csv.h"
#include "feed.h"
#include "fieldrules.h"

#include <QDate>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace cz::county {

namespace {

const QString kHeader = QStringLiteral("waybill,carrier,phone,name,station,van_date");

struct Prealert {
    QString waybill;
    QString carrier;
    QString phone;
    QString name;
    QString stationId;
    QString vanDate;
};

// Station ids by id and by unique name (names used twice map to nothing).
struct StationIndex {
    QSet<QString> ids;
    QHash<QString, QStringList> byName;

    [[nodiscard]] QString resolve(const QString& idOrName, QString* error) const {
        if (ids.contains(idOrName))
            return idOrName;
        const QStringList named = byName.value(idOrName);
        if (named.size() == 1)
            return named.first();
        *error = named.isEmpty()
                     ? QStringLiteral("unknown station \"%1\"").arg(idOrName)
                     : QStringLiteral("several stations are called \"%1\"; use the station id").arg(idOrName);
        return {};
    }
};

Result<StationIndex> loadStations(Tx& tx) {
    auto rows = tx.select(QStringLiteral("SELECT id, name FROM stations WHERE revoked_at IS NULL"));
    if (!rows)
        return fail(rows.error());
    StationIndex index;
    for (const Row& r : *rows) {
        index.ids.insert(r.at(0).toString());
        index.byName[r.at(1).toString()].append(r.at(0).toString());
    }
    return index;
}

// The row's problems, or none.
QStringList checkRow(const QStringList& f, const StationIndex& stations, QSet<QString>* waybills,
                     Prealert* out) {
    static const QRegularExpression waybill(QStringLiteral("^[A-Za-z0-9]{6,40}$"));
    if (f.size() != 6)
        return {QStringLiteral("expected 6 fields, found %1").arg(f.size())};
    QStringList errors;
    *out = {f.at(0).toUpper(), f.at(1), f.at(2), rules::simplifiedName(f.at(3)), {}, f.at(5)};
    if (!waybill.match(out->waybill).hasMatch())
        errors.append(QStringLiteral("the waybill \"%1\" is not 6 to 40 letters and digits").arg(f.at(0)));
    else if (waybills->contains(out->waybill))
        errors.append(QStringLiteral("the waybill %1 is listed twice").arg(out->waybill));
    waybills->insert(out->waybill);
    if (out->carrier.isEmpty())
        errors.append(QStringLiteral("no carrier"));
    if (!rules::isMainlandMobile(out->phone))
        errors.append(QStringLiteral("the phone \"%1\" is not an 11-digit mobile number").arg(out->phone));
    // The station's own rule for names (common/fieldrules.h), so what the county publishes the
    // station would have accepted from its clerk.
    switch (rules::checkPersonName(out->name)) {
    case rules::NameProblem::TooLong:
        errors.append(QStringLiteral("the name is longer than %1 characters").arg(rules::kMaxPersonName));
        break;
    case rules::NameProblem::Unprintable:
        errors.append(QStringLiteral("the name contains control or format characters"));
        break;
    case rules::NameProblem::None:
        break;
    }
    QString stationError;
    out->stationId = stations.resolve(f.at(4), &stationError);
    if (out->stationId.isEmpty())
        errors.append(stationError);
    if (!QDate::fromString(out->vanDate, QStringLiteral("yyyy-MM-dd")).isValid())
        errors.append(QStringLiteral("the van date \"%1\" is not a date like 2026-11-28").arg(out->vanDate));
    return errors;
}

Result<QList<Prealert>> parsePrealerts(const QString& text, const StationIndex& stations) {
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString& l : lines)
        if (l.endsWith(QLatin1Char('\r')))
            l.chop(1);
    while (!lines.isEmpty() && lines.last().trimmed().isEmpty())
        lines.removeLast();
    if (lines.isEmpty() || lines.first().trimmed() != kHeader)
        return fail(ErrorKind::BadInput, QStringLiteral("prealert.bad_header"),
                    QStringLiteral("The first line must be the header %1.").arg(kHeader));
    QList<Prealert> rows;
    QStringList errors;
    QSet<QString> waybills;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (lines.at(i).trimmed().isEmpty())
            continue;
        Prealert p;
        for (const QString& e : checkRow(splitCsv(lines.at(i)), stations, &waybills, &p))
            errors.append(QStringLiteral("line %1: %2").arg(i + 1).arg(e));
        rows.append(p);
    }
    if (!errors.isEmpty())
        return fail(
            ErrorKind::BadInput, QStringLiteral("prealert.invalid"),
            QStringLiteral("The pre-alert file has %1 error(s); nothing was imported.").arg(errors.size()),
            errors);
    if (rows.isEmpty())
        return fail(ErrorKind::BadInput, QStringLiteral("prealert.empty"),
                    QStringLiteral("The pre-alert file has no rows."));
    return rows;
}

} // namespace

Result<int> importPrealerts(CountyStore& store, const QByteArray& csv) {
    QByteArray bytes = csv;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3); // a byte-order mark from spreadsheet programs
    const QString text = QString::fromUtf8(bytes);
    if (text.contains(QChar::ReplacementCharacter))
        return fail(ErrorKind::BadInput, QStringLiteral("prealert.encoding"),
                    QStringLiteral("The pre-alert file is not UTF-8 text; save it as \"CSV UTF-8\"."));
    auto tx = store.begin(Tx::Mode::Write);
    if (!tx)
        return fail(tx.error());
    auto stations = loadStations(*tx);
    if (!stations)
        return fail(stations.error());
    auto rows = parsePrealerts(text, *stations);
    if (!rows)
        return fail(rows.error());
    for (const Prealert& p : *rows) {
        const QJsonObject data{{QStringLiteral("carrier"), p.carrier},
                               {QStringLiteral("phone"), p.phone},
                               {QStringLiteral("name"), p.name},
                               {QStringLiteral("van_date"), p.vanDate}};
        if (auto st = appendChange(*tx, p.stationId, QStringLiteral("prealert"), p.waybill, data); !st)
            return fail(st.error());
    }
    if (auto st = tx->commit(); !st)
        return fail(st.error());
    return static_cast<int>(rows->size());
}

} // namespace cz::county
