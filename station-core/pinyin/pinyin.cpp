#include "pinyin.h"

#include <QHash>
#include <QMutex>
#include <memory>
#include <unicode/translit.h>
#include <unicode/unistr.h>

namespace cz::pinyin {

namespace {

// One transliterator and a cache per character: ICU's per-call cost is a few microseconds, and a
// catalogue of 50 000 names repeats a few thousand characters. The mutex keeps both safe for the
// terminal's sync worker and its window, which store and search on different threads.
class Speller {
public:
    QString syllable(char32_t ucs4) {
        QMutexLocker lock(&m_mutex);
        const auto cached = m_cache.constFind(ucs4);
        if (cached != m_cache.cend())
            return *cached;
        QString result;
        if (m_translit) {
            icu::UnicodeString text(static_cast<UChar32>(ucs4));
            m_translit->transliterate(text);
            std::string utf8;
            text.toUTF8String(utf8);
            for (const char c : utf8)
                if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                    result.append(QLatin1Char(c));
        }
        m_cache.insert(ucs4, result);
        return result;
    }

    static Speller& instance() {
        static Speller speller;
        return speller;
    }

private:
    Speller() {
        UErrorCode status = U_ZERO_ERROR;
        m_translit.reset(icu::Transliterator::createInstance(
            icu::UnicodeString::fromUTF8("Han-Latin; Latin-ASCII; Lower"), UTRANS_FORWARD, status));
        if (U_FAILURE(status)) {
            qWarning("ICU's Han-Latin transliterator is unavailable (%s): catalogue names get no pinyin",
                     u_errorName(status));
            m_translit.reset();
        }
    }

    QMutex m_mutex;
    std::unique_ptr<icu::Transliterator> m_translit;
    QHash<char32_t, QString> m_cache;
};

bool isAsciiAlnum(char32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

} // namespace

Spelling spell(const QString& text) {
    Spelling out;
    const QString normal = text.normalized(QString::NormalizationForm_KC);
    bool inAscii = false;
    for (const char32_t c : normal.toUcs4()) {
        const bool ascii = isAsciiAlnum(c);
        if (!ascii)
            inAscii = false;
        if (ascii) {
            if (!inAscii)
                out.starts.append(static_cast<int>(out.full.size()));
            inAscii = true;
            const QChar lower = QChar(c).toLower();
            out.full.append(lower);
            out.initials.append(lower);
        } else if (QChar::script(c) == QChar::Script_Han) {
            const QString syllable = Speller::instance().syllable(c);
            if (syllable.isEmpty())
                continue;
            out.starts.append(static_cast<int>(out.full.size()));
            out.full.append(syllable);
            out.initials.append(syllable.at(0));
        }
    }
    return out;
}

QStringList innerSuffixes(const Spelling& spelling) {
    QStringList out;
    for (const int start : spelling.starts)
        if (start > 0 && start < spelling.full.size())
            out.append(spelling.full.mid(start));
    return out;
}

QString latinKey(const QString& query) {
    QString key;
    for (const char32_t c : query.normalized(QString::NormalizationForm_KC).toUcs4()) {
        if (isAsciiAlnum(c))
            key.append(QChar(c).toLower());
        else if (c >= 0x80)
            return {};
    }
    return key;
}

} // namespace cz::pinyin
