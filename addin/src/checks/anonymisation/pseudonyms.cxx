// Pseudonyms: the role heads that make "Child A" a pseudonym rather than a
// name, and pseudonym consistency across the document: one form ("Child A",
// not also "Child 1" or "child a"), introduced before it is used.
#include "cues.hxx"
#include "internal.hxx"
#include "rules.hxx"

#include <unicode/uchar.h>

#include <algorithm>
#include <iterator>

namespace scrqm::anonymisation
{

const Pseudonyms& pseudonym_heads()
{
    static const Pseudonyms heads = []
    {
        Pseudonyms h;
        // Roles, relatives and kinds of person that head a pseudonym
        // ("Child A", "Sibling 1", "Mrs H's Daughter").
        for (const std::string& p : word_set(
                 "child sibling adult parent baby mother father partner carer grandmother "
                 "grandfather uncle aunt maternal paternal grandparent stepparent half-sibling "
                 "brother sister cousin person professional practitioner gp officer worker "
                 "visitor teacher nurse doctor manager family household stepfather stepmother "
                 "male female man woman boy girl yp agency school hospital member witness victim "
                 "perpetrator subject daughter son granddaughter grandson niece nephew stepson "
                 "stepdaughter husband wife neighbour friend tenant resident lodger"))
            h[p] = p;
        return h;
    }();
    return heads;
}

namespace
{

// Whether the text before a pseudonym can match the introduction pattern
// ("known as", "referred to as '", "("), which must end at its end: an
// opening bracket, or spaces after a word ending in s, d or r (or a letter
// that folds to s: long s, sharp s); a quote may follow either. A line break at the end
// ($ matches before it) leaves it to the pattern.
bool may_introduce(const icu::UnicodeString& lead)
{
    int32_t k = lead.length();
    if (k == 0)
        return false;
    UChar c = lead[k - 1];
    if (c == u'\n' || c == u'\r' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 ||
        c == 0x2029)
        return true;
    if (c == u'"' || c == u'\'' || c == 0x2018 || c == 0x201C)
    {
        if (--k == 0)
            return false;
        c = lead[k - 1];
    }
    if (c == u'(' || c == u'[')
        return true;
    if (c != u' ' && c != 0xA0)
        return false;
    while (k > 0 && (lead[k - 1] == u' ' || lead[k - 1] == 0xA0))
        --k;
    if (k == 0)
        return false;
    c = lead[k - 1];
    return c == u's' || c == u'S' || c == 0x017F || c == 0xDF || c == 0x1E9E || c == u'd' ||
           c == u'D' || c == u'r' || c == u'R';
}

// The heads of the pseudonym pattern by their first letter (lower case, or
// the long s that folds to s).
struct HeadsByLetter
{
    UChar letter;
    const char* heads[2];
};
constexpr HeadsByLetter kHeadsByLetter[] = {
    {u'c', {"child", "carer"}}, {u's', {"sibling"}},           {0x017F, {"sibling"}},
    {u'a', {"adult"}},          {u'p', {"parent", "partner"}}, {u'b', {"baby"}},
    {u'y', {"young person"}},   {u'h', {"half-sibling"}},
};

// Where the pseudonym pattern can match in a paragraph: only where a head
// word starts can a match start, and no character outside ASCII folds to
// the heads' letters but the long s. Returns whether the paragraph holds a
// head word in plain letters (else it is not searched at all). With
// `inside`, only that is asked, of heads inside words too; windows stay.
bool head_windows(const UChar* us, int32_t ulen, std::vector<Span>& windows, bool inside = false)
{
    if (!inside)
        windows.clear();
    bool plain_head = false;
    for (int32_t i = 0; i < ulen; ++i)
    {
        // After an ASCII letter or digit there is no \b, so no match
        // starts here. Such a head still counts for plain_head, which is
        // asked below only when it can matter (most letters are inside words).
        const bool boundary =
            i == 0 || !((us[i - 1] >= u'0' && us[i - 1] <= u'9') ||
                        ((us[i - 1] | 0x20) >= u'a' && (us[i - 1] | 0x20) <= u'z'));
        if (!boundary && !inside)
            continue;
        // The heads that start with this letter: a, b, c, h, p, s, y
        // in either case, or the long s.
        constexpr uint32_t head_letters =
            (1u << 0) | (1u << 1) | (1u << 2) | (1u << 7) | (1u << 15) | (1u << 18) | (1u << 24);
        const UChar first = us[i] < 0x80 ? (us[i] | 0x20) : us[i];
        if (first < u'a' || (first <= u'z' && !((head_letters >> (first - u'a')) & 1u)) ||
            (first > u'z' && first != 0x017F))
            continue;
        const auto* starts =
            std::find_if(std::begin(kHeadsByLetter), std::end(kHeadsByLetter),
                         [first](const HeadsByLetter& e) { return e.letter == first; });
        if (starts == std::end(kHeadsByLetter))
            continue;
        for (const char* h : starts->heads)
        {
            if (!h)
                break;
            int32_t k = 0;
            bool plain = true;
            while (h[k] && i + k < ulen &&
                   (us[i + k] == h[k] ||
                    (h[k] >= 'a' && us[i + k] < 0x80 && (us[i + k] | 0x20) == h[k]) ||
                    (h[k] == 's' && us[i + k] == 0x017F)))
            {
                plain = plain && us[i + k] < 0x80;
                ++k;
            }
            if (h[k])
                continue;
            plain_head = plain_head || plain;
            // A match goes on with one space and a letter or digit (or
            // a character outside ASCII, which may fold into [A-Za-z]).
            const int32_t after = i + k;
            if (!boundary || inside || after + 1 >= ulen ||
                (us[after] != u' ' && us[after] != 0xA0) ||
                (us[after + 1] < 0x80 &&
                 !((us[after + 1] >= u'0' && us[after + 1] <= u'9') ||
                   ((us[after + 1] | 0x20) >= u'a' && (us[after + 1] | 0x20) <= u'z'))))
                continue;
            const int32_t end = std::min(ulen, i + k + 4);
            if (!windows.empty() && i <= windows.back().end)
                windows.back().end = std::max(windows.back().end, end);
            else
                windows.push_back({i, end});
        }
    }
    // Windows but no plain head at a word's start: a plain head inside a
    // word ("grandchild") still lets the paragraph be searched.
    if (!inside && !windows.empty() && !plain_head)
        plain_head = head_windows(us, ulen, windows, true);
    return plain_head;
}

// A role-and-letter form in reading order, as written.
struct Raw
{
    const Paragraph* p;
    int32_t begin, end;
    std::string form, role;
    bool lower_id, capitalised, introduced;
};

// Every role-and-letter form of the document in reading order, in one pass.
std::vector<Raw> find_forms(const Document& doc, const std::vector<icu::UnicodeString>& texts)
{
    std::vector<Raw> raws;
    UErrorCode status = U_ZERO_ERROR;
    static const std::unique_ptr<icu::RegexPattern> pseudo(icu::RegexPattern::compile(
        u"\\b(child|sibling|adult|parent|baby|young person|half-sibling|partner|carer)[ "
        u"\\u00a0]([A-Za-z]|[0-9]{1,2})\\b",
        UREGEX_CASE_INSENSITIVE, status));
    static const std::unique_ptr<icu::RegexPattern> intro(
        icu::RegexPattern::compile(u"(?:referred to as|known as|called|hereafter|anonymised as)[ "
                                   u"\\u00a0]+[\"'\\u2018\\u201c]?$|[(\\[][\"'\\u2018\\u201c]?$",
                                   UREGEX_CASE_INSENSITIVE, status));
    std::unique_ptr<icu::RegexMatcher> m(pseudo->matcher(status));
    std::unique_ptr<icu::RegexMatcher> im(intro->matcher(status));
    if (!m || !im)
        return raws;
    m->useTransparentBounds(true);
    m->useAnchoringBounds(false);
    std::vector<Span> windows;
    for (std::size_t pi = 0; pi < doc.paragraphs.size(); ++pi)
    {
        const Paragraph& p = doc.paragraphs[pi];
        if (p.where != Where::Body && p.where != Where::Table && p.where != Where::Footnote)
            continue;
        const icu::UnicodeString& u = texts[pi];
        if (!head_windows(u.getBuffer(), u.length(), windows))
            continue;
        m->reset(u);
        for (const Span& w : windows)
        {
            m->region(w.begin, w.end, status);
            while (U_SUCCESS(status) && m->find(status))
            {
                Raw r{&p, m->start(status), m->end(status), {}, {}, false, false, false};
                m->group(status).toUTF8String(r.form);
                m->group(1, status).toUTF8String(r.role);
                r.role = fold(r.role);
                const icu::UnicodeString id = m->group(2, status);
                r.lower_id = id.length() == 1 && u_islower(id[0]);
                r.capitalised = u_isupper(m->group(1, status).char32At(0)) && !r.lower_id;
                const icu::UnicodeString lead =
                    u.tempSubStringBetween(std::max(0, r.begin - 24), r.begin);
                if (may_introduce(lead))
                {
                    im->reset(lead);
                    r.introduced = U_SUCCESS(status) && im->find(status);
                }
                raws.push_back(std::move(r));
            }
        }
    }
    return raws;
}

} // namespace

bool in_capitals(const std::string& form)
{
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(form);
    bool letters = false;
    for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1))
    {
        const UChar32 c = u.char32At(i);
        if (u_islower(c))
            return false;
        letters = letters || u_isupper(c);
    }
    return letters;
}

