#include <scrqm/catalogue.hxx>
#include <scrqm/rule_examples.hxx>
#include <scrqm/strings.hxx>

#include <unicode/unistr.h>

#include <array>
#include <utility>

namespace scrqm
{

namespace
{

std::size_t code_points(const std::string& utf8)
{
    return static_cast<std::size_t>(icu::UnicodeString::fromUTF8(utf8).countChar32());
}

bool starts_with(const std::string& s, const char* prefix)
{
    return s.rfind(prefix, 0) == 0;
}

constexpr std::array<std::pair<const char*, Where>, 6> kPlaces = {{
    {"table", Where::Table},
    {"footnote", Where::Footnote},
    {"header", Where::Header},
    {"footer", Where::Footer},
    {"frame", Where::Frame},
    {"comment", Where::Comment},
}};

// Where the office reader puts the paragraph of each kind of hidden data.
Where place_of_hidden(const std::string& kind)
{
    if (kind == "comment")
        return Where::Comment;
    if (kind == "header")
        return Where::Header;
    if (kind == "footer")
        return Where::Footer;
    if (kind == "frame")
        return Where::Frame;
    if (kind == "tracked-change" || kind == "hidden-text" || kind == "hidden-paragraph")
        return Where::Body;
    return Where::Property; // properties, fields, images, objects, versions, settings
}

// Strips [[...]] and {{...}} from a line; returns the spans in code points.
std::string strip_marks(const std::string& line,
                        std::vector<std::pair<std::size_t, std::size_t>>& spans,
                        std::vector<std::pair<std::size_t, std::size_t>>& placeholders,
                        const std::string& markup)
{
    std::string out;
    std::size_t i = 0;
    while (i < line.size())
    {
        const bool span = line.compare(i, 2, "[[") == 0;
        if (span || line.compare(i, 2, "{{") == 0)
        {
            const std::size_t close = line.find(span ? "]]" : "}}", i + 2);
            if (close == std::string::npos)
                throw DataError("example \"" + markup + "\": unclosed " + (span ? "[[" : "{{"));
            const std::size_t start = code_points(out);
            out += line.substr(i + 2, close - i - 2);
            (span ? spans : placeholders).emplace_back(start, code_points(out));
            i = close + 2;
            continue;
        }
        out += line[i++];
    }
    return out;
}

} // namespace

ExampleDocument parse_example(const std::string& markup)
{
    ExampleDocument ex;
    for (std::string line : split(markup, "\n"))
    {
        if (starts_with(line, "%"))
        {
            if (starts_with(line, "%register "))
            {
                const std::string rest = line.substr(10);
                const std::size_t arrow = rest.find(" -> ");
                if (arrow == std::string::npos)
                    throw DataError("example \"" + markup + "\": %register REAL -> PSEUDONYM");
                ex.options.register_entries.push_back(
                    {rest.substr(0, arrow), rest.substr(arrow + 4), "name"});
            }
            else if (starts_with(line, "%allow "))
                ex.options.allow.push_back(line.substr(7));
            else if (starts_with(line, "%named "))
                ex.options.named.push_back(line.substr(7));
            else if (starts_with(line, "%deny "))
                ex.options.deny.push_back(line.substr(6));
            else
                throw DataError("example \"" + markup + "\": unknown directive " + line);
            continue;
        }
        Where where = Where::Body;
        int level = 0;
        std::string container;
        HiddenItem hidden;
        bool is_hidden = false;
        const std::size_t colon = line.find(": ");
        if (starts_with(line, "@") && colon != std::string::npos)
        {
            const std::string place = line.substr(1, colon - 1);
            bool known = false;
            for (const auto& [name, w] : kPlaces)
                if (place == name)
                    where = w, known = true;
            if (!known)
                throw DataError("example \"" + markup + "\": unknown place @" + place);
            line = line.substr(colon + 2);
        }
        else if (starts_with(line, "!") && colon != std::string::npos)
        {
            const std::string head = line.substr(1, colon - 1);
            const std::size_t space = head.find(' ');
            hidden.kind = head.substr(0, space);
            if (space != std::string::npos)
                hidden.name = head.substr(space + 1);
            where = place_of_hidden(hidden.kind);
            container = hidden.name.empty() ? hidden.kind : hidden.kind + " " + hidden.name;
            hidden.container = container;
            is_hidden = true;
            line = line.substr(colon + 2);
        }
        else
            while (level < 6 && line.size() > static_cast<std::size_t>(level) &&
                   line[static_cast<std::size_t>(level)] == '#')
                ++level;
        if (level > 0 && line.size() > static_cast<std::size_t>(level) &&
            line[static_cast<std::size_t>(level)] == ' ')
            line = line.substr(static_cast<std::size_t>(level) + 1);
        else
            level = 0;
        std::vector<std::pair<std::size_t, std::size_t>> spans, placeholders;
        const std::string text = strip_marks(line, spans, placeholders, markup);
        Paragraph& p = ex.doc.add(where, text, level, container);
        p.placeholders = placeholders;
        for (const auto& [b, e] : spans)
        {
            const icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
            std::string slice;
            u.tempSubStringBetween(u.moveIndex32(0, static_cast<int32_t>(b)),
                                   u.moveIndex32(0, static_cast<int32_t>(e)))
                .toUTF8String(slice);
            ex.spans.push_back({where, p.index, b, e, slice});
        }
        if (is_hidden)
        {
            hidden.where = where;
            hidden.paragraph = p.index;
            hidden.text = text;
            if (!spans.empty())
                hidden.start = spans.front().first, hidden.end = spans.front().second;
            ex.doc.hidden.push_back(hidden);
        }
    }
    ex.doc.format = "txt";
    return ex;
}

} // namespace scrqm
