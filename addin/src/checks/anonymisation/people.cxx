// People: personal names (from the name lexicons, or from where a
// capitalised word stands: after a title, before "family", with initials),
// whole names, and professionals named after their role or title.
#include "cues.hxx"
#include "internal.hxx"

#include "rules.hxx"

#include <unicode/uchar.h>

#include <algorithm>
#include <set>

namespace scrqm
{

namespace anonymisation
{

namespace
{

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

// Reference-list authors ("Fish, S., Munro, E. and Bairstow, S. (2008)")
// are not the family: "Surname, I." spans are left alone.
void exclude_reference_authors(ParagraphScan& s)
{
    static const std::unique_ptr<icu::RegexPattern> author = []
    {
        UErrorCode st = U_ZERO_ERROR;
        return std::unique_ptr<icu::RegexPattern>(icu::RegexPattern::compile(
            u"\\p{Lu}[\\p{L}'\\u2019\\-]+,\\s(?:\\p{Lu}\\.\\s?)+", 0, st));
    }();
    const UChar* const us = s.us;
    const int32_t ulen = s.ulen;
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
        while (end < ulen && (U16_IS_SURROGATE(us[end]) || u_isupper(us[end]) || us[end] == u'.' ||
                              u_isUWhiteSpace(us[end])))
            ++end;
        if (!am)
        {
            am.reset(author->matcher(s.u, st));
            am->useTransparentBounds(true);
            am->useAnchoringBounds(false);
        }
        am->region(begin, end, st);
        while (U_SUCCESS(st) && am->find(st))
        {
            const Span a{am->start(st), am->end(st)};
            for (std::size_t k = 0; k < s.tokens.size(); ++k)
                if (overlaps(a, {s.tokens[k].begin, s.tokens[k].end}))
                    s.token_excluded[k] = true;
        }
        c = end - 1 > c ? end - 1 : c;
    }
}

// Whether the text between a title and the next word ends a sentence: "!",
// "?", ":" or ";", or a full stop after a title longer than its
// abbreviations ("Dr.", "Prof.", "Insp." do not end one; "Father." does).
bool sentence_ends_after_title(const icu::UnicodeString& u, const Token& title, const Token& next)
{
    const icu::UnicodeString between = u.tempSubStringBetween(title.end, next.begin);
    // A comma too: "Detective Superintendent, Public Protection" is a job.
    for (const UChar stop : {u'!', u'?', u':', u';', u','})
        if (between.indexOf(stop) >= 0)
            return true;
    constexpr int32_t kLongestAbbreviation = 5;
    return between.indexOf(u'.') >= 0 && title.end - title.begin > kLongestAbbreviation;
}

} // namespace

bool joined(const icu::UnicodeString& u, const std::vector<Token>& tokens, std::size_t k)
{
    const icu::UnicodeString gap =
        u.tempSubStringBetween(tokens[k].end, tokens[k + 1].begin).trim();
    return gap.isEmpty() || gap == icu::UnicodeString(u".");
}

} // namespace anonymisation

bool AnonymisationCheck::Impl::is_title(const std::vector<Token>& tokens, std::size_t k) const
{
    return k < tokens.size() && titles.match(tokens, k) == 1 && tokens[k].capitalised;
}

void AnonymisationCheck::Impl::find_people(ParagraphScan& s) const
{
    anonymisation::exclude_reference_authors(s);
    std::vector<int> strength(s.tokens.size(), 0);
    std::vector<std::string> why(s.tokens.size());
    rate_name_tokens(s, strength, why);
    add_names(s, strength, why);
}

