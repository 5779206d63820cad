#include "messages.h"

#include <QFileDialog>
#include <QMessageBox>
#include <utility>

namespace cz::ui {

namespace {
struct SeamState {
    bool testMode = false;
    bool answer = true;
    QStringList shown;
    QString nextFileName;
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

QString Messages::saveFileName(QWidget* parent, const QString& title, const QString& suggested,
                               const QString& filter) {
    if (seam().testMode) {
        seam().shown << title;
        return std::exchange(seam().nextFileName, QString());
    }
    return QFileDialog::getSaveFileName(parent, title, suggested, filter);
}

QString Messages::openFileName(QWidget* parent, const QString& title, const QString& filter) {
    if (seam().testMode) {
        seam().shown << title;
        return std::exchange(seam().nextFileName, QString());
    }
    return QFileDialog::getOpenFileName(parent, title, QString(), filter);
}

void Messages::setTestMode(bool on, bool answer) {
    seam() = SeamState{on, answer, {}, {}};
}

void Messages::setNextFileName(const QString& path) {
    seam().nextFileName = path;
}

bool Messages::isTestMode() {
    return seam().testMode;
}

void Messages::setNextAnswer(bool answer) {
    seam().answer = answer;
}

QStringList Messages::shown() {
    return seam().shown;
}

} // namespace cz::ui
