// Cue words looked for in lower-case text: the one helper of the context
// reader (context.cxx) and the finding judge (refine.cxx). Cues are plain
// bytes (ASCII, or a UTF-8 sequence such as an en dash), matched anywhere in
// the text, as std::string::find would.
//
// CueFamilies finds the cues of many families in one pass over a paragraph
// (an Aho-Corasick automaton made into a byte table): trying ~150 cues one
// find() at a time cost more than all the name patterns they gate.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
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
    // Family k (at most 64) is bit k of scan()'s result.
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
                    if (next_[s][b] == 0)
                    {
                        next_[s][b] = static_cast<std::uint16_t>(add_state());
                    }
                    s = next_[s][b];
                }
                out_[s] |= bit;
            }
            bit <<= 1;
        }
        // Breadth first: each state's failure link is a shorter state, so its
        // outputs and missing transitions are complete when it is reached.
        std::vector<std::uint32_t> fail(next_.size(), 0), queue;
        for (std::uint32_t b = 0; b < 256; ++b)
            if (next_[0][b] != 0)
                queue.push_back(next_[0][b]);
        for (std::size_t q = 0; q < queue.size(); ++q)
        {
            const std::uint32_t s = queue[q];
            out_[s] |= out_[fail[s]];
            for (std::uint32_t b = 0; b < 256; ++b)
            {
                const std::uint32_t t = next_[s][b];
                if (t != 0)
                {
                    fail[t] = next_[fail[s]][b];
                    queue.push_back(t);
                }
                else
                    next_[s][b] = next_[fail[s]][b];
            }
        }
    }

    // The families with a cue anywhere in `text` (already lower case).
    std::uint64_t scan(std::string_view text) const
    {
        std::uint64_t found = 0;
        std::uint32_t s = 0;
        for (char ch : text)
        {
            s = next_[s][static_cast<unsigned char>(ch)];
            found |= out_[s];
        }
        return found;
    }

    // scan(ascii_lower(text)) without the copy, counting the words of `text`
    // (runs of anything but spaces and tabs) on the way into `words`.
    std::uint64_t scan_lower(std::string_view text, std::size_t& words) const
    {
        std::uint64_t found = 0;
        std::uint32_t s = 0;
        bool in = false;
        words = 0;
        for (char ch : text)
        {
            const bool space = ch == ' ' || ch == '\t';
            words += !space && !in;
            in = !space;
            const char lower = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
            s = next_[s][static_cast<unsigned char>(lower)];
            found |= out_[s];
        }
        return found;
    }

private:
    std::uint32_t add_state()
    {
        if (next_.size() >= 0xffff)
            throw std::logic_error("CueFamilies: too many cue letters");
        next_.emplace_back();
        next_.back().fill(0);
        out_.push_back(0);
        return static_cast<std::uint32_t>(next_.size() - 1);
    }

    std::vector<std::array<std::uint16_t, 256>> next_; // a state: ~1,000 of them
    std::vector<std::uint64_t> out_;
};

} // namespace scrqm::anonymisation
