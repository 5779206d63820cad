#include "style.h"

#include <QApplication>
#include <QDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QTableView>

namespace cz::ui {

namespace {
constexpr const char* kReserved = "czReservedSpace";
} // namespace

void applyCounterFont() {
    QFont font = QApplication::font();
    font.setPointSizeF(qMax(font.pointSizeF(), 10.0) * 1.4);
    QApplication::setFont(font);
}

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
    label->setVisible(!text.isEmpty() || label->property(kReserved).toBool());
    if (auto* dialog = qobject_cast<QDialog*>(label->window()))
        growToFitText(dialog);
}

void growToFitText(QWidget* window) {
    QLayout* layout = window->layout();
    if (!layout || !layout->hasHeightForWidth())
        return;
    const int needed = layout->totalHeightForWidth(window->width());
    if (needed > window->height())
        window->resize(window->width(), needed);
}

void reserveMessageSpace(QLabel* label, int lines) {
    label->setWordWrap(true);
    label->setProperty(kReserved, true);
    const QMargins m = label->contentsMargins();
    label->setMinimumHeight(label->fontMetrics().lineSpacing() * lines + m.top() + m.bottom() +
                            2 * label->margin());
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    label->setVisible(true);
}

void setUpRowTable(QTableView* view, QAbstractItemModel* model) {
    if (model)
        view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setStretchLastSection(true);
}

} // namespace cz::ui
