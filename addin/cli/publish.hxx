// scrqm publish IN -o OUT.docx|.odt|.pdf: the publication copy of an office
// document, made by the extension in the private office
// (Action=publication-copy), and its check's verdict.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace scrqm::cli
{

struct PublishOptions
{
    std::vector<std::string> files; // exactly one input
    std::string output;
    std::string format = "text"; // text or json
    std::string oxt;             // the extension the office installs
    bool keep_changes = false;   // refuse when tracked changes are undecided
    // How the copy is checked (as for check).
    std::string checks, framework, profile, allow, deny, named;
};

// Exit 0 when the copy is ready to publish, 1 when its check found an error,
// 2 when no copy was written (one line on stderr says why).
int publish(const PublishOptions& options, std::ostream& out, std::ostream& err);

} // namespace scrqm::cli
