#include "framedecoder.h"

#include "barcode.h"
#include "scanfilter.h"

#include <QElapsedTimer>
#include <algorithm>
#include <memory>

namespace cz::ui {

FrameDecoder::FrameDecoder(Clock clock)
    : m_clock(std::move(clock)) {
    if (!m_clock) {
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        m_clock = [timer] { return timer->elapsed(); };
    }
}

bool FrameDecoder::due() const {
    return !m_lastMs || m_clock() - *m_lastMs >= m_intervalMs;
}

std::optional<QString> FrameDecoder::offer(const QImage& image) {
    if (image.isNull() || !due())
        return std::nullopt;
    // The interval counts from the start of a decode, so a slow decode does not add to it.
    m_lastMs = m_clock();
    ++m_decoded;
    barcode::DecodeOptions options;
    options.budgetMs = m_budgetMs;
    for (const barcode::Decoded& d : barcode::decode(image, options)) {
        if (auto code = normalise(d.text))
            return code;
    }
    return std::nullopt;
}

std::optional<QString> FrameDecoder::normalise(const QString& text) {
    const QString code = text.trimmed().toUpper();
    if (code.isEmpty() || !std::all_of(code.begin(), code.end(), ScanFilter::isScanChar))
        return std::nullopt;
    return code;
}

} // namespace cz::ui
