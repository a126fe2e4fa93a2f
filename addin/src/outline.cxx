#include <scrqm/outline.hxx>
#include <scrqm/strings.hxx>
#include <scrqm/text.hxx>

#include <unicode/regex.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <tuple>

namespace scrqm
{

namespace
{

// Blanks and the no-break space (UTF-8 C2 A0, byte by byte).
constexpr std::string_view kBlanksNbsp = " \t\r\n\xC2\xA0";

using Pattern = std::unique_ptr<icu::RegexPattern>;

Pattern compile(const char* pattern)
{
    UErrorCode status = U_ZERO_ERROR;
    UParseError pe;
    Pattern p(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern),
                                         UREGEX_CASE_INSENSITIVE, pe, status));
    if (U_FAILURE(status))
        throw std::logic_error(std::string("bad built-in outline pattern: ") + pattern);
    return p;
}

// Group `group` of the first match, or nullopt.
std::optional<std::vector<std::string>> match(const icu::RegexPattern& p, const std::string& text,
                                              bool whole)
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
    std::unique_ptr<icu::RegexMatcher> m(p.matcher(u, status));
    if (U_FAILURE(status) || !(whole ? m->matches(status) : m->find(status)) || U_FAILURE(status))
        return std::nullopt;
    std::vector<std::string> groups;
    for (int32_t g = 0; g <= m->groupCount(); ++g)
    {
        std::string s;
        m->group(g, status).toUTF8String(s);
        groups.push_back(std::move(s));
    }
    return groups;
}

// The title as a reader sees it: Markdown emphasis around the whole line
// ("**Introduction**") is how a text file writes bold.
std::string plain_title(const std::string& text)
{
    std::string t = trim(text, kBlanksNbsp, kBlanksNbsp);
    for (const char* mark : {"**", "__"})
        if (t.size() > 4 && t.compare(0, 2, mark) == 0 && t.compare(t.size() - 2, 2, mark) == 0)
            return trim(t.substr(2, t.size() - 4), kBlanksNbsp, kBlanksNbsp);
    return t;
}

std::size_t word_count(const std::string& text)
{
    std::size_t n = 0;
    for (const Token& t : tokenize(icu::UnicodeString::fromUTF8(text)))
        n += t.alpha || t.number;
    return n;
}

// Letters only in capitals, and enough of them to be a heading, not "UK".
bool all_capitals(const std::string& text)
{
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
    int upper = 0;
    for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1))
    {
        const UChar32 c = u.char32At(i);
        if (u_islower(c))
            return false;
        upper += u_isupper(c) ? 1 : 0;
    }
    return upper >= 4;
}

struct Numbering
{
    int depth = 0;      // 1 for "3.", 2 for "3.2"; 0: none
    bool part = false;  // "PART 2": a grouping above the sections
    bool top = false;   // "Appendix A": a top-level section
    float weight = 0;   // how much it says "heading"
    std::string number; // as written
};

struct Patterns
{
    Pattern part = compile("^part\\s+(\\d{1,2}|[ivx]{1,5}|one|two|three|four|five|six)\\b"
                           "\\s*[:.\\u2013\\u2014-]?\\s*(.*)$");
    Pattern top = compile("^(?:appendix|annex|annexe|section)\\s+([a-z]|\\d{1,2}|[ivx]{1,5})\\b"
                          "\\s*[:.\\u2013\\u2014-]?\\s*(.*)$");
    Pattern numbered = compile("^(\\d{1,2}(?:\\.\\d{1,2}){0,4})(\\.?)\\s+(\\S.*)$");
    Pattern label = compile("^\\s*(\\d{1,2}(?:\\.\\d{1,2}){0,4})\\.?\\s*$");
    // Contents entries.
    Pattern leaders = compile("^(.*\\S)\\s*(?:\\.{3,}|\\u2026+|(?:\\s?\\.){4,}|_{3,}|\\t+)\\s*"
                              "(\\d{1,3}|[ivxlc]{1,6})\\s*$");
    Pattern page_run_in = compile("^(.*\\p{L}[^\\d]*?)\\s*(?:page|p\\.)\\s*\\d{1,3}\\s*$");
    Pattern ranges = compile("\\d{1,2}-\\d{1,3}\\s*[\\u2013\\u2014-]\\s*\\d{1,2}-\\d{1,3}");
    Pattern page_after = compile("^(\\D.*\\S)\\s+\\d{1,3}$");
    Pattern contents_title = compile("^(?:table of )?contents(?: page)?:?$|^index$");
};

const Patterns& patterns()
{
    static const Patterns p;
    return p;
}

// The depth of a dotted number: 1 for "3", 2 for "3.2".
int depth_of(const std::string& number)
{
    return 1 + static_cast<int>(std::count(number.begin(), number.end(), '.'));
}

