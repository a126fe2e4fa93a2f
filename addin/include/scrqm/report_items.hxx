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
    int number = 0;            // as written: "Finding 3" -> 3
    std::string label;         // "Finding 3"
    std::string title;         // what follows the number on its own line
    std::string text;          // title and the paragraphs that belong to it, "\n"-joined
    std::size_t paragraph = 0; // body index of the opening paragraph
    std::size_t end = 0;       // body index one past its last paragraph
    bool heading = false;      // opened by a heading rather than a paragraph
    std::string section;       // title of the section it is in ("" at top)
};

const char* to_string(ReportItem::Kind kind); // "finding", "recommendation"

// Findings and recommendations in reading order. An item opens with a body
// paragraph or heading that starts "Finding N" / "Recommendation N"
// (optionally after a section number: "5.2 Finding 2: ..."), or with a
// paragraph "N." / "N)" inside a section titled Findings or Recommendations.
// It runs to the next item or heading (for a heading item: the next heading
// of the same or a higher level).
std::vector<ReportItem> extract_report_items(const Document& doc);

} // namespace scrqm
