#include "body_doc.hxx"

#include <scrqm/coverage.hxx>
#include <scrqm/suggest.hxx>
#include <scrqm/tags.hxx>

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <unistd.h>

using scrqm::Where;

namespace
{
const scrqm::Catalogue& catalogue()
{
    static const scrqm::Catalogue cat =
        scrqm::load_framework(SCRQM_DATA_DIR_FOR_TESTS, scrqm::kDefaultFramework);
    return cat;
}

const scrqm::Suggester& suggester()
{
    static const scrqm::Suggester s =
        scrqm::Suggester::load_for(SCRQM_DATA_DIR_FOR_TESTS, catalogue());
    return s;
}

scrqm::Tag tag_at(const std::string& name, std::size_t paragraph)
{
    auto t = scrqm::parse_tag_name(name);
    EXPECT_TRUE(t) << name;
    t->paragraph = t->last = paragraph;
    return *t;
}

std::string write_temp(const std::string& text)
{
    char path[] = "/tmp/scrqm-cues-XXXXXX";
    const int fd = mkstemp(path);
    EXPECT_GE(fd, 0);
    ::close(fd);
    std::ofstream(path) << text;
    return path;
}
} // namespace

TEST(Tags, ParsesSectionAndPassageNamesWithAnySuffix)
{
    auto s = scrqm::parse_tag_name("scrqm_S_QM13_a1");
    ASSERT_TRUE(s);
    EXPECT_FALSE(s->passage);
    EXPECT_EQ(s->marker, "QM13");
    EXPECT_EQ(s->id, "a1");
    // LibreOffice renames pasted duplicates; .docx turns spaces into '_'.
    auto p = scrqm::parse_tag_name("scrqm_P_QM9_x7Copy_1");
    ASSERT_TRUE(p);
    EXPECT_TRUE(p->passage);
    EXPECT_EQ(p->marker, "QM9");
    EXPECT_EQ(p->id, "x7");
    EXPECT_EQ(scrqm::parse_tag_name("scrqm_S_QM1_abcdefghijklmnop")->id, "abcdefghijkl");
    for (const char* bad : {"scrqm_S_QM13_", "scrqm_X_QM1_a", "scrqm_S_13_a", "scrqm_S_QM_a",
                            "scrqm_S_QM1", "Liam_Carter", "scrqm_S_qm1_a", "scrqm_S_QM1_A"})
        EXPECT_FALSE(scrqm::parse_tag_name(bad)) << bad;
    EXPECT_TRUE(scrqm::is_scrqm_name("scrqm_Q_QM1"));
    EXPECT_FALSE(scrqm::is_scrqm_name("_Toc123"));
}

TEST(Tags, NewNamesAreUniqueAndParseBack)
{
    std::set<std::string> taken;
    for (int i = 0; i < 50; ++i)
    {
        const std::string name = scrqm::make_tag_name(i % 2, "QM14", taken);
        EXPECT_TRUE(taken.insert(name).second) << name;
        const auto t = scrqm::parse_tag_name(name);
        ASSERT_TRUE(t) << name;
        EXPECT_EQ(t->marker, "QM14");
        EXPECT_EQ(t->passage, i % 2 == 1);
    }
}

TEST(Tags, SectionTagsLandOnTheirSectionInCatalogueOrder)
{
    scrqm::Document doc = body_doc({
        {"1. Intro", 1},   // 0
        {"text"},          // 1
        {"1.1 Scope", 2},  // 2
        {"text"},          // 3
        {"2. Analysis", 1} // 4
    });
    doc.tags = {tag_at("scrqm_S_QM14_1", 4), tag_at("scrqm_S_QM13_2", 4),
                tag_at("scrqm_S_QM13_3", 4), tag_at("scrqm_S_QM6_4", 3),
                tag_at("scrqm_P_QM9_5", 1)};
    const auto s = scrqm::compute_sections(doc);
    ASSERT_EQ(s.size(), 3u);
    EXPECT_TRUE(s[0].markers.empty());                        // a passage tag is not a section tag
    EXPECT_EQ(s[1].markers, std::vector<std::string>{"QM6"}); // innermost holding it
    EXPECT_EQ(s[2].markers, (std::vector<std::string>{"QM13", "QM14"}));
}

