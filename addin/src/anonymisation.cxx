#include <scrqm/anonymisation.hxx>
#include <scrqm/catalogue.hxx>
#include <scrqm/json.hxx>
#include <scrqm/register.hxx>

#include "checks/anonymisation/context.hxx"
#include "checks/anonymisation/fixes.hxx"
#include "checks/anonymisation/rules.hxx"

#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>

#include <unicode/locid.h>
#include <unicode/regex.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

namespace pt = boost::property_tree;

namespace scrqm
{

bool valid_nhs_number(const std::string& digits)
{
    if (digits.size() != 10)
        return false;
    int sum = 0;
    for (int i = 0; i < 9; ++i)
    {
        if (digits[static_cast<std::size_t>(i)] < '0' || digits[static_cast<std::size_t>(i)] > '9')
            return false;
        sum += (digits[static_cast<std::size_t>(i)] - '0') * (10 - i);
    }
    int check = 11 - sum % 11;
    if (check == 11)
        check = 0;
    return check != 10 && check == digits[9] - '0';
}

namespace
{

namespace R = rules::anonymisation;

std::string digits_of(const std::string& s)
{
    std::string d;
    for (char c : s)
        if (c >= '0' && c <= '9')
            d += c;
    return d;
}

bool valid_uk_phone(const std::string& text)
{
    std::string d = digits_of(text);
    if (text.find("+44") != std::string::npos)
    {
        d = d.substr(2);
        if (!d.empty() && d[0] == '0')
            d = d.substr(1);
        d = "0" + d;
    }
    if (d.size() < 10 || d.size() > 11 || d[0] != '0')
        return false;
    // Geographic, non-geographic and mobile ranges; not 00 (international).
    return d[1] == '1' || d[1] == '2' || d[1] == '3' || d[1] == '7' || d[1] == '8';
}

// Where a detector's pattern can match, so that its regex runs only there.
// Each reach below was worked out by hand from the pattern it names (kept
// as a hash of the pattern text): every match of that pattern lies inside
// the reach's windows, so searching only the windows (with transparent
// bounds, so lookarounds and \b see past them) finds exactly the matches a
// search of the whole paragraph finds, in the same order. A changed pattern
// loses its reach and falls back to DigitRuns or the whole paragraph; a unit
// test fails until the table is updated.
enum class Reach
{
    Paragraph,  // the whole paragraph
    DigitRuns,  // 48 code units either side of each run of digits
    NearDigits, // [run start - before, run end + after) for each run of digits
    Labelled,   // labelled-number: a label word just before a run of digits
    AgeWords,   // "age" (a match starts there) and "old" (a match ends there)
    CodeRuns,   // reference-number: each run of code characters with a digit, and
                // the label before it
};

// For NearDigits: what must hold at the run of digits [begin, end) that
// holds a match's first digit (that digit starts the run in each pattern
// below), so runs that cannot start a match are skipped.
using RunTest = bool (*)(const UChar* s, int32_t n, int32_t begin, int32_t end);

bool upper_at(const UChar* s, int32_t k)
{
    return k >= 0 && s[k] >= u'A' && s[k] <= u'Z';
}
// "LS11", "AB12 CDE": a capital letter just before the digit.
bool after_capital(const UChar* s, int32_t, int32_t begin, int32_t)
{
    return upper_at(s, begin - 1);
}
// A postcode as above, or "GIR 0AA".
bool postcode_run(const UChar* s, int32_t, int32_t begin, int32_t)
{
    return upper_at(s, begin - 1) || (begin >= 2 && s[begin - 1] == u' ' && s[begin - 2] == u'R');
}
// "AB123456C", "JT 48 27 93 B": letters just before, or a space and letters.
bool ni_run(const UChar* s, int32_t, int32_t begin, int32_t)
{
    return upper_at(s, begin - 1) || (begin >= 2 && s[begin - 1] == u' ' && upper_at(s, begin - 2));
}
// A phone number's first digit is the 4 of +44, or the 0 of the trunk
// prefix followed by [1-9] and then [0-9 \t\-()].
bool phone_run(const UChar* s, int32_t n, int32_t begin, int32_t)
{
    if (s[begin] == u'4')
        return begin > 0 && s[begin - 1] == u'+';
    if (s[begin] != u'0' || begin + 2 >= n || s[begin + 1] < u'1' || s[begin + 1] > u'9')
        return false;
    const UChar c = s[begin + 2];
    return (c >= u'0' && c <= u'9') || c == u' ' || c == u'\t' || c == u'-' || c == u'(' ||
           c == u')';
}
// An NHS number starts with a run of 3 (3+3+4, 3+7), 6 (6+4) or 10 digits.
bool nhs_run(const UChar*, int32_t, int32_t begin, int32_t end)
{
    return end - begin == 3 || end - begin == 6 || end - begin == 10;
}
// "14/06/2013": a day of one or two digits and then the separator.
bool numeric_date_run(const UChar* s, int32_t n, int32_t begin, int32_t end)
{
    return end - begin <= 2 && end < n && (s[end] == u'/' || s[end] == u'.' || s[end] == u'-');
}
// A day of one or two digits (the whole run), and either a space after it
// or after st/nd/rd/th ("14 June", "14th of June"), or a month and a space
// before it ("June 14", "Sept. 14").
bool day_run(const UChar* s, int32_t n, int32_t begin, int32_t end)
{
    if (end - begin > 2)
        return false;
    if (end < n && s[end] == u' ')
        return true;
    static const char16_t* const suffixes[] = {u"st", u"nd", u"rd", u"th"};
    if (end + 2 < n && s[end + 2] == u' ')
        for (const char16_t* x : suffixes)
            if (s[end] == x[0] && s[end + 1] == x[1])
                return true;
    int32_t month_end = begin - 1;
    if (month_end < 0 || s[month_end] != u' ')
        return false;
    if (month_end > 0 && s[month_end - 1] == u'.')
        --month_end;
    static const char16_t* const months[] = {
        u"January",   u"February", u"March",    u"April",    u"May",  u"June", u"July", u"August",
        u"September", u"October",  u"November", u"December", u"Jan",  u"Feb",  u"Mar",  u"Apr",
        u"Jun",       u"Jul",      u"Aug",      u"Sep",      u"Sept", u"Oct",  u"Nov",  u"Dec"};
    for (const char16_t* m : months)
    {
        const auto len = static_cast<int32_t>(std::char_traits<char16_t>::length(m));
        if (month_end >= len && std::char_traits<char16_t>::compare(
                                    s + month_end - len, m, static_cast<std::size_t>(len)) == 0)
            return true;
    }
    return false;
}
// "Ward 7": "Ward " just before.
bool ward_run(const UChar* s, int32_t, int32_t begin, int32_t)
{
    return begin >= 5 && s[begin - 5] == u'W' && s[begin - 4] == u'a' && s[begin - 3] == u'r' &&
           s[begin - 2] == u'd' && s[begin - 1] == u' ';
}

struct ReachRule
{
    const char* id;
    uint64_t pattern_hash; // fnv1a(pattern + "\x01i" if case-insensitive)
    Reach reach;
    int32_t before, after;
    RunTest run_test = nullptr;
};

// before: the most code units from a match's start to its first digit;
// after: the most from that digit to the match's end; both with a margin.
constexpr ReachRule kReach[] = {
    {"postcode", 0x24e7b5c64c3ee990, Reach::NearDigits, 6, 10, postcode_run},
    {"postcode-district", 0xb2440e768a1131c6, Reach::NearDigits, 4, 4, after_capital},
    {"phone", 0xfa1e1ebfbd5a7dee, Reach::NearDigits, 4, 26, phone_run},
    {"email", 0xc8ee27f880f86c93, Reach::Paragraph, 0, 0},
    {"url", 0xd40d42f9bd4ec910, Reach::Paragraph, 0, 0},
    {"social-handle", 0x64d6eff2cb141ead, Reach::Paragraph, 0, 0},
    {"username", 0xfb25fd1d25fbbdf4, Reach::Paragraph, 0, 0},
    {"nhs-number", 0xf85075a501aac1cd, Reach::NearDigits, 2, 14, nhs_run},
    {"ni-number", 0xe8f768a2e7d6babe, Reach::NearDigits, 5, 12, ni_run},
    {"reference-number", 0x14ab9ee2f77eea69, Reach::CodeRuns, 0, 0},
    {"labelled-number", 0x62c800b2cb25eacb, Reach::Labelled, 0, 0},
    {"vehicle-registration", 0xc4efa3842b20a7bb, Reach::NearDigits, 4, 8, after_capital},
    {"ward", 0xda206c322f192b9b, Reach::NearDigits, 7, 6, ward_run},
    {"welsh-institution", 0xa022fdfc42a39f5a, Reach::Paragraph, 0, 0},
    // Two words of unbounded length after the number: the 48-unit windows stay.
    {"welsh-address", 0x02c618c72a295656, Reach::DigitRuns, 0, 0},
    {"welsh-street", 0x308b075d7047b6d3, Reach::Paragraph, 0, 0},
    {"date-numeric", 0xdc391e29496ff1c3, Reach::NearDigits, 2, 12, numeric_date_run},
    // "Wednesday, September 14th": the day is up to 22 units in.
    {"date-text", 0x666b6e6b08bddc76, Reach::NearDigits, 26, 28, day_run},
    {"date-iso", 0x0f5da41da647b80e, Reach::Paragraph, 0, 0},
    {"age-just", 0x1fd67217810f140f, Reach::Paragraph, 0, 0},
    {"agency-reference", 0xcdd820c98e3b64c2, Reach::Paragraph, 0, 0},
    {"court-number", 0x9786a75f75970ac1, Reach::Paragraph, 0, 0},
    {"age", 0x2ddcefd186e80c08, Reach::AgeWords, 0, 0},
};

uint64_t fnv1a(const std::string& s)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : s)
        h = (h ^ c) * 0x100000001b3ULL;
    return h;
}

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
    // One matcher per detector, reset for each paragraph: creating a matcher
    // costs more than most searches. A check object is used by one thread.
    std::unique_ptr<icu::RegexMatcher> matcher;
};

