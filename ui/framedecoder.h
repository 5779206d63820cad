// Camera frames to scans, without a camera: decodes at most one frame per interval (the clock is
// injected so tests decide what "now" is), each within a small time budget, and normalises what it
// finds the way the keyboard-wedge scanner does, so pages cannot tell a camera scan from a wedge scan.
#pragma once

#include <QImage>
#include <QString>
#include <functional>
#include <optional>

namespace cz::ui {

class FrameDecoder {
public:
    // Milliseconds from any fixed origin.
    using Clock = std::function<qint64()>;

    explicit FrameDecoder(Clock clock = {});

    // 200 ms = at most 5 decoded frames per second; the camera delivers 25..30.
    void setIntervalMs(int ms) { m_intervalMs = ms; }
    [[nodiscard]] int intervalMs() const { return m_intervalMs; }
    // Passed to cz::barcode::decode: kept small because decoding runs on the GUI thread.
    void setBudgetMs(int ms) { m_budgetMs = ms; }
    [[nodiscard]] int budgetMs() const { return m_budgetMs; }

    // Whether a frame offered now would be decoded; lets the caller skip converting a frame it would drop.
    [[nodiscard]] bool due() const;
    // Decodes the image if due, and starts the next interval; the first code a page could use, or nothing
    // (frame skipped, no code, or only codes a scanner would never send).
    [[nodiscard]] std::optional<QString> offer(const QImage& image);
    // Frames actually handed to the decoder so far.
    [[nodiscard]] int decodedFrames() const { return m_decoded; }

    // As the keyboard-wedge scanner delivers codes: upper case, only the characters it passes
    // (ScanFilter::isScanChar); nothing for anything else (a URL in a QR code, Chinese text).
    [[nodiscard]] static std::optional<QString> normalise(const QString& text);

private:
    Clock m_clock;
    std::optional<qint64> m_lastMs;
    int m_intervalMs = 200;
    int m_budgetMs = 60;
    int m_decoded = 0;
};

} // namespace cz::ui
