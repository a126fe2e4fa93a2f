// Kinds of review: each profile's examples, a defect-free report of each kind
// (no structure error, the right kind detected), the profile override, and
// the SAR Quality Markers framework read from its data file.
#include <scrqm/catalogue.hxx>
#include <scrqm/check_entry.hxx>
#include <scrqm/checks.hxx>
#include <scrqm/kinds.hxx>
#include <scrqm/structure.hxx>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

using scrqm::Where;

namespace
{

const std::string kData = SCRQM_DATA_DIR_FOR_TESTS;

const char* kWords = "The review team read the records and met the people who worked with the "
                     "person during the period under review and they shared their views about "
                     "what happened, what helped and what got in the way of good practice.";

// A report of `cover` whose sections are the profile's, in order, each headed
// by the example `which` of its section (or the last one if it has fewer).
scrqm::Document report_of(const scrqm::StructureProfile& profile, const std::string& cover,
                          std::size_t which = 0)
{
    scrqm::Document d;
    d.add(Where::Body, cover);
    d.add(Where::Body, "Independent reviewer: J Smith. Version 1.0, March 2026.");
    for (const scrqm::ProfileSection& s : profile.sections)
    {
        const auto& ex = s.match_examples;
        d.add(Where::Body, ex[std::min(which, ex.size() - 1)], 1);
        if (s.id == "findings")
        {
            d.add(Where::Body, "Finding 1: Referrals wait", 2);
            d.add(Where::Body, "Referrals wait because the duty team has no cover at weekends, so "
                               "urgent work is left until Monday morning.");
        }
        else if (s.id == "recommendations")
            d.add(Where::Body,
                  "1. The partnership should fund weekend cover for the duty team (Finding 1).");
        else
            d.add(Where::Body, kWords);
    }
    return d;
}

std::vector<std::string> errors(const std::vector<scrqm::Finding>& findings)
{
    std::vector<std::string> out;
    for (const scrqm::Finding& f : findings)
        if (f.severity == scrqm::Severity::Error || f.check == "structure.missing-section")
            out.push_back(f.check + ": " + f.message);
    return out;
}

struct KindCase
{
    const char* profile;
    const char* cover;
};

const KindCase kCases[] = {
    {"scr-report", "Serious Case Review: Child S. Anytown Safeguarding Children Board"},
    {"lcspr-report", "Local Child Safeguarding Practice Review: Baby V. Anytown Safeguarding "
                     "Children Partnership (the three safeguarding partners)"},
    {"sar-report", "Safeguarding Adults Review: Adult R. Anytown Safeguarding Adults Board"},
    {"dhr-overview", "Domestic Homicide Review Overview Report into the death of Ms M. Anytown "
                     "Community Safety Partnership"},
};

scrqm::StructureProfile load(const std::string& id)
{
    return scrqm::load_profile(scrqm::profile_path(kData, id), kData);
}

} // namespace

// Every profile shipped loads (so each section's examples hold: load_profile
// checks them) and each match example, used as the heading, serves its
// section in a real run of the structure check; each nomatch one does not.
TEST(Kinds, EveryProfileExampleServesItsSectionInACheck)
{
    std::size_t profiles = 0, examples = 0;
    for (const auto& e : std::filesystem::directory_iterator(kData + "/profiles"))
    {
        if (e.path().extension() != ".json")
            continue;
        ++profiles;
        const scrqm::StructureProfile p = scrqm::load_profile(e.path().string(), kData);
        for (const scrqm::ProfileSection& s : p.sections)
        {
            EXPECT_FALSE(s.match_examples.empty()) << p.id << " " << s.id;
            EXPECT_FALSE(s.nomatch_examples.empty()) << p.id << " " << s.id;
        }
        scrqm::StructureCheck check(kData);
        for (std::size_t which = 0; which < 2; ++which)
        {
            SCOPED_TRACE(p.id + " example " + std::to_string(which));
            EXPECT_EQ(errors(check.run(report_of(p, "A review", which), p)),
                      std::vector<std::string>{});
        }
        for (std::size_t i = 0; i < p.sections.size(); ++i)
            for (const std::string& bad : p.sections[i].nomatch_examples)
            {
                ++examples;
                scrqm::Document d = report_of(p, "A review");
                // the section's heading is paragraph 2 + 2 * i (two cover lines,
                // then heading and text); findings add one more paragraph
                std::size_t at = 2;
                for (std::size_t j = 0; j < i; ++j)
                    at += p.sections[j].id == "findings" ? 3 : 2;
                ASSERT_EQ(d.paragraphs[at].outline_level, 1);
                d.paragraphs[at].text = bad;
                const auto f = check.run(d, p);
                const bool missing =
                    std::any_of(f.begin(), f.end(),
                                [&](const scrqm::Finding& x)
                                {
                                    return x.check == "structure.missing-section" &&
                                           x.message.find(p.sections[i].title) != std::string::npos;
                                });
                EXPECT_EQ(missing, p.sections[i].required) << p.id << ": " << bad;
            }
    }
    EXPECT_EQ(profiles, 4u);
    EXPECT_GT(examples, 40u);
}

