// Small helpers that keep the pages' look consistent: large type, inline error labels, scan fields.
#pragma once

#include <QString>

class QAbstractItemModel;
class QLabel;
class QLineEdit;
class QTableView;
class QWidget;

namespace cz::ui {

// The terminal's large type, read at arm's length (often by older clerks): main() sets it, and the
// screen-size tests measure the pages with it.
void applyCounterFont();

// Scales a widget's font (1.0 = the application font, which main() already makes large).
void scaleFont(QWidget* widget, qreal factor, bool bold = false);

// A field that a scanner may type into: no input method (it would swallow letters as pre-edit text).
void makeScanField(QLineEdit* field);

// A label for messages shown in place: red for errors, green for success, amber for warnings.
enum class Tone { Neutral, Good, Warning, Bad };
// Hides the label while the text is empty, unless its space is reserved. In a dialog, a message
// longer than its space makes the dialog taller (growToFitText) instead of squeezing the fields.
void showMessage(QLabel* label, const QString& text, Tone tone);

// Qt sizes a window without its word-wrapped labels' height for the window's width, so once shown a
// longer text squeezes the other widgets: makes the window as tall as its layout needs at its width.
void growToFitText(QWidget* window);

// A message label that keeps its place: word-wrapped, always in the layout, at least `lines` lines
// high, so a message appearing or going moves no field or button (nor squashes them in a dialog).
void reserveMessageSpace(QLabel* label, int lines = 2);

// A read-only table of rows (the pages' lists): whole rows chosen one at a time, no editing, no row
// numbers, columns as wide as their contents and the last one taking the rest. Sets the model if given.
void setUpRowTable(QTableView* view, QAbstractItemModel* model = nullptr);

} // namespace cz::ui
