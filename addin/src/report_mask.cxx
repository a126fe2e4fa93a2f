// The exported report's text: each finding's context, and the masking of
// identifiers in everything the report shows (report_export.hxx).
#include <scrqm/report_export.hxx>
#include <scrqm/rule_ids.hxx>

#include "report_pieces.hxx"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
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

} // namespace

bool is_identifier_finding(const Finding& f)
{
    if (id_family(f.check) != "anonymisation")
        return false;
    const std::string rule = id_rule(f.check);
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
        else if (id_family(f.check) == "hidden" && id_rule(f.check) != "personal-info-setting")
            // What a document hides (comments, hidden text, properties, ...)
            // is where identifiers slip through unseen: the report names
            // the item, never its content.
            add(f.text, "hidden " + id_rule(f.check));
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

} // namespace scrqm
