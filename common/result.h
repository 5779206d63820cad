// Errors as values: every station-core operation that can fail returns Result<T>.
// An Error carries a machine code (stable, for scripts and tests), a category that maps to the
// CLI exit codes of shared/DESIGN.md, and a message already translated for people.
#pragma once

#include <QString>
#include <QStringList>
#include <expected>

namespace cz {

enum class ErrorKind {
    BadInput = 2,    // the input is wrong; nothing was written
    Conflict = 3,    // the request clashes with the current state (duplicate, already picked up)
    NotFound = 4,    // nothing matches
    Unavailable = 5, // database locked, read-only, device or network missing
    Internal = 1,    // a bug or a damaged environment
};

struct Error {
    ErrorKind kind = ErrorKind::Internal;
    QString code;        // e.g. "waybill.duplicate"
    QString message;     // translated, for people
    QStringList details; // optional extra values (candidates, parcel ids, ...)
};

template<class T> using Result = std::expected<T, Error>;

using Status = std::expected<void, Error>;

[[nodiscard]] inline std::unexpected<Error> fail(ErrorKind kind, QString code, QString message,
                                                 QStringList details = {}) {
    return std::unexpected(Error{kind, std::move(code), std::move(message), std::move(details)});
}

[[nodiscard]] inline std::unexpected<Error> fail(Error e) {
    return std::unexpected(std::move(e));
}

// Exit status of cunzhanctl for an error (shared/DESIGN.md contract).
[[nodiscard]] inline int exitCodeFor(const Error& e) {
    return static_cast<int>(e.kind);
}

} // namespace cz
