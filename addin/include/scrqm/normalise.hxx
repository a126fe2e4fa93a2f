// A view of a text for matching identifiers written in disguise, with a map
// back to the original's offsets. Findings are made on the view and reported
// at the original's places, so a name with a zero-width space inside it is
// found whole and highlighted where the reader sees it.
//
// What the view changes (ICU for all of it):
// - default-ignorable code points are dropped: zero-width space, joiner and
//   non-joiner, word joiner, BOM, direction marks, bidi embeddings,
//   overrides and isolates, soft hyphen, variation selectors;
// - every space separator (no-break, narrow no-break, thin, figure,
//   ideographic, ...) becomes a space;
// - the hyphen family (hyphen, non-breaking hyphen, figure dash, minus,
//   small and fullwidth hyphen-minus; an en dash between digits) becomes '-';
// - every decimal digit (fullwidth, Arabic-Indic, Devanagari, ...) becomes
//   its ASCII digit;
// - compatibility forms become their plain form (NFKC: fullwidth '＠' and
//   letters, mathematical letters, ligatures, Arabic presentation forms);
// - in a word mixing Latin with another script, a letter that looks like a
//   Latin letter (ICU's confusable skeleton, UTS #39) becomes that letter,
//   of the same case: Cyrillic 'а' in "Cаrter".
// Case is kept (the scanner reads capitals), and nothing is inserted.
#pragma once

#include <unicode/unistr.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace scrqm
{

// True when the view of `utf8` is certainly `utf8` itself: plain ASCII
// (after the BOM, no ASCII character changes). The scan's fast path.
bool plain_ascii(std::string_view utf8);

class NormalisedText
{
public:
    // The identity view of an empty text.
    NormalisedText() = default;
    explicit NormalisedText(const icu::UnicodeString& original);

    // The view (UTF-16) and whether it equals the original (then every
    // offset maps to itself and the view need not be used at all).
    const icu::UnicodeString& text() const { return text_; }
    bool identity() const { return identity_; }
    std::size_t length() const { return from_.size(); } // code points of the view

    // A span [begin, end) of the view's code points as a span of the
    // original's code points: from the first character the view's `begin`
    // came from to the last one its `end - 1` came from (so dropped
    // characters inside the span are inside it, those at its edges not).
    std::pair<std::size_t, std::size_t> to_original(std::size_t begin, std::size_t end) const;

    // The view's code point offset at or after the original's `point`.
    std::size_t to_view(std::size_t point) const;

private:
    icu::UnicodeString text_;
    // For each code point of the view, the original code points it came
    // from: [from_[k], until_[k]).
    std::vector<std::size_t> from_, until_;
    std::size_t original_length_ = 0;
    bool identity_ = true;
};

// The view of a UTF-8 text, as UTF-8 (for keys: register entries, lists).
std::string normalise_for_matching(const std::string& utf8);

} // namespace scrqm