// How sure the scan is that each token is (part of) a name: 0 no, 1 weak, 2
// strong; and why.
// A first name and a surname that no lexicon knows, right after a role
// ("the social worker Bronwen Achterberg", "Staff Nurse Zofia Wren"): two
// capitalised words mid-sentence, neither a unit nor a job ("the health
// visitor Team Leader", "the GP Out of Hours service").
bool AnonymisationCheck::Impl::unknown_name_after_role(const ParagraphScan& s, std::size_t i) const
{
    const std::vector<Token>& tokens = s.tokens;
    if (i + 1 >= tokens.size() || s.p.outline_level > 0)
        return false;
    bool after_role = false;
    for (std::size_t back = 1; back <= 3 && back <= i && !after_role; ++back)
        after_role = roles.match(tokens, i - back) == back;
    if (!after_role)
        return false;
    // Words of the work, capitalised in job titles ("Lead for Adolescent
    // Safeguarding", "Named Nurse Safeguarding Adults"), and of a sentence.
    static const std::set<std::string> not_names = anonymisation::word_set(
        "team leader lead manager service services practice surgery centre unit assessment "
        "plan report record records referral meeting visit visits hub board panel review "
        "office department hours out and for of the on at in was had said did noticed saw "
        "visited told safeguarding adults adult children childrens child adolescent "
        "adolescents young people healthcare health care continuing mental social protection "
        "quality domestic abuse exploitation looked after partnership emergency duty early "
        "help family families youth justice education learning disability disabilities "
        "community public acute primary secondary specialist clinical medical nursing "
        "midwifery paediatric paediatrics police probation housing substance misuse drug "
        "drugs alcohol support strategic operational integrated violence sexual criminal "
        "online harm risk trauma neglect designated named liaison");
    for (std::size_t k = i; k <= i + 1; ++k)
    {
        const Token& t = tokens[k];
        if (s.token_excluded[k] || !t.alpha || !t.capitalised || t.all_caps || t.sentence_start ||
            not_names.count(t.key) || months_weekdays.count(t.key))
            return false;
    }
    // One space between them, nothing else.
    return s.u.tempSubStringBetween(tokens[i].end, tokens[i + 1].begin).trim().length() == 0;
}

