// Where a detector's pattern can match, so that its regex runs only there.
// Each reach below was worked out by hand from the pattern it names (kept
// as a hash of the pattern text): every match of that pattern lies inside
// the reach's windows, so searching only the windows (with transparent
// bounds, so lookarounds and \b see past them) finds exactly the matches a
// search of the whole paragraph finds, in the same order. A changed pattern
// loses its reach and falls back to DigitRuns or the whole paragraph; a unit
// test fails until the table is updated.
#include "internal.hxx"

#include <algorithm>

namespace scrqm::anonymisation
{

namespace
{

// The run tests: the run of digits holding a match's first digit (that
// digit starts the run in each pattern below).

bool upper_at(const UChar* s, int32_t k)
{
    return k >= 0 && s[k] >= u'A' && s[k] <= u'Z';
}
// "LS11", "AB12 CDE": a capital letter just before the digit.
bool after_capital(const UChar* s, int32_t, int32_t begin, int32_t)
{
    return upper_at(s, begin - 1);
}
// A postcode as above, or "GIR 0AA"; in either case ("nm4 7qt" is written).
bool postcode_run(const UChar* s, int32_t, int32_t begin, int32_t)
{
    auto letter_at = [s](int32_t k)
    { return upper_at(s, k) || (k >= 0 && s[k] >= u'a' && s[k] <= u'z'); };
    return letter_at(begin - 1) ||
           (begin >= 2 && s[begin - 1] == u' ' && (s[begin - 2] == u'R' || s[begin - 2] == u'r'));
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

// "2016-09-14": a year of four digits (the whole run) and a hyphen.
bool year_run(const UChar* s, int32_t n, int32_t begin, int32_t end)
{
    return end - begin == 4 && end < n && s[end] == u'-';
}
// "just 13": an age of one or two digits (the whole run).
bool short_run(const UChar*, int32_t, int32_t begin, int32_t end)
{
    return end - begin <= 2;
}
// "no. 31247/20": three to six digits (the whole run) and a slash.
bool court_run(const UChar* s, int32_t n, int32_t begin, int32_t end)
{
    return end - begin >= 3 && end - begin <= 6 && end < n && s[end] == u'/';
}

// before: the most code units from a match's start to its first digit;
// after: the most from that digit to the match's end; both with a margin.
constexpr ReachRule kReach[] = {
    {"postcode", 0x9899f7dbd25063fe, Reach::NearDigits, 6, 10, postcode_run},
    {"postcode-district", 0xb2440e768a1131c6, Reach::NearDigits, 4, 4, after_capital},
    {"phone", 0xfa1e1ebfbd5a7dee, Reach::NearDigits, 4, 26, phone_run},
    {"email", 0xc8ee27f880f86c93, Reach::Paragraph, 0, 0},
    {"url", 0xd40d42f9bd4ec910, Reach::Paragraph, 0, 0},
    {"social-handle", 0x64d6eff2cb141ead, Reach::Paragraph, 0, 0},
    {"username", 0xfb25fd1d25fbbdf4, Reach::Paragraph, 0, 0},
    {"nhs-number", 0xf85075a501aac1cd, Reach::NearDigits, 2, 14, nhs_run},
    {"ni-number", 0xe8f768a2e7d6babe, Reach::NearDigits, 5, 12, ni_run},
    {"reference-number", 0x21ebb58dbc830248, Reach::CodeRuns, 0, 0},
    {"labelled-number", 0x62c800b2cb25eacb, Reach::Labelled, 0, 0},
    {"vehicle-registration", 0xc4efa3842b20a7bb, Reach::NearDigits, 4, 8, after_capital},
    // "number plate number: " and two letters before the digits.
    {"vehicle-registration-labelled", 0x60cad36c3b379a45, Reach::NearDigits, 26, 4, nullptr},
    {"vehicle-registration-prefix", 0xb464865a00756434, Reach::NearDigits, 1, 4, after_capital},
    {"ward", 0xda206c322f192b9b, Reach::NearDigits, 7, 6, ward_run},
    {"welsh-institution", 0xa022fdfc42a39f5a, Reach::Paragraph, 0, 0},
    // Two words of unbounded length after the number: the 48-unit windows stay.
    {"welsh-address", 0x02c618c72a295656, Reach::DigitRuns, 0, 0},
    {"welsh-street", 0x308b075d7047b6d3, Reach::Paragraph, 0, 0},
    {"date-numeric", 0xdc391e29496ff1c3, Reach::NearDigits, 2, 12, numeric_date_run},
    // "Wednesday, September 14th": the day is up to 22 units in.
    {"date-text", 0x666b6e6b08bddc76, Reach::NearDigits, 26, 28, day_run},
    {"date-iso", 0x0f5da41da647b80e, Reach::NearDigits, 0, 8, year_run},
    // The day starts the match; "-Sept-1988" after it.
    {"date-day-month-abbreviated", 0x7e30e8fdbc620773, Reach::NearDigits, 0, 10, short_run},
    // A month's name before the year: gated by its cue word ("born").
    {"born-month-year", 0x96044d150e828610, Reach::Paragraph, 0, 0},
    // "aged only" and three spaces before the age's one or two digits.
    {"age-just", 0x6f0207f6db98e046, Reach::NearDigits, 14, 1, short_run},
    // "MARAC", a separator, "reference." and three spaces before the first
    // digits; a separator and seven digits after them.
    {"agency-reference", 0x1bfdcf01e719cb67, Reach::NearDigits, 22, 10, nullptr},
    {"court-number", 0xd9decf1bdad74ed4, Reach::NearDigits, 0, 6, court_run},
    {"age", 0x456fa98bf77fe552, Reach::AgeWords, 0, 0},
    // Words, not digits: from each ordinal word; gated by its cue words.
    {"date-ordinal-words", 0x727d394d87c7e1b0, Reach::OrdinalDays, 0, 0},
    {"age-was-words", 0x4131bf42cb37ae60, Reach::Paragraph, 0, 0},
    // "died ... at four months": words, not digits; gated by its cue words.
    {"age-died-at", 0x578e485bbe96139f, Reach::Paragraph, 0, 0},
};

uint64_t fnv1a(const std::string& s)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : s)
        h = (h ^ c) * 0x100000001b3ULL;
    return h;
}

} // namespace

