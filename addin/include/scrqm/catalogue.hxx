// Quality-marker frameworks, read from data files (addin/data/frameworks).
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace scrqm
{

// A data file that cannot be used. what() names the file and the problem.
class DataError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

} // namespace scrqm

#include <boost/property_tree/ptree_fwd.hpp>

namespace scrqm
{

// Parses JSON data; a syntax error becomes a DataError "<name>: line N: not
// valid JSON: ...", so every data file reports problems the same way.
boost::property_tree::ptree parse_json_data(const std::string& text, const std::string& name);

// Reads the data file `path` and parses it as parse_json_data does; a file
// that cannot be opened is a DataError "<path>: <cannot_open>".
boost::property_tree::ptree read_json_data(const std::string& path,
                                           const std::string& cannot_open = "cannot open the file");

struct Cluster
{
    std::string id;
    std::string title;
};

struct Marker
{
    std::string id; // "QM1"
    int number = 0;
    std::string title;
    std::string cluster; // Cluster::id
    std::string statement;
    std::string rationale;
    std::vector<std::string> questions;
    std::vector<std::string> equality_diversity;
    std::vector<std::string> guidance;
    // Frameworks whose questions are split by audience (sar-qm-2022):
    // audience id -> questions, in the framework's audience order; `questions`
    // then holds them all in that order, so question states keep one index.
    std::vector<std::pair<std::string, std::vector<std::string>>> questions_by_audience;
    std::string source;  // where the text was found
    std::string missing; // what of the marker's text could not be found, and why
};

struct Catalogue
{
    std::string id; // "scr-qm-2016"
    std::string title;
    std::string publisher;
    int year = 0;
    std::vector<Cluster> clusters;
    std::vector<Cluster> audiences; // empty: questions are not split by audience
    std::string source;
    std::vector<Marker> markers;

    const Marker* find(const std::string& marker_id) const;
    const Cluster* find_cluster(const std::string& cluster_id) const;
};

// Reads and validates a framework file. Throws DataError.
Catalogue load_catalogue(const std::string& path);

// The directory holding the data files: $SCRQM_DATA_DIR if set, else
// `fallback` (the caller knows where it was installed).
std::string data_dir(const std::string& fallback);

// <data_dir>/frameworks/<id>.json
std::string framework_path(const std::string& data_dir, const std::string& framework_id);

// The framework ids available in <data_dir>/frameworks, sorted.
std::vector<std::string> available_frameworks(const std::string& data_dir);

// Loads framework `id` from `data_dir`; an unknown id is a DataError that
// lists the available ones, and the file's own id must match its name.
Catalogue load_framework(const std::string& data_dir, const std::string& id);

constexpr const char* kDefaultFramework = "scr-qm-2016";

} // namespace scrqm
