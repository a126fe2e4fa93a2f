// What the Pre-publication check panel shows of a check's outcome, as text:
// the counts, the rows of findings grouped by rule name or page, where a
// finding is, the detail of one finding and which fix its Fix button
// applies. The panel (uno/results_panel.cxx) only puts these into its
// widgets.
#pragma once

#include <scrqm/check_entry.hxx>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace scrqm
{

// "Table1 B2", "body ¶12", "property author": where a finding is, for people.
std::string finding_place(const Finding& finding, const Document& doc);

// At most `max` code points of UTF-8 `text`, with `ellipsis` when cut (a
// jigsaw finding's text is a whole paragraph; a terminal may not show "…").
std::string shorten(const std::string& text, std::size_t max, const char* ellipsis = "…");

// The first of the finding's fix actions that Fix applies without asking
// anything: a replacement it names, a generalisation, a removal in the text,
// or a hidden-data fix. nullptr when there is none (a Replace that leaves
// the pseudonym to the user; Allow is the Ignore button).
const FixAction* one_click_fix(const Finding& finding);

struct ResultsList
{
    std::vector<std::string> rows;
    std::vector<long> finding; // per row: index into the findings, -1 for a header
};

// The heading of the section a finding is in ("4. Family involvement"): the
// last body heading at or before the body paragraph the finding's paragraph
// is anchored to; "" before the first heading, in a header or footer, or for
// a document property.
std::string finding_section(const Finding& finding, const Document& doc);

// The detail box of a selected finding: the rule's name and summary (what it
// reports), the finding's message and marker, why it fired, the fixes the
// Fix menu offers (fix_choices: from the fix actions, never the message)
// and the advice.
std::string finding_detail(const Finding& finding);

// The list people read: groups named for people (Rule::name, "Personal
// names (14)"), or pages ("Page 7 (3)"); each row
// "    p. 7 · 4. Family involvement · “Liam” — message", with the place after
// the section when it is not the body ("Table1 B2", "footnote"), without a
// page the section or the place ("body ¶12", "property author"); only the
// severities asked for; every shown finding (no cap). The panel supplies
// the pages (Writer's layout knows them; the command line has none).
enum class ResultsSort
{
    ByKind, // groups by rule name, most severe first; rows by page, then reading order
    ByPage, // groups by page ("Page 7 (3)"), unknown last; rows say their rule's name
};
struct ResultsView
{
    ResultsSort sort = ResultsSort::ByKind;
    std::optional<Severity> only; // the one severity shown; none: all
    std::vector<int> pages;       // per finding (index into the findings); 0: unknown
};
ResultsList results_list(const CheckOutcome& outcome, const Document& doc, const ResultsView& view);

// Per check family of `checks`, its shown findings by severity ("language: 1
// error, 2 warnings, 0 info"), one line each, then "N findings shown, M
// ignored".
std::string results_counts(const CheckOutcome& outcome, const std::vector<std::string>& checks);

} // namespace scrqm