void AnonymisationCheck::Impl::rate_name_tokens(const ParagraphScan& s,
                                                std::vector<int>& name_strength,
                                                std::vector<std::string>& why) const
{
    using anonymisation::is;
    const std::vector<Token>& tokens = s.tokens;
    const std::vector<char>& token_excluded = s.token_excluded;
    const icu::UnicodeString& u = s.u;
    const bool heading = s.p.outline_level > 0;
    for (std::size_t i = 0; i < tokens.size(); ++i)
    {
        const Token& t = tokens[i];
        if (token_excluded[i] || !t.alpha || !t.capitalised || months_weekdays.count(t.key) ||
            is_title(tokens, i))
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
        // "Mr. Carter" but not "... of Mother and Father. Bruising was seen":
        // a full stop after a title that is a whole word ends the sentence.
        const bool title_before = i > 0 && is_title(tokens, i - 1) &&
                                  !anonymisation::sentence_ends_after_title(u, tokens[i - 1], t);
        // "J. Carter", "JC Carter"; not "Child A. Young people" (a pseudonym).
        const bool initial_before =
            i > 0 && !token_excluded[i - 1] && tokens[i - 1].alpha && tokens[i - 1].capitalised &&
            anonymisation::joined(u, tokens, i - 1) &&
            (tokens[i - 1].end - tokens[i - 1].begin == 1 ||
             (tokens[i - 1].all_caps && tokens[i - 1].end - tokens[i - 1].begin <= 3 &&
              !token_excluded[i - 1] && !roles.contains(tokens[i - 1])));
        // "Mrs S. Pennock", "Dr J. R. Rao": the initial's full stop does not
        // end a sentence after a title.
        auto single_initial = [&](std::size_t k)
        {
            return tokens[k].capitalised && tokens[k].end - tokens[k].begin == 1 &&
                   anonymisation::joined(u, tokens, k);
        };
        // Not a new sentence after a pseudonym: "Mr K. She said", "Mr C. Their ...".
        static const std::set<std::string> sentence_openers = anonymisation::word_set(
            "the a an he she they it his her their its this that these those there we i you "
            "in on at by for from with of to into after before during when while as if but and "
            "or so yet however although because since though no not all both each one some "
            "any many most other such following later then once until what which who how where "
            "why our my your him them us police agencies agency services practitioners");
        const bool title_initials =
            initial_before && single_initial(i - 1) && i >= 2 &&
            sentence_openers.count(t.key) == 0 &&
            ((is_title(tokens, i - 2) && anonymisation::joined(u, tokens, i - 2)) ||
             (i >= 3 && single_initial(i - 2) && is_title(tokens, i - 3) &&
              anonymisation::joined(u, tokens, i - 3)));
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
        else if (unknown_name_after_role(s, i))
        {
            // "Staff Nurse Bronwen Achterberg": names no lexicon holds.
            name_strength[i] = 2;
            why[i] = "two capitalised words after a role";
        }
        else if (initial_before && !t.all_caps && (wordlike || !t.sentence_start || title_initials))
        {
            name_strength[i] = 2;
            why[i] = "initials and a surname";
        }
        else if (t.possessive && !t.all_caps && i + 1 < tokens.size() &&
                 anonymisation::kin_words().count(tokens[i + 1].key))
        {
            name_strength[i] = 2;
            why[i] = "possessive before a family word (\"" + tokens[i + 1].key + "\")";
        }
        else if (i >= 2 && token_excluded[i - 1] && roles.match(tokens, i) == 0 &&
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
        else if (!t.sentence_start && !heading && !t.all_caps && anonymisation::has_diacritic(u, t))
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
}

// Each run of name tokens is one name, with its initials and title.
void AnonymisationCheck::Impl::add_names(ParagraphScan& s, const std::vector<int>& name_strength,
                                         const std::vector<std::string>& why) const
{
    namespace R = rules::anonymisation;
    using anonymisation::is;
    const std::vector<Token>& tokens = s.tokens;
    const std::vector<char>& token_excluded = s.token_excluded;
    const icu::UnicodeString& u = s.u;
    for (std::size_t i = 0; i < tokens.size(); ++i)
    {
        if (!name_strength[i])
            continue;
        std::size_t last = i;
        int strength = name_strength[i];
        std::string reason = why[i];
        // One run: words with only spaces between, or an initial and its
        // full stop ("Dr S. Rao" is one name, not "Dr S" and "Rao").
        auto runs_on = [&](std::size_t k)
        {
            const bool initial = tokens[k].capitalised && tokens[k].end - tokens[k].begin == 1;
            return initial ? anonymisation::joined(u, tokens, k)
                           : u.tempSubStringBetween(tokens[k].end, tokens[k + 1].begin)
                                     .trim()
                                     .length() == 0;
        };
        while (last + 1 < tokens.size() && name_strength[last + 1] && runs_on(last) &&
               !tokens[last].possessive)
        {
            ++last;
            strength = std::max(strength, name_strength[last]);
        }
        std::size_t first = i;
        // Include initials and a title: "J. Carter", "Dr Patel".
        while (
            first > 0 && tokens[first - 1].alpha && tokens[first - 1].capitalised &&
            !token_excluded[first - 1] && anonymisation::joined(u, tokens, first - 1) &&
            (tokens[first - 1].end - tokens[first - 1].begin == 1 || is_title(tokens, first - 1) ||
             (tokens[first - 1].all_caps && tokens[first - 1].end - tokens[first - 1].begin <= 3 &&
              !roles.contains(tokens[first - 1]))))
            --first;
        // A professional: a role or a professional title before the name.
        bool professional = false;
        std::string role;
        if (first < i && is_title(tokens, first))
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
                ? anonymisation::hit_finding(R::professional_name, score, "Named professional",
                                             reason + "; after \"" + role + "\"",
                                             "Use the role (\"the health visitor\", \"GP 1\")")
                : anonymisation::hit_finding(
                      R::name, score, strength == 2 ? "Personal name" : "Possible personal name",
                      reason, "Replace with the pseudonym (\"Child A\", \"Mother\")");
        f.severity = sev; // a possible name is a warning
        s.hits.add(span, std::move(f));
        i = last;
    }
}

} // namespace scrqm