const ReachRule* find_reach(const std::string& id, const std::string& pattern_key)
{
    const ReachRule* found = nullptr;
    for (const ReachRule& r : kReach)
        if (id == r.id && fnv1a(pattern_key) == r.pattern_hash)
            found = &r;
    return found;
}

void ReachWindows::find(Reach reach, int32_t before, int32_t after, RunTest run_test,
                        std::vector<Span>& windows)
{
    windows.clear();
    switch (reach)
    {
    case Reach::Paragraph:
        windows.push_back({0, ulen_});
        break;
    case Reach::DigitRuns:
        if (digit_windows_.empty())
            make_digit_windows();
        windows = digit_windows_;
        break;
    case Reach::NearDigits:
        for (const Span& r : digit_runs_)
            if (!run_test || run_test(us_, ulen_, r.begin, r.end))
                add(windows, r.begin - before, r.end + after);
        break;
    case Reach::Labelled:
        labelled(windows);
        break;
    case Reach::CodeRuns:
        code_runs(windows);
        break;
    case Reach::AgeWords:
        age_words(windows);
        break;
    case Reach::OrdinalDays:
        ordinal_days(windows);
        break;
    }
}

// Windows of 48 code units either side of each run of digits, merged. A
// window covers the digits up to 48 units before its end, which need no
// window of their own.
void ReachWindows::make_digit_windows()
{
    int32_t next = 0; // the first digit that needs a window
    for (const Span& r : digit_runs_)
        for (int32_t k = std::max(r.begin, next); k < r.end; k = next)
        {
            const int32_t begin = std::max(0, k - 48);
            int32_t end = k + 1;
            while (end < ulen_ && end - k < 16 && us_[end] != u' ' && us_[end] != u'\n')
                ++end;
            end = std::min(ulen_, end + 48);
            if (!digit_windows_.empty() && begin <= digit_windows_.back().end)
                digit_windows_.back().end = std::max(digit_windows_.back().end, end);
            else
                digit_windows_.push_back({begin, end});
            next = end - 48 > k ? end - 48 : k + 1;
        }
}

