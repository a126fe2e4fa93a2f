// Reading a case register in clear, strictly: named columns, a detected
// delimiter and encoding, every rejected line named, nothing guessed.
#include <scrqm/anonymisation.hxx>
#include <scrqm/catalogue.hxx>
#include <scrqm/input_file.hxx>

#include <gtest/gtest.h>

#include <string>
#include <vector>

using scrqm::parse_register;

namespace
{

// The message parse_register throws for `text`, or "" when it reads it.
std::string refusal(const std::string& text)
{
    try
    {
        parse_register(text, "reg.csv");
    }
    catch (const scrqm::DataError& e)
    {
        return e.what();
    }
    return {};
}

std::string utf16(const std::string& ascii, bool little_endian)
{
    std::string out = little_endian ? "\xFF\xFE" : "\xFE\xFF";
    for (const char c : ascii)
    {
        out += little_endian ? c : '\0';
        out += little_endian ? '\0' : c;
    }
    return out;
}

} // namespace

TEST(RegisterText, CommaSemicolonAndTabAreFoundFromTheHeader)
{
    for (const std::string sep : {",", ";", "\t"})
    {
        const auto r = parse_register("real" + sep + "pseudonym" + sep + "kind\nLiam Carter" + sep +
                                          "Child A" + sep + "name\n",
                                      "reg.csv");
        ASSERT_EQ(r.size(), 1u) << sep;
        EXPECT_EQ(r[0].real, "Liam Carter");
        EXPECT_EQ(r[0].pseudonym, "Child A");
        EXPECT_EQ(r[0].kind, "name");
    }
    // A semicolon file never turns "Liam Carter;Child A" into one identifier.
    const auto semi = parse_register("real;pseudonym\nLiam Carter;Child A\n", "reg.csv");
    ASSERT_EQ(semi.size(), 1u);
    EXPECT_EQ(semi[0].pseudonym, "Child A");
}

TEST(RegisterText, ColumnsAreReadByName)
{
    const auto r = parse_register("Pseudonym,Real\nChild A,Liam Carter\n", "reg.csv");
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].real, "Liam Carter");
    EXPECT_EQ(r[0].pseudonym, "Child A");
    const auto k = parse_register("kind,pseudonym,real\naddress,the home,12 Elm Grove\n", "r");
    ASSERT_EQ(k.size(), 1u);
    EXPECT_EQ(k[0].real, "12 Elm Grove");
    EXPECT_EQ(k[0].kind, "address");
    // Quoted cells keep their delimiter and quotes.
    const auto q = parse_register("real,pseudonym\n\"Carter, Liam\",\"Child \"\"A\"\"\"\n", "r");
    ASSERT_EQ(q.size(), 1u);
    EXPECT_EQ(q[0].real, "Carter, Liam");
    EXPECT_EQ(q[0].pseudonym, "Child \"A\"");
}

TEST(RegisterText, AHeaderIsRequired)
{
    EXPECT_NE(refusal("Liam Carter,Child A\n").find("line 1: a CSV register starts with a header"),
              std::string::npos);
    EXPECT_NE(refusal("real,name\nLiam,Child A\n").find("header"), std::string::npos);
    EXPECT_NE(refusal("real,pseudonym,real\nLiam,Child A,x\n").find("once each"),
              std::string::npos);
    EXPECT_NE(refusal("real|pseudonym\nLiam|Child A\n").find("header"), std::string::npos);
    EXPECT_NE(refusal("# only a comment\n").find("no header line"), std::string::npos);
}

