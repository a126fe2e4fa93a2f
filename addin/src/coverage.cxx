#include <scrqm/coverage.hxx>
#include <scrqm/enum_names.hxx>
#include <scrqm/json.hxx>

#include "result_json.hxx"

#include <boost/property_tree/ptree.hpp>

#include <algorithm>
#include <cstdio>

namespace pt = boost::property_tree;

namespace scrqm
{

namespace
{
// In the order of CoverageStatus's values.
constexpr const char* kStatuses[] = {"tagged", "suggested", "missing"};
} // namespace

const char* to_string(CoverageStatus status)
{
    return name_of(kStatuses, status, "missing");
}

CoverageStatus coverage_status_named(std::string_view name)
{
    return value_named<CoverageStatus>(kStatuses, name).value_or(CoverageStatus::Missing);
}

Analysis analyse(const Document& doc, const Catalogue& catalogue, const Suggester& suggester,
                 SuggestCache* cache)
{
    Analysis a;
    a.sections = compute_sections(doc);
    a.suggestions = suggester.suggest(doc, a.sections, cache);
    for (const auto& [marker, value] : doc.question_states)
    {
        const Marker* m = catalogue.find(marker);
        if (!m)
        {
            a.problems.push_back(question_property_name(marker) + ": unknown marker");
            continue;
        }
        try
        {
            a.questions[marker] = parse_question_states(value, marker, m->questions.size());
        }
        catch (const DataError& e)
        {
            a.problems.push_back(e.what());
        }
    }
    for (const Marker& m : catalogue.markers)
    {
        MarkerCoverage c;
        c.marker = m.id;
        c.questions = m.questions.size();
        for (std::size_t si = 0; si < a.sections.size(); ++si)
        {
            const Section& s = a.sections[si];
            if (std::find(s.markers.begin(), s.markers.end(), m.id) != s.markers.end())
                c.tagged_sections.push_back(si);
            // Precision first: a section suggests only its best marker.
            if (!a.suggestions[si].empty() && a.suggestions[si][0].marker == m.id)
            {
                c.suggested_sections.push_back(si);
                c.best_score = std::max(c.best_score, a.suggestions[si][0].score);
            }
        }
        for (const Tag& t : doc.tags)
            if (t.passage && t.marker == m.id)
                ++c.passages;
        if (const auto q = a.questions.find(m.id); q != a.questions.end())
            for (const auto& [n, note] : q->second)
            {
                c.answered += note.state == QuestionState::Answered;
                c.not_applicable += note.state == QuestionState::NotApplicable;
            }
        c.status = !c.tagged_sections.empty() || c.passages ? CoverageStatus::Tagged
                   : !c.suggested_sections.empty()          ? CoverageStatus::Suggested
                                                            : CoverageStatus::Missing;
        a.coverage.push_back(std::move(c));
    }
    return a;
}

std::vector<MarkerCoverage> compute_coverage(const Document& doc, const Catalogue& catalogue,
                                             const Suggester& suggester)
{
    return analyse(doc, catalogue, suggester).coverage;
}

namespace
{
void index_array(JsonWriter& w, const char* name, const std::vector<std::size_t>& v)
{
    w.key(name).begin_array();
    for (const std::size_t i : v)
        w.value(static_cast<std::uint64_t>(i));
    w.end_array();
}
} // namespace

std::string analysis_to_json(const Analysis& a, const Catalogue& catalogue, const std::string& file)
{
    JsonWriter w;
    w.begin_object().member("file", file).member("framework", catalogue.id);
    w.key("sections").begin_array();
    for (std::size_t si = 0; si < a.sections.size(); ++si)
    {
        const Section& s = a.sections[si];
        w.begin_object()
            .member("title", s.title)
            .member("level", s.level)
            .member("paragraph", static_cast<std::uint64_t>(s.paragraph))
            .member("end", static_cast<std::uint64_t>(s.end));
        w.key("markers").begin_array();
        for (const std::string& m : s.markers)
            w.value(m);
        w.end_array();
        w.key("suggestions").begin_array();
        for (const Suggestion& sg : a.suggestions[si])
        {
            w.begin_object().member("marker", sg.marker).member("score", sg.score);
            w.key("cues").begin_array();
            for (const CueHit& h : sg.hits)
                w.begin_object()
                    .member("cue", h.cue)
                    .member("count", h.count)
                    .member("weight", h.weight)
                    .member("in_title", h.in_title)
                    .member("points", h.points)
                    .end_object();
            w.end_array().end_object();
        }
        w.end_array().end_object();
    }
    w.end_array();
    std::size_t counts[3] = {};
    w.key("coverage").begin_array();
    for (const MarkerCoverage& c : a.coverage)
    {
        const Marker* m = catalogue.find(c.marker);
        ++counts[static_cast<int>(c.status)];
        w.begin_object()
            .member("marker", c.marker)
            .member("title", m ? m->title : std::string())
            .member("cluster", m ? m->cluster : std::string())
            .member("status", to_string(c.status));
        index_array(w, "sections", c.tagged_sections);
        w.member("passages", static_cast<std::uint64_t>(c.passages));
        index_array(w, "suggested", c.suggested_sections);
        w.member("best_score", c.best_score)
            .member("questions", static_cast<std::uint64_t>(c.questions))
            .member("answered", static_cast<std::uint64_t>(c.answered))
            .member("not_applicable", static_cast<std::uint64_t>(c.not_applicable))
            .end_object();
    }
    w.end_array();
    w.key("questions").begin_object();
    for (const auto& [marker, states] : a.questions)
    {
        w.key(marker).begin_array();
        for (const auto& [n, q] : states)
            w.begin_object()
                .member("question", n)
                .member("state", to_string(q.state))
                .member("note", q.note)
                .end_object();
        w.end_array();
    }
    w.end_object();
    w.key("problems").begin_array();
    for (const std::string& p : a.problems)
        w.value(p);
    w.end_array();
    w.key("summary")
        .begin_object()
        .member("tagged", static_cast<std::uint64_t>(counts[0]))
        .member("suggested", static_cast<std::uint64_t>(counts[1]))
        .member("missing", static_cast<std::uint64_t>(counts[2]))
        .end_object();
    w.end_object();
    return w.take();
}

std::string coverage_svg(const std::vector<MarkerCoverage>& coverage, const Catalogue& catalogue)
{
    // One row per cluster, so the three stages of a review read top to
    // bottom and the strip stays legible in a narrow sidebar.
    const int cell = 24, gap = 3, row_height = 24, row_gap = 4;
    auto escape = [](const std::string& text)
    {
        std::string out;
        for (const char c : text)
            out += c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : std::string(1, c);
        return out;
    };
    std::string cells;
    int x = 0, y = 0, width = 0, rows = 0;
    std::string cluster;
    for (const MarkerCoverage& c : coverage)
    {
        const Marker* m = catalogue.find(c.marker);
        if (m && m->cluster != cluster)
        {
            if (rows++ > 0)
                y += row_height + row_gap;
            x = 0;
            cluster = m->cluster;
        }
        const char* fill = c.status == CoverageStatus::Tagged      ? "#2e7d32"
                           : c.status == CoverageStatus::Suggested ? "#f9a825"
                                                                   : "#e0e0e0";
        const char* ink = c.status == CoverageStatus::Tagged ? "#ffffff" : "#212121";
        const std::string number = m ? std::to_string(m->number) : c.marker;
        cells += "<g><title>" +
                 escape(c.marker + " " + (m ? m->title : "") + ": " + to_string(c.status)) +
                 "</title><rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) +
                 "\" width=\"" + std::to_string(cell) + "\" height=\"" +
                 std::to_string(row_height) + "\" rx=\"3\" fill=\"" + fill + "\"/><text x=\"" +
                 std::to_string(x + cell / 2) + "\" y=\"" + std::to_string(y + 16) +
                 "\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"12\" "
                 "font-weight=\"bold\" fill=\"" +
                 ink + "\">" + number + "</text></g>";
        x += cell + gap;
        width = std::max(width, x - gap);
    }
    const int height = rows * row_height + std::max(0, rows - 1) * row_gap;
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(width) +
           "\" height=\"" + std::to_string(height) + "\" viewBox=\"0 0 " + std::to_string(width) +
           " " + std::to_string(height) + "\" role=\"img\"><title>" + escape(catalogue.title) +
           " coverage</title>" + cells + "</svg>";
}

std::string coverage_text_from_json(const std::string& json)
{
    const pt::ptree root = parse_json_data(json, "coverage result");
    if (const auto e = root.get_optional<std::string>("error"))
        throw std::runtime_error(*e);
    std::vector<pt::ptree> sections;
    for (const auto& [k, s] : root.get_child("sections"))
        sections.push_back(s);
    auto section_name = [&](const std::string& index)
    {
        const std::size_t i = std::stoul(index);
        return i < sections.size() ? "\"" + sections[i].get<std::string>("title") + "\"" : index;
    };
    const pt::ptree& summary = root.get_child("summary");
    std::string out = root.get<std::string>("file") + ": " + summary.get<std::string>("tagged") +
                      " tagged, " + summary.get<std::string>("suggested") + " suggested, " +
                      summary.get<std::string>("missing") + " missing (" + "of " +
                      std::to_string(root.get_child("coverage").size()) + " markers)\n";
    // The strip: one character per marker, # tagged, ~ suggested, . missing.
    std::string strip;
    for (const auto& [k, c] : root.get_child("coverage"))
    {
        const std::string st = c.get<std::string>("status");
        strip += st == "tagged" ? '#' : st == "suggested" ? '~' : '.';
    }
    out += "  [" + strip + "]  # tagged  ~ suggested  . missing\n";
    for (const auto& [k, c] : root.get_child("coverage"))
    {
        const std::string marker = c.get<std::string>("marker");
        const std::string st = c.get<std::string>("status");
        char head[64];
        std::snprintf(head, sizeof head, "  %-9s %-5s ", st.c_str(), marker.c_str());
        out += head + c.get<std::string>("title");
        std::string where;
        if (st == "tagged")
        {
            for (const auto& [i, s] : c.get_child("sections"))
                where += (where.empty() ? "" : ", ") + section_name(s.data());
            const std::string passages = c.get<std::string>("passages");
            if (passages != "0")
                where += (where.empty() ? "" : ", ") + passages + " passage(s)";
        }
        else if (st == "suggested")
        {
            for (const auto& [i, s] : c.get_child("suggested"))
            {
                const std::size_t si = std::stoul(s.data());
                where += (where.empty() ? "" : ", ") + section_name(s.data());
                if (si >= sections.size())
                    continue;
                for (const auto& [j, sg] : sections[si].get_child("suggestions"))
                    if (sg.get<std::string>("marker") == marker)
                    {
                        std::string cues;
                        int shown = 0;
                        for (const auto& [h, hit] : sg.get_child("cues"))
                            if (shown++ < 3)
                                cues += (cues.empty() ? "" : ", ") + hit.get<std::string>("cue") +
                                        " x" + hit.get<std::string>("count");
                        where += " (" + cues + ")";
                    }
            }
        }
        const std::string answered = c.get<std::string>("answered");
        const std::string na = c.get<std::string>("not_applicable");
        if (answered != "0" || na != "0")
            where += (where.empty() ? "" : "; ") + std::string("questions: ") + answered +
                     " answered, " + na + " n/a of " + c.get<std::string>("questions");
        out += where.empty() ? "\n" : ": " + where + "\n";
    }
    for (const auto& [k, p] : root.get_child("problems"))
        out += "  problem: " + p.data() + "\n";
    return out;
}

} // namespace scrqm
