// Input checks and masking for people's data: mobile numbers, names, waybill numbers.
#pragma once

#include "result.h"

#include <QString>

namespace cz {

struct PhoneInput {
    QString full; // 11-digit mobile, or empty
    QString tail; // always the last 4 digits
};

// Accepts a full mainland mobile number (^1[3-9]\d{9}$) or just its last 4 digits; spaces and
// dashes are ignored.
[[nodiscard]] Result<PhoneInput> parsePhone(const QString& input);
[[nodiscard]] Result<QString> parsePhoneTail(const QString& input);

// Trims, removes inner spaces, upper-cases; then checks characters and length (8-32).
[[nodiscard]] QString normaliseWaybill(const QString& input);
[[nodiscard]] Result<QString> validateWaybill(const QString& input);

[[nodiscard]] Result<QString> validateName(const QString& input);

[[nodiscard]] QString maskPhone(const QString& full, const QString& tail); // 138****1234, or ****1234
[[nodiscard]] QString maskName(const QString& name);                       // 张*, 欧阳**, 李*明

[[nodiscard]] QString formatFen(qint64 fen); // 12.50

} // namespace cz
