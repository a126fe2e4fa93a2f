// The one check entry: the request built from the macro API's arguments, the
// outcome run_check assembles, the ignore list and the verdict.
#include <scrqm/catalogue.hxx>
#include <scrqm/check_entry.hxx>
#include <scrqm/rules.hxx>
#include <scrqm/suggest.hxx>
#include <scrqm/text_reader.hxx>

#include <gtest/gtest.h>

#include <stdexcept>

namespace
{

using scrqm::CheckArguments;
using scrqm::CheckOutcome;
using scrqm::CheckRequest;
using scrqm::CheckRunner;

scrqm::Document sample()
{
    return scrqm::read_text("# Background\n"
                            "Liam Carter lived at 12 Elm Grove, Northmoor NM4 7QT.\n"
                            "He was seen by the health visitor on 14/06/2019.\n"
                            "# Analysis\n"
                            "Liam Carter was seen again.\n",
                            true, "sample.md");
}

CheckRunner& runner()
{
    static CheckRunner r(SCRQM_DATA_DIR_FOR_TESTS);
    return r;
}

std::size_t errors(const std::vector<scrqm::Finding>& findings)
{
    std::size_t n = 0;
    for (const scrqm::Finding& f : findings)
        n += f.severity == scrqm::Severity::Error;
    return n;
}

} // namespace

TEST(CheckRequest, BuiltFromTheMacroApisArguments)
{
    const CheckRequest r =
        scrqm::check_request({{"Checks", "structure, anonymisation"},
                              {"Framework", "scr-qm-2016"},
                              {"Profile", "scr-report"},
                              {"Allow", "Jo Bloggs\n\nthe Chair\n"},
                              {"Deny", "Elm"},
                              {"Named", "Dr Ann Smith"},
                              {"Register", "real,pseudonym,kind\nLiam Carter,Child A,name\n"},
                              {"Context", "1"}});
    EXPECT_EQ(r.checks, (std::vector<std::string>{"structure", "anonymisation"}));
    EXPECT_EQ(r.framework, "scr-qm-2016");
    EXPECT_EQ(r.profile, "scr-report");
    EXPECT_EQ(r.allow, (std::vector<std::string>{"Jo Bloggs", "the Chair"}));
    EXPECT_EQ(r.deny, (std::vector<std::string>{"Elm"}));
    EXPECT_EQ(r.named, (std::vector<std::string>{"Dr Ann Smith"}));
    ASSERT_EQ(r.register_entries.size(), 1u);
    EXPECT_EQ(r.register_entries[0].pseudonym, "Child A");
    EXPECT_TRUE(r.context);
}

TEST(CheckRequest, DefaultsToEveryCheckAndTheDocumentsFramework)
{
    const CheckRequest r = scrqm::check_request({});
    std::vector<std::string> all;
    for (const scrqm::CheckInfo& c : scrqm::registered_checks())
        all.push_back(c.id);
    EXPECT_EQ(r.checks, all);
    EXPECT_EQ(r.framework, ""); // none named: the document's (framework_for)
    EXPECT_TRUE(r.allow.empty());
    EXPECT_TRUE(r.register_entries.empty());
    EXPECT_FALSE(r.context);
    EXPECT_THROW(scrqm::check_request({{"Checks", "frobnicate"}}), scrqm::DataError);
    EXPECT_THROW(scrqm::check_request({{"Register", "[{\"pseudonym\":\"Child A\"}]"}}),
                 scrqm::DataError);
}

// What the command line sends the office builds the request it checked with.
TEST(CheckRequest, ArgumentsRoundTrip)
{
    CheckRequest r;
    r.checks = {"language", "anonymisation"};
    r.framework = "scr-qm-2016";
    r.profile = "/tmp/board.json";
    r.allow = {"Jo Bloggs", "the Chair"};
    r.deny = {"Elm"};
    r.named = {"Dr Ann Smith", "Mrs Wood"};
    r.register_entries = {{"Liam \"LC\" Carter", "Child A", "name"}, {"Elm Grove", "", ""}};
    r.context = true;
    const CheckRequest back = scrqm::check_request(scrqm::check_arguments(r));
    EXPECT_EQ(back.checks, r.checks);
    EXPECT_EQ(back.framework, r.framework);
    EXPECT_EQ(back.profile, r.profile);
    EXPECT_EQ(back.allow, r.allow);
    EXPECT_EQ(back.deny, r.deny);
    EXPECT_EQ(back.named, r.named);
    ASSERT_EQ(back.register_entries.size(), 2u);
    EXPECT_EQ(back.register_entries[0].real, "Liam \"LC\" Carter");
    EXPECT_EQ(back.register_entries[1].real, "Elm Grove");
    EXPECT_EQ(back.context, r.context);
    r.context = false;
    EXPECT_FALSE(scrqm::check_request(scrqm::check_arguments(r)).context);
}