std::vector<std::string> strings(const pt::ptree& node, const char* name)
{
    std::vector<std::string> out;
    if (const auto child = node.get_child_optional(name))
        for (const auto& [k, v] : *child)
            out.push_back(v.data());
    return out;
}

struct Span
{
    int32_t begin;
    int32_t end;
};

bool overlaps(const Span& a, const Span& b)
{
    return a.begin < b.end && b.begin < a.end;
}

// Which of a set of byte strings occur in a text, in one pass over it: an
// Aho-Corasick automaton over the bytes that occur in the strings (every
// other byte is one class that leads back to the start).
class LiteralFinder
{
public:
    void build(const std::vector<std::string>& literals)
    {
        count_ = literals.size();
        class_.fill(0);
        classes_ = 1;
        for (const std::string& l : literals)
            for (unsigned char b : l)
                if (!class_[b])
                    class_[b] = static_cast<uint8_t>(classes_++);
        const auto n = static_cast<std::size_t>(classes_);
        std::vector<std::vector<int32_t>> go(1, std::vector<int32_t>(n, -1));
        out_.assign(1, {});
        for (std::size_t k = 0; k < literals.size(); ++k)
        {
            if (literals[k].empty())
            {
                always_.push_back(k);
                continue;
            }
            std::size_t s = 0;
            for (unsigned char b : literals[k])
            {
                const std::size_t c = class_[b];
                if (go[s][c] < 0)
                {
                    go[s][c] = static_cast<int32_t>(go.size());
                    go.emplace_back(n, -1);
                    out_.emplace_back();
                }
                s = static_cast<std::size_t>(go[s][c]);
            }
            out_[s].push_back(k);
        }
        // Breadth first: a state's fallback is shallower, so complete.
        std::vector<std::size_t> fail(go.size(), 0), queue;
        for (std::size_t c = 0; c < n; ++c)
            if (go[0][c] < 0)
                go[0][c] = 0;
            else
                queue.push_back(static_cast<std::size_t>(go[0][c]));
        for (std::size_t q = 0; q < queue.size(); ++q)
        {
            const std::size_t s = queue[q];
            for (std::size_t c = 0; c < n; ++c)
            {
                const int32_t t = go[s][c];
                const int32_t via_fail = go[fail[s]][c];
                if (t < 0)
                {
                    go[s][c] = via_fail;
                    continue;
                }
                const auto tt = static_cast<std::size_t>(t);
                fail[tt] = static_cast<std::size_t>(via_fail);
                out_[tt].insert(out_[tt].end(), out_[fail[tt]].begin(), out_[fail[tt]].end());
                queue.push_back(tt);
            }
        }
        next_.clear();
        for (const auto& row : go)
            next_.insert(next_.end(), row.begin(), row.end());
        ends_.clear();
        for (const auto& o : out_)
            ends_.push_back(o.empty() ? 0 : 1);
    }

    // Scans bytes fed one at a time; present[k] is set when literal k occurs.
    class Scan
    {
    public:
        Scan(const LiteralFinder& f, std::vector<char>& present) : f_(f), present_(present)
        {
            present_.assign(f.count_, 0);
            for (std::size_t k : f.always_)
                present_[k] = 1;
        }
        void operator()(unsigned char b)
        {
            state_ = static_cast<std::size_t>(
                f_.next_[state_ * static_cast<std::size_t>(f_.classes_) + f_.class_[b]]);
            if (f_.ends_[state_])
                for (std::size_t k : f_.out_[state_])
                    present_[k] = 1;
        }

    private:
        const LiteralFinder& f_;
        std::vector<char>& present_;
        std::size_t state_ = 0;
    };

private:
    std::size_t count_ = 0;
    std::array<uint8_t, 256> class_{};
    int classes_ = 1;
    std::vector<int32_t> next_;                 // state * classes_ + class -> state
    std::vector<std::vector<std::size_t>> out_; // literals that end at a state
    std::vector<char> ends_;                    // out_ is not empty
    std::vector<std::size_t> always_;           // empty literals
};

// Word -> id, for one lookup per token: open addressing on an FNV-1a hash,
// cheaper for short words than std::unordered_map's hash.
class WordIds
{
public:
    void build(const std::unordered_map<std::string, int32_t>& words)
    {
        std::size_t size = 16;
        while (size < words.size() * 2)
            size *= 2;
        slots_.assign(size, Slot{});
        mask_ = size - 1;
        for (const auto& [word, id] : words)
        {
            const uint64_t h = hash(word);
            std::size_t k = static_cast<std::size_t>(h) & mask_;
            while (slots_[k].id >= 0)
                k = (k + 1) & mask_;
            slots_[k] = Slot{h, id, word};
        }
    }
    // The word's id, or -1.
    int32_t find(const std::string& word) const
    {
        if (slots_.empty())
            return -1;
        const uint64_t h = hash(word);
        for (std::size_t k = static_cast<std::size_t>(h) & mask_;; k = (k + 1) & mask_)
        {
            const Slot& s = slots_[k];
            if (s.id < 0)
                return -1;
            if (s.hash == h && s.word == word)
                return s.id;
        }
    }

private:
    static uint64_t hash(const std::string& s)
    {
        uint64_t h = 0xcbf29ce484222325ULL;
        for (unsigned char c : s)
            h = (h ^ c) * 0x100000001b3ULL;
        return h ^ (h >> 29);
    }
    struct Slot
    {
        uint64_t hash = 0;
        int32_t id = -1;
        std::string word;
    };
    std::vector<Slot> slots_;
    std::size_t mask_ = 0;
};

// UTF-8 to UTF-16; ASCII text (most paragraphs) is widened in place.
icu::UnicodeString utf16(const std::string& s)
{
    for (unsigned char c : s)
        if (c >= 0x80)
            return icu::UnicodeString::fromUTF8(s);
    icu::UnicodeString u;
    const auto n = static_cast<int32_t>(s.size());
    UChar* buffer = u.getBuffer(n);
    if (!buffer)
        return icu::UnicodeString::fromUTF8(s);
    for (int32_t k = 0; k < n; ++k)
        buffer[k] = static_cast<UChar>(s[static_cast<std::size_t>(k)]);
    u.releaseBuffer(n);
    return u;
}

// s == w, inlined for a short literal w.
template <std::size_t N> bool is(const std::string& s, const char (&w)[N])
{
    return s.size() == N - 1 && std::memcmp(s.data(), w, N - 1) == 0;
}

// Whether the text before a pseudonym can match the introduction pattern
// ("known as", "referred to as '", "("), which must end at its end: an
// opening bracket, or spaces after a word ending in s, d or r (or a letter
// that folds to s: long s, sharp s); a quote may follow either. A line break at the end
// ($ matches before it) leaves it to the pattern.
bool may_introduce(const icu::UnicodeString& lead)
{
    int32_t k = lead.length();
    if (k == 0)
        return false;
    UChar c = lead[k - 1];
    if (c == u'\n' || c == u'\r' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 ||
        c == 0x2029)
        return true;
    if (c == u'"' || c == u'\'' || c == 0x2018 || c == 0x201C)
    {
        if (--k == 0)
            return false;
        c = lead[k - 1];
    }
    if (c == u'(' || c == u'[')
        return true;
    if (c != u' ' && c != 0xA0)
        return false;
    while (k > 0 && (lead[k - 1] == u' ' || lead[k - 1] == 0xA0))
        --k;
    if (k == 0)
        return false;
    c = lead[k - 1];
    return c == u's' || c == u'S' || c == 0x017F || c == 0xDF || c == 0x1E9E || c == u'd' ||
           c == u'D' || c == u'r' || c == u'R';
}

// Quasi identifiers whose combination is a jigsaw risk.
const std::set<std::string>& jigsaw_kinds()
{
    static const std::set<std::string> kinds = {
        "age",      "health",      "disability", "ethnicity",   "nationality", "religion",
        "language", "immigration", "place",      "institution", "date",        "postcode-district"};
    return kinds;
}

} // namespace

struct AnonymisationCheck::Impl
{
    std::vector<Detector> detectors;
    std::vector<std::string> dob_context;
    std::set<std::string> generic_modifiers;
    int jigsaw_paragraph = 3;
    int jigsaw_section = 4;
    std::vector<Example> examples;
    std::set<std::string> reach_known; // detectors whose pattern is in kReach
    // The requires_any literals (lower-case UTF-8), found in one pass.
    std::vector<std::string> required_literals;
    LiteralFinder literal_finder;

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
    WordIds word_ids; // the same, for the scan

    void load(const std::string& dir);
    // `u` is the paragraph's text in UTF-16.
    void scan_paragraph(const Paragraph& p, const icu::UnicodeString& u, const Lexicon& allow,
                        const Lexicon& deny, const std::vector<const HashedRegister*>& registers,
                        const std::map<std::string, std::string>& pseudonyms,
                        std::vector<Finding>& out) const;
};

