// Which documents scrqm reads, and a cheap sanity check of office files
// before an office is started for them.
#pragma once

#include <cstdint>
#include <string>

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

// A 2,000-page report's content.xml is tens of MB.
constexpr std::uint64_t kMaxUnpackedBytes = 512u * 1024u * 1024u;

} // namespace scrqm
