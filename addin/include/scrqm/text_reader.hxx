// Reads .txt and .md files into the document model without an office.
#pragma once

#include <scrqm/model.hxx>

#include <stdexcept>
#include <string>

namespace scrqm
{

// A document that cannot be read. what() is one line for the user.
class ReadError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// Largest plain-text file we read (a 300-page report is about 1 MB).
constexpr std::size_t kMaxTextBytes = 256u * 1024u * 1024u;

// One paragraph per line (index = 0-based line number). In Markdown, "#"
// headings; in both, numbered headings such as "3. Analysis" or "3.2
// Findings". Throws ReadError.
Document read_text_file(const std::string& path);

// The same on text already in memory; `markdown` enables "#" headings.
Document read_text(const std::string& bytes, bool markdown, const std::string& file_name);

// If `line` is a heading, returns its level (1..6) and sets `title`.
int heading_level(const std::string& line, bool markdown, std::string& title);

// Lower-case extension without the dot ("docx"), or "" if none.
std::string file_extension(const std::string& path);

} // namespace scrqm
