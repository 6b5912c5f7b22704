#pragma once

#include <QLocale>

namespace pd {

// D6: installs the translation of PracticeDesk's screens for locale (built into the program
// under :/i18n; English needs none) and Qt's own (standard buttons) when the system has it.
// Returns false when there is no translation for that language, which leaves English.
bool installTranslations(const QLocale& locale);

} // namespace pd
