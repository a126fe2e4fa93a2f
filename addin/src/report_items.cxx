#include <scrqm/report_items.hxx>
#include <scrqm/strings.hxx>
#include <scrqm/text.hxx>

#include <unicode/regex.h>

#include <cctype>
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
    int number; // 0: unnumbered
    std::string title;
    std::string word; // as labelled: "Learning point"; empty: the kind's
};

class Matcher
{
public:
    Matcher()
        : labelled_(compile("^\\s*(?:\\d+(?:\\.\\d+)*\\.?\\s+)?(finding|recommendation|learning "
                            "point|consideration)\\s+(\\d{1,3})"
                            "(?![\\d.]\\d)\\s*[:.)\\u2013\\u2014-]?\\s*(.*)$")),
          numbered_(compile("^\\s*(\\d{1,3})\\s*[.)]\\s+(\\S.*)$")),
          findings_section_(compile("\\bfindings?\\b")),
          recommendations_section_(compile("\\brecommendations?\\b|\\bconsiderations?\\s+for\\b|^"
                                           "\\W*(?:\\d[\\d.]*\\s*)?learning\\s+"
                                           "points?\\b"))
    {
    }

    // `area`: the kind of the section it is in, if known. "Learning point
    // N" is a finding in a findings section (as LCSPRs use it), else a
    // recommendation.
    std::optional<Opening> labelled(const std::string& text,
                                    std::optional<ReportItem::Kind> area) const
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
        const char k = static_cast<char>(std::tolower(static_cast<unsigned char>(kind[0])));
        const bool rec = k == 'r' || k == 'c' || (k == 'l' && area != ReportItem::Kind::Finding);
        std::string word = kind.substr(0, 1);
        for (std::size_t i = 1; i < kind.size(); ++i)
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(kind[i])));
        word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
        return Opening{rec ? ReportItem::Kind::Recommendation : ReportItem::Kind::Finding,
                       digits_value(number), trim(title), word};
    }

    // The kind of section a heading title names, without a profile.
    std::optional<ReportItem::Kind> area_of(const std::string& title) const
    {
        if (find(*recommendations_section_, title))
            return ReportItem::Kind::Recommendation;
        if (find(*findings_section_, title))
            return ReportItem::Kind::Finding;
        return std::nullopt;
    }

    std::optional<Opening> numbered(const std::string& text,
                                    std::optional<ReportItem::Kind> kind) const
    {
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
        return Opening{*kind, digits_value(number), trim(title), {}};
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

std::vector<ReportItem> extract_report_items(const Document& doc, const ItemAreas& areas)
{
    static const Matcher matcher;
    std::vector<ReportItem> items;
    // The open item and the heading level that closes it (0: any heading).
    ReportItem* open = nullptr;
    int closing_level = 0;
    std::string section;
    // The findings or recommendations section the walk is in, and its level.
    // Its kind is the profile's (`areas`: `given`) or, for any other
    // section, the one its title names.
    std::optional<ReportItem::Kind> area;
    bool given = false;
    int area_level = 0;
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
        std::optional<Opening> opening;
        if (p.outline_level > 0 && area && p.outline_level <= area_level)
            area.reset(); // a heading that closes the section
        const bool hinted =
            p.outline_level > 0 && (p.index == areas.findings || p.index == areas.recommendations);
        if (hinted)
        {
            area = p.index == areas.findings ? ReportItem::Kind::Finding
                                             : ReportItem::Kind::Recommendation;
            area_level = p.outline_level;
            given = true;
        }
        else
            opening = matcher.labelled(text, area);
        if (p.outline_level > 0)
        {
            if (open && (closing_level == 0 || p.outline_level <= closing_level || opening))
                close(p.index);
            if (!opening && given && area && p.outline_level > area_level)
                opening = Opening{*area, 0, text, {}}; // a sub-heading with no number
            if (!opening)
            {
                section = text;
                if (!hinted)
                {
                    area = matcher.area_of(text);
                    area_level = p.outline_level;
                    given = false;
                }
            }
        }
        else if (!opening && !(open && open->heading))
            opening = matcher.numbered(text, area);
        if (opening)
        {
            close(p.index);
            ReportItem item;
            item.kind = opening->kind;
            item.number = opening->number;
            const std::string word = !opening->word.empty()                   ? opening->word
                                     : item.kind == ReportItem::Kind::Finding ? "Finding"
                                                                              : "Recommendation";
            item.label = word + " " +
                         (item.number > 0 ? std::to_string(item.number)
                                          : "\u201c" + opening->title + "\u201d");
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
