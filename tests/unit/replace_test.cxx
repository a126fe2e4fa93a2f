#include <scrqm/ignore.hxx>
#include <scrqm/replace.hxx>
#include <scrqm/rules.hxx>

#include <gtest/gtest.h>

using scrqm::Document;
using scrqm::Occurrence;
using scrqm::Where;

namespace
{

std::vector<std::string> texts(const std::vector<Occurrence>& found)
{
    std::vector<std::string> out;
    for (const Occurrence& o : found)
        out.push_back(o.text);
    return out;
}

scrqm::Finding finding(const std::string& check, const std::string& text,
                       std::vector<scrqm::FixAction> fixes, Where where = Where::Body)
{
    scrqm::Finding f(scrqm::rule_named(check, "test"));
    f.text = text;
    f.fixes = std::move(fixes);
    f.where = where;
    return f;
}

} // namespace

TEST(Replace, FindsEveryFormOfAName)
{
    Document doc;
    doc.add(Where::Body, "Liam went home. Liam's sister and LIAM\xe2\x80\x99s teacher saw liam.");
    doc.add(Where::Body, "Liamson and Liam2 are other words; so is William.");
    doc.add(Where::Table, "Mr Carter met Dr. Carter and Liam\nCarter.");
    doc.add(Where::Comment, "Ask Liam");
    doc.add(Where::Property, "Liam");
    const auto liam = scrqm::find_occurrences(doc, "Liam");
    EXPECT_EQ(texts(liam),
              (std::vector<std::string>{"Liam", "Liam", "LIAM", "liam", "Liam", "Liam"}));
    // The possessive ending stays outside the span: "Liam's" -> "Child B's".
    EXPECT_TRUE(liam[1].possessive);
    EXPECT_EQ(liam[1].start, 16u);
    EXPECT_EQ(liam[1].end, 20u);
    EXPECT_TRUE(liam[2].possessive);
    EXPECT_TRUE(liam[2].capitals);
    EXPECT_EQ(liam[4].paragraph, 2u);
    EXPECT_EQ(doc.paragraphs[liam[5].paragraph].where, Where::Comment);

    // A title goes with the name; the identifier's own title is dropped.
    const auto carter = scrqm::find_occurrences(doc, "Mr Carter");
    EXPECT_EQ(texts(carter), (std::vector<std::string>{"Mr Carter", "Dr. Carter", "Carter"}));
    EXPECT_TRUE(carter[0].titled);
    EXPECT_TRUE(carter[1].titled);
    EXPECT_FALSE(carter[2].titled);

    // A full name split across a line break; its first name alone too,
    // never its surname alone.
    const auto full = scrqm::find_occurrences(doc, "liam carter");
    EXPECT_EQ(texts(full),
              (std::vector<std::string>{"Liam", "Liam", "LIAM", "liam", "Liam\nCarter", "Liam"}));
    EXPECT_TRUE(full[4].line_break);
    EXPECT_FALSE(full[4].first_name);
    EXPECT_TRUE(full[1].first_name);
    EXPECT_EQ(scrqm::describe_occurrences(liam), "6 occurrences: 2 possessive, 1 in capitals");
    EXPECT_EQ(scrqm::describe_occurrences(full), "6 occurrences: 5 by the first name alone, 2 "
                                                 "possessive, 1 in capitals, 1 across a line "
                                                 "break");
    // "Carter" alone is not found for "Liam Carter", nor an initial.
    EXPECT_EQ(scrqm::find_occurrences(doc, "L. Carter").size(), 0u);
    EXPECT_TRUE(scrqm::find_occurrences(doc, "  ").empty());
}

