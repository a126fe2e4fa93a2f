// The outline of reports written without heading styles (outline.hxx) and
// the structure rules on real layouts: contents pages, PART groupings,
// appendices, synonyms.
#include <scrqm/outline.hxx>
#include <scrqm/report_items.hxx>
#include <scrqm/structure.hxx>
#include <scrqm/text_reader.hxx>

#include <gtest/gtest.h>

#include <algorithm>

namespace
{

const std::string kData = SCRQM_DATA_DIR_FOR_TESTS;

std::vector<std::string> titles(const scrqm::Document& doc)
{
    std::vector<std::string> out;
    for (const auto& s : scrqm::compute_sections(doc))
        out.push_back(std::to_string(s.level) + ":" + s.title);
    return out;
}

// A paragraph that looks like a heading in an office document: bold, at a
// size, or neither (body text at 12pt).
scrqm::Paragraph& add(scrqm::Document& doc, const std::string& text, float bold = 0,
                      float size = 12)
{
    scrqm::Paragraph& p = doc.add(scrqm::Where::Body, text);
    p.look.bold = bold;
    p.look.size = size;
    return p;
}

const std::string kBody = "The review found that agencies did not share what they knew about "
                          "the family, because each kept its own records.";

std::vector<std::string> checks_of(const std::vector<scrqm::Finding>& findings)
{
    std::vector<std::string> out;
    for (const auto& f : findings)
        out.push_back(f.check);
    return out;
}

bool has(const std::vector<std::string>& list, const std::string& id)
{
    return std::find(list.begin(), list.end(), id) != list.end();
}

} // namespace

TEST(Outline, BoldAndLargerNormalParagraphsAreHeadingsRankedBySize)
{
    scrqm::Document doc;
    add(doc, "Introduction", 1, 16);
    add(doc, kBody);
    add(doc, "Findings", 1, 16);
    add(doc, "Finding 1: Records are not shared", 1, 13);
    add(doc, kBody);
    add(doc, "Only part of this line is bold", 0.3f);
    add(doc, kBody);
    const auto inferred = scrqm::with_inferred_outline(doc);
    ASSERT_TRUE(inferred);
    EXPECT_EQ(titles(*inferred), (std::vector<std::string>{"1:Introduction", "1:Findings",
                                                           "2:Finding 1: Records are not shared"}));
    for (const auto& s : scrqm::compute_sections(*inferred))
    {
        EXPECT_TRUE(s.inferred);
        EXPECT_GE(s.confidence, scrqm::kMinHeadingConfidence);
    }
}

TEST(Outline, NumbersGiveTheLevelAndPartsGroupThem)
{
    scrqm::Document doc;
    add(doc, "PART 1: The review", 1);
    add(doc, "1. Introduction", 1);
    add(doc, kBody);
    add(doc, "1.1 Terms of reference", 1);
    add(doc, kBody);
    add(doc, "PART 2", 1);
    add(doc, "2. Analysis", 1);
    add(doc, kBody);
    add(doc, "12 Elm Grove", 0); // an address, not a heading
    add(doc, kBody);
    const auto inferred = scrqm::with_inferred_outline(doc);
    ASSERT_TRUE(inferred);
    EXPECT_EQ(titles(*inferred),
              (std::vector<std::string>{"1:PART 1: The review", "2:1. Introduction",
                                        "3:1.1 Terms of reference", "1:PART 2", "2:2. Analysis"}));
}

TEST(Outline, BoldBodyTextAndSentencesAreNotHeadings)
{
    scrqm::Document doc;
    add(doc, "Introduction", 1);
    add(doc, kBody, 1);
    add(doc, "This sentence is short.", 1);
    add(doc, kBody, 1);
    // Bold everywhere says nothing: no heading from bold alone.
    const auto inferred = scrqm::with_inferred_outline(doc);
    ASSERT_TRUE(inferred);
    EXPECT_TRUE(titles(*inferred).empty());
}

TEST(Outline, StyledHeadingsAreTheOutline)
{
    scrqm::Document doc;
    doc.add(scrqm::Where::Body, "Introduction", 1);
    add(doc, "Bold but not a heading", 1, 16);
    add(doc, kBody);
    const auto o = scrqm::infer_outline(doc);
    EXPECT_TRUE(o.styled);
    EXPECT_TRUE(o.headings.empty());
    EXPECT_FALSE(scrqm::with_inferred_outline(doc)); // nothing to change
}

TEST(Outline, ContentsEntriesInTheShapesRealReportsHave)
{
    EXPECT_TRUE(scrqm::is_contents_entry("Introduction .................. 3"));
    EXPECT_TRUE(scrqm::is_contents_entry("1.2 Terms of reference\t4"));
    EXPECT_TRUE(scrqm::is_contents_entry("IntroductionPage 3"));
    EXPECT_TRUE(scrqm::is_contents_entry("Introduction 1-1 \u2013 1-6 Page 3"));
    EXPECT_TRUE(scrqm::is_contents_entry("Analysis \u2026\u2026 12"));
    EXPECT_FALSE(scrqm::is_contents_entry("Introduction"));
    EXPECT_FALSE(scrqm::is_contents_entry("The child was seen on 3 occasions."));
}

