#include "body_doc.hxx"

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
    scrqm::Document doc = body_doc({
        {"1. Intro", 1},        // 0
        {"text"},               // 1
        {"1.1 Scope", 2},       // 2
        {"1.1.1 Detail", 3},    // 3
        {"text"},               // 4
        {"1.2 Method", 2},      // 5
        {"  2. Analysis  ", 1}, // 6
        {"text"}                // 7
    });
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

namespace
{

std::vector<scrqm::Section> sections(const std::vector<std::string>& titles)
{
    std::vector<scrqm::Section> out;
    for (std::size_t i = 0; i < titles.size(); ++i)
    {
        scrqm::Section s;
        s.title = titles[i];
        s.paragraph = 10 * i;
        s.end = 10 * i + 10;
        out.push_back(s);
    }
    return out;
}

std::string error_of(const std::vector<scrqm::Section>& s, const std::string& spec)
{
    try
    {
        scrqm::find_section(s, spec);
    }
    catch (const std::invalid_argument& e)
    {
        return e.what();
    }
    return "no error";
}

} // namespace

TEST(Model, FindSectionByIndexOrTitle)
{
    const auto s = sections({"Introduction", "Analysis", "ANALYSIS of practice", "Findings"});
    EXPECT_EQ(scrqm::find_section(s, "0"), 0u);
    EXPECT_EQ(scrqm::find_section(s, "3"), 3u);
    EXPECT_EQ(scrqm::find_section(s, "Findings"), 3u);
    EXPECT_EQ(scrqm::find_section(s, "findings"), 3u); // case ignored when not exact
    EXPECT_EQ(scrqm::find_section(s, "Analysis"), 1u); // exact first
    EXPECT_EQ(scrqm::find_section(s, "analysis of PRACTICE"), 2u);
    EXPECT_EQ(error_of(s, "4"), "Section 4 does not exist (the document has 4 sections)");
    EXPECT_EQ(error_of(s, ""), "missing Section (an index or a title)");
    EXPECT_EQ(error_of(s, "Chronology"), "no section titled \"Chronology\"");
    const auto twice = sections({"Analysis", "analysis"});
    EXPECT_EQ(scrqm::find_section(twice, "Analysis"), 0u);
    EXPECT_EQ(error_of(twice, "ANALYSIS"),
              "Section \"ANALYSIS\" matches 2 sections; give its index instead");
}

TEST(Model, LastSectionBeforeAPlace)
{
    const auto s = sections({"a", "b", "c", "d", "e"}); // headings at 0, 10, ..., 40
    auto at = [&](std::size_t paragraph)
    {
        std::size_t asked = 0;
        const std::size_t i = scrqm::last_section_before(s,
                                                         [&](const scrqm::Section& section)
                                                         {
                                                             ++asked;
                                                             return section.paragraph <= paragraph;
                                                         });
        EXPECT_LE(asked, 3u); // a binary search: log2(5) + 1 questions
        return i;
    };
    EXPECT_EQ(at(0), 0u);
    EXPECT_EQ(at(9), 0u);
    EXPECT_EQ(at(10), 1u);
    EXPECT_EQ(at(35), 3u);
    EXPECT_EQ(at(1000), 4u);
    EXPECT_EQ(scrqm::last_section_before(s, [](const scrqm::Section&) { return false; }),
              static_cast<std::size_t>(-1));
    EXPECT_EQ(scrqm::last_section_before({}, [](const scrqm::Section&) { return true; }),
              static_cast<std::size_t>(-1));
}
