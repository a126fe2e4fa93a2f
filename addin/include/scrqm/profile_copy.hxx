// Copying the command line's cached LibreOffice profile template into a
// session's throw-away profile (uno/office_client.cxx starts the office on
// it). Plain files, no UNO: unit-tested in tests/unit/profile_copy_test.cxx.
#pragma once

#include <filesystem>
#include <string>
#include <system_error>

namespace scrqm
{

// Whether a profile path lies inside an unpacked extension (a "*.oxt"
// directory: libscrqm.so and its data).
bool inside_extension(const std::filesystem::path& rel);

// Copies a profile template into a session's directory. With `link`, the
// unpacked extension's files are hard-linked instead: LibreOffice only reads
// them (and would remove, never rewrite, them), so no session can change the
// template through a link, and two thirds of the files, the 2 MB library
// among them, are not written again for every office. The rest, which
// LibreOffice may rewrite, is copied. A link that fails (TMPDIR on another
// file system) falls back to a copy. cli.golden checks both and that the
// template stays unchanged. Stops at the first file or directory that
// cannot be made, with `ec` set.
void copy_profile(const std::string& from, const std::string& to, bool link, std::error_code& ec);

} // namespace scrqm
