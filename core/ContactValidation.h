#pragma once

#include "core/Result.h"

namespace pd::validation {

// C2: email addresses. Trimmed and lower-cased (addresses are matched case-insensitively
// across clients and contacts, C9). The error says what is wrong, for the field.
Result<QString> normalizeEmail(const QString& input);

// C2: phone numbers to E.164 ("+12025550147"). Spaces, dashes, dots and parentheses are
// fine; a number without "+" is national for defaultCountryCode ("1": North America,
// 10 digits, an optional leading 1). 8 to 15 digits in all.
Result<QString> normalizePhone(const QString& input, const QString& defaultCountryCode = QStringLiteral("1"));

} // namespace pd::validation
