// Text primitives on ICU: Unicode folding for matching, and a tokenizer.
#pragma once

#include <unicode/unistr.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace scrqm
{

// The matching key of a word or phrase: case-folded, compatibility
// decomposed with the diacritics removed (Zoë -> zoe), typographic
// apostrophes and dashes made plain, runs of spaces made one.
std::string fold(const icu::UnicodeString& text);
std::string fold(const std::string& utf8);

struct Token
{
    int32_t begin = 0; // UTF-16 offsets in the paragraph
    int32_t end = 0;
    std::string key; // fold() of the token, without a possessive 's
    // The key's id in a lexicon vocabulary (Lexicon::index): -1 for a word in
    // none of its lexicons, -2 when not looked up (lexicons compare keys).
    int32_t word = -2;
    bool capitalised = false;
    bool all_caps = false;
    bool alpha = false;  // letters (with inner ' and -) only
    bool number = false; // digits only
    bool possessive = false;
    bool sentence_start = false;
    bool hyphenated = false;
};

// Words and numbers of a paragraph, with where each sentence starts.
std::vector<Token> tokenize(const icu::UnicodeString& text);

// The value of a run of decimal digits in UTF-8 (any script's: ICU's \\d
// matches Arabic-Indic digits too), stopping at the first non-digit and
// saturating at 999,999,999: a number typed in a document never throws.
int digits_value(std::string_view utf8);

// Converts UTF-16 offsets of `text` to code-point offsets.
class CodePoints
{
public:
    explicit CodePoints(const icu::UnicodeString& text) : text_(text) {}
    std::size_t operator()(int32_t utf16) const
    {
        return static_cast<std::size_t>(text_.countChar32(0, utf16));
    }

private:
    const icu::UnicodeString& text_;
};

} // namespace scrqm
