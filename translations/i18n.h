// Loading the program's translations (embedded) and Qt's own, for the terminal and cunzhanctl.
#pragma once

#include <QString>

class QCoreApplication;

namespace cz {

// language: "zh_CN", "en", or empty to follow the system locale. Sets the default QLocale too,
// so dates, numbers and carrier names follow the same language. Returns the language in use.
QString installTranslations(QCoreApplication& app, const QString& language);

} // namespace cz
