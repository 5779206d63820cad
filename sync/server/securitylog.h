// The county's security log: failed authentication, enrolment guesses, rate limits, refused SMS,
// rejected and malformed batches, one JSON object per line ({"at": UTC ms, "event": name, ...}),
// to stderr or to the file `cunzhan-county --security-log FILE` names. For people and log
// shippers, never read back by the server.
//
// Bounded: each string field is cut to 200 characters (a hostile value cannot bloat the log), and
// each event writes at most kMaxLinesPerMinute lines a minute; the next line it writes says how
// many were left out ("suppressed").
#pragma once

#include <QJsonObject>
#include <QString>

namespace cz::county::security {

constexpr int kMaxLinesPerMinute = 60;

// Where the lines go from now on: a file (appended to; created when missing), or stderr when
// the path is empty. False when the file cannot be opened (the log stays where it was).
[[nodiscard]] bool setLogFile(const QString& path);

// Writes one event. Thread-safe.
void event(const QString& name, const QJsonObject& fields = {});

} // namespace cz::county::security