TEST(CheckRequest, OptionsCarryTheRequest)
{
    CheckRequest r =
        scrqm::check_request({{"Allow", "a\nb"}, {"Deny", "c"}, {"Named", "d"}, {"Profile", "p"}});
    r.register_entries = {{"Liam Carter", "Child A", "name"}};
    r.hashed_registers.push_back(std::make_shared<const scrqm::HashedRegister>(
        scrqm::HashedRegister::from_entries(r.register_entries)));
    const scrqm::CheckOptions o = scrqm::check_options(r);
    EXPECT_EQ(o.profile, "p");
    EXPECT_EQ(o.anonymisation.allow, r.allow);
    EXPECT_EQ(o.anonymisation.deny, r.deny);
    EXPECT_EQ(o.anonymisation.named, r.named);
    EXPECT_EQ(o.anonymisation.register_entries.size(), 1u);
    ASSERT_EQ(o.anonymisation.hashed_registers.size(), 1u);
    EXPECT_EQ(o.anonymisation.hashed_registers[0], r.hashed_registers[0].get());
}

// The entry gives what the checks give run together: the command line did
// so before, the panel one check at a time.
TEST(RunCheck, FindingsAreThoseOfTheChecksRunTogether)
{
    const scrqm::Document doc = sample();
    CheckRequest request = scrqm::check_request({{"Deny", "Northmoor"}});
    request.file = "sample.md";
    const CheckOutcome out = scrqm::run_check(doc, request, runner());
    const std::vector<scrqm::Finding> together =
        runner().run(doc, request.checks, scrqm::check_options(request));
    scrqm::Result expected;
    expected.file = "sample.md";
    expected.sections = scrqm::compute_sections(doc);
    expected.paragraphs = doc.paragraphs.size();
    expected.findings = together;
    // The sample names no kind of review: the default profile, said so.
    expected.kind = "scr-report";
    expected.kind_note = "Serious Case Review (scr-report), the default: the cover names no kind "
                         "of review";
    ASSERT_FALSE(together.empty());
    EXPECT_EQ(scrqm::to_json(out.result), scrqm::to_json(expected));
    EXPECT_EQ(out.result.framework, scrqm::kDefaultFramework);
    EXPECT_EQ(out.result.sections.size(), 2u);
    // The deny list reached the anonymisation check.
    bool denied = false;
    for (const scrqm::Finding& f : out.result.findings)
        denied = denied || f.check == "anonymisation.deny-list";
    EXPECT_TRUE(denied);
}

TEST(RunCheck, SummaryAndVerdictOfTheFindings)
{
    const CheckOutcome out =
        scrqm::run_check(sample(), scrqm::check_request({{"Checks", "anonymisation"}}), runner());
    const scrqm::ResultSummary& s = out.summary;
    EXPECT_EQ(s.findings, out.result.findings.size());
    EXPECT_EQ(s.errors + s.warnings + s.info, s.findings);
    EXPECT_EQ(s.errors, errors(out.result.findings));
    EXPECT_EQ(s.paragraphs, 5u);
    EXPECT_EQ(s.sections, 2u);
    ASSERT_GT(s.errors, 0u);
    EXPECT_FALSE(out.verdict.ready);
    EXPECT_EQ(out.verdict.errors, s.errors);
    EXPECT_EQ(out.verdict.text, scrqm::verdict_of(s.errors).text);
    EXPECT_EQ(out.shown.size(), out.result.findings.size());
    EXPECT_EQ(out.ignored, 0u);
    EXPECT_TRUE(out.occurrence.empty()); // no ignore list, no keys
}

TEST(RunCheck, NoChecksIsTheOutline)
{
    CheckRequest outline;
    outline.file = "sample.md";
    const CheckOutcome out = scrqm::run_check(sample(), outline, runner());
    EXPECT_TRUE(out.result.findings.empty());
    ASSERT_EQ(out.result.sections.size(), 2u);
    EXPECT_EQ(out.result.sections[1].title, "Analysis");
    EXPECT_EQ(out.result.file, "sample.md");
    EXPECT_TRUE(out.verdict.ready);
    EXPECT_EQ(out.verdict.text, "Ready to publish");
}

