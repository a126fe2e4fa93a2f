#include <scrqm/json.hxx>
#include <scrqm/report_export.hxx>

#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <set>
#include <sstream>
#include <stdexcept>
#include <utility>

namespace scrqm
{

namespace
{

std::u32string to_u32(const std::string& utf8)
{
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
    std::u32string out;
    out.reserve(static_cast<std::size_t>(u.length()));
    for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1))
        out.push_back(static_cast<char32_t>(u.char32At(i)));
    return out;
}

std::string to_utf8(const std::u32string& s, std::size_t begin = 0,
                    std::size_t end = std::u32string::npos)
{
    end = std::min(end, s.size());
    icu::UnicodeString u;
    for (std::size_t i = begin; i < end; ++i)
        u.append(static_cast<UChar32>(s[i]));
    std::string out;
    u.toUTF8String(out);
    return out;
}

// One code point to its matching key: case folded, diacritics dropped,
// typographic apostrophes, dashes and spaces made plain. One code point in,
// one out, so positions in the folded text are positions in the original.
char32_t fold_cp(char32_t c)
{
    UChar32 f = u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT);
    switch (f)
    {
    case 0x2018:
    case 0x2019:
    case 0x02BC:
        return U'\'';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2212:
        return U'-';
    case 0x00A0:
    case 0x2007:
    case 0x202F:
    case U'\t':
        return U' ';
    default:
        break;
    }
    UErrorCode status = U_ZERO_ERROR;
    static const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    icu::UnicodeString decomposed;
    if (nfd && nfd->getDecomposition(f, decomposed) && decomposed.length() > 0)
        f = u_foldCase(decomposed.char32At(0), U_FOLD_CASE_DEFAULT);
    return static_cast<char32_t>(f);
}

std::u32string fold_u32(const std::u32string& s)
{
    std::u32string out(s.size(), U' ');
    std::transform(s.begin(), s.end(), out.begin(), fold_cp);
    return out;
}

bool is_word(char32_t c)
{
    return u_isalnum(static_cast<UChar32>(c)) != 0;
}

bool is_space(char32_t c)
{
    return u_isUWhiteSpace(static_cast<UChar32>(c)) != 0;
}

std::string rule_of(const std::string& check)
{
    const std::size_t dot = check.find('.');
    return dot == std::string::npos ? std::string() : check.substr(dot + 1);
}

std::string family_of(const std::string& check)
{
    return check.substr(0, check.find('.'));
}

} // namespace

bool is_identifier_finding(const Finding& f)
{
    if (family_of(f.check) != "anonymisation")
        return false;
    const std::string rule = rule_of(f.check);
    return rule != "jigsaw" && rule != "jigsaw-section" && rule.rfind("pseudonym", 0) != 0;
}

// ------------------------------------------------------------ context
namespace
{

// The identifiers of one paragraph, asked which of them straddles a place
// in O(log n): a paragraph of 100,000 phone numbers asked each finding's
// window edges of every identifier.
class Spans
{
public:
    void add(std::size_t a, std::size_t b) { spans_.emplace_back(a, b); }
    void index()
    {
        by_end_ = spans_;
        std::sort(spans_.begin(), spans_.end());
        std::sort(by_end_.begin(), by_end_.end(),
                  [](const auto& x, const auto& y) { return x.second < y.second; });
        max_end_.resize(spans_.size());
        for (std::size_t k = 0; k < spans_.size(); ++k)
            max_end_[k] = std::max(k ? max_end_[k - 1] : 0, spans_[k].second);
        min_start_.resize(by_end_.size());
        for (std::size_t k = by_end_.size(); k-- > 0;)
            min_start_[k] = std::min(k + 1 < by_end_.size() ? min_start_[k + 1] : by_end_[k].first,
                                     by_end_[k].first);
    }
    // The furthest end of the identifiers starting before `x` (0: none).
    std::size_t end_after(std::size_t x) const
    {
        const auto it =
            std::lower_bound(spans_.begin(), spans_.end(), std::make_pair(x, std::size_t{0}));
        const std::size_t k = static_cast<std::size_t>(it - spans_.begin());
        return k == 0 ? 0 : max_end_[k - 1];
    }
    // The earliest start of the identifiers ending after `x` (npos: none).
    std::size_t start_before(std::size_t x) const
    {
        const auto it = std::upper_bound(by_end_.begin(), by_end_.end(), x,
                                         [](std::size_t v, const auto& s) { return v < s.second; });
        const std::size_t k = static_cast<std::size_t>(it - by_end_.begin());
        return k == by_end_.size() ? static_cast<std::size_t>(-1) : min_start_[k];
    }

private:
    std::vector<std::pair<std::size_t, std::size_t>> spans_, by_end_;
    std::vector<std::size_t> max_end_, min_start_;
};

} // namespace

