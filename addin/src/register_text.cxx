// Reading a case register kept in clear by the reviewer (CSV or JSON),
// strictly: a register decides what is an identifier and what replaces it,
// so nothing in it is guessed. The encoding is read from the bytes (UTF-8
// with or without its mark, UTF-16 by its mark) or the file is refused; CSV
// columns are named by a header and found by their names, its delimiter is
// the one that makes that header (comma, semicolon or tab); every line that
// cannot be read is reported with its number, and then nothing is used.
#include <scrqm/anonymisation.hxx>
#include <scrqm/catalogue.hxx>
#include <scrqm/input_file.hxx>
#include <scrqm/json.hxx>
#include <scrqm/strings.hxx>
#include <scrqm/text.hxx>

#include <boost/property_tree/ptree.hpp>

#include <unicode/unistr.h>

#include <fstream>
#include <sstream>

namespace pt = boost::property_tree;

namespace scrqm
{

namespace
{

// An identifier is a name, an address, a date: a few words. A longer entry
// is a mistake (a pasted paragraph), and would cost every check dearly.
constexpr std::size_t kMaxIdentifierWords = 16;
constexpr std::size_t kMaxIdentifierChars = 200;
// The rejected lines a message names before it counts the rest.
constexpr std::size_t kNamedRejections = 5;

// The register's text as UTF-8, from the encodings a spreadsheet or an
// editor writes; anything else is refused, naming the line.
std::string decode(const std::string& bytes, const std::string& name)
{
    auto refuse = [&name](const std::string& why) { throw DataError(name + ": " + why); };
    const bool le = bytes.compare(0, 2, "\xFF\xFE") == 0;
    if (le || bytes.compare(0, 2, "\xFE\xFF") == 0)
    {
        if (bytes.size() % 2 != 0)
            refuse("UTF-16 with an odd number of bytes: the file is cut short");
        std::u16string units;
        for (std::size_t i = 2; i + 1 < bytes.size(); i += 2)
        {
            const auto lo = static_cast<unsigned char>(bytes[le ? i : i + 1]);
            const auto hi = static_cast<unsigned char>(bytes[le ? i + 1 : i]);
            units += static_cast<char16_t>(hi << 8 | lo);
        }
        std::size_t line = 1;
        for (std::size_t i = 0; i < units.size(); ++i)
        {
            const char16_t u = units[i];
            if (u == u'\n')
                ++line;
            else if (u == 0)
                refuse("line " + std::to_string(line) + ": a NUL character: not a case register");
            else if (u >= 0xD800 && u <= 0xDBFF && i + 1 < units.size() && units[i + 1] >= 0xDC00 &&
                     units[i + 1] <= 0xDFFF)
                ++i;
            else if (u >= 0xD800 && u <= 0xDFFF)
                refuse("line " + std::to_string(line) + ": broken UTF-16 (a lone surrogate)");
        }
        std::string out;
        icu::UnicodeString(units.data(), static_cast<int32_t>(units.size())).toUTF8String(out);
        return out;
    }
    const std::size_t from = bytes.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    if (bytes.compare(0, 8, "\x89PNG\r\n\x1A\n") == 0)
        refuse("a PNG image, not a case register (CSV or JSON text)");
    std::size_t line = 1;
    for (std::size_t i = from; i < bytes.size();)
    {
        if (bytes[i] == '\0')
            refuse("line " + std::to_string(line) +
                   ": a NUL byte: binary data or UTF-16 without its byte order mark, not a case "
                   "register (save it as UTF-8 CSV or JSON)");
        if (bytes[i] == '\n')
            ++line;
        const std::size_t n = utf8_sequence(bytes, i);
        if (n == 0)
            refuse("line " + std::to_string(line) +
                   ": not UTF-8 (Latin-1 or Windows-1252?): save the register as UTF-8");
        i += n;
    }
    return bytes.substr(from);
}

// Why an entry cannot be used, or "".
std::string entry_problem(const RegisterEntry& e)
{
    if (e.real.empty())
        return "no real identifier";
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(e.real);
    if (static_cast<std::size_t>(u.countChar32()) > kMaxIdentifierChars)
        return "a real identifier longer than " + std::to_string(kMaxIdentifierChars) +
               " characters (one identifier a line)";
    std::size_t words = 0;
    bool in_word = false;
    for (const char c : e.real)
    {
        const bool space = c == ' ' || c == '\t';
        words += !space && !in_word;
        in_word = !space;
    }
    if (words > kMaxIdentifierWords)
        return "a real identifier of more than " + std::to_string(kMaxIdentifierWords) +
               " words (one identifier a line)";
    return {};
}

class Rejections
{
public:
    explicit Rejections(std::string name) : name_(std::move(name)) {}
    void add(const std::string& where, const std::string& why)
    {
        if (++count_ <= kNamedRejections)
            text_ += (text_.empty() ? "" : "; ") + where + ": " + why;
    }
    // One line for all of them: the register is used whole or not at all.
    void throw_if_any(const char* one, const char* many) const
    {
        if (count_ == 0)
            return;
        std::string more;
        if (count_ > kNamedRejections)
            more = "; and " + std::to_string(count_ - kNamedRejections) + " more";
        throw DataError(name_ + ": " + std::to_string(count_) + " " + (count_ == 1 ? one : many) +
                        " rejected, nothing used: " + text_ + more);
    }

private:
    std::string name_;
    std::string text_;
    std::size_t count_ = 0;
};

std::vector<RegisterEntry> parse_json_register(const std::string& text, const std::string& name)
{
    const pt::ptree root = parse_json_data(text, name);
    const pt::ptree* list = &root;
    if (const auto entries = root.get_child_optional("entries"))
        list = &*entries;
    else
        for (const auto& member : root)
            if (!member.first.empty())
                throw DataError(name + ": a JSON register is a list of entries, or an object "
                                       "with an \"entries\" list");
    std::vector<RegisterEntry> out;
    Rejections rejected(name);
    std::size_t n = 0;
    for (const auto& [key, node] : *list)
    {
        const std::string where = "entry " + std::to_string(++n);
        if (!key.empty() || node.empty())
        {
            rejected.add(where, "not an object with \"real\" and \"pseudonym\"");
            continue;
        }
        bool known = true;
        for (const auto& [member, value] : node)
            if (member != "real" && member != "pseudonym" && member != "kind")
            {
                rejected.add(where, "unknown member \"" + member +
                                        "\" (an entry has real, pseudonym and kind)");
                known = false;
                break;
            }
        if (!known)
            continue;
        RegisterEntry e{trim(node.get<std::string>("real", ""), " \t", " \t"),
                        trim(node.get<std::string>("pseudonym", ""), " \t", " \t"),
                        trim(node.get<std::string>("kind", ""), " \t", " \t")};
        if (const std::string problem = entry_problem(e); !problem.empty())
            rejected.add(where, problem);
        else
            out.push_back(std::move(e));
    }
    rejected.throw_if_any("entry", "entries");
    return out;
}

// One CSV line's cells (RFC 4180 quoting within the line), or why not.
bool split_csv(const std::string& line, char delimiter, std::vector<std::string>& cells,
               std::string& problem)
{
    cells.assign(1, {});
    bool quoted = false, was_quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i)
    {
        const char c = line[i];
        if (quoted)
        {
            if (c != '"')
                cells.back() += c;
            else if (i + 1 < line.size() && line[i + 1] == '"')
                cells.back() += '"', ++i;
            else
                quoted = false;
        }
        else if (c == delimiter)
        {
            cells.emplace_back();
            was_quoted = false;
        }
        else if (c == '"')
        {
            if (!trim(cells.back(), " \t", " \t").empty() || was_quoted)
            {
                problem = "a quote inside a cell (quote the whole cell, doubling inner quotes)";
                return false;
            }
            cells.back().clear();
            quoted = was_quoted = true;
        }
        else if (was_quoted && c != ' ' && c != '\t')
        {
            problem = "text after a quoted cell";
            return false;
        }
        else
            cells.back() += c;
    }
    if (quoted)
    {
        problem = "a quote not closed on its line";
        return false;
    }
    for (std::string& cell : cells)
        cell = trim(cell, " \t", " \t");
    return true;
}

std::vector<RegisterEntry> parse_csv_register(const std::string& text, const std::string& name)
{
    std::vector<std::string> lines;
    {
        std::istringstream in(text);
        for (std::string line; std::getline(in, line);)
        {
            if (!line.empty() && line.back() == '\r')
                line.pop_back();
            lines.push_back(std::move(line));
        }
    }
    // The header: the first line that is not blank or a # comment.
    std::size_t h = 0;
    while (h < lines.size() &&
           (trim(lines[h], " \t", " \t").empty() || trim(lines[h], " \t", " \t")[0] == '#'))
        ++h;
    if (h == lines.size())
        throw DataError(name + ": no header line: a CSV register starts with real,pseudonym,kind");
    // Its delimiter is the one that splits it into known column names.
    char delimiter = 0;
    std::vector<std::string> header;
    for (const char d : {',', ';', '\t'})
    {
        std::vector<std::string> cells;
        std::string problem;
        if (lines[h].find(d) == std::string::npos || !split_csv(lines[h], d, cells, problem))
            continue;
        bool known = true;
        for (std::string& c : cells)
        {
            c = fold(c);
            known = known && (c == "real" || c == "pseudonym" || c == "kind");
        }
        if (known)
        {
            delimiter = d;
            header = std::move(cells);
            break;
        }
    }
    const auto column = [&header](const char* what) -> int
    {
        int at = -1;
        for (std::size_t i = 0; i < header.size(); ++i)
            if (header[i] == what)
                at = at < 0 ? static_cast<int>(i) : -2;
        return at;
    };
    const int real = column("real"), pseudonym = column("pseudonym"), kind = column("kind");
    if (delimiter == 0 || real < 0 || pseudonym < 0 || kind == -2)
        throw DataError(name + ": line " + std::to_string(h + 1) +
                        ": a CSV register starts with a header naming its columns once each, "
                        "real and pseudonym (and kind), separated by commas, semicolons or tabs; "
                        "found \"" +
                        lines[h].substr(0, 60) + "\"");
    std::vector<RegisterEntry> out;
    Rejections rejected(name);
    for (std::size_t i = h + 1; i < lines.size(); ++i)
    {
        const std::string& line = lines[i];
        if (trim(line, " \t", " \t").empty() || trim(line, " \t", " \t")[0] == '#')
            continue;
        const std::string where = "line " + std::to_string(i + 1);
        std::vector<std::string> cells;
        std::string problem;
        if (!split_csv(line, delimiter, cells, problem))
        {
            rejected.add(where, problem);
            continue;
        }
        if (cells.size() != header.size())
        {
            rejected.add(where, std::to_string(cells.size()) + " cells, the header has " +
                                    std::to_string(header.size()));
            continue;
        }
        RegisterEntry e{cells[static_cast<std::size_t>(real)],
                        cells[static_cast<std::size_t>(pseudonym)],
                        kind >= 0 ? cells[static_cast<std::size_t>(kind)] : std::string()};
        if (problem = entry_problem(e); !problem.empty())
            rejected.add(where, problem);
        else
            out.push_back(std::move(e));
    }
    rejected.throw_if_any("line", "lines");
    return out;
}

} // namespace

std::vector<RegisterEntry> load_register(const std::string& path)
{
    return parse_register(read_input_file(path, "a case register", kMaxRegisterBytes), path);
}

std::vector<RegisterEntry> parse_register(const std::string& bytes, const std::string& name)
{
    if (bytes.size() > kMaxRegisterBytes)
        throw DataError(name + ": too large for a case register (the limit is " +
                        std::to_string(kMaxRegisterBytes >> 20) + " MB)");
    const std::string text = decode(bytes, name);
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        throw DataError(name + ": empty: a case register has a header line (real,pseudonym,kind) "
                               "and a line per identifier, or is a JSON list");
    if (text[first] == '[' || text[first] == '{')
        return parse_json_register(text, name);
    return parse_csv_register(text, name);
}

std::string register_to_json(const std::vector<RegisterEntry>& entries)
{
    JsonWriter w;
    w.begin_array();
    for (const RegisterEntry& r : entries)
        w.begin_object()
            .member("real", r.real)
            .member("pseudonym", r.pseudonym)
            .member("kind", r.kind)
            .end_object();
    w.end_array();
    return w.take();
}

} // namespace scrqm
