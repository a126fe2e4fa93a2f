// Renders results in the one JSON shape shared by every check and action,
// and as text for the command line (docs/macro-api.md#result-json). A result
// is assembled in one place, run_check (check_entry.hxx).
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
    // The structure profile the report was checked with, whether the cover
    // named its kind, and one line saying so (kinds.hxx); empty: not known.
    std::string kind;
    bool kind_detected = false;
    std::string kind_note;
    std::vector<Section> sections;
    std::vector<Finding> findings;
    std::size_t paragraphs = 0;
    // One line each about the check itself, not the document: a case
    // register that is locked (its passphrase not given).
    std::vector<std::string> notes;
};

// The result's "summary" member.
struct ResultSummary
{
    std::size_t paragraphs = 0, sections = 0, findings = 0;
    std::size_t errors = 0, warnings = 0, info = 0;
};
ResultSummary summary_of(const Result& result);

// Whether findings let a report be published: error-severity findings stop
// it. The one place its text is spelled ("Ready to publish", "Not ready: 2
// errors"), for the panel, the reports and the command line alike.
struct Verdict
{
    bool ready = false;
    std::size_t errors = 0;
    std::size_t unchecked = 0; // files that could not be checked (a report of several)
    std::string text;
};
Verdict verdict_of(std::size_t errors, std::size_t unchecked = 0);
Verdict verdict_of(const std::vector<Finding>& findings);

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
