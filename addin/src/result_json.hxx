// The JSON that the result (result.cxx) and the exported report
// (report_export.cxx) share: one writer of a result's members and one
// reading of a coverage status (coverage.cxx).
#pragma once

#include <scrqm/coverage.hxx>
#include <scrqm/result.hxx>

#include <boost/property_tree/ptree.hpp>

#include <functional>
#include <string>
#include <string_view>

namespace scrqm
{

class JsonWriter;

// The members of a result's object after "file", left open for more:
// to_json's own, or, with `mask`, the exported report's (report_to_json):
// every text of the case through `mask`, no fix labels, no notes, no
// inferred-heading confidence, and a finding's section and context always.
void write_result_members(JsonWriter& w, const Result& result,
                          const std::function<std::string(const std::string&)>* mask = nullptr);

// A result's JSON as the office sent it, parsed. Throws std::runtime_error
// ("malformed result from the office: ...") for JSON nested too deep or
// malformed.
boost::property_tree::ptree parse_office_json(const std::string& json);

// The status named `name` (as to_string spells it); Missing for any other.
CoverageStatus coverage_status_named(std::string_view name);

} // namespace scrqm
