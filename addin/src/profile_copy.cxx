#include <scrqm/profile_copy.hxx>

#include <cerrno>
#include <unistd.h>

namespace scrqm
{

bool inside_extension(const std::filesystem::path& rel)
{
    for (const std::filesystem::path& part : rel.parent_path())
    {
        const std::string name = part.string();
        if (name.size() > 4 && name.compare(name.size() - 4, 4, ".oxt") == 0)
            return true;
    }
    return false;
}

void copy_profile(const std::string& from, const std::string& to, bool link, std::error_code& ec)
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

} // namespace scrqm
