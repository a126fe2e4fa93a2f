// Abbreviations: spelt out at first use ("Full Name (ABC)") or in a
// glossary, defined once, and used after their definition.
#include "internal.hxx"
#include "rules.hxx"

#include <unicode/uchar.h>

namespace scrqm::language
{

namespace
{

bool roman(const std::string& s)
{
    return s.find_first_not_of("IVXLCDM") == std::string::npos;
}

} // namespace

void Abbreviations::scan(const ParagraphText& t, std::size_t order, bool glossary)
{
    const icu::UnicodeString& u = t.u;
    const std::vector<Token>& tokens = t.tokens;
    // Every paragraph counts, headings too; not an all-capitals heading.
    std::size_t caps = 0, alpha = 0;
    for (const Token& tok : tokens)
    {
        alpha += tok.alpha;
        caps += tok.alpha && tok.all_caps;
    }
    if (alpha >= 3 && caps == alpha)
        return;
    for (std::size_t i = 0; i < tokens.size(); ++i)
    {
        const Token& tok = tokens[i];
        if (!tok.alpha)
            continue;
        std::string word = utf8(u, tok.begin, tok.end);
        if (tok.possessive && word.size() > 2)
            word.resize(word.size() - 2);
        const icu::UnicodeString w = icu::UnicodeString::fromUTF8(word);
        const auto len = static_cast<std::size_t>(w.countChar32());
        if (len < s_.abbreviation_min || len > s_.abbreviation_max || roman(word) ||
            s_.known_abbreviations.count(word))
            continue;
        bool upper = true;
        for (int32_t k = 0; k < w.length() && upper; ++k)
            upper = !u_isalpha(w[k]) || u_isupper(w[k]);
        if (!upper || in_quotes(t.quotes, tok.begin, tok.end))
            continue;
        // Part of a code or reference (CP/2016/0456, JT 48 27 93 B): not an abbreviation.
        int32_t next = tok.end;
        if (next < u.length() && (u[next] == u'/' || u[next] == u'-'))
            ++next;
        else if (next < u.length() && u[next] == u' ')
            ++next;
        if (next < u.length() && u_isdigit(u.char32At(next)))
            continue;
        // The second half of a code (a vehicle registration "GL02 MCO").
        if (i > 0 && tokens[i - 1].end + 1 == tok.begin && !tokens[i - 1].alpha &&
            !tokens[i - 1].number)
            continue;
        const std::size_t key = order * 100000 + static_cast<std::size_t>(tok.begin);
        Entry& a = entries_[word];
        if (a.shown.empty())
        {
            a.shown = word;
            order_.push_back(word);
        }
        // "Long Name (ABC)": in brackets after words; "ABC (long name)".
        int32_t before = tok.begin - 1;
        while (before >= 0 && u[before] == u' ')
            --before;
        const bool bracketed = before >= 0 && u[before] == u'(' && tok.end < u.length() &&
                               u[tok.end] == u')' && i >= 2;
        int32_t after = tok.end;
        while (after < u.length() && u[after] == u' ')
            ++after;
        const bool explained = after < u.length() && u[after] == u'(' && i + 2 < tokens.size() &&
                               tokens[i + 1].alpha && !tokens[i + 1].all_caps &&
                               tokens[i + 2].alpha && tokens[i + 1].key[0] == fold(word)[0];
        if (glossary && i == 0)
            a.glossary = true;
        else if (bracketed || explained)
            a.definitions.push_back({key, &t.p, {tok.begin, tok.end}});
        else
        {
            if (a.first_use == SIZE_MAX)
            {
                a.first_use = key;
                a.use_p = &t.p;
                a.use = {tok.begin, tok.end};
            }
            a.last_use = key;
        }
    }
}

void Abbreviations::report(std::vector<Finding>& out) const
{
    namespace R = rules::language;
    auto add = [&](const Rule& rule, const Paragraph& p, Span span, std::string message,
                   std::string explanation, std::string advice)
    {
        const icu::UnicodeString u = icu::UnicodeString::fromUTF8(p.text);
        out.push_back(language_finding(rule, s_.marker, p, u, span.first, span.second,
                                       std::move(message), std::move(explanation),
                                       std::move(advice)));
    };
    for (const std::string& word : order_)
    {
        const Entry& a = entries_.at(word);
        if (a.definitions.empty())
        {
            if (a.glossary || !a.use_p)
                continue;
            add(R::abbreviation_undefined, *a.use_p, a.use, "\"" + word + "\" is not defined",
                "An abbreviation is spelt out at its first use, \"Full Name (" + word +
                    ")\", or listed in a glossary: the public reader may not "
                    "know it (QM14 question 6).",
                "Spell it out at first use: \"... (" + word + ")\"");
            continue;
        }
        const Definition& first_def = a.definitions.front();
        const std::string defined_at = "(" + std::string(to_string(first_def.p->where)) +
                                       " paragraph " + std::to_string(first_def.p->index) + ")";
        if (a.use_p && a.first_use < first_def.key)
            add(R::abbreviation_late, *a.use_p, a.use,
                "\"" + word + "\" is used before it is defined",
                "It is defined later " + defined_at + "; define an abbreviation at its first use.",
                "Move the definition to the first use");
        for (std::size_t i = 1; i < a.definitions.size(); ++i)
            add(R::abbreviation_redefined, *a.definitions[i].p, a.definitions[i].span,
                "\"" + word + "\" is defined again",
                "It was already defined " + defined_at + "; define an abbreviation once.",
                "Use the abbreviation alone here");
        if (!a.use_p || a.last_use < first_def.key)
            add(R::abbreviation_unused, *first_def.p, first_def.span,
                "\"" + word + "\" is defined but not used after its definition",
                "An abbreviation that is never used again only adds a term for the reader to "
                "remember.",
                "Drop the abbreviation and keep the words");
    }
}

} // namespace scrqm::language