TEST(Kinds, ABrokenExampleStopsTheProfileFromLoading)
{
    const std::string path = ::testing::TempDir() + "/bad-profile.json";
    std::ofstream(path) << R"({"id":"bad","sections":[{"id":"a","names":["^analysis"],)"
                        << R"("marker":"QM13","examples":{"match":["Findings"]}}]})";
    try
    {
        scrqm::load_profile(path, kData);
        FAIL();
    }
    catch (const scrqm::DataError& e)
    {
        EXPECT_NE(std::string(e.what()).find("example heading \"Findings\" is not matched"),
                  std::string::npos)
            << e.what();
    }
}

// A defect-free report of each kind: no structure error, and the kind its
// cover names is detected and used, through the one check entry.
TEST(Kinds, DefectFreeReportOfEachKindIsDetectedAndClean)
{
    scrqm::CheckRunner runner(kData);
    for (const KindCase& k : kCases)
    {
        SCOPED_TRACE(k.profile);
        const scrqm::Document d = report_of(load(k.profile), k.cover);
        const scrqm::DetectedKind kind = scrqm::detect_kind(d);
        ASSERT_TRUE(kind.detected);
        EXPECT_EQ(kind.kind->profile, k.profile);
        scrqm::CheckRequest request = scrqm::check_request({{"Checks", "structure"}});
        const scrqm::CheckOutcome out = scrqm::run_check(d, request, runner);
        EXPECT_EQ(out.result.kind, k.profile);
        EXPECT_TRUE(out.result.kind_detected);
        EXPECT_NE(out.result.kind_note.find("detected from"), std::string::npos);
        EXPECT_EQ(errors(out.result.findings), std::vector<std::string>{});
    }
}

// The profile option wins over the cover; with no kind named the default
// (scr-report) applies and says so; the first kind named wins, so an LCSPR
// that mentions an earlier Serious Case Review stays an LCSPR.
TEST(Kinds, ProfileOverridesAndTheFirstNamedKindWins)
{
    scrqm::CheckRunner runner(kData);
    const scrqm::Document sar = report_of(load("sar-report"), kCases[2].cover);
    scrqm::CheckRequest request =
        scrqm::check_request({{"Checks", "structure"}, {"Profile", "dhr-overview"}});
    const scrqm::CheckOutcome out = scrqm::run_check(sar, request, runner);
    EXPECT_EQ(out.result.kind, "dhr-overview");
    EXPECT_FALSE(out.result.kind_detected);
    EXPECT_NE(out.result.kind_note.find("chosen with the profile option"), std::string::npos);
    // the DHR profile misses the SAR's sections: the panel, equality, ...
    EXPECT_FALSE(errors(out.result.findings).empty());

    scrqm::Document plain;
    plain.add(Where::Body, "A report about practice");
    EXPECT_FALSE(scrqm::detect_kind(plain).detected);
    EXPECT_EQ(scrqm::detect_kind(plain).kind->profile, "scr-report");

    scrqm::Document lcspr;
    lcspr.add(Where::Body, "Child Safeguarding Practice Review: Child T");
    lcspr.add(Where::Body, "This review follows the Serious Case Review of 2016.");
    EXPECT_EQ(scrqm::detect_kind(lcspr).kind->profile, "lcspr-report");
    EXPECT_EQ(scrqm::detect_kind(lcspr).evidence, "Child Safeguarding Practice Review");

    scrqm::Document titled; // the document's Title property counts first
    titled.properties["title"] = "SAFEGUARDING ADULT REVIEW - Adult X";
    titled.add(Where::Body, "Serious Case Review of 2012, revisited");
    EXPECT_EQ(scrqm::detect_kind(titled).kind->profile, "sar-report");
}

