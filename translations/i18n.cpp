#include "i18n.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTranslator>
#include <utility>

namespace cz {

namespace {
const QString kChinese = QStringLiteral("zh_CN");
const QString kEnglish = QStringLiteral("en");

// The translators of the last installTranslations(), removed by the next one.
QList<QPointer<QTranslator>>& installed() {
    static QList<QPointer<QTranslator>> translators;
    return translators;
}

void install(QTranslator* translator) {
    QCoreApplication::installTranslator(translator);
    installed().append(translator);
}
} // namespace

bool isSupportedLanguage(const QString& language) {
    return language == kChinese || language == kEnglish;
}

QString chooseLanguage(const QString& commandLine, const QString& stationSetting) {
    if (isSupportedLanguage(commandLine))
        return commandLine;
    if (isSupportedLanguage(stationSetting))
        return stationSetting;
    return kChinese;
}

QString installTranslations(QCoreApplication& app, const QString& language) {
    for (const QPointer<QTranslator>& t : std::exchange(installed(), {})) {
        if (t) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }
    const bool english = language == kEnglish;
    QLocale::setDefault(english ? QLocale(QLocale::English, QLocale::UnitedStates)
                                : QLocale(QLocale::Chinese, QLocale::China));
    if (english)
        return kEnglish; // the source language: nothing to load
    auto* own = new QTranslator(&app);
    if (own->load(QStringLiteral(":/i18n/cunzhan_zh_CN.qm")))
        install(own);
    else
        delete own;
    // Qt's own strings (standard buttons, dialogs, --help) when the qt6-translations-l10n package is there.
    auto* qt = new QTranslator(&app);
    if (qt->load(QLocale(QLocale::Chinese, QLocale::China), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        install(qt);
    else
        delete qt;
    return kChinese;
}

} // namespace cz
