#include <scrqm/ignore.hxx>
#include <scrqm/rules.hxx>

#include <gtest/gtest.h>

using scrqm::Finding;
using scrqm::IgnoreList;

namespace
{

Finding finding(const std::string& check, const std::string& text)
{
    Finding f(scrqm::rule_named(check, "test"));
    f.text = text;
    return f;
}

} // namespace

TEST(Ignore, OccurrencesCountPerCheckAndFoldedText)
{
    const std::vector<Finding> fs = {
        finding("anonymisation.name", "Liam"), finding("anonymisation.name", "LIAM"),
        finding("anonymisation.date", "Liam"), finding("anonymisation.name", "Zoe")};
    EXPECT_EQ(scrqm::occurrences(fs), (std::vector<std::size_t>{1, 2, 1, 1}));
    EXPECT_EQ(scrqm::finding_key(fs[0], 1), scrqm::finding_key(fs[1], 1));
    EXPECT_NE(scrqm::finding_key(fs[0], 1), scrqm::finding_key(fs[1], 2));
}

TEST(Ignore, StoredFormHoldsOnlySaltedHashesAndRoundTrips)
{
    IgnoreList list = IgnoreList::parse("");
    const std::string key = scrqm::finding_key(finding("anonymisation.name", "Liam Carter"), 1);
    EXPECT_TRUE(list.add(key));
    EXPECT_FALSE(list.add(key));
    const std::string stored = list.serialise();
    EXPECT_EQ(stored.find("Liam"), std::string::npos);
    EXPECT_EQ(stored.find("liam"), std::string::npos);
    EXPECT_EQ(stored.find("anonymisation"), std::string::npos);
    const IgnoreList back = IgnoreList::parse(stored);
    EXPECT_TRUE(back.contains(key));
    EXPECT_FALSE(
        back.contains(scrqm::finding_key(finding("anonymisation.name", "Liam Carter"), 2)));
    EXPECT_EQ(back.serialise(), stored);
}

TEST(Ignore, SaltDiffersPerListSoHashesDoNotMatchAcrossDocuments)
{
    const std::string key = scrqm::finding_key(finding("anonymisation.name", "Liam"), 1);
    IgnoreList a = IgnoreList::parse(""), b = IgnoreList::parse("");
    a.add(key);
    b.add(key);
    EXPECT_NE(a.serialise(), b.serialise());
    EXPECT_FALSE(IgnoreList::parse(a.serialise())
                     .contains(scrqm::finding_key(finding("anonymisation.name", "Zoe"), 1)));
}

TEST(Ignore, DamagedOrForeignStoredFormGivesAnEmptyList)
{
    for (const char* bad :
         {"", "garbage", "scrqm-ignore 2 0123456789abcdef0123456789abcdef", "scrqm-ignore 1 short",
          "scrqm-ignore 1 0123456789abcdef0123456789abcdeZ"})
    {
        const IgnoreList list = IgnoreList::parse(bad);
        EXPECT_EQ(list.size(), 0u) << bad;
        EXPECT_EQ(IgnoreList::parse(list.serialise()).size(), 0u);
    }
    // Damaged hashes are dropped, good ones kept.
    IgnoreList list = IgnoreList::parse("");
    const std::string key = scrqm::finding_key(finding("anonymisation.name", "x"), 1);
    list.add(key);
    const IgnoreList back = IgnoreList::parse(list.serialise() + " nothex");
    EXPECT_EQ(back.size(), 1u);
    EXPECT_TRUE(back.contains(key));
}

TEST(Ignore, WithoutIgnoredDropsOnlyTheIgnoredOccurrence)
{
    const std::vector<Finding> fs = {finding("anonymisation.name", "Liam"),
                                     finding("anonymisation.name", "Liam"),
                                     finding("anonymisation.name", "Zoe")};
    IgnoreList list = IgnoreList::parse("");
    list.add(scrqm::finding_key(fs[1], 2));
    std::size_t n = 0;
    const auto shown = scrqm::without_ignored(fs, list, &n);
    EXPECT_EQ(n, 1u);
    ASSERT_EQ(shown.size(), 2u);
    EXPECT_EQ(shown[0].text, "Liam");
    EXPECT_EQ(shown[1].text, "Zoe");
}
