#include "words.hxx"

#include "internal.hxx"

#include <scrqm/text.hxx>

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>

namespace scrqm::anonymisation::words
{

// fold() for the common case of plain ASCII (most words of an English
// report): the same key, without ICU's normalisation.
std::string key_of(const std::string& s)
{
    std::string out;
    out.reserve(s.size());
    for (char ch : s)
    {
        if (static_cast<unsigned char>(ch) >= 0x80)
            return fold(s);
        out += (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
    }
    return out;
}

std::string key_of(const icu::UnicodeString& u)
{
    std::string out;
    out.reserve(static_cast<std::size_t>(u.length()));
    for (int32_t i = 0; i < u.length(); ++i)
    {
        const char16_t c = u[i];
        if (c >= 0x80)
        {
            std::string s;
            u.toUTF8String(s);
            return key_of(s);
        }
        out += (c >= u'A' && c <= u'Z') ? static_cast<char>(c - u'A' + 'a') : static_cast<char>(c);
    }
    return out;
}

// The words of a text (letters, digits, ' and -), as UTF-8.
std::vector<std::string> words_of(const icu::UnicodeString& u)
{
    std::vector<std::string> out;
    int32_t i = 0;
    while (i < u.length())
    {
        while (i < u.length() && !u_isalnum(u.char32At(i)))
            i = u.moveIndex32(i, 1);
        int32_t j = i;
        while (j < u.length() &&
               (u_isalnum(u.char32At(j)) || u[j] == u'\'' || u[j] == 0x2019 || u[j] == u'-'))
            j = u.moveIndex32(j, 1);
        if (j > i)
        {
            std::string w;
            u.tempSubStringBetween(i, j).toUTF8String(w);
            out.push_back(w);
        }
        i = j;
    }
    return out;
}

// The same for UTF-8 text, without ICU when it is plain ASCII (a name's
// span nearly always is).
std::vector<std::string> words_of(const std::string& s)
{
    if (std::any_of(s.begin(), s.end(), [](char ch) { return (ch & 0x80) != 0; }))
        return words_of(icu::UnicodeString::fromUTF8(s));
    auto alnum = [](char ch)
    { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'); };
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < s.size())
    {
        while (i < s.size() && !alnum(s[i]))
            ++i;
        std::size_t j = i;
        while (j < s.size() && (alnum(s[j]) || s[j] == '\'' || s[j] == '-'))
            ++j;
        if (j > i)
            out.push_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

bool all_caps(const std::string& word)
{
    if (std::none_of(word.begin(), word.end(), [](char ch) { return (ch & 0x80) != 0; }))
    {
        bool letters = false;
        for (char ch : word)
        {
            if (ch >= 'a' && ch <= 'z')
                return false;
            letters = letters || (ch >= 'A' && ch <= 'Z');
        }
        return letters;
    }
    return anonymisation::in_capitals(word);
}

std::string strip_possessive(std::string folded)
{
    for (const char* s : {"'s", "\xe2\x80\x99s", "'"})
    {
        const std::size_t n = std::char_traits<char>::length(s);
        if (folded.size() > n && folded.compare(folded.size() - n, n, s) == 0)
            return folded.substr(0, folded.size() - n);
    }
    return folded;
}

bool is_title(const std::string& folded)
{
    static const char* const titles[] = {
        "mr",     "mrs",        "ms",   "miss", "mx", "dr",  "prof", "professor",
        "master", "sir",        "dame", "di",   "ds", "dc",  "pc",   "dci",
        "cllr",   "councillor", "revd", "rev",  "rt", "hon", "the"};
    return std::any_of(std::begin(titles), std::end(titles),
                       [&](const char* t) { return folded == t; });
}

bool is_pseudonym_head(const std::string& folded)
{
    static const char* const heads[] = {
        "child",  "baby",   "adult",  "subject", "family",      "sibling", "person",      "young",
        "infant", "mother", "father", "victim",  "perpetrator", "case",    "service user"};
    return std::any_of(std::begin(heads), std::end(heads),
                       [&](const char* t) { return folded == t; });
}

// "Mr C", "Ms M", "Mr SF", "Subject A", "Adult R", "Child 1": the reviews'
// own pseudonym conventions.
bool conventional_pseudonym(const std::vector<std::string>& w)
{
    if (w.size() < 2 || w.size() > 4)
        return false;
    const std::string head = key_of(w[0]);
    // "Mr J.B." is "Mr JB": initials with full stops are read as words.
    std::string id;
    for (std::size_t k = 1; k < w.size(); ++k)
        id += strip_possessive(w[k]);
    if (w.size() > 2 &&
        !std::all_of(w.begin() + 1, w.end(), [](const std::string& x) { return x.size() == 1; }))
        return false;
    const bool letters = id.size() <= 3 && all_caps(id);
    const bool number = !id.empty() && std::all_of(id.begin(), id.end(),
                                                   [](char ch) { return ch >= '0' && ch <= '9'; });
    return (is_title(head) || is_pseudonym_head(head)) && (letters || number);
}

// The word after [end) and before [start) in the paragraph, folded.
// The word right after `end`, unless punctuation ends the phrase first
// ("...Nursery School. Health visitor").
std::string next_word(const icu::UnicodeString& u, int32_t end)
{
    int32_t i = end;
    while (i < u.length() && (u[i] == u' ' || u[i] == 0xA0))
        ++i;
    if (i == end && i < u.length() && u[i] != u'\'' && u[i] != 0x2019)
        return {};
    if (i >= u.length() || !u_isalnum(u.char32At(i)))
        return {};
    int32_t j = i;
    while (j < u.length() && j < i + 40 &&
           (u_isalnum(u.char32At(j)) || u[j] == u'\'' || u[j] == 0x2019 || u[j] == u'-'))
        j = u.moveIndex32(j, 1);
    return key_of(u.tempSubStringBetween(i, j));
}

// Words in a text, counted without copying them, up to `most` (the callers
// only ask whether a line is short).
std::size_t count_words(const icu::UnicodeString& u, std::size_t most)
{
    std::size_t n = 0;
    bool in = false;
    for (int32_t i = 0; i < u.length() && n <= most; ++i)
    {
        // u_isspace's answer for ASCII, without the call.
        const char16_t c = u[i];
        const bool space =
            c < 0x80 ? (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x20) : u_isspace(c);
        n += !space && !in;
        in = !space;
    }
    return n;
}

std::string previous_word(const icu::UnicodeString& u, int32_t start)
{
    const int32_t from = std::max(0, start - 30);
    // ASCII: the last word of the window read backwards, as words_of would
    // cut it (a word starts at a letter or digit and takes ' and - after it).
    bool ascii = true;
    for (int32_t k = from; k < start && ascii; ++k)
        ascii = u[k] < 0x80;
    if (ascii)
    {
        auto alnum = [](char16_t c) {
            return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
        };
        auto part = [&](char16_t c) { return alnum(c) || c == u'\'' || c == u'-'; };
        int32_t j = start;
        for (;;)
        {
            while (j > from && !part(u[j - 1]))
                --j;
            if (j == from)
                return {};
            int32_t k = j;
            while (k > from && part(u[k - 1]))
                --k;
            int32_t w = k;
            while (w < j && !alnum(u[w]))
                ++w;
            if (w < j)
                return key_of(u.tempSubStringBetween(w, j));
            j = k;
        }
    }
    const std::vector<std::string> w = words_of(u.tempSubStringBetween(from, start));
    return w.empty() ? std::string() : key_of(w.back());
}

bool one_of(const std::string& w, std::initializer_list<const char*> list)
{
    // The first letter rules out nearly every entry without a full compare.
    return !w.empty() && std::any_of(list.begin(), list.end(),
                                     [&](const char* x) { return w[0] == x[0] && w == x; });
}

// A short, title-case line with no full stop: a heading or a contents entry.
bool heading_like(const Paragraph& p, const icu::UnicodeString& u)
{
    if (p.outline_level > 0)
        return true;
    if (count_words(u, 10) > 10)
        return false;
    const std::vector<std::string> w = words_of(u);
    if (w.empty() || p.text.find(". ") != std::string::npos ||
        (!p.text.empty() && p.text.back() == '.'))
        return false;
    std::size_t capitalised = 0;
    for (const std::string& x : w)
        capitalised += !x.empty() && !std::islower(static_cast<unsigned char>(x[0]));
    return capitalised * 4 >= w.size() * 3;
}

} // namespace scrqm::anonymisation::words
