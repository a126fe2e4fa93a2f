// The panels' strings: the .properties parser and the {0} slots.
#include <scrqm/properties.hxx>

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

TEST(Properties, KeysValuesAndEscapes)
{
    const auto p = scrqm::parse_properties("# a comment\n"
                                           "\n"
                                           "legend=Green: tagged\\nGrey: missing\n"
                                           "marker.tagged=\\u2714 {0} \\u2014 tagged\n"
                                           "no equals sign\n"
                                           "with.equals=a=b\r\n"
                                           "empty=\n"
                                           "bad.escape=\\u12 and \\x and \\uZZZZ\n"
                                           "end=\\u00e9");
    EXPECT_EQ(p.size(), 6u);
    EXPECT_EQ(p.at("legend"), "Green: tagged\nGrey: missing");
    EXPECT_EQ(p.at("marker.tagged"), "\xE2\x9C\x94 {0} \xE2\x80\x94 tagged");
    EXPECT_EQ(p.at("with.equals"), "a=b"); // and no carriage return
    EXPECT_EQ(p.at("empty"), "");
    EXPECT_EQ(p.at("bad.escape"), "\\u12 and \\x and \\uZZZZ");
    EXPECT_EQ(p.at("end"), "\xC3\xA9");
    EXPECT_EQ(p.count("# a comment"), 0u);
}

// The file the sidebar ships: every line is a string, and the ones it
// formats have their slots.
TEST(Properties, TheSidebarsStrings)
{
    std::ifstream in(SCRQM_SOURCE_DIR_FOR_TESTS "/dialogs/strings-en-GB.properties");
    ASSERT_TRUE(in);
    std::ostringstream text;
    text << in.rdbuf();
    const auto p = scrqm::parse_properties(text.str());
    EXPECT_GT(p.size(), 30u);
    EXPECT_EQ(p.at("marker.tagged"), "\xE2\x9C\x94 {0}  {1} \xE2\x80\x94 tagged ({2})");
    EXPECT_EQ(scrqm::fill_slots(p.at("marker.tagged"), {"QM1", "Title", "2"}),
              "\xE2\x9C\x94 QM1  Title \xE2\x80\x94 tagged (2)");
}

TEST(Properties, FillSlots)
{
    EXPECT_EQ(scrqm::fill_slots("{0} of {1}, {0} again", {"a", "b"}), "a of b, a again");
    EXPECT_EQ(scrqm::fill_slots("{1} stays {2}", {"x", "y"}), "y stays {2}");
    // An argument's own braces are text, not a slot.
    EXPECT_EQ(scrqm::fill_slots("{0} and {1}", {"{1}", "z"}), "{1} and z");
    EXPECT_EQ(scrqm::fill_slots("{} {x} {0", {"a"}), "{} {x} {0");
    EXPECT_EQ(scrqm::fill_slots("no slots", {}), "no slots");
}
