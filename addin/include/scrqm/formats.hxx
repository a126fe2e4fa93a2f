// Which documents scrqm reads, and a cheap sanity check of office files
// before an office is started for them.
#pragma once

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
void precheck_office_file(const std::string& path, Format format);

} // namespace scrqm