TEST(RunCheck, IgnoredFindingsAreCountedNotShown)
{
    const scrqm::Document doc = sample();
    CheckRequest request = scrqm::check_request({{"Checks", "anonymisation"}});
    request.ignored = scrqm::IgnoreList::parse("");
    CheckOutcome out = scrqm::run_check(doc, request, runner());
    ASSERT_EQ(out.occurrence.size(), out.result.findings.size());
    const auto& all = out.result.findings;
    // Ignore every error: the verdict turns ready.
    scrqm::IgnoreList list = scrqm::IgnoreList::parse("");
    std::size_t ignored = 0;
    for (std::size_t i = 0; i < all.size(); ++i)
        if (all[i].severity == scrqm::Severity::Error)
            ignored += list.add(out.ignore_key(i));
    ASSERT_GT(ignored, 0u);
    out.apply_ignored(&list);
    EXPECT_EQ(out.ignored, ignored);
    EXPECT_EQ(out.shown.size(), all.size() - ignored);
    for (const std::size_t i : out.shown)
        EXPECT_NE(all[i].severity, scrqm::Severity::Error);
    EXPECT_TRUE(out.verdict.ready);
    // The summary is the result's: every finding.
    EXPECT_EQ(out.summary.findings, all.size());

    // The same list, stored and read back, given with the request.
    request.ignored = scrqm::IgnoreList::parse(list.serialise());
    const CheckOutcome again = scrqm::run_check(doc, request, runner());
    EXPECT_EQ(again.shown, out.shown);
    EXPECT_EQ(again.ignored, ignored);

    out.apply_ignored(nullptr);
    EXPECT_EQ(out.shown.size(), all.size());
    EXPECT_FALSE(out.verdict.ready);
}

TEST(RunCheck, ProgressBeforeEachCheckAndCancel)
{
    CheckRequest request = scrqm::check_request({{"Checks", "template,anonymisation"}});
    std::vector<std::string> seen;
    request.before_check = [&](const std::string& id, std::size_t step, std::size_t count)
    {
        EXPECT_EQ(step, seen.size());
        EXPECT_EQ(count, 2u);
        seen.push_back(id);
    };
    scrqm::run_check(sample(), request, runner());
    EXPECT_EQ(seen, (std::vector<std::string>{"template", "anonymisation"}));

    struct Cancelled : std::runtime_error
    {
        Cancelled() : std::runtime_error("cancelled") {}
    };
    request.before_check = [](const std::string& id, std::size_t, std::size_t)
    {
        if (id == "anonymisation")
            throw Cancelled();
    };
    EXPECT_THROW(scrqm::run_check(sample(), request, runner()), Cancelled);
}

TEST(RunCheck, ContextAndCoverageForReports)
{
    const scrqm::Catalogue cat =
        scrqm::load_framework(SCRQM_DATA_DIR_FOR_TESTS, scrqm::kDefaultFramework);
    const scrqm::Suggester sg = scrqm::Suggester::load_for(SCRQM_DATA_DIR_FOR_TESTS, cat);
    CheckRequest request = scrqm::check_request({{"Checks", "anonymisation"}, {"Context", "1"}});
    CheckOutcome plain = scrqm::run_check(sample(), request, runner());
    EXPECT_TRUE(plain.coverage.empty()); // no catalogue given
    ASSERT_FALSE(plain.result.findings.empty());
    EXPECT_EQ(plain.result.findings[0].section, "Background");
    request.catalogue = &cat;
    request.suggester = &sg;
    const CheckOutcome out = scrqm::run_check(sample(), request, runner());
    EXPECT_EQ(out.coverage.size(), cat.markers.size());
    request.context = false;
    EXPECT_TRUE(scrqm::run_check(sample(), request, runner()).result.findings[0].section.empty());
}

TEST(Verdict, SpelledInOnePlace)
{
    EXPECT_EQ(scrqm::verdict_of(0).text, "Ready to publish");
    EXPECT_TRUE(scrqm::verdict_of(0).ready);
    EXPECT_EQ(scrqm::verdict_of(1).text, "Not ready: 1 error");
    EXPECT_EQ(scrqm::verdict_of(2).text, "Not ready: 2 errors");
    EXPECT_FALSE(scrqm::verdict_of(2).ready);
    // A report of several files, one of which could not be checked.
    EXPECT_EQ(scrqm::verdict_of(0, 1).text, "Not ready: 0 errors, 1 file could not be checked");
    EXPECT_FALSE(scrqm::verdict_of(0, 1).ready);
    EXPECT_EQ(scrqm::verdict_of(3, 2).text, "Not ready: 3 errors, 2 files could not be checked");
}
