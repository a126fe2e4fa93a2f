// The check registry: every check by its stable id, run on the document model.
#pragma once

#include <scrqm/anonymisation.hxx>
#include <scrqm/finding.hxx>
#include <scrqm/model.hxx>

#include <memory>
#include <string>
#include <vector>

namespace scrqm
{

struct CheckInfo
{
    const char* id;
    const char* summary;
};

// Sorted by id.
const std::vector<CheckInfo>& registered_checks();

// "anonymisation,structure" -> ids; "" or "all" -> every check. Throws
// DataError naming an unknown id and listing the known ones.
std::vector<std::string> parse_check_list(const std::string& list);

struct CheckOptions
{
    AnonymisationOptions anonymisation;
};

// Loads each check's data once (from `data_dir`) and runs checks on
// documents. Throws DataError when a data file is broken.
class CheckRunner
{
public:
    explicit CheckRunner(std::string data_dir);
    ~CheckRunner();
    std::vector<Finding> run(const Document& doc, const std::vector<std::string>& checks,
                             const CheckOptions& options);

private:
    std::string data_dir_;
    std::unique_ptr<AnonymisationCheck> anonymisation_;
};

// Findings in reading order of their place, then position.
void sort_findings(std::vector<Finding>& findings);

} // namespace scrqm
