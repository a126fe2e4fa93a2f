#include <scrqm/input_file.hxx>
#include <scrqm/outline.hxx>
#include <scrqm/text_reader.hxx>

#include <unicode/regex.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <optional>
#include <sys/stat.h>

namespace scrqm
{

namespace
{

bool valid_utf8(const std::string& s)
{
    UErrorCode status = U_ZERO_ERROR;
    UConverter* conv = ucnv_open("UTF-8", &status);
    if (U_FAILURE(status))
        return false;
    ucnv_setToUCallBack(conv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    std::vector<UChar> buf(s.size() + 1);
    ucnv_toUChars(conv, buf.data(), static_cast<int32_t>(buf.size()), s.data(),
                  static_cast<int32_t>(s.size()), &status);
    ucnv_close(conv);
    return U_SUCCESS(status) || status == U_STRING_NOT_TERMINATED_WARNING;
}

std::string convert_to_utf8(const std::string& bytes, const char* charset)
{
    icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), charset);
    std::string out;
    u.toUTF8String(out);
    return out;
}

// Decodes the file's bytes to UTF-8: UTF-8 (with or without BOM), UTF-16
// with BOM, else Windows-1252 (what older Word "Save as text" writes).
std::string decode(const std::string& bytes)
{
    if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0)
        return bytes.substr(3);
    if (bytes.size() >= 2 &&
        (bytes.compare(0, 2, "\xFF\xFE") == 0 || bytes.compare(0, 2, "\xFE\xFF") == 0))
    {
        std::string out = convert_to_utf8(bytes, "UTF-16");
        if (out.size() >= 3 && out.compare(0, 3, "\xEF\xBB\xBF") == 0)
            out.erase(0, 3);
        return out;
    }
    if (valid_utf8(bytes))
        return bytes;
    return convert_to_utf8(bytes, "windows-1252");
}

const icu::RegexPattern& pattern(bool markdown)
{
    static const auto compile = [](const char16_t* re)
    {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::RegexPattern> p(
            icu::RegexPattern::compile(icu::UnicodeString(re), 0, status));
        if (U_FAILURE(status))
            throw std::logic_error("bad built-in heading pattern");
        return p;
    };
    // "# Title", "## Title ##"
    static const auto md = compile(u"^\\s{0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    // "3. Analysis", "3.2 Findings", "3.2.1. Detail"
    static const auto numbered =
        compile(u"^\\s*(\\d{1,2}(?:\\.\\d{1,2}){0,5})(\\.?)\\s+(\\S.*?)\\s*$");
    return markdown ? *md : *numbered;
}

} // namespace

int heading_level(const std::string& line, bool markdown, std::string& title)
{
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(line);
    UErrorCode status = U_ZERO_ERROR;
    if (markdown)
    {
        std::unique_ptr<icu::RegexMatcher> m(pattern(true).matcher(u, status));
        if (U_SUCCESS(status) && m->matches(status) && m->group(2, status).length() > 0)
        {
            title.clear();
            m->group(2, status).toUTF8String(title);
            return m->group(1, status).length();
        }
        status = U_ZERO_ERROR;
    }
    std::unique_ptr<icu::RegexMatcher> m(pattern(false).matcher(u, status));
    if (U_FAILURE(status) || !m->matches(status))
        return 0;
    const icu::UnicodeString number = m->group(1, status);
    const bool dotted = m->group(2, status).length() > 0;
    const icu::UnicodeString text = m->group(3, status);
    const int level = 1 + static_cast<int>(std::count(number.getBuffer(),
                                                      number.getBuffer() + number.length(), u'.'));
    // A single number needs its dot ("3. Analysis"), else "12 Elm Grove"
    // would be a heading. A heading is short, starts with a capital and does
    // not end like a sentence or a list item.
    if (level == 1 && !dotted)
        return 0;
    if (!u_isupper(text.char32At(0)) || text.countChar32() > 100)
        return 0;
    const UChar32 last = text.char32At(text.length() - 1);
    if (last < 0x80 && std::strchr(".,;:?!", static_cast<char>(last)) != nullptr)
        return 0;
    int words = 1;
    for (int32_t i = 0; i < text.length(); ++i)
        if (text[i] == u' ')
            ++words;
    if (words > 14)
        return 0;
    title.clear();
    u.tempSubString(m->start(1, status)).trim().toUTF8String(title);
    return std::min(level, 6);
}