TEST(Outline, NoContentsLineIsASectionOrAFinding)
{
    const auto doc = scrqm::read_text(
        "SERIOUS CASE REVIEW: CHILD B\n\nCONTENTS\n1. Introduction ........ 3\n"
        "2. FindingsPage 5\nFinding 1: Records are not shared\t6\n3. Recommendations 2-1 \u2013 "
        "2-4 Page 8\nAppendix 1 9\n\n1. Introduction\n" +
            kBody + "\n2. Findings\nFinding 1: Records are not shared\n" + kBody +
            "\n3. Recommendations\nRecommendation 1: The board should ask agencies to share "
            "records (Finding 1).\n",
        false, "r.txt");
    EXPECT_EQ(titles(doc), (std::vector<std::string>{"1:1. Introduction", "1:2. Findings",
                                                     "1:3. Recommendations"}));
    for (std::size_t i = 2; i <= 7; ++i)
        EXPECT_TRUE(doc.paragraphs[i].contents) << doc.paragraphs[i].text;
    EXPECT_FALSE(doc.paragraphs[9].contents);
    const auto items = scrqm::extract_report_items(doc);
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(items[0].paragraph, 12u); // the finding itself, not its contents line
}

TEST(Outline, TextFilesCapitalsAndMarkdownBold)
{
    const auto doc = scrqm::read_text("INTRODUCTION\n" + kBody + "\n\n**Analysis**\n" + kBody +
                                          "\nUK\n" + kBody + "\n",
                                      true, "r.md");
    // At the same size, capitals rank above mixed case.
    EXPECT_EQ(titles(doc), (std::vector<std::string>{"1:INTRODUCTION", "2:Analysis"}));
    // Markdown "#" is the author's outline: nothing else is guessed.
    const auto md =
        scrqm::read_text("# Introduction\n" + kBody + "\nANALYSIS\n" + kBody + "\n", true, "s.md");
    EXPECT_EQ(titles(md), (std::vector<std::string>{"1:Introduction"}));
}

TEST(StructureOnRealLayouts, TermsOfReferenceInAnAppendixIsNotOutOfOrder)
{
    scrqm::StructureCheck check(kData);
    const std::string report =
        "1. Introduction\n" + kBody + " " + kBody + "\n2. Methodology\n" + kBody + " " + kBody +
        "\n2.1 Family involvement\n" + kBody + "\n2.2 Practitioner involvement\n" + kBody +
        "\n3. Background\n" + kBody + "\n4. Analysis\n" + kBody + " " + kBody + " " + kBody +
        "\n5. Findings\nFinding 1: Records are not shared\n" + kBody +
        "\n6. Considerations for the board\nRecommendation 1: The board should ask agencies to "
        "share records (Finding 1).\nAppendix 1: Terms of reference\n" +
        kBody + " The terms are in Appendix 1.\n";
    const auto doc = scrqm::read_text(report, false, "r.txt");
    const auto found = checks_of(check.run(doc, scrqm::CheckOptions{}));
    EXPECT_FALSE(has(found, "structure.section-order")) << ::testing::PrintToString(found);
    EXPECT_FALSE(has(found, "structure.missing-section")) << ::testing::PrintToString(found);
    EXPECT_FALSE(has(found, "structure.appendix-missing"));
    // The same terms of reference among the sections, after the analysis:
    // out of its usual order.
    std::string moved = report;
    moved.replace(moved.find("Appendix 1: Terms of reference"), 30, "7. Terms of reference");
    const auto moved_found =
        checks_of(check.run(scrqm::read_text(moved, false, "m.txt"), scrqm::CheckOptions{}));
    EXPECT_TRUE(has(moved_found, "structure.section-order"));
    EXPECT_TRUE(has(moved_found, "structure.appendix-missing"));
}

TEST(StructureOnRealLayouts, SectionsUnderPartsAreALevelDown)
{
    scrqm::StructureCheck check(kData);
    scrqm::Document doc;
    for (const char* part : {"PART 1", "PART 2"})
    {
        doc.add(scrqm::Where::Body, part, 1);
        for (const char* title : {"Introduction", "Terms of reference", "Methodology"})
            if (std::string(part) == "PART 1")
            {
                doc.add(scrqm::Where::Body, title, 2);
                doc.add(scrqm::Where::Body, kBody + " " + kBody);
            }
    }
    doc.add(scrqm::Where::Body, "Family involvement", 3); // under Methodology
    doc.add(scrqm::Where::Body, kBody);
    const auto f = check.run(doc, scrqm::CheckOptions{});
    for (const auto& x : f)
    {
        if (x.check == "structure.missing-section")
        {
            EXPECT_EQ(x.message.find("Family involvement"), std::string::npos) << x.message;
        }
    }
}
