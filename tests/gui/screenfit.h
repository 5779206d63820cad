// Shared by the 1024×768 tests: the counter's screen for the offscreen platform, the translation the
// clerk reads, and checks that a window fits the screen and that nothing in it is squeezed or cut off.
#pragma once

#include "i18n.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QTest>
#include <QTranslator>

namespace cz::test {

// The counter's screen, and what a top-level window may take of it: the title bar and a taskbar
// need about 48 pixels.
constexpr QSize kScreen(1024, 768);
constexpr QSize kWindowLimit(1024, 720);

// Before the QApplication: the offscreen platform with one 1024×768 screen at 96 dpi. The platform
// is forced (the test is about that screen, not the one a developer happens to run it on).
inline void useCounterScreen(const QString& configDir) {
    const QString path = QDir(configDir).filePath(QStringLiteral("screen-1024x768.json"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(R"({"windowFrameMargins": true, "screens": [{"name": "counter", "x": 0, "y": 0,
              "width": 1024, "height": 768, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1.0}]})");
    f.close();
    qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + path.toLocal8Bit());
}

// Installs the program's translation (and Qt's, like the terminal) for one test; English removes
// them. The widgets must be created after this.
class LanguageScope {
public:
    explicit LanguageScope(const QString& language) { cz::installTranslations(*qApp, language); }
    ~LanguageScope() {
        for (QTranslator* t : qApp->findChildren<QTranslator*>(Qt::FindDirectChildrenOnly)) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
        QLocale::setDefault(QLocale(QLocale::English));
    }
    LanguageScope(const LanguageScope&) = delete;
    LanguageScope& operator=(const LanguageScope&) = delete;
};

inline QString describe(const QWidget* w) {
    QString text;
    if (const auto* l = qobject_cast<const QLabel*>(w))
        text = l->text();
    else if (const auto* b = qobject_cast<const QAbstractButton*>(w))
        text = b->text();
    else if (const auto* e = qobject_cast<const QLineEdit*>(w))
        text = e->placeholderText();
    else if (const auto* c = qobject_cast<const QComboBox*>(w))
        text = c->currentText();
    const QString name = w->objectName().isEmpty() ? QString() : QStringLiteral("#") + w->objectName();
    return QStringLiteral("%1%2 \"%3\"")
        .arg(QString::fromLatin1(w->metaObject()->className()), name, text.left(40));
}

// What a clerk would see squeezed or cut off in a shown window: a control smaller than its minimum
// size hint, a word-wrapped label lower than its text needs, or a control outside the window.
inline QStringList squeezed(QWidget* window) {
    QStringList out;
    const QRect inside = window->rect();
    for (QWidget* w : window->findChildren<QWidget*>()) {
        if (!w->isVisible() || w->window() != window)
            continue;
        const bool control = qobject_cast<QLabel*>(w) || qobject_cast<QAbstractButton*>(w) ||
                             qobject_cast<QLineEdit*>(w) || qobject_cast<QComboBox*>(w) ||
                             qobject_cast<QAbstractSpinBox*>(w);
        // The line edit inside a combo box or spin box is the box's business.
        QWidget* parent = w->parentWidget();
        if (!control || qobject_cast<QComboBox*>(parent) || qobject_cast<QAbstractSpinBox*>(parent))
            continue;
        // Inside a scroll area (the preview's pages) a widget may be larger than the view.
        bool scrolled = false;
        for (QWidget* p = w->parentWidget(); p && p != window; p = p->parentWidget())
            scrolled = scrolled || qobject_cast<QAbstractScrollArea*>(p);
        if (scrolled)
            continue;
        const QSize size = w->size();
        const QSize min = w->minimumSizeHint().expandedTo(w->minimumSize());
        const auto* label = qobject_cast<QLabel*>(w);
        if (label && label->wordWrap() && !label->text().isEmpty()) {
            // Wrapped text may use more lines, but needs their height; and one word per line is not a label.
            if (size.height() < label->heightForWidth(size.width()))
                out << QStringLiteral("%1: %2×%3, its text needs %4 high")
                           .arg(describe(w))
                           .arg(size.width())
                           .arg(size.height())
                           .arg(label->heightForWidth(size.width()));
        } else if (min.isValid() && (size.width() < min.width() || size.height() < min.height())) {
            out << QStringLiteral("%1: %2×%3 < minimum %4×%5")
                       .arg(describe(w))
                       .arg(size.width())
                       .arg(size.height())
                       .arg(min.width())
                       .arg(min.height());
        }
        const QRect r(w->mapTo(window, QPoint(0, 0)), size);
        if (!inside.contains(r))
            out << QStringLiteral("%1: outside the window (%2,%3 %4×%5 in %6×%7)")
                       .arg(describe(w))
                       .arg(r.x())
                       .arg(r.y())
                       .arg(r.width())
                       .arg(r.height())
                       .arg(inside.width())
                       .arg(inside.height());
    }
    return out;
}

// A label showing "&x" without a buddy shows the ampersand itself ("CA 证书(&E)").
inline QStringList labelsWithoutBuddy(QWidget* root) {
    QStringList out;
    for (QLabel* l : root->findChildren<QLabel*>()) {
        if (l->textFormat() != Qt::RichText && !QKeySequence::mnemonic(l->text()).isEmpty() && !l->buddy())
            out << describe(l);
    }
    return out;
}

// Lays out what a shown window has pending (nested layouts take a pass each).
inline void settle() {
    for (int i = 0; i < 3; ++i)
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCoreApplication::processEvents();
}

// When CUNZHAN_GRAB_DIR is set, saves what the window looks like (for a person to look at).
inline void grabTo(QWidget* window, const QString& name) {
    const QString dir = qEnvironmentVariable("CUNZHAN_GRAB_DIR");
    if (!dir.isEmpty())
        window->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

} // namespace cz::test
