// What the Pre-publication check panel lists: rows grouped by rule name or
// page, the counts, places, sections, shortened texts, the detail box and
// the one-click fix.
#include <scrqm/results_list.hxx>
#include <scrqm/rules.hxx>

#include <gtest/gtest.h>

#include <chrono>

namespace
{

using scrqm::Finding;
using scrqm::FixAction;
using scrqm::FixKind;
using scrqm::Severity;
using scrqm::Where;

Finding finding(const char* rule, Severity severity, const std::string& text, Where where,
                std::size_t paragraph)
{
    Finding f(scrqm::rule_named(rule, "test"));
    f.severity = severity;
    f.text = text;
    f.message = "message";
    f.where = where;
    f.paragraph = paragraph;
    return f;
}

scrqm::Document document()
{
    scrqm::Document doc;
    doc.add(Where::Body, "Intro", 1);
    doc.add(Where::Body, "Liam lived at 12 Elm Grove.");
    doc.add(Where::Table, "cell", 0, "Table1 B2");
    doc.add(Where::Property, "Jo Bloggs", 0, "property author");
    return doc;
}

} // namespace

TEST(ResultsList, PlacesForPeople)
{
    const scrqm::Document doc = document();
    auto place = [&](Where where, std::size_t paragraph)
    {
        return scrqm::finding_place(
            finding("anonymisation.name", Severity::Error, "x", where, paragraph), doc);
    };
    EXPECT_EQ(place(Where::Body, 1), "body ¶2");
    EXPECT_EQ(place(Where::Table, 0), "Table1 B2");
    EXPECT_EQ(place(Where::Property, 0), "property author");
    EXPECT_EQ(place(Where::Footnote, 4), "footnote"); // a place the document lacks: its kind
}

TEST(ResultsList, ShortenCountsCodePoints)
{
    EXPECT_EQ(scrqm::shorten("abcdef", 6), "abcdef");
    EXPECT_EQ(scrqm::shorten("abcdefg", 6), "abcdef…");
    EXPECT_EQ(scrqm::shorten("Zoë Zoë", 3), "Zoë…"); // never inside a character
    EXPECT_EQ(scrqm::shorten("", 3), "");
    EXPECT_EQ(scrqm::shorten("abcdefg", 6, "..."), "abcdef...");
}

TEST(ResultsList, OneClickFixOnlyWhenNothingIsAsked)
{
    Finding f = finding("anonymisation.name", Severity::Error, "Liam", Where::Body, 1);
    f.fixes = {{FixKind::Replace, "", "", {}}, {FixKind::Allow, "", "document", {}}};
    EXPECT_EQ(scrqm::one_click_fix(f), nullptr); // the pseudonym is the user's choice
    f.fixes = {{FixKind::Replace, "", "", {}},
               {FixKind::Generalise, "June 2019", "month-year", {}}};
    ASSERT_NE(scrqm::one_click_fix(f), nullptr);
    EXPECT_EQ(scrqm::one_click_fix(f)->kind, FixKind::Generalise);
    f.fixes = {{FixKind::Replace, "Child A", "", {}}, {FixKind::Remove, "", "", {}}};
    EXPECT_EQ(scrqm::one_click_fix(f)->kind, FixKind::Replace);
    // Text in a document property is not replaced in place.
    f.where = Where::Property;
    EXPECT_EQ(scrqm::one_click_fix(f), nullptr);
    f.fixes = {{FixKind::ClearProperty, "", "author", {}}};
    EXPECT_EQ(scrqm::one_click_fix(f)->kind, FixKind::ClearProperty);
    f.fixes = {{FixKind::RemoveHiddenText, "", "", {}}};
    EXPECT_EQ(scrqm::one_click_fix(f), nullptr);
}

TEST(ResultsList, CountsByFamily)
{
    scrqm::CheckOutcome out;
    out.result.findings = {
        finding("language.hindsight", Severity::Warning, "should have known", Where::Body, 0),
        finding("anonymisation.name", Severity::Info, "Dr Smith", Where::Body, 0),
        finding("anonymisation.name", Severity::Error, "Liam", Where::Body, 1),
        finding("anonymisation.date", Severity::Warning, "14/06/2019", Where::Body, 1),
        finding("anonymisation.name", Severity::Error, "Jo Bloggs", Where::Property, 0),
        finding("anonymisation.name", Severity::Error, "ignored one", Where::Body, 1),
    };
    out.shown = {0, 1, 2, 3, 4};
    out.ignored = 1;
    EXPECT_EQ(scrqm::results_counts(out, {"anonymisation", "language", "structure"}),
              "anonymisation: 2 errors, 1 warning, 1 info\n"
              "language: 0 errors, 1 warning, 0 info\n"
              "structure: 0 errors, 0 warnings, 0 info\n"
              "5 findings shown, 1 ignored");
    out.shown.clear();
    EXPECT_TRUE(scrqm::results_list(out, document(), {}).rows.empty());
}

