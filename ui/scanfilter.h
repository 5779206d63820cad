// Keyboard-wedge barcode scanner input: an application-wide event filter that tells a scan from
// typing by the gap between key presses, a minimum length and a terminator key. Fast keystrokes
// are held back; a finished burst becomes scanned(code), anything else is replayed unchanged to
// the widget that had focus, so ordinary typing is never lost.
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>

class QKeyEvent;

namespace cz::ui {

class ScanFilter : public QObject {
    Q_OBJECT
public:
    // Milliseconds from any fixed origin; injected so tests control the timing of key presses.
    using Clock = std::function<qint64()>;

    explicit ScanFilter(QObject* parent = nullptr, Clock clock = {});
    ~ScanFilter() override;

    // Installs the filter on the application, so scans are caught whatever has focus.
    void install();

    void setMaxGapMs(int ms) { m_maxGapMs = ms; }
    [[nodiscard]] int maxGapMs() const { return m_maxGapMs; }
    void setMinLength(int length) { m_minLength = length; }
    [[nodiscard]] int minLength() const { return m_minLength; }
    // How long a held-back key may wait (real time) before it is given back as typing.
    void setReplayDelayMs(int ms) { m_timer.setInterval(ms); }

    // Characters a scanner sends: digits, ASCII letters and '-'.
    [[nodiscard]] static bool isScanChar(QChar c);
    [[nodiscard]] static bool isTerminator(int key);

    // Gives back any held-back keys now (also done by the timer).
    void flush();
    [[nodiscard]] int pendingKeys() const { return static_cast<int>(m_buffer.size()); }

Q_SIGNALS:
    void scanned(const QString& code);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct HeldKey {
        QPointer<QObject> target;
        int key;
        Qt::KeyboardModifiers modifiers;
        QString text;
    };
    bool handlePress(QObject* watched, QKeyEvent* key);
    void onTimeout();

    Clock m_clock;
    QList<HeldKey> m_buffer;
    QTimer m_timer;
    qint64 m_lastMs = 0;
    int m_maxGapMs = 40;
    int m_minLength = 6;
    bool m_replaying = false;
    bool m_installed = false;
    bool m_rearmed = false;
    int m_swallowReleases = 0; // key releases still owed for presses taken as part of a scan
};

} // namespace cz::ui