void AnonymisationCheck::Impl::load(const std::string& dir)
{
    const std::string path = dir + "/anonymisation.json";
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw DataError(path + ": cannot open the file");
    std::stringstream text;
    text << in.rdbuf();
    const pt::ptree root = parse_json_data(text.str(), path);
    std::set<std::string> ids;
    for (const auto& [k, node] : root.get_child("detectors"))
    {
        Detector d;
        d.id = node.get<std::string>("id", "");
        const std::string where = "detector \"" + d.id + "\"";
        if (d.id.empty() || !ids.insert(d.id).second)
            throw DataError(path + ": " + where + ": missing or duplicate id");
        d.rule = &rule_named(node.get<std::string>("rule", ""), path + ": " + where);
        d.validator = node.get<std::string>("validator", "");
        if (!d.validator.empty() && d.validator != "nhs-mod11" && d.validator != "uk-phone")
            throw DataError(path + ": " + where + ": unknown validator \"" + d.validator + "\"");
        d.score = node.get<double>("score", 0.8);
        d.message = node.get<std::string>("message", "");
        d.explanation = node.get<std::string>("explanation", "");
        d.fix = node.get<std::string>("fix", "");
        d.requires_ = node.get<std::string>("requires", "");
        for (const std::string& c : strings(node, "context"))
            d.context.push_back(fold(c));
        d.context_window = node.get<int32_t>("context_window", 30);
        d.context_required = node.get<bool>("context_required", false);
        d.context_after = node.get<bool>("context_after", false);
        if (d.message.empty())
            throw DataError(path + ": " + where + ": missing message");
        UErrorCode status = U_ZERO_ERROR;
        UParseError pe{};
        const uint32_t flags =
            node.get<bool>("case_insensitive", false) ? UREGEX_CASE_INSENSITIVE : 0;
        d.pattern.reset(icu::RegexPattern::compile(
            icu::UnicodeString::fromUTF8(node.get<std::string>("pattern", "")), flags, pe, status));
        if (U_FAILURE(status))
            throw DataError(path + ": " + where + ": bad pattern at offset " +
                            std::to_string(pe.offset) + ": " + u_errorName(status));
        for (const std::string& r : strings(node, "requires_any"))
        {
            std::string lower;
            icu::UnicodeString::fromUTF8(r).toLower(icu::Locale::getRoot()).toUTF8String(lower);
            const auto at = std::find(required_literals.begin(), required_literals.end(), lower);
            d.requires_any.push_back(static_cast<std::size_t>(at - required_literals.begin()));
            if (at == required_literals.end())
                required_literals.push_back(lower);
        }
        const std::string pattern_key =
            node.get<std::string>("pattern", "") + (flags & UREGEX_CASE_INSENSITIVE ? "\x01i" : "");
        d.reach = d.requires_ == "digit" ? Reach::DigitRuns : Reach::Paragraph;
        for (const ReachRule& r : kReach)
            if (d.id == r.id && fnv1a(pattern_key) == r.pattern_hash)
            {
                d.reach = r.reach;
                d.before = r.before;
                d.after = r.after;
                d.run_test = r.run_test;
                reach_known.insert(d.id);
            }
        d.matcher.reset(d.pattern->matcher(status));
        if (U_FAILURE(status))
            throw DataError(path + ": " + where +
                            ": cannot use the pattern: " + u_errorName(status));
        for (const std::string& m : strings(node, "examples.match"))
            examples.push_back({d.id, d.rule, m, true});
        for (const std::string& m : strings(node, "examples.nomatch"))
            examples.push_back({d.id, d.rule, m, false});
        detectors.push_back(std::move(d));
    }
    literal_finder.build(required_literals);
    for (const std::string& s : strings(root, "date_of_birth_context"))
        dob_context.push_back(fold(s));
    for (const std::string& s : strings(root, "generic_institution_modifiers"))
        generic_modifiers.insert(fold(s));
    jigsaw_paragraph = root.get<int>("jigsaw.paragraph_kinds", 3);
    jigsaw_section = root.get<int>("jigsaw.section_kinds", 4);

    const std::string lex = dir + "/lexicons/";
    given = Lexicon::load(lex + "given-names.txt");
    surnames = Lexicon::load(lex + "surnames.txt");
    given_words = Lexicon::load(lex + "given-names-words.txt");
    surname_words = Lexicon::load(lex + "surnames-words.txt");
    places = Lexicon::load(lex + "uk-places.txt");
    place_words = Lexicon::load(lex + "uk-places-words.txt");
    countries = Lexicon::load(lex + "countries.txt");
    titles = Lexicon::load(lex + "titles.txt");
    roles = Lexicon::load(lex + "role-words.txt");
    institutions = Lexicon::load(lex + "institution-words.txt");
    allow_terms = Lexicon::load(lex + "allow-terms.txt");
    struct SpecialFile
    {
        const Rule* rule;
        const char* file;
        const char* message;
    };
    const std::array<SpecialFile, 7> special = {{
        {&R::health, "health-conditions.txt", "Specific health condition or diagnosis"},
        {&R::disability, "disabilities.txt", "Specific disability"},
        {&R::ethnicity, "ethnicities.txt", "Ethnicity"},
        {&R::nationality, "nationalities.txt", "Nationality"},
        {&R::religion, "religions.txt", "Religion"},
        {&R::language, "languages.txt", "First or home language"},
        {&R::immigration, "immigration-status.txt", "Immigration status"},
    }};
    for (const SpecialFile& s : special)
        specials.push_back({s.rule, Lexicon::load(lex + s.file), s.message});
    for (Lexicon* l : {&given, &surnames, &given_words, &surname_words, &places, &place_words,
                       &countries, &titles, &roles, &institutions, &allow_terms})
        l->index(vocabulary);
    for (Special& s : specials)
        s.lexicon.index(vocabulary);
    word_ids.build(vocabulary);
    for (const char* w : {"january", "february",  "march",     "april",    "may",      "june",
                          "july",    "august",    "september", "october",  "november", "december",
                          "monday",  "tuesday",   "wednesday", "thursday", "friday",   "saturday",
                          "sunday",  "christmas", "easter",    "god",      "i"})
        months_weekdays.insert(w);
}

namespace
{

// Collects spans, keeps the strongest finding where spans overlap.
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

const std::set<std::string>& residence_words()
{
    static const std::set<std::string> words = {
        "lived",  "living",   "lives",     "live",       "home",     "moved",   "moving",   "move",
        "born",   "rehoused", "relocated", "registered", "stayed",   "staying", "resident", "grew",
        "housed", "address",  "flat",      "house",      "returned", "settled"};
    return words;
}

const std::set<std::string>& kin_words()
{
    static const std::set<std::string> words = {
        "mother",   "father",      "mum",         "dad",     "sister", "brother",    "sibling",
        "siblings", "grandmother", "grandfather", "nan",     "aunt",   "uncle",      "cousin",
        "partner",  "boyfriend",   "girlfriend",  "husband", "wife",   "son",        "daughter",
        "baby",     "children",    "child",       "parents", "family", "stepfather", "stepmother",
        "school",   "nursery",     "bedroom",     "home",    "gp",     "teacher",    "social",
        "key",      "carer",       "carers",      "foster",  "friend", "friends",    "birthday"};
    return words;
}

bool has_diacritic(const icu::UnicodeString& u, const Token& t)
{
    for (int32_t k = t.begin; k < t.end; ++k)
        if (u[k] >= 0xC0 && u_isalpha(u[k]))
            return true;
    return false;
}

int rank(const Finding& f, int priority)
{
    return static_cast<int>(f.severity) * 1000 + priority * 200 + static_cast<int>(f.score * 100);
}

} // namespace

