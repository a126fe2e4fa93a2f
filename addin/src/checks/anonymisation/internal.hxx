// What the parts of the anonymisation check share: the loaded data
// (AnonymisationCheck::Impl), the pattern detectors, and the state of one
// paragraph's scan, to which each step adds its hits. The steps:
//   loader.cxx      anonymisation.json, the lexicons; detectors' examples
//   scanner.cxx     a paragraph's scan: tokens, exclusions, strongest hits
//   patterns.cxx    the regex detectors and their validators
//   reach.cxx       where each detector's pattern can match
//   people.cxx      names, professionals, titles
//   places.cxx      addresses, streets, institutions, places, countries
//   jigsaw.cxx      special categories, and quasi identifiers together
//   pseudonyms.cxx  a pseudonym written one way, introduced before use
//   register.cxx    the case register and the deny-list; register files
//   context.cxx     what the document says about its people (context.hxx)
//   refine.cxx      the findings judged with that
//   check.cxx       AnonymisationCheck itself
#pragma once

#include <scrqm/anonymisation.hxx>
#include <scrqm/lexicon.hxx>
#include <scrqm/text.hxx>

#include "literals.hxx"

#include <boost/property_tree/ptree_fwd.hpp>
#include <unicode/regex.h>

#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace scrqm
{

class HashedRegister;

namespace anonymisation
{

// UTF-16 offsets in a paragraph, [begin, end).
struct Span
{
    int32_t begin;
    int32_t end;
};

inline bool overlaps(const Span& a, const Span& b)
{
    return a.begin < b.end && b.begin < a.end;
}

// s == w, inlined for a short literal w.
template <std::size_t N> bool is(const std::string& s, const char (&w)[N])
{
    return s.size() == N - 1 && std::memcmp(s.data(), w, N - 1) == 0;
}

// UTF-8 to UTF-16; ASCII text (most paragraphs) is widened in place.
icu::UnicodeString utf16(const std::string& s);

// ---- where a detector's pattern can match (reach.cxx)

enum class Reach
{
    Paragraph,   // the whole paragraph
    DigitRuns,   // 48 code units either side of each run of digits
    NearDigits,  // [run start - before, run end + after) for each run of digits
    Labelled,    // labelled-number: a label word just before a run of digits
    AgeWords,    // "age" (a match starts there) and "old" (a match ends there)
    OrdinalDays, // a day in words ("the ninth of May"): from each ordinal word on
    CodeRuns,    // reference-number: each run of code characters with a digit, and
                 // the label before it
};

// For NearDigits: what must hold at the run of digits [begin, end) that
// holds a match's first digit, so runs that cannot start a match are skipped.
using RunTest = bool (*)(const UChar* s, int32_t n, int32_t begin, int32_t end);

struct ReachRule
{
    const char* id;
    uint64_t pattern_hash; // fnv1a(pattern + "\x01i" if case-insensitive)
    Reach reach;
    int32_t before, after;
    RunTest run_test = nullptr;
};

// The reach worked out for detector `id` with this pattern (the pattern's
// text, and "\x01i" after it when case-insensitive); nullptr when the
// pattern is not the one the reach was worked out for.
const ReachRule* find_reach(const std::string& id, const std::string& pattern_key);

// The windows of one paragraph where each reach's detectors search.
class ReachWindows
{
public:
    ReachWindows(const UChar* us, int32_t ulen, const std::vector<Span>& digit_runs)
        : us_(us), ulen_(ulen), digit_runs_(digit_runs)
    {
    }
    // Replaces `windows` with the reach's windows: merged, in order.
    void find(Reach reach, int32_t before, int32_t after, RunTest run_test,
              std::vector<Span>& windows);

private:
    void make_digit_windows();
    void add(std::vector<Span>& w, int32_t begin, int32_t end) const;
    bool contains_ascii(int32_t from, int32_t to, const char* word) const;
    void labelled(std::vector<Span>& windows) const;
    void code_runs(std::vector<Span>& windows) const;
    void age_words(std::vector<Span>& windows) const;
    void ordinal_days(std::vector<Span>& windows) const;

    const UChar* us_;
    int32_t ulen_;
    const std::vector<Span>& digit_runs_; // runs of ASCII digits (the patterns' [0-9])
    std::vector<Span> digit_windows_;     // made when a detector first needs them
};

// ---- the pattern detectors (loader.cxx reads them, patterns.cxx runs them)

struct Detector
{
    std::string id;
    const Rule* rule = nullptr; // its findings' rule: id, category, severity
    std::unique_ptr<icu::RegexPattern> pattern;
    std::string validator;
    std::vector<std::string> context; // folded
    int32_t context_window = 30;
    bool context_required = false;
    bool context_after = false; // also look after the match
    double score = 0.8;
    std::string message, explanation, fix;
    std::string requires_;
    std::vector<std::size_t> requires_any; // indices in Impl::required_literals
    Reach reach = Reach::Paragraph;
    int32_t before = 0, after = 0; // Reach::NearDigits
    RunTest run_test = nullptr;
    // The pattern's group named "id", when it has one: where it takes part
    // in a match, the finding covers it alone, and the rest of the match
    // (a label: "reference", "case no.") is the cue that stays outside.
    int32_t id_group = 0;
    // One matcher per detector, reset for each paragraph: creating a matcher
    // costs more than most searches. A check object is used by one thread.
    std::unique_ptr<icu::RegexMatcher> matcher;
};

// Validators (patterns.cxx); the NHS number's is public.
std::string digits_of(const std::string& s);
bool valid_uk_phone(const std::string& text);

// Every letter a capital and at least one letter (pseudonyms.cxx): text set
// in capitals, compared case-blind.
bool in_capitals(const std::string& form);

// Whether token k and the next are one name's words (people.cxx): nothing
// between them but spaces, or the full stop of an initial ("J. Carter");
// not "ASB | Anti-social", "[Reviewer PM: Rhiannon" or "Mrs A (Wrenfield".
bool joined(const icu::UnicodeString& u, const std::vector<Token>& tokens, std::size_t k);

// ---- one paragraph's scan (scanner.cxx)

// Collects spans; the scan keeps the strongest finding where spans overlap.
struct Hits
{
    struct Hit
    {
        Span span;
        Finding f;
        int priority; // pattern detectors (validated formats) beat heuristics
    };
    std::vector<Hit> hits;

    void add(Span span, Finding f, int priority = 0)
    {
        hits.push_back({span, std::move(f), priority});
    }
};

struct ParagraphScan
{
    ParagraphScan(const Paragraph& paragraph, const icu::UnicodeString& text)
        : p(paragraph), u(text), us(text.getBuffer()), ulen(text.length())
    {
    }
    const Paragraph& p;
    const icu::UnicodeString& u;
    const UChar* const us;
    const int32_t ulen;
    std::vector<Token> tokens;
    // Tokens that must not be flagged (allow-list, agencies, pseudonyms,
    // citations, reference-list authors) or that are already part of an
    // institution or a place.
    std::vector<char> token_excluded;
    // The spans of allowed terms and pseudonyms, which pattern detectors
    // (but dates) skip too.
    std::vector<Span> excluded;
    Hits hits;

    Span tokens_span(std::size_t first, std::size_t n) const
    {
        return {tokens[first].begin, tokens[first + n - 1].end};
    }
};

// A scan step's finding: the rule with its score and words; where it is and
// its text are filled in when the strongest hits are kept.
Finding hit_finding(const Rule& rule, double score, const std::string& message,
                    const std::string& explanation, const std::string& advice);

// Pseudonym heads, "child" in "Child A": a role with a letter or a number,
// or alone and capitalised, is a pseudonym and not a name (pseudonyms.cxx).
using Pseudonyms = std::map<std::string, std::string>;
const Pseudonyms& pseudonym_heads();

// ---- the document-wide steps, after every paragraph's scan

// Quasi identifiers whose combination is a jigsaw risk (jigsaw.cxx).
const std::set<std::string>& jigsaw_kinds();
// Paragraphs and top-level sections with many kinds of quasi identifiers
// among `found`.
void find_jigsaws(const Document& doc, const std::vector<Finding>& found, int paragraph_kinds,
                  int section_kinds, std::vector<Finding>& out);
// "Child A" vs "Child 1" vs "child a", and a pseudonym used before it is
// introduced; `texts` are the paragraphs in UTF-16.
// The role-and-letter pseudonyms of the document as written, one a use, in
// reading order ("child a" only where "Child A" is used too): what
// check_pseudonyms judges, for the Replace dialog's proposals.
std::vector<std::string> pseudonym_uses(const Document& doc);

void check_pseudonyms(const Document& doc, const std::vector<icu::UnicodeString>& texts,
                      std::vector<Finding>& out);

} // namespace anonymisation

struct AnonymisationCheck::Impl
{
    using Span = anonymisation::Span;
    using ParagraphScan = anonymisation::ParagraphScan;

    std::vector<anonymisation::Detector> detectors;
    std::vector<std::string> dob_context;
    std::set<std::string> generic_modifiers;
    int jigsaw_paragraph = 3;
    int jigsaw_section = 4;
    std::vector<Example> examples;
    std::set<std::string> reach_known; // detectors whose pattern has its reach
    // The requires_any literals (lower-case UTF-8), found in one pass.
    std::vector<std::string> required_literals;
    anonymisation::LiteralFinder literal_finder;

    Lexicon given, surnames, given_words, surname_words, places, place_words, countries;
    Lexicon titles, roles, institutions, allow_terms;
    struct Special
    {
        const Rule* rule;
        Lexicon lexicon;
        std::string message;
    };
    std::vector<Special> specials;
    std::set<std::string> months_weekdays;
    // Every word of the lexicons above, with its id (Lexicon::index).
    std::unordered_map<std::string, int32_t> vocabulary;
    anonymisation::WordIds word_ids; // the same, for the scan

    // loader.cxx
    void load(const std::string& dir);
    void load_detectors(const std::string& path, const boost::property_tree::ptree& root);
    void load_lexicons(const std::string& lexicon_dir);
    // Every detector's examples, scanned: throws DataError naming the
    // detector when one does not give (or gives) its rule's finding.
    void check_examples(const std::string& path) const;

    // scanner.cxx: the scan of one paragraph (`u` is its text in UTF-16),
    // which runs the steps below in this order.
    void scan_paragraph(const Paragraph& p, const icu::UnicodeString& u, const Lexicon& allow,
                        const Lexicon& deny, const std::vector<const HashedRegister*>& registers,
                        const anonymisation::Pseudonyms& pseudonyms,
                        std::vector<Finding>& out) const;
    void exclude_known_terms(ParagraphScan& s, const Lexicon& allow,
                             const anonymisation::Pseudonyms& pseudonyms) const;
    static void exclude_citations(ParagraphScan& s);
    // patterns.cxx
    void find_patterns(ParagraphScan& s) const;
    void match_detector(const anonymisation::Detector& d, ParagraphScan& s,
                        const std::vector<Span>& windows) const;
    // register.cxx
    static void find_listed(ParagraphScan& s, const Lexicon& deny,
                            const std::vector<const HashedRegister*>& registers);
    // jigsaw.cxx
    void find_special_categories(ParagraphScan& s) const;
    // places.cxx
    void find_institutions(ParagraphScan& s) const;
    void find_address_towns(ParagraphScan& s) const;
    void add_address_town(ParagraphScan& s, std::size_t next) const;
    void find_places(ParagraphScan& s) const;
    // people.cxx
    void find_people(ParagraphScan& s) const;
    bool is_title(const std::vector<Token>& tokens, std::size_t k) const;
    bool unknown_name_after_role(const ParagraphScan& s, std::size_t i) const;
    void rate_name_tokens(const ParagraphScan& s, std::vector<int>& strength,
                          std::vector<std::string>& why) const;
    void add_names(ParagraphScan& s, const std::vector<int>& strength,
                   const std::vector<std::string>& why) const;
    // scanner.cxx: the findings the paragraph keeps.
    static void keep_strongest(ParagraphScan& s, std::vector<Finding>& out);
};

} // namespace scrqm
