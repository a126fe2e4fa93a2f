// The marker catalogue against the published reference text, and the
// loader's validation of broken files.
#include <scrqm/catalogue.hxx>

#include <gtest/gtest.h>

#include <cctype>
#include <cstdio>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

namespace
{

scrqm::Catalogue shipped()
{
    return scrqm::load_catalogue(
        scrqm::framework_path(SCRQM_DATA_DIR_FOR_TESTS, scrqm::kDefaultFramework));
}

std::string squash(const std::string& s)
{
    std::string out;
    for (char c : s)
        if (std::isalnum(static_cast<unsigned char>(c)))
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Reads the questions straight out of the reference text: under each
// "Quality Marker N:" the numbered lines after "How might you know if you are
// meeting this quality marker?" up to "Knowledge base". Page furniture is
// dropped; a question's continuation lines are joined.
std::map<int, std::vector<std::string>> reference_questions()
{
    std::ifstream in(SCRQM_REFERENCE_TEXT);
    std::map<int, std::vector<std::string>> out;
    const std::regex marker_re(R"(^\s*Quality Marker (\d+):)");
    const std::regex question_re(R"(^\s*(\d+)\.\s+(.*)$)");
    const std::regex furniture_re(
        R"(^\s*(\d+|Serious Case Review Quality Markers|Supporting dialogue about the principles of good practice|Quality Marker \d+)\s*$)");
    int marker = 0;
    bool in_questions = false;
    std::string line;
    while (std::getline(in, line))
    {
        std::smatch m;
        if (std::regex_search(line, m, marker_re))
        {
            marker = std::stoi(m[1]);
            in_questions = false;
            continue;
        }
        if (line.find("How might you know if you are meeting this quality marker?") !=
            std::string::npos)
        {
            in_questions = marker > 0;
            continue;
        }
        if (!in_questions)
            continue;
        if (line.find("Knowledge base") != std::string::npos)
        {
            in_questions = false;
            continue;
        }
        if (std::regex_match(line, furniture_re) ||
            line.find_first_not_of(" \t\f") == std::string::npos)
            continue;
        auto& qs = out[marker];
        if (std::regex_match(line, m, question_re) && std::stoul(m[1]) == qs.size() + 1)
            qs.push_back(m[2]);
        else if (!qs.empty())
            qs.back() += " " + line;
    }
    return out;
}

} // namespace

TEST(Catalogue, ShippedFrameworkHasEighteenMarkersInOrder)
{
    const scrqm::Catalogue cat = shipped();
    EXPECT_EQ(cat.id, "scr-qm-2016");
    ASSERT_EQ(cat.markers.size(), 18u);
    ASSERT_EQ(cat.clusters.size(), 3u);
    for (std::size_t i = 0; i < cat.markers.size(); ++i)
    {
        const scrqm::Marker& m = cat.markers[i];
        EXPECT_EQ(m.id, "QM" + std::to_string(i + 1));
        EXPECT_EQ(m.number, static_cast<int>(i + 1));
        const char* cluster = i < 5 ? "setting-up" : i < 13 ? "running" : "outputs";
        EXPECT_EQ(m.cluster, cluster) << m.id;
        EXPECT_FALSE(m.statement.empty()) << m.id;
        EXPECT_FALSE(m.rationale.empty()) << m.id;
        EXPECT_FALSE(m.guidance.empty()) << m.id;
    }
    EXPECT_EQ(cat.find("QM13")->title, "Analysis");
    EXPECT_EQ(cat.find("QM13")->questions.size(), 11u);
    EXPECT_EQ(cat.find("QM99"), nullptr);
    // Equality and diversity notes exist for exactly the markers that have them.
    for (const auto& m : cat.markers)
        EXPECT_EQ(!m.equality_diversity.empty(), m.id == "QM4" || m.id == "QM12" || m.id == "QM14")
            << m.id;
}

TEST(Catalogue, EveryQuestionMatchesTheReferenceText)
{
    const scrqm::Catalogue cat = shipped();
    const auto reference = reference_questions();
    ASSERT_EQ(reference.size(), 18u) << "the reference parser found every marker";
    std::size_t total = 0;
    for (const scrqm::Marker& m : cat.markers)
    {
        const auto it = reference.find(m.number);
        ASSERT_NE(it, reference.end()) << m.id;
        ASSERT_EQ(m.questions.size(), it->second.size()) << m.id;
        for (std::size_t q = 0; q < m.questions.size(); ++q)
            EXPECT_EQ(squash(m.questions[q]), squash(it->second[q]))
                << m.id << " question " << q + 1 << "\n  data:      " << m.questions[q]
                << "\n  reference: " << it->second[q];
        total += m.questions.size();
    }
    EXPECT_EQ(total, 107u);
}

TEST(Catalogue, StatementsAreTheReferenceStatements)
{
    std::ifstream in(SCRQM_REFERENCE_TEXT);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string reference = squash(ss.str());
    for (const scrqm::Marker& m : shipped().markers)
        EXPECT_NE(reference.find(squash(m.statement)), std::string::npos) << m.id;
}

// ------------------------------------------------------------ validation
namespace
{

class BrokenCatalogue : public ::testing::Test
{
protected:
    std::string write(const std::string& json)
    {
        path_ = ::testing::TempDir() + "/broken-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".json";
        std::ofstream(path_) << json;
        return path_;
    }
    void TearDown() override { std::remove(path_.c_str()); }

