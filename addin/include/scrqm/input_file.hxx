// Files named on the command line (documents, registers, term lists,
// profiles), checked before they are read: only regular files, and no more
// than a bound. A FIFO would block the reader forever, /dev/zero never ends,
// and a directory or a socket is no document; each is refused at once, with
// one line saying what it is.
#pragma once

#include <cstddef>
#include <string>

namespace scrqm
{

// Bounds, with what they are for. A 300-page report is about 1 MB of text
// and a few MB as .docx; a case register has a few hundred lines.
constexpr std::size_t kMaxOfficeBytes = 512u * 1024u * 1024u;
constexpr std::size_t kMaxRegisterBytes = 16u * 1024u * 1024u;
constexpr std::size_t kMaxTermListBytes = 4u * 1024u * 1024u;
constexpr std::size_t kMaxProfileBytes = 4u * 1024u * 1024u;
// The command line's output (a report, JSON): the 300-page report's is a few MB.
constexpr std::size_t kMaxOutputBytes = 64u * 1024u * 1024u;

// Throws ReadError "<path>: ..." unless `path` (symbolic links followed) is
// a regular file of at most `max_bytes`. `what` names it in messages ("a
// document", "a case register"). Returns the size.
std::size_t check_input_file(const std::string& path, const char* what, std::size_t max_bytes);

// Checks `path` as above and reads it whole, never blocking on open (the
// file is opened non-blocking and checked again once open, so a file
// swapped for a FIFO in between is still refused).
std::string read_input_file(const std::string& path, const char* what, std::size_t max_bytes);

// Whether two paths name the same file (same device and inode: through a
// symbolic or hard link, or written differently). False if either is missing.
bool same_file(const std::string& a, const std::string& b);

} // namespace scrqm