void add_context(std::vector<Finding>& findings, const Document& doc,
                 const std::vector<Section>& sections, std::size_t width)
{
    using Key = std::pair<int, std::size_t>;
    std::map<Key, const Paragraph*> paragraphs;
    for (const Paragraph& p : doc.paragraphs)
        paragraphs.emplace(Key{static_cast<int>(p.where), p.index}, &p);
    std::map<Key, Spans> spans;
    for (const Finding& f : findings)
        if (is_identifier_finding(f))
            spans[{static_cast<int>(f.where), f.paragraph}].add(f.start, f.end);
    for (auto& [key, paragraph_spans] : spans)
        paragraph_spans.index();

    Key cached_key{-1, 0};
    std::u32string text;
    for (Finding& f : findings)
    {
        const Key key{static_cast<int>(f.where), f.paragraph};
        const auto it = paragraphs.find(key);
        if (it == paragraphs.end())
            continue;
        const Paragraph& p = *it->second;
        if (f.where != Where::Property)
            for (const Section& s : sections) // the last match is the deepest
                if (s.paragraph <= p.anchor && p.anchor < s.end)
                    f.section = s.title;
        if (key != cached_key)
        {
            text = to_u32(p.text);
            cached_key = key;
        }
        const std::size_t n = text.size();
        const std::size_t start = std::min(f.start, n);
        const std::size_t end = std::min(std::max(f.end, start), n);
        const Spans& inside = spans[key];
        // At most `width` code points on each side, as documented: the
        // window moves inwards, never outwards, so as not to cut a word or an
        // identifier in half; a word longer than the window is cut (a 2 MB
        // "word" gave a context of the whole word).
        std::size_t begin = start > width ? start - width : 0;
        if (begin > 0)
        {
            std::size_t b = begin;
            for (bool moved = true; moved && b < start;)
            {
                while (b < start && !is_space(text[b - 1]))
                    ++b;
                const std::size_t past = inside.end_after(b);
                moved = past > b;
                b = std::min(std::max(b, past), start);
            }
            // One word filling the window is cut; an identifier never is
            // (its half would escape the masking).
            if (b < start || inside.end_after(begin) > begin)
                begin = b;
        }
        std::size_t stop = std::min(n, end + width);
        if (stop < n)
        {
            std::size_t e = stop;
            for (bool moved = true; moved && e > end;)
            {
                while (e > end && !is_space(text[e]))
                    --e;
                const std::size_t before = inside.start_before(e);
                moved = before < e;
                e = std::max(std::min(e, before), end);
            }
            if (e > end || inside.start_before(stop) < stop)
                stop = e;
        }
        std::size_t lead = begin;
        while (lead < start && is_space(text[lead]))
            ++lead;
        f.context_before = (begin > 0 ? "… " : "") + to_utf8(text, lead, start);
        std::size_t tail = stop;
        while (tail > end && is_space(text[tail - 1]))
            --tail;
        f.context_after = to_utf8(text, end, tail) + (stop < n ? " …" : "");
    }
}

// ------------------------------------------------------------ coverage

std::vector<ReportMarker> coverage_from_tags(const Catalogue& catalogue,
                                             const std::vector<Section>& sections)
{
    std::set<std::string> tagged;
    for (const Section& s : sections)
        tagged.insert(s.markers.begin(), s.markers.end());
    std::vector<ReportMarker> out;
    for (const Marker& m : catalogue.markers)
        out.push_back({m.id, m.title, m.cluster,
                       tagged.count(m.id) ? CoverageStatus::Tagged : CoverageStatus::Missing});
    return out;
}

std::vector<ReportMarker> report_coverage(const Catalogue& catalogue,
                                          const std::map<std::string, CoverageStatus>& status)
{
    std::vector<ReportMarker> out;
    for (const Marker& m : catalogue.markers)
    {
        const auto it = status.find(m.id);
        out.push_back(
            {m.id, m.title, m.cluster, it == status.end() ? CoverageStatus::Missing : it->second});
    }
    return out;
}

std::map<std::string, CoverageStatus> coverage_statuses(const std::vector<MarkerCoverage>& coverage)
{
    std::map<std::string, CoverageStatus> out;
    for (const MarkerCoverage& c : coverage)
        out[c.marker] = c.status;
    return out;
}

std::string with_coverage_json(const std::string& result_json,
                               const std::vector<MarkerCoverage>& coverage)
{
    const std::size_t end = result_json.find_last_of('}');
    if (end == std::string::npos)
        return result_json;
    JsonWriter w;
    w.begin_object();
    for (const MarkerCoverage& c : coverage)
        w.member(c.marker, to_string(c.status));
    w.end_object();
    return result_json.substr(0, end) + ",\"coverage\":" + w.take() + result_json.substr(end);
}

