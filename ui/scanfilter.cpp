#include "scanfilter.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QWidget>
#include <memory>

namespace cz::ui {

ScanFilter::ScanFilter(QObject* parent, Clock clock)
    : QObject(parent)
    , m_clock(std::move(clock)) {
    if (!m_clock) {
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        m_clock = [timer] { return timer->elapsed(); };
    }
    m_timer.setSingleShot(true);
    m_timer.setInterval(120);
    connect(&m_timer, &QTimer::timeout, this, &ScanFilter::onTimeout);
}

ScanFilter::~ScanFilter() {
    if (m_installed && qApp)
        qApp->removeEventFilter(this);
}

void ScanFilter::install() {
    if (!m_installed && qApp) {
        qApp->installEventFilter(this);
        m_installed = true;
    }
}

bool ScanFilter::isScanChar(QChar c) {
    const char16_t u = c.unicode();
    return (u >= u'0' && u <= u'9') || (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || u == u'-';
}

bool ScanFilter::isTerminator(int key) {
    return key == Qt::Key_Return || key == Qt::Key_Enter || key == Qt::Key_Tab;
}

bool ScanFilter::eventFilter(QObject* watched, QEvent* event) {
    const QEvent::Type type = event->type();
    if ((type != QEvent::KeyPress && type != QEvent::KeyRelease) || m_replaying || !watched->isWidgetType())
        return QObject::eventFilter(watched, event);
    auto* key = static_cast<QKeyEvent*>(event);
    if (type == QEvent::KeyRelease) {
        const QString text = key->text();
        const bool ours = (text.size() == 1 && isScanChar(text.front())) || isTerminator(key->key());
        if (ours && m_swallowReleases > 0 && !key->isAutoRepeat()) {
            --m_swallowReleases;
            return true;
        }
        return false;
    }
    return handlePress(watched, key);
}

bool ScanFilter::handlePress(QObject* watched, QKeyEvent* key) {
    // Shift and CapsLock come between a scanner's capital letters; they neither end nor start a scan.
    if (key->key() == Qt::Key_Shift || key->key() == Qt::Key_CapsLock)
        return false;

    const qint64 now = m_clock();
    const bool fast = !m_buffer.isEmpty() && now - m_lastMs <= m_maxGapMs;
    if (!m_buffer.isEmpty() && !fast)
        flush(); // a slow key: what was held back was typing

    const QString text = key->text();
    const Qt::KeyboardModifiers mods = key->modifiers() & ~(Qt::ShiftModifier | Qt::KeypadModifier);
    const bool scanChar =
        text.size() == 1 && isScanChar(text.front()) && mods == Qt::NoModifier && !key->isAutoRepeat();

    if (scanChar) {
        m_buffer.append({QPointer<QObject>(watched), key->key(), key->modifiers(), text});
        m_lastMs = now;
        ++m_swallowReleases;
        m_rearmed = false;
        m_timer.start();
        key->accept();
        return true;
    }

    if (isTerminator(key->key()) && mods == Qt::NoModifier && fast && m_buffer.size() >= m_minLength) {
        QString code;
        for (const HeldKey& k : std::as_const(m_buffer))
            code += k.text;
        m_buffer.clear();
        m_timer.stop();
        ++m_swallowReleases;
        key->accept();
        Q_EMIT scanned(code.toUpper());
        return true;
    }

    // Anything else ends a burst: give back what was held, then let this key through.
    flush();
    m_swallowReleases = 0;
    return false;
}

void ScanFilter::flush() {
    m_timer.stop();
    if (m_buffer.isEmpty())
        return;
    const QList<HeldKey> keys = std::exchange(m_buffer, {});
    m_replaying = true;
    for (const HeldKey& k : keys) {
        if (!k.target)
            continue;
        QKeyEvent press(QEvent::KeyPress, k.key, k.modifiers, k.text);
        QCoreApplication::sendEvent(k.target, &press);
        if (!k.target)
            continue;
        QKeyEvent release(QEvent::KeyRelease, k.key, k.modifiers, k.text);
        QCoreApplication::sendEvent(k.target, &release);
    }
    m_replaying = false;
}

void ScanFilter::onTimeout() {
    // The event loop may have been busy: only give the keys back once the gap has really passed.
    // Only once, so a clock that stands still (tests) cannot hold the keys forever.
    if (!m_buffer.isEmpty() && !m_rearmed && m_clock() - m_lastMs <= m_maxGapMs) {
        m_rearmed = true;
        m_timer.start();
        return;
    }
    flush();
}

} // namespace cz::ui
