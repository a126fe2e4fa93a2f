// The structure profile (the sections a report is expected to have, loaded
// from addin/data/profiles), the check's entry point, and the sections:
// which heading serves which profile section, and the sections missing,
// empty or out of the usual order.
#include <scrqm/catalogue.hxx>
#include <scrqm/kinds.hxx>
#include <scrqm/text.hxx>

#include "internal.hxx"
#include "rules.hxx"

#include <boost/property_tree/ptree.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

namespace pt = boost::property_tree;

namespace scrqm
{

namespace structure
{

Pattern compile(const std::string& pattern, const std::string& where)
{
    UErrorCode status = U_ZERO_ERROR;
    UParseError pe;
    Pattern p(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern),
                                         UREGEX_CASE_INSENSITIVE, pe, status));
    if (U_FAILURE(status))
        throw DataError(where + ": bad pattern \"" + pattern + "\" at offset " +
                        std::to_string(pe.offset) + ": " + u_errorName(status));
    return p;
}

std::string trim(const std::string& s)
{
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos)
        return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::size_t words(const std::string& text)
{
    std::size_t n = 0;
    for (const Token& t : tokenize(icu::UnicodeString::fromUTF8(text)))
        n += t.alpha || t.number;
    return n;
}

std::string join(const std::vector<std::string>& list, std::size_t limit)
{
    std::string out;
    for (std::size_t i = 0; i < list.size() && i < limit; ++i)
        out += (i ? ", " : "") + list[i];
    if (list.size() > limit)
        out += ", ...";
    return out;
}

Finding structure_finding(const Rule& rule, const std::string& marker, const Paragraph* p,
                          std::string message, std::string explanation, std::string advice)
{
    Finding f(rule);
    f.marker = marker; // the profile's marker for the section
    f.message = std::move(message);
    f.explanation = std::move(explanation);
    f.advice = std::move(advice);
    if (p)
    {
        f.where = p->where;
        f.paragraph = p->index;
        f.text = p->text;
        f.end = static_cast<std::size_t>(icu::UnicodeString::fromUTF8(p->text).countChar32());
    }
    return f;
}

namespace
{

bool finds(const icu::RegexPattern& p, const icu::UnicodeString& text)
{
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexMatcher> m(p.matcher(text, status));
    return U_SUCCESS(status) && m->find(status);
}

} // namespace

// A heading's title without its leading number ("4.2 Scope" -> "Scope"),
// as the profile's patterns see it.
icu::UnicodeString heading_title(const std::string& title)
{
    static const Pattern heading_number =
        compile("^\\s*(?:\\d+(?:\\.\\d+)*\\.?|[A-Z]\\.)\\s+", "built-in");
    icu::UnicodeString t = icu::UnicodeString::fromUTF8(title);
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexMatcher> m(heading_number->matcher(t, status));
    return U_SUCCESS(status) ? m->replaceFirst("", status) : t;
}

bool matches_any(const std::vector<Pattern>& names, const icu::UnicodeString& title)
{
    return std::any_of(names.begin(), names.end(),
                       [&](const Pattern& p) { return finds(*p, title); });
}

