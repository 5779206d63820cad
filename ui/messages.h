// Modal message boxes behind a seam: GUI tests switch them off, choose the answer of the next
// question and read what would have been shown, so no test ever blocks on a dialog.
#pragma once

#include <QString>
#include <QStringList>

class QWidget;

namespace cz::ui {

class Messages {
public:
    // Asks a yes/no question; true for yes.
    [[nodiscard]] static bool confirm(QWidget* parent, const QString& title, const QString& text);
    static void error(QWidget* parent, const QString& title, const QString& text);
    static void information(QWidget* parent, const QString& title, const QString& text);
    // Asks where to save a file; empty when cancelled.
    [[nodiscard]] static QString saveFileName(QWidget* parent, const QString& title, const QString& suggested,
                                              const QString& filter);

    // Asks for a file to open; empty when cancelled.
    [[nodiscard]] static QString openFileName(QWidget* parent, const QString& title, const QString& filter);

    // Test seam: while on, nothing is shown; confirm() returns the answer given here.
    static void setTestMode(bool on, bool answer = true);
    static void setNextAnswer(bool answer);
    // The file name saveFileName() or openFileName() returns next (once); empty = the clerk cancels.
    static void setNextFileName(const QString& path);
    [[nodiscard]] static bool isTestMode();
    // Texts that would have been shown since the test mode was switched on.
    [[nodiscard]] static QStringList shown();
};

} // namespace cz::ui
