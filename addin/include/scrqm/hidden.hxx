// The hidden-data check: what a published file carries that its reader does
// not see (comments, tracked changes, hidden text, properties, ...), item by
// item. The office reader fills Document::hidden; plain text has none.
#pragma once

#include <scrqm/checks.hxx>
#include <scrqm/rules.hxx>

#include <string>
#include <vector>

namespace scrqm
{

struct HiddenKindInfo
{
    const char* kind;   // the reader's kind: "comment", "tracked-change", ...
    const Rule* rule;   // the rule its findings belong to
    const char* what;   // "Comment", "Tracked change", ...
    const char* why;    // why it matters for publication
    const char* advice; // the macro API's Fix= that removes it, or ""
};

// Every kind the check knows, in the order findings are explained.
const std::vector<HiddenKindInfo>& hidden_kinds();

class HiddenCheck final : public Check
{
public:
    explicit HiddenCheck(const std::string& data_dir);
    std::vector<Finding> run(const Document& doc, const CheckOptions& options) const override;
};

} // namespace scrqm
