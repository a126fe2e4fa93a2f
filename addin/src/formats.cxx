#include <scrqm/formats.hxx>
#include <scrqm/input_file.hxx>
#include <scrqm/text_reader.hxx>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <limits>
#include <numeric>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace scrqm
{

Format format_of(const std::string& path)
{
    const std::string ext = file_extension(path);
    if (ext == "txt" || ext == "text")
        return Format::Text;
    if (ext == "md" || ext == "markdown")
        return Format::Markdown;
    if (ext == "odt" || ext == "ott")
        return Format::Odt;
    if (ext == "fodt")
        return Format::Fodt;
    if (ext == "docx" || ext == "docm" || ext == "dotx")
        return Format::Docx;
    if (ext == "doc")
        return Format::Doc;
    if (ext == "rtf")
        return Format::Rtf;
    return Format::Unsupported;
}

bool needs_office(Format format)
{
    return format != Format::Text && format != Format::Markdown && format != Format::Unsupported;
}

const char* supported_formats()
{
    return ".odt .fodt .docx .doc .rtf .txt .md";
}

namespace
{
constexpr char kOleMagic[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

// The first bytes of a regular file of at most kMaxOfficeBytes.
std::string read_head(const std::string& path)
{
    check_input_file(path, "a document", kMaxOfficeBytes);
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        throw ReadError(path + ": cannot be opened for reading (check its permissions)");
    struct stat st
    {
    };
    char head[8] = {};
    const bool regular = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    const ssize_t got = regular ? ::read(fd, head, sizeof head) : -1;
    const int error = errno;
    ::close(fd);
    if (!regular)
        check_input_file(path, "a document", kMaxOfficeBytes); // says what it became
    if (got < 0)
        throw ReadError(path + ": cannot be read (" + std::string(std::strerror(error)) + ")");
    return std::string(head, static_cast<std::size_t>(got));
}
std::string read_at(const std::string& path, std::uint64_t offset, std::size_t n);

// An HTML file (Word's "Save as web page" named .doc): markup near its start.
bool looks_like_html(const std::string& path)
{
    std::string start = read_at(path, 0, 1024);
    for (char& c : start)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return start.find("<html") != std::string::npos || start.find("<!doctype") != std::string::npos;
}

// Up to `n` bytes of the file from `offset`.
std::string read_at(const std::string& path, std::uint64_t offset, std::size_t n)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return {};
    std::string out(n, '\0');
    std::size_t got = 0;
    while (got < n)
    {
        const ssize_t r = ::pread(fd, out.data() + got, n - got, static_cast<off_t>(offset + got));
        if (r <= 0)
            break;
        got += static_cast<std::size_t>(r);
    }
    ::close(fd);
    out.resize(got);
    return out;
}

std::uint64_t le(const std::string& b, std::size_t at, int bytes)
{
    std::uint64_t v = 0;
    for (int k = bytes - 1; k >= 0; --k)
        v = v << 8 | static_cast<unsigned char>(b[at + static_cast<std::size_t>(k)]);
    return v;
}

std::string utf16le(const char* ascii)
{
    std::string out;
    for (; *ascii; ++ascii)
        out += std::string(1, *ascii) + '\0';
    return out;
}

} // namespace

std::optional<std::vector<ZipEntry>> zip_entries(const std::string& path, std::uint64_t file_size)
{
    std::vector<ZipEntry> out;
    // The end of central directory record is in the last 64 KB + 22 bytes.
    const std::size_t tail_size =
        static_cast<std::size_t>(std::min<std::uint64_t>(file_size, 65557));
    const std::string tail = read_at(path, file_size - tail_size, tail_size);
    const std::size_t eocd = tail.rfind(std::string("PK\x05\x06", 4));
    if (eocd == std::string::npos || eocd + 22 > tail.size())
        return out;
    std::uint64_t entries = le(tail, eocd + 10, 2);
    std::uint64_t cd_size = le(tail, eocd + 12, 4);
    std::uint64_t cd_offset = le(tail, eocd + 16, 4);
    // ZIP64: the locator just before the record names the ZIP64 record.
    if (eocd >= 20 && tail.compare(eocd - 20, 4, std::string("PK\x06\x07", 4)) == 0)
    {
        const std::string z = read_at(path, le(tail, eocd - 20 + 8, 8), 56);
        if (z.size() == 56 && z.compare(0, 4, std::string("PK\x06\x06", 4)) == 0)
        {
            entries = le(z, 32, 8);
            cd_size = le(z, 40, 8);
            cd_offset = le(z, 48, 8);
        }
    }
    if (cd_size > (64u << 20) || cd_offset >= file_size)
        return std::nullopt; // no document has such a directory
    const std::string cd = read_at(path, cd_offset, static_cast<std::size_t>(cd_size));
    std::size_t at = 0;
    for (std::uint64_t k = 0; k < entries && at + 46 <= cd.size(); ++k)
    {
        if (cd.compare(at, 4, std::string("PK\x01\x02", 4)) != 0)
            break;
        ZipEntry e;
        e.method = static_cast<unsigned>(le(cd, at + 10, 2));
        e.size = le(cd, at + 24, 4);
        e.offset = le(cd, at + 42, 4);
        const std::size_t name = static_cast<std::size_t>(le(cd, at + 28, 2));
        const std::size_t extra = static_cast<std::size_t>(le(cd, at + 30, 2));
        const std::size_t comment = static_cast<std::size_t>(le(cd, at + 32, 2));
        e.name = cd.substr(at + 46, std::min(name, cd.size() - std::min(cd.size(), at + 46)));
        // ZIP64: the sizes and offset that do not fit are in the extra
        // field, in this order, each only when its field is all ones.
        for (std::size_t x = at + 46 + name; x + 4 <= at + 46 + name + extra && x + 4 <= cd.size();)
        {
            const std::size_t len = static_cast<std::size_t>(le(cd, x + 2, 2));
            if (le(cd, x, 2) == 1)
            {
                std::size_t f = x + 4;
                auto take = [&](std::uint64_t& v)
                {
                    if (v == 0xFFFFFFFFu && f + 8 <= x + 4 + len && f + 8 <= cd.size())
                    {
                        v = le(cd, f, 8);
                        f += 8;
                    }
                };
                take(e.size);
                std::uint64_t compressed = le(cd, at + 20, 4);
                take(compressed);
                take(e.offset);
                break;
            }
            x += 4 + len;
        }
        out.push_back(e);
        at += 46 + name + extra + comment;
    }
    return out;
}

std::uint64_t zip_unpacked_bytes(const std::string& path, std::uint64_t file_size)
{
    const auto entries = zip_entries(path, file_size);
    return entries
               ? std::accumulate(entries->begin(), entries->end(), std::uint64_t{0},
                                 [](std::uint64_t sum, const ZipEntry& e) { return sum + e.size; })
               : std::numeric_limits<std::uint64_t>::max();
}

void precheck_office_file(const std::string& path, Format format)
{
    // A FIFO or a device is refused before anything opens it.
    const std::string bytes = read_head(path);
    if (bytes.empty())
        throw ReadError(path + ": the file is empty (0 bytes); it is not a document");
    const char* head = bytes.data();
    const std::size_t got = bytes.size();
    const bool zip = got >= 4 && std::memcmp(head, "PK\x03\x04", 4) == 0;
    const bool ole = got >= 8 && std::memcmp(head, kOleMagic, 8) == 0;
    const std::uint64_t size = check_input_file(path, "a document", kMaxOfficeBytes);
    if (zip)
    {
        // A zip bomb (a document.xml that inflates to gigabytes) is refused
        // from the sizes its directory declares, before the office reads it.
        const std::uint64_t unpacked = zip_unpacked_bytes(path, size);
        if (unpacked > kMaxUnpackedBytes)
            throw ReadError(path + ": unpacks to " +
                            (unpacked == std::numeric_limits<std::uint64_t>::max()
                                 ? std::string("an unreadable size")
                                 : std::to_string(unpacked >> 20) + " MB") +
                            " (the limit is " + std::to_string(kMaxUnpackedBytes >> 20) +
                            " MB); it is not a document scrqm will open");
        // Sizes declared small can hide an entry that inflates to
        // gigabytes: the data itself is inflated (without keeping it), and
        // refused as soon as it passes the limit.
        ZipTagCount comments;
        if (format == Format::Docx)
            comments = {"word/comments.xml", "w:comment", 0};
        else if (format == Format::Odt)
            comments = {"content.xml", "office:annotation", 0};
        const std::uint64_t real = zip_inflated_bytes(path, size, kMaxUnpackedBytes, comments);
        if (real > kMaxUnpackedBytes)
            throw ReadError(
                path + ": unpacks to more than " + std::to_string(kMaxUnpackedBytes >> 20) +
                " MB though its directory "
                "says " +
                (unpacked >= (1u << 20) ? std::to_string(unpacked >> 20) + " MB"
                                        : std::to_string((unpacked + 1023) >> 10) + " KB") +
                " (the limit is " + std::to_string(kMaxUnpackedBytes >> 20) +
                " MB); it is not a document scrqm will open");
        if (comments.count > kMaxComments)
            throw ReadError(path + ": holds " + std::to_string(comments.count) +
                            " comments (the limit is " + std::to_string(kMaxComments) +
                            "; LibreOffice takes minutes to open that many); a report ready "
                            "to publish holds none: delete them (in Writer, a comment's menu "
                            "has Delete All Comments) and check it again");
    }
    // An OLE file: an encrypted .docx or .odt, or a Word 97-2003 file. The
    // streams' names (UTF-16) say which.
    const std::string whole =
        ole ? read_at(path, 0, static_cast<std::size_t>(std::min<std::uint64_t>(size, 8u << 20)))
            : std::string();
    const bool encrypted = whole.find(utf16le("EncryptedPackage")) != std::string::npos;
    const bool word97 = whole.find(utf16le("WordDocument")) != std::string::npos;
    switch (format)
    {
    case Format::Docx:
        if (ole && word97 && !encrypted)
            throw ReadError(path + ": a Word 97-2003 document (.doc) named .docx; rename it "
                                   "to .doc, or open it in Word or LibreOffice and save it as "
                                   ".docx");
        if (ole && encrypted)
            throw ReadError(path + ": the document is password-protected (encrypted); remove "
                                   "the password (save a copy without it) and try again");
        if (ole)
            throw ReadError(path + ": not a Word .docx document (it is an older Office file); "
                                   "open it in Word or LibreOffice and save it as .docx");
        if (!zip)
            throw ReadError(path + ": corrupted or not a Word .docx document (it is not a "
                                   "zip archive); open it in Word or LibreOffice and save it "
                                   "again");
        break;
    case Format::Odt:
        if (!zip)
            throw ReadError(path + ": corrupted or not an OpenDocument text (it is not a zip "
                                   "archive); open it in LibreOffice and save it again");
        break;
    case Format::Doc:
        if (got >= 5 && std::memcmp(head, "{\\rtf", 5) == 0)
            throw ReadError(path + ": an RTF document named .doc; rename it to .rtf and check "
                                   "it again");
        if (zip)
            throw ReadError(path + ": a zip archive named .doc (a .docx or .odt?); rename it "
                                   "to what Word or LibreOffice saved it as and check it again");
        if (!ole && looks_like_html(path))
            throw ReadError(path + ": a web page (HTML) named .doc; open it in Word or "
                                   "LibreOffice and save it as .docx or .odt");
        if (!ole)
            throw ReadError(path + ": corrupted or not a Word 97-2003 .doc document; open it "
                                   "in Word or LibreOffice and save it as .docx or .odt");
        if (encrypted)
            throw ReadError(path + ": the document is password-protected (encrypted); remove "
                                   "the password (save a copy without it) and try again");
        break;
    case Format::Rtf:
        if (got < 5 || std::memcmp(head, "{\\rtf", 5) != 0)
            throw ReadError(path + ": corrupted or not an RTF document (it does not start "
                                   "with {\\rtf)");
        break;
    default:
        break;
    }
}

} // namespace scrqm