TEST(Replace, FindsAcrossCaseAndDiacritics)
{
    Document doc;
    doc.add(
        Where::Body,
        "Zo\xc3\xab Smith-Jones rang; ZOE SMITH-JONES wrote; Zoe  Smith-Jones\xe2\x80\x99 car.");
    const auto found = scrqm::find_occurrences(doc, "Zo\xc3\xab Smith-Jones");
    ASSERT_EQ(found.size(), 3u);
    EXPECT_EQ(found[0].start, 0u);
    EXPECT_EQ(found[0].end, 15u); // code points, not bytes
    EXPECT_EQ(found[2].text, "Zoe  Smith-Jones");
    EXPECT_TRUE(found[2].possessive);
}

TEST(Replace, TitlesAndKeys)
{
    EXPECT_EQ(scrqm::without_title("Mr. Carter"), "Carter");
    EXPECT_EQ(scrqm::without_title("Dr Liam Carter"), "Liam Carter");
    EXPECT_EQ(scrqm::without_title("Mr"), "Mr");
    EXPECT_EQ(scrqm::identifier_key("Mr Liam CARTER's"), "liam carter");
    EXPECT_EQ(scrqm::identifier_key(" - "), "");
}

TEST(Replace, NextPseudonymFollowsTheDocumentsScheme)
{
    Document doc;
    doc.add(Where::Body, "Child A lived with Adult 1. Child A's brother, referred to as Child C.");
    doc.add(Where::Body, "a child a year older");
    const auto in_use = scrqm::pseudonyms_in_use(doc);
    EXPECT_EQ(in_use, (std::vector<std::string>{"Child A", "Adult 1", "Child C"}));
    EXPECT_EQ(scrqm::next_pseudonym(in_use, "Child"), "Child B");
    EXPECT_EQ(scrqm::next_pseudonym(in_use, "adult"), "Adult 2");
    // Letters and numbers mixed: the usual scheme of the role.
    EXPECT_EQ(scrqm::next_pseudonym({"Child A", "Adult 1"}, "Sibling"), "Sibling 1");
    // A document that numbers its pseudonyms numbers a new role too.
    EXPECT_EQ(scrqm::next_pseudonym({"Child 1", "Child 2"}, "Baby"), "Baby 1");
    EXPECT_EQ(scrqm::next_pseudonym({"Adult A"}, "Parent"), "Parent A");
    EXPECT_EQ(scrqm::next_pseudonym({}, "Child"), "Child A");
    EXPECT_EQ(scrqm::next_pseudonym({}, "Adult"), "Adult 1");

    const auto proposals = scrqm::pseudonym_suggestions(doc);
    ASSERT_GE(proposals.size(), 5u);
    // The most used role first, then the other roles in use, then the usual.
    EXPECT_EQ(proposals[0], "Child B");
    EXPECT_EQ(proposals[1], "Adult 2");
    EXPECT_EQ(proposals[2], "Sibling 1");
    EXPECT_NE(std::find(proposals.begin(), proposals.end(), "the mother"), proposals.end());
}

TEST(Replace, PseudonymKeepsThePossessive)
{
    EXPECT_EQ(scrqm::pseudonym_form("Liam's", "Child B"), "Child B's");
    EXPECT_EQ(scrqm::pseudonym_form("LIAM'S", "Child B"), "Child B's");
    EXPECT_EQ(scrqm::pseudonym_form("Liam\u2019s", "Child B"), "Child B\u2019s");
    EXPECT_EQ(scrqm::pseudonym_form("James'", "Child C"), "Child C's");
    EXPECT_EQ(scrqm::pseudonym_form("Liam's", "Child B's"), "Child B's");
    EXPECT_EQ(scrqm::pseudonym_form("LIAM", "Child B"), "Child B");
    EXPECT_EQ(scrqm::pseudonym_form("Liam Carter", "Child B"), "Child B");
    EXPECT_EQ(scrqm::pseudonym_form("Ross", "Child D"), "Child D");
}

