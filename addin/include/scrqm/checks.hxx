// The check registry: every check by its stable id, run on the document model.
#pragma once

#include <scrqm/anonymisation.hxx>
#include <scrqm/finding.hxx>
#include <scrqm/model.hxx>

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace scrqm
{

struct CheckOptions;

// One check: loads its data once, then runs on any number of documents.
// Checks never modify the document; they only read the model.
class Check
{
public:
    virtual ~Check() = default;
    virtual std::vector<Finding> run(const Document& doc, const CheckOptions& options) const = 0;
};

struct CheckInfo
{
    const char* id;
    const char* summary;
    // Loads the check's data from `data_dir`; throws DataError when broken.
    std::unique_ptr<Check> (*create)(const std::string& data_dir);
};

// Sorted by id.
const std::vector<CheckInfo>& registered_checks();

// "anonymisation,structure" -> ids; "" or "all" -> every check. Throws
// DataError naming an unknown id and listing the known ones.
std::vector<std::string> parse_check_list(const std::string& list);

struct CheckOptions
{
    AnonymisationOptions anonymisation;
    // The structure profile: a name in <data>/profiles ("scr-report", the
    // default when empty) or a path to a .json file.
    std::string profile;
};

// Loads each check's data once (from `data_dir`) and runs checks on
// documents. Throws DataError when a data file is broken. Safe to share
// between threads: one run at a time (the office shares one between the
// macro API, the panel and its commands, which may come from a macro's
// thread).
class CheckRunner
{
public:
    explicit CheckRunner(std::string data_dir);
    ~CheckRunner();
    std::vector<Finding> run(const Document& doc, const std::vector<std::string>& checks,
                             const CheckOptions& options);

private:
    std::string data_dir_;
    std::mutex mutex_;
    std::map<std::string, std::unique_ptr<Check>> loaded_;
};

// Findings in reading order of their place, then position.
void sort_findings(std::vector<Finding>& findings);

} // namespace scrqm