void AnonymisationCheck::Impl::scan_paragraph(const Paragraph& p, const icu::UnicodeString& u,
                                              const Lexicon& allow, const Lexicon& deny,
                                              const std::vector<const HashedRegister*>& registers,
                                              const std::map<std::string, std::string>& pseudonyms,
                                              std::vector<Finding>& out) const
{
    if (p.text.empty())
        return;
    std::vector<Token> tokens = tokenize(u);
    for (Token& t : tokens)
    {
        t.word = word_ids.find(t.key);
    }
    Hits hits;
    const CodePoints cp(u);

    auto make = [&](const Rule& rule, double score, const std::string& message,
                    const std::string& explanation, const std::string& advice)
    {
        Finding f(rule);
        f.score = score;
        f.message = message;
        f.explanation = explanation;
        f.advice = advice;
        return f;
    };

    // Spans that must not be flagged: allow-list, agencies, legislation,
    // pseudonyms and role names, research citations.
    std::vector<Span> excluded;
    std::vector<char> token_excluded(tokens.size(), 0);
    for (std::size_t i = 0; i < tokens.size(); ++i)
    {
        std::size_t n = std::max(allow.match(tokens, i), allow_terms.match(tokens, i));
        if (n == 0 && tokens[i].alpha && i + 1 < tokens.size() &&
            (tokens[i + 1].number || (tokens[i + 1].key.size() == 1 && tokens[i + 1].capitalised)))
        {
            // "Child A", "Sibling 1", "GP 1", "Social Worker 2": a role
            // with a letter or number is a pseudonym.
            if (pseudonyms.count(tokens[i].key) || roles.contains(tokens[i]))
                n = 2;
            else if (i > 0 && roles.match(tokens, i - 1) == 2)
                n = 2;
        }
        // A role used as a pseudonym on its own: "Mother", "Grandmother's".
        if (n == 0 && tokens[i].capitalised && pseudonyms.count(tokens[i].key))
            n = 1;
        if (n > 0)
        {
            for (std::size_t k = i; k < i + n; ++k)
                token_excluded[k] = true;
            excluded.push_back({tokens[i].begin, tokens[i + n - 1].end});
            i += n - 1;
        }
    }
    // Citations: "Munro (2011)", "(Munro, 2011)", "Brandon et al. (2012)".
    for (std::size_t i = 0; i < tokens.size(); ++i)
    {
        if (!tokens[i].capitalised || !tokens[i].alpha)
            continue;
        std::size_t j = i + 1;
        while (j < tokens.size() && tokens[j].capitalised && tokens[j].alpha && j < i + 3)
            ++j; // "Brandon and Belderson" handled by "and" below
        if (j + 1 < tokens.size() && is(tokens[j].key, "et") && is(tokens[j + 1].key, "al"))
            j += 2;
        else if (j + 1 < tokens.size() && is(tokens[j].key, "and") && tokens[j + 1].capitalised)
            j += 2;
        if (j < tokens.size() && tokens[j].number && tokens[j].end - tokens[j].begin == 4)
        {
            const icu::UnicodeString between =
                u.tempSubStringBetween(tokens[j - 1].end, tokens[j].begin);
            if (between.indexOf(u'(') >= 0 || between.indexOf(u',') >= 0)
                for (std::size_t k = i; k < j; ++k)
                    token_excluded[k] = true;
        }
    }

    // ---- pattern detectors
    const UChar* const us = u.getBuffer();
    const int32_t ulen = u.length();
    bool has_digit = false, has_at = false, has_dot = false;
    std::vector<Span> digit_runs; // runs of ASCII digits (the patterns' [0-9])
    for (int32_t i = 0; i < ulen; ++i)
    {
        const UChar c = us[i];
        if (c > u'@') // digits, '@' and '.' come before 'A'
            continue;
        if (c >= u'0' && c <= u'9')
        {
            has_digit = true;
            if (!digit_runs.empty() && digit_runs.back().end == i)
                digit_runs.back().end = i + 1;
            else
                digit_runs.push_back({i, i + 1});
        }
        else if (c == u'@')
            has_at = true;
        else if (c == u'.')
            has_dot = true;
    }
    // Which requires_any literals the lower-case text holds: one pass over
    // it, made when a detector first asks. Lower-casing (root locale) leaves
    // a character that u_tolower leaves alone unchanged, with no context
    // rule: such text is lowered and encoded here on the way; any other
    // character (capitals outside ASCII, surrogates) sends the paragraph
    // through ICU's toLower.
    std::vector<char> present;
    auto has_any = [&](const std::vector<std::size_t>& literals)
    {
        if (present.empty())
        {
            bool plain = true;
            {
                LiteralFinder::Scan scan(literal_finder, present);
                for (int32_t i = 0; i < ulen && plain; ++i)
                {
                    const UChar c = us[i];
                    if (c < 0x80)
                        scan(static_cast<unsigned char>(c >= u'A' && c <= u'Z' ? c + 32 : c));
                    else if (U16_IS_SURROGATE(c) || u_tolower(c) != c)
                        plain = false;
                    else if (c < 0x800)
                    {
                        scan(static_cast<unsigned char>(0xC0 | (c >> 6)));
                        scan(static_cast<unsigned char>(0x80 | (c & 0x3F)));
                    }
                    else
                    {
                        scan(static_cast<unsigned char>(0xE0 | (c >> 12)));
                        scan(static_cast<unsigned char>(0x80 | ((c >> 6) & 0x3F)));
                        scan(static_cast<unsigned char>(0x80 | (c & 0x3F)));
                    }
                }
            }
            if (!plain)
            {
                std::string lower;
                icu::UnicodeString l(u);
                l.toLower(icu::Locale::getRoot());
                l.toUTF8String(lower);
                LiteralFinder::Scan scan(literal_finder, present);
                for (char c : lower)
                    scan(static_cast<unsigned char>(c));
            }
        }
        return std::any_of(literals.begin(), literals.end(),
                           [&](std::size_t k) { return present[k] != 0; });
    };
    // Windows of 48 code units either side of each run of digits, merged;
    // made when a detector first needs them. A window covers the digits up
    // to 48 units before its end, which need no window of their own.
    std::vector<Span> digit_windows;
    auto make_digit_windows = [&]
    {
        int32_t next = 0; // the first digit that needs a window
        for (const Span& r : digit_runs)
            for (int32_t k = std::max(r.begin, next); k < r.end; k = next)
            {
                const int32_t begin = std::max(0, k - 48);
                int32_t end = k + 1;
                while (end < ulen && end - k < 16 && us[end] != u' ' && us[end] != u'\n')
                    ++end;
                end = std::min(ulen, end + 48);
                if (!digit_windows.empty() && begin <= digit_windows.back().end)
                    digit_windows.back().end = std::max(digit_windows.back().end, end);
                else
                    digit_windows.push_back({begin, end});
                next = end - 48 > k ? end - 48 : k + 1;
            }
    };
    auto add_window = [&](std::vector<Span>& w, int32_t begin, int32_t end)
    {
        begin = std::max(0, begin);
        end = std::min(ulen, end);
        if (!w.empty() && begin <= w.back().end)
            w.back().end = std::max(w.back().end, end);
        else
            w.push_back({begin, end});
    };
    // Case-sensitive search for an ASCII literal in us[from, to).
    auto contains_ascii = [&](int32_t from, int32_t to, const char* word)
    {
        const int32_t len = static_cast<int32_t>(std::char_traits<char>::length(word));
        for (int32_t i = std::max(0, from); i + len <= to; ++i)
        {
            int32_t k = 0;
            while (k < len && us[i + k] == static_cast<UChar>(word[k]))
                ++k;
            if (k == len)
                return true;
        }
        return false;
    };
    std::vector<Span> windows;
    for (const Detector& d : detectors)
    {
        if ((is(d.requires_, "digit") && !has_digit) || (is(d.requires_, "@") && !has_at) ||
            (is(d.requires_, ".") && !has_dot))
            continue;
        if (!d.requires_any.empty() && !has_any(d.requires_any))
            continue;
        windows.clear();
        switch (d.reach)
        {
        case Reach::Paragraph:
            windows.push_back({0, ulen});
            break;
        case Reach::DigitRuns:
            if (digit_windows.empty())
                make_digit_windows();
            windows = digit_windows;
            break;
        case Reach::NearDigits:
            for (const Span& r : digit_runs)
                if (!d.run_test || d.run_test(us, ulen, r.begin, r.end))
                    add_window(windows, r.begin - d.before, r.end + d.after);
            break;
        case Reach::Labelled:
            // "(?<=label[: ]{1,2})[A-Z]{0,4}[0-9][A-Z0-9/\-]{3,}": a match
            // starts at most 4 units before its first digit, which starts a
            // run; its label word (number, no., ID, ref.) ends 1 or 2 units
            // before the match, so within 14 units before the digit; the
            // match ends where the code's characters end.
            for (const Span& r : digit_runs)
            {
                const int32_t from = r.begin - 14;
                if (!contains_ascii(from, r.begin, "number") &&
                    !contains_ascii(from, r.begin, "no") && !contains_ascii(from, r.begin, "ID") &&
                    !contains_ascii(from, r.begin, "ref"))
                    continue;
                int32_t end = r.begin + 1;
                while (end < ulen &&
                       ((us[end] >= u'A' && us[end] <= u'Z') ||
                        (us[end] >= u'0' && us[end] <= u'9') || us[end] == u'/' || us[end] == u'-'))
                    ++end;
                add_window(windows, r.begin - 4, end);
            }
            break;
        case Reach::CodeRuns:
        {
            // Every match ends in a run of [A-Z0-9/-] that holds a digit:
            // "AB/2016/0456" and "12/3456/78" lie inside the run; a labelled
            // code ("crime reference: 12/3456", "case no. AB123") starts the
            // run, after spaces, colons or "no." that follow the label of
            // at most 15 units (CRN, crime reference, ref., case number, log).
            auto code = [&](int32_t k)
            {
                const UChar c = us[k];
                return (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'/' ||
                       c == u'-';
            };
            for (std::size_t r = 0; r < digit_runs.size(); ++r)
            {
                int32_t begin = digit_runs[r].begin, end = digit_runs[r].end;
                while (begin > 0 && code(begin - 1))
                    --begin;
                while (end < ulen && code(end))
                    ++end;
                while (r + 1 < digit_runs.size() && digit_runs[r + 1].begin < end)
                    ++r;
                int32_t label_end = begin;
                while (label_end > 0 && (us[label_end - 1] == u' ' || us[label_end - 1] == u':' ||
                                         us[label_end - 1] == u'.' || us[label_end - 1] == u'n' ||
                                         us[label_end - 1] == u'o'))
                    --label_end;
                // An unlabelled code has a / or -; every label holds CRN,
                // ref, case or log, which the skipped characters cannot
                // have eaten.
                bool separator = false;
                for (int32_t k = begin; k < end && !separator; ++k)
                    separator = us[k] == u'/' || us[k] == u'-';
                if (!separator && !contains_ascii(label_end - 16, label_end, "CRN") &&
                    !contains_ascii(label_end - 16, label_end, "ref") &&
                    !contains_ascii(label_end - 16, label_end, "case") &&
                    !contains_ascii(label_end - 16, label_end, "log"))
                    continue;
                add_window(windows, label_end - 16, end);
            }
            break;
        }
        case Reach::AgeWords:
        {
            // A match starts at "age" ("aged 2", "age of 3") or ends at
            // "old" ("17 months old", at most 36 units before it); no
            // character outside ASCII folds to a, g, e, o, l or d.
            // "age" starts a word (no \b after an ASCII letter or digit)
            // and a space or "d" follows it; "old" follows a space or "-"
            // and ends a word.
            std::vector<Span> raw;
            auto ascii_word = [&](int32_t k)
            {
                return k >= 0 && k < ulen &&
                       ((us[k] >= u'0' && us[k] <= u'9') ||
                        ((us[k] | 0x20) >= u'a' && (us[k] | 0x20) <= u'z'));
            };
            for (int32_t i = 0; i + 3 <= ulen; ++i)
            {
                if ((us[i] | 0x20) != u'a' && (us[i] | 0x20) != u'o')
                    continue;
                const UChar a = us[i] | 0x20, b = us[i + 1] | 0x20, c = us[i + 2] | 0x20;
                if (us[i] < 0x80 && us[i + 1] < 0x80 && us[i + 2] < 0x80)
                {
                    if (a == u'a' && b == u'g' && c == u'e')
                    {
                        if (!ascii_word(i - 1) && i + 3 < ulen &&
                            (us[i + 3] == u' ' || (us[i + 3] | 0x20) == u'd'))
                            raw.push_back({i, i + 48});
                    }
                    else if (a == u'o' && b == u'l' && c == u'd')
                    {
                        if (i > 0 && (us[i - 1] == u' ' || us[i - 1] == u'-') && !ascii_word(i + 3))
                            raw.push_back({i - 36, i + 4});
                    }
                }
            }
            std::sort(raw.begin(), raw.end(),
                      [](const Span& x, const Span& y) { return x.begin < y.begin; });
            for (const Span& r : raw)
                add_window(windows, r.begin, r.end);
            break;
        }
        }
        if (windows.empty())
            continue;
        UErrorCode status = U_ZERO_ERROR;
        icu::RegexMatcher* m = d.matcher.get();
        m->reset(u);
        m->useTransparentBounds(true);
        m->useAnchoringBounds(false);
        for (const Span& w : windows)
        {
            m->region(w.begin, w.end, status);
            while (m->find(status) && U_SUCCESS(status))
            {
                Span span{m->start(status), m->end(status)};
                std::string text;
                m->group(status).toUTF8String(text);
                if (d.validator == "nhs-mod11" && !valid_nhs_number(digits_of(text)))
                    continue;
                if (d.validator == "uk-phone" && !valid_uk_phone(text))
                    continue;
                // "(01632 960124)": the pattern's optional "(" of an area code
                // belongs to the sentence when no ")" closes it in the number.
                if (d.validator == "uk-phone" && text[0] == '(' &&
                    text.find(')') == std::string::npos)
                {
                    ++span.begin;
                    text.erase(0, 1);
                }
                const std::string before = fold(
                    u.tempSubStringBetween(std::max(0, span.begin - d.context_window), span.begin));
                const std::string after =
                    d.context_after
                        ? fold(u.tempSubStringBetween(
                              span.end, std::min(u.length(), span.end + d.context_window)))
                        : std::string();
                bool context = false;
                for (const std::string& c : d.context)
                    context = context || before.find(c) != std::string::npos ||
                              (d.context_after && after.find(c) != std::string::npos);
                if (d.context_required && !context)
                    continue;
                bool skip = false;
                // An agency's name may prefix a reference ("MASH-2011-04417"):
                // only a match that an exclusion covers whole is skipped.
                for (const Span& e : excluded)
                    skip = skip || (overlaps(e, span) && d.rule != &R::date &&
                                    (d.rule != &R::reference_number ||
                                     (e.begin <= span.begin && span.end <= e.end)));
                if (skip)
                    continue;
                Finding f = make(*d.rule, std::min(1.0, d.score + (context ? 0.05 : 0)), d.message,
                                 d.explanation + (context ? "; context word nearby" : "") +
                                     " [detector " + d.id + "]",
                                 d.fix);
                if (d.rule == &R::date)
                {
                    const std::string lead =
                        fold(u.tempSubStringBetween(std::max(0, span.begin - 30), span.begin));
                    for (const std::string& c : dob_context)
                        if (lead.find(c) != std::string::npos)
                        {
                            f = make(R::date_of_birth, 0.95, "Date of birth",
                                     d.explanation + "; birth context (\"" + c + "\")",
                                     "Remove it; give the child's age in years if it matters");
                            break;
                        }
                }
                hits.add(span, std::move(f), 1);
            }
        }
    }

    // ---- user deny-list and the case register
    for (std::size_t i = 0; i < tokens.size(); ++i)
    {
        for (const HashedRegister* reg : registers)
        {
            const HashedRegister::Target* target = nullptr;
            if (const std::size_t n = reg->match(tokens, i, &target))
            {
                Finding f =
                    make(R::register_, 1.0, "Identifier from the case register",
                         "register: a real " +
                             (target->kind.empty() ? std::string("identifier") : target->kind) +
                             " of this case (matched by its salted hash)",
                         {});
                f.fixes.push_back({FixKind::Replace, target->pseudonym, {}});
                hits.add({tokens[i].begin, tokens[i + n - 1].end}, std::move(f), 2);
                break;
            }
        }
        if (const std::size_t n = deny.match(tokens, i))
            hits.add(
                {tokens[i].begin, tokens[i + n - 1].end},
                make(R::deny_list, 1.0, "Term on the deny-list", "deny-list: always flagged", {}));
    }

    // ---- special categories (lexicons)
    for (const Special& s : specials)
        for (std::size_t i = 0; i < tokens.size(); ++i)
        {
            if (token_excluded[i])
                continue;
            if (const std::size_t n = s.lexicon.match(tokens, i))
            {
                hits.add({tokens[i].begin, tokens[i + n - 1].end},
                         make(*s.rule, 0.7, s.message,
                              "lexicon: " + std::string(s.rule->category) +
                                  " (special category or precise detail)",
                              "Generalise it (a long-term condition, a region) or leave it out"));
                i += n - 1;
            }
        }

    // ---- institutions, streets and addresses: capitalised words + a head
    for (std::size_t i = 0; i < tokens.size(); ++i)
    {
        const Lexicon::Entry* head = nullptr;
        const std::size_t n = institutions.match(tokens, i, &head, /*ignore_case=*/true);
        // "Oakfield School", and also "the Brackenfield estate": a
        // lower-case head counts after a capitalised name mid-sentence.
        if (n == 0 || (!tokens[i].capitalised &&
                       !(i > 0 && tokens[i - 1].capitalised && !tokens[i - 1].sentence_start)))
            continue;
        std::size_t first = i;
        bool named = false;
        while (first > 0)
        {
            const Token& prev = tokens[first - 1];
            const bool joiner = is(prev.key, "of") || is(prev.key, "and") || is(prev.key, "st") ||
                                is(prev.key, "the");
            if (!(prev.capitalised || (joiner && first >= 2 && tokens[first - 2].capitalised)) ||
                token_excluded[first - 1] || prev.number)
                break;
            if (is(prev.key, "the"))
                break;
            --first;
            if (!generic_modifiers.count(tokens[first].key) && !tokens[first].sentence_start)
                named = true;
            else if (!generic_modifiers.count(tokens[first].key) && tokens[first].sentence_start &&
                     first < i)
                named = true;
        }
        if (!named)
        {
            i += n - 1;
            continue;
        }
        const bool street = head && head->group == "street";
        Span span{tokens[first].begin, tokens[i + n - 1].end};
        // A house number before a street name makes an address.
        if (street && first > 0 && tokens[first - 1].number)
        {
            span.begin = tokens[first - 1].begin;
            hits.add(span, make(R::address, 0.9, "Street address",
                                "house number, capitalised name and a street word (\"" +
                                    head->words.back() + "\")",
                                {}));
        }
        else if (street)
            hits.add(span,
                     make(R::place, 0.75, "Named street or estate",
                          "capitalised name and a street word (\"" + head->words.back() + "\")",
                          "Remove it or say 'the family's street'"));
        else
            hits.add(
                span,
                make(R::institution, 0.8,
                     "Named school, health service, place of worship or other institution",
                     "capitalised name and an institution word (\"" + head->words.back() + "\")",
                     "Use a generic description ('the primary school', 'the hospital')"));
        for (std::size_t k = first; k < i + n; ++k)
            token_excluded[k] = true;
        i += n - 1;
    }

    // ---- places
    for (std::size_t i = 0; i < tokens.size(); ++i)
    {
        if (token_excluded[i] || !tokens[i].capitalised)
            continue;
        std::size_t n = places.match(tokens, i);
        bool country = false;
        std::string why = "lexicon: UK place";
        if (n == 0 && i > 0)
        {
            const std::string& prev = tokens[i - 1].key;
            const bool preposition = is(prev, "in") || is(prev, "to") || is(prev, "from") ||
                                     is(prev, "near") || is(prev, "at") || is(prev, "of");
            if (preposition && (n = place_words.match(tokens, i)) > 0)
                why = "lexicon: UK place that is also a word, after \"" + prev + "\"";
        }
        if (n == 0 && (n = countries.match(tokens, i)) > 0)
            country = true;
        // An unknown capitalised word where people live: "their home in
        // Thornwick", "moved to Eastbridge". Weak: it may be anything.
        if (n == 0 && i > 0 && tokens[i].alpha && !tokens[i].all_caps &&
            !tokens[i].sentence_start && !given.contains(tokens[i]) &&
            !surnames.contains(tokens[i]))
        {
            const std::string& prev = tokens[i - 1].key;
            const bool preposition = is(prev, "in") || is(prev, "to") || is(prev, "from") ||
                                     is(prev, "near") || is(prev, "at");
            bool residence = false;
            for (std::size_t back = 2; preposition && back <= 5 && back <= i; ++back)
                residence = residence || residence_words().count(tokens[i - back].key);
            if (residence)
            {
                n = 1;
                why = "capitalised word after \"" + prev + "\" where the family lived or moved";
            }
        }
        if (n == 0)
            continue;
        if (country)
            hits.add({tokens[i].begin, tokens[i + n - 1].end},
                     make(R::nationality, 0.6,
                          "Country: with other details it points to the family's origin",
                          "lexicon: country", "Use a region ('Eastern Europe') or leave it out"));
        else
            hits.add({tokens[i].begin, tokens[i + n - 1].end},
                     make(R::place, 0.75, "Named town or place", why,
                          "Remove it, or say 'the local area'"));
        for (std::size_t k = i; k < i + n; ++k)
            token_excluded[k] = true;
        i += n - 1;
    }

    // ---- people
    const bool heading = p.outline_level > 0;
    // Reference-list authors ("Fish, S., Munro, E. and Bairstow, S. (2008)")
    // are not the family: "Surname, I." spans are left alone.
    {
        static const std::unique_ptr<icu::RegexPattern> author = []
        {
            UErrorCode st = U_ZERO_ERROR;
            return std::unique_ptr<icu::RegexPattern>(icu::RegexPattern::compile(
                u"\\p{Lu}[\\p{L}'\\u2019\\-]+,\\s(?:\\p{Lu}\\.\\s?)+", 0, st));
        }();
        // Every match holds one ", " followed by a capital: search only from
        // the word before such a comma to the initials after it.
        auto letterish = [&](int32_t k)
        {
            const UChar c = us[k];
            return U16_IS_SURROGATE(c) || u_isalpha(c) || c == u'\'' || c == 0x2019 || c == u'-';
        };
        UErrorCode st = U_ZERO_ERROR;
        std::unique_ptr<icu::RegexMatcher> am;
        for (int32_t c = 0; c + 2 < ulen; ++c)
        {
            if (us[c] != u',' || !u_isUWhiteSpace(us[c + 1]))
                continue;
            UChar32 cap;
            U16_GET(us, 0, c + 2, ulen, cap);
            if (!u_isupper(cap))
                continue;
            int32_t begin = c;
            while (begin > 0 && letterish(begin - 1))
                --begin;
            int32_t end = c + 2;
            while (end < ulen && (U16_IS_SURROGATE(us[end]) || u_isupper(us[end]) ||
                                  us[end] == u'.' || u_isUWhiteSpace(us[end])))
                ++end;
            if (!am)
            {
                am.reset(author->matcher(u, st));
                am->useTransparentBounds(true);
                am->useAnchoringBounds(false);
            }
            am->region(begin, end, st);
            while (U_SUCCESS(st) && am->find(st))
            {
                const Span a{am->start(st), am->end(st)};
                for (std::size_t k = 0; k < tokens.size(); ++k)
                    if (overlaps(a, {tokens[k].begin, tokens[k].end}))
                        token_excluded[k] = true;
            }
            c = end - 1 > c ? end - 1 : c;
        }
    }
    std::vector<int> name_strength(tokens.size(), 0); // 0 no, 1 weak, 2 strong
    std::vector<std::string> why(tokens.size());
    auto is_title = [&](std::size_t k)
    { return k < tokens.size() && titles.match(tokens, k) == 1 && tokens[k].capitalised; };
    for (std::size_t i = 0; i < tokens.size(); ++i)
    {
        const Token& t = tokens[i];
        if (token_excluded[i] || !t.alpha || !t.capitalised || months_weekdays.count(t.key) ||
            is_title(i))
            continue;
        const bool strong = given.contains(t) || surnames.contains(t);
        bool hyphen_part = false;
        if (!strong && t.hyphenated)
        {
            std::size_t pos = 0;
            const std::string& k = t.key;
            while (pos <= k.size())
            {
                std::size_t dash = k.find('-', pos);
                if (dash == std::string::npos)
                    dash = k.size();
                const std::string part = k.substr(pos, dash - pos);
                hyphen_part = hyphen_part || given.contains(part) || surnames.contains(part);
                pos = dash + 1;
            }
        }
        const bool wordlike = given_words.contains(t) || surname_words.contains(t);
        const bool title_before = i > 0 && is_title(i - 1);
        // "J. Carter", "JC Carter"; not "Child A. Young people" (a pseudonym).
        const bool initial_before =
            i > 0 && !token_excluded[i - 1] && tokens[i - 1].alpha && tokens[i - 1].capitalised &&
            (tokens[i - 1].end - tokens[i - 1].begin == 1 ||
             (tokens[i - 1].all_caps && tokens[i - 1].end - tokens[i - 1].begin <= 3 &&
              !token_excluded[i - 1] && !roles.contains(tokens[i - 1])));
        const bool family_after = i + 1 < tokens.size() && is(tokens[i + 1].key, "family") &&
                                  i > 0 && is(tokens[i - 1].key, "the");
        if (strong || hyphen_part)
        {
            name_strength[i] = 2;
            why[i] = strong ? "lexicon: personal name" : "lexicon: part of a hyphenated name";
        }
        else if (title_before)
        {
            name_strength[i] = 2;
            why[i] = "capitalised word after a title";
        }
        else if (family_after)
        {
            name_strength[i] = 2;
            why[i] = "surname as a family (\"the ... family\")";
        }
        else if (initial_before && !t.all_caps && (wordlike || !t.sentence_start))
        {
            name_strength[i] = 2;
            why[i] = "initials and a surname";
        }
        else if (t.possessive && !t.all_caps && i + 1 < tokens.size() &&
                 kin_words().count(tokens[i + 1].key))
        {
            name_strength[i] = 2;
            why[i] = "possessive before a family word (\"" + tokens[i + 1].key + "\")";
        }
        else if (i >= 2 && token_excluded[i - 1] &&
                 u.tempSubStringBetween(tokens[i - 1].end, t.begin).trim() == u"(")
        {
            name_strength[i] = 2;
            why[i] = "in brackets after a pseudonym: likely the real name";
        }
        else if (wordlike && !t.sentence_start && !heading)
        {
            name_strength[i] = 1;
            why[i] = "capitalised mid-sentence and a known name that is also a word";
        }
        else if (!t.sentence_start && !heading && !t.all_caps && has_diacritic(u, t))
        {
            name_strength[i] = 1;
            why[i] = "capitalised mid-sentence with letters outside English (a name?)";
        }
        else if (t.possessive && !t.sentence_start && !heading && !t.all_caps)
        {
            name_strength[i] = 1;
            why[i] = "capitalised possessive mid-sentence";
        }
    }
    // Unknown capitalised words next to a strong name belong to it.
    for (std::size_t i = 0; i < tokens.size(); ++i)
    {
        if (name_strength[i] != 2)
            continue;
        for (std::size_t k = i + 1; k < tokens.size() && k < i + 3; ++k)
        {
            if (name_strength[k] || !tokens[k].alpha || !tokens[k].capitalised ||
                token_excluded[k] || months_weekdays.count(tokens[k].key) ||
                tokens[k].sentence_start)
                break;
            if (u.tempSubStringBetween(tokens[k - 1].end, tokens[k].begin).trim().length() > 0)
                break;
            name_strength[k] = 2;
            why[k] = "capitalised word in a full name";
        }
    }
    for (std::size_t i = 0; i < tokens.size(); ++i)
    {
        if (!name_strength[i])
            continue;
        std::size_t last = i;
        int strength = name_strength[i];
        std::string reason = why[i];
        while (last + 1 < tokens.size() && name_strength[last + 1] &&
               u.tempSubStringBetween(tokens[last].end, tokens[last + 1].begin).trim().length() ==
                   0 &&
               !tokens[last].possessive)
        {
            ++last;
            strength = std::max(strength, name_strength[last]);
        }
        std::size_t first = i;
        // Include initials and a title: "J. Carter", "Dr Patel".
        while (
            first > 0 && tokens[first - 1].alpha && tokens[first - 1].capitalised &&
            !token_excluded[first - 1] &&
            (tokens[first - 1].end - tokens[first - 1].begin == 1 || is_title(first - 1) ||
             (tokens[first - 1].all_caps && tokens[first - 1].end - tokens[first - 1].begin <= 3 &&
              !roles.contains(tokens[first - 1]))))
            --first;
        // A professional: a role or a professional title before the name.
        bool professional = false;
        std::string role;
        if (first < i && is_title(first))
        {
            const std::string& tk = tokens[first].key;
            professional = !(is(tk, "mr") || is(tk, "mrs") || is(tk, "ms") || is(tk, "miss") ||
                             is(tk, "mx") || is(tk, "master"));
            role = tokens[first].key;
        }
        for (std::size_t back = 1; back <= 3 && first >= back && !professional; ++back)
            if (roles.match(tokens, first - back) == back)
            {
                professional = true;
                role =
                    fold(u.tempSubStringBetween(tokens[first - back].begin, tokens[first - 1].end));
            }
        const Span span{tokens[first].begin, tokens[last].end};
        const bool full = last > i || first < i;
        const Severity sev = strength == 2 ? Severity::Error : Severity::Warning;
        const double score = strength == 2 ? (full ? 0.95 : 0.85) : 0.5;
        Finding f =
            professional
                ? make(R::professional_name, score, "Named professional",
                       reason + "; after \"" + role + "\"",
                       "Use the role (\"the health visitor\", \"GP 1\")")
                : make(R::name, score, strength == 2 ? "Personal name" : "Possible personal name",
                       reason, "Replace with the pseudonym (\"Child A\", \"Mother\")");
        f.severity = sev; // a possible name is a warning
        hits.add(span, std::move(f));
        i = last;
    }

    // ---- keep the strongest of overlapping hits
    // Sorting indices gives the order sorting the hits would (the same
    // comparisons), without moving findings around.
    const std::vector<Hits::Hit>& all = hits.hits;
    std::vector<std::size_t> order(all.size());
    for (std::size_t k = 0; k < order.size(); ++k)
        order[k] = k;
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b)
              { return rank(all[a].f, all[a].priority) > rank(all[b].f, all[b].priority); });
    std::vector<std::size_t> kept;
    for (std::size_t x : order)
    {
        const Hits::Hit& h = all[x];
        bool clash = false;
        for (std::size_t y : kept)
        {
            const Hits::Hit& k = all[y];
            clash = clash ||
                    (overlaps(k.span, h.span) &&
                     (k.f.category == h.f.category || jigsaw_kinds().count(h.f.category) == 0 ||
                      jigsaw_kinds().count(k.f.category) == 0));
        }
        if (!clash)
            kept.push_back(x);
    }
    std::sort(kept.begin(), kept.end(),
              [&](std::size_t a, std::size_t b) { return all[a].span.begin < all[b].span.begin; });
    // Code-point offsets counted on from the previous finding's start (the
    // findings are in order), unless that start splits a surrogate pair.
    int32_t counted = 0;    // UTF-16 offset ...
    std::size_t points = 0; // ... and its code-point offset
    auto splits_pair = [&](int32_t k)
    { return k > 0 && k < ulen && U16_IS_LEAD(us[k - 1]) && U16_IS_TRAIL(us[k]); };
    for (std::size_t x : kept)
    {
        Finding& f = hits.hits[x].f;
        const Span span = hits.hits[x].span;
        f.where = p.where;
        f.paragraph = p.index;
        if (span.begin >= counted && !splits_pair(counted))
        {
            points += static_cast<std::size_t>(u.countChar32(counted, span.begin - counted));
            counted = span.begin;
        }
        else
        {
            points = cp(span.begin);
            counted = span.begin;
        }
        f.start = points;
        f.end = splits_pair(span.begin) ? cp(span.end)
                                        : points + static_cast<std::size_t>(u.countChar32(
                                                       span.begin, span.end - span.begin));
        u.tempSubStringBetween(span.begin, span.end).toUTF8String(f.text);
        if (f.fixes.empty())
            f.fixes = anonymisation_fixes(*find_rule(f.check), f.text);
        out.push_back(std::move(f));
    }
}