namespace
{

std::vector<std::string> strings(const pt::ptree& node, const std::string& name,
                                 const std::string& where)
{
    std::vector<std::string> out;
    const auto child = node.get_child_optional(name);
    if (!child)
        return out;
    for (const auto& [k, v] : *child)
    {
        if (!k.empty() || !v.empty())
            throw DataError(where + ": \"" + name + "\" must be a list of strings");
        out.push_back(v.data());
    }
    return out;
}

ProfileSection load_section(const pt::ptree& node, const std::string& where_prefix,
                            std::set<std::string>& ids)
{
    ProfileSection s;
    s.id = node.get<std::string>("id", "");
    const std::string where = where_prefix + (s.id.empty() ? "" : " \"" + s.id + "\"");
    if (s.id.empty() || !ids.insert(s.id).second)
        throw DataError(where + ": missing or duplicate id");
    s.title = node.get<std::string>("title", s.id);
    s.names = strings(node, "names", where);
    if (s.names.empty())
        throw DataError(where + ": \"names\" must list at least one pattern");
    std::vector<Pattern> names;
    for (const std::string& n : s.names)
        names.push_back(compile(n, where));
    // Examples are headings as reports write them: each "match" one must be
    // served by this section, each "nomatch" one must not, so a pattern that
    // is edited too loosely or too tightly fails when the profile is loaded.
    // Optional, so that a board's own profile needs none; the shipped ones
    // all have them (tests/unit/kinds_test.cxx).
    if (const auto ex = node.get_child_optional("examples"))
    {
        s.match_examples = strings(*ex, "match", where + ": examples");
        s.nomatch_examples = strings(*ex, "nomatch", where + ": examples");
    }
    for (const std::string& e : s.match_examples)
        if (!matches_any(names, heading_title(e)))
            throw DataError(where + ": example heading \"" + e +
                            "\" is not matched by any of its \"names\"");
    for (const std::string& e : s.nomatch_examples)
        if (matches_any(names, heading_title(e)))
            throw DataError(where + ": example heading \"" + e +
                            "\" should not match, but one of its \"names\" does");
    const std::string required = node.get<std::string>("required", "false");
    if (required != "true" && required != "false")
        throw DataError(where + ": \"required\" must be true or false");
    s.required = required == "true";
    s.marker = node.get<std::string>("marker", "");
    if (s.marker.rfind("QM", 0) != 0)
        throw DataError(where + ": \"marker\" must name a quality marker (\"QM14\")");
    s.why = node.get<std::string>("why", "");
    try
    {
        s.min_words = node.get<std::size_t>("min_words", 1);
    }
    catch (const pt::ptree_error&)
    {
        throw DataError(where + ": \"min_words\" must be a number");
    }
    return s;
}

} // namespace

} // namespace structure

std::string profile_path(const std::string& data_dir, const std::string& name)
{
    if (name.find('/') != std::string::npos ||
        (name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0))
        return name;
    return data_dir + "/profiles/" + (name.empty() ? std::string("scr-report") : name) + ".json";
}

StructureProfile load_profile(const std::string& path, const std::string& data_dir)
{
    const pt::ptree root = read_json_data(path, "cannot open the structure profile");
    StructureProfile p;
    p.path = path;
    p.id = root.get<std::string>("id", "");
    p.title = root.get<std::string>("title", "");
    if (p.id.empty())
        throw DataError(path + ": missing \"id\"");
    p.max_heading_level = root.get<int>("max_heading_level", 2);
    const auto sections = root.get_child_optional("sections");
    if (!sections || sections->empty())
        throw DataError(path + ": missing \"sections\" (a list of the expected sections)");
    std::set<std::string> ids;
    for (const auto& [k, node] : *sections)
        p.sections.push_back(structure::load_section(
            node, path + ": section " + std::to_string(p.sections.size() + 1), ids));
    if (const auto f = root.get_child_optional("findings"))
    {
        p.findings_marker = f->get<std::string>("marker", p.findings_marker);
        const std::string cues = f->get<std::string>("explanation_cues", "");
        if (!cues.empty())
        {
            const std::string cue_path = data_dir + "/lexicons/" + cues;
            p.explanation_cues = Lexicon::load(cue_path);
            std::ifstream cf(cue_path);
            std::string line;
            while (std::getline(cf, line))
                if (!line.empty() && line[0] != '#')
                    p.explanation_cue_list.push_back(structure::trim(line));
        }
        for (const std::string& c :
             structure::strings(*f, "board_question_cues", path + ": findings"))
            p.board_question_cues.push_back(fold(c));
        for (const std::string& a : structure::strings(*f, "addressees", path + ": findings"))
            p.addressees.push_back(fold(a));
    }
    if (const auto c = root.get_child_optional("chronology"))
    {
        p.chronology_marker = c->get<std::string>("marker", p.chronology_marker);
        try
        {
            p.chronology_min_run = c->get<std::size_t>("min_run", 6);
        }
        catch (const pt::ptree_error&)
        {
            throw DataError(path + ": chronology: \"min_run\" must be a number");
        }
        if (p.chronology_min_run < 2)
            throw DataError(path + ": chronology: \"min_run\" must be at least 2");
    }
    return p;
}

StructureCheck::StructureCheck(const std::string& data_dir) : data_dir_(data_dir)
{
    profile(""); // the default profile is validated when the check is created
}

StructureCheck::~StructureCheck() = default;

