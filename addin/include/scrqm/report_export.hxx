// The exported pre-publication report (HTML for the board, the same content
// as JSON). UNO-free: the command line renders it from results, and the
// office only adds each finding's context (add_context).
//
// A report never repeats a found identifier in clear: every identifier
// finding's text, every register value (and a registered name's parts) is
// replaced wherever it occurs in the report, in any case and with or
// without diacritics, by a numbered category label such as "[name 2]". The
// same identifier always gets the same label, so a reader can still see
// that two findings are about the same person.
#pragma once

#include <scrqm/anonymisation.hxx>
#include <scrqm/catalogue.hxx>
#include <scrqm/coverage.hxx>
#include <scrqm/result.hxx>

#include <cstddef>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace scrqm
{

// Whether a finding's text is an identifier. The combination findings are
// not (anonymisation.jigsaw: a whole paragraph; jigsaw-section: a section
// title; pseudonym-*: a pseudonym); identifiers inside them are masked like
// anywhere else.
bool is_identifier_finding(const Finding& finding);

// Fills each finding's section title and the `width` code points of text
// before and after it (cut at spaces, widened so that no identifier finding
// of the same paragraph is cut in half, "…" where text was left out).
void add_context(std::vector<Finding>& findings, const Document& doc,
                 const std::vector<Section>& sections, std::size_t width = 60);

// ------------------------------------------------------------ coverage
// What the report draws for one marker. Any coverage computation (tags
// only, or one that also suggests) only has to produce these.
struct ReportMarker
{
    std::string id;    // "QM13"
    std::string title; // "Analysis"
    std::string cluster;
    CoverageStatus status = CoverageStatus::Missing;
};

// Coverage from the tags on the sections (Section::markers): tagged or
// missing, in the catalogue's order. Only for a result that came without
// the statuses below.
std::vector<ReportMarker> coverage_from_tags(const Catalogue& catalogue,
                                             const std::vector<Section>& sections);

// Coverage as the sidebar and `scrqm coverage` see it (compute_coverage):
// tagged, else suggested for a section by the suggestion engine, else
// missing, in the catalogue's order. Markers without a status are missing.
std::vector<ReportMarker> report_coverage(const Catalogue& catalogue,
                                          const std::map<std::string, CoverageStatus>& status);
std::map<std::string, CoverageStatus>
coverage_statuses(const std::vector<MarkerCoverage>& coverage);

// The statuses travel from the office with a report's check result as one
// more member of its JSON object: "coverage":{"QM1":"tagged",...}.
std::string with_coverage_json(const std::string& result_json,
                               const std::vector<MarkerCoverage>& coverage);
// Reads that member back; empty when there is none. Throws
// std::runtime_error on malformed JSON.
std::map<std::string, CoverageStatus> coverage_statuses_from_json(const std::string& result_json);

// ------------------------------------------------------------ masking
class Masker
{
public:
    struct Piece
    {
        std::string text;
        bool masked = false; // text is a label like "[name 2]"
    };

    // Masks `identifier` (and its form without a possessive 's) under a
    // label made from `category`; for a name, each capitalised word of it as
    // well ("Liam Carter": "Liam", "Carter"; not "the", "Dr"). Strings
    // shorter than two letters or digits are ignored: they identify no one
    // and would mask every "a".
    void add(const std::string& identifier, const std::string& category);
    // Every identifier finding's text, under its category.
    void add_findings(const std::vector<Finding>& findings);
    // Every register entry's real value under its kind (a name's words too).
    void add_register(const std::vector<RegisterEntry>& entries);

    // `text` cut into clear and masked pieces. Matches whole words only
    // (an identifier inside a longer word is a different word).
    std::vector<Piece> pieces(const std::string& text) const;
    std::string mask(const std::string& text) const;
    std::size_t size() const { return labels_.size(); }

private:
    void add_one(const std::string& identifier, const std::string& category);
    // The lengths of the keys starting with each character, longest first:
    // a match tries each length once by lookup (a list of entries tried one
    // by one made 20,000 phone numbers in one line take minutes).
    std::map<char32_t, std::set<std::size_t, std::greater<std::size_t>>> lengths_;
    std::map<std::u32string, std::string> labels_; // folded key -> label
    std::map<std::string, int> counts_;
};

// ------------------------------------------------------------ report
// One file of a report.
struct ReportedFile
{
    std::string file;
    std::string error; // why it could not be checked; empty when checked
    Result result;     // findings with their context (add_context)
    std::vector<ReportMarker> coverage;
};

struct ReportInfo
{
    std::string framework_title; // "Serious Case Review Quality Markers (2016)"
    std::string version;         // scrqm's
    std::vector<std::string> checks;
    std::vector<Cluster> clusters; // the framework's, to group the coverage picture
    // check family id ("anonymisation") -> its summary, for group headings
    std::map<std::string, std::string> check_summaries;
};

// One self-contained, printable HTML page for all the files: inline CSS and
// SVG, no script, no external resource. Every piece of document text is
// masked and escaped.
std::string report_to_html(const std::vector<ReportedFile>& items, const Masker& masker,
                           const ReportInfo& info);

// The same content for one checked file as one line of JSON: the result
// shape (file, framework, sections, findings, summary) with every text
// masked, plus "verdict" and "coverage".
std::string report_to_json(const ReportedFile& item, const Masker& masker);

// Escapes text for HTML element content and attribute values.
std::string html_escape(const std::string& text);

} // namespace scrqm
