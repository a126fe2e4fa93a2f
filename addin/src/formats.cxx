#include <scrqm/formats.hxx>
#include <scrqm/input_file.hxx>
#include <scrqm/text_reader.hxx>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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
} // namespace

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
    switch (format)
    {
    case Format::Docx:
        if (ole)
            throw ReadError(path + ": the document is password-protected (encrypted); remove "
                                   "the password (save a copy without it) and try again");
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
        if (!ole)
            throw ReadError(path + ": corrupted or not a Word 97-2003 .doc document");
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