AnonymisationCheck::AnonymisationCheck(const std::string& data_dir) : impl_(new Impl)
{
    impl_->load(data_dir);
    // Every detector's own examples, checked on load: a data change that
    // breaks one is refused with a message naming the detector.
    for (const Example& e : impl_->examples)
    {
        Document doc;
        doc.add(Where::Body, e.text);
        std::vector<Finding> found;
        impl_->scan_paragraph(doc.paragraphs[0], icu::UnicodeString::fromUTF8(e.text), Lexicon(),
                              Lexicon(), {}, {}, found);
        bool matched = false;
        for (const Finding& f : found)
        {
            matched = matched || f.check == e.rule->id ||
                      (e.rule == &R::date && f.check == R::date_of_birth.id);
        }
        if (matched != e.should_match)
            throw DataError(data_dir + "/anonymisation.json: detector \"" + e.detector +
                            "\": example \"" + e.text + "\" " +
                            (e.should_match ? "is not found" : "is found but must not be"));
    }
}

AnonymisationCheck::~AnonymisationCheck() = default;

const std::vector<AnonymisationCheck::Example>& AnonymisationCheck::examples() const
{
    return impl_->examples;
}

std::vector<std::string> AnonymisationCheck::detectors_without_reach() const
{
    std::vector<std::string> out;
    for (const Detector& d : impl_->detectors)
        if (!impl_->reach_known.count(d.id))
            out.push_back(d.id);
    return out;
}

