// String conversions between UNO (UTF-16 OUString) and the core (UTF-8).
#pragma once

#include <rtl/string.hxx>
#include <rtl/ustring.hxx>

#include <string>

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

} // namespace scrqm::lo
