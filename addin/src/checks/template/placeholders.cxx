// Template placeholder fields left in a document: guidance never replaced.
#include <scrqm/response.hxx>

#include "rules.hxx"

#include <unicode/unistr.h>

namespace scrqm
{

std::string text_without_placeholders(const Paragraph& p)
{
    if (p.placeholders.empty())
        return p.text;
    // Code points of each placeholder become spaces, so positions still hold.
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(p.text);
    for (const auto& [start, end] : p.placeholders)
    {
        const int32_t b = u.moveIndex32(0, static_cast<int32_t>(start));
        const int32_t e = u.moveIndex32(0, static_cast<int32_t>(end));
        const auto n = static_cast<int32_t>(end - start);
        u.replace(b, e - b, icu::UnicodeString(n, U' ', n));
    }
    std::string out;
    u.toUTF8String(out);
    return out;
}

std::vector<Finding> find_placeholders(const Document& doc)
{
    std::vector<Finding> out;
    for (const Paragraph& p : doc.paragraphs)
    {
        if (p.placeholders.empty())
            continue;
        const icu::UnicodeString u = icu::UnicodeString::fromUTF8(p.text);
        for (const auto& [start, end] : p.placeholders)
        {
            Finding f(rules::templates::placeholder);
            const int32_t b = u.moveIndex32(0, static_cast<int32_t>(start));
            const int32_t e = u.moveIndex32(0, static_cast<int32_t>(end));
            u.tempSubStringBetween(b, e).toUTF8String(f.text);
            f.message = "Template placeholder not replaced";
            f.where = p.where;
            f.paragraph = p.index;
            f.start = start;
            f.end = end;
            f.explanation = "a template placeholder field is still in the document: its guidance "
                            "would be published as it stands";
            f.advice = "Click the placeholder and type what it asks for, or delete it.";
            out.push_back(std::move(f));
        }
    }
    return out;
}

} // namespace scrqm
