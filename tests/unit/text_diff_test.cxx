// The sidebar's incremental refresh: which lines an edit changed, and the
// line starts after it. UTF-16 as the office gives the body, and plain char
// where that reads better.
#include <scrqm/text_diff.hxx>

#include <gtest/gtest.h>

#include <string>

namespace
{

using scrqm::LineEdit;

LineEdit edit(const std::u16string& before, const std::u16string& after)
{
    const auto starts = scrqm::line_starts(before.data(), static_cast<std::int32_t>(before.size()));
    return scrqm::find_line_edit(before.data(), static_cast<std::int32_t>(before.size()), starts,
                                 after.data(), static_cast<std::int32_t>(after.size()));
}

// Applies an edit the way the refresh does: the changed lines' new starts
// spliced in, the rest moved. The result must be the new text's own starts.
std::vector<std::int32_t> patched_starts(const std::string& before, const std::string& after)
{
    const auto size = [](const std::string& s) { return static_cast<std::int32_t>(s.size()); };
    const auto starts = scrqm::line_starts(before.data(), size(before));
    const LineEdit e =
        scrqm::find_line_edit(before.data(), size(before), starts, after.data(), size(after));
    std::vector<std::int32_t> replaced;
    for (const scrqm::LineSpan& l :
         scrqm::lines_from(after.data(), size(after), starts[e.from], e.to_new - e.from + 1))
        replaced.push_back(l.start);
    return scrqm::splice_starts(starts, e.from, e.to, replaced, size(after) - size(before));
}

} // namespace

TEST(TextDiff, CommonEndsNeverOverlap)
{
    const std::string a = "aXa", b = "aa";
    const auto e = scrqm::common_ends(a.size(), b.size(),
                                      [&](std::size_t i, std::size_t j) { return a[i] == b[j]; });
    EXPECT_EQ(e.prefix, 1u);
    EXPECT_EQ(e.suffix, 1u); // not 2: the shorter one has two items
    const std::string same = "abc";
    const auto s =
        scrqm::common_ends(3, 3, [&](std::size_t i, std::size_t j) { return same[i] == same[j]; });
    EXPECT_EQ(s.prefix, 3u);
    EXPECT_EQ(s.suffix, 0u);
    const auto none = scrqm::common_ends(0, 2, [](std::size_t, std::size_t) { return true; });
    EXPECT_EQ(none.prefix + none.suffix, 0u);
}

TEST(TextDiff, TypingInsideALine)
{
    const LineEdit e =
        edit(u"Intro\nThe child was seen.\nEnd", u"Intro\nThe child was not seen.\nEnd");
    EXPECT_EQ(e.from, 1u);
    EXPECT_EQ(e.to, 1u);
    EXPECT_EQ(e.to_new, 1u);
    EXPECT_TRUE(e.same_count);
    // Non-ASCII UTF-16: the diff is by code unit.
    const LineEdit u = edit(u"Zo\u00eb\nb", u"Zo\u00e9\nb");
    EXPECT_EQ(u.from, 0u);
    EXPECT_EQ(u.to, 0u);
    EXPECT_TRUE(u.same_count);
}

TEST(TextDiff, ParagraphsSplitJoinedAddedAndRemoved)
{
    // Enter in the middle of line 1: it becomes lines 1 and 2.
    LineEdit e = edit(u"a\nbbbb\nc", u"a\nbb\nbb\nc");
    EXPECT_EQ(e.from, 1u);
    EXPECT_EQ(e.to, 1u);
    EXPECT_EQ(e.to_new, 2u);
    EXPECT_FALSE(e.same_count);
    // Backspace at the start of line 2 joins it to line 1.
    e = edit(u"a\nbb\ncc\nd", u"a\nbbcc\nd");
    EXPECT_EQ(e.from, 1u);
    EXPECT_EQ(e.to, 2u);
    EXPECT_EQ(e.to_new, 1u);
    // A new last paragraph.
    e = edit(u"a\nb", u"a\nb\nc");
    EXPECT_EQ(e.from, 1u);
    EXPECT_EQ(e.to_new, e.to + 1);
    // The first paragraph removed.
    e = edit(u"x\ny\nz", u"y\nz");
    EXPECT_EQ(e.from, 0u);
    EXPECT_EQ(e.to_new + 1, e.to);
}

TEST(TextDiff, LinesAndTheirSpans)
{
    const std::string t = "ab\n\ncde\n";
    const auto starts = scrqm::line_starts(t.data(), 8);
    EXPECT_EQ(starts, (std::vector<std::int32_t>{0, 3, 4, 8}));
    EXPECT_EQ(scrqm::line_of(starts, 8, 0).end, 2);
    EXPECT_EQ(scrqm::line_of(starts, 8, 1).start, scrqm::line_of(starts, 8, 1).end); // empty
    EXPECT_EQ(scrqm::line_of(starts, 8, 3).start, 8);
    EXPECT_EQ(scrqm::line_at(starts, 0), 0u);
    EXPECT_EQ(scrqm::line_at(starts, 2), 0u); // its '\n'
    EXPECT_EQ(scrqm::line_at(starts, 5), 2u);
    EXPECT_EQ(scrqm::line_at(starts, 8), 3u);
    const auto spans = scrqm::lines_from(t.data(), 8, 3, 10);
    ASSERT_EQ(spans.size(), 3u); // the text ends first
    EXPECT_EQ(spans[1].start, 4);
    EXPECT_EQ(spans[1].end, 7);
    EXPECT_EQ(spans[2].start, spans[2].end);
}

TEST(TextDiff, PatchedStartsAreTheNewTextsOwn)
{
    const std::string before = "Heading\nfirst line\nsecond line\n\nlast";
    for (const std::string& after :
         {std::string("Heading\nfirst line!\nsecond line\n\nlast"),
          std::string("Heading\nfirst\nline\nsecond line\n\nlast"),
          std::string("Heading\nfirst linesecond line\n\nlast"), std::string("Heading\n\nlast"),
          std::string("New\nHeading\nfirst line\nsecond line\n\nlast"),
          std::string("Heading\nfirst line\nsecond line\n\nlast\nmore"), std::string("")})
        EXPECT_EQ(patched_starts(before, after),
                  scrqm::line_starts(after.data(), static_cast<std::int32_t>(after.size())))
            << after;
    EXPECT_EQ(scrqm::splice_starts({0, 5, 9}, 1, 1, {5, 8}, 3),
              (std::vector<std::int32_t>{0, 5, 8, 12}));
}
