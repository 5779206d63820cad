// Choosing the program's language and loading its translations (embedded) and Qt's own, for the
// terminal and cunzhanctl.
#pragma once

#include <QString>

class QCoreApplication;

namespace cz {

// The languages the program speaks: "zh_CN" (the default) and "en".
[[nodiscard]] bool isSupportedLanguage(const QString& language);

// The language of one run: the command line's --lang when it names a supported language, else the
// station's setting, else Chinese. The shell's locale (LANG, LC_ALL) never decides: a fresh install or
// a kiosk runs under C or POSIX, and the station must still speak Chinese unless it chose English.
[[nodiscard]] QString chooseLanguage(const QString& commandLine, const QString& stationSetting = {});

// Installs the translations of language ("en"; anything else means "zh_CN") and makes its QLocale the
// default, so dates, numbers, sorting and carrier names follow the same language. Replaces the
// translations of an earlier call (the language is known only once the station is open). Returns the
// language in use.
QString installTranslations(QCoreApplication& app, const QString& language);

} // namespace cz
