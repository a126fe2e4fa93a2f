#include <scrqm/formats.hxx>
#include <scrqm/text_reader.hxx>

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

namespace
{
std::vector<std::string> titles(const scrqm::Document& doc)
{
    std::vector<std::string> out;
    for (const auto& s : scrqm::compute_sections(doc))
        out.push_back(std::to_string(s.level) + ":" + s.title);
    return out;
}

std::string temp_file(const std::string& name, const std::string& bytes)
{
    const std::string path = ::testing::TempDir() + "/" + name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}
} // namespace

TEST(TextReader, OneParagraphPerLineWithLineNumbers)
{
    const auto doc = scrqm::read_text("a\r\n\r\nc\n", false, "x.txt");
    ASSERT_EQ(doc.paragraphs.size(), 3u);
    EXPECT_EQ(doc.paragraphs[1].text, "");
    EXPECT_EQ(doc.paragraphs[2].text, "c");
    EXPECT_EQ(doc.paragraphs[2].index, 2u);
    EXPECT_EQ(scrqm::read_text("", false, "e.txt").paragraphs.size(), 0u);
    EXPECT_EQ(scrqm::read_text("no newline", false, "e.txt").paragraphs.size(), 1u);
}

TEST(TextReader, MarkdownAndNumberedHeadings)
{
    const auto doc =
        scrqm::read_text("# Introduction\ntext\n## Why ##\n3. Analysis\n"
                         "3.2 Findings\n3.2.1. Detail here\n```\n# not a heading\n```\n",
                         true, "r.md");
    EXPECT_EQ(titles(doc), (std::vector<std::string>{"1:Introduction", "2:Why", "1:3. Analysis",
                                                     "2:3.2 Findings", "3:3.2.1. Detail here"}));
}

TEST(TextReader, NumberedLinesThatAreNotHeadings)
{
    std::string title;
    EXPECT_EQ(scrqm::heading_level("12 Elm Grove, Northmoor", false, title), 0); // no dot
    EXPECT_EQ(scrqm::heading_level("3. the mother was seen.", false, title), 0); // lower case
    EXPECT_EQ(scrqm::heading_level("1. Is the rationale clear?", false, title), 0);
    EXPECT_EQ(scrqm::heading_level("2. Agencies involved:", false, title), 0);
    EXPECT_EQ(scrqm::heading_level("# Heading", false, title), 0); // not Markdown in .txt
    EXPECT_EQ(scrqm::heading_level(
                  "4. This is a very long numbered paragraph that runs on and on well past what "
                  "any heading would say in a report like this one",
                  false, title),
              0);
    EXPECT_EQ(scrqm::heading_level("10.4 Ärztliche Berichte", false, title), 2);
    EXPECT_EQ(title, "10.4 Ärztliche Berichte");
}

TEST(TextReader, DecodesBomUtf16AndWindows1252)
{
    EXPECT_EQ(scrqm::read_text("\xEF\xBB\xBFZo\xC3\xAB", false, "a.txt").paragraphs[0].text,
              "Zo\xC3\xAB");
    EXPECT_EQ(
        scrqm::read_text(std::string("\xFF\xFEZ\0o\0\xEB\0", 8), false, "b.txt").paragraphs[0].text,
        "Zo\xC3\xAB");
    EXPECT_EQ(scrqm::read_text("Zo\xEB \x93quoted\x94", false, "c.txt").paragraphs[0].text,
              "Zo\xC3\xAB \xE2\x80\x9Cquoted\xE2\x80\x9D");
}

TEST(TextReader, BinaryMissingAndDirectoryAreClearErrors)
{
    EXPECT_THROW(scrqm::read_text(std::string("PK\x03\x04\0\0", 6), false, "x.txt"),
                 scrqm::ReadError);
    try
    {
        scrqm::read_text_file("/nonexistent/report.txt");
        FAIL();
    }
    catch (const scrqm::ReadError& e)
    {
        EXPECT_STREQ(e.what(), "/nonexistent/report.txt: No such file or directory");
    }
    EXPECT_THROW(scrqm::read_text_file(::testing::TempDir()), scrqm::ReadError);
}

TEST(Formats, PrecheckNamesTheProblem)
{
    using scrqm::Format;
    EXPECT_EQ(scrqm::format_of("A.DOCX"), Format::Docx);
    EXPECT_EQ(scrqm::format_of("notes.md"), Format::Markdown);
    EXPECT_EQ(scrqm::format_of("x.pdf"), Format::Unsupported);
    EXPECT_EQ(scrqm::format_of("dir.v2/file"), Format::Unsupported);
    auto message = [](const std::string& path, Format f) -> std::string
    {
        try
        {
            scrqm::precheck_office_file(path, f);
        }
        catch (const scrqm::ReadError& e)
        {
            return e.what();
        }
        return "ok";
    };
    const std::string empty = temp_file("empty.docx", "");
    EXPECT_NE(message(empty, Format::Docx).find("the file is empty"), std::string::npos);
    const std::string text = temp_file("text.docx", "just some text");
    EXPECT_NE(message(text, Format::Docx).find("not a zip archive"), std::string::npos);
    // An OLE file's stream names (UTF-16) tell an encrypted .docx from a Word 97 file.
    auto utf16 = [](const std::string& a)
    {
        std::string out;
        for (char c : a)
            out += std::string(1, c) + '\0';
        return out;
    };
    const std::string magic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 ";
    const std::string ole = temp_file("enc.docx", magic + utf16("EncryptedPackage"));
    EXPECT_NE(message(ole, Format::Docx).find("password-protected"), std::string::npos);
    const std::string doc97 = temp_file("old.docx", magic + utf16("WordDocument"));
    EXPECT_NE(message(doc97, Format::Docx).find("a Word 97-2003 document (.doc) named .docx"),
              std::string::npos);
    EXPECT_EQ(message(doc97, Format::Doc), "ok");
    const std::string rtf = temp_file("rtf.doc", "{\\rtf1 Liam}");
    EXPECT_NE(message(rtf, Format::Doc).find("an RTF document named .doc; rename it to .rtf"),
              std::string::npos);
    const std::string html = temp_file("web.doc", "<!DOCTYPE html><html><body>x</body></html>");
    EXPECT_NE(message(html, Format::Doc).find("a web page (HTML) named .doc"), std::string::npos);
    for (const auto& p : {doc97, rtf, html})
        std::remove(p.c_str());
    const std::string zip = temp_file("ok.docx", "PK\x03\x04 rest");
    EXPECT_EQ(message(zip, Format::Docx), "ok");
    EXPECT_NE(message(text, Format::Rtf).find("not an RTF"), std::string::npos);
    for (const auto& p : {empty, text, ole, zip})
        std::remove(p.c_str());
}