std::string file_extension(const std::string& path)
{
    const auto slash = path.find_last_of('/');
    const auto dot = path.find_last_of('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash))
        return {};
    std::string ext = path.substr(dot + 1);
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

Document read_text(const std::string& bytes, bool markdown, const std::string& file_name)
{
    if (std::memchr(bytes.data(), '\0', std::min<std::size_t>(bytes.size(), 8192)) != nullptr &&
        !(bytes.size() >= 2 &&
          (bytes.compare(0, 2, "\xFF\xFE") == 0 || bytes.compare(0, 2, "\xFE\xFF") == 0)))
        throw ReadError(file_name + ": not a text file (it contains binary data)");
    const std::string text = decode(bytes);
    Document doc;
    doc.file = file_name;
    doc.format = markdown ? "md" : "txt";
    std::size_t pos = 0;
    bool in_fence = false; // no headings inside ``` code blocks
    while (pos <= text.size())
    {
        std::size_t nl = text.find('\n', pos);
        if (nl == std::string::npos)
        {
            if (pos == text.size())
                break; // a final newline does not start another paragraph
            nl = text.size();
        }
        std::string line = text.substr(pos, nl - pos);
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        pos = nl + 1;
        if (markdown && line.rfind("```", 0) == 0)
            in_fence = !in_fence;
        std::string title;
        const int level = in_fence ? 0 : heading_level(line, markdown, title);
        // Markdown "#" is the author's heading; a numbered line is a guess
        // that the outline inference below confirms or drops.
        const bool guessed = level > 0 && (!markdown || heading_level(line, false, title) > 0);
        if (guessed)
            heading_level(line, markdown, title);
        const std::string plain = line;
        Paragraph& p = doc.add(Where::Body, std::move(line), level);
        if (level > 0)
            p.heading_title = std::move(title);
        p.heading_inferred = guessed;
        p.heading_confidence = guessed ? 0.5f : 0;
        // "**Title**" is how a text file writes a bold line.
        const auto b = plain.find_first_not_of(" \t");
        const auto e = plain.find_last_not_of(" \t");
        if (b != std::string::npos && e - b > 4 &&
            ((plain.compare(b, 2, "**") == 0 && plain.compare(e - 1, 2, "**") == 0) ||
             (plain.compare(b, 2, "__") == 0 && plain.compare(e - 1, 2, "__") == 0)))
            p.look.bold = 1;
    }
    // Headings from numbering, capitals and bold lines; the contents page's
    // lines are neither sections nor findings.
    if (std::optional<Document> inferred = with_inferred_outline(doc))
        return std::move(*inferred);
    return doc;
}

Document read_text_file(const std::string& path)
{
    const std::string bytes = read_input_file(path, "a document", kMaxTextBytes);
    const std::string ext = file_extension(path);
    Document doc = read_text(bytes, ext == "md" || ext == "markdown", path);
    // Nothing to check is not "ready to publish".
    const bool empty =
        std::none_of(doc.paragraphs.begin(), doc.paragraphs.end(),
                     [](const Paragraph& p)
                     { return icu::UnicodeString::fromUTF8(p.text).trim().length() > 0; });
    if (empty)
        throw ReadError(path + ": the document is empty (" +
                        (bytes.empty() ? std::string("0 bytes") : std::string("no text")) +
                        "); there is nothing to check");
    return doc;
}

} // namespace scrqm
