// The county database schema as numbered migrations (portable SQL for SQLite and PostgreSQL).
#pragma once

#include <QList>
#include <QStringList>

namespace cz::county {

enum class Backend;

// migrations()[i] brings the schema from version i to i + 1.
[[nodiscard]] QList<QStringList> migrations(Backend backend);

} // namespace cz::county
