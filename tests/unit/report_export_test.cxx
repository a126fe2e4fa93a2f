#include "body_doc.hxx"

#include <scrqm/catalogue.hxx>
#include <scrqm/checks.hxx>
#include <scrqm/report_export.hxx>
#include <scrqm/result.hxx>
#include <scrqm/rules.hxx>
#include <scrqm/suggest.hxx>
#include <scrqm/tags.hxx>

#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <sstream>

using scrqm::Finding;
using scrqm::Masker;
using scrqm::Severity;
using scrqm::Where;

namespace
{

Finding finding(const std::string& check, const std::string& category, const std::string& text,
                std::size_t paragraph, std::size_t start, Severity severity = Severity::Error)
{
    Finding f(scrqm::rule_named(check, "test"));
    f.category = category;
    f.text = text;
    f.severity = severity;
    f.message = "message";
    f.marker = "QM14";
    f.where = Where::Body;
    f.paragraph = paragraph;
    f.start = start;
    f.end = start + text.size(); // ASCII in these tests
    return f;
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

const scrqm::Catalogue& catalogue()
{
    static const scrqm::Catalogue cat =
        scrqm::load_framework(SCRQM_DATA_DIR_FOR_TESTS, scrqm::kDefaultFramework);
    return cat;
}

} // namespace

TEST(Masker, MasksEveryFormOfAnIdentifierWithOneNumberedLabel)
{
    Masker m;
    m.add("Zoë Carter", "name");
    m.add("Liam", "name");
    m.add("NM4 7QT", "postcode");
    // "Zoë Carter" is name 1, its words "Zoë" and "Carter" names 2 and 3.
    EXPECT_EQ(m.mask("ZOE CARTER met liam at NM4 7QT."), "[name 1] met [name 4] at [postcode 1].");
    EXPECT_EQ(m.mask("zoë carter, Zoe Carter"), "[name 1], [name 1]");
    // Whole words only: Liam in William is another word.
    EXPECT_EQ(m.mask("William and Liam's sister"), "William and [name 4]'s sister");
    // The longest identifier wins where two start at the same place.
    m.add("Zoë", "name");
    EXPECT_EQ(m.mask("Zoë Carter and Zoë; Mrs Carter"), "[name 1] and [name 2]; Mrs [name 3]");
    // Titles and little words of a name phrase are not identifiers.
    m.add("the Hughes family", "name");
    EXPECT_EQ(m.mask("the family of Hughes"), "the family of [name 6]");
}

TEST(Masker, PossessivesTypographyAndTooShortStrings)
{
    Masker m;
    m.add("Carter\u2019s", "name"); // found with a typographic apostrophe
    m.add("A", "name");             // ignored: identifies no one, would mask every "a"
    EXPECT_EQ(m.size(), 2u);        // "carter's" and "carter"
    EXPECT_EQ(m.mask("Carter's home; Mrs Carter; a day"), "[name 1] home; Mrs [name 1]; a day");
}

TEST(Masker, RegisterValuesAndTheWordsOfRegisteredNames)
{
    Masker m;
    m.add_register({{"Liam Carter", "Child A", "name"}, {"Brackenfield", "the estate", "place"}});
    EXPECT_EQ(m.mask("Liam Carter lived in Brackenfield; Carter and liam"),
              "[name 1] lived in [place 1]; [name 3] and [name 2]");
}

// A comment's and a tracked change's author are named in their messages:
// masked as whole names, never as the words "Author" or "Reviewer" alone.
TEST(Masker, CommentAndChangeAuthors)
{
    Finding comment = finding("hidden.comment", "hidden-data", "Please check", 0, 0);
    comment.author = "Sarah Whitfield";
    Finding change = finding("hidden.tracked-change", "hidden-data", "new words", 0, 0);
    change.author = "Reviewer";
    Finding unknown = finding("hidden.tracked-change", "hidden-data", "more words", 0, 0);
    unknown.author = "Unknown Author";
    Masker m;
    m.add_findings({comment, change, unknown});
    EXPECT_EQ(m.mask("Comment (comment by Sarah Whitfield): Sarah Whitfield's note"),
              "Comment (comment by [author 1]): [author 1]'s note");
    EXPECT_EQ(m.mask("Insert by Reviewer; the reviewer's author"),
              "Insert by [author 2]; the [author 2]'s author");
    EXPECT_EQ(m.mask("Insert by Unknown Author"), "Insert by Unknown Author");
    scrqm::ReportedFile item;
    item.file = "r.odt";
    item.result.findings = {comment};
    const std::string json = scrqm::report_to_json(item, m);
    EXPECT_EQ(json.find("Whitfield"), std::string::npos) << json;
    EXPECT_NE(json.find("\"author\":\"[author 1]\""), std::string::npos) << json;
}

TEST(Masker, OnlyIdentifierFindingsAreAdded)
{
    std::vector<Finding> fs = {
        finding("anonymisation.name", "name", "Liam", 0, 0),
        finding("anonymisation.jigsaw", "jigsaw", "Liam lived at 12 Elm Grove in 2016", 0, 0),
        finding("anonymisation.jigsaw-section", "jigsaw", "7. Background", 0, 0),
        finding("anonymisation.pseudonym-scheme", "pseudonym", "Child 1", 0, 0),
        finding("structure.missing-section", "structure", "Findings", 0, 0),
    };
    Masker m;
    m.add_findings(fs);
    EXPECT_EQ(m.size(), 1u);
    EXPECT_TRUE(scrqm::is_identifier_finding(fs[0]));
    EXPECT_FALSE(scrqm::is_identifier_finding(fs[1]));
    EXPECT_FALSE(scrqm::is_identifier_finding(fs[4]));
}

TEST(Masker, HiddenDataIsNamedNeverShown)
{
    std::vector<Finding> fs = {
        finding("hidden.comment", "hidden-data", "Check Amina's date of birth", 0, 0),
        finding("hidden.property", "hidden-data", "Jo Reviewer", 0, 0),
        finding("hidden.personal-info-setting", "hidden-data",
                "Remove personal information on saving: off", 0, 0),
    };
    Masker m;
    m.add_findings(fs);
    EXPECT_EQ(m.size(), 2u);
    EXPECT_EQ(m.mask("said: Check Amina's date of birth"), "said: [hidden comment 1]");
    EXPECT_EQ(m.mask("by Jo Reviewer"), "by [hidden property 1]");
}

TEST(ReportContext, SectionAndContextNeverCutAnIdentifier)
{
    scrqm::Document doc;
    doc.add(Where::Body, "1. Background", 1);
    const std::string text = "Words before the family lived at 12 Elm Grove for years and then "
                             "Liam moved to a flat with his mother, far away from everyone.";
    doc.add(Where::Body, text);
    doc.add(Where::Footnote, "A note about Liam.");
    const std::size_t liam = text.find("Liam");
    const std::size_t elm = text.find("12 Elm Grove");
    std::vector<Finding> fs = {finding("anonymisation.address", "address", "12 Elm Grove", 1, elm),
                               finding("anonymisation.name", "name", "Liam", 1, liam),
                               finding("anonymisation.name", "name", "Liam", 0, 13)};
    fs[2].where = Where::Footnote;
    // A window of 25 code points before "Liam" would start inside the
    // address: it starts after it (the window never grows past its width).
    scrqm::add_context(fs, doc, scrqm::compute_sections(doc), 25);
    EXPECT_EQ(fs[1].section, "1. Background");
    EXPECT_EQ(fs[1].context_before, "… for years and then ");
    EXPECT_EQ(fs[1].context_after, " moved to a flat with his …");
    EXPECT_EQ(fs[0].context_before, "… the family lived at ");
    // Notes take the section of the body paragraph they are anchored to.
    EXPECT_EQ(fs[2].section, "1. Background");
    EXPECT_EQ(fs[2].context_before, "A note about ");
    EXPECT_EQ(fs[2].context_after, ".");
}

TEST(ReportCoverage, TaggedOrMissingInCatalogueOrder)
{
    scrqm::Section s;
    s.markers = {"QM13", "QM1"};
    const auto cov = scrqm::coverage_from_tags(catalogue(), {s});
    ASSERT_EQ(cov.size(), 18u);
    EXPECT_EQ(cov[0].id, "QM1");
    EXPECT_EQ(cov[0].status, scrqm::CoverageStatus::Tagged);
    EXPECT_EQ(cov[1].status, scrqm::CoverageStatus::Missing);
    EXPECT_EQ(cov[12].id, "QM13");
    EXPECT_EQ(cov[12].status, scrqm::CoverageStatus::Tagged);
    EXPECT_EQ(cov[12].title, "Analysis");
}

TEST(ReportCoverage, SuggestedAsTheSidebarSeesItThroughTheOfficeJson)
{
    // A tagged section, a passage tag and a section whose text suggests QM9:
    // the report gets compute_coverage's statuses, carried in the check's
    // JSON as the office sends them.
    scrqm::Document doc =
        body_doc({{"Parallel processes", 1},
                  {"The coroner was told and the police investigation went on."},
                  {"Analysis", 1},
                  {"Hindsight bias was avoided; workload explains why practitioners acted."}});
    auto tag = [](const std::string& name, std::size_t paragraph)
    {
        auto t = scrqm::parse_tag_name(name);
        EXPECT_TRUE(t) << name;
        t->paragraph = t->last = paragraph;
        return *t;
    };
    doc.tags = {tag("scrqm_S_QM13_1", 2), tag("scrqm_P_QM14_2", 3)};
    const scrqm::Suggester suggester =
        scrqm::Suggester::load_for(SCRQM_DATA_DIR_FOR_TESTS, catalogue());
    const auto computed = scrqm::compute_coverage(doc, catalogue(), suggester);

    scrqm::Result r;
    r.file = "x.odt";
    const std::string json = scrqm::with_coverage_json(scrqm::to_json(r), computed);
    EXPECT_EQ(scrqm::result_from_json(json).file, "x.odt"); // still a result
    const auto statuses = scrqm::coverage_statuses_from_json(json);
    EXPECT_EQ(statuses, scrqm::coverage_statuses(computed));
    const auto cov = scrqm::report_coverage(catalogue(), statuses);
    ASSERT_EQ(cov.size(), 18u);
    for (std::size_t i = 0; i < cov.size(); ++i)
    {
        EXPECT_EQ(cov[i].id, computed[i].marker);
        EXPECT_EQ(cov[i].status, computed[i].status) << cov[i].id;
    }
    EXPECT_EQ(cov[8].id, "QM9");
    EXPECT_EQ(cov[8].status, scrqm::CoverageStatus::Suggested);
    EXPECT_EQ(cov[12].status, scrqm::CoverageStatus::Tagged);
    EXPECT_EQ(cov[13].status, scrqm::CoverageStatus::Tagged); // passage tag
    EXPECT_EQ(cov[0].status, scrqm::CoverageStatus::Missing);
    // A result without the member (an older extension) has no statuses.
    EXPECT_TRUE(scrqm::coverage_statuses_from_json(scrqm::to_json(r)).empty());

    // The HTML and JSON reports draw and list the suggested marker.
    scrqm::ReportedFile item;
    item.file = r.file;
    item.result = r;
    item.coverage = cov;
    const std::string line = scrqm::report_to_json(item, Masker());
    EXPECT_NE(
        line.find("{\"id\":\"QM9\",\"title\":\"Parallel processes\",\"status\":\"suggested\"}"),
        std::string::npos)
        << line;
    scrqm::ReportInfo ri;
    ri.clusters = catalogue().clusters;
    const std::string html = scrqm::report_to_html({item}, Masker(), ri);
    EXPECT_NE(html.find("<title>QM9 Parallel processes: suggested</title>"), std::string::npos);
    EXPECT_NE(html.find("<title>QM13 Analysis: tagged</title>"), std::string::npos);
}

namespace
{

scrqm::ReportedFile sample_item()
{
    scrqm::ReportedFile item;
    item.file = "Liam Carter review.docx";
    item.result.file = item.file;
    scrqm::Section sec;
    sec.title = "Liam's <b>story</b>";
    sec.markers = {"QM14"};
    item.result.sections = {sec};
    Finding name = finding("anonymisation.name", "name", "Liam Carter", 3, 10);
    name.section = sec.title;
    name.context_before = "<script>alert(1)</script> then ";
    name.context_after = " met LIAM CARTER & co";
    name.explanation = "lexicon: \"Liam Carter\"";
    Finding warn = finding("anonymisation.date", "date", "3 May 2016", 4, 0, Severity::Warning);
    item.result.findings = {name, warn};
    item.coverage = scrqm::coverage_from_tags(catalogue(), item.result.sections);
    return item;
}

scrqm::ReportInfo info()
{
    scrqm::ReportInfo i;
    i.framework_title = "Serious Case Review Quality Markers (2016)";
    i.version = "test";
    i.checks = {"anonymisation"};
    i.clusters = catalogue().clusters;
    for (const auto& c : scrqm::registered_checks())
        i.check_summaries[c.id] = c.summary;
    return i;
}

} // namespace

TEST(ReportHtml, SelfContainedEscapedAndMasked)
{
    const scrqm::ReportedFile item = sample_item();
    Masker m;
    m.add_findings(item.result.findings);
    const std::string html = scrqm::report_to_html({item}, m, info());
    const std::string low = lower(html);
    // No identifier in clear anywhere, whatever its case.
    EXPECT_EQ(low.find("liam"), std::string::npos);
    EXPECT_EQ(low.find("carter"), std::string::npos);
    EXPECT_EQ(low.find("3 may 2016"), std::string::npos);
    // Document text cannot inject markup.
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
    EXPECT_NE(html.find("&lt;b&gt;story&lt;/b&gt;"), std::string::npos);
    EXPECT_NE(html.find("&amp; co"), std::string::npos);
    // Self-contained: no external resource, no script.
    for (const char* s : {"src=", "href=", "@import", "url(", "<link", "<iframe", "<img"})
        EXPECT_EQ(low.find(s), std::string::npos) << s;
    // Verdict, coverage picture of the 18 markers, grouped findings.
    EXPECT_NE(html.find("Not ready: 1 error<"), std::string::npos);
    EXPECT_NE(html.find("<svg"), std::string::npos);
    std::size_t boxes = 0;
    for (std::size_t p = html.find("<rect"); p != std::string::npos; p = html.find("<rect", p + 1))
        ++boxes;
    EXPECT_EQ(boxes, 18u);
    EXPECT_NE(html.find(">QM14<"), std::string::npos);
    EXPECT_NE(html.find("1 of 18 markers tagged"), std::string::npos);
    EXPECT_NE(html.find("Errors (1)"), std::string::npos);
    EXPECT_NE(html.find("Warnings (1)"), std::string::npos);
    EXPECT_NE(html.find("@media print"), std::string::npos);
}

TEST(ReportHtml, ReadyWhenNoErrorAndNotReadyWhenAFileCouldNotBeChecked)
{
    scrqm::ReportedFile ok;
    ok.file = "clean.txt";
    Masker m;
    EXPECT_NE(scrqm::report_to_html({ok}, m, info()).find(">Ready to publish<"), std::string::npos);
    scrqm::ReportedFile bad;
    bad.file = "broken.docx";
    bad.error = "the document is corrupted";
    const std::string html = scrqm::report_to_html({ok, bad}, m, info());
    EXPECT_NE(html.find("Not ready: 0 errors, 1 file could not be checked"), std::string::npos);
    EXPECT_NE(html.find("the document is corrupted"), std::string::npos);
}

TEST(ReportJson, SameContentMasked)
{
    const scrqm::ReportedFile item = sample_item();
    Masker m;
    m.add_findings(item.result.findings);
    const std::string json = scrqm::report_to_json(item, m);
    EXPECT_EQ(json.find('\n'), std::string::npos); // one line per file
    EXPECT_EQ(lower(json).find("liam"), std::string::npos);
    boost::property_tree::ptree root;
    std::istringstream in(json);
    boost::property_tree::read_json(in, root);
    EXPECT_EQ(root.get<std::string>("file"), "[name 1] review.docx");
    EXPECT_EQ(root.get<std::string>("verdict.text"), "Not ready: 1 error");
    EXPECT_EQ(root.get<bool>("verdict.ready"), false);
    EXPECT_EQ(root.get<std::string>("summary.errors"), "1");
    const auto& f = root.get_child("findings").front().second;
    EXPECT_EQ(f.get<std::string>("text"), "[name 1]");
    EXPECT_EQ(f.get<std::string>("context_after"), " met [name 1] & co");
    EXPECT_EQ(f.get<std::string>("section"), "[name 2]'s <b>story</b>"); // "Liam" alone
    EXPECT_EQ(root.get_child("coverage").size(), 18u);
    EXPECT_EQ(root.get<bool>("masked"), true);
}

TEST(ReportContext, ALongWordIsCutAtTheWindow)
{
    // A "word" of 200,000 letters on each side: 60 code points of it, not all.
    scrqm::Document doc;
    const std::string text = std::string(200000, 'x') + " Liam " + std::string(200000, 'y');
    doc.add(Where::Body, text);
    std::vector<Finding> fs = {finding("anonymisation.name", "name", "Liam", 0, 200001)};
    scrqm::add_context(fs, doc, scrqm::compute_sections(doc), 60);
    EXPECT_EQ(fs[0].context_before, "… " + std::string(59, 'x') + " ");
    EXPECT_EQ(fs[0].context_after, " " + std::string(59, 'y') + " …");
}
