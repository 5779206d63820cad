// Pinyin spellings of product names for the catalogue search (香稻丸 → "xiangdaowan", "xdw"),
// through ICU's Han-Latin transliterator. Qt Core only in this header; ICU stays inside pinyin.cpp.
#pragma once

#include <QString>
#include <QStringList>

namespace cz::pinyin {

struct Spelling {
    QString full; // "xiangdaowan": each Han character's syllable without tones, ASCII letters and digits kept
    QString initials; // "xdw": each Han character's first letter, ASCII letters and digits kept
    // Where in `full` each Han character's syllable, and each run of ASCII letters and digits,
    // begins ({0, 5, 8} for 香稻丸): the places a clerk starts typing a word inside a name.
    QList<int> starts;
};

// The pieces of `full` from each start after the first ("daowan", "wan" for 香稻丸), for finding
// full pinyin typed from inside a name.
[[nodiscard]] QStringList innerSuffixes(const Spelling& spelling);

// The spelling of a name. Characters other than Han, ASCII letters and digits (after NFKC, so
// full-width "５ｋｇ" counts as "5kg") are left out. A character with several readings gets ICU's
// one (银行 → "yinxing"); ü is spelled u.
[[nodiscard]] Spelling spell(const QString& text);

// A typed query in the same alphabet: lower case, spaces and punctuation dropped ("Xiang Dao" →
// "xiangdao"); empty when the query has anything but ASCII letters, digits, spaces and punctuation.
[[nodiscard]] QString latinKey(const QString& query);

} // namespace cz::pinyin