std::map<std::string, CoverageStatus> coverage_statuses_from_json(const std::string& result_json)
{
    namespace pt = boost::property_tree;
    pt::ptree root;
    std::istringstream in(result_json);
    if (json_too_deep(result_json) != 0)
        throw std::runtime_error("malformed result from the office: nested too deep");
    try
    {
        pt::read_json(in, root);
    }
    catch (const pt::json_parser_error& e)
    {
        throw std::runtime_error("malformed result from the office: " + e.message());
    }
    std::map<std::string, CoverageStatus> out;
    if (const auto cov = root.get_child_optional("coverage"))
        for (const auto& [marker, node] : *cov)
        {
            const std::string s = node.data();
            out[marker] = s == "tagged"      ? CoverageStatus::Tagged
                          : s == "suggested" ? CoverageStatus::Suggested
                                             : CoverageStatus::Missing;
        }
    return out;
}

// ------------------------------------------------------------ masking
namespace
{
bool is_name_category(const std::string& category)
{
    return category == "name" || category == "professional-name" ||
           category == "professional_name" || category == "person";
}

// Titles and little words of a name phrase ("the Carter family", "Dr Jane
// Hughes") that are not themselves identifying.
bool is_name_filler(const std::u32string& folded)
{
    static const std::set<std::u32string> words = {
        U"the", U"family", U"and", U"of", U"mr", U"mrs", U"ms",   U"miss", U"mx",
        U"dr",  U"pc",     U"ds",  U"dc", U"di", U"sgt", U"prof", U"rev",  U"nurse",
        U"de",  U"van",    U"von", U"le", U"la", U"al",  U"st",   U"sr",   U"jr"};
    return words.count(folded) > 0;
}
} // namespace

void Masker::add(const std::string& identifier, const std::string& category)
{
    add_one(identifier, category);
    if (!is_name_category(category))
        return;
    // A name's words are found on their own too ("Liam", "Carter").
    const std::u32string real = to_u32(identifier);
    std::vector<std::u32string> words;
    for (std::size_t i = 0; i < real.size();)
    {
        while (i < real.size() && !is_word(real[i]))
            ++i;
        std::size_t j = i;
        while (j < real.size() && (is_word(real[j]) || real[j] == U'\'' || real[j] == 0x2019))
            ++j;
        if (j > i)
            words.push_back(real.substr(i, j - i));
        i = j;
    }
    if (words.size() < 2)
        return;
    for (const std::u32string& w : words)
        if (!is_name_filler(fold_u32(w)) && u_isupper(static_cast<UChar32>(w[0])))
            add_one(to_utf8(w), category);
}

void Masker::add_one(const std::string& identifier, const std::string& category)
{
    std::u32string key = fold_u32(to_u32(identifier));
    while (!key.empty() && is_space(key.back()))
        key.pop_back();
    while (!key.empty() && is_space(key.front()))
        key.erase(key.begin());
    if (std::count_if(key.begin(), key.end(), is_word) < 2 || labels_.count(key))
        return;
    // "Liam's" when "Liam" is known: the stem's mask covers it ("[name 2]'s").
    if (key.size() > 3 && key.compare(key.size() - 2, 2, U"'s") == 0 &&
        labels_.count(key.substr(0, key.size() - 2)))
        return;
    // Register and deny-list findings say how they were found, not what they
    // are: their words get the register entry's kind when it was added first.
    std::string name = category.empty() || category == "register" || category == "deny-list"
                           ? std::string("identifier")
                           : category;
    std::replace(name.begin(), name.end(), '_', ' ');
    std::replace(name.begin(), name.end(), '-', ' ');
    const std::string label = "[" + name + " " + std::to_string(++counts_[name]) + "]";
    auto put = [&](const std::u32string& k)
    {
        labels_.emplace(k, label);
        lengths_[k.front()].insert(k.size());
    };
    put(key);
    // "Carter's" found: "Carter" alone is the same identifier.
    if (key.size() > 3 && key.compare(key.size() - 2, 2, U"'s") == 0)
    {
        const std::u32string stem = key.substr(0, key.size() - 2);
        if (!labels_.count(stem) && std::count_if(stem.begin(), stem.end(), is_word) >= 2)
            put(stem);
    }
}

void Masker::add_findings(const std::vector<Finding>& findings)
{
    // Authors first, so that the name is labelled as an author wherever else
    // it appears. Whole names only: an author called "Reviewer" or "Admin"
    // must not mask those words in every sentence. "Unknown Author" is what
    // LibreOffice writes when there is none.
    for (const Finding& f : findings)
        if (!f.author.empty() && f.author != "Unknown Author")
            add_one(f.author, "author");
    for (const Finding& f : findings)
        if (is_identifier_finding(f))
            add(f.text, f.category);
        else if (family_of(f.check) == "hidden" && rule_of(f.check) != "personal-info-setting")
            // What a document hides (comments, hidden text, properties, ...)
            // is where identifiers slip through unseen: the report names
            // the item, never its content.
            add(f.text, "hidden " + rule_of(f.check));
}

