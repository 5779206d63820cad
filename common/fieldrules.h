// Rules for values that both ends check the same way: mainland mobile numbers, pickup codes and
// people's names. The station checks what a clerk types (station-core/privacy.cpp); the county
// checks what a station or a carrier's file sends (sync/server: SMS notices, pre-alerts). One rule,
// so a value one side accepts is never refused or passed unchecked by the other.
// Header-only, Qt Core only.
#pragma once

#include <QChar>
#include <QString>

namespace cz::rules {

// The longest name of a person (recipient, collector, pre-alert name), in UTF-16 units after
// simplified(): fits a slip line and the terminal's columns.
constexpr qsizetype kMaxPersonName = 32;

// ^1[3-9]\d{9}$ (shared/REFERENCE.md).
[[nodiscard]] inline bool isMainlandMobile(const QString& s) {
    if (s.size() != 11 || s.at(0) != QLatin1Char('1') || s.at(1) < QLatin1Char('3') ||
        s.at(1) > QLatin1Char('9'))
        return false;
    for (const QChar c : s)
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    return true;
}

// The station's pickup codes: SHELF-LAYER-SEQ, shelf 1-3 capital letters or digits, layer 1-2
// digits, sequence 4 or 5 digits (station-core: Station::allocateCode, shelves.cpp).
[[nodiscard]] inline bool isPickupCode(const QString& s) {
    const qsizetype first = s.indexOf(QLatin1Char('-'));
    const qsizetype second = first < 0 ? -1 : s.indexOf(QLatin1Char('-'), first + 1);
    if (first < 1 || first > 3 || second < 0 || second - first - 1 < 1 || second - first - 1 > 2)
        return false;
    const qsizetype seq = s.size() - second - 1;
    if (seq < 4 || seq > 5)
        return false;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        const bool digit = c >= QLatin1Char('0') && c <= QLatin1Char('9');
        if (i < first) {
            if (!digit && (c < QLatin1Char('A') || c > QLatin1Char('Z')))
                return false;
        } else if (i != first && i != second && !digit) {
            return false;
        }
    }
    return true;
}

enum class NameProblem { None, TooLong, Unprintable };

// A name as it is kept: white space simplified (trimmed, inner runs made one space).
[[nodiscard]] inline QString simplifiedName(const QString& input) {
    return input.simplified();
}

// Checks a simplified name: at most kMaxPersonName, and no control or format characters (a
// right-to-left override or an escape sequence would change how a list or a terminal shows it).
[[nodiscard]] inline NameProblem checkPersonName(const QString& name) {
    if (name.size() > kMaxPersonName)
        return NameProblem::TooLong;
    for (const QChar c : name) {
        const QChar::Category cat = c.category();
        if (cat == QChar::Other_Control || cat == QChar::Other_Format)
            return NameProblem::Unprintable;
    }
    return NameProblem::None;
}

} // namespace cz::rules
