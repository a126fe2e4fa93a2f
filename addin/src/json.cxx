#include <scrqm/json.hxx>
#include <scrqm/strings.hxx>

#include <cmath>
#include <cstdio>

namespace scrqm
{

std::size_t json_too_deep(std::string_view text, std::size_t limit)
{
    std::size_t depth = 0;
    std::size_t line = 1;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i)
    {
        const char c = text[i];
        if (c == '\n')
            ++line;
        if (in_string)
        {
            if (c == '\\')
            {
                // The escaped character cannot end the string.
                if (i + 1 < text.size() && text[i + 1] == '\n')
                    ++line;
                ++i;
            }
            else if (c == '"')
                in_string = false;
        }
        else if (c == '"')
            in_string = true;
        else if (c == '[' || c == '{')
        {
            if (++depth > limit)
                return line;
        }
        else if ((c == ']' || c == '}') && depth > 0)
            --depth;
    }
    return 0;
}

void JsonWriter::separate()
{
    if (after_key_)
    {
        after_key_ = false;
        return;
    }
    if (!has_element_.empty())
    {
        if (has_element_.back())
            out_ += ',';
        has_element_.back() = true;
    }
}

// An object or an array: opened where a value may stand, closed in order.
JsonWriter& JsonWriter::open(char bracket)
{
    separate();
    out_ += bracket;
    has_element_.push_back(false);
    return *this;
}

JsonWriter& JsonWriter::close(char bracket)
{
    out_ += bracket;
    has_element_.pop_back();
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view name)
{
    separate();
    escape(out_, name);
    out_ += ':';
    after_key_ = true;
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view s)
{
    separate();
    escape(out_, s);
    return *this;
}

JsonWriter& JsonWriter::value(std::int64_t n)
{
    separate();
    out_ += std::to_string(n);
    return *this;
}

JsonWriter& JsonWriter::value(std::uint64_t n)
{
    separate();
    out_ += std::to_string(n);
    return *this;
}

JsonWriter& JsonWriter::value(double d)
{
    separate();
    if (!std::isfinite(d))
    {
        out_ += "null";
        return *this;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", d);
    out_ += buf;
    return *this;
}

JsonWriter& JsonWriter::value(bool b)
{
    separate();
    out_ += b ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::null()
{
    separate();
    out_ += "null";
    return *this;
}

void JsonWriter::escape(std::string& out, std::string_view s)
{
    out += '"';
    for (std::size_t i = 0; i < s.size();)
    {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80)
        {
            const std::size_t len = utf8_sequence(s, i);
            if (len == 0)
            {
                out += "\xEF\xBF\xBD";
                ++i;
            }
            else
            {
                out.append(s.substr(i, len));
                i += len;
            }
            continue;
        }
        switch (c)
        {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20)
            {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            }
            else
                out += static_cast<char>(c);
        }
        ++i;
    }
    out += '"';
}

} // namespace scrqm
