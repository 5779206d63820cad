#include "style.h"

#include <QLabel>
#include <QLineEdit>

namespace cz::ui {

void scaleFont(QWidget* widget, qreal factor, bool bold) {
    QFont f = widget->font();
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * factor);
    else
        f.setPixelSize(qRound(f.pixelSize() * factor));
    f.setBold(bold);
    widget->setFont(f);
}

void makeScanField(QLineEdit* field) {
    field->setAttribute(Qt::WA_InputMethodEnabled, false);
    field->setInputMethodHints(Qt::ImhPreferUppercase | Qt::ImhNoPredictiveText | Qt::ImhLatinOnly);
}

void showMessage(QLabel* label, const QString& text, Tone tone) {
    QString color;
    switch (tone) {
    case Tone::Neutral:
        break;
    case Tone::Good:
        color = QStringLiteral("#1b7a1b");
        break;
    case Tone::Warning:
        color = QStringLiteral("#a65e00");
        break;
    case Tone::Bad:
        color = QStringLiteral("#c00000");
        break;
    }
    label->setStyleSheet(color.isEmpty() ? QString() : QStringLiteral("color: %1;").arg(color));
    label->setProperty("tone", static_cast<int>(tone));
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

} // namespace cz::ui