void Masker::add_register(const std::vector<RegisterEntry>& entries)
{
    for (const RegisterEntry& e : entries)
        add(e.real, e.kind.empty() ? "name" : e.kind);
}

std::vector<Masker::Piece> Masker::pieces(const std::string& text) const
{
    const std::u32string original = to_u32(text);
    const std::u32string folded = fold_u32(original);
    std::vector<Piece> out;
    std::size_t clear_from = 0;
    auto flush = [&](std::size_t upto)
    {
        if (upto > clear_from)
            out.push_back({to_utf8(original, clear_from, upto), false});
    };
    const std::size_t n = folded.size();
    std::size_t i = 0;
    while (i < n)
    {
        const auto bucket = lengths_.find(folded[i]);
        const std::string* hit = nullptr;
        std::size_t length = 0;
        if (bucket != lengths_.end() && (i == 0 || !is_word(folded[i - 1]) || !is_word(folded[i])))
            for (const std::size_t len : bucket->second) // longest first
            {
                if (i + len > n)
                    continue;
                if (i + len < n && is_word(folded[i + len - 1]) && is_word(folded[i + len]))
                    continue;
                const auto found = labels_.find(folded.substr(i, len));
                if (found == labels_.end())
                    continue;
                hit = &found->second;
                length = len;
                break;
            }
        if (!hit)
        {
            ++i;
            continue;
        }
        flush(i);
        out.push_back({*hit, true});
        i += length;
        clear_from = i;
    }
    flush(n);
    return out;
}

std::string Masker::mask(const std::string& text) const
{
    std::string out;
    for (const Piece& p : pieces(text))
        out += p.text;
    return out;
}

std::string html_escape(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    for (const char c : text)
        switch (c)
        {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            // Control characters (other than line breaks) never reach the page.
            if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t')
                out += ' ';
            else
                out += c;
        }
    return out;
}