void ReachWindows::add(std::vector<Span>& w, int32_t begin, int32_t end) const
{
    begin = std::max(0, begin);
    end = std::min(ulen_, end);
    if (!w.empty() && begin <= w.back().end)
        w.back().end = std::max(w.back().end, end);
    else
        w.push_back({begin, end});
}

// Case-sensitive search for an ASCII literal in us[from, to).
bool ReachWindows::contains_ascii(int32_t from, int32_t to, const char* word) const
{
    const int32_t len = static_cast<int32_t>(std::char_traits<char>::length(word));
    for (int32_t i = std::max(0, from); i + len <= to; ++i)
    {
        int32_t k = 0;
        while (k < len && us_[i + k] == static_cast<UChar>(word[k]))
            ++k;
        if (k == len)
            return true;
    }
    return false;
}

// "(?<=label[: ]{1,2})[A-Z]{0,4}[0-9][A-Z0-9/\-]{3,}": a match starts at
// most 4 units before its first digit, which starts a run; its label word
// (number, no., ID, ref.) ends 1 or 2 units before the match, so within 14
// units before the digit; the match ends where the code's characters end.
void ReachWindows::labelled(std::vector<Span>& windows) const
{
    for (const Span& r : digit_runs_)
    {
        const int32_t from = r.begin - 14;
        if (!contains_ascii(from, r.begin, "number") && !contains_ascii(from, r.begin, "no") &&
            !contains_ascii(from, r.begin, "ID") && !contains_ascii(from, r.begin, "ref"))
            continue;
        int32_t end = r.begin + 1;
        while (end < ulen_ &&
               ((us_[end] >= u'A' && us_[end] <= u'Z') || (us_[end] >= u'0' && us_[end] <= u'9') ||
                us_[end] == u'/' || us_[end] == u'-'))
            ++end;
        add(windows, r.begin - 4, end);
    }
}

