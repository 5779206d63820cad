// Small helpers that keep the pages' look consistent: large type, inline error labels, scan fields.
#pragma once

#include <QString>

class QLabel;
class QLineEdit;
class QWidget;

namespace cz::ui {

// Scales a widget's font (1.0 = the application font, which main() already makes large).
void scaleFont(QWidget* widget, qreal factor, bool bold = false);

// A field that a scanner may type into: no input method (it would swallow letters as pre-edit text).
void makeScanField(QLineEdit* field);

// A label for messages shown in place: red for errors, green for success, amber for warnings.
enum class Tone { Neutral, Good, Warning, Bad };
void showMessage(QLabel* label, const QString& text, Tone tone);

} // namespace cz::ui