const StructureProfile& StructureCheck::profile(const std::string& name) const
{
    const std::lock_guard<std::mutex> lock(mutex_);
    const std::string path = profile_path(data_dir_, name);
    auto& slot = profiles_[path];
    if (!slot)
    {
        std::ifstream probe(path);
        if (!probe && path != name)
        {
            // Sorted: the directory's order differs between file systems.
            std::set<std::string> names;
            std::error_code ec;
            for (const auto& e : std::filesystem::directory_iterator(data_dir_ + "/profiles", ec))
                if (e.path().extension() == ".json")
                    names.insert(e.path().stem().string());
            std::string known;
            for (const std::string& n : names)
                known += (known.empty() ? "" : ", ") + n;
            throw DataError("unknown structure profile \"" + name + "\" (available: " + known +
                            "; or give the path of a .json profile)");
        }
        slot = std::make_unique<StructureProfile>(load_profile(path, data_dir_));
    }
    return *slot;
}

std::vector<Finding> StructureCheck::run(const Document& doc, const CheckOptions& options) const
{
    // No profile chosen: the one for the kind of review the cover names.
    return run(doc,
               profile(options.profile.empty() ? detect_kind(doc).kind->profile : options.profile));
}

std::vector<Finding> StructureCheck::run(const Document& doc, const StructureProfile& profile) const
{
    std::vector<Finding> out;
    std::vector<const Paragraph*> body;
    for (const Paragraph& p : doc.paragraphs)
        if (p.where == Where::Body)
            body.push_back(&p);
    if (body.empty())
        return out;
    const std::vector<Section> sections = compute_sections(doc);
    const std::vector<const Section*> served =
        structure::check_sections(doc, body, sections, profile, out);
    structure::check_order(body, served, sections, profile, out);
    // The profile knows which sections hold the findings and recommendations
    // (an LCSPR's "Learning points", a board's "Considerations for ...").
    ItemAreas areas;
    for (std::size_t i = 0; i < profile.sections.size() && i < served.size(); ++i)
        if (served[i] && profile.sections[i].id == "findings")
            areas.findings = served[i]->paragraph;
        else if (served[i] && profile.sections[i].id == "recommendations")
            areas.recommendations = served[i]->paragraph;
    const std::vector<ReportItem> items = extract_report_items(doc, areas);
    structure::check_numbering(items, body, served, profile, out);
    structure::check_traceability(items, body, profile, out);
    structure::check_cross_references(doc, items, profile, out);
    structure::check_chronology(body, profile, out);
    structure::check_appendices(doc, sections, profile, out);
    return out;
}