// Every match ends in a run of [A-Z0-9/-] that holds a digit:
// "AB/2016/0456" and "12/3456/78" lie inside the run; a labelled code
// ("crime reference: 12/3456", "case no. AB123") starts the run, after
// spaces, colons or "no." that follow the label of at most 15 units (CRN,
// crime reference, ref., case number, log).
void ReachWindows::code_runs(std::vector<Span>& windows) const
{
    auto code = [&](int32_t k)
    {
        const UChar c = us_[k];
        return (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'/' || c == u'-';
    };
    for (std::size_t r = 0; r < digit_runs_.size(); ++r)
    {
        int32_t begin = digit_runs_[r].begin, end = digit_runs_[r].end;
        while (begin > 0 && code(begin - 1))
            --begin;
        while (end < ulen_ && code(end))
            ++end;
        while (r + 1 < digit_runs_.size() && digit_runs_[r + 1].begin < end)
            ++r;
        int32_t label_end = begin;
        while (label_end > 0 && (us_[label_end - 1] == u' ' || us_[label_end - 1] == u':' ||
                                 us_[label_end - 1] == u'.' || us_[label_end - 1] == u'n' ||
                                 us_[label_end - 1] == u'o'))
            --label_end;
        // An unlabelled code has a / or -; every label holds CRN, ref, case
        // or log, which the skipped characters cannot have eaten.
        bool separator = false;
        for (int32_t k = begin; k < end && !separator; ++k)
            separator = us_[k] == u'/' || us_[k] == u'-';
        if (!separator && !contains_ascii(label_end - 16, label_end, "CRN") &&
            !contains_ascii(label_end - 16, label_end, "ref") &&
            !contains_ascii(label_end - 16, label_end, "case") &&
            !contains_ascii(label_end - 16, label_end, "log"))
            continue;
        add(windows, label_end - 16, end);
    }
}

// A match starts at "age" ("aged 2", "age of 3") or ends at "old" ("17
// months old", at most 36 units before it); no character outside ASCII
// folds to a, g, e, o, l or d. "age" starts a word (no \b after an ASCII
// letter or digit) and a space or "d" follows it; "old" follows a space or
// "-" and ends a word.
void ReachWindows::age_words(std::vector<Span>& windows) const
{
    std::vector<Span> raw;
    auto ascii_word = [&](int32_t k)
    {
        return k >= 0 && k < ulen_ &&
               ((us_[k] >= u'0' && us_[k] <= u'9') ||
                ((us_[k] | 0x20) >= u'a' && (us_[k] | 0x20) <= u'z'));
    };
    for (int32_t i = 0; i + 3 <= ulen_; ++i)
    {
        if ((us_[i] | 0x20) != u'a' && (us_[i] | 0x20) != u'o')
            continue;
        const UChar a = us_[i] | 0x20, b = us_[i + 1] | 0x20, c = us_[i + 2] | 0x20;
        if (us_[i] < 0x80 && us_[i + 1] < 0x80 && us_[i + 2] < 0x80)
        {
            if (a == u'a' && b == u'g' && c == u'e')
            {
                if (!ascii_word(i - 1) && i + 3 < ulen_ &&
                    (us_[i + 3] == u' ' || (us_[i + 3] | 0x20) == u'd'))
                    raw.push_back({i, i + 48});
            }
            else if (a == u'o' && b == u'l' && c == u'd')
            {
                if (i > 0 && (us_[i - 1] == u' ' || us_[i - 1] == u'-') && !ascii_word(i + 3))
                    raw.push_back({i - 36, i + 4});
            }
        }
    }
    std::sort(raw.begin(), raw.end(),
              [](const Span& x, const Span& y) { return x.begin < y.begin; });
    for (const Span& r : raw)
        add(windows, r.begin, r.end);
}

// A match starts at "the " or at an ordinal word (lower case, as the pattern
// has it): a word of 5 to 11 letters from f, s, t, e or n that ends in
// "st", "nd", "rd" or "th" ("first" ... "thirtieth"), or "twenty-" and
// "thirty-". The rest ("twenty-seventh of September, 2019") is under 48
// units. One look at each word: a list of 23 words to compare cost more.
void ReachWindows::ordinal_days(std::vector<Span>& windows) const
{
    auto lower = [&](int32_t k) { return k >= 0 && k < ulen_ && us_[k] >= u'a' && us_[k] <= u'z'; };
    for (int32_t i = 0; i < ulen_; ++i)
    {
        if (!lower(i) || lower(i - 1) || (i > 0 && us_[i - 1] == u'-'))
            continue;
        int32_t end = i;
        while (lower(end))
            ++end;
        const UChar c = us_[i];
        const int32_t n = end - i;
        if ((c == u'f' || c == u's' || c == u't' || c == u'e' || c == u'n') && n >= 5 && n <= 11)
        {
            const UChar a = us_[end - 2], b = us_[end - 1];
            const bool ordinal_end = (a == u's' && b == u't') || (a == u'n' && b == u'd') ||
                                     (a == u'r' && b == u'd') || (a == u't' && b == u'h');
            const bool tens =
                n == 6 && end < ulen_ && us_[end] == u'-' &&
                (contains_ascii(i, end, "twenty") || contains_ascii(i, end, "thirty"));
            if (ordinal_end || tens)
                add(windows, i - 4, end + 44);
        }
        i = end;
    }
}

} // namespace scrqm::anonymisation
