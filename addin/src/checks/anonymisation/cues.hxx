// Cue words looked for in text, ASCII case ignored: the one helper of the context
// reader (context.cxx) and the finding judge (refine.cxx). Cues are plain
// bytes (ASCII, or a UTF-8 sequence such as an en dash), matched anywhere in
// the text, as std::string::find would.
//
// CueFamilies finds the cues of many families in one pass over a paragraph
// (an Aho-Corasick automaton made into a byte table): trying ~150 cues one
// find() at a time cost more than all the name patterns they gate.
#pragma once

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace scrqm::anonymisation
{

// True when any of `cues` occurs in `text` (for a one-off test on a short
// window; a paragraph's many tests go through CueFamilies).
inline bool has_any(std::string_view text, std::initializer_list<const char*> cues)
{
    return std::any_of(cues.begin(), cues.end(),
                       [&](const char* c) { return text.find(c) != std::string_view::npos; });
}

// A set of words written as one space-separated list (data that reads as
// prose is easier to keep than a column of quoted strings).
inline std::set<std::string> word_set(const char* words)
{
    std::set<std::string> out;
    std::istringstream in(words);
    for (std::string w; in >> w;)
        out.insert(w);
    return out;
}

// A lower-case copy for cue tests: cues are ASCII, so folding every paragraph
// with ICU would buy nothing.
inline std::string ascii_lower(std::string_view s)
{
    std::string out(s);
    for (char& ch : out)
        if (ch >= 'A' && ch <= 'Z')
            ch = static_cast<char>(ch - 'A' + 'a');
    return out;
}

class CueFamilies
{
public:
    // Family k (at most 64) is bit k of scan()'s result. Cues are lower case.
    CueFamilies(std::initializer_list<std::initializer_list<const char*>> families)
    {
        if (families.size() > 64)
            throw std::logic_error("CueFamilies: more than 64 families");
        add_state();
        std::uint64_t bit = 1;
        for (const auto& family : families)
        {
            for (const char* cue : family)
            {
                std::uint32_t s = 0;
                for (const char* c = cue; *c; ++c)
                {
                    const auto b = static_cast<unsigned char>(*c);
                    if (b >= 'A' && b <= 'Z')
                        throw std::logic_error("CueFamilies: a cue in capitals");
                    if (next_[s * 256 + b] == 0)
                    {
                        const auto t = static_cast<std::uint16_t>(add_state()); // grows next_
                        next_[s * 256 + b] = t;
                    }
                    s = next_[s * 256 + b];
                }
                out_[s] |= bit;
            }
            bit <<= 1;
        }
        // Breadth first: each state's failure link is a shorter state, so its
        // outputs and missing transitions are complete when it is reached.
        const std::size_t states = out_.size();
        std::vector<std::uint32_t> fail(states, 0), queue;
        for (std::uint32_t b = 0; b < 256; ++b)
            if (next_[b] != 0)
                queue.push_back(next_[b]);
        for (std::size_t q = 0; q < queue.size(); ++q)
        {
            const std::uint32_t s = queue[q];
            out_[s] |= out_[fail[s]];
            for (std::uint32_t b = 0; b < 256; ++b)
            {
                const std::uint32_t t = next_[s * 256 + b];
                if (t != 0)
                {
                    fail[t] = next_[fail[s] * 256 + b];
                    queue.push_back(t);
                }
                else
                    next_[s * 256 + b] = next_[fail[s] * 256 + b];
            }
        }
        // Capitals go where their lower-case letters go: the scan folds ASCII
        // case for free.
        for (std::size_t s = 0; s < states; ++s)
            for (unsigned b = 'A'; b <= 'Z'; ++b)
                next_[s * 256 + b] = next_[s * 256 + b - 'A' + 'a'];
    }

    // The families with a cue anywhere in `text`, ASCII case ignored.
    std::uint64_t scan(std::string_view text) const
    {
        std::size_t words = 0;
        return scan(text, words);
    }

    // The same, counting the words of `text` (runs of anything but spaces and
    // tabs) on the way into `words`.
    std::uint64_t scan(std::string_view text, std::size_t& words) const
    {
        const std::uint16_t* next = next_.data();
        const std::uint64_t* out = out_.data();
        std::uint64_t found = 0;
        std::uint32_t s = 0;
        bool in = false;
        words = 0;
        for (char ch : text)
        {
            const bool space = ch == ' ' || ch == '\t';
            words += !space && !in;
            in = !space;
            s = next[s * 256 + static_cast<unsigned char>(ch)];
            found |= out[s];
        }
        return found;
    }

private:
    std::uint32_t add_state()
    {
        if (out_.size() >= 0xffff)
            throw std::logic_error("CueFamilies: too many cue letters");
        next_.resize(next_.size() + 256, 0);
        out_.push_back(0);
        return static_cast<std::uint32_t>(out_.size() - 1);
    }

    std::vector<std::uint16_t> next_; // 256 transitions a state, ~1,000 states
    std::vector<std::uint64_t> out_;  // the families whose cue ends at a state
};

} // namespace scrqm::anonymisation
