// Calls back once a widget has been painted for the first time and the event loop has come
// round again: how the terminal knows it is ready (--exit-when-ready, the cold-start benchmark).
#pragma once

#include <functional>

class QWidget;

namespace cz::ui {

void whenFirstPainted(QWidget* widget, std::function<void()> callback);

} // namespace cz::ui
