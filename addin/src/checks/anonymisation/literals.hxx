// Lookups the anonymisation scan builds once at load and asks for every
// paragraph or token: which literals a text holds, and a word's id.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace scrqm::anonymisation
{

// Which of a set of byte strings occur in a text, in one pass over it: an
// Aho-Corasick automaton over the bytes that occur in the strings (every
// other byte is one class that leads back to the start).
class LiteralFinder
{
public:
    void build(const std::vector<std::string>& literals);

    // Scans bytes fed one at a time; present[k] is set when literal k occurs.
    class Scan
    {
    public:
        Scan(const LiteralFinder& f, std::vector<char>& present) : f_(f), present_(present)
        {
            present_.assign(f.count_, 0);
            for (std::size_t k : f.always_)
                present_[k] = 1;
        }
        void operator()(unsigned char b)
        {
            state_ = static_cast<std::size_t>(
                f_.next_[state_ * static_cast<std::size_t>(f_.classes_) + f_.class_[b]]);
            if (f_.ends_[state_])
                for (std::size_t k : f_.out_[state_])
                    present_[k] = 1;
        }

    private:
        const LiteralFinder& f_;
        std::vector<char>& present_;
        std::size_t state_ = 0;
    };

private:
    std::size_t count_ = 0;
    std::array<uint8_t, 256> class_{};
    int classes_ = 1;
    std::vector<int32_t> next_;                 // state * classes_ + class -> state
    std::vector<std::vector<std::size_t>> out_; // literals that end at a state
    std::vector<char> ends_;                    // out_ is not empty
    std::vector<std::size_t> always_;           // empty literals
};

// Word -> id, for one lookup per token: open addressing on an FNV-1a hash,
// cheaper for short words than std::unordered_map's hash.
class WordIds
{
public:
    void build(const std::unordered_map<std::string, int32_t>& words);
    // The word's id, or -1.
    int32_t find(const std::string& word) const
    {
        if (slots_.empty())
            return -1;
        const uint64_t h = hash(word);
        for (std::size_t k = static_cast<std::size_t>(h) & mask_;; k = (k + 1) & mask_)
        {
            const Slot& s = slots_[k];
            if (s.id < 0)
                return -1;
            if (s.hash == h && s.word == word)
                return s.id;
        }
    }

private:
    static uint64_t hash(const std::string& s)
    {
        uint64_t h = 0xcbf29ce484222325ULL;
        for (unsigned char c : s)
            h = (h ^ c) * 0x100000001b3ULL;
        return h ^ (h >> 29);
    }
    struct Slot
    {
        uint64_t hash = 0;
        int32_t id = -1;
        std::string word;
    };
    std::vector<Slot> slots_;
    std::size_t mask_ = 0;
};

} // namespace scrqm::anonymisation
