// The rule registry and the one generic test of every rule's examples
// (LanguageTool's way): each registered rule must carry examples, each match
// example must give a finding of the rule at every span it marks, each
// nomatch example none.
#include <scrqm/catalogue.hxx>
#include <scrqm/checks.hxx>
#include <scrqm/rule_examples.hxx>
#include <scrqm/rules.hxx>

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace
{

using scrqm::Finding;
using scrqm::Rule;

std::vector<Finding> run_family(const Rule& rule, const scrqm::ExampleDocument& ex)
{
    static scrqm::CheckRunner runner(scrqm::data_dir(SCRQM_DATA_DIR_FOR_TESTS));
    scrqm::CheckOptions options;
    options.anonymisation = ex.options;
    return runner.run(ex.doc, {rule.family}, options);
}

std::string describe(const std::vector<Finding>& found)
{
    std::string s;
    for (const Finding& f : found)
        s += "\n  " + f.check + " [" + scrqm::to_string(f.where) + " " +
             std::to_string(f.paragraph) + ":" + std::to_string(f.start) + "-" +
             std::to_string(f.end) + "] \"" + f.text + "\"";
    return s.empty() ? " (no findings)" : s;
}

TEST(RuleRegistry, IdsAreUniqueSortedAndNamedAfterTheirFamily)
{
    const auto& all = scrqm::all_rules();
    ASSERT_GT(all.size(), 60u);
    std::set<std::string> families;
    for (std::size_t i = 0; i < all.size(); ++i)
    {
        const Rule& r = *all[i];
        if (i > 0)
        {
            EXPECT_LT(std::string(all[i - 1]->id), r.id);
        }
        EXPECT_EQ(std::string(r.id).rfind(std::string(r.family) + ".", 0), 0u) << r.id;
        EXPECT_FALSE(std::string(r.name).empty()) << r.id;
        EXPECT_FALSE(std::string(r.summary).empty()) << r.id;
        EXPECT_EQ(std::string(r.marker).rfind("QM", 0), 0u) << r.id;
        EXPECT_EQ(scrqm::find_rule(r.id), &r);
        families.insert(r.family);
    }
    // Every family is a check the runner knows.
    for (const std::string& f : families)
        EXPECT_NO_THROW(scrqm::parse_check_list(f)) << f;
    EXPECT_EQ(scrqm::find_rule("anonymisation.no-such-rule"), nullptr);
    EXPECT_THROW(scrqm::rule_named("anonymisation.no-such-rule", "test"), scrqm::DataError);
}

TEST(RuleRegistry, FixKindsRoundTripTheirSpelling)
{
    for (const char* name :
         {"replace", "generalise", "remove", "delete-comment", "accept-or-reject-changes",
          "remove-hidden-text", "clear-property", "allow"})
        EXPECT_STREQ(scrqm::to_string(scrqm::fix_kind_from(name)), name);
    EXPECT_THROW(scrqm::fix_kind_from("rewrite"), std::invalid_argument);
}

TEST(RuleExamples, MarkupGivesPlacesSpansAndOptions)
{
    const auto ex = scrqm::parse_example("# Intro\nLived at [[12 Elm Grove]].\n@table: "
                                         "x\n!property author: Jo\n%allow Jo\n{{name}} here");
    ASSERT_EQ(ex.doc.paragraphs.size(), 5u);
    EXPECT_EQ(ex.doc.paragraphs[0].outline_level, 1);
    EXPECT_EQ(ex.doc.paragraphs[0].text, "Intro");
    EXPECT_EQ(ex.doc.paragraphs[1].text, "Lived at 12 Elm Grove.");
    ASSERT_EQ(ex.spans.size(), 1u);
    EXPECT_EQ(ex.spans[0].start, 9u);
    EXPECT_EQ(ex.spans[0].end, 21u);
    EXPECT_EQ(ex.spans[0].text, "12 Elm Grove");
    EXPECT_EQ(ex.doc.paragraphs[2].where, scrqm::Where::Table);
    ASSERT_EQ(ex.doc.hidden.size(), 1u);
    EXPECT_EQ(ex.doc.hidden[0].name, "author");
    EXPECT_EQ(ex.options.allow, std::vector<std::string>{"Jo"});
    ASSERT_EQ(ex.doc.paragraphs[4].placeholders.size(), 1u);
    EXPECT_THROW(scrqm::parse_example("[[open"), scrqm::DataError);
    EXPECT_THROW(scrqm::parse_example("%nonsense"), scrqm::DataError);
}

// The generic test: every example of every rule.
TEST(RuleExamples, EveryRuleHasExamplesAndEachHolds)
{
    for (const Rule* rule : scrqm::all_rules())
    {
        SCOPED_TRACE(rule->id);
        EXPECT_FALSE(rule->match.empty()) << rule->id << " has no match example";
        EXPECT_FALSE(rule->nomatch.empty()) << rule->id << " has no nomatch example";
        for (const char* markup : rule->match)
        {
            const scrqm::ExampleDocument ex = scrqm::parse_example(markup);
            const auto found = run_family(*rule, ex);
            bool any = false;
            for (const Finding& f : found)
                any = any || f.check == rule->id;
            EXPECT_TRUE(any) << "match example gives no " << rule->id << ":\n"
                             << markup << "\nfound:" << describe(found);
            for (const scrqm::ExpectedSpan& s : ex.spans)
            {
                bool at = false;
                for (const Finding& f : found)
                    at = at || (f.check == rule->id && f.where == s.where &&
                                f.paragraph == s.paragraph && f.start == s.start && f.end == s.end);
                EXPECT_TRUE(at) << rule->id << " not at [[" << s.text << "] in:\n"
                                << markup << "\nfound:" << describe(found);
            }
        }
        for (const char* markup : rule->nomatch)
        {
            const auto found = run_family(*rule, scrqm::parse_example(markup));
            for (const Finding& f : found)
                EXPECT_NE(f.check, rule->id) << "nomatch example gives " << rule->id << ":\n"
                                             << markup << "\nfound:" << describe(found);
        }
    }
}

} // namespace
