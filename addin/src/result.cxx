#include <scrqm/enum_names.hxx>
#include <scrqm/json.hxx>
#include <scrqm/result.hxx>
#include <scrqm/rules.hxx>

#include "result_json.hxx"

#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>

#include <algorithm>
#include <sstream>
#include <stdexcept>

namespace scrqm
{

namespace
{
// In the order of Severity's values.
constexpr const char* kSeverities[] = {"info", "warning", "error"};
} // namespace

const char* to_string(Severity severity)
{
    return name_of(kSeverities, severity, "warning");
}

namespace
{

using Mask = std::function<std::string(const std::string&)>;

void write_sections(JsonWriter& w, const std::vector<Section>& sections, const Mask* mask)
{
    w.key("sections").begin_array();
    for (const Section& s : sections)
    {
        w.begin_object()
            .member("title", mask ? (*mask)(s.title) : s.title)
            .member("level", s.level)
            .member("paragraph", static_cast<std::uint64_t>(s.paragraph))
            .member("end", static_cast<std::uint64_t>(s.end));
        // Only inferred headings say so: a styled outline reads as before.
        if (s.inferred && !mask)
            w.member("inferred", true)
                .member("confidence",
                        static_cast<double>(static_cast<int>(s.confidence * 100 + 0.5)) / 100);
        w.key("markers").begin_array();
        for (const std::string& m : s.markers)
            w.value(m);
        w.end_array().end_object();
    }
    w.end_array();
}

void write_finding(JsonWriter& w, const Finding& f, const Mask* mask)
{
    auto text = [mask](const std::string& t) { return mask ? (*mask)(t) : t; };
    w.begin_object()
        .member("check", f.check)
        .member("category", f.category)
        .member("severity", to_string(f.severity))
        .member("message", text(f.message))
        .member("marker", f.marker)
        .member("text", text(f.text))
        .member("where", to_string(f.where))
        .member("paragraph", static_cast<std::uint64_t>(f.paragraph))
        .member("start", static_cast<std::uint64_t>(f.start))
        .member("end", static_cast<std::uint64_t>(f.end))
        .member("explanation", text(f.explanation))
        .member("score", f.score);
    if (!f.fixes.empty())
    {
        w.key("fixes").begin_array();
        for (const FixAction& a : f.fixes)
        {
            w.begin_object().member("kind", to_string(a.kind));
            if (!a.replacement.empty())
                w.member("replacement", text(a.replacement));
            if (!a.target.empty())
                w.member("target", text(a.target));
            if (!a.lead_in.empty())
                w.member("lead_in", text(a.lead_in));
            if (!mask)
                w.member("label", fix_label(a));
            w.end_object();
        }
        w.end_array();
    }
    if (!f.advice.empty())
        w.member("advice", text(f.advice));
    // The report's shape: the author first, the section and context always.
    if (mask && !f.author.empty())
        w.member("author", text(f.author));
    for (const auto& [name, value] :
         {std::pair{"section", &f.section}, std::pair{"context_before", &f.context_before},
          std::pair{"context_after", &f.context_after}})
        if (mask || !value->empty())
            w.member(name, text(*value));
    if (!mask && !f.author.empty())
        w.member("author", f.author);
    w.end_object();
}

void write_strings(JsonWriter& w, const char* name, const std::vector<std::string>& items)
{
    w.key(name).begin_array();
    for (const std::string& s : items)
        w.value(s);
    w.end_array();
}

} // namespace

ResultSummary summary_of(const Result& result)
{
    ResultSummary s;
    s.paragraphs = result.paragraphs;
    s.sections = result.sections.size();
    s.findings = result.findings.size();
    for (const Finding& f : result.findings)
        ++(f.severity == Severity::Error     ? s.errors
           : f.severity == Severity::Warning ? s.warnings
                                             : s.info);
    return s;
}

Verdict verdict_of(std::size_t errors, std::size_t unchecked)
{
    Verdict v;
    v.errors = errors;
    v.unchecked = unchecked;
    v.ready = errors == 0 && unchecked == 0;
    // Not ready with no error: a file of the report could not be checked.
    v.text = v.ready
                 ? "Ready to publish"
                 : "Not ready: " + std::to_string(errors) + (errors == 1 ? " error" : " errors");
    if (unchecked)
        v.text += ", " + std::to_string(unchecked) +
                  (unchecked == 1 ? " file could not be checked" : " files could not be checked");
    return v;
}

Verdict verdict_of(const std::vector<Finding>& findings)
{
    return verdict_of(static_cast<std::size_t>(
        std::count_if(findings.begin(), findings.end(),
                      [](const Finding& f) { return f.severity == Severity::Error; })));
}

void write_result_members(JsonWriter& w, const Result& result, const Mask* mask)
{
    w.member("framework", result.framework);
    if (!result.kind.empty())
        w.key("kind")
            .begin_object()
            .member("profile", result.kind)
            .member("detected", result.kind_detected)
            // Not masked: it holds a kind's name and the phrase that named
            // it, one of a fixed few, never text of the case.
            .member("description", result.kind_note)
            .end_object();
    write_sections(w, result.sections, mask);
    w.key("findings").begin_array();
    for (const Finding& f : result.findings)
        write_finding(w, f, mask);
    w.end_array();
    if (!result.notes.empty() && !mask)
        write_strings(w, "notes", result.notes);
    const ResultSummary s = summary_of(result);
    w.key("summary")
        .begin_object()
        .member("paragraphs", static_cast<std::uint64_t>(s.paragraphs))
        .member("sections", static_cast<std::uint64_t>(s.sections))
        .member("findings", static_cast<std::uint64_t>(s.findings))
        .member("errors", static_cast<std::uint64_t>(s.errors))
        .member("warnings", static_cast<std::uint64_t>(s.warnings))
        .member("info", static_cast<std::uint64_t>(s.info))
        .end_object();
}

std::string to_json(const Result& result)
{
    JsonWriter w;
    w.begin_object().member("file", result.file);
    write_result_members(w, result);
    w.end_object();
    return w.take();
}

std::string catalogue_to_json(const Catalogue& cat)
{
    JsonWriter w;
    w.begin_object();
    w.key("framework")
        .begin_object()
        .member("id", cat.id)
        .member("title", cat.title)
        .member("publisher", cat.publisher)
        .member("year", cat.year);
    if (!cat.source.empty())
        w.member("source", cat.source);
    if (!cat.audiences.empty())
    {
        w.key("audiences").begin_array();
        for (const Cluster& a : cat.audiences)
            w.begin_object().member("id", a.id).member("title", a.title).end_object();
        w.end_array();
    }
    w.end_object();
    w.key("clusters").begin_array();
    for (const Cluster& c : cat.clusters)
        w.begin_object().member("id", c.id).member("title", c.title).end_object();
    w.end_array();
    w.key("markers").begin_array();
    for (const Marker& m : cat.markers)
    {
        w.begin_object()
            .member("id", m.id)
            .member("number", m.number)
            .member("title", m.title)
            .member("cluster", m.cluster)
            .member("statement", m.statement)
            .member("rationale", m.rationale);
        const Cluster* stage = cat.find_cluster(m.cluster);
        w.member("stage", stage ? stage->title : m.cluster);
        write_strings(w, "questions", m.questions);
        if (!cat.audiences.empty())
        {
            w.key("questions_by_audience").begin_object();
            for (const auto& [audience, questions] : m.questions_by_audience)
                write_strings(w, audience.c_str(), questions);
            w.end_object();
        }
        write_strings(w, "equality_diversity", m.equality_diversity);
        write_strings(w, "guidance", m.guidance);
        if (!m.source.empty())
            w.member("source", m.source);
        if (!m.missing.empty())
            w.member("missing", m.missing);
        w.end_object();
    }
    w.end_array().end_object();
    return w.take();
}

std::string model_to_json(const Document& doc)
{
    JsonWriter w;
    w.begin_object().member("file", doc.file).member("format", doc.format);
    w.key("paragraphs").begin_array();
    for (const Paragraph& p : doc.paragraphs)
    {
        w.begin_object()
            .member("where", to_string(p.where))
            .member("paragraph", static_cast<std::uint64_t>(p.index))
            .member("level", p.outline_level)
            .member("container", p.container)
            .member("anchor", static_cast<std::uint64_t>(p.anchor))
            .member("text", p.text)
            .end_object();
    }
    w.end_array();
    w.key("properties").begin_object();
    for (const auto& [name, value] : doc.properties)
        w.member(name, value);
    w.end_object().end_object();
    return w.take();
}

std::string error_json(const std::string& message, const std::string& file)
{
    JsonWriter w;
    w.begin_object();
    if (!file.empty())
        w.member("file", file);
    w.member("error", message).end_object();
    return w.take();
}

namespace
{
Severity severity_from(const std::string& s)
{
    return value_named<Severity>(kSeverities, s).value_or(Severity::Warning);
}

Where where_from(const std::string& s)
{
    for (std::size_t i = 0; i < kWhereCount; ++i)
        if (s == to_string(static_cast<Where>(i)))
            return static_cast<Where>(i);
    return Where::Body;
}
} // namespace

boost::property_tree::ptree parse_office_json(const std::string& json)
{
    namespace pt = boost::property_tree;
    pt::ptree root;
    std::istringstream in(json);
    if (json_too_deep(json) != 0)
        throw std::runtime_error("malformed result from the office: nested too deep");
    try
    {
        pt::read_json(in, root);
    }
    catch (const pt::json_parser_error& e)
    {
        throw std::runtime_error("malformed result from the office: " + e.message());
    }
    return root;
}

Result result_from_json(const std::string& json)
{
    const boost::property_tree::ptree root = parse_office_json(json);
    if (const auto error = root.get_optional<std::string>("error"))
        throw std::runtime_error(*error);
    Result r;
    r.file = root.get<std::string>("file", "");
    r.framework = root.get<std::string>("framework", kDefaultFramework);
    r.kind = root.get<std::string>("kind.profile", "");
    r.kind_detected = root.get<bool>("kind.detected", false);
    r.kind_note = root.get<std::string>("kind.description", "");
    r.paragraphs = root.get<std::size_t>("summary.paragraphs", 0);
    if (const auto sections = root.get_child_optional("sections"))
        for (const auto& [key, node] : *sections)
        {
            Section s;
            s.title = node.get<std::string>("title", "");
            s.level = node.get<int>("level", 1);
            s.paragraph = node.get<std::size_t>("paragraph", 0);
            s.end = node.get<std::size_t>("end", 0);
            s.inferred = node.get<bool>("inferred", false);
            s.confidence = node.get<float>("confidence", 1);
            if (const auto markers = node.get_child_optional("markers"))
                for (const auto& [k, m] : *markers)
                    s.markers.push_back(m.data());
            r.sections.push_back(std::move(s));
        }
    if (const auto findings = root.get_child_optional("findings"))
        for (const auto& [key, node] : *findings)
        {
            const std::string check = node.get<std::string>("check", "");
            const Rule* rule = find_rule(check);
            if (!rule)
                throw std::runtime_error("a finding of an unknown rule \"" + check + "\"");
            Finding f(*rule);
            f.category = node.get<std::string>("category", "");
            f.severity = severity_from(node.get<std::string>("severity", ""));
            f.message = node.get<std::string>("message", "");
            f.marker = node.get<std::string>("marker", "");
            f.text = node.get<std::string>("text", "");
            f.where = where_from(node.get<std::string>("where", ""));
            f.paragraph = node.get<std::size_t>("paragraph", 0);
            f.start = node.get<std::size_t>("start", 0);
            f.end = node.get<std::size_t>("end", 0);
            f.explanation = node.get<std::string>("explanation", "");
            f.score = node.get<double>("score", 1.0);
            if (const auto fixes = node.get_child_optional("fixes"))
                for (const auto& [fk, fix] : *fixes)
                    f.fixes.push_back({fix_kind_from(fix.get<std::string>("kind", "")),
                                       fix.get<std::string>("replacement", ""),
                                       fix.get<std::string>("target", ""),
                                       fix.get<std::string>("lead_in", "")});
            f.advice = node.get<std::string>("advice", "");
            f.section = node.get<std::string>("section", "");
            f.context_before = node.get<std::string>("context_before", "");
            f.context_after = node.get<std::string>("context_after", "");
            f.author = node.get<std::string>("author", "");
            r.findings.push_back(std::move(f));
        }
    if (const auto notes = root.get_child_optional("notes"))
        for (const auto& [key, note] : *notes)
            r.notes.push_back(note.data());
    return r;
}

std::string outline_to_text(const Result& result)
{
    std::string out = result.file + "\n";
    if (result.sections.empty())
        out += "  (no headings)\n";
    for (const Section& s : result.sections)
    {
        out.append(static_cast<std::size_t>(2 * s.level), ' ');
        out += s.title;
        out += "  [paragraph " + std::to_string(s.paragraph);
        if (s.inferred)
            out += "; inferred " + std::to_string(static_cast<int>(s.confidence * 100 + 0.5)) + "%";
        if (!s.markers.empty())
        {
            out += "; ";
            for (std::size_t i = 0; i < s.markers.size(); ++i)
                out += (i ? "," : "") + s.markers[i];
        }
        out += "]\n";
    }
    return out;
}

std::string catalogue_to_text(const Catalogue& cat)
{
    std::string out = cat.title + " (" + cat.id + ")\n";
    if (!cat.source.empty())
        out += "Source: " + cat.source + "\n";
    for (const Cluster& c : cat.clusters)
    {
        out += "\n" + c.title + "\n";
        for (const Marker& m : cat.markers)
        {
            if (m.cluster != c.id)
                continue;
            out += "  " + m.id + "  " + m.title + " (" + std::to_string(m.questions.size()) +
                   " questions)\n";
            out +=
                "        " + (m.statement.empty() ? "(statement not found)" : m.statement) + "\n";
            if (!m.missing.empty())
                out += "        Missing: " + m.missing + "\n";
        }
    }
    return out;
}

} // namespace scrqm

namespace scrqm
{

std::string findings_to_text(const Result& result)
{
    std::size_t counts[3] = {};
    for (const Finding& f : result.findings)
        ++counts[static_cast<std::size_t>(f.severity)];
    std::string out = result.file + ": " + std::to_string(counts[2]) + " errors, " +
                      std::to_string(counts[1]) + " warnings, " + std::to_string(counts[0]) +
                      " info\n";
    if (!result.kind_note.empty())
        out += "  Kind of review: " + result.kind_note + "\n";
    for (const Finding& f : result.findings)
    {
        std::string sev = to_string(f.severity);
        sev.resize(8, ' ');
        std::string place = std::string(to_string(f.where)) + " " + std::to_string(f.paragraph) +
                            ":" + std::to_string(f.start) + "-" + std::to_string(f.end);
        if (place.size() < 18)
            place.resize(18, ' ');
        out += "  " + sev + place + " " + f.check + "  \"" + f.text + "\"  " + f.message;
        if (!f.marker.empty())
            out += " [" + f.marker + "]";
        out += "\n";
    }
    return out;
}

} // namespace scrqm
