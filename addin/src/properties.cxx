#include <scrqm/properties.hxx>

#include <cstddef>
#include <sstream>

namespace scrqm
{

namespace
{

void append_utf8(std::string& out, unsigned cp)
{
    if (cp < 0x80)
        out += static_cast<char>(cp);
    else if (cp < 0x800)
    {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    else
    {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// The value of four hex digits at line[i], or -1.
long hex4(const std::string& line, std::size_t i)
{
    if (i + 4 > line.size())
        return -1;
    long v = 0;
    for (std::size_t k = i; k < i + 4; ++k)
    {
        const char c = line[k];
        const int d = c >= '0' && c <= '9'   ? c - '0'
                      : c >= 'a' && c <= 'f' ? c - 'a' + 10
                      : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                             : -1;
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

} // namespace

std::map<std::string, std::string> parse_properties(const std::string& text)
{
    std::map<std::string, std::string> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line))
    {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.empty() || line[0] == '#')
            continue;
        const auto eq = line.find('=');
        if (eq == std::string::npos)
            continue;
        std::string value;
        for (std::size_t i = eq + 1; i < line.size(); ++i)
        {
            const long cp = line[i] == '\\' && i + 1 < line.size() && line[i + 1] == 'u'
                                ? hex4(line, i + 2)
                                : -1;
            if (line[i] == '\\' && i + 1 < line.size() && line[i + 1] == 'n')
            {
                value += '\n';
                ++i;
            }
            else if (cp >= 0)
            {
                append_utf8(value, static_cast<unsigned>(cp));
                i += 5;
            }
            else
                value += line[i];
        }
        out[line.substr(0, eq)] = value;
    }
    return out;
}

std::string fill_slots(const std::string& pattern, const std::vector<std::string>& args)
{
    // One pass over the pattern: an argument's own text (a section title
    // with "{1}" in it) is never taken for a slot.
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i)
    {
        const std::size_t close = pattern[i] == '{' ? pattern.find('}', i + 1) : std::string::npos;
        if (close != std::string::npos && close > i + 1 && close - i - 1 <= 3 &&
            pattern.find_first_not_of("0123456789", i + 1) == close)
        {
            const std::size_t n = std::stoul(pattern.substr(i + 1, close - i - 1));
            if (n < args.size())
            {
                out += args[n];
                i = close;
                continue;
            }
        }
        out += pattern[i];
    }
    return out;
}

} // namespace scrqm
