#include "body_doc.hxx"

#include <scrqm/report_items.hxx>

#include <gtest/gtest.h>

using scrqm::ReportItem;
using scrqm::Where;

TEST(ReportItems, LabelledParagraphsAndHeadings)
{
    scrqm::Document doc = body_doc({
        {"Analysis", 1},                                                     // 0
        {"As noted in Finding 2, the team was stretched."},                  // 1
        {"Findings", 1},                                                     // 2
        {"Finding 1: Referrals were not shared", 2},                         // 3
        {"This happened because the teams used two systems."},               // 4
        {"Detail", 3},                                                       // 5 (inside)
        {"More text."},                                                      // 6
        {"5.2 Finding 2 - Supervision was rare", 2},                         // 7
        {"Workload meant that supervision lapsed."},                         // 8
        {"Recommendations", 1},                                              // 9
        {"Recommendation 1. The board should audit referrals (Finding 1)."}, // 10
        {"Second line of the recommendation."},                              // 11
        {"Glossary", 1},                                                     // 12
        {"Finding 3 is not here"}                                            // 13
    });
    doc.add(Where::Table, "Finding 9 in a table is not an item");
    const auto items = scrqm::extract_report_items(doc);
    ASSERT_EQ(items.size(), 4u);
    EXPECT_EQ(items[0].kind, ReportItem::Kind::Finding);
    EXPECT_EQ(items[0].number, 1);
    EXPECT_EQ(items[0].label, "Finding 1");
    EXPECT_EQ(items[0].title, "Referrals were not shared");
    EXPECT_TRUE(items[0].heading);
    EXPECT_EQ(items[0].paragraph, 3u);
    EXPECT_EQ(items[0].end, 7u); // a deeper heading does not close it
    EXPECT_EQ(items[0].section, "Findings");
    EXPECT_EQ(items[0].text,
              "Referrals were not shared\nThis happened because the teams used two systems.\n"
              "More text.");
    EXPECT_EQ(items[1].number, 2);
    EXPECT_EQ(items[1].title, "Supervision was rare");
    EXPECT_EQ(items[1].end, 9u);
    EXPECT_EQ(items[2].kind, ReportItem::Kind::Recommendation);
    EXPECT_EQ(items[2].number, 1);
    EXPECT_FALSE(items[2].heading);
    EXPECT_EQ(items[2].paragraph, 10u);
    EXPECT_EQ(items[2].end, 12u);
    EXPECT_EQ(items[2].text, "The board should audit referrals (Finding 1).\n"
                             "Second line of the recommendation.");
    // A paragraph item: "Finding 3 is not here" opens with the label too.
    EXPECT_EQ(items[3].number, 3);
    EXPECT_EQ(items[3].paragraph, 13u);
}

TEST(ReportItems, NumberedParagraphsInAFindingsOrRecommendationsSection)
{
    scrqm::Document doc = body_doc({
        {"6. Recommendations", 1},                 // 0
        {"The board is asked to act as follows."}, // 1
        {"1. The LSCB should review training."},   // 2
        {"2) Agencies should share plans."},       // 3
        {"3.5 million is not a number item"},      // 4
        {"Background", 1},                         // 5
        {"1. A numbered paragraph elsewhere"}      // 6
    });
    const auto items = scrqm::extract_report_items(doc);
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(items[0].kind, ReportItem::Kind::Recommendation);
    EXPECT_EQ(items[0].number, 1);
    EXPECT_EQ(items[0].title, "The LSCB should review training.");
    EXPECT_EQ(items[0].end, 3u);
    EXPECT_EQ(items[1].number, 2);
    EXPECT_EQ(items[1].text, "Agencies should share plans.\n3.5 million is not a number item");
    EXPECT_EQ(items[1].end, 5u);
    EXPECT_EQ(items[1].section, "6. Recommendations");
}

TEST(ReportItems, NothingInAReportWithoutItems)
{
    scrqm::Document doc = body_doc({{"Introduction", 1},
                                    {"The findings are set out below."},
                                    {"Recommendations follow from the findings."}});
    EXPECT_TRUE(scrqm::extract_report_items(doc).empty());
    EXPECT_STREQ(scrqm::to_string(ReportItem::Kind::Recommendation), "recommendation");
}

TEST(ReportItems, TodaysWordsForRecommendations)
{
    // No profile: the section's title says what its items are.
    scrqm::Document doc = body_doc({
        {"Considerations for the safeguarding partners", 1}, // 0
        {"1. The partners should review training."},         // 1
        {"Learning points", 1},                              // 2
        {"Learning point 2: Agencies should share plans."},  // 3
        {"Consideration 3 - The board should audit."}        // 4
    });
    const auto items = scrqm::extract_report_items(doc);
    ASSERT_EQ(items.size(), 3u);
    for (const auto& it : items)
        EXPECT_EQ(it.kind, ReportItem::Kind::Recommendation) << it.label;
    EXPECT_EQ(items[0].label, "Recommendation 1");
    EXPECT_EQ(items[1].label, "Learning point 2");
    EXPECT_EQ(items[1].title, "Agencies should share plans.");
    EXPECT_EQ(items[2].label, "Consideration 3");
}

TEST(ReportItems, TheProfilesSectionsAndUnnumberedSubheadings)
{
    // An LCSPR's "Learning points" are its findings; the profile says which
    // section holds which, and each sub-heading there without a number is
    // an item of its own, numbered 0.
    scrqm::Document doc = body_doc({
        {"Learning points", 1},                                      // 0
        {"Learning point 1: Referrals were not shared", 2},          // 1
        {"The teams used two systems."},                             // 2
        {"Supervision", 2},                                          // 3
        {"Workload meant that supervision lapsed."},                 // 4
        {"Considerations for the safeguarding partners", 1},         // 5
        {"Training", 2},                                             // 6
        {"The partners should review training (Learning point 1)."}, // 7
        {"Glossary", 1},                                             // 8
        {"Board", 2}                                                 // 9
    });
    scrqm::ItemAreas areas;
    areas.findings = 0;
    areas.recommendations = 5;
    const auto items = scrqm::extract_report_items(doc, areas);
    ASSERT_EQ(items.size(), 3u);
    EXPECT_EQ(items[0].kind, ReportItem::Kind::Finding);
    EXPECT_EQ(items[0].label, "Learning point 1");
    EXPECT_EQ(items[1].kind, ReportItem::Kind::Finding);
    EXPECT_EQ(items[1].number, 0);
    EXPECT_EQ(items[1].label, "Finding \u201cSupervision\u201d");
    EXPECT_EQ(items[1].text, "Supervision\nWorkload meant that supervision lapsed.");
    EXPECT_EQ(items[2].kind, ReportItem::Kind::Recommendation);
    EXPECT_EQ(items[2].number, 0);
    EXPECT_EQ(items[2].paragraph, 6u);
    EXPECT_EQ(items[2].end, 8u); // the glossary's sub-heading is no item
}
