// LanguageCheck: each paragraph read once (abbreviations, hindsight and
// blame phrases, sentences), then readability per section and the
// abbreviations over the whole document.
#include "internal.hxx"

#include <unicode/regex.h>

#include <algorithm>

namespace scrqm
{

namespace language
{

Finding language_finding(const Rule& rule, const std::string& marker, const Paragraph& p,
                         const icu::UnicodeString& u, int32_t begin, int32_t end,
                         std::string message, std::string explanation, std::string advice)
{
    const CodePoints cp(u);
    Finding f(rule);
    f.marker = marker; // the settings' or the kind's marker
    f.where = p.where;
    f.paragraph = p.index;
    f.start = cp(begin);
    f.end = cp(end);
    f.text = utf8(u, begin, end);
    f.message = std::move(message);
    f.explanation = std::move(explanation);
    f.advice = std::move(advice);
    return f;
}

namespace
{

// Hindsight and blame phrases outside quotations.
void check_phrases(const LanguageSettings& s, const ParagraphText& t, std::vector<Finding>& out)
{
    const std::vector<Token>& tokens = t.tokens;
    for (std::size_t i = 0; i < tokens.size();)
    {
        const Lexicon::Entry* entry = nullptr;
        const std::size_t n = s.phrases.match(tokens, i, &entry, true);
        if (n == 0)
        {
            ++i;
            continue;
        }
        const int32_t begin = tokens[i].begin, end = tokens[i + n - 1].end;
        i += n;
        if (in_quotes(t.quotes, begin, end))
            continue;
        const LanguageSettings::Entry& e = s.entries[std::stoul(entry->group)];
        const LanguageSettings::Kind& k = s.kinds.at(e.kind);
        out.push_back(language_finding(*k.rule, k.marker, t.p, t.u, begin, end,
                                       "\"" + utf8(t.u, begin, end) + "\": " + e.kind + " language",
                                       e.explanation + " " + k.bias,
                                       "Describe what was known and done at the time, and why"));
    }
}

// Per body paragraph index: in a section to skip (glossary, references,
// ...), in a glossary, and its innermost section.
struct SectionMap
{
    std::vector<bool> skip, glossary;
    std::vector<long> own_section;
};

SectionMap map_sections(const LanguageSettings& s, const std::vector<Section>& sections,
                        std::size_t body_count)
{
    SectionMap map{std::vector<bool>(body_count + 1, false),
                   std::vector<bool>(body_count + 1, false), std::vector<long>(body_count + 1, -1)};
    UErrorCode status = U_ZERO_ERROR;
    UParseError pe;
    std::unique_ptr<icu::RegexPattern> skip_re(
        s.skip_sections.empty()
            ? nullptr
            : icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(s.skip_sections),
                                         UREGEX_CASE_INSENSITIVE, pe, status));
    std::unique_ptr<icu::RegexPattern> glossary_re(
        icu::RegexPattern::compile("glossary|abbreviations", UREGEX_CASE_INSENSITIVE, pe, status));
    for (std::size_t i = 0; i < sections.size(); ++i)
    {
        const Section& sec = sections[i];
        const icu::UnicodeString title = icu::UnicodeString::fromUTF8(sec.title);
        auto matches = [&](icu::RegexPattern* re)
        {
            if (!re)
                return false;
            UErrorCode st = U_ZERO_ERROR;
            std::unique_ptr<icu::RegexMatcher> m(re->matcher(title, st));
            return U_SUCCESS(st) && m->find(st);
        };
        const bool sk = matches(skip_re.get()), gl = matches(glossary_re.get());
        for (std::size_t j = sec.paragraph; j < sec.end && j <= body_count; ++j)
        {
            map.skip[j] = map.skip[j] || sk;
            map.glossary[j] = map.glossary[j] || gl;
            map.own_section[j] = static_cast<long>(i);
        }
    }
    return map;
}

} // namespace

} // namespace language

LanguageCheck::LanguageCheck(const std::string& data_dir)
    : settings_(load_language_settings(data_dir))
{
}

std::vector<Finding> LanguageCheck::run(const Document& doc, const CheckOptions&) const
{
    using namespace language;
    const LanguageSettings& s = settings_;
    std::vector<Finding> out;
    Breakers b;
    const std::vector<Section> sections = compute_sections(doc);
    const std::size_t body_count = doc.count(Where::Body);
    const SectionMap map = map_sections(s, sections, body_count);
    std::map<long, Readability> per_section;
    Abbreviations abbreviations(s);
    std::size_t order = 0;
    for (const Paragraph& p : doc.paragraphs)
    {
        ++order;
        if (p.where != Where::Body && p.where != Where::Table && p.where != Where::Footnote &&
            p.where != Where::Endnote)
            continue;
        const std::size_t at = std::min(p.where == Where::Body ? p.index : p.anchor, body_count);
        const icu::UnicodeString u = icu::UnicodeString::fromUTF8(p.text);
        if (u.isEmpty())
            continue;
        const std::vector<Span> quotes = quoted_spans(u);
        const std::vector<Token> tokens = tokenize(u);
        const ParagraphText text{p, u, tokens, quotes};
        abbreviations.scan(text, order,
                           p.where != Where::Footnote && p.where != Where::Endnote &&
                               at < map.glossary.size() && map.glossary[at]);
        if (p.outline_level > 0 || (at < map.skip.size() && map.skip[at]))
            continue;
        check_phrases(s, text, out);
        check_sentences(
            s, b, text,
            per_section[p.where == Where::Body && p.outline_level == 0 ? map.own_section[at] : -2],
            out);
    }
    check_readability(s, doc, sections, per_section, out);
    abbreviations.report(out);
    return out;
}

} // namespace scrqm
