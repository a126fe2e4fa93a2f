// Hostile inputs to the readers of files and JSON: deep nesting, FIFOs,
// devices, directories, files past their bound, empty documents.
#include <scrqm/anonymisation.hxx>
#include <scrqm/catalogue.hxx>
#include <scrqm/input_file.hxx>
#include <scrqm/json.hxx>
#include <scrqm/result.hxx>
#include <scrqm/text_reader.hxx>

#include <boost/property_tree/ptree.hpp>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace
{

std::string deep(std::size_t n, const std::string& open = "[")
{
    std::string s;
    for (std::size_t i = 0; i < n; ++i)
        s += open;
    return s;
}

class TempDir
{
public:
    TempDir()
    {
        std::string t = ::testing::TempDir() + "scrqm-input-XXXXXX";
        path = ::mkdtemp(t.data()) ? t : std::string();
    }
    ~TempDir() { std::system(("rm -rf '" + path + "'").c_str()); }
    std::string file(const std::string& name, const std::string& text) const
    {
        std::ofstream(path + "/" + name, std::ios::binary) << text;
        return path + "/" + name;
    }
    std::string path;
};

} // namespace

TEST(JsonDepth, CountsContainersNotBracketsInStrings)
{
    EXPECT_EQ(scrqm::json_too_deep(R"({"a":[{"b":"[[[[[[["}]})", 3), 0u);
    EXPECT_EQ(scrqm::json_too_deep(R"({"a":[{"b":1}]})", 2), 1u);
    EXPECT_EQ(scrqm::json_too_deep("{\"x\\\"[[[\":\n[[[", 3), 2u); // escaped quote, then line 2
    EXPECT_EQ(scrqm::json_too_deep(deep(64)), 0u);
    EXPECT_EQ(scrqm::json_too_deep(deep(65)), 1u);
}

TEST(JsonDepth, DeepInputIsAnErrorNotACrash)
{
    for (const std::string open : {"[", "{\"a\":"})
    {
        const std::string text = deep(200000, open);
        EXPECT_THROW(scrqm::parse_json_data(text, "x.json"), scrqm::DataError);
        EXPECT_THROW(scrqm::parse_register(text, "register.json"), scrqm::DataError);
        EXPECT_THROW(scrqm::result_from_json(text), std::runtime_error);
    }
    try
    {
        scrqm::parse_json_data("{\n\"a\":\n" + deep(100), "x.json");
        FAIL();
    }
    catch (const scrqm::DataError& e)
    {
        EXPECT_EQ(std::string(e.what()),
                  "x.json: line 3: not valid JSON for scrqm: nested more than 64 levels deep");
    }
}

TEST(InputFile, RefusesWhatIsNotARegularFile)
{
    TempDir dir;
    const std::string fifo = dir.path + "/pipe.txt";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    // Would block forever if opened for reading.
    EXPECT_THROW(scrqm::read_input_file(fifo, "a document", 100), scrqm::ReadError);
    EXPECT_THROW(scrqm::read_text_file(fifo), scrqm::ReadError);
    const std::string zero = dir.path + "/zero.txt";
    ASSERT_EQ(::symlink("/dev/zero", zero.c_str()), 0);
    try
    {
        scrqm::read_text_file(zero);
        FAIL();
    }
    catch (const scrqm::ReadError& e)
    {
        EXPECT_EQ(std::string(e.what()),
                  zero + ": is a device, not a document; scrqm reads regular files only");
    }
    EXPECT_THROW(scrqm::read_input_file(dir.path, "a case register", 100), scrqm::ReadError);
    EXPECT_THROW(scrqm::read_input_file(dir.path + "/nope", "a case register", 100),
                 scrqm::ReadError);
}

TEST(InputFile, ReadsUpToItsBound)
{
    TempDir dir;
    const std::string f = dir.file("r.csv", std::string(5000, 'x'));
    EXPECT_EQ(scrqm::read_input_file(f, "a case register", 5000).size(), 5000u);
    try
    {
        scrqm::read_input_file(f, "a case register", 4096);
        FAIL();
    }
    catch (const scrqm::ReadError& e)
    {
        EXPECT_EQ(std::string(e.what()),
                  f + ": too large for a case register (4 KB; the limit is 4 KB)");
    }
    EXPECT_EQ(scrqm::read_input_file(dir.file("e", ""), "a list of terms", 10), "");
}

TEST(InputFile, EmptyTextIsNotADocument)
{
    TempDir dir;
    EXPECT_THROW(scrqm::read_text_file(dir.file("empty.txt", "")), scrqm::ReadError);
    EXPECT_THROW(scrqm::read_text_file(dir.file("blank.md", " \n\t\n")), scrqm::ReadError);
    EXPECT_EQ(scrqm::read_text_file(dir.file("one.txt", "\nA line.\n")).paragraphs.size(), 2u);
}

TEST(InputFile, SameFileThroughLinks)
{
    TempDir dir;
    const std::string f = dir.file("a.txt", "x");
    const std::string link = dir.path + "/b.html";
    ASSERT_EQ(::symlink(f.c_str(), link.c_str()), 0);
    EXPECT_TRUE(scrqm::same_file(f, link));
    EXPECT_TRUE(scrqm::same_file(f, dir.path + "/./a.txt"));
    EXPECT_FALSE(scrqm::same_file(f, dir.file("c.txt", "x")));
    EXPECT_FALSE(scrqm::same_file(f, dir.path + "/missing"));
}