TEST(Kinds, SarQualityMarkersHaveFifteenMarkersInThreeStages)
{
    const scrqm::Catalogue cat = scrqm::load_framework(kData, "sar-qm-2022");
    ASSERT_EQ(cat.markers.size(), 15u);
    ASSERT_EQ(cat.audiences.size(), 4u);
    EXPECT_EQ(cat.audiences[0].id, "board");
    EXPECT_NE(cat.source.find("scie.org.uk"), std::string::npos);
    std::size_t per_stage[3] = {};
    for (const scrqm::Marker& m : cat.markers)
    {
        SCOPED_TRACE(m.id);
        for (std::size_t s = 0; s < 3; ++s)
            per_stage[s] += m.cluster == cat.clusters[s].id;
        EXPECT_EQ(m.questions_by_audience.size(), 4u);
        EXPECT_NE(m.source.find("scie.org.uk"), std::string::npos);
        // text not found is said, never left silently empty
        if (m.statement.empty() || m.questions.empty())
        {
            EXPECT_FALSE(m.missing.empty());
        }
    }
    EXPECT_EQ(per_stage[0], 5u); // setting up: referral .. commissioning
    EXPECT_EQ(per_stage[1], 7u); // running: governance .. analysis
    EXPECT_EQ(per_stage[2], 3u); // output, action, impact
    // QM7 (management of the process) was found with questions for all four
    for (const auto& [audience, questions] : cat.find("QM7")->questions_by_audience)
        EXPECT_FALSE(questions.empty()) << audience;
    // the flat list is all the audiences' questions, in order
    std::size_t total = 0;
    for (const auto& [audience, questions] : cat.find("QM7")->questions_by_audience)
        total += questions.size();
    EXPECT_EQ(cat.find("QM7")->questions.size(), total);
}

TEST(Kinds, AnEmptyStatementMustSayWhy)
{
    const std::string path = ::testing::TempDir() + "/bad-framework.json";
    std::ofstream(path)
        << R"({"framework":{"id":"x","title":"X","publisher":"P","year":"2022",)"
        << R"("clusters":[{"id":"c","title":"C"}],"audiences":[{"id":"a","title":"A"}]},)"
        << R"("markers":[{"id":"QM1","number":"1","title":"T","cluster":"c",)"
        << R"("statement":"","questions_by_audience":{"a":["Q?"]}}]})";
    try
    {
        scrqm::load_catalogue(path);
        FAIL();
    }
    catch (const scrqm::DataError& e)
    {
        EXPECT_NE(std::string(e.what()).find("\"missing\" does not say why"), std::string::npos)
            << e.what();
    }
}

TEST(Kinds, TheFrameworkFollowsTheKindUnlessOneIsNamed)
{
    scrqm::Document sar;
    sar.add(Where::Body, "Safeguarding Adults Review: Adult B");
    EXPECT_EQ(scrqm::framework_for(sar, ""), "sar-qm-2022");
    EXPECT_EQ(scrqm::framework_for(sar, "scr-qm-2016"), "scr-qm-2016"); // named
    scrqm::Document scr;
    scr.add(Where::Body, "Serious Case Review: Child B");
    EXPECT_EQ(scrqm::framework_for(scr, ""), "scr-qm-2016");
    scrqm::Document lcspr;
    lcspr.add(Where::Body, "Local Child Safeguarding Practice Review");
    EXPECT_EQ(scrqm::framework_for(lcspr, ""), "scr-qm-2016");
    // The document's own property wins over its kind.
    sar.properties[std::string("custom:") + scrqm::kFrameworkProperty] = "scr-qm-2016";
    EXPECT_EQ(scrqm::framework_for(sar, ""), "scr-qm-2016");
    // The check's result says which was used.
    scrqm::Document sar2;
    sar2.add(Where::Body, "Safeguarding Adults Review: Adult C");
    scrqm::CheckRequest request; // no framework named
    scrqm::CheckRunner runner(kData);
    EXPECT_EQ(scrqm::run_check(sar2, request, runner).result.framework, "sar-qm-2022");
}

TEST(Kinds, EachKindHasItsTemplates)
{
    const auto& names = scrqm::template_names();
    for (const char* kind : {"", "lcspr-", "sar-"})
        for (const char* what : {"terms-of-reference", "board-response"})
            EXPECT_NE(std::find(names.begin(), names.end(), std::string(kind) + what), names.end())
                << kind << what;
    EXPECT_EQ(names.size(), 6u);
    EXPECT_EQ(scrqm::template_list(),
              "terms-of-reference, board-response, lcspr-terms-of-reference, "
              "lcspr-board-response, sar-terms-of-reference or sar-board-response");
    for (const auto& n : names)
        EXPECT_TRUE(std::filesystem::exists(std::string(SCRQM_SOURCE_DIR_FOR_TESTS) +
                                            "/templates/" + n + ".fodt"))
            << n;
}
