#include <scrqm/normalise.hxx>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>

#include <algorithm>
#include <map>

namespace scrqm
{

namespace
{

bool ignorable(UChar32 c)
{
    return u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

bool hyphen(UChar32 c)
{
    // hyphen, non-breaking hyphen, figure dash, hyphen bullet, minus,
    // small and fullwidth hyphen-minus
    return c == 0x2010 || c == 0x2011 || c == 0x2012 || c == 0x2043 || c == 0x2212 || c == 0xFE63 ||
           c == 0xFF0D;
}

bool digit(UChar32 c)
{
    return c < 0x80 ? c >= '0' && c <= '9' : u_charType(c) == U_DECIMAL_DIGIT_NUMBER;
}

// The one-to-one mappings; -1: dropped; c itself: none applies.
UChar32 simple(UChar32 c)
{
    if (c < 0x80)
        return c;
    if (ignorable(c))
        return -1;
    if (u_charType(c) == U_SPACE_SEPARATOR)
        return u' ';
    if (hyphen(c))
        return u'-';
    if (u_charType(c) == U_DECIMAL_DIGIT_NUMBER)
        return u'0' + u_charDigitValue(c);
    return c;
}

// Latin letters by their confusable skeleton (UTS #39), to find the Latin
// letter a letter of another script is drawn like.
class Lookalikes
{
public:
    Lookalikes()
    {
        UErrorCode status = U_ZERO_ERROR;
        checker_ = uspoof_open(&status);
        if (U_FAILURE(status))
        {
            checker_ = nullptr;
            return;
        }
        for (UChar32 c : std::u32string(U"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"))
            latin_[skeleton(c)].push_back(c);
    }
    ~Lookalikes()
    {
        if (checker_)
            uspoof_close(checker_);
    }
    Lookalikes(const Lookalikes&) = delete;
    Lookalikes& operator=(const Lookalikes&) = delete;

    // The Latin letter `c` looks like, of the same case; 0 when none.
    UChar32 latin(UChar32 c) const
    {
        if (!checker_)
            return 0;
        const auto it = latin_.find(skeleton(c));
        if (it == latin_.end())
            return 0;
        const bool upper = u_isupper(c) || u_istitle(c);
        for (UChar32 l : it->second)
            if ((l < u'a') == upper)
                return l;
        return 0;
    }

private:
    std::u16string skeleton(UChar32 c) const
    {
        // A const checker is safe to share between threads once opened.
        const icu::UnicodeString one(c);
        icu::UnicodeString out;
        UErrorCode status = U_ZERO_ERROR;
        uspoof_getSkeletonUnicodeString(checker_, 0, one, out, &status);
        if (U_FAILURE(status))
            return {};
        return std::u16string(out.getBuffer(), static_cast<std::size_t>(out.length()));
    }

    USpoofChecker* checker_ = nullptr;
    std::map<std::u16string, std::vector<UChar32>> latin_;
};

const Lookalikes& lookalikes()
{
    static const Lookalikes table;
    return table;
}

bool word_part(UChar32 c)
{
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const int8_t type = u_charType(c);
    return u_isalpha(c) || type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK;
}

UScriptCode script_of(UChar32 c)
{
    if (c < 0x80)
        return USCRIPT_LATIN;
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode s = uscript_getScript(c, &status);
    return U_SUCCESS(status) ? s : USCRIPT_COMMON;
}

// In each word that mixes Latin letters with letters of another script,
// the other script's Latin look-alikes become Latin. A word wholly in one
// script is left as written: "Иван" is a name in Cyrillic, not a disguise.
bool unmix_scripts(std::u32string& cps)
{
    bool changed = false;
    for (std::size_t i = 0; i < cps.size();)
    {
        if (!word_part(cps[i]))
        {
            ++i;
            continue;
        }
        std::size_t j = i;
        bool latin = false, other = false;
        for (; j < cps.size() && word_part(cps[j]); ++j)
        {
            const UScriptCode s = script_of(cps[j]);
            latin = latin || s == USCRIPT_LATIN;
            other = other || (s != USCRIPT_LATIN && s != USCRIPT_COMMON && s != USCRIPT_INHERITED);
        }
        if (latin && other)
            for (std::size_t k = i; k < j; ++k)
            {
                const UScriptCode s = script_of(cps[k]);
                if (s == USCRIPT_LATIN || s == USCRIPT_COMMON || s == USCRIPT_INHERITED)
                    continue;
                if (const UChar32 l = lookalikes().latin(cps[k]))
                {
                    cps[k] = l;
                    changed = true;
                }
            }
        i = j;
    }
    return changed;
}

} // namespace

bool plain_ascii(std::string_view utf8)
{
    for (unsigned char c : utf8)
        if (c >= 0x80)
            return false;
    return true;
}

NormalisedText::NormalisedText(const icu::UnicodeString& original)
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status))
        nfkc = nullptr;
    std::u32string in;
    in.reserve(static_cast<std::size_t>(original.length()));
    for (int32_t j = 0; j < original.length();)
    {
        const UChar32 c = original.char32At(j);
        in.push_back(static_cast<char32_t>(c));
        j += U16_LENGTH(c);
    }
    original_length_ = in.size();
    std::u32string out;
    out.reserve(in.size());
    from_.reserve(in.size());
    until_.reserve(in.size());
    bool changed = false;
    auto emit = [&](UChar32 c, std::size_t from, std::size_t until)
    {
        out.push_back(static_cast<char32_t>(c));
        from_.push_back(from);
        until_.push_back(until);
    };
    for (std::size_t i = 0; i < in.size();)
    {
        const UChar32 c = static_cast<UChar32>(in[i]);
        if (c < 0x80)
        {
            emit(c, i, i + 1);
            ++i;
            continue;
        }
        const UChar32 m = simple(c);
        if (m != c)
        {
            changed = true;
            if (m >= 0)
                emit(m, i, i + 1);
            ++i;
            continue;
        }
        if (c == 0x2013) // an en dash joining digits: "020 7946–0000"
        {
            std::size_t next = i + 1;
            while (next < in.size() && ignorable(static_cast<UChar32>(in[next])))
                ++next;
            if (!out.empty() && digit(static_cast<UChar32>(out.back())) && next < in.size() &&
                digit(static_cast<UChar32>(in[next])))
            {
                emit(u'-', i, i + 1);
                changed = true;
                ++i;
                continue;
            }
        }
        // A compatibility form and the marks that combine with it, as one
        // segment: all of its output comes from all of it.
        std::size_t end = i + 1;
        while (nfkc && end < in.size() && !nfkc->hasBoundaryBefore(static_cast<UChar32>(in[end])))
            ++end;
        if (!nfkc || (end == i + 1 && nfkc->isInert(c)))
        {
            emit(c, i, end);
            i = end;
            continue;
        }
        icu::UnicodeString segment;
        for (std::size_t k = i; k < end; ++k)
            segment.append(static_cast<UChar32>(in[k]));
        UErrorCode s = U_ZERO_ERROR;
        const icu::UnicodeString plain = nfkc->normalize(segment, s);
        const icu::UnicodeString& use = U_SUCCESS(s) ? plain : segment;
        changed = changed || use != segment;
        for (int32_t j = 0; j < use.length();)
        {
            const UChar32 p = use.char32At(j);
            j += U16_LENGTH(p);
            const UChar32 q = simple(p);
            if (q >= 0)
                emit(q, i, end);
            changed = changed || q != p;
        }
        i = end;
    }
    changed = unmix_scripts(out) || changed;
    identity_ = !changed;
    if (identity_)
    {
        text_ = original;
        return;
    }
    for (char32_t c : out)
        text_.append(static_cast<UChar32>(c));
}

std::pair<std::size_t, std::size_t> NormalisedText::to_original(std::size_t begin,
                                                                std::size_t end) const
{
    const std::size_t n = from_.size();
    if (begin >= n)
        return {original_length_, original_length_};
    if (end <= begin)
        return {from_[begin], from_[begin]};
    return {from_[begin], until_[std::min(end, n) - 1]};
}

std::size_t NormalisedText::to_view(std::size_t point) const
{
    return static_cast<std::size_t>(std::lower_bound(from_.begin(), from_.end(), point) -
                                    from_.begin());
}

std::string normalise_for_matching(const std::string& utf8)
{
    if (plain_ascii(utf8))
        return utf8;
    const NormalisedText view(icu::UnicodeString::fromUTF8(utf8));
    if (view.identity())
        return utf8;
    std::string out;
    view.text().toUTF8String(out);
    return out;
}

} // namespace scrqm