std::vector<Finding> AnonymisationCheck::run(const Document& doc,
                                             const AnonymisationOptions& options) const
{
    Lexicon allow, deny;
    for (const std::string& a : options.allow)
        allow.add(a);
    for (const std::string& d : options.deny)
        deny.add(d);
    // A clear-text register is hashed in memory like a stored one, so both
    // match the same way.
    const HashedRegister clear = HashedRegister::from_entries(options.register_entries);
    std::vector<const HashedRegister*> registers;
    if (!clear.empty())
        registers.push_back(&clear);
    if (options.hashed_register && !options.hashed_register->empty())
        registers.push_back(options.hashed_register);
    // Pseudonym heads: "Child" in "Child A", from the data and the register.
    std::map<std::string, std::string> pseudonyms;
    for (const char* p :
         {"child",   "sibling",     "adult",    "parent",      "baby",         "mother",
          "father",  "partner",     "carer",    "grandmother", "grandfather",  "uncle",
          "aunt",    "maternal",    "paternal", "grandparent", "stepparent",   "half-sibling",
          "brother", "sister",      "cousin",   "person",      "professional", "practitioner",
          "gp",      "officer",     "worker",   "visitor",     "teacher",      "nurse",
          "doctor",  "manager",     "family",   "household",   "stepfather",   "stepmother",
          "male",    "female",      "man",      "woman",       "boy",          "girl",
          "yp",      "agency",      "school",   "hospital",    "member",       "witness",
          "victim",  "perpetrator", "subject"})
        pseudonyms[p] = p;

    std::vector<Finding> out;
    // Each paragraph in UTF-16, converted once for the scan and the
    // pseudonym pass.
    std::vector<icu::UnicodeString> texts;
    texts.reserve(doc.paragraphs.size());
    for (const Paragraph& p : doc.paragraphs)
    {
        texts.push_back(utf16(p.text));
        impl_->scan_paragraph(p, texts.back(), allow, deny, registers, pseudonyms, out);
    }
    // What the document says about its own people and names.
    refine_findings(
        doc, read_document_context(doc), options,
        [this](const std::string& w)
        { return impl_->given.contains(w) || impl_->surnames.contains(w); },
        out);

    // ---- jigsaw: several quasi identifiers together
    std::map<std::pair<Where, std::size_t>, const Paragraph*> by_place;
    for (const Paragraph& p : doc.paragraphs)
        by_place[{p.where, p.index}] = &p;
    std::vector<Finding> jigsaw;
    auto add_jigsaw = [&](const Rule& rule, double score, const std::string& message,
                          const std::set<std::string>& kinds, const Paragraph& p,
                          const std::string& text)
    {
        std::string list;
        for (const std::string& k : kinds)
            list += (list.empty() ? "" : ", ") + k;
        Finding f(rule);
        f.score = score;
        f.message = message;
        f.explanation = "quasi identifiers combined: " + list;
        f.advice = "Keep only the details the learning needs; generalise the others";
        f.where = p.where;
        f.paragraph = p.index;
        f.end = static_cast<std::size_t>(icu::UnicodeString::fromUTF8(text).countChar32());
        f.text = text;
        jigsaw.push_back(std::move(f));
    };
    std::map<std::pair<Where, std::size_t>, std::set<std::string>> kinds_by_paragraph;
    for (const Finding& f : out)
        if (jigsaw_kinds().count(f.category))
            kinds_by_paragraph[{f.where, f.paragraph}].insert(f.category);
    for (const auto& [key, kinds] : kinds_by_paragraph)
        if (static_cast<int>(kinds.size()) >= impl_->jigsaw_paragraph && by_place.count(key))
            add_jigsaw(R::jigsaw, 0.8,
                       "Jigsaw risk: " + std::to_string(kinds.size()) +
                           " details in one paragraph could together identify the family",
                       kinds, *by_place[key], by_place[key]->text);
    // Per top-level section: its body paragraphs.
    for (const Section& s : compute_sections(doc))
    {
        if (s.level != 1)
            continue;
        std::set<std::string> kinds;
        for (const auto& [key, k] : kinds_by_paragraph)
            if (key.first == Where::Body && key.second >= s.paragraph && key.second < s.end)
                kinds.insert(k.begin(), k.end());
        if (static_cast<int>(kinds.size()) >= impl_->jigsaw_section &&
            by_place.count({Where::Body, s.paragraph}))
            add_jigsaw(R::jigsaw_section, 0.6,
                       "Jigsaw risk in section \"" + s.title +
                           "\": " + std::to_string(kinds.size()) +
                           " kinds of detail together could identify the family",
                       kinds, *by_place[{Where::Body, s.paragraph}], s.title);
    }

    // ---- pseudonym consistency: "Child A" vs "Child 1" vs "child a"
    struct Use
    {
        const Paragraph* p;
        int32_t begin, end;
        std::string form;
    };
    std::map<std::string, std::vector<Use>> uses;  // role -> uses in reading order
    std::map<std::string, std::size_t> introduced; // folded pseudonym -> use index
    UErrorCode status = U_ZERO_ERROR;
    static const std::unique_ptr<icu::RegexPattern> pseudo(icu::RegexPattern::compile(
        u"\\b(child|sibling|adult|parent|baby|young person|half-sibling|partner|carer)[ "
        u"\\u00a0]([A-Za-z]|[0-9]{1,2})\\b",
        UREGEX_CASE_INSENSITIVE, status));
    static const std::unique_ptr<icu::RegexPattern> intro(
        icu::RegexPattern::compile(u"(?:referred to as|known as|called|hereafter|anonymised as)[ "
                                   u"\\u00a0]+[\"'\\u2018\\u201c]?$|[(\\[][\"'\\u2018\\u201c]?$",
                                   UREGEX_CASE_INSENSITIVE, status));
    // One pass over the text: every role-and-letter form in reading order.
    struct Raw
    {
        const Paragraph* p;
        int32_t begin, end;
        std::string form, role;
        bool lower_id, capitalised, introduced;
    };
    std::vector<Raw> raws;
    std::set<std::string> capitalised_forms; // "Child A" written so somewhere
    // Only where a head word starts can a match start: no character outside
    // ASCII folds to the heads' letters but the long s.
    std::unique_ptr<icu::RegexMatcher> m(pseudo->matcher(status));
    std::unique_ptr<icu::RegexMatcher> im(intro->matcher(status));
    if (m)
    {
        m->useTransparentBounds(true);
        m->useAnchoringBounds(false);
    }
    std::vector<Span> windows;
    for (std::size_t pi = 0; pi < doc.paragraphs.size(); ++pi)
    {
        const Paragraph& p = doc.paragraphs[pi];
        if (p.where != Where::Body && p.where != Where::Table && p.where != Where::Footnote)
            continue;
        const icu::UnicodeString& u = texts[pi];
        const UChar* const us = u.getBuffer();
        const int32_t ulen = u.length();
        windows.clear();
        // As before the windows: a paragraph is searched only when it holds
        // a head word in plain letters.
        bool plain_head = false;
        for (int32_t i = 0; i < ulen; ++i)
        {
            // The heads that start with this letter: a, b, c, h, p, s, y
            // in either case, or the long s.
            constexpr uint32_t head_letters = (1u << 0) | (1u << 1) | (1u << 2) | (1u << 7) |
                                              (1u << 15) | (1u << 18) | (1u << 24);
            const UChar first = us[i] < 0x80 ? (us[i] | 0x20) : us[i];
            if (first < u'a' || (first <= u'z' && !((head_letters >> (first - u'a')) & 1u)) ||
                (first > u'z' && first != 0x017F))
                continue;
            const char* heads[2] = {nullptr, nullptr};
            switch (first)
            {
            case u'c':
                heads[0] = "child", heads[1] = "carer";
                break;
            case u's':
            case 0x017F:
                heads[0] = "sibling";
                break;
            case u'a':
                heads[0] = "adult";
                break;
            case u'p':
                heads[0] = "parent", heads[1] = "partner";
                break;
            case u'b':
                heads[0] = "baby";
                break;
            case u'y':
                heads[0] = "young person";
                break;
            case u'h':
                heads[0] = "half-sibling";
                break;
            default:
                continue;
            }
            // After an ASCII letter or digit there is no \b, so no match
            // starts here (the head still counts for plain_head).
            const bool boundary =
                i == 0 || !((us[i - 1] >= u'0' && us[i - 1] <= u'9') ||
                            ((us[i - 1] | 0x20) >= u'a' && (us[i - 1] | 0x20) <= u'z'));
            for (const char* h : heads)
            {
                if (!h)
                    break;
                int32_t k = 0;
                bool plain = true;
                while (h[k] && i + k < ulen &&
                       (us[i + k] == h[k] ||
                        (h[k] >= 'a' && us[i + k] < 0x80 && (us[i + k] | 0x20) == h[k]) ||
                        (h[k] == 's' && us[i + k] == 0x017F)))
                {
                    plain = plain && us[i + k] < 0x80;
                    ++k;
                }
                if (h[k])
                    continue;
                plain_head = plain_head || plain;
                // A match goes on with one space and a letter or digit (or
                // a character outside ASCII, which may fold into [A-Za-z]).
                const int32_t after = i + k;
                if (!boundary || after + 1 >= ulen || (us[after] != u' ' && us[after] != 0xA0) ||
                    (us[after + 1] < 0x80 &&
                     !((us[after + 1] >= u'0' && us[after + 1] <= u'9') ||
                       ((us[after + 1] | 0x20) >= u'a' && (us[after + 1] | 0x20) <= u'z'))))
                    continue;
                const int32_t end = std::min(ulen, i + k + 4);
                if (!windows.empty() && i <= windows.back().end)
                    windows.back().end = std::max(windows.back().end, end);
                else
                    windows.push_back({i, end});
            }
        }
        if (!plain_head || !m || !im)
            continue;
        m->reset(u);
        for (const Span& w : windows)
        {
            m->region(w.begin, w.end, status);
            while (U_SUCCESS(status) && m->find(status))
            {
                Raw r{&p, m->start(status), m->end(status), {}, {}, false, false, false};
                m->group(status).toUTF8String(r.form);
                m->group(1, status).toUTF8String(r.role);
                r.role = fold(r.role);
                const icu::UnicodeString id = m->group(2, status);
                r.lower_id = id.length() == 1 && u_islower(id[0]);
                r.capitalised = u_isupper(m->group(1, status).char32At(0)) && !r.lower_id;
                if (r.capitalised)
                    capitalised_forms.insert(fold(r.form));
                const icu::UnicodeString lead =
                    u.tempSubStringBetween(std::max(0, r.begin - 24), r.begin);
                if (may_introduce(lead))
                {
                    im->reset(lead);
                    r.introduced = U_SUCCESS(status) && im->find(status);
                }
                raws.push_back(std::move(r));
            }
        }
    }
    for (Raw& r : raws)
    {
        // "child a" is prose as often as a pseudonym ("a child a year"): it
        // counts only where "Child A" is used elsewhere.
        if (r.lower_id && !capitalised_forms.count(fold(r.form)))
            continue;
        if (r.introduced && !introduced.count(fold(r.form)))
            introduced[fold(r.form)] = uses[r.role].size();
        uses[r.role].push_back(Use{r.p, r.begin, r.end, r.form});
    }
    auto consistency = [&](const Use& use, const Rule& rule, const std::string& message,
                           const std::string& explanation)
    {
        Finding f(rule);
        f.score = 0.7;
        f.message = message;
        f.explanation = explanation;
        f.advice = "Use one form of the pseudonym throughout";
        f.where = use.p->where;
        f.paragraph = use.p->index;
        const icu::UnicodeString& u =
            texts[static_cast<std::size_t>(use.p - doc.paragraphs.data())];
        f.start = static_cast<std::size_t>(u.countChar32(0, use.begin));
        f.end = static_cast<std::size_t>(u.countChar32(0, use.end));
        f.text = use.form;
        jigsaw.push_back(std::move(f));
    };
    for (const auto& [role, list] : uses)
    {
        std::map<std::string, int> forms;
        int letters = 0, numbers = 0;
        for (const Use& use : list)
        {
            ++forms[use.form];
            (u_isdigit(use.form.back()) ? numbers : letters)++;
        }
        std::string canonical;
        int best = 0;
        for (const auto& [form, n] : forms)
            if (n > best)
                best = n, canonical = form;
        const bool numbers_minor = numbers > 0 && letters > 0 && numbers <= letters;
        for (std::size_t k = 0; k < list.size(); ++k)
        {
            const Use& use = list[k];
            const bool is_number = u_isdigit(static_cast<UChar32>(use.form.back()));
            if (letters > 0 && numbers > 0 && is_number == numbers_minor)
                consistency(use, R::pseudonym_scheme,
                            "Pseudonym written two ways: \"" + use.form + "\" and \"" + canonical +
                                "\"",
                            "the same role is numbered in some places and lettered in others");
            else if (use.form != canonical && fold(use.form) == fold(canonical))
                consistency(use, R::pseudonym_case,
                            "Pseudonym in a different case: \"" + use.form + "\", elsewhere \"" +
                                canonical + "\"",
                            "the same pseudonym in different letter case");
            const auto intro_at = introduced.find(fold(use.form));
            if (intro_at != introduced.end() && k < intro_at->second)
                consistency(use, R::pseudonym_before_introduction,
                            "\"" + use.form + "\" is used before it is introduced",
                            "the pseudonym is introduced later in the report");
        }
    }
    out.insert(out.end(), std::make_move_iterator(jigsaw.begin()),
               std::make_move_iterator(jigsaw.end()));
    return out;
}