TEST(Replace, FixChoicesOfAFinding)
{
    using scrqm::FixKind;
    const auto date = finding("anonymisation.date", "14 June 2013",
                              {{FixKind::Generalise, "June 2013", "month-year", {}},
                               {FixKind::Allow, {}, "document", {}}});
    const auto choices = scrqm::fix_choices(date);
    std::vector<std::string> labels;
    for (const auto& c : choices)
        labels.push_back(c.label);
    EXPECT_EQ(labels, (std::vector<std::string>{
                          "Generalise to \"June 2013\"", "Allow in this document",
                          "Allow in all my documents", "Fix all of this kind\xe2\x80\xa6"}));
    EXPECT_TRUE(choices.back().all_of_kind);
    EXPECT_EQ(choices.back().action.kind, FixKind::Generalise);
    EXPECT_EQ(choices[2].action.target, "user");

    const auto name =
        finding("anonymisation.name", "Liam",
                {{FixKind::Replace, {}, {}, {}}, {FixKind::Allow, {}, "document", {}}});
    const auto name_choices = scrqm::fix_choices(name);
    ASSERT_EQ(name_choices.size(), 3u); // no "Fix all": each name needs its pseudonym
    EXPECT_EQ(name_choices[0].label, "Replace with pseudonym\xe2\x80\xa6");

    const auto changes =
        finding("hidden.tracked-change", "x", {{FixKind::AcceptOrRejectChanges, {}, {}, {}}});
    const auto change_choices = scrqm::fix_choices(changes);
    ASSERT_EQ(change_choices.size(), 2u);
    EXPECT_EQ(change_choices[0].action.target, "accept");
    EXPECT_EQ(change_choices[1].action.target, "reject");

    // A comment: this one, or all of them.
    const auto comment = finding("hidden.comment", "Check the date",
                                 {{FixKind::DeleteComment, {}, {}, {}}}, Where::Comment);
    const auto comment_choices = scrqm::fix_choices(comment);
    ASSERT_EQ(comment_choices.size(), 2u);
    EXPECT_EQ(comment_choices[0].label, "Delete this comment");
    EXPECT_EQ(comment_choices[0].action.target, "this");
    EXPECT_EQ(comment_choices[1].label, "Delete all comments");
    EXPECT_EQ(comment_choices[1].action.target, "all");

    // Text in a document property cannot be generalised from the panel.
    const auto in_property =
        finding("anonymisation.date", "14 June 2013",
                {{FixKind::Generalise, "June 2013", "month-year", {}}}, Where::Property);
    EXPECT_TRUE(scrqm::fix_choices(in_property).empty());

    const std::vector<scrqm::Finding> all = {
        date, name,
        finding("anonymisation.date", "1 May 2012",
                {{FixKind::Generalise, "May 2012", "month-year", {}}}),
        in_property};
    EXPECT_EQ(scrqm::fix_all_targets(all, {0, 1, 2, 3}, date, FixKind::Generalise),
              (std::vector<std::size_t>{0, 2}));
    EXPECT_EQ(scrqm::fix_all_targets(all, {1, 2}, date, FixKind::Generalise),
              (std::vector<std::size_t>{2}));
}

TEST(Replace, AllowedNamesLeaveEveryCheckThatOffersAllow)
{
    using scrqm::FixKind;
    scrqm::IgnoreList list = scrqm::IgnoreList::parse("");
    EXPECT_TRUE(list.add(scrqm::allow_key("Mr Michael Tennant")));
    EXPECT_EQ(list.serialise().find("ennant"), std::string::npos);
    std::vector<scrqm::Finding> fs = {
        finding("anonymisation.name", "Michael Tennant", {{FixKind::Allow, {}, "document", {}}}),
        finding("anonymisation.name", "MICHAEL TENNANT's", {{FixKind::Allow, {}, "document", {}}}),
        finding("anonymisation.name", "Michael", {{FixKind::Allow, {}, "document", {}}}),
        finding("anonymisation.name", "Michael Tennant", {}), // offers no Allow: stays
    };
    EXPECT_EQ(scrqm::drop_allowed(fs, list), 2u);
    ASSERT_EQ(fs.size(), 2u);
    EXPECT_EQ(fs[0].text, "Michael");
    EXPECT_TRUE(scrqm::allow_key("  ").empty());
}
