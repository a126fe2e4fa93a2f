// Places: named institutions, streets and addresses (capitalised words and
// a head word: "Oakfield School", "12 Elm Grove"), towns and places from the
// lexicons or where the family lived, and countries.
#include "internal.hxx"
#include "rules.hxx"

#include <algorithm>

namespace scrqm
{

namespace
{

namespace R = rules::anonymisation;
using anonymisation::hit_finding;
using anonymisation::is;

const std::set<std::string>& residence_words()
{
    static const std::set<std::string> words = {
        "lived",  "living",   "lives",     "live",       "home",     "moved",   "moving",   "move",
        "born",   "rehoused", "relocated", "registered", "stayed",   "staying", "resident", "grew",
        "housed", "address",  "flat",      "house",      "returned", "settled"};
    return words;
}

} // namespace

// Institutions, streets and addresses: capitalised words and a head.
void AnonymisationCheck::Impl::find_institutions(ParagraphScan& s) const
{
    const std::vector<Token>& tokens = s.tokens;
    for (std::size_t i = 0; i < tokens.size(); ++i)
    {
        const Lexicon::Entry* head = nullptr;
        std::size_t n = institutions.match(tokens, i, &head, /*ignore_case=*/true);
        // "Oakfield School", and also "the Brackenfield estate": a
        // lower-case head counts after a capitalised name mid-sentence.
        if (n == 0 || (!tokens[i].capitalised &&
                       !(i > 0 && tokens[i - 1].capitalised && !tokens[i - 1].sentence_start)))
            continue;
        std::size_t first = i;
        bool named = false;
        // One name: spaces between its words, or a designation in brackets
        // ("St Aidan's CE (VC) Junior School"); not "Mrs A (Wrenfield Vale".
        auto name_goes_on = [&](std::size_t k)
        {
            const icu::UnicodeString gap =
                s.u.tempSubStringBetween(tokens[k].end, tokens[k + 1].begin).trim();
            return anonymisation::joined(s.u, tokens, k) ||
                   (gap == icu::UnicodeString(u"(") && tokens[k + 1].all_caps) ||
                   (gap == icu::UnicodeString(u")") && tokens[k].all_caps);
        };
        while (first > 0)
        {
            const Token& prev = tokens[first - 1];
            const bool joiner = is(prev.key, "of") || is(prev.key, "and") || is(prev.key, "st") ||
                                is(prev.key, "the");
            if (!(prev.capitalised || (joiner && first >= 2 && tokens[first - 2].capitalised)) ||
                s.token_excluded[first - 1] || prev.number || !name_goes_on(first - 1))
                break;
            if (is(prev.key, "the"))
                break;
            --first;
            // A title starts a person's name, so nothing before it joins:
            // "Mrs Baker and Mr Wood" is two people, not one "... Wood".
            if (is_title(tokens, first))
            {
                named = true;
                break;
            }
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
        // "27 Quarry Bank Road": a street word inside the name is not its end.
        const Lexicon::Entry* next_head = nullptr;
        std::size_t next_n = 0;
        while (street && i + n < tokens.size() && tokens[i + n].capitalised &&
               (next_n = institutions.match(tokens, i + n, &next_head, true)) > 0 &&
               next_head->group == "street")
        {
            n += next_n;
            head = next_head;
        }
        Span span{tokens[first].begin, tokens[i + n - 1].end};
        // A house number before a street name makes an address: "12", and
        // "41b" (a number and a letter, for a divided house).
        auto house_number = [](const Token& t)
        {
            const std::string& k = t.key;
            return t.number ||
                   (k.size() >= 2 && k.size() <= 5 && k.back() >= 'a' && k.back() <= 'z' &&
                    std::all_of(k.begin(), k.end() - 1,
                                [](char c) { return c >= '0' && c <= '9'; }));
        };
        // Only spaces between them: "63 | Owner-occupied house" is two cells.
        auto spaces_only = [&](int32_t from, int32_t to)
        {
            for (int32_t k = from; k < to; ++k)
                if (s.us[k] != u' ' && s.us[k] != 0xA0 && s.us[k] != 0x202F)
                    return false;
            return true;
        };
        if (street && first > 0 && house_number(tokens[first - 1]) &&
            spaces_only(tokens[first - 1].end, tokens[first].begin))
        {
            span.begin = tokens[first - 1].begin;
            s.hits.add(span, hit_finding(R::address, 0.9, "Street address",
                                         "house number, capitalised name and a street word (\"" +
                                             head->words.back() + "\")",
                                         {}));
        }
        else if (street)
            s.hits.add(span, hit_finding(R::place, 0.75, "Named street or estate",
                                         "capitalised name and a street word (\"" +
                                             head->words.back() + "\")",
                                         "Remove it or say 'the family's street'"));
        else
            s.hits.add(span, hit_finding(R::institution, 0.8,
                                         "Named school, health service, place of worship or "
                                         "other institution",
                                         "capitalised name and an institution word (\"" +
                                             head->words.back() + "\")",
                                         "Use a generic description ('the primary school', 'the "
                                         "hospital')"));
        for (std::size_t k = first; k < i + n; ++k)
            s.token_excluded[k] = true;
        i += n - 1;
    }
}

// The town of an address line: "12 Kestrel Row, Thornhallow TH7 3JX", "27
// Quarry Bank Road, Tolby,": one or two capitalised words right after the
// street, before a comma, a postcode or the end. A town no lexicon knows
// identifies the family as well as one it does.
void AnonymisationCheck::Impl::find_address_towns(ParagraphScan& s) const
{
    const std::size_t hits = s.hits.hits.size(); // the loop adds hits
    for (std::size_t h = 0; h < hits; ++h)
    {
        if (s.hits.hits[h].f.check != R::address.id)
            continue;
        const int32_t end = s.hits.hits[h].span.end;
        const auto next = std::lower_bound(s.tokens.begin(), s.tokens.end(), end,
                                           [](const Token& t, int32_t at) { return t.begin < at; });
        add_address_town(s, static_cast<std::size_t>(next - s.tokens.begin()));
    }
}

void AnonymisationCheck::Impl::add_address_town(ParagraphScan& s, std::size_t next) const
{
    const std::vector<Token>& tokens = s.tokens;
    if (next >= tokens.size() || next == 0)
        return;
    auto gap_is = [&](std::size_t a, std::initializer_list<UChar> allowed)
    {
        for (int32_t k = tokens[a].end; k < tokens[a + 1].begin; ++k)
            if (std::find(allowed.begin(), allowed.end(), s.us[k]) == allowed.end())
                return false;
        return true;
    };
    if (!gap_is(next - 1, {u',', u' '}))
        return;
    std::size_t n = 0;
    while (n < 2 && next + n < tokens.size() && tokens[next + n].capitalised &&
           tokens[next + n].alpha && !tokens[next + n].all_caps && !s.token_excluded[next + n] &&
           (n == 0 || gap_is(next + n - 1, {u' '})))
        ++n;
    if (n == 0)
        return;
    // The line goes on with a comma, a postcode-like token or nothing.
    const std::size_t after = next + n;
    if (after < tokens.size() && !gap_is(after - 1, {u',', u' ', u'.', u';', u')'}))
        return;
    if (after < tokens.size() && gap_is(after - 1, {u' '}) && tokens[after].alpha)
        return;
    s.hits.add(s.tokens_span(next, n),
               hit_finding(R::place, 0.8, "Named town or place",
                           "capitalised words after a street address: the town of the address",
                           "Remove it, or say 'the local area'"));
    for (std::size_t k = next; k < after; ++k)
        s.token_excluded[k] = true;
}

// Towns and places (the lexicons, or a capitalised word where the family
// lived or moved), and countries.
void AnonymisationCheck::Impl::find_places(ParagraphScan& s) const
{
    const std::vector<Token>& tokens = s.tokens;
    for (std::size_t i = 0; i < tokens.size(); ++i)
    {
        if (s.token_excluded[i] || !tokens[i].capitalised)
            continue;
        std::size_t n = places.match(tokens, i);
        // "Sarah Whitfield", "Tom Preston": a place's name right after a
        // first name is the surname, and the whole name is found by people.
        if (n == 1 && i > 0 && !s.token_excluded[i - 1] && tokens[i - 1].capitalised &&
            tokens[i - 1].alpha && !tokens[i - 1].all_caps && given.contains(tokens[i - 1]) &&
            tokens[i - 1].end + 1 == tokens[i].begin && s.us[tokens[i - 1].end] == u' ')
            continue;
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
            // "... family in Ottersby, where they lived": the clause after it.
            for (std::size_t on = i + 1;
                 preposition && !residence && on < tokens.size() && on <= i + 4; ++on)
                residence = (is(tokens[on].key, "where") || is(tokens[on].key, "they")) &&
                            on + 1 < tokens.size() &&
                            residence_words().count(tokens[on + 1].key) != 0;
            if (residence)
            {
                // "a flat in Holme Staithe": the place's other words too.
                n = 1;
                while (n < 3 && i + n < tokens.size() && tokens[i + n].capitalised &&
                       tokens[i + n].alpha && !tokens[i + n].sentence_start &&
                       !s.token_excluded[i + n] && tokens[i + n - 1].end + 1 == tokens[i + n].begin)
                    ++n;
                why = "capitalised word after \"" + prev + "\" where the family lived or moved";
            }
        }
        if (n == 0)
            continue;
        if (country)
            s.hits.add(s.tokens_span(i, n),
                       hit_finding(R::nationality, 0.6,
                                   "Country: with other details it points to the family's origin",
                                   "lexicon: country",
                                   "Use a region ('Eastern Europe') or leave it out"));
        else
            s.hits.add(s.tokens_span(i, n), hit_finding(R::place, 0.75, "Named town or place", why,
                                                        "Remove it, or say 'the local area'"));
        for (std::size_t k = i; k < i + n; ++k)
            s.token_excluded[k] = true;
        i += n - 1;
    }
}

} // namespace scrqm