TEST(RegisterText, EachRejectedLineIsNamedAndNothingIsUsed)
{
    const std::string text = "real,pseudonym\n"
                             "Liam Carter,Child A\n"
                             "Kelly Carter\n"  // line 3: one cell
                             "\n"              // blank: skipped
                             ",Mother\n"       // line 5: no real
                             "Zoe Smith,\n"    // line 6: no pseudonym is fine
                             "\"Zoe,Child B\n" // line 7: quote not closed
                             "Zo\"e,Child B\n" // line 8: quote inside
                             "a b c d e f g h i j k l m n o p q,x\n"; // line 9: 17 words
    const std::string why = refusal(text);
    EXPECT_NE(
        why.find("reg.csv: 5 lines rejected, nothing used: line 3: 1 cells, the header has 2"),
        std::string::npos)
        << why;
    for (const char* part :
         {"line 5: no real identifier", "line 7: a quote not closed",
          "line 8: a quote inside a cell", "line 9: a real identifier of more than 16 words"})
        EXPECT_NE(why.find(part), std::string::npos) << part << " in " << why;
    EXPECT_EQ(why.find('\n'), std::string::npos) << "one line";
    EXPECT_NE(refusal("real,pseudonym\n" + std::string(201, 'x') + ",y\n").find("200 characters"),
              std::string::npos);
}

TEST(RegisterText, EncodingsAreDetectedOrRefusedWithTheLine)
{
    const std::string csv = "real,pseudonym\nZo\xC3\xAB Smith,Child A\n";
    EXPECT_EQ(parse_register("\xEF\xBB\xBF" + csv, "r").at(0).real, "Zo\xC3\xAB Smith");
    for (const bool le : {true, false})
    {
        const auto r = parse_register(utf16("real,pseudonym\r\nLiam Carter,Child A\r\n", le), "r");
        ASSERT_EQ(r.size(), 1u);
        EXPECT_EQ(r[0].real, "Liam Carter");
        EXPECT_EQ(r[0].pseudonym, "Child A");
    }
    // Latin-1 "Zoë" on line 3.
    EXPECT_EQ(refusal("real,pseudonym\nLiam,Child A\nZo\xEB Smith,Child B\n"),
              "reg.csv: line 3: not UTF-8 (Latin-1 or Windows-1252?): save the register as UTF-8");
    EXPECT_NE(refusal(utf16("real,pseudonym\n", true).substr(2)).find("line 1: a NUL byte"),
              std::string::npos);
    EXPECT_NE(refusal(utf16("real,pseudonym\n", true) + "x").find("odd number of bytes"),
              std::string::npos);
    EXPECT_NE(refusal(std::string("\xFF\xFE\x00\xD8\n\x00", 6)).find("line 1: broken UTF-16"),
              std::string::npos);
}

TEST(RegisterText, NotARegisterIsOneClearLine)
{
    EXPECT_EQ(refusal(""), "reg.csv: empty: a case register has a header line "
                           "(real,pseudonym,kind) and a line per identifier, or is a JSON list");
    EXPECT_NE(refusal(" \n\r\n").find("empty"), std::string::npos);
    EXPECT_EQ(refusal(std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16)),
              "reg.csv: a PNG image, not a case register (CSV or JSON text)");
    EXPECT_NE(refusal(std::string(scrqm::kMaxRegisterBytes + 1, 'x')).find("too large"),
              std::string::npos);
}

TEST(RegisterText, JsonIsStrictToo)
{
    const auto r =
        parse_register(R"({"entries":[{"real":"Liam","pseudonym":"Child A","kind":"name"}]})", "r");
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].kind, "name");
    const std::string why =
        refusal(R"([{"real":"Liam","pseudonym":"Child A"},{"pseudonym":"B"},"x",)"
                R"({"real":"Kelly","pseudonym":"Mother","age":"30"}])");
    EXPECT_NE(why.find("reg.csv: 3 entries rejected, nothing used"), std::string::npos) << why;
    EXPECT_NE(why.find("entry 2: no real identifier"), std::string::npos) << why;
    EXPECT_NE(why.find("entry 3: not an object"), std::string::npos) << why;
    EXPECT_NE(why.find("entry 4: unknown member \"age\""), std::string::npos) << why;
    EXPECT_NE(refusal(R"({"people":[]})").find("\"entries\" list"), std::string::npos);
}
