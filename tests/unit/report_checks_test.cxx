#include "body_doc.hxx"

// Core rules of the structure, language and hidden checks on small models.
#include <scrqm/catalogue.hxx>
#include <scrqm/hidden.hxx>
#include <scrqm/language.hxx>
#include <scrqm/structure.hxx>
#include <scrqm/text.hxx>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>

using scrqm::Where;

namespace
{

const std::string kData = SCRQM_DATA_DIR_FOR_TESTS;

std::vector<std::string> ids(const std::vector<scrqm::Finding>& findings)
{
    std::vector<std::string> out;
    for (const auto& f : findings)
        out.push_back(f.check + "@" + std::to_string(f.paragraph));
    std::sort(out.begin(), out.end());
    return out;
}

// A complete report in the scr-report profile's order.
scrqm::Document complete_report()
{
    scrqm::Document d;
    auto section = [&](const char* title, const char* text)
    {
        d.add(Where::Body, title, 1);
        d.add(Where::Body, text);
    };
    const char* words = "The review team read the records and met the people who worked with the "
                        "family during the period under review and they shared their views about "
                        "what happened, what helped and what got in the way of good practice.";
    section("1. Introduction", words);                  // 0
    section("2. Terms of reference", words);            // 2
    section("3. Methodology", words);                   // 4
    section("4. Family involvement", words);            // 6
    section("5. Practitioner involvement", words);      // 8
    section("6. Background", words);                    // 10
    section("7. Analysis", words);                      // 12
    d.add(Where::Body, "8. Findings", 1);               // 14
    d.add(Where::Body, "Finding 1: Referrals wait", 2); // 15
    d.add(Where::Body, "Referrals wait because the duty team has no cover at weekends, so urgent "
                       "work is left until Monday morning."); // 16
    d.add(Where::Body, "9. Recommendations", 1);              // 17
    d.add(Where::Body,
          "1. The Board should fund weekend cover for the duty team (Finding 1)."); // 18
    return d;
}

} // namespace

TEST(Structure, CompleteReportHasNoFinding)
{
    scrqm::StructureCheck check(kData);
    EXPECT_EQ(ids(check.run(complete_report(), scrqm::CheckOptions{})), std::vector<std::string>{});
}

// Numbers typed in a report are data, not trusted: a huge one or one in
// another script's digits must not stop the check ("internal error: stoi").
TEST(Structure, HugeAndNonAsciiFindingNumbersDoNotThrow)
{
    scrqm::Document d = complete_report();
    d.paragraphs[15].text = "Finding 99999999999999: Referrals wait";
    d.paragraphs[18].text = "1. The Board should fund cover (Findings \u0663 and 99999999999).";
    scrqm::StructureCheck check(kData);
    EXPECT_NO_THROW(check.run(d, scrqm::CheckOptions{}));
    EXPECT_EQ(scrqm::digits_value("\u0663\u0664"), 34); // Arabic-Indic 3 and 4
    EXPECT_EQ(scrqm::digits_value("99999999999999"), 999999999);
    EXPECT_EQ(scrqm::digits_value("12a3"), 12);
    EXPECT_EQ(scrqm::digits_value(""), 0);
}

TEST(Structure, MissingEmptyAndOutOfOrderSections)
{
    scrqm::Document d = complete_report();
    d.paragraphs[7].text = "";                      // family involvement text
    d.paragraphs[6].text = "4. Practitioner views"; // no longer family involvement
    scrqm::StructureCheck check(kData);
    const auto f = check.run(d, scrqm::CheckOptions{});
    // "Practitioner views" serves practitioner involvement (twice is fine:
    // the first heading wins), family involvement is missing and is placed
    // before the next section present.
    const auto got = ids(f);
    EXPECT_NE(std::find(got.begin(), got.end(), "structure.missing-section@6"), got.end());
    for (const auto& x : f)
        if (x.check == "structure.missing-section")
        {
            EXPECT_EQ(x.marker, "QM12");
            EXPECT_NE(x.message.find("Family involvement"), std::string::npos);
        }
    // Methodology moved after the analysis: out of order, and only it.
    scrqm::Document moved;
    for (std::size_t i : {0, 1, 2, 3, 6, 7, 8, 9, 10, 11, 12, 13, 4, 5, 14, 15, 16, 17, 18})
        moved.add(Where::Body, d.paragraphs[i].text, d.paragraphs[i].outline_level);
    moved.paragraphs[4].text = "4. Family involvement";
    moved.paragraphs[5].text = d.paragraphs[1].text;
    const auto order = check.run(moved, scrqm::CheckOptions{});
    ASSERT_EQ(ids(order), std::vector<std::string>{"structure.section-order@12"});
    EXPECT_NE(order[0].message.find("Methodology"), std::string::npos);
    EXPECT_EQ(order[0].severity, scrqm::Severity::Info);
}

