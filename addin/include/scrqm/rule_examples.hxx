// Rule examples as small documents. Every registered rule carries examples
// (Rule::match, Rule::nomatch) that one generic unit test runs through the
// rule's own check; a match example marks the span it expects with [[...]].
//
// The markup, one paragraph per line:
//   # Title, ## Title         a heading of level 1, 2 ...
//   @table: text              a paragraph in a table ("footnote", "header",
//                             "footer", "frame", "comment" likewise)
//   !kind[ NAME]: text        hidden data of that kind (as the office reader
//                             reports it): "!comment: Call her", "!property
//                             author: Jo Bloggs", "!tracked-change: deleted"
//   %register REAL -> PSEUDONYM, %allow TEXT, %deny TEXT, %named NAME
//                             check options
//   {{...}}                   a template placeholder field
//   [[...]]                   where the rule's finding must be
#pragma once

#include <scrqm/anonymisation.hxx>
#include <scrqm/model.hxx>

#include <string>
#include <vector>

namespace scrqm
{

struct ExpectedSpan
{
    Where where = Where::Body;
    std::size_t paragraph = 0;
    std::size_t start = 0; // code points
    std::size_t end = 0;
    std::string text;
};

struct ExampleDocument
{
    Document doc;
    AnonymisationOptions options; // from the % lines
    std::vector<ExpectedSpan> spans;
};

// Throws DataError on malformed markup (an unclosed [[ or {{, an unknown
// place or directive).
ExampleDocument parse_example(const std::string& markup);

} // namespace scrqm
