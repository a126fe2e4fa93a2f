// The structure check: the sections a report is expected to have (profiles
// in addin/data/profiles), its findings and recommendations, cross-references
// and chronology. Plain C++ on the model.
#pragma once

#include <scrqm/checks.hxx>
#include <scrqm/lexicon.hxx>

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace scrqm
{

struct ProfileSection
{
    std::string id;
    std::string title;
    std::vector<std::string> names; // ICU regexes, case-insensitive
    bool required = false;
    std::string marker;
    std::string why;
    std::size_t min_words = 1;
    // Headings as reports write them, checked against `names` on load.
    std::vector<std::string> match_examples, nomatch_examples;
};

struct StructureProfile
{
    std::string id;
    std::string title;
    std::string path;
    int max_heading_level = 2;
    std::vector<ProfileSection> sections; // usual order
    std::string findings_marker = "QM14";
    Lexicon explanation_cues;
    std::vector<std::string> explanation_cue_list; // as written, for messages
    std::vector<std::string> board_question_cues;  // folded phrases
    std::vector<std::string> addressees;           // folded words
    std::string chronology_marker = "QM14";
    std::size_t chronology_min_run = 6;
};

// Reads and validates a profile; cue files named in it are read from
// <data_dir>/lexicons. Throws DataError naming the file and the problem.
StructureProfile load_profile(const std::string& path, const std::string& data_dir);

// "scr-report" -> <data_dir>/profiles/scr-report.json; a name ending in
// .json or holding a '/' is taken as a path.
std::string profile_path(const std::string& data_dir, const std::string& name);

class StructureCheck final : public Check
{
public:
    explicit StructureCheck(const std::string& data_dir);
    ~StructureCheck() override;
    std::vector<Finding> run(const Document& doc, const CheckOptions& options) const override;
    std::vector<Finding> run(const Document& doc, const StructureProfile& profile) const;

private:
    const StructureProfile& profile(const std::string& name) const;
    std::string data_dir_;
    mutable std::mutex mutex_;
    mutable std::map<std::string, std::unique_ptr<StructureProfile>> profiles_;
};

} // namespace scrqm
