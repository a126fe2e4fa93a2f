#include <scrqm/strings.hxx>

namespace scrqm
{

std::string trim(std::string_view s, std::string_view front, std::string_view back)
{
    const std::size_t b = s.find_first_not_of(front);
    if (b == std::string_view::npos)
        return {};
    return std::string(s.substr(b, s.find_last_not_of(back) - b + 1));
}

std::string join(const std::vector<std::string>& items, std::string_view separator)
{
    std::string out;
    for (const std::string& s : items)
    {
        if (!out.empty())
            out += separator;
        out += s;
    }
    return out;
}

std::vector<std::string> split(std::string_view s, std::string_view separators)
{
    std::vector<std::string> out;
    for (std::size_t pos = 0;;)
    {
        const std::size_t end = s.find_first_of(separators, pos);
        out.emplace_back(s.substr(pos, end == std::string_view::npos ? s.npos : end - pos));
        if (end == std::string_view::npos)
            return out;
        pos = end + 1;
    }
}

} // namespace scrqm
