// The one result shape shared by every check (docs/macro-api.md, "Result JSON").
#pragma once

#include <scrqm/model.hxx>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace scrqm
{

enum class Severity
{
    Info,
    Warning,
    Error,
};

const char* to_string(Severity severity);

enum class FixKind
{
    Replace,               // with a pseudonym or a role
    Generalise,            // exact date -> month and year, age -> years, ...
    Remove,                // delete the identifier
    DeleteComment,         // hidden data: the comment(s)
    AcceptOrRejectChanges, // hidden data: tracked changes
    RemoveHiddenText,      // hidden data: hidden characters or paragraphs
    ClearProperty,         // hidden data: a document property
    Allow,                 // stop reporting it (document or user allow-list)
};

// "replace", "generalise", ... (the JSON and macro API spelling).
const char* to_string(FixKind kind);
// Throws std::invalid_argument for an unknown spelling.
FixKind fix_kind_from(std::string_view text);

// One thing a finding's fix can do, with its parameters: consumers read
// these, never the message.
struct FixAction
{
    FixKind kind = FixKind::Remove;
    // Replace: the pseudonym or role ("" = the user chooses one);
    // Generalise: the generalised text ("" = remove it).
    std::string replacement;
    // Generalise: what it becomes ("month-year", "years", "area", "kind");
    // ClearProperty: the property ("author", "custom:Case"); Allow: "document"
    // or "user".
    std::string target;
    // Generalise: the words just before the finding that the change also
    // rewrites ("on " of "on 12 March 2020", which becomes "in March 2020").
    std::string lead_in;
};

// The text people see for an action: `Replace with "Child A"`.
std::string fix_label(const FixAction& action);

struct Rule;
struct Finding;

// The fixes' labels and the advice, for people: `Replace with "Child A"; Allow
// in this document. Use the role ("the health visitor")`. Empty when neither.
std::string fix_summary(const Finding& finding);

struct Finding
{
    // A finding exists only as a finding of a registered rule: it takes the
    // rule's id, category, default severity and marker.
    explicit Finding(const Rule& rule);

    std::string check;    // the rule's stable id, e.g. "anonymisation.postcode"
    std::string category; // e.g. "postcode", "structure", "hidden-data"
    Severity severity = Severity::Warning;
    std::string message;
    std::string marker; // e.g. "QM14"
    std::string text;   // the matched text
    Where where = Where::Body;
    std::size_t paragraph = 0; // index within `where`
    std::size_t start = 0;     // Unicode code points within the paragraph
    std::size_t end = 0;
    std::string explanation;      // why it fired
    double score = 1.0;           // 0..1 confidence
    std::vector<FixAction> fixes; // what a fix can do, in the order offered
    std::string advice;           // how to put it right by hand, may be empty
    // Filled only when a report asks for them (add_context in report_export.hxx):
    // the title of the section holding the finding, and the paragraph's text
    // just before and after it (cut at word boundaries, never inside another
    // identifier). Empty otherwise; JSON writes them only when set.
    std::string section;
    std::string context_before;
    std::string context_after;
    // Who wrote the comment or the tracked change a finding is about: a
    // person's name in its message, masked in reports like an identifier.
    std::string author;

    bool offers(FixKind kind) const;
    const FixAction* fix_of(FixKind kind) const;
};

} // namespace scrqm