TEST(Structure, FindingsRecommendationsAndReferences)
{
    scrqm::Document d = complete_report();
    d.paragraphs[13].text = "See Finding 4 and Recommendations 1 and 7.";
    d.add(Where::Body, "Finding 3: Plans close early", 2); // 19: gap, descriptive
    d.add(Where::Body, "Plans closed on the view of one agency.");
    d.add(Where::Body, "2. Improve the closure of plans."); // 21: recommendation? no: in Findings
    scrqm::StructureCheck check(kData);
    const auto f = check.run(d, scrqm::CheckOptions{});
    const auto got = ids(f);
    const std::vector<std::string> want = {
        "structure.cross-reference@13",
        "structure.cross-reference@13",
        "structure.empty-section@12", // the analysis is now one short line
        "structure.finding-without-explanation@19",
        "structure.finding-without-recommendation@19",
        "structure.numbering-gap@19"};
    EXPECT_EQ(got, want);
    for (const auto& x : f)
    {
        if (x.check == "structure.finding-without-explanation")
        {
            EXPECT_NE(x.message.find("because"), std::string::npos) << "names the cues";
        }
        else if (x.check == "structure.cross-reference")
        {
            EXPECT_TRUE(x.text == "Finding 4" || x.text == "7") << x.text;
        }
    }
}

TEST(Structure, RecommendationNotAddressedOrTraced)
{
    scrqm::Document d = complete_report();
    d.add(Where::Body, "2. Improve the closure of plans.");
    scrqm::StructureCheck check(kData);
    EXPECT_EQ(ids(check.run(d, scrqm::CheckOptions{})),
              (std::vector<std::string>{"structure.recommendation-unaddressed@19",
                                        "structure.recommendation-untraced@19"}));
}

TEST(Structure, ChronologyRunsAreFlaggedOnce)
{
    scrqm::Document d = complete_report();
    scrqm::Document c;
    for (std::size_t i = 0; i <= 12; ++i)
        c.add(Where::Body, d.paragraphs[i].text, d.paragraphs[i].outline_level);
    for (const char* p :
         {"3 March 2015: a visit.", "12.03.2015 a call.", "On 2 April 2015 a letter.",
          "May 2015: a meeting.", "", "5 June 2015: a referral.", "11 June 2015: a plan."})
        c.add(Where::Body, p);
    c.add(Where::Body, "The plan continued.");
    for (std::size_t i = 13; i < d.paragraphs.size(); ++i)
        c.add(Where::Body, d.paragraphs[i].text, d.paragraphs[i].outline_level);
    scrqm::StructureCheck check(kData);
    const auto f = check.run(c, scrqm::CheckOptions{});
    ASSERT_EQ(ids(f), std::vector<std::string>{"structure.chronology@13"});
    EXPECT_NE(f[0].message.find("6 dated paragraphs"), std::string::npos);
}

