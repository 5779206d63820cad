#include "firstpaint.h"

#include <QEvent>
#include <QTimer>
#include <QWidget>

namespace cz::ui {

namespace {
class PaintWatcher : public QObject {
public:
    PaintWatcher(QWidget* widget, std::function<void()> callback)
        : QObject(widget)
        , m_callback(std::move(callback)) {
        widget->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Paint && !m_fired) {
            m_fired = true;
            watched->removeEventFilter(this);
            // Queued: runs after this paint has been delivered and flushed to the screen.
            QTimer::singleShot(0, this, [this] {
                auto callback = std::move(m_callback);
                deleteLater();
                callback();
            });
        }
        return false;
    }

private:
    std::function<void()> m_callback;
    bool m_fired = false;
};
} // namespace

void whenFirstPainted(QWidget* widget, std::function<void()> callback) {
    new PaintWatcher(widget, std::move(callback));
}

} // namespace cz::ui
