// Word and phrase lists read from data files (addin/data/lexicons).
#pragma once

#include <scrqm/text.hxx>

#include <cstddef>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace scrqm
{

class Lexicon
{
public:
    struct Entry
    {
        std::vector<std::string> words; // folded
        std::string group;              // "# group: x" above it in the file
        bool capitalised = false;       // the entry is written with a capital
    };

    // Reads `path`: one entry per line, '#' comments, "# group: name" lines
    // tag the entries after them. Throws DataError naming file and line.
    static Lexicon load(const std::string& path);
    void add(const std::string& entry, const std::string& group = {});

    bool contains(const std::string& folded_word) const { return singles_.count(folded_word) != 0; }
    // The same for a token, by its word id when it has one.
    bool contains(const Token& t) const
    {
        if (!indexed_ || t.word == -2)
            return contains(t.key);
        return t.word >= 0 && static_cast<std::size_t>(t.word) < single_ids_.size() &&
               single_ids_[static_cast<std::size_t>(t.word)];
    }

    // Gives every word of the lexicon an id in `vocabulary` (adding the words
    // it lacks). Tokens whose `word` was looked up in the same vocabulary
    // then match by id: one hash per token for all lexicons, not one each.
    void index(std::unordered_map<std::string, int32_t>& vocabulary);

    // The longest entry that starts at tokens[i] (its token count), or 0.
    // Phrases match token keys in order; a capitalised entry needs a
    // capitalised first token.
    // `ignore_case` also lets a capitalised entry match a lower-case word.
    // Always inlined: called for every token by several lexicons.
    [[gnu::always_inline]] std::size_t match(const std::vector<Token>& tokens, std::size_t i,
                                             const Entry** entry = nullptr,
                                             bool ignore_case = false) const
    {
        // Most tokens start no entry: answered here, without a call.
        if (entries_.empty())
            return 0;
        if (indexed_ && tokens[i].word != -2)
        {
            const int32_t w = tokens[i].word;
            if (w < 0 || static_cast<std::size_t>(w) >= first_group_.size() ||
                first_group_[static_cast<std::size_t>(w)] < 0)
                return 0;
        }
        return match_entries(tokens, i, entry, ignore_case);
    }

    std::size_t size() const { return entries_.size(); }

private:
    std::size_t match_entries(const std::vector<Token>& tokens, std::size_t i, const Entry** entry,
                              bool ignore_case) const;

    std::vector<Entry> entries_;
    std::unordered_set<std::string> singles_;
    // first word -> indices of entries starting with it
    std::unordered_map<std::string, std::vector<std::size_t>> by_first_;
    // After index(): the same by word id.
    bool indexed_ = false;
    std::vector<std::vector<int32_t>> entry_ids_;  // per entry
    std::vector<int32_t> first_group_;             // word id -> index in groups_, or -1
    std::vector<std::vector<std::size_t>> groups_; // entries starting with a word
    std::vector<char> single_ids_;                 // word id -> single entry
};

} // namespace scrqm
