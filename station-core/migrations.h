// Numbered schema migrations. Migration N (1-based) turns a version N-1 database into version N;
// each runs in one transaction together with the new PRAGMA user_version. Never edit a released
// migration: add a new one.
#pragma once

#include <QStringList>
#include <vector>

namespace cz {

[[nodiscard]] const std::vector<QStringList>& migrations();

} // namespace cz
