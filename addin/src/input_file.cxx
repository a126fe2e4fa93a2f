#include <scrqm/input_file.hxx>
#include <scrqm/text_reader.hxx>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace scrqm
{

namespace
{

std::string megabytes(std::size_t bytes)
{
    const std::size_t mb = bytes / (1024 * 1024);
    return mb > 0 ? std::to_string(mb) + " MB" : std::to_string(bytes / 1024) + " KB";
}

// Throws unless `st` is a regular file within the bound.
std::size_t check_stat(const std::string& path, const struct stat& st, const char* what,
                       std::size_t max_bytes)
{
    const std::string not_what = std::string(", not ") + what;
    if (S_ISDIR(st.st_mode))
        throw ReadError(path + ": is a directory" + not_what);
    if (S_ISFIFO(st.st_mode))
        throw ReadError(path + ": is a named pipe (FIFO)" + not_what +
                        "; scrqm reads regular files only");
    if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
        throw ReadError(path + ": is a device" + not_what + "; scrqm reads regular files only");
    if (S_ISSOCK(st.st_mode))
        throw ReadError(path + ": is a socket" + not_what + "; scrqm reads regular files only");
    if (!S_ISREG(st.st_mode))
        throw ReadError(path + ": is not a regular file" + not_what);
    const auto size = static_cast<std::size_t>(st.st_size);
    if (size > max_bytes)
        throw ReadError(path + ": too large for " + what + " (" + megabytes(size) +
                        "; the limit is " + megabytes(max_bytes) + ")");
    return size;
}

} // namespace

std::size_t check_input_file(const std::string& path, const char* what, std::size_t max_bytes)
{
    struct stat st
    {
    };
    if (::stat(path.c_str(), &st) != 0)
    {
        const int error = errno;
        // "x.csv: cannot read the case register: No such file or directory";
        // a document's line is the shorter one the other documents have.
        const std::string name(what);
        const bool document = name == "a document";
        throw ReadError(path + ": " +
                        (document || name.rfind("a ", 0) != 0
                             ? std::string()
                             : "cannot read the " + name.substr(2) + ": ") +
                        std::strerror(error));
    }
    return check_stat(path, st, what, max_bytes);
}

std::string read_input_file(const std::string& path, const char* what, std::size_t max_bytes)
{
    // Checked before opening: opening a device may do something of its own.
    check_input_file(path, what, max_bytes);
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        throw ReadError(path + ": cannot be opened for reading (" + std::strerror(errno) + ")");
    struct Close
    {
        int fd;
        ~Close() { ::close(fd); }
    } close_fd{fd};
    struct stat st
    {
    };
    if (::fstat(fd, &st) != 0)
        throw ReadError(path + ": " + std::strerror(errno));
    const std::size_t size = check_stat(path, st, what, max_bytes);
    std::string bytes(size, '\0');
    std::size_t done = 0;
    // A file that grows while it is read is read up to the bound.
    while (true)
    {
        if (done == bytes.size())
        {
            if (bytes.size() >= max_bytes)
            {
                char probe = 0;
                if (::read(fd, &probe, 1) > 0)
                    throw ReadError(path + ": too large for " + what + " (the limit is " +
                                    megabytes(max_bytes) + ")");
                break;
            }
            bytes.resize(std::min(max_bytes, std::max<std::size_t>(4096, bytes.size() * 2)));
        }
        const ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            throw ReadError(path + ": cannot be read (" + std::strerror(errno) + ")");
        if (n == 0)
            break;
        done += static_cast<std::size_t>(n);
    }
    bytes.resize(done);
    return bytes;
}

bool same_file(const std::string& a, const std::string& b)
{
    struct stat sa
    {
    };
    struct stat sb
    {
    };
    return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

} // namespace scrqm
