// Quasi identifiers: details that alone identify no one but together can
// (special categories, ages, places, dates, ...). The special categories
// come from lexicons; the jigsaw finding reports a paragraph or a section
// that holds many kinds of them.
#include "internal.hxx"
#include "rules.hxx"

namespace scrqm
{

namespace anonymisation
{

const std::set<std::string>& jigsaw_kinds()
{
    static const std::set<std::string> kinds = {
        "age",      "health",      "disability", "ethnicity",   "nationality", "religion",
        "language", "immigration", "place",      "institution", "date",        "postcode-district"};
    return kinds;
}

void find_jigsaws(const Document& doc, const std::vector<Finding>& found, int paragraph_kinds,
                  int section_kinds, std::vector<Finding>& out)
{
    namespace R = rules::anonymisation;
    std::map<std::pair<Where, std::size_t>, const Paragraph*> by_place;
    for (const Paragraph& p : doc.paragraphs)
        by_place[{p.where, p.index}] = &p;
    auto add_jigsaw = [&](const Rule& rule, double score, const std::string& message,
                          const std::set<std::string>& kinds, const Paragraph& p,
                          const std::string& text)
    {
        std::string list;
        for (const std::string& k : kinds)
            list += (list.empty() ? "" : ", ") + k;
        Finding f(rule);
        f.score = score;
        f.message = message;
        f.explanation = "quasi identifiers combined: " + list;
        f.advice = "Keep only the details the learning needs; generalise the others";
        f.where = p.where;
        f.paragraph = p.index;
        f.end = static_cast<std::size_t>(icu::UnicodeString::fromUTF8(text).countChar32());
        f.text = text;
        out.push_back(std::move(f));
    };
    std::map<std::pair<Where, std::size_t>, std::set<std::string>> kinds_by_paragraph;
    for (const Finding& f : found)
        if (jigsaw_kinds().count(f.category))
            kinds_by_paragraph[{f.where, f.paragraph}].insert(f.category);
    for (const auto& [key, kinds] : kinds_by_paragraph)
        if (static_cast<int>(kinds.size()) >= paragraph_kinds && by_place.count(key))
            add_jigsaw(R::jigsaw, 0.8,
                       "Jigsaw risk: " + std::to_string(kinds.size()) +
                           " details in one paragraph could together identify the family",
                       kinds, *by_place[key], by_place[key]->text);
    // Per top-level section: its body paragraphs.
    for (const Section& s : compute_sections(doc))
    {
        if (s.level != 1)
            continue;
        std::set<std::string> kinds;
        for (const auto& [key, k] : kinds_by_paragraph)
            if (key.first == Where::Body && key.second >= s.paragraph && key.second < s.end)
                kinds.insert(k.begin(), k.end());
        if (static_cast<int>(kinds.size()) >= section_kinds &&
            by_place.count({Where::Body, s.paragraph}))
            add_jigsaw(R::jigsaw_section, 0.6,
                       "Jigsaw risk in section \"" + s.title +
                           "\": " + std::to_string(kinds.size()) +
                           " kinds of detail together could identify the family",
                       kinds, *by_place[{Where::Body, s.paragraph}], s.title);
    }
}

} // namespace anonymisation

// Special categories and precise details (health, ethnicity, religion, ...)
// from their lexicons.
void AnonymisationCheck::Impl::find_special_categories(ParagraphScan& s) const
{
    const std::vector<Token>& tokens = s.tokens;
    for (const Special& special : specials)
        for (std::size_t i = 0; i < tokens.size(); ++i)
        {
            if (s.token_excluded[i])
                continue;
            if (const std::size_t n = special.lexicon.match(tokens, i))
            {
                s.hits.add(s.tokens_span(i, n),
                           anonymisation::hit_finding(
                               *special.rule, 0.7, special.message,
                               "lexicon: " + std::string(special.rule->category) +
                                   " (special category or precise detail)",
                               "Generalise it (a long-term condition, a region) or leave it out"));
                i += n - 1;
            }
        }
}

} // namespace scrqm
