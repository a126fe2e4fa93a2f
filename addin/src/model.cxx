#include <scrqm/enum_names.hxx>
#include <scrqm/model.hxx>
#include <scrqm/strings.hxx>

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

namespace scrqm
{

namespace
{
} // namespace

std::size_t section_of(const std::vector<Section>& sections, std::size_t paragraph)
{
    std::size_t best = static_cast<std::size_t>(-1);
    for (std::size_t i = 0; i < sections.size(); ++i)
    {
        if (sections[i].paragraph == paragraph)
            return i;
        // Sections come in document order: the last one holding the
        // paragraph is the innermost.
        if (sections[i].paragraph <= paragraph && paragraph < sections[i].end)
            best = i;
    }
    return best;
}

std::size_t find_section(const std::vector<Section>& sections, const std::string& spec)
{
    if (spec.empty())
        throw std::invalid_argument("missing Section (an index or a title)");
    if (spec.find_first_not_of("0123456789") == std::string::npos)
    {
        const std::size_t i = std::stoul(spec);
        if (i >= sections.size())
            throw std::invalid_argument("Section " + spec + " does not exist (the document has " +
                                        std::to_string(sections.size()) + " sections)");
        return i;
    }
    auto lower = [](std::string s)
    {
        for (char& c : s)
            if (c >= 'A' && c <= 'Z')
                c = static_cast<char>(c + 32);
        return s;
    };
    for (int pass = 0; pass < 2; ++pass)
    {
        std::vector<std::size_t> hits;
        for (std::size_t i = 0; i < sections.size(); ++i)
            if (pass == 0 ? sections[i].title == spec : lower(sections[i].title) == lower(spec))
                hits.push_back(i);
        if (hits.size() == 1)
            return hits[0];
        if (hits.size() > 1)
            throw std::invalid_argument("Section \"" + spec + "\" matches " +
                                        std::to_string(hits.size()) +
                                        " sections; give its index instead");
    }
    throw std::invalid_argument("no section titled \"" + spec + "\"");
}

namespace
{

// "QM13" -> 13, so markers sort as the catalogue does.
long marker_number(const std::string& id)
{
    const auto d = id.find_first_of("0123456789");
    return d == std::string::npos ? 0 : std::strtol(id.c_str() + d, nullptr, 10);
}

void attach_tags(const std::vector<Tag>& tags, std::vector<Section>& sections)
{
    for (const Tag& t : tags)
    {
        if (t.passage)
            continue;
        const std::size_t si = section_of(sections, t.paragraph);
        Section* best = si < sections.size() ? &sections[si] : nullptr;
        if (best &&
            std::find(best->markers.begin(), best->markers.end(), t.marker) == best->markers.end())
            best->markers.push_back(t.marker);
    }
    for (Section& s : sections)
        std::stable_sort(s.markers.begin(), s.markers.end(),
                         [](const std::string& a, const std::string& b)
                         { return marker_number(a) < marker_number(b); });
}

} // namespace

namespace
{
// In the order of Where's values.
constexpr const char* kWheres[] = {"body",   "table", "footnote", "endnote", "header",
                                   "footer", "frame", "comment",  "property"};
static_assert(sizeof kWheres / sizeof *kWheres == kWhereCount);
} // namespace

const char* to_string(Where where)
{
    return name_of(kWheres, where, "body");
}

Paragraph& Document::add(Where where, std::string text, int outline_level, std::string container)
{
    Paragraph p;
    p.where = where;
    p.index = next_index_[static_cast<std::size_t>(where)]++;
    p.text = std::move(text);
    p.outline_level = where == Where::Body ? outline_level : 0;
    p.container = std::move(container);
    if (where == Where::Body)
        last_body_ = p.index;
    p.anchor = last_body_;
    paragraphs.push_back(std::move(p));
    return paragraphs.back();
}

std::size_t Document::count(Where where) const
{
    return next_index_[static_cast<std::size_t>(where)];
}

std::vector<Section> compute_sections(const Document& doc)
{
    std::vector<Section> sections;
    // Indices into `sections` of the headings still open, outermost first.
    std::vector<std::size_t> open;
    const std::size_t body_count = doc.count(Where::Body);
    for (const Paragraph& p : doc.paragraphs)
    {
        if (p.where != Where::Body || p.outline_level <= 0)
            continue;
        while (!open.empty() && sections[open.back()].level >= p.outline_level)
        {
            sections[open.back()].end = p.index;
            open.pop_back();
        }
        Section s;
        s.title = p.heading_title.empty() ? trim(p.text) : p.heading_title;
        s.level = p.outline_level;
        s.paragraph = p.index;
        s.end = body_count;
        s.inferred = p.heading_inferred;
        s.confidence = p.heading_inferred ? p.heading_confidence : 1.0f;
        open.push_back(sections.size());
        sections.push_back(std::move(s));
    }
    attach_tags(doc.tags, sections);
    return sections;
}

} // namespace scrqm
