#include <scrqm/json.hxx>
#include <scrqm/report_export.hxx>

#include "result_json.hxx"

#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <set>
#include <sstream>
#include <stdexcept>
#include <utility>

namespace scrqm
{

// ------------------------------------------------------------ coverage

std::vector<ReportMarker> coverage_from_tags(const Catalogue& catalogue,
                                             const std::vector<Section>& sections)
{
    std::set<std::string> tagged;
    for (const Section& s : sections)
        tagged.insert(s.markers.begin(), s.markers.end());
    std::vector<ReportMarker> out;
    for (const Marker& m : catalogue.markers)
        out.push_back({m.id, m.title, m.cluster,
                       tagged.count(m.id) ? CoverageStatus::Tagged : CoverageStatus::Missing});
    return out;
}

std::vector<ReportMarker> report_coverage(const Catalogue& catalogue,
                                          const std::map<std::string, CoverageStatus>& status)
{
    std::vector<ReportMarker> out;
    for (const Marker& m : catalogue.markers)
    {
        const auto it = status.find(m.id);
        out.push_back(
            {m.id, m.title, m.cluster, it == status.end() ? CoverageStatus::Missing : it->second});
    }
    return out;
}

std::map<std::string, CoverageStatus> coverage_statuses(const std::vector<MarkerCoverage>& coverage)
{
    std::map<std::string, CoverageStatus> out;
    for (const MarkerCoverage& c : coverage)
        out[c.marker] = c.status;
    return out;
}

std::string with_coverage_json(const std::string& result_json,
                               const std::vector<MarkerCoverage>& coverage)
{
    const std::size_t end = result_json.find_last_of('}');
    if (end == std::string::npos)
        return result_json;
    JsonWriter w;
    w.begin_object();
    for (const MarkerCoverage& c : coverage)
        w.member(c.marker, to_string(c.status));
    w.end_object();
    return result_json.substr(0, end) + ",\"coverage\":" + w.take() + result_json.substr(end);
}

std::map<std::string, CoverageStatus> coverage_statuses_from_json(const std::string& result_json)
{
    const boost::property_tree::ptree root = parse_office_json(result_json);
    std::map<std::string, CoverageStatus> out;
    if (const auto cov = root.get_child_optional("coverage"))
        for (const auto& [marker, node] : *cov)
            out[marker] = coverage_status_named(node.data());
    return out;
}

std::string report_to_json(const ReportedFile& item, const Masker& masker)
{
    const Result& r = item.result;
    const std::function<std::string(const std::string&)> mask = [&masker](const std::string& t)
    { return masker.mask(t); };
    JsonWriter w;
    w.begin_object().member("file", masker.mask(item.file));
    write_result_members(w, r, &mask);
    const Verdict v = verdict_of(r.findings);
    w.key("verdict")
        .begin_object()
        .member("ready", v.ready)
        .member("errors", static_cast<std::uint64_t>(v.errors))
        .member("text", v.text)
        .end_object();
    w.key("coverage").begin_array();
    for (const ReportMarker& m : item.coverage)
        w.begin_object()
            .member("id", m.id)
            .member("title", m.title)
            .member("status", to_string(m.status))
            .end_object();
    w.end_array();
    w.member("masked", true).end_object();
    return w.take();
}

} // namespace scrqm
