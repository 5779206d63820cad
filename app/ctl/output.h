// Printing for cunzhanctl: aligned text for people or one JSON object per line for scripts on
// stdout, messages for people on stderr. Commands never write to the streams directly.
#pragma once

#include "parcelfields.h"
#include "result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <utility>

namespace cz {
class CarrierRegistry;
struct Parcel;
} // namespace cz

namespace cz::ctl {

struct Table {
    QStringList headers;
    QList<QStringList> rows;
};

using Fields = QList<std::pair<QString, QString>>;

class Output {
public:
    explicit Output(bool json)
        : m_json(json) {}
    [[nodiscard]] bool json() const { return m_json; }

    void object(const QJsonObject& o) const;          // one compact JSON line on stdout
    void text(const QString& line) const;             // one line on stdout
    void table(const Table& t) const;                 // columns aligned by display width (CJK counts 2)
    void fields(const Fields& rows) const;            // "Label   value" lines, labels aligned
    void note(const QString& message) const;          // one line for people on stderr
    void parcels(const QList<Parcel>& parcels) const; // one JSON line per parcel (its public fields)

    // Reports a failure: the message (and details) on stderr, and with --json also
    // {"error": {...}} on stdout. Returns the exit code of the contract.
    [[nodiscard]] int fail(const Error& e) const;
    // Bad usage (exit 2); the command name, when given, points to that command's --help.
    [[nodiscard]] int usage(const QString& message, const QString& command = {}) const;

private:
    bool m_json;
};

// Parcel tables: the fields a command shows, in order, labelled and shown as everywhere else
// (station-core's ParcelFields: phone and name masked, the carrier by its name from carriers).
[[nodiscard]] QStringList parcelHeaders(const QList<ParcelField>& columns);
[[nodiscard]] QStringList parcelRow(const Parcel& p, const QList<ParcelField>& columns,
                                    const CarrierRegistry& carriers);
[[nodiscard]] Table parcelTable(const QList<Parcel>& parcels, const QList<ParcelField>& columns,
                                const CarrierRegistry& carriers);
// The table of list and arrivals: every field but the fee and the return reason.
[[nodiscard]] Table parcelTable(const QList<Parcel>& parcels, const CarrierRegistry& carriers);

// An amount for people: "12.50 yuan".
[[nodiscard]] QString yuan(qint64 fen);

// Width of a string on a terminal: East Asian wide characters take two columns.
[[nodiscard]] int displayWidth(const QString& s);

} // namespace cz::ctl
