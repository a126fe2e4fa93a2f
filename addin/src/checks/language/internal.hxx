// What the parts of the language check share. LanguageCheck::run
// (check.cxx) reads each paragraph once and hands it to the steps:
//   settings.cxx       language.json and the lexicons it names
//   sentences.cxx      sentence and word breaking, quotations; long
//                      sentences, passive-heavy paragraphs, readability
//   abbreviations.cxx  defined at first use, once, and used after
//   check.cxx          the run, hindsight and blame phrases
#pragma once

#include <scrqm/language.hxx>
#include <scrqm/text.hxx>

#include <unicode/brkiter.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace scrqm::language
{

// UTF-16 offsets in a paragraph, [first, second).
using Span = std::pair<int32_t, int32_t>;

// Quoted passages of a paragraph: “...”, "...", and ‘...’ where the closing
// ’ is not an apostrophe inside a word.
std::vector<Span> quoted_spans(const icu::UnicodeString& u);
// How much of [begin, end) is quoted.
int32_t quoted_length(const std::vector<Span>& quotes, int32_t begin, int32_t end);
inline bool in_quotes(const std::vector<Span>& quotes, int32_t begin, int32_t end)
{
    return quoted_length(quotes, begin, end) > 0;
}

// ICU sentence and word break iterators (British English).
struct Breakers
{
    Breakers();
    std::unique_ptr<icu::BreakIterator> sentence, word;
};
std::vector<Span> sentences(icu::BreakIterator& it, const icu::UnicodeString& u);
// Words of u[begin,end) with ICU word breaking: letters or numbers.
std::vector<Span> words(icu::BreakIterator& it, const icu::UnicodeString& u, int32_t begin,
                        int32_t end);

std::string utf8(const icu::UnicodeString& u, int32_t begin, int32_t end);
// "%.0f"
std::string fixed(double d);

// A finding of `rule` on u[begin, end) of paragraph `p`.
Finding language_finding(const Rule& rule, const std::string& marker, const Paragraph& p,
                         const icu::UnicodeString& u, int32_t begin, int32_t end,
                         std::string message, std::string explanation, std::string advice = {});

// One paragraph as the steps read it.
struct ParagraphText
{
    const Paragraph& p;
    const icu::UnicodeString& u;
    const std::vector<Token>& tokens;
    const std::vector<Span>& quotes;
};

// Long sentences and passive sentences of a paragraph; its sentences' words
// and syllables go to `readability`.
void check_sentences(const LanguageSettings& s, Breakers& b, const ParagraphText& t,
                     Readability& readability, std::vector<Finding>& out);
// Sections of at least readability_min_words whose Flesch reading ease is
// low; `per_section` by index in `sections` (negative: not a section).
void check_readability(const LanguageSettings& s, const Document& doc,
                       const std::vector<Section>& sections,
                       const std::map<long, Readability>& per_section, std::vector<Finding>& out);

// Abbreviations, collected over the document and judged at its end.
class Abbreviations
{
public:
    explicit Abbreviations(const LanguageSettings& s) : s_(s) {}
    // `order` counts paragraphs in reading order; `glossary` says that the
    // paragraph is in a glossary section (its first word is then defined).
    void scan(const ParagraphText& t, std::size_t order, bool glossary);
    // In order of first appearance.
    void report(std::vector<Finding>& out) const;

private:
    struct Definition
    {
        std::size_t key; // order key
        const Paragraph* p;
        Span span;
    };
    struct Entry
    {
        std::size_t first_use = SIZE_MAX; // order key of the first use
        const Paragraph* use_p = nullptr;
        Span use{};
        std::vector<Definition> definitions;
        bool glossary = false;
        std::size_t last_use = 0; // order key
        std::string shown;
    };
    const LanguageSettings& s_;
    std::map<std::string, Entry> entries_;
    std::vector<std::string> order_;
};

} // namespace scrqm::language