TEST(Structure, ProfilesAreValidatedAndABoardCanAddOne)
{
    const std::string path = testing::TempDir() + "board-profile.json";
    {
        std::ofstream out(path);
        out << R"({"id": "board", "sections": [
            {"id": "summary", "names": ["^summary"], "required": true, "marker": "QM14"},
            {"id": "actions", "names": ["^actions"], "required": true, "marker": "QM15"}]})";
    }
    scrqm::StructureCheck check(kData);
    scrqm::CheckOptions options;
    options.profile = path;
    scrqm::Document d;
    d.add(Where::Body, "Summary", 1);
    d.add(Where::Body, "What happened and why.");
    const auto f = check.run(d, options);
    ASSERT_EQ(ids(f), std::vector<std::string>{"structure.missing-section@1"}); // at the end
    EXPECT_EQ(f[0].marker, "QM15");

    {
        std::ofstream out(path);
        out << R"({"id": "board", "sections": [
            {"id": "summary", "names": ["(unclosed"], "required": true, "marker": "QM14"}]})";
    }
    try
    {
        scrqm::load_profile(path, kData);
        FAIL() << "a bad pattern must not load";
    }
    catch (const scrqm::DataError& e)
    {
        EXPECT_NE(std::string(e.what()).find(path), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("summary"), std::string::npos);
    }
    {
        std::ofstream out(path);
        out << R"({"id": "board", "sections": [{"id": "s", "names": ["x"], "marker": "14"}]})";
    }
    EXPECT_THROW(scrqm::load_profile(path, kData), scrqm::DataError);
    {
        std::ofstream out(path);
        out << "{\"id\": \"board\",\n \"sections\": [}";
    }
    try
    {
        scrqm::load_profile(path, kData);
        FAIL();
    }
    catch (const scrqm::DataError& e)
    {
        EXPECT_NE(std::string(e.what()).find("line 2"), std::string::npos) << e.what();
    }
    std::remove(path.c_str());
    options.profile = "no-such-profile";
    EXPECT_THROW(check.run(d, options), scrqm::DataError);
}

TEST(Language, SyllablesAndFlesch)
{
    EXPECT_EQ(scrqm::syllables("cat"), 1);
    EXPECT_EQ(scrqm::syllables("make"), 1);
    EXPECT_EQ(scrqm::syllables("table"), 2);
    EXPECT_EQ(scrqm::syllables("walked"), 1);
    EXPECT_EQ(scrqm::syllables("wanted"), 2);
    EXPECT_EQ(scrqm::syllables("organisational"), 6);
    const auto easy = scrqm::readability("The cat sat on the mat. The dog ran.");
    EXPECT_EQ(easy.sentences, 2u);
    EXPECT_EQ(easy.words, 9u);
    EXPECT_GT(easy.flesch(), 90);
    const auto hard = scrqm::readability(
        "Organisational accountability necessitated comprehensive interprofessional "
        "communication infrastructure.");
    EXPECT_LT(hard.flesch(), 0);
}

TEST(Language, HindsightBlameAndQuotations)
{
    scrqm::LanguageCheck check(kData);
    scrqm::Document d =
        body_doc({{"Analysis", 1},
                  {"The nurse Failed to share it; staff should have known."},
                  {"Guidance warns against saying a worker \u201cfailed to act\u201d."},
                  {"Glossary", 1},
                  {"Blame: to blame someone."}});
    const auto f = check.run(d, scrqm::CheckOptions{});
    ASSERT_EQ(ids(f), (std::vector<std::string>{"language.blame@1", "language.hindsight@1"}));
    EXPECT_EQ(f[0].text, "Failed to");
    EXPECT_EQ(f[0].start, 10u);
    EXPECT_EQ(f[0].severity, scrqm::Severity::Info);
    EXPECT_EQ(f[0].marker, "QM5");
    EXPECT_EQ(f[1].marker, "QM13");
    EXPECT_NE(f[1].explanation.find("utcome bias"), std::string::npos);
}

TEST(Language, AbbreviationsAtFirstUseOnceAndUsed)
{
    scrqm::LanguageCheck check(kData);
    scrqm::Document d = body_doc({
        {"The MASH met. The Multi-Agency Safeguarding Hub (MASH) agreed."},  // 0
        {"The Independent Reviewing Officer (IRO) chaired. The IRO asked."}, // 1
        {"The IRO (Independent Reviewing Officer) wrote again."},            // 2
        {"CAMHS saw the child. The GP and the NHS were told."},              // 3
        {"Reference CP/2016/0456 and number JT 48 27 93 B."},                // 4
        {"The Child Protection Information Sharing (CPIS) system."},         // 5
        {"SECTION HEADING IN CAPITALS"},                                     // 6
        {"Glossary", 1},                                                     // 7
        {"LADO - Local Authority Designated Officer"},                       // 8
        {"The LADO was told. Appendix IV lists them."}                       // 9
    });
    const auto f = check.run(d, scrqm::CheckOptions{});
    EXPECT_EQ(ids(f), (std::vector<std::string>{
                          "language.abbreviation-late@0", "language.abbreviation-redefined@2",
                          "language.abbreviation-undefined@3", "language.abbreviation-unused@0",
                          "language.abbreviation-unused@5"}));
}