TEST(Questions, RoundTripWithEscapedNotes)
{
    std::map<int, scrqm::QuestionNote> q;
    q[1] = {scrqm::QuestionState::Answered, ""};
    q[3] = {scrqm::QuestionState::NotApplicable, "No trial; police \\ CPS not involved"};
    q[4] = {scrqm::QuestionState::Open, ""}; // open without note: not stored
    q[5] = {scrqm::QuestionState::Open, "ask the chair"};
    const std::string v = scrqm::format_question_states(q);
    EXPECT_EQ(v, "1a;3n:No trial\\; police \\\\ CPS not involved;5o:ask the chair");
    const auto back = scrqm::parse_question_states(v, "QM9", 8);
    ASSERT_EQ(back.size(), 3u);
    EXPECT_EQ(back.at(3).note, q[3].note);
    EXPECT_EQ(back.at(1).state, scrqm::QuestionState::Answered);
    EXPECT_EQ(back.at(5).state, scrqm::QuestionState::Open);
}

TEST(Questions, BadValuesNameTheMarkerAndTheProblem)
{
    auto problem = [](const std::string& v)
    {
        try
        {
            scrqm::parse_question_states(v, "QM9", 8);
        }
        catch (const scrqm::DataError& e)
        {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_EQ(problem("9a"), "scrqm_Q_QM9: entry 1: question 9 does not exist (QM9 has 8)");
    EXPECT_EQ(problem("1a;1n"), "scrqm_Q_QM9: entry 2: question 1 appears twice");
    EXPECT_EQ(problem("1x"), "scrqm_Q_QM9: entry 1: unknown state 'x' (a, n or o)");
    EXPECT_EQ(problem("a"), "scrqm_Q_QM9: entry 1: expected a question number");
    EXPECT_EQ(problem("2"), "scrqm_Q_QM9: entry 1: missing state (a, n or o)");
    EXPECT_NE(problem("1a:" + std::string(300, 'x')).find("longer than 280"), std::string::npos);
    EXPECT_THROW(scrqm::clean_note(std::string(281, 'x')), std::invalid_argument);
    EXPECT_EQ(scrqm::clean_note("  two\nlines "), "two lines");
}

TEST(Questions, MarkerListsAreCheckedAgainstTheCatalogue)
{
    EXPECT_EQ(scrqm::parse_marker_list("QM13, qm14,QM13", catalogue()),
              (std::vector<std::string>{"QM13", "QM14"}));
    EXPECT_THROW(scrqm::parse_marker_list("QM19", catalogue()), std::invalid_argument);
}

TEST(Suggest, ExplainsWhichCuesFiredAndHowOften)
{
    const auto s = suggester().score("Parallel processes",
                                     "The coroner opened an inquest. The coroner adjourned it. The "
                                     "coroner was told again, and the coroner wrote back.");
    ASSERT_FALSE(s.empty());
    EXPECT_EQ(s[0].marker, "QM9");
    const auto coroner = std::find_if(s[0].hits.begin(), s[0].hits.end(),
                                      [](const scrqm::CueHit& h) { return h.cue == "coroner"; });
    ASSERT_NE(coroner, s[0].hits.end());
    EXPECT_EQ(coroner->count, scrqm::kMaxCueCount); // four mentions, capped at three
    EXPECT_EQ(coroner->points, 5 * 3);
    const auto title = std::find_if(s[0].hits.begin(), s[0].hits.end(),
                                    [](const scrqm::CueHit& h) { return h.in_title; });
    ASSERT_NE(title, s[0].hits.end()); // "parallel process*" in the title
    EXPECT_EQ(title->cue, "parallel process*");
    // A narrative with no cue gets nothing.
    EXPECT_TRUE(suggester().score("Key events", "She started nursery in April.").empty());
}

TEST(Suggest, BadCueFilesNameTheFileAndProblem)
{
    auto problem = [](const std::string& json)
    {
        const std::string path = write_temp(json);
        std::string what = "no error";
        try
        {
            scrqm::Suggester::load(path, catalogue());
        }
        catch (const scrqm::DataError& e)
        {
            what = e.what();
        }
        std::remove(path.c_str());
        return what.substr(what.find(':') + 2);
    };
    EXPECT_EQ(
        problem(
            R"({"framework":"scr-qm-2016","min_score":4,"markers":[{"marker":"QM99","cues":{"x":1}}]})"),
        "marker \"QM99\": not a marker of scr-qm-2016");
    EXPECT_EQ(
        problem(
            R"({"framework":"scr-qm-2016","min_score":4,"markers":[{"marker":"QM1","cues":{"x":9}}]})"),
        "marker \"QM1\": cue \"x\": weight must be a number 1..5");
    EXPECT_EQ(
        problem(
            R"({"framework":"scr-qm-2016","min_score":4,"markers":[{"marker":"QM1","cues":{"referral":1}}]})"),
        "marker \"QM2\" has no cues");
    EXPECT_EQ(problem(R"({"framework":"other","min_score":4,"markers":[]})"),
              "\"framework\" is \"other\", expected \"scr-qm-2016\"");
    EXPECT_NE(problem("{\"framework\":\n}").find("line 2"), std::string::npos);
}

TEST(Coverage, TaggedSuggestedMissingAndQuestions)
{
    scrqm::Document doc =
        body_doc({{"Parallel processes", 1},                                      // 0
                  {"The coroner was told and the police investigation went on."}, // 1
                  {"Analysis", 1},                                                // 2
                  {"Hindsight bias was avoided; workload explains why practitioners acted."}});
    doc.tags = {tag_at("scrqm_S_QM13_1", 2), tag_at("scrqm_P_QM14_2", 3)};
    doc.question_states["QM13"] = "1a;2n:not relevant";
    doc.question_states["QM9"] = "99a"; // unreadable: reported, treated as open
    const scrqm::Analysis a = scrqm::analyse(doc, catalogue(), suggester());
    ASSERT_EQ(a.coverage.size(), 18u);
    const auto& qm9 = a.coverage[8];
    EXPECT_EQ(qm9.marker, "QM9");
    EXPECT_EQ(qm9.status, scrqm::CoverageStatus::Suggested);
    EXPECT_EQ(qm9.suggested_sections, std::vector<std::size_t>{0});
    const auto& qm13 = a.coverage[12];
    EXPECT_EQ(qm13.status, scrqm::CoverageStatus::Tagged);
    EXPECT_EQ(qm13.tagged_sections, std::vector<std::size_t>{1});
    EXPECT_TRUE(qm13.suggested_sections.empty()); // already tagged: not suggested again
    EXPECT_EQ(qm13.answered, 1u);
    EXPECT_EQ(qm13.not_applicable, 1u);
    EXPECT_EQ(a.coverage[13].status, scrqm::CoverageStatus::Tagged); // passage tag
    EXPECT_EQ(a.coverage[13].passages, 1u);
    EXPECT_EQ(a.coverage[0].status, scrqm::CoverageStatus::Missing);
    ASSERT_EQ(a.problems.size(), 1u);
    EXPECT_NE(a.problems[0].find("scrqm_Q_QM9"), std::string::npos);
    const std::string text =
        scrqm::coverage_text_from_json(scrqm::analysis_to_json(a, catalogue(), "x.docx"));
    EXPECT_NE(text.find("x.docx: 2 tagged, 1 suggested, 15 missing (of 18 markers)"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("tagged    QM13  Analysis: \"Analysis\"; questions: 1 answered, 1 n/a"),
              std::string::npos)
        << text;
}

TEST(Suggest, CachedRefreshGivesTheSameSuggestions)
{
    scrqm::Document doc = body_doc({{"Parallel processes", 1},
                                    {"The coroner was told and the police investigation went on."},
                                    {"Publication", 1},
                                    {"A media strategy was agreed."}});
    scrqm::SuggestCache cache;
    const auto sections = scrqm::compute_sections(doc);
    auto markers = [](const std::vector<std::vector<scrqm::Suggestion>>& all)
    {
        std::vector<std::string> out;
        for (const auto& s : all)
            out.push_back(s.empty() ? "-" : s[0].marker + ":" + std::to_string(s[0].score));
        return out;
    };
    EXPECT_EQ(markers(suggester().suggest(doc, sections, &cache)),
              markers(suggester().suggest(doc, sections)));
    doc.paragraphs[3].text = "Nothing here.";
    const auto cached = suggester().suggest(doc, sections, &cache);
    EXPECT_EQ(markers(cached), markers(suggester().suggest(doc, sections)));
    EXPECT_EQ(cache.size(), 4u); // the old text of paragraph 3 was dropped
}

TEST(Coverage, StripIsOneNumberedCellPerMarkerInARowPerCluster)
{
    scrqm::Document doc;
    doc.add(Where::Body, "Analysis", 1);
    doc.tags = {tag_at("scrqm_S_QM13_1", 0)};
    const auto coverage = scrqm::compute_coverage(doc, catalogue(), suggester());
    const std::string svg = scrqm::coverage_svg(coverage, catalogue());
    auto count = [&](const std::string& what)
    {
        std::size_t n = 0;
        for (auto pos = svg.find(what); pos != std::string::npos; pos = svg.find(what, pos + 1))
            ++n;
        return n;
    };
    EXPECT_EQ(count("<rect "), 18u);
    EXPECT_EQ(count("fill=\"#2e7d32\""), 1u); // QM13 tagged
    EXPECT_EQ(count("fill=\"#e0e0e0\""), 17u);
    EXPECT_NE(svg.find("<title>QM13 Analysis: tagged</title>"), std::string::npos);
    // Three clusters: rows at y 0, 28 and 56; 8 markers in the widest row.
    EXPECT_NE(svg.find("height=\"80\""), std::string::npos);
    EXPECT_NE(svg.find("width=\"213\""), std::string::npos);
}