std::vector<RegisterEntry> load_register(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw DataError(path + ": cannot open the register");
    std::stringstream ss;
    ss << in.rdbuf();
    return parse_register(ss.str(), path);
}

std::vector<RegisterEntry> parse_register(const std::string& text, const std::string& path)
{
    std::vector<RegisterEntry> out;
    const std::size_t first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (first != std::string::npos && (text[first] == '[' || text[first] == '{'))
    {
        const pt::ptree root = parse_json_data(text, path);
        const pt::ptree& list =
            root.get_child_optional("entries") ? root.get_child("entries") : root;
        std::size_t n = 0;
        for (const auto& [k, node] : list)
        {
            ++n;
            RegisterEntry r{node.get<std::string>("real", ""),
                            node.get<std::string>("pseudonym", ""),
                            node.get<std::string>("kind", "")};
            if (r.real.find_first_not_of(" \t") == std::string::npos)
                throw DataError(path + ": entry " + std::to_string(n) + ": missing \"real\"");
            out.push_back(std::move(r));
        }
        return out;
    }
    // CSV: real,pseudonym[,kind]; quotes allowed; a header line is skipped.
    std::istringstream lines(text);
    std::string line;
    std::size_t number = 0;
    while (std::getline(lines, line))
    {
        ++number;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.find_first_not_of(" \t,") == std::string::npos || line[0] == '#')
            continue;
        std::vector<std::string> cells(1);
        bool quoted = false;
        for (std::size_t i = 0; i < line.size(); ++i)
        {
            const char c = line[i];
            if (c == '"')
            {
                if (quoted && i + 1 < line.size() && line[i + 1] == '"')
                    cells.back() += '"', ++i;
                else
                    quoted = !quoted;
            }
            else if (c == ',' && !quoted)
                cells.emplace_back();
            else
                cells.back() += c;
        }
        if (number == 1 && fold(cells[0]) == "real")
            continue;
        RegisterEntry r{cells[0], cells.size() > 1 ? cells[1] : "",
                        cells.size() > 2 ? cells[2] : ""};
        if (r.real.find_first_not_of(" \t") == std::string::npos)
            throw DataError(path + ": line " + std::to_string(number) + ": empty real identifier");
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace scrqm

namespace scrqm
{
std::string register_to_json(const std::vector<RegisterEntry>& entries)
{
    JsonWriter w;
    w.begin_array();
    for (const RegisterEntry& r : entries)
        w.begin_object()
            .member("real", r.real)
            .member("pseudonym", r.pseudonym)
            .member("kind", r.kind)
            .end_object();
    w.end_array();
    return w.take();
}
} // namespace scrqm
