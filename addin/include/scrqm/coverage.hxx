// Which markers a document addresses: tagged sections and passages, markers
// only suggested, and markers with nothing. Shared by the sidebar, the macro
// API, `scrqm coverage` and the HTML report.
#pragma once

#include <scrqm/catalogue.hxx>
#include <scrqm/model.hxx>
#include <scrqm/suggest.hxx>
#include <scrqm/tags.hxx>

#include <map>
#include <string>
#include <vector>

namespace scrqm
{

enum class CoverageStatus
{
    Tagged,    // at least one section or passage is tagged with the marker
    Suggested, // no tag, but it is a section's best suggestion
    Missing,
};

const char* to_string(CoverageStatus status);

struct MarkerCoverage
{
    std::string marker; // "QM9"
    CoverageStatus status = CoverageStatus::Missing;
    std::vector<std::size_t> tagged_sections;    // indices into the sections
    std::size_t passages = 0;                    // passage tags
    std::vector<std::size_t> suggested_sections; // sections whose best suggestion it is
    double best_score = 0;                       // best suggestion score
    std::size_t answered = 0, not_applicable = 0, questions = 0;
};

// Everything the sidebar and the reports show, computed in one go.
struct Analysis
{
    std::vector<Section> sections;
    std::vector<std::vector<Suggestion>> suggestions; // per section
    std::vector<MarkerCoverage> coverage;             // catalogue order
    // marker -> question number -> state; unreadable stored values are
    // reported in `problems` and treated as all open.
    std::map<std::string, std::map<int, QuestionNote>> questions;
    std::vector<std::string> problems;
};

// `cache`, kept between calls, makes a refresh after a small edit cheap.
Analysis analyse(const Document& doc, const Catalogue& catalogue, const Suggester& suggester,
                 SuggestCache* cache = nullptr);

std::vector<MarkerCoverage> compute_coverage(const Document& doc, const Catalogue& catalogue,
                                             const Suggester& suggester);

// {"file","framework","sections":[...with markers and suggestions],
//  "coverage":[{"marker","title","cluster","status","sections",...}],
//  "questions":{...},"summary":{"tagged","suggested","missing"}}
std::string analysis_to_json(const Analysis& analysis, const Catalogue& catalogue,
                             const std::string& file);

// The coverage strip: one numbered cell per marker (green tagged, amber
// suggested, grey missing), clusters apart, as SVG with a <title> per cell.
// The sidebar shows it; the HTML report can embed it.
std::string coverage_svg(const std::vector<MarkerCoverage>& coverage, const Catalogue& catalogue);

// The command line's text form, rendered from the JSON above.
std::string coverage_text_from_json(const std::string& json);

} // namespace scrqm
