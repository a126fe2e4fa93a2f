// Renders results in the one JSON shape shared by every check and action,
// and as text for the command line. See README, "Result JSON".
#pragma once

#include <scrqm/catalogue.hxx>
#include <scrqm/finding.hxx>
#include <scrqm/model.hxx>

#include <string>
#include <vector>

namespace scrqm
{

struct Result
{
    std::string file;
    std::string framework = kDefaultFramework;
    std::vector<Section> sections;
    std::vector<Finding> findings;
    std::size_t paragraphs = 0;
};

// {"file","framework","sections":[...],"findings":[...],"summary":{...}}
std::string to_json(const Result& result);

// {"framework":{...},"clusters":[...],"markers":[...]}
std::string catalogue_to_json(const Catalogue& catalogue);

// Every paragraph with its place: for tests and for debugging a reader.
std::string model_to_json(const Document& doc);

// {"error": message} (plus "file" when known).
std::string error_json(const std::string& message, const std::string& file = {});

// Reads back what to_json wrote (the office answers in JSON). Throws
// std::runtime_error on malformed input; an {"error":...} object throws with
// its message.
Result result_from_json(const std::string& json);

std::string outline_to_text(const Result& result);
std::string catalogue_to_text(const Catalogue& catalogue);

} // namespace scrqm

namespace scrqm
{
// One line per finding, for the command line.
std::string findings_to_text(const Result& result);
} // namespace scrqm
