// The findings and recommendations of a report, found once and shared: the
// structure check judges them and the templates pre-fill the board's
// response from them. Plain C++ on the model.
#pragma once

#include <scrqm/model.hxx>

#include <cstddef>
#include <string>
#include <vector>

namespace scrqm
{

struct ReportItem
{
    enum class Kind
    {
        Finding,
        Recommendation,
    };
    Kind kind = Kind::Finding;
    int number = 0;            // as written: "Finding 3" -> 3; 0: unnumbered
    std::string label;         // "Finding 3", "Learning point 2", "Finding \"Title\""
    std::string title;         // what follows the number on its own line
    std::string text;          // title and the paragraphs that belong to it, "\n"-joined
    std::size_t paragraph = 0; // body index of the opening paragraph
    std::size_t end = 0;       // body index one past its last paragraph
    bool heading = false;      // opened by a heading rather than a paragraph
    std::string section;       // title of the section it is in ("" at top)
};

const char* to_string(ReportItem::Kind kind); // "finding", "recommendation"

// Where a report keeps its findings and its recommendations: the body
// indices of the headings the structure profile takes for those sections
// (npos: not known). A profile knows that an LCSPR's "Learning points" are
// its findings and a board's "Considerations for the safeguarding partners"
// its recommendations.
struct ItemAreas
{
    static constexpr std::size_t none = static_cast<std::size_t>(-1);
    std::size_t findings = none;
    std::size_t recommendations = none;
};

// Findings and recommendations in reading order. An item opens with a body
// paragraph or heading that starts "Finding N" / "Recommendation N" /
// "Learning point N" / "Consideration N" (optionally after a section number:
// "5.2 Finding 2: ..."), or with a paragraph "N." / "N)" inside the findings
// or recommendations section (`areas`; without them, a section titled
// Findings, Recommendations, Learning points or Considerations for ...). With
// `areas`, each sub-heading of those sections that carries no number is an
// item too, numbered 0, so that it is reported one by one. An item runs to
// the next item or heading (for a heading item: the next heading of the same
// or a higher level).
std::vector<ReportItem> extract_report_items(const Document& doc, const ItemAreas& areas = {});

} // namespace scrqm
