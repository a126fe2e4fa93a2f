// The language check: plain English (long sentences, readability per
// section, passive-heavy paragraphs), abbreviations (defined at first use,
// once, and used after), hindsight and blame language (QM13, QM5).
#pragma once

#include <scrqm/rules.hxx>

#include <scrqm/checks.hxx>
#include <scrqm/lexicon.hxx>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace scrqm
{

struct LanguageSettings
{
    std::string marker = "QM14";
    std::size_t long_sentence_words = 40;
    std::size_t readability_min_words = 120;
    double min_flesch = 30;
    std::size_t passive_min_sentences = 3;
    double passive_min_ratio = 0.6;
    std::set<std::string> participles; // irregular past participles
    std::set<std::string> adjectival;  // -ed words that after "be" are states
    std::set<std::string> known_abbreviations;
    std::size_t abbreviation_min = 2, abbreviation_max = 8;
    std::string skip_sections; // ICU regex on section titles

    struct Entry
    {
        std::string phrase, kind, explanation;
    };
    struct Kind
    {
        std::string marker, bias;
        const Rule* rule = nullptr; // the data's "rule", validated against the registry
    };
    std::vector<Entry> entries;
    std::map<std::string, Kind> kinds;
    Lexicon phrases; // group = index into entries
};

// Reads <data_dir>/language.json and the lexicons it names. Throws DataError.
LanguageSettings load_language_settings(const std::string& data_dir);

// Estimated syllables of an English word (vowel groups, silent final e).
int syllables(const std::string& word);

// Flesch reading ease of a text: 206.835 - 1.015 words/sentence - 84.6
// syllables/word, with ICU sentence and word breaking.
struct Readability
{
    std::size_t sentences = 0, words = 0, syllables = 0;
    double flesch() const;
};
Readability readability(const std::string& text);

class LanguageCheck final : public Check
{
public:
    explicit LanguageCheck(const std::string& data_dir);
    std::vector<Finding> run(const Document& doc, const CheckOptions& options) const override;

private:
    LanguageSettings settings_;
};

} // namespace scrqm
