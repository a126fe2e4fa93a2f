// Which documents scrqm reads, and a cheap sanity check of office files
// before an office is started for them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace scrqm
{

enum class Format
{
    Text,
    Markdown,
    Odt,
    Fodt,
    Docx,
    Doc,
    Rtf,
    Unsupported,
};

Format format_of(const std::string& path);
bool needs_office(Format format);
const char* supported_formats(); // for messages

// Throws ReadError with one line saying what is wrong and what to do when the
// file is missing, unreadable, empty, or plainly not of its format (a .docx
// that is not a zip archive, an encrypted Word file).
//
// A .docx or .odt whose parts unpack to more than kMaxUnpackedBytes (by the
// sizes its zip directory declares) is refused: a zip bomb took the office
// 141 s and 5.6 GB before.
void precheck_office_file(const std::string& path, Format format);

// The sum of the uncompressed sizes a zip file's central directory declares
// (ZIP64 read); 0 when no directory is found (the office will say what is
// wrong), the largest value when the directory is implausibly large.
std::uint64_t zip_unpacked_bytes(const std::string& path, std::uint64_t file_size);

// One entry of a zip file's central directory: its name, its compression
// method, the uncompressed size it declares, the offset of its local header.
struct ZipEntry
{
    std::string name;
    unsigned method = 0;
    std::uint64_t size = 0;
    std::uint64_t offset = 0;
};

// The entries a zip file's central directory lists (ZIP64 read); none when
// no directory is found, nullopt when it is implausibly large or out of the
// file.
std::optional<std::vector<ZipEntry>> zip_entries(const std::string& path, std::uint64_t file_size);

// The bytes a zip file's entries really inflate to, whatever their headers
// declare, counting stops as soon as the total passes `limit` (then a
// value above it is returned). Deflated and stored entries are read from
// their local headers; the data are inflated and dropped, never kept.
std::uint64_t zip_inflated_bytes(const std::string& path, std::uint64_t file_size,
                                 std::uint64_t limit);

// What one inflating pass over a zip file finds: the bytes it inflates to
// (as zip_inflated_bytes) and how often a start tag occurs in one entry.
struct ZipTagCount
{
    std::string entry; // "word/comments.xml"
    std::string tag;   // "w:comment": "<w:comment" then a space, '>' or '/'
    std::uint64_t count = 0;
};
std::uint64_t zip_inflated_bytes(const std::string& path, std::uint64_t file_size,
                                 std::uint64_t limit, ZipTagCount& tags);

// A document with more comments than this is refused before the office
// opens it: LibreOffice 7.4 takes minutes to import 10,000 comments (its
// own import, tests/bench/bench_comments.py), and a report ready to publish
// holds none.
constexpr std::uint64_t kMaxComments = 3000;

// A 2,000-page report's content.xml is tens of MB.
constexpr std::uint64_t kMaxUnpackedBytes = 512u * 1024u * 1024u;

} // namespace scrqm
