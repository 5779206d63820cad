// A text bound into a NOT NULL column: the Qt driver and Database::write bind a null QString (a field
// left out, an optional note) as NULL, so it goes in as "".
#pragma once

#include <QString>

namespace cz {

[[nodiscard]] inline QString textOrEmpty(const QString& s) {
    return s.isNull() ? QStringLiteral("") : s;
}

} // namespace cz
