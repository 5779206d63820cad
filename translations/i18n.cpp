#include "i18n.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace cz {

QString installTranslations(QCoreApplication& app, const QString& language) {
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    const bool chinese = locale.language() == QLocale::Chinese;
    QLocale::setDefault(chinese ? QLocale(QLocale::Chinese, QLocale::China) : QLocale(QLocale::English));
    if (!chinese)
        return QStringLiteral("en");
    auto* own = new QTranslator(&app);
    if (own->load(QStringLiteral(":/i18n/cunzhan_zh_CN.qm")))
        QCoreApplication::installTranslator(own);
    // Qt's own strings (standard buttons, dialogs) when the qt6-translations-l10n package is there.
    auto* qt = new QTranslator(&app);
    if (qt->load(QLocale(QLocale::Chinese, QLocale::China), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    return QStringLiteral("zh_CN");
}

} // namespace cz