// The list people read: rule names with counts, "p. N · section · “text”"
// where the page is known, the section or the place where not, sorted by
// kind or by page, filtered by severity.
TEST(ResultsList, ReadableGroupsPagesSectionsAndFilter)
{
    scrqm::Document doc;
    doc.add(Where::Body, "1. Introduction", 1);
    doc.add(Where::Body, "Liam was seen.");
    doc.add(Where::Body, "4. Family involvement", 1);
    doc.add(Where::Body, "On 14/06/2019 Liam moved; staff should have known.");
    doc.add(Where::Property, "Jo Bloggs", 0, "property author");
    scrqm::CheckOutcome out;
    out.result.findings = {
        finding("anonymisation.name", Severity::Error, "Liam", Where::Body, 1),
        finding("anonymisation.date", Severity::Warning, "14/06/2019", Where::Body, 3),
        finding("anonymisation.name", Severity::Error, "Liam", Where::Body, 3),
        finding("language.hindsight", Severity::Info, "should have known", Where::Body, 3),
        finding("anonymisation.name", Severity::Error, "Jo Bloggs", Where::Property, 0),
    };
    out.shown = {0, 1, 2, 3, 4};
    EXPECT_EQ(scrqm::finding_section(out.result.findings[2], doc), "4. Family involvement");
    EXPECT_EQ(scrqm::finding_section(out.result.findings[4], doc), "");

    scrqm::ResultsView view;
    view.pages = {1, 7, 7, 7, 0}; // a property has no page
    scrqm::ResultsList list = scrqm::results_list(out, doc, view);
    EXPECT_EQ(list.rows, (std::vector<std::string>{
                             "Personal names (3)",
                             "    p. 1 · 1. Introduction · “Liam” — message",
                             "    p. 7 · 4. Family involvement · “Liam” — message",
                             "    property author · “Jo Bloggs” — message",
                             "Exact dates (1)",
                             "    p. 7 · 4. Family involvement · “14/06/2019” — message",
                             "Hindsight language (1)",
                             "    p. 7 · 4. Family involvement · “should have known” — message",
                         }));
    EXPECT_EQ(list.finding, (std::vector<long>{-1, 0, 2, 4, -1, 1, -1, 3}));

    view.sort = scrqm::ResultsSort::ByPage;
    list = scrqm::results_list(out, doc, view);
    EXPECT_EQ(list.rows,
              (std::vector<std::string>{
                  "Page 1 (1)",
                  "    p. 1 · 1. Introduction · Personal names: “Liam” — message",
                  "Page 7 (3)",
                  "    p. 7 · 4. Family involvement · Exact dates: “14/06/2019” — message",
                  "    p. 7 · 4. Family involvement · Personal names: “Liam” — message",
                  "    p. 7 · 4. Family involvement · Hindsight language: “should have known” — "
                  "message",
                  "No page (1)",
                  "    property author · Personal names: “Jo Bloggs” — message",
              }));
    EXPECT_EQ(list.finding, (std::vector<long>{-1, 0, -1, 1, 2, 3, -1, 4}));
    // One severity: the warnings only.
    view.only = Severity::Warning;
    list = scrqm::results_list(out, doc, view);
    EXPECT_EQ(list.rows,
              (std::vector<std::string>{
                  "Page 7 (1)",
                  "    p. 7 · 4. Family involvement · Exact dates: “14/06/2019” — message",
              }));
    view.only = Severity::Info;
    EXPECT_EQ(scrqm::results_list(out, doc, view).finding, (std::vector<long>{-1, 3}));

    // No pages known (the command line, or Writer's layout gave none): the
    // section stands for the place.
    view = scrqm::ResultsView{};
    view.only = Severity::Error;
    list = scrqm::results_list(out, doc, view);
    EXPECT_EQ(list.rows, (std::vector<std::string>{
                             "Personal names (3)",
                             "    1. Introduction · “Liam” — message",
                             "    4. Family involvement · “Liam” — message",
                             "    property author · “Jo Bloggs” — message",
                         }));
}