TEST(Language, LongSentencesAndPassives)
{
    scrqm::LanguageCheck check(kData);
    scrqm::Document d;
    std::string longer = "The worker";
    for (int i = 0; i < 40; ++i)
        longer += " saw";
    longer += " the child. Then she left.";
    d.add(Where::Body, longer);
    d.add(Where::Body, "A referral was made. A meeting was held. The plan was closed. It ended.");
    d.add(Where::Body, "A referral was made. A meeting was held. She closed the plan. It ended.");
    d.add(Where::Body, "The lead reviewer met Mother at home in NM4 7QT. Mother spoke warmly "
                       "about her child and about the routine and the appointments and the "
                       "school and the housing.");
    const auto f = check.run(d, scrqm::CheckOptions{});
    ASSERT_EQ(ids(f), (std::vector<std::string>{"language.long-sentence@0", "language.passive@1"}));
    EXPECT_EQ(f[0].start, 0u);
    EXPECT_EQ(f[0].text.substr(f[0].text.size() - 10), "the child.");
}

TEST(Language, StatesAfterBeAreNotPassive)
{
    scrqm::LanguageCheck check(kData);
    scrqm::Document d;
    // Four sentences, each "be" + an -ed word that describes a state.
    d.add(Where::Body, "Child A was aged 2. Mother was worried. Father was unemployed. "
                       "Child A was malnourished.");
    EXPECT_TRUE(ids(check.run(d, scrqm::CheckOptions{})).empty());
    // The same shape with actions done to someone stays passive.
    d.add(Where::Body, "Child A was referred. Mother was visited. Father was arrested. "
                       "Child A was examined.");
    EXPECT_EQ(ids(check.run(d, scrqm::CheckOptions{})),
              (std::vector<std::string>{"language.passive@1"}));
}

TEST(Hidden, OneFindingPerItemWithItsPlace)
{
    scrqm::HiddenCheck check(kData);
    scrqm::Document d;
    d.add(Where::Body, "Text with a hidden part.");
    d.add(Where::Property, "Jo Reviewer", 0, "author");
    scrqm::HiddenItem hidden_text;
    hidden_text.kind = "hidden-text";
    hidden_text.where = Where::Body;
    hidden_text.paragraph = 0;
    hidden_text.start = 12;
    hidden_text.end = 18;
    hidden_text.text = "hidden";
    scrqm::HiddenItem author;
    author.kind = "property";
    author.where = Where::Property;
    author.paragraph = 0;
    author.name = "author";
    author.container = "property author";
    author.text = "Jo Reviewer";
    scrqm::HiddenItem app = author;
    app.kind = "custom-property";
    app.name = "custom:AppVersion";
    d.hidden = {hidden_text, author, app};
    const auto f = check.run(d, scrqm::CheckOptions{});
    ASSERT_EQ(f.size(), 2u);
    EXPECT_EQ(f[0].check, "hidden.hidden-text");
    EXPECT_EQ(f[0].start, 12u);
    EXPECT_EQ(f[0].end, 18u);
    EXPECT_EQ(f[1].check, "hidden.property");
    EXPECT_EQ(f[1].end, 11u); // the whole property paragraph
    EXPECT_NE(f[1].explanation.find("cannot be undone"), std::string::npos);
    // The fix is structured: clear this property, by name.
    ASSERT_EQ(f[1].fixes.size(), 1u);
    EXPECT_EQ(f[1].fixes[0].kind, scrqm::FixKind::ClearProperty);
    EXPECT_EQ(f[1].fixes[0].target, "author");
    // Plain text has no hidden items: nothing to report.
    scrqm::Document plain;
    plain.add(Where::Body, "Just text.");
    EXPECT_TRUE(check.run(plain, scrqm::CheckOptions{}).empty());
}
