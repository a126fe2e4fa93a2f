// The comments counted while a zip is inflated (how a document of 10,000
// comments is refused before the office opens it): a tag split between two
// inflated pieces counts once, look-alike tags do not count, and stored and
// deflated entries are both read.
#include <scrqm/formats.hxx>

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace
{

void put(std::string& out, std::uint64_t v, int bytes)
{
    for (int k = 0; k < bytes; ++k)
        out += static_cast<char>((v >> (8 * k)) & 0xFF);
}

std::string deflate_raw(const std::string& data)
{
    z_stream z{};
    deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&z, data.size()), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

struct Entry
{
    std::string name, data;
    bool deflated;
};

// A zip file of the entries, with its central directory.
std::string make_zip(const std::vector<Entry>& entries)
{
    std::string zip, dir;
    for (const Entry& e : entries)
    {
        const std::string body = e.deflated ? deflate_raw(e.data) : e.data;
        const auto crc = crc32(0, reinterpret_cast<const Bytef*>(e.data.data()),
                               static_cast<uInt>(e.data.size()));
        const std::uint64_t offset = zip.size();
        std::string common;
        put(common, 20, 2);                 // version needed
        put(common, 0, 2);                  // flags
        put(common, e.deflated ? 8 : 0, 2); // method
        put(common, 0, 4);                  // time and date
        put(common, crc, 4);
        put(common, body.size(), 4);
        put(common, e.data.size(), 4);
        put(common, e.name.size(), 2);
        put(common, 0, 2); // extra
        zip += std::string("PK\x03\x04", 4) + common + e.name + body;
        dir += std::string("PK\x01\x02", 4);
        put(dir, 20, 2); // version made by
        dir += common;
        put(dir, 0, 2); // comment
        put(dir, 0, 2); // disk
        put(dir, 0, 2); // internal attributes
        put(dir, 0, 4); // external attributes
        put(dir, offset, 4);
        dir += e.name;
    }
    const std::uint64_t dir_offset = zip.size();
    zip += dir + std::string("PK\x05\x06", 4);
    put(zip, 0, 4);
    put(zip, entries.size(), 2);
    put(zip, entries.size(), 2);
    put(zip, dir.size(), 4);
    put(zip, dir_offset, 4);
    put(zip, 0, 2);
    return zip;
}

std::uint64_t count_in(const std::string& zip, const char* entry, const char* tag)
{
    char path[] = "/tmp/scrqm-zip-count-XXXXXX";
    const int fd = mkstemp(path);
    EXPECT_GE(fd, 0);
    ::close(fd);
    std::ofstream(path, std::ios::binary) << zip;
    scrqm::ZipTagCount tags{entry, tag, 0};
    const std::uint64_t bytes = scrqm::zip_inflated_bytes(path, zip.size(), 1u << 30, tags);
    std::remove(path);
    EXPECT_GT(bytes, 0u);
    return tags.count;
}

// Comments between decoys that must not count, with white space that puts
// a tag across each 256 KB piece that inflate gives.
std::string comments_xml(int n)
{
    std::string xml = "<w:comments xmlns:w=\"x\">";
    std::size_t edge = 1u << 18;
    for (int i = 0; i < n; ++i)
    {
        if (xml.size() + 200 > edge)
        {
            xml.append(edge - 4 - xml.size(), ' ');
            edge += 1u << 18;
        }
        xml += "<w:comment w:id=\"" + std::to_string(i) + "\"><w:p><w:r><w:t>note number " +
               std::to_string(i) + " <w:commentReference/></w:t></w:r></w:p></w:comment>\n";
    }
    return xml + "</w:comments>";
}

} // namespace

TEST(ZipTagCount, DeflatedEntryCountsEveryTagOnceAcrossPieces)
{
    const std::string xml = comments_xml(12000);
    // Inflate gives 256 KB pieces: at least one tag crosses from one to the next.
    bool straddles = false;
    for (std::size_t edge = 1u << 18; edge < xml.size(); edge += 1u << 18)
    {
        const std::size_t at = xml.rfind("<w:comment ", edge - 1);
        straddles = straddles || (at != std::string::npos && at + 11 > edge);
    }
    ASSERT_TRUE(straddles);
    const std::string zip = make_zip(
        {{"word/document.xml", "<w:comment x=\"1\"/>", true}, {"word/comments.xml", xml, true}});
    EXPECT_EQ(count_in(zip, "word/comments.xml", "w:comment"), 12000u);
}

TEST(ZipTagCount, StoredEntryAndOtherEntriesAndLookAlikes)
{
    const std::string content = "<office:text><office:annotation><text:p>a</text:p>"
                                "</office:annotation><office:annotation-end office:name=\"x\"/>"
                                "<office:annotation office:name=\"y\">b</office:annotation>"
                                "<office:annotations/></office:text>";
    const std::string zip = make_zip({{"mimetype", "application/vnd.oasis", false},
                                      {"styles.xml", "<office:annotation>", false},
                                      {"content.xml", content, false}});
    EXPECT_EQ(count_in(zip, "content.xml", "office:annotation"), 2u);
    EXPECT_EQ(count_in(zip, "word/comments.xml", "w:comment"), 0u);
}
