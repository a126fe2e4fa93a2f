// String conversions between UNO (UTF-16 OUString) and the core (UTF-8), and
// a text cut into its lines.
#pragma once

#include <rtl/string.hxx>
#include <rtl/ustring.hxx>

#include <string>
#include <vector>

namespace scrqm::lo
{

inline std::string to_utf8(const rtl::OUString& s)
{
    const rtl::OString o = rtl::OUStringToOString(s, RTL_TEXTENCODING_UTF8);
    return std::string(o.getStr(), static_cast<std::size_t>(o.getLength()));
}

inline rtl::OUString to_ou(const std::string& s)
{
    return rtl::OUString(s.data(), static_cast<sal_Int32>(s.size()), RTL_TEXTENCODING_UTF8);
}

// The lines of `s`, cut at each '\n' (a text that ends with one ends with an
// empty line): what XText::getString gives, one entry a paragraph.
inline std::vector<rtl::OUString> split_lines(const rtl::OUString& s)
{
    std::vector<rtl::OUString> lines;
    for (sal_Int32 pos = 0;;)
    {
        const sal_Int32 nl = s.indexOf('\n', pos);
        lines.push_back(s.copy(pos, (nl < 0 ? s.getLength() : nl) - pos));
        if (nl < 0)
            return lines;
        pos = nl + 1;
    }
}

} // namespace scrqm::lo