std::vector<std::string> pseudonym_uses(const Document& doc)
{
    std::vector<icu::UnicodeString> texts;
    texts.reserve(doc.paragraphs.size());
    for (const Paragraph& p : doc.paragraphs)
        texts.push_back(utf16(p.text));
    const std::vector<Raw> raws = find_forms(doc, texts);
    std::set<std::string> capitalised;
    for (const Raw& r : raws)
        if (r.capitalised)
            capitalised.insert(fold(r.form));
    std::vector<std::string> out;
    for (const Raw& r : raws)
        if (!r.lower_id || capitalised.count(fold(r.form)))
            out.push_back(r.form);
    return out;
}

void check_pseudonyms(const Document& doc, const std::vector<icu::UnicodeString>& texts,
                      std::vector<Finding>& out)
{
    namespace R = rules::anonymisation;
    struct Use
    {
        const Paragraph* p;
        int32_t begin, end;
        std::string form;
    };
    std::map<std::string, std::vector<Use>> uses;  // role -> uses in reading order
    std::map<std::string, std::size_t> introduced; // folded pseudonym -> use index
    const std::vector<Raw> raws = find_forms(doc, texts);
    std::set<std::string> capitalised_forms; // "Child A" written so somewhere
    for (const Raw& r : raws)
        if (r.capitalised)
            capitalised_forms.insert(fold(r.form));
    for (const Raw& r : raws)
    {
        // "child a" is prose as often as a pseudonym ("a child a year"): it
        // counts only where "Child A" is used elsewhere.
        if (r.lower_id && !capitalised_forms.count(fold(r.form)))
            continue;
        if (r.introduced && !introduced.count(fold(r.form)))
            introduced[fold(r.form)] = uses[r.role].size();
        uses[r.role].push_back(Use{r.p, r.begin, r.end, r.form});
    }
    auto consistency = [&](const Use& use, const Rule& rule, const std::string& message,
                           const std::string& explanation)
    {
        Finding f(rule);
        f.score = 0.7;
        f.message = message;
        f.explanation = explanation;
        f.advice = "Use one form of the pseudonym throughout";
        f.where = use.p->where;
        f.paragraph = use.p->index;
        const icu::UnicodeString& u =
            texts[static_cast<std::size_t>(use.p - doc.paragraphs.data())];
        f.start = static_cast<std::size_t>(u.countChar32(0, use.begin));
        f.end = static_cast<std::size_t>(u.countChar32(0, use.end));
        f.text = use.form;
        out.push_back(std::move(f));
    };
    for (const auto& [role, list] : uses)
    {
        std::map<std::string, int> forms;
        int letters = 0, numbers = 0;
        for (const Use& use : list)
        {
            // A heading or a contents line in capitals ("CHILD S") is the
            // same spelling as "Child S": it never sets the usual form.
            if (!in_capitals(use.form))
                ++forms[use.form];
            (u_isdigit(use.form.back()) ? numbers : letters)++;
        }
        std::string canonical;
        int best = 0;
        for (const auto& [form, n] : forms)
            if (n > best)
                best = n, canonical = form;
        const bool numbers_minor = numbers > 0 && letters > 0 && numbers <= letters;
        for (std::size_t k = 0; k < list.size(); ++k)
        {
            const Use& use = list[k];
            const bool is_number = u_isdigit(static_cast<UChar32>(use.form.back()));
            if (letters > 0 && numbers > 0 && is_number == numbers_minor)
                consistency(use, R::pseudonym_scheme,
                            "Pseudonym written two ways: \"" + use.form + "\" and \"" + canonical +
                                "\"",
                            "the same role is numbered in some places and lettered in others");
            else if (use.form != canonical && !in_capitals(use.form) &&
                     fold(use.form) == fold(canonical))
                consistency(use, R::pseudonym_case,
                            "Pseudonym in a different case: \"" + use.form + "\", elsewhere \"" +
                                canonical + "\"",
                            "the same pseudonym in different letter case");
            const auto intro_at = introduced.find(fold(use.form));
            if (intro_at != introduced.end() && k < intro_at->second)
                consistency(use, R::pseudonym_before_introduction,
                            "\"" + use.form + "\" is used before it is introduced",
                            "the pseudonym is introduced later in the report");
        }
    }
}

} // namespace scrqm::anonymisation
