// The station's settings, each defined once: its key, its type and range, its value until the
// station sets one, and whether the county may publish it. Shared by the station (station-core reads,
// checks and stores them), the county (which publishes the county-wide ones) and the sync client
// (which stores what the county publishes), so a value one end accepts the other never refuses and
// no end lets a value past the limits (a fee of 3e18 fen once overflowed a total).
//
// Grouped by the domain that owns each key; messages for people are written by the owner
// (station-core's StationSetup), this header only says what is valid.
#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>
#include <optional>

namespace cz::settings {

// A whole-number setting.
struct IntSetting {
    const char* key;
    qint64 min;
    qint64 max;
    qint64 fallback;      // the value until the station sets one
    bool countyPublishes; // the county may set it for its stations (cunzhan-county settings set)

    [[nodiscard]] QString name() const { return QString::fromLatin1(key); }
    // The value when `text` is a whole number within the range.
    [[nodiscard]] std::optional<qint64> parse(const QString& text) const {
        bool ok = false;
        const qint64 v = text.trimmed().toLongLong(&ok);
        if (!ok || v < min || v > max)
            return std::nullopt;
        return v;
    }
};

// Holding and fees (Overdue, Pickup): county-wide rules.
inline constexpr IntSetting kFreeDays{"free_days", 0, 60, 3, true};
inline constexpr IntSetting kFeePerDayFen{"fee_per_day_fen", 0, 100000, 0, true};
inline constexpr IntSetting kUnclaimedAfterDays{"unclaimed_after_days", 1, 365, 7, true};
// Pickup: how long a handover can be undone.
inline constexpr IntSetting kUndoWindowMin{"undo_window_min", 0, 1440, 10, false};
// Sync: how long acknowledged ops are kept (retention.h).
inline constexpr IntSetting kOutboxRetentionDays{"outbox_retention_days", 1, 3650, 30, false};

// The terminal: minutes without a key or a click before it locks (staff log in again); owner only.
inline constexpr IntSetting kLockAfterMin{"lock_after_min", 1, 240, 5, false};

inline constexpr const IntSetting* kIntSettings[] = {
    &kFreeDays, &kFeePerDayFen, &kUnclaimedAfterDays, &kUndoWindowMin, &kOutboxRetentionDays, &kLockAfterMin};

[[nodiscard]] inline const IntSetting* findInt(QStringView key) {
    for (const IntSetting* s : kIntSettings)
        if (key == QLatin1String(s->key))
            return s;
    return nullptr;
}

// The station itself (StationSetup): its name, shelf layout and language.
inline constexpr const char* kStationName = "station_name"; // 1..kStationNameMax characters
inline constexpr int kStationNameMax = 40;
inline constexpr const char* kShelfSpec = "shelf_spec"; // shelves.h: parseShelfSpec
inline constexpr const char* kLanguage = "language";
inline constexpr const char* kDefaultLanguage = "zh_CN"; // Chinese first
inline constexpr const char* kEnglish = "en";

// Every key a station accepts, in the order lists show them.
[[nodiscard]] inline QStringList allKeys() {
    QStringList keys{QString::fromLatin1(kStationName), QString::fromLatin1(kShelfSpec)};
    for (const IntSetting* s : kIntSettings)
        keys << s->name();
    keys << QString::fromLatin1(kLanguage);
    return keys;
}

} // namespace cz::settings