Numbering numbering_of(const Paragraph& p, const std::string& title)
{
    const Patterns& pt = patterns();
    if (auto m = match(*pt.label, p.look.label, true))
        return {depth_of((*m)[1]), false, false, 0.5f, (*m)[1]};
    if (auto m = match(*pt.part, title, true))
        return {1, true, false, 0.6f, (*m)[1]};
    if (auto m = match(*pt.top, title, true))
        return {1, false, true, 0.55f, (*m)[1]};
    if (auto m = match(*pt.numbered, title, true))
    {
        const int depth = depth_of((*m)[1]);
        // "12 Elm Grove" is an address, "3. Analysis" a heading.
        return {depth, false, false, (depth > 1 || !(*m)[2].empty()) ? 0.5f : 0.15f, (*m)[1]};
    }
    return {};
}

bool strong_entry(const std::string& text)
{
    const Patterns& pt = patterns();
    if (text.size() > 300)
        return false;
    return match(*pt.leaders, text, true) || match(*pt.ranges, text, false) ||
           match(*pt.page_run_in, text, true);
}

// Body paragraphs of the contents page: after a "Contents" title, the lines
// that are entries (strong, "Title 3", or a heading repeated later) up to the
// first that is not; without a title, a run of at least three strong entries.
std::set<std::size_t> find_contents(const std::vector<const Paragraph*>& body)
{
    const Patterns& pt = patterns();
    std::set<std::size_t> out;
    // The texts each later paragraph has: a contents line repeats a heading
    // that comes after it.
    std::map<std::string, std::size_t> last_seen;
    for (std::size_t i = 0; i < body.size(); ++i)
        last_seen[fold(plain_title(body[i]->text))] = i;
    for (std::size_t i = 0; i < body.size(); ++i)
    {
        const std::string t = plain_title(body[i]->text);
        const bool titled = match(*pt.contents_title, t, true).has_value();
        if (!titled && !strong_entry(t))
            continue;
        std::vector<std::size_t> block;
        if (titled)
            block.push_back(i);
        std::size_t strong = 0, j = titled ? i + 1 : i;
        for (; j < body.size(); ++j)
        {
            const std::string e = plain_title(body[j]->text);
            if (e.empty())
                continue;
            if (strong_entry(e))
                ++strong;
            else if (!(titled && (match(*pt.page_after, e, true) || last_seen[fold(e)] > j)))
                break;
            block.push_back(j);
        }
        if (titled || strong >= 3)
            out.insert(block.begin(), block.end());
        i = j > i ? j - 1 : i;
    }
    return out;
}

struct Candidate
{
    std::size_t at = 0; // into body
    std::string title;
    Numbering numbering;
    float score = 0;
    std::string why;
    bool bold = false, caps = false;
    float size = 0;
};

} // namespace

bool is_contents_entry(const std::string& text)
{
    return strong_entry(plain_title(text));
}

