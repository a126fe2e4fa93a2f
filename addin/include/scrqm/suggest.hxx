// Marker suggestions for sections: cue terms and phrases per marker, as data
// (addin/data/cues/<framework>.json), scored so that every suggestion can say
// which cues fired, how often and with what weight. Precision before recall:
// a suggestion needs min_score points from at least two different cues (or
// one in the section's title), and each cue counts at most kMaxCueCount
// times. A title hit counts three times the cue's weight, once.
#pragma once

#include <scrqm/catalogue.hxx>
#include <scrqm/model.hxx>

#include <string>
#include <unordered_map>
#include <vector>

namespace scrqm
{

struct CueHit
{
    std::string cue; // as written in the data file
    int count = 0;   // occurrences (capped)
    int weight = 0;
    bool in_title = false; // a title hit counts 3 x weight
    double points = 0;
};

struct Suggestion
{
    std::string marker;
    double score = 0;
    std::vector<CueHit> hits; // highest points first
};

constexpr int kMaxCueCount = 3;

// Cue counts per paragraph text from the previous refresh, so that a live
// refresh re-reads only the paragraphs that changed. Entries not seen in a
// refresh are dropped.
class SuggestCache
{
public:
    std::size_t size() const { return entries_.size(); }

private:
    friend class Suggester;
    struct Entry
    {
        std::vector<std::pair<std::size_t, int>> counts; // cue index, count
        unsigned generation = 0;
    };
    std::unordered_map<std::string, Entry> entries_;
    unsigned generation_ = 0;
};

class Suggester
{
public:
    // Reads and validates the cue file against the catalogue: known marker
    // ids, every marker present once, weights 1..5, no duplicate cue.
    // Throws DataError naming the file.
    static Suggester load(const std::string& path, const Catalogue& catalogue);
    // <data_dir>/cues/<framework id>.json
    static Suggester load_for(const std::string& data_dir, const Catalogue& catalogue);

    // Suggestions for one text with its title, best first, only those with
    // at least min_score points.
    std::vector<Suggestion> score(const std::string& title, const std::string& text) const;

    // For each section: suggestions on its own text (heading up to the next
    // heading of any level, with the tables and notes anchored there),
    // leaving out markers the section is already tagged with.
    std::vector<std::vector<Suggestion>> suggest(const Document& doc,
                                                 const std::vector<Section>& sections,
                                                 SuggestCache* cache = nullptr) const;

    double min_score() const { return min_score_; }
    std::size_t cue_count() const { return cues_.size(); }

private:
    struct Cue
    {
        std::string text;
        std::vector<std::string> words; // folded
        bool prefix = false;            // last word is a prefix ("investigat*")
        int weight = 1;
        std::size_t marker = 0; // index into markers_
    };

    void count(const std::string& text, std::vector<int>& counts) const;
    std::vector<Suggestion> rank(const std::vector<int>& body, const std::vector<int>& title) const;

    std::vector<std::string> markers_;
    std::vector<Cue> cues_;
    std::unordered_map<std::string, std::vector<std::size_t>> by_first_;  // exact first word
    std::unordered_map<std::string, std::vector<std::size_t>> by_prefix_; // single prefix word
    std::size_t min_prefix_ = 100;
    std::size_t max_prefix_ = 0;
    double min_score_ = 4;
};

} // namespace scrqm
