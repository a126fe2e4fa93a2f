// The board written response check (QM16) and the leftover-placeholder check.
// Plain C++ on the model; the cues are data (data/response.json).
#pragma once

#include <scrqm/finding.hxx>
#include <scrqm/model.hxx>

#include <memory>
#include <string>
#include <vector>

namespace scrqm
{

// Checks a board response against QM16's seven questions: time scheduled,
// plain English, acceptance of the findings, priorities, actions per agency,
// monitoring, national recommendations. Finding ids "response.<rule>",
// marker QM16. A document that is not a board response (no QM16 section tag,
// no response title) gets no findings.
class ResponseCheck
{
public:
    // Loads and validates data/response.json, running every rule's own
    // examples. Throws DataError naming the file and the rule.
    explicit ResponseCheck(const std::string& data_dir);
    ~ResponseCheck();
    ResponseCheck(const ResponseCheck&) = delete;
    ResponseCheck& operator=(const ResponseCheck&) = delete;

    bool applies(const Document& doc) const;
    std::vector<Finding> run(const Document& doc) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Template placeholder fields still in the document ("template.placeholder"):
// guidance that was never replaced must not be published.
std::vector<Finding> find_placeholders(const Document& doc);

// A paragraph's text without its placeholder fields.
std::string text_without_placeholders(const Paragraph& p);

} // namespace scrqm
