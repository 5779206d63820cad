#include "messages.h"

#include <QMessageBox>

namespace cz::ui {

namespace {
struct SeamState {
    bool testMode = false;
    bool answer = true;
    QStringList shown;
};
SeamState& seam() {
    static SeamState s;
    return s;
}
} // namespace

bool Messages::confirm(QWidget* parent, const QString& title, const QString& text) {
    if (seam().testMode) {
        seam().shown << text;
        return seam().answer;
    }
    return QMessageBox::question(parent, title, text, QMessageBox::Yes | QMessageBox::No, QMessageBox::No) ==
           QMessageBox::Yes;
}

void Messages::error(QWidget* parent, const QString& title, const QString& text) {
    if (seam().testMode) {
        seam().shown << text;
        return;
    }
    QMessageBox::critical(parent, title, text);
}

void Messages::information(QWidget* parent, const QString& title, const QString& text) {
    if (seam().testMode) {
        seam().shown << text;
        return;
    }
    QMessageBox::information(parent, title, text);
}

void Messages::setTestMode(bool on, bool answer) {
    seam() = SeamState{on, answer, {}};
}

void Messages::setNextAnswer(bool answer) {
    seam().answer = answer;
}

QStringList Messages::shown() {
    return seam().shown;
}

} // namespace cz::ui
