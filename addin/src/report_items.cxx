#include <scrqm/report_items.hxx>
#include <scrqm/strings.hxx>
#include <scrqm/text.hxx>

#include <unicode/regex.h>

#include <memory>
#include <optional>
#include <stdexcept>

namespace scrqm
{

namespace
{

std::unique_ptr<icu::RegexPattern> compile(const char* pattern)
{
    UErrorCode status = U_ZERO_ERROR;
    UParseError pe;
    std::unique_ptr<icu::RegexPattern> p(icu::RegexPattern::compile(
        icu::UnicodeString::fromUTF8(pattern), UREGEX_CASE_INSENSITIVE, pe, status));
    if (U_FAILURE(status))
        throw std::logic_error(std::string("bad built-in pattern: ") + pattern);
    return p;
}

struct Opening
{
    ReportItem::Kind kind;
    int number;
    std::string title;
};

class Matcher
{
public:
    Matcher()
        : labelled_(
              compile("^\\s*(?:\\d+(?:\\.\\d+)*\\.?\\s+)?(finding|recommendation)\\s+(\\d{1,3})"
                      "(?![\\d.]\\d)\\s*[:.)\\u2013\\u2014-]?\\s*(.*)$")),
          numbered_(compile("^\\s*(\\d{1,3})\\s*[.)]\\s+(\\S.*)$")),
          findings_section_(compile("\\bfindings?\\b")),
          recommendations_section_(compile("\\brecommendations?\\b"))
    {
    }

    std::optional<Opening> labelled(const std::string& text) const
    {
        UErrorCode status = U_ZERO_ERROR;
        const icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
        std::unique_ptr<icu::RegexMatcher> m(labelled_->matcher(u, status));
        if (U_FAILURE(status) || !m->find(status))
            return std::nullopt;
        std::string kind, number, title;
        m->group(1, status).toUTF8String(kind);
        m->group(2, status).toUTF8String(number);
        m->group(3, status).toUTF8String(title);
        if (U_FAILURE(status))
            return std::nullopt;
        const bool rec = kind[0] == 'r' || kind[0] == 'R';
        return Opening{rec ? ReportItem::Kind::Recommendation : ReportItem::Kind::Finding,
                       digits_value(number), trim(title)};
    }

    std::optional<Opening> numbered(const std::string& text, const std::string& section) const
    {
        std::optional<ReportItem::Kind> kind;
        if (find(*recommendations_section_, section))
            kind = ReportItem::Kind::Recommendation;
        else if (find(*findings_section_, section))
            kind = ReportItem::Kind::Finding;
        if (!kind)
            return std::nullopt;
        UErrorCode status = U_ZERO_ERROR;
        const icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
        std::unique_ptr<icu::RegexMatcher> m(numbered_->matcher(u, status));
        if (U_FAILURE(status) || !m->find(status))
            return std::nullopt;
        std::string number, title;
        m->group(1, status).toUTF8String(number);
        m->group(2, status).toUTF8String(title);
        if (U_FAILURE(status))
            return std::nullopt;
        return Opening{*kind, digits_value(number), trim(title)};
    }

private:
    static bool find(const icu::RegexPattern& p, const std::string& text)
    {
        UErrorCode status = U_ZERO_ERROR;
        const icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
        std::unique_ptr<icu::RegexMatcher> m(p.matcher(u, status));
        return U_SUCCESS(status) && m->find(status);
    }

    std::unique_ptr<icu::RegexPattern> labelled_, numbered_, findings_section_,
        recommendations_section_;
};

} // namespace

const char* to_string(ReportItem::Kind kind)
{
    return kind == ReportItem::Kind::Finding ? "finding" : "recommendation";
}

std::vector<ReportItem> extract_report_items(const Document& doc)
{
    static const Matcher matcher;
    std::vector<ReportItem> items;
    // The open item and the heading level that closes it (0: any heading).
    ReportItem* open = nullptr;
    int closing_level = 0;
    std::string section;
    const std::size_t body_count = doc.count(Where::Body);
    auto close = [&](std::size_t at)
    {
        if (open)
            open->end = at;
        open = nullptr;
    };
    for (const Paragraph& p : doc.paragraphs)
    {
        // A contents line names a finding; it is not one.
        if (p.where != Where::Body || p.contents)
            continue;
        const std::string text =
            p.outline_level > 0 && !p.heading_title.empty() ? p.heading_title : trim(p.text);
        std::optional<Opening> opening = matcher.labelled(text);
        if (p.outline_level > 0)
        {
            if (open && (closing_level == 0 || p.outline_level <= closing_level || opening))
                close(p.index);
            if (!opening)
                section = text;
        }
        else if (!opening && !(open && open->heading))
            opening = matcher.numbered(text, section);
        if (opening)
        {
            close(p.index);
            ReportItem item;
            item.kind = opening->kind;
            item.number = opening->number;
            item.label = std::string(item.kind == ReportItem::Kind::Finding ? "Finding "
                                                                            : "Recommendation ") +
                         std::to_string(item.number);
            item.title = opening->title;
            item.text = opening->title;
            item.paragraph = p.index;
            item.end = body_count;
            item.heading = p.outline_level > 0;
            item.section = section;
            items.push_back(std::move(item));
            open = &items.back();
            closing_level = p.outline_level;
            continue;
        }
        if (open && p.outline_level == 0 && !trim(p.text).empty())
            open->text += (open->text.empty() ? "" : "\n") + trim(p.text);
    }
    return items;
}

} // namespace scrqm
