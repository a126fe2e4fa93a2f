#include <scrqm/kinds.hxx>

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <memory>

namespace scrqm
{

namespace
{

// How many body paragraphs count as the cover and title page: enough for a
// board's name, a pseudonym, an author list and a contents heading, few
// enough that the history told in the report ("the Serious Case Review
// of 2016") is not read as the report's own kind.
constexpr std::size_t kCoverParagraphs = 30;

struct KindPattern
{
    const char* profile;
    const char* pattern;
};

// Whole names only: acronyms such as "SAR" also mean other things.
constexpr KindPattern kPatterns[] = {
    {"lcspr-report", "\\b(local )?child safeguarding practice reviews?\\b|\\bLCSPR\\b"},
    {"sar-report", "\\bsafeguarding adults?'? reviews?\\b"},
    {"dhr-overview",
     "\\bdomestic homicide reviews?\\b|\\bdomestic abuse[- ]related death reviews?\\b"},
    {"scr-report", "\\bserious case reviews?\\b"},
};

struct Found
{
    std::int32_t start = -1;
    std::string text;
};

Found first_match(const icu::RegexPattern& pattern, const std::string& utf8)
{
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexMatcher> m(pattern.matcher(text, status));
    Found f;
    if (U_FAILURE(status) || !m->find(status))
        return f;
    f.start = m->start(status);
    m->group(status).toUTF8String(f.text);
    return f;
}

const std::vector<std::unique_ptr<icu::RegexPattern>>& compiled()
{
    static const std::vector<std::unique_ptr<icu::RegexPattern>> patterns = []
    {
        std::vector<std::unique_ptr<icu::RegexPattern>> out;
        for (const KindPattern& k : kPatterns)
        {
            UErrorCode status = U_ZERO_ERROR;
            UParseError pe;
            out.emplace_back(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(k.pattern),
                                                        UREGEX_CASE_INSENSITIVE, pe, status));
            if (U_FAILURE(status))
                out.back().reset(); // a built-in pattern: the unit test would catch it
        }
        return out;
    }();
    return patterns;
}

} // namespace

const std::vector<ReviewKind>& review_kinds()
{
    static const std::vector<ReviewKind> kinds = {
        {"scr-report", "scr-qm-2016", "Serious Case Review", "SCR"},
        {"lcspr-report", "scr-qm-2016", "Local Child Safeguarding Practice Review", "LCSPR"},
        {"sar-report", "sar-qm-2022", "Safeguarding Adults Review", "SAR"},
        {"dhr-overview", "scr-qm-2016", "Domestic Homicide Review (overview report)", "DHR"},
    };
    return kinds;
}

const ReviewKind* kind_of_profile(const std::string& profile)
{
    for (const ReviewKind& k : review_kinds())
        if (k.profile == profile)
            return &k;
    return nullptr;
}

DetectedKind detect_kind(const Document& doc)
{
    DetectedKind out;
    out.kind = &review_kinds().front();
    const auto& patterns = compiled();
    // One text at a time, in reading order: the title property first, then
    // the cover. Within one text the earliest name wins.
    auto look = [&](const std::string& text, std::size_t paragraph)
    {
        std::int32_t best = -1;
        for (std::size_t i = 0; i < patterns.size(); ++i)
        {
            if (!patterns[i])
                continue;
            const Found f = first_match(*patterns[i], text);
            if (f.start >= 0 && (best < 0 || f.start < best))
            {
                best = f.start;
                out.kind = kind_of_profile(kPatterns[i].profile);
                out.evidence = f.text;
                out.paragraph = paragraph;
                out.detected = true;
            }
        }
        return out.detected;
    };
    for (const char* name : {"title", "Title", "subject", "Subject"})
        if (const auto it = doc.properties.find(name); it != doc.properties.end())
            if (look(it->second, 0))
                return out;
    std::size_t seen = 0;
    for (const Paragraph& p : doc.paragraphs)
    {
        if (p.where != Where::Body)
            continue;
        if (++seen > kCoverParagraphs)
            break;
        if (look(p.text, p.index))
            return out;
    }
    return out;
}

std::string describe_kind(const DetectedKind& kind, const std::string& chosen_profile)
{
    if (!chosen_profile.empty() && (!kind.kind || chosen_profile != kind.kind->profile))
    {
        const ReviewKind* k = kind_of_profile(chosen_profile);
        // A board's own profile file: its name, not the path (which says
        // where the user keeps it, and differs on every machine).
        const std::string shown = chosen_profile.substr(chosen_profile.find_last_of('/') + 1);
        return (k ? k->title + " (" + chosen_profile + ")" : "the profile " + shown) +
               ", chosen with the profile option" +
               (kind.detected ? " (the cover names a " + kind.kind->title + ")" : "");
    }
    const std::string name = kind.kind->title + " (" + kind.kind->profile + ")";
    if (!chosen_profile.empty())
        return name + ", chosen with the profile option";
    return kind.detected ? name + ", detected from \"" + kind.evidence + "\""
                         : name + ", the default: the cover names no kind of review";
}

const std::vector<std::string>& template_names()
{
    static const std::vector<std::string> names = {
        "terms-of-reference",   "board-response",         "lcspr-terms-of-reference",
        "lcspr-board-response", "sar-terms-of-reference", "sar-board-response",
    };
    return names;
}

std::string template_list()
{
    const auto& names = template_names();
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i)
        out += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
    return out;
}

std::string framework_for(const Document& doc, const std::string& named)
{
    if (!named.empty())
        return named;
    const auto it = doc.properties.find(std::string("custom:") + kFrameworkProperty);
    if (it != doc.properties.end() && !it->second.empty())
        return it->second;
    return detect_kind(doc).kind->framework;
}

} // namespace scrqm
