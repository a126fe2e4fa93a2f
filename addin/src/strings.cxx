#include <scrqm/strings.hxx>

#include <cstdint>

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

std::size_t utf8_sequence(std::string_view s, std::size_t i)
{
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t len;
    std::uint32_t cp;
    if (b < 0x80)
        return 1;
    if ((b & 0xE0) == 0xC0)
        len = 2, cp = b & 0x1F;
    else if ((b & 0xF0) == 0xE0)
        len = 3, cp = b & 0x0F;
    else if ((b & 0xF8) == 0xF0)
        len = 4, cp = b & 0x07;
    else
        return 0;
    if (i + len > s.size())
        return 0;
    for (std::size_t k = 1; k < len; ++k)
    {
        const auto c = static_cast<unsigned char>(s[i + k]);
        if ((c & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (c & 0x3F);
    }
    // Reject overlong forms, surrogates and values past U+10FFFF.
    static constexpr std::uint32_t min_for_len[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min_for_len[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

} // namespace scrqm
