// Copying the command line's cached LibreOffice profile template into a
// session's throw-away profile (see office_client.cxx). No UNO: unit-tested
// in tests/unit/profile_copy_test.cxx.
#pragma once

#include <cerrno>
#include <filesystem>
#include <string>
#include <system_error>
#include <unistd.h>

namespace scrqm::lo
{

// Whether a profile path lies inside an unpacked extension (a "*.oxt"
// directory: libscrqm.so and its data).
inline bool inside_extension(const std::filesystem::path& rel)
{
    for (const std::filesystem::path& part : rel.parent_path())
    {
        const std::string name = part.string();
        if (name.size() > 4 && name.compare(name.size() - 4, 4, ".oxt") == 0)
            return true;
    }
    return false;
}

// Copies a profile template into a session's directory. With `link`, the
// unpacked extension's files are hard-linked instead: LibreOffice only reads
// them (and would remove, never rewrite, them), so no session can change the
// template through a link, and two thirds of the files, the 2 MB library
// among them, are not written again for every office. The rest, which
// LibreOffice may rewrite, is copied. A link that fails (TMPDIR on another
// file system) falls back to a copy. cli.golden checks both and that the
// template stays unchanged. Stops at the first file or directory that
// cannot be made, with `ec` set.
inline void copy_profile(const std::string& from, const std::string& to, bool link,
                         std::error_code& ec)
{
    namespace fs = std::filesystem;
    if (fs::create_directory(to, from, ec), ec)
        return;
    bool may_link = link;
    fs::recursive_directory_iterator it(from, ec);
    for (const fs::recursive_directory_iterator end; !ec && it != end; it.increment(ec))
    {
        const fs::path rel = it->path().lexically_relative(from);
        const fs::path dest = fs::path(to) / rel;
        const fs::file_status st = it->symlink_status(ec);
        if (ec)
            return;
        // Each step's own error: the iterator's next step clears `ec`.
        std::error_code step;
        if (fs::is_directory(st))
            fs::create_directory(dest, it->path(), step);
        else if (fs::is_symlink(st))
            fs::copy_symlink(it->path(), dest, step);
        else
        {
            if (may_link && inside_extension(rel))
            {
                if (::link(it->path().c_str(), dest.c_str()) == 0)
                    continue;
                // Another file system, or links not allowed there: copy from now on.
                may_link = !(errno == EXDEV || errno == EPERM || errno == EMLINK);
            }
            fs::copy_file(it->path(), dest, step);
        }
        if (step)
        {
            ec = step;
            return;
        }
    }
}

} // namespace scrqm::lo
