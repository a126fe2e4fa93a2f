// The pattern detectors of anonymisation.json (postcodes, phone numbers,
// NHS and NI numbers, dates, ages, ...): each regex searched where it can
// match, its matches validated and weighed by the context words near them.
#include "internal.hxx"
#include "rules.hxx"

#include <unicode/locid.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>

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

namespace anonymisation
{

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

namespace
{

// Which requires_any literals the lower-case text holds: one pass over it,
// made when a detector first asks. Lower-casing (root locale) leaves a
// character that u_tolower leaves alone unchanged, with no context rule:
// such text is lowered and encoded here on the way; any other character
// (capitals outside ASCII, surrogates) sends the paragraph through ICU's
// toLower.
class RequiredLiterals
{
public:
    RequiredLiterals(const LiteralFinder& finder, const ParagraphScan& s) : finder_(finder), s_(s)
    {
    }

    bool any(const std::vector<std::size_t>& literals)
    {
        if (present_.empty())
            find();
        return std::any_of(literals.begin(), literals.end(),
                           [&](std::size_t k) { return present_[k] != 0; });
    }

private:
    void find()
    {
        const UChar* const us = s_.us;
        bool plain = true;
        {
            LiteralFinder::Scan scan(finder_, present_);
            for (int32_t i = 0; i < s_.ulen && plain; ++i)
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
            icu::UnicodeString l(s_.u);
            l.toLower(icu::Locale::getRoot());
            l.toUTF8String(lower);
            LiteralFinder::Scan scan(finder_, present_);
            for (char c : lower)
                scan(static_cast<unsigned char>(c));
        }
    }

    const LiteralFinder& finder_;
    const ParagraphScan& s_;
    std::vector<char> present_;
};

} // namespace

} // namespace anonymisation

void AnonymisationCheck::Impl::find_patterns(ParagraphScan& s) const
{
    using anonymisation::is;
    const UChar* const us = s.us;
    const int32_t ulen = s.ulen;
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
    anonymisation::RequiredLiterals required(literal_finder, s);
    anonymisation::ReachWindows reach(us, ulen, digit_runs);
    std::vector<Span> windows;
    for (const anonymisation::Detector& d : detectors)
    {
        if ((is(d.requires_, "digit") && !has_digit) || (is(d.requires_, "@") && !has_at) ||
            (is(d.requires_, ".") && !has_dot))
            continue;
        if (!d.requires_any.empty() && !required.any(d.requires_any))
            continue;
        reach.find(d.reach, d.before, d.after, d.run_test, windows);
        if (!windows.empty())
            match_detector(d, s, windows);
    }
}

// The detector's matches in `windows` (searched with transparent bounds, so
// lookarounds and \b see past them), validated, as hits.
void AnonymisationCheck::Impl::match_detector(const anonymisation::Detector& d, ParagraphScan& s,
                                              const std::vector<Span>& windows) const
{
    namespace R = rules::anonymisation;
    const icu::UnicodeString& u = s.u;
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
            const int32_t g = d.id_group > 0 && m->start(d.id_group, status) >= 0 ? d.id_group : 0;
            Span span{m->start(g, status), m->end(g, status)};
            std::string text;
            m->group(g, status).toUTF8String(text);
            // A number that fails the NHS check digit is still one when the
            // text says so ("gives his NHS number as 401 023 8817"): a typo
            // in a draft identifies as well as the right number.
            bool mistyped_nhs = false;
            if (d.validator == "nhs-mod11" && !valid_nhs_number(anonymisation::digits_of(text)))
            {
                const std::string lead =
                    fold(u.tempSubStringBetween(std::max(0, span.begin - 24), span.begin));
                if (lead.find("nhs") == std::string::npos)
                    continue;
                mistyped_nhs = true;
            }
            if (d.validator == "uk-phone" && !anonymisation::valid_uk_phone(text))
                continue;
            // "(01632 960124)": the pattern's optional "(" of an area code
            // belongs to the sentence when no ")" closes it in the number.
            if (d.validator == "uk-phone" && text[0] == '(' && text.find(')') == std::string::npos)
            {
                ++span.begin;
                text.erase(0, 1);
            }
            const std::string before = fold(
                u.tempSubStringBetween(std::max(0, span.begin - d.context_window), span.begin));
            const std::string after =
                d.context_after ? fold(u.tempSubStringBetween(
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
            // only a match that an exclusion covers whole is skipped. Month
            // names are allowed terms (not names), dates are still dates.
            for (const Span& e : s.excluded)
                skip = skip || (anonymisation::overlaps(e, span) && d.rule != &R::date &&
                                d.rule != &R::date_of_birth &&
                                (d.rule != &R::reference_number ||
                                 (e.begin <= span.begin && span.end <= e.end)));
            if (skip)
                continue;
            Finding f = anonymisation::hit_finding(
                *d.rule, std::min(1.0, d.score + (context ? 0.05 : 0)), d.message,
                (mistyped_nhs ? std::string("10 digits after \"NHS\" that fail the check digit "
                                            "(a mistyped NHS number)")
                              : d.explanation) +
                    (context ? "; context word nearby" : "") + " [detector " + d.id + "]",
                d.fix);
            if (d.rule == &R::date)
            {
                const std::string lead =
                    fold(u.tempSubStringBetween(std::max(0, span.begin - 30), span.begin));
                // A cue is a word of its own: "b." is not the end of "mob.".
                auto cue_at = [&](const std::string& c)
                {
                    for (std::size_t at = lead.find(c); at != std::string::npos;
                         at = lead.find(c, at + 1))
                        if (at == 0 || !std::isalpha(static_cast<unsigned char>(lead[at - 1])))
                            return true;
                    return false;
                };
                for (const std::string& c : dob_context)
                    if (cue_at(c))
                    {
                        f = anonymisation::hit_finding(
                            R::date_of_birth, 0.95, "Date of birth",
                            d.explanation + "; birth context (\"" + c + "\")",
                            "Remove it; give the child's age in years if it matters");
                        break;
                    }
            }
            s.hits.add(span, std::move(f), 1);
        }
    }
}

} // namespace scrqm