// Outside the body's own paragraphs a row says where after the section: a
// table cell, a footnote at its anchor's section; a header has no section.
TEST(ResultsList, PlacesOutsideTheBody)
{
    scrqm::Document doc;
    doc.add(Where::Body, "2. Chronology", 1);
    doc.add(Where::Body, "Liam was seen.");
    doc.add(Where::Table, "Liam", 0, "Agencies B2");
    doc.add(Where::Footnote, "Call Liam.", 0);
    doc.add(Where::Header, "Liam", 0, "page style Default");
    scrqm::CheckOutcome out;
    out.result.findings = {
        finding("anonymisation.name", Severity::Error, "Liam", Where::Table, 0),
        finding("anonymisation.name", Severity::Error, "Liam", Where::Footnote, 0),
        finding("anonymisation.name", Severity::Error, "Liam", Where::Header, 0),
    };
    out.shown = {0, 1, 2};
    scrqm::ResultsView view;
    view.pages = {3, 3, 0};
    EXPECT_EQ(scrqm::results_list(out, doc, view).rows,
              (std::vector<std::string>{
                  "Personal names (3)",
                  "    p. 3 · 2. Chronology · Agencies B2 · “Liam” — message",
                  "    p. 3 · 2. Chronology · footnote · “Liam” — message",
                  "    page style Default · “Liam” — message",
              }));
}

// The detail box: what the rule reports, this finding's message and why,
// and the fixes the Fix menu offers, from the fix actions.
TEST(ResultsList, DetailSaysWhyAndTheFixes)
{
    Finding f = finding("anonymisation.name", Severity::Error, "Liam", Where::Body, 1);
    f.message = "a personal name";
    f.marker = "QM14";
    f.explanation = "a first name from the lexicon before a verb";
    f.fixes = {{FixKind::Replace, "", "", {}}, {FixKind::Allow, "", "document", {}}};
    const std::string detail = scrqm::finding_detail(f);
    const scrqm::Rule* rule = scrqm::find_rule("anonymisation.name");
    ASSERT_NE(rule, nullptr);
    EXPECT_EQ(detail, std::string("Personal names: ") + rule->summary +
                          "\nThis one: a personal name (QM14)"
                          "\nWhy: a first name from the lexicon before a verb"
                          "\nFixes: Replace with pseudonym…; Allow in this document; Allow in "
                          "all my documents");
    // The message never decides the fixes: a message naming a fix offers none.
    Finding g =
        finding("language.hindsight", Severity::Warning, "should have known", Where::Body, 0);
    g.message = "Replace with \"Child A\"";
    g.advice = "Say what was known at the time.";
    EXPECT_NE(scrqm::finding_detail(g).find(
                  "\nFixes: none automatic: edit the text, or Ignore\nAdvice: Say what was known"),
              std::string::npos)
        << scrqm::finding_detail(g);
    // A generalisation the finding carries is named with its text.
    f.fixes = {{FixKind::Generalise, "June 2019", "month-year", {}}};
    EXPECT_NE(scrqm::finding_detail(f).find("Fixes: Generalise to \"June 2019\"; Fix all of this "
                                            "kind…"),
              std::string::npos)
        << scrqm::finding_detail(f);
}

// 5,000 rows: every finding listed (no cap), in one pass.
TEST(ResultsList, FiveThousandRowsAllListed)
{
    scrqm::Document doc;
    doc.add(Where::Body, "1. Introduction", 1);
    scrqm::CheckOutcome out;
    for (std::size_t i = 0; i < 5000; ++i)
    {
        doc.add(Where::Body, "Liam " + std::to_string(i));
        out.result.findings.push_back(
            finding("anonymisation.name", Severity::Error, "Liam", Where::Body, i + 1));
        out.shown.push_back(i);
    }
    scrqm::ResultsView view;
    for (std::size_t i = 0; i < 5000; ++i)
        view.pages.push_back(static_cast<int>(1 + i / 40));
    const auto start = std::chrono::steady_clock::now();
    const scrqm::ResultsList list = scrqm::results_list(out, doc, view);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(list.rows.size(), 5001u);
    EXPECT_EQ(list.rows.front(), "Personal names (5000)");
    EXPECT_EQ(list.rows.back(), "    p. 125 · 1. Introduction · “Liam” — message");
    EXPECT_LT(seconds, 1.0); // a few ms here; quadratic work would show
}
