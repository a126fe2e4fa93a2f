// What an edit changed, for the sidebar's incremental refresh: after typing,
// the body is compared with what the last read saw, and only the lines
// (paragraphs) that changed are read again. Plain positions and code units,
// so the office's UTF-16 text (sal_Unicode) and tests' char16_t or char
// strings go through the same code.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace scrqm
{

// How much two sequences have in common at their start and at their end
// (never overlapping in the shorter one). `same(i, j)` compares the old
// sequence's i-th item with the new one's j-th.
struct CommonEnds
{
    std::size_t prefix = 0;
    std::size_t suffix = 0;
};

template <class Same> CommonEnds common_ends(std::size_t old_size, std::size_t new_size, Same same)
{
    CommonEnds e;
    const std::size_t shorter = std::min(old_size, new_size);
    while (e.prefix < shorter && same(e.prefix, e.prefix))
        ++e.prefix;
    while (e.suffix < shorter - e.prefix && same(old_size - 1 - e.suffix, new_size - 1 - e.suffix))
        ++e.suffix;
    return e;
}

// A text of lines (a body as one string, '\n' between paragraphs) and where
// each line starts: position i of `starts` is line i's first code unit.
// Line i runs to the '\n' before line i + 1, the last line to the end.
struct LineSpan
{
    std::int32_t start = 0;
    std::int32_t end = 0; // one past its last code unit
};

template <class Char> std::vector<std::int32_t> line_starts(const Char* text, std::int32_t size)
{
    std::vector<std::int32_t> starts{0};
    for (std::int32_t i = 0; i < size; ++i)
        if (text[i] == Char('\n'))
            starts.push_back(i + 1);
    return starts;
}

// Line i of a text of `size` code units with these `starts`.
LineSpan line_of(const std::vector<std::int32_t>& starts, std::int32_t size, std::size_t i);

// The line holding position `pos` (the last line starting at or before it).
std::size_t line_at(const std::vector<std::int32_t>& starts, std::int32_t pos);

// `count` lines of `text` from position `start`, each to its '\n' or the
// end; fewer when the text ends first.
template <class Char>
std::vector<LineSpan> lines_from(const Char* text, std::int32_t size, std::int32_t start,
                                 std::size_t count)
{
    std::vector<LineSpan> out;
    for (std::int32_t pos = start; out.size() < count && pos <= size;)
    {
        std::int32_t end = pos;
        while (end < size && text[end] != Char('\n'))
            ++end;
        out.push_back({pos, end});
        pos = end + 1;
    }
    return out;
}

// Where `before` (lines at `starts`) and `after` differ: old lines [from,
// to] became new lines [from, to_new]. Lines before `from` are unchanged,
// and so are the lines after, only moved.
struct LineEdit
{
    std::size_t from = 0;
    std::size_t to = 0;
    std::size_t to_new = 0;
    bool same_count = true; // as many lines as before: typing inside lines
};

template <class Char>
LineEdit find_line_edit(const Char* before, std::int32_t before_size,
                        const std::vector<std::int32_t>& starts, const Char* after,
                        std::int32_t after_size)
{
    const CommonEnds ends =
        common_ends(static_cast<std::size_t>(before_size), static_cast<std::size_t>(after_size),
                    [&](std::size_t i, std::size_t j) { return before[i] == after[j]; });
    const auto prefix = static_cast<std::int32_t>(ends.prefix);
    const auto suffix = static_cast<std::int32_t>(ends.suffix);
    // The line ends inside the changed part, before and after.
    const auto old_ends = std::count(before + prefix, before + before_size - suffix, Char('\n'));
    const auto new_ends = std::count(after + prefix, after + after_size - suffix, Char('\n'));
    LineEdit e;
    e.from = line_at(starts, prefix);
    e.to = line_at(starts, before_size - suffix);
    e.to_new = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(e.to) + new_ends - old_ends);
    e.same_count = old_ends == new_ends;
    return e;
}

// The starts after old lines [from, to] became lines starting at
// `replaced` (positions in the new text); the lines after them move by
// `shift` code units.
std::vector<std::int32_t> splice_starts(const std::vector<std::int32_t>& starts, std::size_t from,
                                        std::size_t to, const std::vector<std::int32_t>& replaced,
                                        std::int32_t shift);

} // namespace scrqm
