// The one result shape shared by every check (see README, "Result JSON").
#pragma once

#include <scrqm/model.hxx>

#include <cstddef>
#include <string>

namespace scrqm
{

enum class Severity
{
    Info,
    Warning,
    Error,
};

const char* to_string(Severity severity);

struct Finding
{
    std::string check;    // stable id, e.g. "anonymisation.postcode"
    std::string category; // e.g. "postcode", "structure", "hidden-data"
    Severity severity = Severity::Warning;
    std::string message;
    std::string marker; // e.g. "QM14"
    std::string text;   // the matched text
    Where where = Where::Body;
    std::size_t paragraph = 0; // index within `where`
    std::size_t start = 0;     // Unicode code points within the paragraph
    std::size_t end = 0;
    std::string explanation; // why it fired
    double score = 1.0;      // 0..1 confidence
    std::string fix;         // suggested fix, may be empty
    // Filled only when a report asks for them (add_context in report.hxx):
    // the title of the section holding the finding, and the paragraph's text
    // just before and after it (cut at word boundaries, never inside another
    // identifier). Empty otherwise; JSON writes them only when set.
    std::string section;
    std::string context_before;
    std::string context_after;
};

} // namespace scrqm
