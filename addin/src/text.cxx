#include <scrqm/text.hxx>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

namespace scrqm
{

namespace
{

bool is_apostrophe(UChar32 c)
{
    return c == u'\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC;
}

bool is_hyphen(UChar32 c)
{
    return c == u'-' || c == 0x2010 || c == 0x2011;
}

// ICU's character classes, answered inline for ASCII (the same answers:
// no ASCII character is titlecase or a mark).
bool ascii_letter(UChar32 c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}
bool ascii_digit(UChar32 c)
{
    return c >= u'0' && c <= u'9';
}
char ascii_lower(UChar c)
{
    return static_cast<char>(c >= u'A' && c <= u'Z' ? c + 32 : c);
}
bool is_alnum(UChar32 c)
{
    return c < 0x80 ? ascii_letter(c) || ascii_digit(c) : u_isalnum(c);
}
bool is_alpha(UChar32 c)
{
    return c < 0x80 ? ascii_letter(c) : u_isalpha(c);
}
bool is_digit(UChar32 c)
{
    return c < 0x80 ? ascii_digit(c) : u_isdigit(c);
}
bool is_lower(UChar32 c)
{
    return c < 0x80 ? c >= u'a' && c <= u'z' : u_islower(c);
}
bool is_upper_or_title(UChar32 c)
{
    return c < 0x80 ? c >= u'A' && c <= u'Z' : u_isupper(c) || u_istitle(c);
}
bool is_mark(UChar32 c)
{
    return c >= 0x80 && u_charType(c) == U_NON_SPACING_MARK;
}

} // namespace

std::string fold(const icu::UnicodeString& text)
{
    // ASCII fast path: most words need nothing but lower-casing.
    std::string out;
    out.reserve(static_cast<std::size_t>(text.length()));
    bool ascii = true, spaces = false;
    const UChar* const buffer = text.getBuffer();
    for (int32_t i = 0; i < text.length(); ++i)
    {
        const UChar c = buffer[i];
        if (c >= 0x80)
        {
            ascii = false;
            break;
        }
        spaces = spaces || c == ' ' || c == '\t' || c == '\n' || c == '\r';
        out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    if (ascii && !spaces)
        return out; // nothing to squeeze
    if (!ascii)
    {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
        icu::UnicodeString folded(text);
        folded.foldCase();
        icu::UnicodeString decomposed =
            U_SUCCESS(status) ? nfkd->normalize(folded, status) : folded;
        icu::UnicodeString plain;
        for (int32_t i = 0; i < decomposed.length();)
        {
            UChar32 c;
            U16_NEXT(decomposed.getBuffer(), i, decomposed.length(), c);
            if (u_charType(c) == U_NON_SPACING_MARK)
                continue;
            if (is_apostrophe(c))
                c = u'\'';
            else if (is_hyphen(c) || c == 0x2013)
                c = u'-';
            else if (c == 0x0142) // ł has no decomposition
                c = u'l';
            else if (c == 0x00F8)
                c = u'o';
            else if (c == 0x0111)
                c = u'd';
            plain.append(c);
        }
        out.clear();
        plain.toUTF8String(out);
    }
    // One space between words.
    std::string squeezed;
    squeezed.reserve(out.size());
    for (char c : out)
    {
        const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (space)
        {
            if (!squeezed.empty() && squeezed.back() != ' ')
                squeezed += ' ';
        }
        else
            squeezed += c;
    }
    while (!squeezed.empty() && squeezed.back() == ' ')
        squeezed.pop_back();
    return squeezed;
}

std::string fold(const std::string& utf8)
{
    return fold(icu::UnicodeString::fromUTF8(utf8));
}

std::vector<Token> tokenize(const icu::UnicodeString& text)
{
    std::vector<Token> tokens;
    const UChar* s = text.getBuffer();
    const int32_t n = text.length();
    tokens.reserve(static_cast<std::size_t>(n / 5 + 1));
    bool sentence_start = true;
    int32_t i = 0;
    while (i < n)
    {
        UChar32 c;
        const int32_t begin = i;
        U16_NEXT(s, i, n, c);
        if (!is_alnum(c))
        {
            if (c == u'.' || c == u'!' || c == u'?' || c == u':' || c == u';' || c == 0x2022)
                sentence_start = true;
            continue;
        }
        Token& t = tokens.emplace_back();
        t.begin = begin;
        t.capitalised = is_upper_or_title(c);
        bool all_caps = t.capitalised;
        bool letters = is_alpha(c);
        bool digits = is_digit(c);
        // The word lower-cased as it is read, while it is ASCII and short.
        char lower[32];
        int32_t first_non_ascii = -1;
        auto keep = [&](int32_t from, int32_t to)
        {
            for (int32_t x = from; x < to; ++x)
                if (s[x] >= 0x80)
                {
                    if (first_non_ascii < 0)
                        first_non_ascii = x;
                }
                else if (x - begin < 32)
                    lower[x - begin] = ascii_lower(s[x]);
        };
        keep(begin, i);
        int32_t end = i;
        while (end < n)
        {
            // ASCII letters and digits, answered without decoding.
            const UChar a = s[end];
            if (a < 0x80 && (ascii_letter(a) || ascii_digit(a)))
            {
                letters = letters && ascii_letter(a);
                digits = digits && ascii_digit(a);
                if (a >= u'a' && a <= u'z')
                    all_caps = false;
                if (end - begin < 32)
                    lower[end - begin] = ascii_lower(a);
                ++end;
                continue;
            }
            int32_t j = end;
            UChar32 d;
            U16_NEXT(s, j, n, d);
            if (is_alnum(d) || is_mark(d))
            {
                letters = letters && (is_alpha(d) || is_mark(d));
                digits = digits && is_digit(d);
                if (is_lower(d))
                    all_caps = false;
                keep(end, j);
                end = j;
                continue;
            }
            // An apostrophe or hyphen joins two letters: O'Brien, Smith-Jones.
            if ((is_apostrophe(d) || is_hyphen(d)) && j < n)
            {
                int32_t k = j;
                UChar32 e;
                U16_NEXT(s, k, n, e);
                if (is_alpha(e) && letters)
                {
                    if (is_hyphen(d))
                        t.hyphenated = true;
                    keep(end, j);
                    end = j;
                    continue;
                }
            }
            break;
        }
        t.end = end;
        t.alpha = letters;
        t.number = digits;
        t.all_caps = all_caps && (end - begin) > 1;
        // Possessive: Liam's, Liam’s, James'
        const int32_t len = end - begin;
        int32_t key_end = end;
        if (len > 2 && (s[end - 1] == u's' || s[end - 1] == u'S') && is_apostrophe(s[end - 2]))
        {
            t.possessive = true;
            key_end = end - 2;
        }
        else if (end < n && is_apostrophe(s[end]) && len > 1 &&
                 (s[end - 1] == u's' || s[end - 1] == u'S'))
            t.possessive = true;
        // ASCII words (no spaces in a token) fold to their lower case.
        const bool ascii = first_non_ascii < 0 || first_non_ascii >= key_end;
        if (ascii && key_end - begin <= 32)
            t.key.append(lower, static_cast<std::size_t>(key_end - begin));
        else if (ascii)
        {
            t.key.resize(static_cast<std::size_t>(key_end - begin));
            for (int32_t k = begin; k < key_end; ++k)
                t.key[static_cast<std::size_t>(k - begin)] =
                    static_cast<char>(s[k] >= u'A' && s[k] <= u'Z' ? s[k] + 32 : s[k]);
        }
        else
            t.key = fold(text.tempSubStringBetween(begin, key_end));
        t.sentence_start = sentence_start;
        sentence_start = false;
        i = end;
    }
    return tokens;
}

int digits_value(std::string_view utf8)
{
    int value = 0;
    const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
    const auto length = static_cast<int32_t>(utf8.size());
    for (int32_t i = 0; i < length;)
    {
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        const int32_t d = c < 0 ? -1 : u_charDigitValue(c);
        if (d < 0)
            break;
        value = value >= 99999999 ? 999999999 : value * 10 + d;
    }
    return value;
}
} // namespace scrqm
