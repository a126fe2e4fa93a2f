// A paragraph's scan: its tokens, what must not be flagged, the steps that
// add hits (patterns, lists, lexicons, people, places), and the strongest of
// overlapping hits kept as findings.
#include "fixes.hxx"
#include "internal.hxx"

#include "cues.hxx"

#include <algorithm>
#include <cctype>
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
    find_address_towns(s);
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
namespace
{

// "Kurdish", "Polish", "Punjabi": a language, a nationality and an
// ethnicity at once. Of the hits on the same words, the one the words
// around say ("speaks Kurdish", "of Kurdish heritage", "a Kurdish
// national") wins, in the place of the strongest of them (each of the
// others gives the winner's index). With no such word the usual order decides.
std::vector<std::ptrdiff_t> same_word_winners(const anonymisation::ParagraphScan& s)
{
    const auto& all = s.hits.hits;
    std::vector<std::ptrdiff_t> winner(all.size(), -1);
    std::map<std::pair<int32_t, int32_t>, std::vector<std::size_t>> by_span;
    for (std::size_t k = 0; k < all.size(); ++k)
        if (all[k].f.category == "language" || all[k].f.category == "nationality" ||
            all[k].f.category == "ethnicity" || all[k].f.category == "name")
            by_span[{all[k].span.begin, all[k].span.end}].push_back(k);
    for (const auto& [span, group] : by_span)
    {
        if (group.size() < 2)
            continue;
        std::string lead, next;
        s.u.tempSubStringBetween(std::max(0, span.first - 24), span.first).toUTF8String(lead);
        s.u.tempSubStringBetween(span.second, std::min(s.ulen, span.second + 24))
            .toUTF8String(next);
        lead = anonymisation::ascii_lower(lead);
        next = anonymisation::ascii_lower(next);
        auto lead_ends = [&](std::initializer_list<const char*> words)
        {
            std::string l = lead;
            l.erase(l.find_last_not_of(" \t") + 1);
            for (const char* w : words)
            {
                const std::size_t n = std::char_traits<char>::length(w);
                if (l.size() >= n && l.compare(l.size() - n, n, w) == 0 &&
                    (l.size() == n ||
                     !std::isalpha(static_cast<unsigned char>(l[l.size() - n - 1]))))
                    return true;
            }
            return false;
        };
        auto next_starts = [&](std::initializer_list<const char*> words)
        {
            const std::size_t from = next.find_first_not_of(" \t");
            for (const char* w : words)
                if (from != std::string::npos &&
                    next.compare(from, std::char_traits<char>::length(w), w) == 0)
                    return true;
            return false;
        };
        std::string wanted;
        if (lead_ends({"speak", "speaks", "spoke", "speaking", "spoken", "in", "fluent in",
                       "interpreter", "language", "languages", "language is", "interpreter for",
                       "languages are", "language was"}) ||
            next_starts({"speak", "interpret", "language", "translat"}))
            wanted = "language";
        else if (next_starts({"heritage", "origin", "background", "descent", "community", "famil",
                              "ethnic"}))
            wanted = "ethnicity";
        else if (next_starts({"national", "citizen", "passport"}) ||
                 lead_ends({"nationality", "is", "was", "who is", "are", "were"}))
            wanted = "nationality";
        // A nationality read as a name ("Father's Lithuanian passport") is
        // the nationality, the first of the group's when nothing says which.
        const auto first_kind = std::find_if(
            group.begin(), group.end(), [&](std::size_t k) { return all[k].f.category != "name"; });
        if (first_kind == group.end())
            continue;
        if (wanted.empty() &&
            std::any_of(group.begin(), group.end(),
                        [&](std::size_t k) { return all[k].f.category == "name"; }))
            wanted = all[*first_kind].f.category;
        if (wanted.empty())
            continue;
        const auto w = std::find_if(group.begin(), group.end(),
                                    [&](std::size_t k) { return all[k].f.category == wanted; });
        if (w != group.end())
            for (std::size_t k : group)
                winner[k] = static_cast<std::ptrdiff_t>(*w);
    }
    return winner;
}

} // namespace

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
    const std::vector<std::ptrdiff_t> winner = same_word_winners(s);
    std::vector<char> judged(all.size(), 0);
    std::vector<std::size_t> kept;
    // The kept hits by where they begin: a hit is compared with those that
    // can overlap it only (against every kept hit, 140,000 phone numbers in
    // one line took minutes).
    std::multimap<int32_t, std::size_t> kept_at;
    int32_t longest = 0;
    for (std::size_t x : order)
    {
        if (winner[x] >= 0)
            x = static_cast<std::size_t>(winner[x]);
        if (judged[x])
            continue;
        judged[x] = 1;
        const Hits::Hit& h = all[x];
        bool clash = false;
        for (auto it = kept_at.lower_bound(h.span.begin - longest);
             !clash && it != kept_at.end() && it->first < h.span.end; ++it)
        {
            const Hits::Hit& k = all[it->second];
            // One word, one finding: "Kurdish" is a nationality, a language
            // and an ethnicity, and three warnings on it are noise.
            const bool same_words = k.span.begin == h.span.begin && k.span.end == h.span.end;
            clash = overlaps(k.span, h.span) && (same_words || k.f.category == h.f.category ||
                                                 jigsaw_kinds().count(h.f.category) == 0 ||
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
