// The board response check (QM16) and the placeholder check on small models.
#include <scrqm/catalogue.hxx>
#include <scrqm/response.hxx>

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace
{

using scrqm::Document;
using scrqm::Where;

const scrqm::ResponseCheck& check()
{
    static const scrqm::ResponseCheck c(SCRQM_DATA_DIR_FOR_TESTS);
    return c;
}

std::set<std::string> ids(const std::vector<scrqm::Finding>& findings)
{
    std::set<std::string> out;
    for (const auto& f : findings)
        out.insert(f.check);
    return out;
}

// The response template as a user leaves it: headings, fixed text, and the
// guidance in placeholders (which quote the cues but must not count).
Document unfilled()
{
    Document d;
    d.add(Where::Body, "The Board's written response", 0);
    d.add(Where::Body, "2. Whether the Board accepts the findings", 1);
    auto& p = d.add(Where::Body, "<Say whether the Board accepts the findings of the review>");
    p.placeholders = {{0, p.text.size()}};
    d.add(Where::Body, "4. Priorities", 1);
    auto& q = d.add(Where::Body, "<priorities and the learning and improvement framework>");
    q.placeholders = {{0, q.text.size()}};
    d.add(Where::Table, "Finding or recommendation", 0, "scrqmActions A1");
    d.add(Where::Table, "Lead agency", 0, "scrqmActions B1");
    d.add(Where::Table, "Finding 1: missed appointments, to monitor and audit nationally", 0,
          "scrqmActions A2");
    auto& a = d.add(Where::Table, "<agency>", 0, "scrqmActions B2");
    a.placeholders = {{0, 8}};
    return d;
}

TEST(Response, UnfilledResponseMissesEveryQuestion)
{
    const auto found = ids(check().run(unfilled()));
    for (const char* rule :
         {"response.time-scheduled", "response.acceptance", "response.priorities",
          "response.actions", "response.monitoring", "response.national"})
        EXPECT_TRUE(found.count(rule)) << rule;
    for (const auto& f : check().run(unfilled()))
        EXPECT_EQ(f.marker, "QM16");
}

TEST(Response, MissingAnswerPointsAtItsSection)
{
    for (const auto& f : check().run(unfilled()))
        if (f.check == "response.acceptance")
        {
            EXPECT_EQ(f.paragraph, 1u);
            EXPECT_EQ(f.text, "2. Whether the Board accepts the findings");
        }
}

TEST(Response, CompleteResponseAnswersEveryQuestion)
{
    Document d;
    d.add(Where::Body, "Board response to the Serious Case Review: Child A", 0);
    d.add(Where::Body, "The Board received the report on 3 May 2017 and agreed this response on "
                       "21 June 2017.");
    d.add(Where::Body, "The Board accepts the findings in full.");
    d.add(Where::Body, "Our first priority is missed appointments, which is already part of our "
                       "learning and improvement framework.");
    d.add(Where::Body, "The Board will audit 20 cases after a year to check that practice has "
                       "changed.");
    d.add(Where::Body, "No national recommendations are needed.");
    d.add(Where::Table, "Finding or recommendation", 0, "scrqmActions A1");
    d.add(Where::Table, "Lead agency", 0, "scrqmActions B1");
    d.add(Where::Table, "Finding 1: missed appointments", 0, "scrqmActions A2");
    d.add(Where::Table, "Northmoor General Hospital", 0, "scrqmActions B2");
    EXPECT_TRUE(check().run(d).empty()) << check().run(d).front().check;
}

TEST(Response, ActionTableNeedsANamedAgency)
{
    Document d = unfilled();
    EXPECT_TRUE(ids(check().run(d)).count("response.actions"));
    d.add(Where::Table, "Finding 2: interpreters", 0, "scrqmActions A3");
    d.add(Where::Table, "Northmoor Police", 0, "scrqmActions B3");
    EXPECT_FALSE(ids(check().run(d)).count("response.actions"));
}

TEST(Response, QuotedFindingsDoNotAnswerForTheBoard)
{
    // Row A2 of unfilled() quotes "monitor", "audit" and "nationally" from the
    // report: the board has still said nothing about them.
    const auto found = ids(check().run(unfilled()));
    EXPECT_TRUE(found.count("response.monitoring"));
    EXPECT_TRUE(found.count("response.national"));
}

TEST(Response, DateMustBeWithTheCue)
{
    Document d = unfilled();
    d.add(Where::Body, "The Board received the report.");
    EXPECT_TRUE(ids(check().run(d)).count("response.time-scheduled"));
    d.add(Where::Body, "The report was presented to the Board on 12/04/2017.");
    EXPECT_FALSE(ids(check().run(d)).count("response.time-scheduled"));
}

TEST(Response, PlainEnglish)
{
    Document d = unfilled();
    const std::string long_sentence =
        "The Board, having considered with great care the many and various matters set out in "
        "the report and in the discussions that followed at its meetings over the spring and "
        "summer, accepts the findings.";
    d.add(Where::Body, "Short one. " + long_sentence + " Going forward we will act.");
    std::vector<scrqm::Finding> plain;
    for (auto& f : check().run(d))
        if (f.check == "response.plain-english")
            plain.push_back(f);
    ASSERT_EQ(plain.size(), 2u);
    EXPECT_EQ(plain[0].start, 11u);
    EXPECT_EQ(plain[0].text, long_sentence);
    EXPECT_EQ(plain[1].text, "Going forward");
    EXPECT_NE(plain[1].message.find("from now on"), std::string::npos);
}

TEST(Response, NotAResponseGetsNothing)
{
    Document d;
    d.add(Where::Body, "Serious Case Review: Child A", 0);
    d.add(Where::Body, "9. Findings", 1);
    d.add(Where::Body, "Going forward, in order to facilitate learning, this report is long.");
    d.add(Where::Body, "The Board is asked to agree a written response to the review.");
    EXPECT_FALSE(check().applies(d));
    EXPECT_TRUE(check().run(d).empty());
}

TEST(Response, SectionTagMakesAResponse)
{
    Document d;
    d.add(Where::Body, "Untitled", 0);
    EXPECT_FALSE(check().applies(d));
    d.add(Where::Property, "scrqm_S_QM16_resp02", 0, "bookmark name");
    EXPECT_TRUE(check().applies(d));
}

TEST(Placeholders, FindingsCarryTheirSpanInCodePoints)
{
    Document d;
    auto& p = d.add(Where::Body, "Zoë's board: <name of the board> on <date>");
    p.placeholders = {{13, 32}, {36, 42}};
    const auto f = scrqm::find_placeholders(d);
    ASSERT_EQ(f.size(), 2u);
    EXPECT_EQ(f[0].check, "template.placeholder");
    EXPECT_EQ(f[0].text, "<name of the board>");
    EXPECT_EQ(f[1].text, "<date>");
    EXPECT_EQ(f[1].start, 36u);
    EXPECT_EQ(f[0].severity, scrqm::Severity::Error);
    EXPECT_EQ(scrqm::text_without_placeholders(p), "Zoë's board:                     on       ");
}

TEST(ResponseData, ABrokenExampleIsRefusedWithTheRuleNamed)
{
    const auto dir = std::filesystem::temp_directory_path() / "scrqm-response-test";
    std::filesystem::create_directories(dir);
    std::ifstream in(std::string(SCRQM_DATA_DIR_FOR_TESTS) + "/response.json");
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    const std::string good = "The Board accepts the findings in full.";
    const auto at = text.find(good);
    ASSERT_NE(at, std::string::npos);
    text.replace(at, good.size(), "The Board notes the report.");
    std::ofstream(dir / "response.json") << text;
    try
    {
        scrqm::ResponseCheck broken(dir.string());
        FAIL() << "loaded a rule whose example fails";
    }
    catch (const scrqm::DataError& e)
    {
        EXPECT_NE(std::string(e.what()).find("rule \"response.acceptance\""), std::string::npos)
            << e.what();
    }
    std::filesystem::remove_all(dir);
}

} // namespace
