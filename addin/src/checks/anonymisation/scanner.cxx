// A paragraph's scan: its tokens, what must not be flagged, the steps that
// add hits (patterns, lists, lexicons, people, places), and the strongest of
// overlapping hits kept as findings.
#include "fixes.hxx"
#include "internal.hxx"

#include <algorithm>
#include <map>

namespace scrqm
{

namespace anonymisation
{

Finding hit_finding(const Rule& rule, double score, const std::string& message,
                    const std::string& explanation, const std::string& advice)
{
    Finding f(rule);
    f.score = score;
    f.message = message;
    f.explanation = explanation;
    f.advice = advice;
    return f;
}

namespace
{

int rank(const Finding& f, int priority)
{
    return static_cast<int>(f.severity) * 1000 + priority * 200 + static_cast<int>(f.score * 100);
}

} // namespace

} // namespace anonymisation

void AnonymisationCheck::Impl::scan_paragraph(const Paragraph& p, const icu::UnicodeString& u,
                                              const Lexicon& allow, const Lexicon& deny,
                                              const std::vector<const HashedRegister*>& registers,
                                              const anonymisation::Pseudonyms& pseudonyms,
                                              std::vector<Finding>& out) const
{
    if (p.text.empty())
        return;
    ParagraphScan s(p, u);
    s.tokens = tokenize(u);
    for (Token& t : s.tokens)
        t.word = word_ids.find(t.key);
    s.token_excluded.assign(s.tokens.size(), 0);
    // Exclusions first: each step after skips what they mark. Institutions
    // and places mark their tokens too, so people come last.
    exclude_known_terms(s, allow, pseudonyms);
    exclude_citations(s);
    find_patterns(s);
    find_listed(s, deny, registers);
    find_special_categories(s);
    find_institutions(s);
    find_places(s);
    find_people(s);
    keep_strongest(s, out);
}

// Spans that must not be flagged: allow-list, agencies, legislation,
// pseudonyms and role names.
void AnonymisationCheck::Impl::exclude_known_terms(
    ParagraphScan& s, const Lexicon& allow, const anonymisation::Pseudonyms& pseudonyms) const
{
    const std::vector<Token>& tokens = s.tokens;
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
                s.token_excluded[k] = true;
            s.excluded.push_back(s.tokens_span(i, n));
            i += n - 1;
        }
    }
}

// Research citations: "Munro (2011)", "(Munro, 2011)", "Brandon et al. (2012)".
void AnonymisationCheck::Impl::exclude_citations(ParagraphScan& s)
{
    using anonymisation::is;
    const std::vector<Token>& tokens = s.tokens;
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
                s.u.tempSubStringBetween(tokens[j - 1].end, tokens[j].begin);
            if (between.indexOf(u'(') >= 0 || between.indexOf(u',') >= 0)
                for (std::size_t k = i; k < j; ++k)
                    s.token_excluded[k] = true;
        }
    }
}

// Keeps the strongest of overlapping hits (overlapping quasi identifiers of
// different kinds all stay: the jigsaw counts them) and makes them findings
// of the paragraph, in order.
void AnonymisationCheck::Impl::keep_strongest(ParagraphScan& s, std::vector<Finding>& out)
{
    using anonymisation::Hits;
    using anonymisation::jigsaw_kinds;
    using anonymisation::overlaps;
    using anonymisation::rank;
    // Sorting indices gives the order sorting the hits would (the same
    // comparisons), without moving findings around.
    const std::vector<Hits::Hit>& all = s.hits.hits;
    std::vector<std::size_t> order(all.size());
    for (std::size_t k = 0; k < order.size(); ++k)
        order[k] = k;
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b)
              { return rank(all[a].f, all[a].priority) > rank(all[b].f, all[b].priority); });
    std::vector<std::size_t> kept;
    // The kept hits by where they begin: a hit is compared with those that
    // can overlap it only (against every kept hit, 140,000 phone numbers in
    // one line took minutes).
    std::multimap<int32_t, std::size_t> kept_at;
    int32_t longest = 0;
    for (std::size_t x : order)
    {
        const Hits::Hit& h = all[x];
        bool clash = false;
        for (auto it = kept_at.lower_bound(h.span.begin - longest);
             !clash && it != kept_at.end() && it->first < h.span.end; ++it)
        {
            const Hits::Hit& k = all[it->second];
            clash = overlaps(k.span, h.span) &&
                    (k.f.category == h.f.category || jigsaw_kinds().count(h.f.category) == 0 ||
                     jigsaw_kinds().count(k.f.category) == 0);
        }
        if (!clash)
        {
            kept.push_back(x);
            kept_at.emplace(h.span.begin, x);
            longest = std::max(longest, h.span.end - h.span.begin);
        }
    }
    std::sort(kept.begin(), kept.end(),
              [&](std::size_t a, std::size_t b) { return all[a].span.begin < all[b].span.begin; });
    // Code-point offsets counted on from the previous finding's start (the
    // findings are in order), unless that start splits a surrogate pair.
    const icu::UnicodeString& u = s.u;
    const CodePoints cp(u);
    int32_t counted = 0;    // UTF-16 offset ...
    std::size_t points = 0; // ... and its code-point offset
    auto splits_pair = [&](int32_t k)
    { return k > 0 && k < s.ulen && U16_IS_LEAD(s.us[k - 1]) && U16_IS_TRAIL(s.us[k]); };
    for (std::size_t x : kept)
    {
        Finding& f = s.hits.hits[x].f;
        const Span span = s.hits.hits[x].span;
        f.where = s.p.where;
        f.paragraph = s.p.index;
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
        {
            std::string before;
            const int32_t from = span.begin >= 4 ? span.begin - 4 : 0;
            u.tempSubStringBetween(from, span.begin).toUTF8String(before);
            f.fixes = anonymisation_fixes(*find_rule(f.check), f.text, before);
        }
        out.push_back(std::move(f));
    }
}

} // namespace scrqm