namespace structure
{

// Which heading serves which profile section; the sections missing or empty.
std::vector<const Section*> check_sections(const Document& doc,
                                           const std::vector<const Paragraph*>& body,
                                           const std::vector<Section>& sections,
                                           const StructureProfile& profile,
                                           std::vector<Finding>& out)
{
    namespace R = rules::structure;
    if (sections.empty())
    {
        // Without headings every section would be "missing": say it once.
        Finding f = structure_finding(
            R::no_headings, "QM14", nullptr,
            "The document has no headings, so its sections cannot be checked",
            "The " + profile.id +
                " profile recognises sections by their headings (heading styles "
                "or outline levels; \"# Title\" in Markdown). QM14 question 1: "
                "the structure should make the analysis and findings easy to find.",
            "Give each section a heading in a heading style");
        f.where = body[0]->where;
        f.paragraph = body[0]->index;
        out.push_back(std::move(f));
    }
    std::vector<std::vector<Pattern>> names(profile.sections.size());
    for (std::size_t i = 0; i < profile.sections.size(); ++i)
        for (const std::string& n : profile.sections[i].names)
            names[i].push_back(compile(n, profile.path));
    std::vector<const Section*> served(profile.sections.size(), nullptr);
    const int max_level = profile.max_heading_level + part_offset(sections);
    for (const Section& s : sections)
    {
        if (s.level > max_level)
            continue;
        const icu::UnicodeString title = heading_title(s.title);
        for (std::size_t i = 0; i < profile.sections.size(); ++i)
            if (!served[i] && matches_any(names[i], title))
                served[i] = &s;
    }
    for (std::size_t i = 0; i < profile.sections.size(); ++i)
    {
        const ProfileSection& ps = profile.sections[i];
        if (served[i])
        {
            const Section& s = *served[i];
            std::size_t n = 0;
            for (const Paragraph& p : doc.paragraphs)
                if ((p.where == Where::Body && p.index > s.paragraph && p.index < s.end) ||
                    (p.where == Where::Table && p.anchor >= s.paragraph && p.anchor < s.end))
                    n += words(p.text);
            if (n < ps.min_words)
                out.push_back(structure_finding(
                    R::empty_section, ps.marker, body[s.paragraph],
                    "Section \"" + s.title + "\" (" + ps.title + ") is " +
                        (n == 0 ? std::string("empty")
                                : "almost empty: " + std::to_string(n) + " words"),
                    "The " + profile.id + " profile expects at least " +
                        std::to_string(ps.min_words) + " words here. " + ps.why,
                    "Write the section, or remove the heading"));
            continue;
        }
        if (!ps.required || sections.empty())
            continue;
        // Point at where it would usually go: the next section present, or
        // the end when only earlier sections are there.
        const bool earlier = std::any_of(served.begin(), served.begin() + static_cast<long>(i),
                                         [](const Section* x) { return x != nullptr; });
        const Paragraph* at = earlier ? body.back() : body[0];
        for (std::size_t j = i + 1; j < profile.sections.size(); ++j)
            if (served[j])
            {
                at = body[served[j]->paragraph];
                break;
            }
        Finding f =
            structure_finding(R::missing_section, ps.marker, nullptr, "No section for " + ps.title,
                              {}, "Add a section \"" + ps.title + "\"");
        f.where = at->where;
        f.paragraph = at->index;
        f.explanation = "No heading (level 1-" + std::to_string(profile.max_heading_level) +
                        ") matches any name this section goes by (" + join(ps.names, 4) + "). " +
                        ps.why;
        out.push_back(std::move(f));
    }
    return served;
}

// Sections present, in document order: the longest run in the usual order
// stays, the others are out of order.
void check_order(const std::vector<const Paragraph*>& body,
                 const std::vector<const Section*>& served, const std::vector<Section>& sections,
                 const StructureProfile& profile, std::vector<Finding>& out)
{
    namespace R = rules::structure;
    // A section in an appendix (terms of reference, a glossary) is where
    // many reports put it: it has no usual place among the others. Nesting
    // (involvement under methodology, terms of reference under the
    // introduction) keeps the heading's place in reading order, so it is in
    // order whenever its parent is.
    std::vector<std::size_t> present;
    for (std::size_t i = 0; i < served.size(); ++i)
        if (served[i] && !in_appendix(*served[i], sections))
            present.push_back(i);
    std::sort(present.begin(), present.end(),
              [&](std::size_t a, std::size_t b)
              { return served[a]->paragraph < served[b]->paragraph; });
    const std::size_t n = present.size();
    std::vector<std::size_t> len(n, 1), prev(n, n);
    std::size_t best = n;
    for (std::size_t i = 0; i < n; ++i)
    {
        for (std::size_t j = 0; j < i; ++j)
            if (present[j] < present[i] && len[j] + 1 > len[i])
            {
                len[i] = len[j] + 1;
                prev[i] = j;
            }
        if (best == n || len[i] > len[best])
            best = i;
    }
    std::vector<bool> in_order(n, false);
    for (std::size_t i = best; i < n; i = prev[i])
        in_order[i] = true;
    for (std::size_t i = 0; i < n; ++i)
    {
        if (in_order[i])
            continue;
        const ProfileSection& ps = profile.sections[present[i]];
        // The first section before it that usually comes after it.
        std::string after;
        for (std::size_t j = 0; j < i && after.empty(); ++j)
            if (present[j] > present[i])
                after = profile.sections[present[j]].title;
        std::string next;
        for (std::size_t j = i + 1; j < n && next.empty(); ++j)
            if (present[j] < present[i])
                next = profile.sections[present[j]].title;
        out.push_back(structure_finding(
            R::section_order, ps.marker, body[served[present[i]]->paragraph],
            "Section \"" + served[present[i]]->title + "\" (" + ps.title +
                ") is out of the usual order" +
                (!after.empty() ? ": it comes after " + after : ": it comes before " + next),
            "The " + profile.id + " profile lists the sections in the order readers expect them; " +
                ps.title + " usually comes " +
                (!after.empty() ? "before " + after : "after " + next) + ".",
            "Move the section"));
    }
}

} // namespace structure

} // namespace scrqm