namespace
{

// ------------------------------------------------------------ HTML
constexpr const char* kCss = R"(
:root{--err:#b3261e;--warn:#8a5300;--info:#1d5c8a;--ok:#1b6e20}
*{box-sizing:border-box}
body{font:15px/1.45 "DejaVu Sans",Arial,Helvetica,sans-serif;color:#1a1a1a;max-width:1120px;margin:24px auto;padding:0 24px}
h1{font-size:26px;margin:0 0 2px}
h2{font-size:21px;margin:28px 0 6px;padding-top:10px;border-top:3px solid #333;overflow-wrap:anywhere}
h3{font-size:17px;margin:18px 0 6px}
h4{font-size:15px;margin:14px 0 4px}
.meta{color:#555;font-size:13px;margin:2px 0}
.verdict{font-size:24px;font-weight:bold;padding:12px 18px;border-radius:6px;margin:14px 0;border:3px solid}
.verdict.small{font-size:18px;padding:8px 14px;border-width:2px}
.ok{color:var(--ok)}.bad{color:var(--err)}
.verdict.ok{background:#e7f4e8;border-color:var(--ok)}
.verdict.bad{background:#fdeceb;border-color:var(--err)}
.counts{margin:4px 0 10px;font-size:14px}
.counts b{display:inline-block;padding:1px 8px;border-radius:10px;margin-right:6px;color:#fff}
.b-error{background:var(--err)}.b-warning{background:var(--warn)}.b-info{background:var(--info)}
table{border-collapse:collapse;width:100%;font-size:12.5px;margin:4px 0 14px;table-layout:fixed}
th,td{border:1px solid #c8c8c8;padding:4px 6px;vertical-align:top;text-align:left;overflow-wrap:anywhere}
th{background:#eee;font-weight:bold}
col.n{width:3em}col.rule{width:27%}col.loc{width:17%}col.found{width:15%}
.id{font-family:"DejaVu Sans Mono",monospace;font-size:11px;color:#555}
.why{color:#555;font-size:11.5px}
.m{background:#3a3a3a;color:#fff;border-radius:3px;padding:0 3px;font-size:11px;white-space:nowrap}
.hl{background:#ffe98a;padding:0 1px}
.sev-error{color:var(--err)}.sev-warning{color:var(--warn)}.sev-info{color:var(--info)}
.legend span{display:inline-block;margin-right:16px;font-size:13px}
.sw{display:inline-block;width:14px;height:14px;border:1px solid #555;vertical-align:-2px;margin-right:4px}
.note{font-size:12.5px;color:#444}
svg{max-width:100%;height:auto}
@page{size:A4;margin:14mm}
@media print{
 body{margin:0;max-width:none;padding:0;font-size:11px}
 .file{break-before:page}
 h2,h3,h4{break-after:avoid}
 tr{break-inside:avoid}
 thead{display:table-header-group}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
)";

std::string pieces_html(const std::vector<Masker::Piece>& pieces)
{
    std::string out;
    for (const Masker::Piece& p : pieces)
        out +=
            p.masked ? "<span class=\"m\">" + html_escape(p.text) + "</span>" : html_escape(p.text);
    return out;
}

std::string masked_html(const Masker& masker, const std::string& text)
{
    return pieces_html(masker.pieces(text));
}

// Long spans (a jigsaw paragraph) are shortened after masking; a label is
// never cut.
std::vector<Masker::Piece> shortened(std::vector<Masker::Piece> pieces, std::size_t max_code_points)
{
    std::size_t used = 0;
    for (std::size_t i = 0; i < pieces.size(); ++i)
    {
        const std::u32string u = to_u32(pieces[i].text);
        if (used + u.size() <= max_code_points || pieces[i].masked)
        {
            used += u.size();
            continue;
        }
        pieces[i].text = to_utf8(u, 0, max_code_points - used) + " …";
        pieces.resize(i + 1);
        break;
    }
    return pieces;
}

std::string place_name(Where where)
{
    switch (where)
    {
    case Where::Body:
        return "Body";
    case Where::Table:
        return "Table";
    case Where::Footnote:
        return "Footnote";
    case Where::Endnote:
        return "Endnote";
    case Where::Header:
        return "Header";
    case Where::Footer:
        return "Footer";
    case Where::Frame:
        return "Frame or text box";
    case Where::Comment:
        return "Comment";
    case Where::Property:
        return "Document property";
    }
    return "Body";
}

std::string capitalised(std::string s)
{
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z')
        s[0] = static_cast<char>(s[0] - 'a' + 'A');
    std::replace(s.begin(), s.end(), '-', ' ');
    return s;
}

const char* severity_heading(Severity s)
{
    switch (s)
    {
    case Severity::Error:
        return "Errors";
    case Severity::Warning:
        return "Warnings";
    case Severity::Info:
        return "Information";
    }
    return "Warnings";
}

std::array<std::size_t, 3> severity_counts(const std::vector<Finding>& findings)
{
    std::array<std::size_t, 3> c{};
    for (const Finding& f : findings)
        ++c[static_cast<std::size_t>(f.severity)];
    return c;
}

std::string counts_html(const std::vector<Finding>& findings)
{
    const auto c = severity_counts(findings);
    auto one = [](std::size_t n, const char* what, const char* cls)
    { return "<b class=\"" + std::string(cls) + "\">" + std::to_string(n) + " " + what + "</b>"; };
    return "<p class=\"counts\">" + one(c[2], c[2] == 1 ? "error" : "errors", "b-error") +
           one(c[1], c[1] == 1 ? "warning" : "warnings", "b-warning") +
           one(c[0], "info", "b-info") + "</p>\n";
}

struct StatusStyle
{
    const char* fill;
    const char* stroke;
    const char* text;
    const char* mark;
    const char* word;
};

StatusStyle style_of(CoverageStatus s)
{
    switch (s)
    {
    case CoverageStatus::Tagged:
        return {"#cfe9d1", "#1b6e20", "#0f4013", "\u2713", "tagged"};
    case CoverageStatus::Suggested:
        return {"#fbe7b5", "#8a5300", "#5a3600", "?", "suggested"};
    case CoverageStatus::Missing:
        return {"#ffffff", "#9a9a9a", "#555555", "\u2013", "missing"};
    }
    return {"#ffffff", "#9a9a9a", "#555555", "\u2013", "missing"};
}

// Two lines of at most `width` characters, cut at spaces.
std::vector<std::string> wrap_title(const std::string& title, std::size_t width)
{
    std::vector<std::string> lines(1);
    std::size_t pos = 0;
    while (pos < title.size())
    {
        std::size_t sp = title.find(' ', pos);
        if (sp == std::string::npos)
            sp = title.size();
        const std::string word = title.substr(pos, sp - pos);
        pos = sp + 1;
        if (!lines.back().empty() && lines.back().size() + 1 + word.size() > width)
        {
            if (lines.size() == 2)
            {
                lines.back() += "…";
                break;
            }
            lines.emplace_back();
        }
        lines.back() += (lines.back().empty() ? "" : " ") + word;
    }
    return lines;
}

// The markers as a grid of labelled boxes, one row per cluster. Status is
// written in each box as well as coloured, so it survives black-and-white
// printing.
std::string report_coverage_svg(const std::vector<ReportMarker>& coverage,
                                const std::vector<Cluster>& clusters)
{
    constexpr int kCell = 128, kGap = 8, kHeight = 86, kLabel = 22, kPerRow = 8;
    std::vector<std::pair<std::string, std::vector<const ReportMarker*>>> rows;
    for (const Cluster& c : clusters)
        rows.push_back({c.title, {}});
    for (const ReportMarker& m : coverage)
    {
        auto it = std::find_if(clusters.begin(), clusters.end(),
                               [&](const Cluster& c) { return c.id == m.cluster; });
        if (it == clusters.end())
        {
            if (rows.empty() || !rows.back().first.empty())
                rows.push_back({"", {}});
            rows.back().second.push_back(&m);
        }
        else
            rows[static_cast<std::size_t>(it - clusters.begin())].second.push_back(&m);
    }
    std::string body;
    int y = 0;
    for (const auto& [title, markers] : rows)
    {
        if (markers.empty())
            continue;
        body += "<text x=\"0\" y=\"" + std::to_string(y + 15) +
                "\" font-size=\"14\" font-weight=\"bold\" fill=\"#333\">" + html_escape(title) +
                "</text>\n";
        y += kLabel;
        for (std::size_t i = 0; i < markers.size(); ++i)
        {
            if (i > 0 && i % kPerRow == 0)
                y += kHeight + kGap;
            const ReportMarker& m = *markers[i];
            const StatusStyle st = style_of(m.status);
            const int x = static_cast<int>(i % kPerRow) * (kCell + kGap);
            body += "<g><title>" + html_escape(m.id + " " + m.title + ": " + st.word) +
                    "</title><rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) +
                    "\" width=\"" + std::to_string(kCell) + "\" height=\"" +
                    std::to_string(kHeight) + "\" rx=\"6\" fill=\"" + st.fill + "\" stroke=\"" +
                    st.stroke + "\" stroke-width=\"2\"" +
                    (m.status == CoverageStatus::Missing ? " stroke-dasharray=\"5 3\"" : "") + "/>";
            body += "<text x=\"" + std::to_string(x + 8) + "\" y=\"" + std::to_string(y + 19) +
                    "\" font-size=\"14\" font-weight=\"bold\" fill=\"" + st.text + "\">" +
                    html_escape(m.id) + "</text>";
            // On its own line under the title: "? suggested" beside "QM14"
            // would overlap it.
            body += "<text x=\"" + std::to_string(x + 8) + "\" y=\"" +
                    std::to_string(y + kHeight - 9) + "\" font-size=\"12\" fill=\"" + st.text +
                    "\">" + st.mark + " " + st.word + "</text>";
            const auto lines = wrap_title(m.title, 17);
            for (std::size_t l = 0; l < lines.size(); ++l)
                body += "<text x=\"" + std::to_string(x + 8) + "\" y=\"" +
                        std::to_string(y + 41 + static_cast<int>(l) * 16) +
                        "\" font-size=\"12.5\" fill=\"#222\">" + html_escape(lines[l]) + "</text>";
            body += "</g>\n";
        }
        y += kHeight + kGap + 6;
    }
    const int width = kPerRow * (kCell + kGap);
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Quality "
           "marker coverage\" width=\"" +
           std::to_string(width) + "\" height=\"" + std::to_string(y) + "\" viewBox=\"0 0 " +
           std::to_string(width) + " " + std::to_string(y) +
           "\" font-family=\"DejaVu Sans,Arial,sans-serif\">\n" + body + "</svg>\n";
}

std::string coverage_html(const std::vector<ReportMarker>& coverage,
                          const std::vector<Cluster>& clusters)
{
    std::array<std::size_t, 3> n{};
    for (const ReportMarker& m : coverage)
        ++n[static_cast<std::size_t>(m.status)];
    std::string out = "<h3>Quality markers</h3>\n<p class=\"note\">" + std::to_string(n[0]) +
                      " of " + std::to_string(coverage.size()) + " markers tagged in the document";
    if (n[1])
        out += ", " + std::to_string(n[1]) + " suggested";
    out += ". A marker counts as tagged when a section or passage is tagged with it, and as "
           "suggested when it is not tagged but the suggestion engine finds it in a "
           "section's text, as the sidebar and <code>scrqm coverage</code> show it.</p>\n";
    out += report_coverage_svg(coverage, clusters);
    out += "<p class=\"legend\">";
    for (CoverageStatus s :
         {CoverageStatus::Tagged, CoverageStatus::Suggested, CoverageStatus::Missing})
    {
        const StatusStyle st = style_of(s);
        out += "<span><i class=\"sw\" style=\"background:" + std::string(st.fill) +
               ";border-color:" + st.stroke + "\"></i>" + st.mark + " " + st.word + "</span>";
    }
    out += "</p>\n";
    return out;
}

std::string finding_row(const Finding& f, std::size_t number, const Masker& masker)
{
    std::string rule = "<td>" + masked_html(masker, f.message);
    if (!f.marker.empty())
        rule += " <b>[" + html_escape(f.marker) + "]</b>";
    rule += "<br><span class=\"id\">" + html_escape(f.check) + "</span>";
    if (!f.explanation.empty())
        rule += "<br><span class=\"why\">" + masked_html(masker, f.explanation) + "</span>";
    if (const std::string fix = fix_summary(f); !fix.empty())
        rule += "<br><span class=\"why\">Fix: " + masked_html(masker, fix) + "</span>";
    rule += "</td>";
    std::string where = "<td>" + place_name(f.where);
    if (f.where != Where::Property)
        where += ", paragraph " + std::to_string(f.paragraph + 1);
    if (!f.section.empty())
        where += "<br><i>" + masked_html(masker, f.section) + "</i>";
    where += "</td>";
    // An identifier is shown as its label; a combination finding's text (a
    // whole paragraph for a jigsaw) only in the context column.
    const auto text = masker.pieces(f.text);
    const std::string found = pieces_html(shortened(text, 60));
    std::string context = "<td>" + masked_html(masker, f.context_before) + "<span class=\"hl\">" +
                          pieces_html(shortened(text, 300)) + "</span>" +
                          masked_html(masker, f.context_after) + "</td>";
    return "<tr><td>" + std::to_string(number) + "</td>" + rule + where + "<td>" + found + "</td>" +
           context + "</tr>\n";
}

std::string findings_html(const ReportedFile& item, const Masker& masker, const ReportInfo& info)
{
    const auto& findings = item.result.findings;
    if (findings.empty())
        return "<h3>Findings</h3>\n<p>No findings.</p>\n";
    // Check families in order of first appearance, severities from error.
    std::vector<std::string> families;
    for (const Finding& f : findings)
        if (std::find(families.begin(), families.end(), family_of(f.check)) == families.end())
            families.push_back(family_of(f.check));
    std::string out = "<h3>Findings</h3>\n";
    std::size_t number = 0;
    for (const std::string& family : families)
    {
        std::vector<const Finding*> mine;
        for (const Finding& f : findings)
            if (family_of(f.check) == family)
                mine.push_back(&f);
        out += "<h4>" + html_escape(capitalised(family)) + " (" + std::to_string(mine.size()) + ")";
        const auto summary = info.check_summaries.find(family);
        if (summary != info.check_summaries.end())
            out += " <span class=\"why\">" + html_escape(summary->second) + "</span>";
        out += "</h4>\n";
        for (Severity s : {Severity::Error, Severity::Warning, Severity::Info})
        {
            std::string rows;
            std::size_t count = 0;
            for (const Finding* f : mine)
                if (f->severity == s)
                {
                    rows += finding_row(*f, ++number, masker);
                    ++count;
                }
            if (count == 0)
                continue;
            out += "<p class=\"sev-" + std::string(to_string(s)) + "\"><b>" + severity_heading(s) +
                   " (" + std::to_string(count) + ")</b></p>\n";
            out += "<table><colgroup><col class=\"n\"><col class=\"rule\"><col "
                   "class=\"loc\"><col class=\"found\"><col></colgroup>\n<thead><tr><th>#</"
                   "th><th>Finding</th><th>Where</th><th>Found</th><th>Context</th></tr></"
                   "thead>\n<tbody>\n" +
                   rows + "</tbody></table>\n";
        }
    }
    return out;
}

} // namespace

std::string report_to_html(const std::vector<ReportedFile>& items, const Masker& masker,
                           const ReportInfo& info)
{
    std::size_t errors = 0, unchecked = 0;
    for (const ReportedFile& item : items)
    {
        if (!item.error.empty())
            ++unchecked;
        else
            errors += verdict_of(item.result.findings).errors;
    }
    const Verdict verdict = verdict_of(errors, unchecked);

    std::string out = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta "
                      "charset=\"utf-8\">\n<meta name=\"viewport\" "
                      "content=\"width=device-width,initial-scale=1\">\n<title>Pre-publication "
                      "check: " +
                      html_escape(verdict.text) + "</title>\n<style>" + kCss +
                      "</style>\n</head>\n<body>\n";
    out += "<header>\n<h1>Pre-publication check</h1>\n";
    out += "<p class=\"meta\">" + html_escape(info.framework_title);
    if (!info.checks.empty())
    {
        out += " &middot; checks: ";
        for (std::size_t i = 0; i < info.checks.size(); ++i)
            out += (i ? ", " : "") + html_escape(info.checks[i]);
    }
    out += " &middot; " + std::to_string(items.size()) +
           (items.size() == 1 ? " document" : " documents") + " &middot; scrqm " +
           html_escape(info.version) + "</p>\n";
    out += "<div class=\"verdict " + std::string(verdict.ready ? "ok" : "bad") + "\">" +
           html_escape(verdict.text) + "</div>\n";
    out += "<p class=\"note\">Identifying details found in the documents are never shown: each "
           "one is replaced by a numbered label such as <span class=\"m\">[name 1]</span>; the "
           "same detail always has the same label.</p>\n</header>\n";

    for (const ReportedFile& item : items)
    {
        out += "<section class=\"file\">\n<h2>" + masked_html(masker, item.file) + "</h2>\n";
        if (!item.error.empty())
        {
            out += "<div class=\"verdict small bad\">Could not be checked</div>\n<p>" +
                   masked_html(masker, item.error) + "</p>\n</section>\n";
            continue;
        }
        const Verdict v = verdict_of(item.result.findings);
        out += "<div class=\"verdict small " + std::string(v.ready ? "ok" : "bad") + "\">" +
               html_escape(v.text) + "</div>\n";
        out += counts_html(item.result.findings);
        if (!item.coverage.empty())
            out += coverage_html(item.coverage, info.clusters);
        out += findings_html(item, masker, info);
        out += "</section>\n";
    }
    out += "</body>\n</html>\n";
    return out;
}

std::string report_to_json(const ReportedFile& item, const Masker& masker)
{
    const Result& r = item.result;
    JsonWriter w;
    w.begin_object().member("file", masker.mask(item.file)).member("framework", r.framework);
    if (!r.kind.empty())
        w.key("kind")
            .begin_object()
            .member("profile", r.kind)
            .member("detected", r.kind_detected)
            // Not masked: it holds a kind's name and the phrase that named
            // it, one of a fixed few, never text of the case.
            .member("description", r.kind_note)
            .end_object();
    w.key("sections").begin_array();
    for (const Section& s : r.sections)
    {
        w.begin_object()
            .member("title", masker.mask(s.title))
            .member("level", s.level)
            .member("paragraph", static_cast<std::uint64_t>(s.paragraph))
            .member("end", static_cast<std::uint64_t>(s.end));
        w.key("markers").begin_array();
        for (const std::string& m : s.markers)
            w.value(m);
        w.end_array().end_object();
    }
    w.end_array();
    w.key("findings").begin_array();
    for (const Finding& f : r.findings)
    {
        w.begin_object()
            .member("check", f.check)
            .member("category", f.category)
            .member("severity", to_string(f.severity))
            .member("message", masker.mask(f.message))
            .member("marker", f.marker)
            .member("text", masker.mask(f.text))
            .member("where", to_string(f.where))
            .member("paragraph", static_cast<std::uint64_t>(f.paragraph))
            .member("start", static_cast<std::uint64_t>(f.start))
            .member("end", static_cast<std::uint64_t>(f.end))
            .member("explanation", masker.mask(f.explanation))
            .member("score", f.score);
        if (!f.fixes.empty())
        {
            w.key("fixes").begin_array();
            for (const FixAction& a : f.fixes)
            {
                w.begin_object().member("kind", to_string(a.kind));
                if (!a.replacement.empty())
                    w.member("replacement", masker.mask(a.replacement));
                if (!a.target.empty())
                    w.member("target", masker.mask(a.target));
                w.end_object();
            }
            w.end_array();
        }
        if (!f.advice.empty())
            w.member("advice", masker.mask(f.advice));
        if (!f.author.empty())
            w.member("author", masker.mask(f.author));
        w.member("section", masker.mask(f.section))
            .member("context_before", masker.mask(f.context_before))
            .member("context_after", masker.mask(f.context_after))
            .end_object();
    }
    w.end_array();
    const auto c = severity_counts(r.findings);
    w.key("summary")
        .begin_object()
        .member("paragraphs", static_cast<std::uint64_t>(r.paragraphs))
        .member("sections", static_cast<std::uint64_t>(r.sections.size()))
        .member("findings", static_cast<std::uint64_t>(r.findings.size()))
        .member("errors", static_cast<std::uint64_t>(c[2]))
        .member("warnings", static_cast<std::uint64_t>(c[1]))
        .member("info", static_cast<std::uint64_t>(c[0]))
        .end_object();
    const Verdict v = verdict_of(r.findings);
    w.key("verdict")
        .begin_object()
        .member("ready", v.ready)
        .member("errors", static_cast<std::uint64_t>(v.errors))
        .member("text", v.text)
        .end_object();
    w.key("coverage").begin_array();
    for (const ReportMarker& m : item.coverage)
        w.begin_object()
            .member("id", m.id)
            .member("title", m.title)
            .member("status", to_string(m.status))
            .end_object();
    w.end_array();
    w.member("masked", true).end_object();
    return w.take();
}

} // namespace scrqm