InferredOutline infer_outline(const Document& doc)
{
    InferredOutline out;
    std::vector<const Paragraph*> body;
    for (const Paragraph& p : doc.paragraphs)
        if (p.where == Where::Body)
        {
            body.push_back(&p);
            out.styled = out.styled || (p.outline_level > 0 && !p.heading_inferred);
        }
    const std::set<std::size_t> contents = find_contents(body);
    for (std::size_t i : contents)
        out.contents.push_back(body[i]->index);
    if (out.styled)
        return out;

    // The body text's look: its usual size, and whether bold or capitals are
    // rare enough to mark headings at all.
    std::map<float, std::size_t> size_words;
    std::size_t nonblank = 0, bold = 0, caps = 0;
    std::vector<std::size_t> words(body.size(), 0);
    for (std::size_t i = 0; i < body.size(); ++i)
    {
        const std::string t = plain_title(body[i]->text);
        words[i] = word_count(t);
        if (words[i] == 0)
            continue;
        ++nonblank;
        bold += body[i]->look.bold >= 0.8f || t != trim(body[i]->text, kBlanksNbsp, kBlanksNbsp);
        caps += all_capitals(t);
        if (body[i]->look.size > 0)
            size_words[body[i]->look.size] += words[i];
    }
    float body_size = 0;
    std::size_t most = 0;
    for (const auto& [size, n] : size_words)
        if (n > most)
            most = n, body_size = size;
    const bool bold_marks = bold * 2 < nonblank;
    const bool caps_marks = caps * 2 < nonblank;

    std::vector<Candidate> found;
    for (std::size_t i = 0; i < body.size(); ++i)
    {
        const Paragraph& p = *body[i];
        const std::string t = plain_title(p.text);
        if (words[i] == 0 || contents.count(i) || words[i] > 14 || t.size() > 160)
            continue;
        const icu::UnicodeString u = icu::UnicodeString::fromUTF8(t);
        const UChar32 last = u.char32At(u.length() - 1);
        if (last < 0x80 && std::string(".,;:").find(static_cast<char>(last)) != std::string::npos)
            continue; // a sentence or a lead-in, not a heading
        Candidate c;
        c.at = i;
        c.title = t;
        c.numbering = numbering_of(p, t);
        // After the number, a heading starts with a capital.
        const std::string rest =
            c.numbering.number.empty() || !p.look.label.empty()
                ? t
                : trim(t.substr(std::min(t.size(),
                                         t.find(c.numbering.number) + c.numbering.number.size())),
                       kBlanksNbsp, kBlanksNbsp);
        const icu::UnicodeString r = icu::UnicodeString::fromUTF8(rest);
        std::int32_t k = 0;
        while (k < r.length() && !u_isalnum(r.char32At(k)))
            k = r.moveIndex32(k, 1);
        if (k < r.length() && u_islower(r.char32At(k)))
            continue;
        auto sign = [&](float weight, const std::string& why)
        {
            c.score += weight;
            c.why += (c.why.empty() ? "" : ", ") + why;
        };
        if (c.numbering.weight > 0)
            sign(c.numbering.weight,
                 (c.numbering.part ? "part " : "numbered ") + c.numbering.number);
        c.bold = p.look.bold >= 0.8f || t != trim(p.text, kBlanksNbsp, kBlanksNbsp);
        if (c.bold && bold_marks)
            sign(0.4f, "bold");
        c.size = p.look.size;
        if (body_size > 0 && p.look.size >= body_size * 1.12f)
            sign(p.look.size >= body_size * 1.3f ? 0.45f : 0.35f, "larger");
        c.caps = all_capitals(t);
        if (c.caps && caps_marks)
            sign(0.35f, "capitals");
        // A heading introduces something longer than itself.
        std::size_t next = i + 1;
        while (next < body.size() && (words[next] == 0 || contents.count(next)))
            ++next;
        if (next < body.size() && words[next] > words[i])
            sign(0.15f, "short line before longer text");
        if (c.score >= kMinHeadingConfidence)
            found.push_back(std::move(c));
    }

    // Levels: parts above everything; numbers give their depth; a look
    // (size, capitals) takes the depth of the numbered headings that share
    // it, else its rank among the other looks, larger first. Bold alone does
    // not rank: a report that marks its headings by bold marks them all so.
    const bool parts = std::any_of(found.begin(), found.end(),
                                   [](const Candidate& c) { return c.numbering.part; });
    using Look = std::pair<float, bool>; // size, capitals
    auto look_of = [](const Candidate& c) { return Look{c.size, c.caps}; };
    auto numbered = [](const Candidate& c)
    { return !c.numbering.part && c.numbering.depth > 0 && c.numbering.weight >= 0.5f; };
    std::map<Look, int> numbered_depth;
    for (const Candidate& c : found)
        if (numbered(c))
        {
            auto [it, fresh] = numbered_depth.emplace(look_of(c), c.numbering.depth);
            if (!fresh)
                it->second = std::min(it->second, c.numbering.depth);
        }
    std::set<Look> looks;
    for (const Candidate& c : found)
        if (!c.numbering.part && !numbered(c) && !numbered_depth.count(look_of(c)))
            looks.insert(look_of(c));
    std::vector<Look> ranked(looks.begin(), looks.end());
    std::sort(ranked.begin(), ranked.end(), [](const Look& a, const Look& b) { return a > b; });
    for (const Candidate& c : found)
    {
        InferredHeading h;
        h.paragraph = body[c.at]->index;
        h.title = c.title;
        h.confidence = std::min(1.0f, c.score);
        h.why = c.why;
        if (c.numbering.part)
            h.level = 1;
        else if (numbered(c))
            h.level = c.numbering.depth + (parts ? 1 : 0);
        else if (const auto it = numbered_depth.find(look_of(c)); it != numbered_depth.end())
            h.level = it->second + (parts ? 1 : 0);
        else
            h.level = static_cast<int>(std::find(ranked.begin(), ranked.end(), look_of(c)) -
                                       ranked.begin()) +
                      1 + (parts ? 1 : 0);
        h.level = std::clamp(h.level, 1, 6);
        out.headings.push_back(std::move(h));
    }
    return out;
}

std::optional<Document> with_inferred_outline(const Document& doc)
{
    const InferredOutline o = infer_outline(doc);
    if (o.styled && o.contents.empty())
        return std::nullopt;
    Document d = doc;
    const std::set<std::size_t> contents(o.contents.begin(), o.contents.end());
    std::map<std::size_t, const InferredHeading*> headings;
    for (const InferredHeading& h : o.headings)
        headings[h.paragraph] = &h;
    for (Paragraph& p : d.paragraphs)
    {
        if (p.where != Where::Body)
            continue;
        if (!o.styled && p.heading_inferred)
        {
            p.outline_level = 0;
            p.heading_inferred = false;
            p.heading_confidence = 0;
            p.heading_title.clear();
        }
        if (contents.count(p.index))
        {
            p.contents = true;
            // A styled "Contents" title is the author's section; its entries
            // never are.
            if (p.heading_inferred || !match(*patterns().contents_title, plain_title(p.text), true))
            {
                p.outline_level = 0;
                p.heading_inferred = false;
            }
            continue;
        }
        if (const auto it = headings.find(p.index); it != headings.end())
        {
            p.outline_level = it->second->level;
            p.heading_inferred = true;
            p.heading_confidence = it->second->confidence;
            p.heading_title = it->second->title;
        }
    }
    return d;
}

} // namespace scrqm
