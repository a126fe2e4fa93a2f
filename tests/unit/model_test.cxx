#include <scrqm/model.hxx>

#include <gtest/gtest.h>

using scrqm::Where;

TEST(Model, IndicesCountPerWhereAndAnchorFollowsTheBody)
{
    scrqm::Document doc;
    doc.add(Where::Body, "Intro", 1);
    doc.add(Where::Body, "text");
    const auto& cell = doc.add(Where::Table, "cell", 0, "Table1 A1");
    EXPECT_EQ(cell.index, 0u);
    EXPECT_EQ(cell.anchor, 1u);
    doc.add(Where::Body, "more");
    const auto& note = doc.add(Where::Footnote, "note");
    EXPECT_EQ(note.index, 0u);
    EXPECT_EQ(note.anchor, 2u);
    EXPECT_EQ(doc.count(Where::Body), 3u);
    EXPECT_EQ(doc.count(Where::Table), 1u);
    // Only body paragraphs can be headings.
    EXPECT_EQ(doc.add(Where::Header, "H", 2).outline_level, 0);
}

TEST(Model, SectionRunsToTheNextHeadingOfTheSameOrHigherLevel)
{
    scrqm::Document doc;
    doc.add(Where::Body, "1. Intro", 1);        // 0
    doc.add(Where::Body, "text");               // 1
    doc.add(Where::Body, "1.1 Scope", 2);       // 2
    doc.add(Where::Body, "1.1.1 Detail", 3);    // 3
    doc.add(Where::Body, "text");               // 4
    doc.add(Where::Body, "1.2 Method", 2);      // 5
    doc.add(Where::Body, "  2. Analysis  ", 1); // 6
    doc.add(Where::Body, "text");               // 7
    const auto s = scrqm::compute_sections(doc);
    ASSERT_EQ(s.size(), 5u);
    EXPECT_EQ(s[0].title, "1. Intro");
    EXPECT_EQ(s[0].paragraph, 0u);
    EXPECT_EQ(s[0].end, 6u);
    EXPECT_EQ(s[1].end, 5u); // 1.1 holds 1.1.1
    EXPECT_EQ(s[2].end, 5u);
    EXPECT_EQ(s[3].end, 6u);
    EXPECT_EQ(s[4].title, "2. Analysis"); // trimmed
    EXPECT_EQ(s[4].end, 8u);
}

TEST(Model, NoHeadingsNoSections)
{
    scrqm::Document doc;
    doc.add(Where::Body, "just text");
    EXPECT_TRUE(scrqm::compute_sections(doc).empty());
    EXPECT_TRUE(scrqm::compute_sections(scrqm::Document{}).empty());
}