    std::string error_for(const std::string& json)
    {
        try
        {
            scrqm::load_catalogue(write(json));
        }
        catch (const scrqm::DataError& e)
        {
            return e.what();
        }
        return "no error";
    }

    static std::string marker(const std::string& id, int number, const std::string& extra = "")
    {
        return R"({"id":")" + id + R"(","number":)" + std::to_string(number) +
               R"(,"title":"T","cluster":"c1","statement":"S","rationale":"R",)"
               R"("questions":["Q?"],"equality_diversity":[],"guidance":["G"])" +
               extra + "}";
    }

    static std::string file(const std::string& markers)
    {
        return R"({"framework":{"id":"f","title":"F","publisher":"P","year":2016,)"
               R"("clusters":[{"id":"c1","title":"C1"}]},"markers":[)" +
               markers + "]}";
    }

    std::string path_;
};

} // namespace

TEST_F(BrokenCatalogue, ValidFileLoads)
{
    const auto cat = scrqm::load_catalogue(write(file(marker("QM1", 1) + "," + marker("QM2", 2))));
    EXPECT_EQ(cat.markers.size(), 2u);
    EXPECT_EQ(cat.year, 2016);
}

TEST_F(BrokenCatalogue, MissingFileNamesTheFile)
{
    try
    {
        scrqm::load_catalogue("/nonexistent/frameworks/x.json");
        FAIL();
    }
    catch (const scrqm::DataError& e)
    {
        EXPECT_STREQ(e.what(), "/nonexistent/frameworks/x.json: cannot open the file");
    }
}

TEST_F(BrokenCatalogue, InvalidJsonGivesTheLine)
{
    const std::string e = error_for("{\n\"framework\": {\n  \"id\": \"f\",,\n}}");
    EXPECT_NE(e.find(path_), std::string::npos) << e;
    EXPECT_NE(e.find("line 3: not valid JSON"), std::string::npos) << e;
}

TEST_F(BrokenCatalogue, DuplicateIdIsNamed)
{
    const std::string e = error_for(file(marker("QM1", 1) + "," + marker("QM1", 2)));
    EXPECT_NE(e.find("marker 2 (QM1): duplicate marker id \"QM1\""), std::string::npos) << e;
}

TEST_F(BrokenCatalogue, MissingFieldIsNamed)
{
    std::string m = marker("QM1", 1);
    m.replace(m.find(R"("statement":"S",)"), std::string(R"("statement":"S",)").size(), "");
    const std::string e = error_for(file(m));
    EXPECT_NE(e.find("marker 1 (QM1): missing field \"statement\""), std::string::npos) << e;
}

TEST_F(BrokenCatalogue, EmptyQuestionsAreRefused)
{
    std::string m = marker("QM1", 1);
    m.replace(m.find(R"(["Q?"])"), 6, "[]");
    EXPECT_NE(error_for(file(m)).find("\"questions\" must not be empty"), std::string::npos);
    m = marker("QM1", 1);
    m.replace(m.find(R"(["Q?"])"), 6, R"(["  "])");
    EXPECT_NE(error_for(file(m)).find("\"questions\" item 1 is empty"), std::string::npos);
}

TEST_F(BrokenCatalogue, UnknownClusterAndBadNumberAreRefused)
{
    std::string m = marker("QM1", 1);
    m.replace(m.find(R"("cluster":"c1")"), 14, R"("cluster":"zz")");
    EXPECT_NE(error_for(file(m)).find("unknown cluster \"zz\""), std::string::npos);
    m = marker("QM1", 1);
    m.replace(m.find(R"("number":1)"), 10, R"("number":"one")");
    EXPECT_NE(error_for(file(m)).find("must be a whole number"), std::string::npos);
}

TEST_F(BrokenCatalogue, NoMarkersIsRefused)
{
    EXPECT_NE(error_for(file("")).find("\"markers\" must be a non-empty array"), std::string::npos);
}

TEST(Catalogue, LoadFrameworkByIdListsTheAvailableOnes)
{
    EXPECT_EQ(scrqm::available_frameworks(SCRQM_DATA_DIR_FOR_TESTS),
              (std::vector<std::string>{"sar-qm-2022", "scr-qm-2016"}));
    EXPECT_EQ(scrqm::load_framework(SCRQM_DATA_DIR_FOR_TESTS, "scr-qm-2016").markers.size(), 18u);
    try
    {
        scrqm::load_framework(SCRQM_DATA_DIR_FOR_TESTS, "nope");
        FAIL();
    }
    catch (const scrqm::DataError& e)
    {
        EXPECT_STREQ(e.what(), "unknown framework \"nope\" (available: sar-qm-2022, scr-qm-2016)");
    }
}
