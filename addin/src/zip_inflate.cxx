// The real unpacked size of a zip file, found by inflating it: a zip bomb
// may declare small sizes in its directory and inflate to gigabytes.
#include <scrqm/formats.hxx>

#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <fcntl.h>
#include <limits>
#include <string>
#include <unistd.h>
#include <vector>

namespace scrqm
{

namespace
{

std::uint64_t le(const unsigned char* b, int bytes)
{
    std::uint64_t v = 0;
    for (int k = bytes - 1; k >= 0; --k)
        v = v << 8 | b[k];
    return v;
}

class File
{
public:
    explicit File(const std::string& path) : fd_(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {}
    ~File()
    {
        if (fd_ >= 0)
            ::close(fd_);
    }
    File(const File&) = delete;
    File& operator=(const File&) = delete;
    bool ok() const { return fd_ >= 0; }
    std::size_t read(std::uint64_t offset, unsigned char* out, std::size_t n) const
    {
        std::size_t got = 0;
        while (got < n)
        {
            const ssize_t r = ::pread(fd_, out + got, n - got, static_cast<off_t>(offset + got));
            if (r <= 0)
                break;
            got += static_cast<std::size_t>(r);
        }
        return got;
    }

private:
    int fd_;
};

// Counts a start tag in data given in pieces: the last bytes of a piece
// are kept, so a tag split between two pieces counts once.
class TagCounter
{
public:
    explicit TagCounter(const std::string& tag) : open_("<" + tag) {}

    void feed(const unsigned char* data, std::size_t n)
    {
        window_.append(reinterpret_cast<const char*>(data), n);
        // A match counts once the character after it is seen; the last
        // open_.size() bytes wait for the next piece.
        const std::size_t settled =
            window_.size() > open_.size() ? window_.size() - open_.size() : 0;
        for (std::size_t at = window_.find(open_); at != std::string::npos && at < settled;
             at = window_.find(open_, at + 1))
        {
            const char next = window_[at + open_.size()];
            if (next == ' ' || next == '>' || next == '/' || next == '\t' || next == '\n' ||
                next == '\r')
                ++count;
        }
        window_.erase(0, settled);
    }

    std::uint64_t count = 0;

private:
    std::string open_;
    std::string window_;
};

// Inflates the raw deflate stream at `offset` and returns how many bytes it
// gives, stopping once past `limit`; its compressed size is not trusted.
// With `counter`, the inflated data are also searched for its tag.
std::uint64_t inflated_entry(const File& file, std::uint64_t offset, std::uint64_t file_size,
                             std::uint64_t limit, TagCounter* counter)
{
    z_stream z{};
    if (inflateInit2(&z, -MAX_WBITS) != Z_OK)
        return std::numeric_limits<std::uint64_t>::max();
    std::vector<unsigned char> in(1u << 16), out(1u << 18);
    std::uint64_t total = 0;
    int rc = Z_OK;
    while (rc != Z_STREAM_END && total <= limit && offset < file_size)
    {
        const std::size_t got = file.read(offset, in.data(), in.size());
        if (got == 0)
            break;
        offset += got;
        z.next_in = in.data();
        z.avail_in = static_cast<uInt>(got);
        do
        {
            z.next_out = out.data();
            z.avail_out = static_cast<uInt>(out.size());
            rc = inflate(&z, Z_NO_FLUSH);
            total += out.size() - z.avail_out;
            if (counter)
                counter->feed(out.data(), out.size() - z.avail_out);
        } while (rc == Z_OK && z.avail_out == 0 && total <= limit);
        if (rc != Z_OK && rc != Z_STREAM_END)
            break; // damaged data: the office will say what is wrong
    }
    inflateEnd(&z);
    return total;
}

} // namespace

std::uint64_t zip_inflated_bytes(const std::string& path, std::uint64_t file_size,
                                 std::uint64_t limit)
{
    ZipTagCount none;
    return zip_inflated_bytes(path, file_size, limit, none);
}

std::uint64_t zip_inflated_bytes(const std::string& path, std::uint64_t file_size,
                                 std::uint64_t limit, ZipTagCount& tags)
{
    File file(path);
    if (!file.ok())
        return 0;
    const auto entries = zip_entries(path, file_size);
    if (!entries)
        return std::numeric_limits<std::uint64_t>::max();
    // Each entry where the directory puts it, as the office reads it: the
    // local header gives where its data start; deflated data are inflated
    // to their end whatever size any header declares.
    std::uint64_t total = 0;
    for (const ZipEntry& e : *entries)
    {
        unsigned char h[30];
        if (total > limit)
            break;
        if (e.offset + 30 > file_size || file.read(e.offset, h, 30) != 30 ||
            std::memcmp(h, "PK\x03\x04", 4) != 0)
            continue; // a damaged entry: the office will say what is wrong
        const std::uint64_t data = e.offset + 30 + le(h + 26, 2) + le(h + 28, 2);
        const bool counted = !tags.entry.empty() && e.name == tags.entry;
        TagCounter counter(tags.tag);
        if (e.method == 8)
            total +=
                inflated_entry(file, data, file_size, limit - total, counted ? &counter : nullptr);
        else
        {
            total += e.size; // stored: read as declared, bounded by the file
            if (counted && data < file_size)
            {
                // Stored data are read as they are, in pieces, up to the limit.
                std::vector<unsigned char> piece(1u << 16);
                const std::uint64_t end = std::min(file_size, data + std::min(e.size, limit));
                for (std::uint64_t at = data; at < end;)
                {
                    const std::size_t got = file.read(
                        at, piece.data(),
                        static_cast<std::size_t>(std::min<std::uint64_t>(piece.size(), end - at)));
                    if (got == 0)
                        break;
                    counter.feed(piece.data(), got);
                    at += got;
                }
            }
        }
        if (counted)
            tags.count += counter.count;
    }
    return total;
}

} // namespace scrqm
