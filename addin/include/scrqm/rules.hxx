// The rule registry: every rule the product can report, with its id, family,
// default severity, marker, names for people, the fixes it can offer and
// where its doc lives. A Finding can only be made from a registered Rule.
//
// Each family registers its rules in one place, addin/src/checks/<family>/
// rules.cxx (declared in rules.hxx beside it). Rule ids are written as
// literals there and nowhere else: code names a rule through the family's
// handles (rules::structure::missing_section), data files name it by id and
// are validated against the registry when they load.
#pragma once

#include <scrqm/finding.hxx>

#include <string>
#include <string_view>
#include <vector>

namespace scrqm
{

struct Rule
{
    const char* id;       // "anonymisation.postcode"
    const char* family;   // "anonymisation"
    const char* category; // the finding's category: "postcode", "structure", ...
    Severity severity;    // default severity
    const char* marker;   // default quality marker, "QM14"
    const char* name;     // for lists: "Full postcodes"
    const char* summary;  // one line: what it reports
    std::vector<FixKind> fixes;
    // Small documents in the markup of rule_examples.hxx: each match example
    // must give a finding of this rule (at each [[span]] it marks), each
    // nomatch example none. Run by one generic unit test.
    std::vector<const char*> match;
    std::vector<const char*> nomatch;
};

// Every registered rule, sorted by id.
const std::vector<const Rule*>& all_rules();
// nullptr when `id` is not registered.
const Rule* find_rule(std::string_view id);
// Throws DataError naming `where` when `id` is not registered: for data files.
const Rule& rule_named(std::string_view id, const std::string& where);
// The rules of one family ("anonymisation"), sorted by id.
std::vector<const Rule*> rules_of(std::string_view family);
// Where the rule's doc lives: docs/rules.md#<anchor>.
std::string rule_doc(const Rule& rule);

// The registry as JSON (an array of rules) or text, for `scrqm rules`, and as
// the Markdown of docs/rules.md.
std::string rules_to_json();
std::string rules_to_text();
std::string rules_to_markdown();

} // namespace scrqm
