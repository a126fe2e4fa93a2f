// Findings and recommendations: identifiable and numbered 1, 2, 3 ...; each
// recommendation traced to a finding and addressed to someone; each finding
// explained and leading to action; and every "Finding N" / "Recommendation
// N" the text refers to exists.
#include <scrqm/text.hxx>

#include "internal.hxx"
#include "rules.hxx"

#include <algorithm>
#include <map>
#include <set>

namespace scrqm::structure
{

namespace
{

// Whole-word containment of a folded phrase in folded text.
bool contains_phrase(const std::string& text, const std::string& phrase)
{
    auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
    for (std::size_t at = text.find(phrase); at != std::string::npos;
         at = text.find(phrase, at + 1))
    {
        const std::size_t end = at + phrase.size();
        if ((at == 0 || !word(text[at - 1])) && (end == text.size() || !word(text[end])))
            return true;
    }
    return false;
}

struct Reference
{
    ReportItem::Kind kind;
    int number;
    int32_t begin, end; // UTF-16 in the paragraph
};

// "Finding 4", "Recommendations 1, 2 and 4": one reference per number.
std::vector<Reference> references(const icu::UnicodeString& text)
{
    static const Pattern reference =
        compile("\\b(finding|recommendation)s?\\s+(\\d{1,3})((?:\\s*(?:,|and|&|or|"
                "to)\\s*\\d{1,3}\\b)*)",
                "built-in");
    static const Pattern number = compile("\\d{1,3}", "built-in");
    std::vector<Reference> out;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexMatcher> m(reference->matcher(text, status));
    while (U_SUCCESS(status) && m->find(status))
    {
        const bool rec = u_tolower(text.char32At(m->start(1, status))) == u'r';
        const ReportItem::Kind kind =
            rec ? ReportItem::Kind::Recommendation : ReportItem::Kind::Finding;
        // The first number, then each number of a list "Findings 1, 2 and 4".
        const int32_t from = m->start(2, status), to = m->end(3, status);
        icu::UnicodeString list = text.tempSubStringBetween(from, to);
        std::unique_ptr<icu::RegexMatcher> n(number->matcher(list, status));
        const int32_t label = m->start(status);
        bool first = true;
        while (U_SUCCESS(status) && n->find(status))
        {
            std::string digits;
            n->group(status).toUTF8String(digits);
            // The first number's span takes in its label: "Finding 4".
            out.push_back(Reference{kind, digits_value(digits),
                                    first ? label : from + n->start(status),
                                    from + n->end(status)});
            first = false;
        }
    }
    return out;
}

} // namespace

void check_numbering(const std::vector<ReportItem>& items,
                     const std::vector<const Paragraph*>& body,
                     const std::vector<const Section*>& served, const StructureProfile& profile,
                     std::vector<Finding>& out)
{
    namespace R = rules::structure;
    auto section_of = [&](const char* id) -> const Section*
    {
        for (std::size_t i = 0; i < profile.sections.size(); ++i)
            if (profile.sections[i].id == id)
                return served[i];
        return nullptr;
    };
    for (const auto kind : {ReportItem::Kind::Finding, ReportItem::Kind::Recommendation})
    {
        const bool finding = kind == ReportItem::Kind::Finding;
        const Section* s = section_of(finding ? "findings" : "recommendations");
        const bool any = std::any_of(items.begin(), items.end(),
                                     [&](const ReportItem& it) { return it.kind == kind; });
        // Each sub-heading of the section that carries no number, one by one.
        for (const ReportItem& it : items)
            if (it.kind == kind && it.number == 0)
                out.push_back(structure_finding(
                    finding ? R::findings_unidentified : R::recommendations_unnumbered,
                    profile.findings_marker, body[it.paragraph],
                    it.label + " has no number: it cannot be named in the board's response",
                    "QM14 question 1: findings and recommendations must be easy to identify so "
                    "others can use them. This heading is in the " +
                        std::string(finding ? "findings" : "recommendations") +
                        " section but does not start \"" +
                        (finding ? "Finding" : "Recommendation") + " N\".",
                    finding ? "Start it with \"Finding N:\""
                            : "Start it with \"Recommendation N:\""));
        if (s && !any)
        {
            std::size_t n = 0;
            for (std::size_t i = s->paragraph + 1; i < s->end && i < body.size(); ++i)
                n += words(body[i]->text);
            if (n > 0)
                out.push_back(structure_finding(
                    finding ? R::findings_unidentified : R::recommendations_unnumbered,
                    profile.findings_marker, body[s->paragraph],
                    std::string(finding
                                    ? "The findings are not identifiable: no \"Finding N\" "
                                      "heading or paragraph in section \""
                                    : "The recommendations are not numbered: no "
                                      "\"Recommendation N\" or \"N.\" paragraph in section \"") +
                        s->title + "\"",
                    "QM14 question 1: findings and recommendations must be easy to identify so "
                    "others can use them. Items are recognised by a heading or paragraph that "
                    "starts \"Finding N\" / \"Recommendation N\", or a paragraph \"N.\" in this "
                    "section (automatic list numbering is not part of the text).",
                    finding ? "Start each finding with \"Finding 1\", \"Finding 2\", ..."
                            : "Number each recommendation: \"Recommendation 1\", ..."));
        }
        // Numbering: 1, 2, 3 ... without gaps or repeats.
        int expected = 1;
        std::set<int> seen;
        for (const ReportItem& it : items)
        {
            if (it.kind != kind || it.number == 0)
                continue;
            const Paragraph* p = body[it.paragraph];
            if (!seen.insert(it.number).second)
                out.push_back(structure_finding(
                    R::numbering_duplicate, profile.findings_marker, p,
                    it.label + " is numbered twice",
                    "Each finding and recommendation needs its own number so that "
                    "the board's response and cross-references can name it.",
                    "Renumber"));
            else if (it.number != expected)
                out.push_back(structure_finding(
                    R::numbering_gap, profile.findings_marker, p,
                    it.label + " follows " +
                        (expected == 1 ? std::string("no earlier one")
                                       : std::string(finding ? "Finding " : "Recommendation ") +
                                             std::to_string(expected - 1)) +
                        ": the numbering has a gap",
                    "Numbers run 1, 2, 3 ... in reading order; a gap suggests an item was "
                    "removed or renumbered and cross-references may point to the wrong one.",
                    "Renumber"));
            expected = std::max(expected, it.number + 1);
        }
    }
}

void check_traceability(const std::vector<ReportItem>& items,
                        const std::vector<const Paragraph*>& body, const StructureProfile& profile,
                        std::vector<Finding>& out)
{
    namespace R = rules::structure;
    // Which finding each recommendation traces to: one it cites ("Finding 2"),
    // or the finding it directly follows in the same section.
    std::set<int> finding_numbers, recommended;
    for (const ReportItem& it : items)
        if (it.kind == ReportItem::Kind::Finding)
            finding_numbers.insert(it.number);
    const ReportItem* last_finding = nullptr;
    std::vector<bool> traced(items.size(), false);
    for (std::size_t i = 0; i < items.size(); ++i)
    {
        const ReportItem& it = items[i];
        if (it.kind == ReportItem::Kind::Finding)
        {
            last_finding = &it;
            continue;
        }
        for (const Reference& r : references(icu::UnicodeString::fromUTF8(it.text)))
            if (r.kind == ReportItem::Kind::Finding && finding_numbers.count(r.number))
            {
                traced[i] = true;
                recommended.insert(r.number);
            }
        if (last_finding && last_finding->section == it.section)
        {
            traced[i] = true;
            recommended.insert(last_finding->number);
        }
    }
    for (std::size_t i = 0; i < items.size(); ++i)
    {
        const ReportItem& it = items[i];
        const Paragraph* p = body[it.paragraph];
        const std::string folded = fold(it.text);
        if (it.kind == ReportItem::Kind::Finding)
        {
            const std::vector<Token> tokens = tokenize(icu::UnicodeString::fromUTF8(it.text));
            bool cue = false;
            for (std::size_t t = 0; t < tokens.size() && !cue; ++t)
                cue = profile.explanation_cues.match(tokens, t, nullptr, true) > 0;
            if (!cue && profile.explanation_cues.size() > 0)
                out.push_back(structure_finding(
                    R::finding_without_explanation, profile.findings_marker, p,
                    it.label +
                        " describes what happened but not why: none of the explanation "
                        "cues (" +
                        join(profile.explanation_cue_list, 8) + ") appears in it",
                    "QM14 question 4: findings must address explanations of practice, not only "
                    "describe it. The check looked for any of " +
                        std::to_string(profile.explanation_cues.size()) +
                        " cue words and phrases in the finding's text and found none.",
                    "Say why the practice happened: the pressures, systems, culture or "
                    "reasoning behind it"));
            const bool question =
                it.text.find('?') != std::string::npos ||
                std::any_of(profile.board_question_cues.begin(), profile.board_question_cues.end(),
                            [&](const std::string& c) { return contains_phrase(folded, c); });
            // An unnumbered finding is reported as such: no recommendation
            // could cite it.
            if (!question && it.number > 0 && !recommended.count(it.number))
                out.push_back(structure_finding(
                    R::finding_without_recommendation, profile.findings_marker, p,
                    it.label + " leads to no recommendation and no question for the board",
                    "No recommendation cites \"" + it.label +
                        "\" or follows it in its section, and the finding asks the board no "
                        "question. QM14 and QM15: each finding should lead to action.",
                    "Add a recommendation that cites " + it.label +
                        ", or a question for the board"));
            continue;
        }
        if (!traced[i])
            out.push_back(structure_finding(
                R::recommendation_untraced, profile.findings_marker, p,
                it.label + " cannot be traced to a finding",
                "It cites no finding (\"see Finding 2\") and does not follow one in the same "
                "section. QM14: recommendations should reflect the explanations the findings "
                "set out.",
                "Say which finding it answers, e.g. \"(Finding 2)\""));
        const std::vector<Token> tokens = tokenize(icu::UnicodeString::fromUTF8(it.text));
        const bool addressed =
            std::any_of(tokens.begin(), tokens.end(),
                        [&](const Token& t)
                        {
                            return std::find(profile.addressees.begin(), profile.addressees.end(),
                                             t.key) != profile.addressees.end();
                        });
        if (!addressed && !profile.addressees.empty())
            out.push_back(structure_finding(
                R::recommendation_unaddressed, profile.findings_marker, p,
                it.label + " is not addressed to anyone: it names no board, agency or service",
                "A recommendation says who is to act. The check looked for an addressee word (" +
                    join(profile.addressees, 8) + ") and found none.",
                "Name who should act: \"The board should ...\", \"Children's services should "
                "...\""));
    }
}

// Every "Finding N" / "Recommendation N" the text refers to exists.
void check_cross_references(const Document& doc, const std::vector<ReportItem>& items,
                            const StructureProfile& profile, std::vector<Finding>& out)
{
    namespace R = rules::structure;
    std::set<std::pair<int, int>> exists;
    std::map<std::size_t, const ReportItem*> opening;
    for (const ReportItem& it : items)
    {
        exists.insert({static_cast<int>(it.kind), it.number});
        opening[it.paragraph] = &it;
    }
    for (const Paragraph& p : doc.paragraphs)
    {
        if (p.where != Where::Body && p.where != Where::Table && p.where != Where::Footnote &&
            p.where != Where::Endnote)
            continue;
        if (p.contents) // "Recommendations 9" there is a page number
            continue;
        const icu::UnicodeString u = icu::UnicodeString::fromUTF8(p.text);
        const CodePoints cp(u);
        const auto op = p.where == Where::Body ? opening.find(p.index) : opening.end();
        bool first = true;
        for (const Reference& r : references(u))
        {
            // The label that opens an item is not a reference.
            const bool label = first && op != opening.end() && op->second->kind == r.kind &&
                               op->second->number == r.number && r.begin < 24;
            first = false;
            if (label || exists.count({static_cast<int>(r.kind), r.number}))
                continue;
            std::string numbered;
            for (const ReportItem& it : items)
                if (it.kind == r.kind)
                    numbered += (numbered.empty() ? "" : ", ") + std::to_string(it.number);
            Finding f = structure_finding(
                R::cross_reference, profile.findings_marker, &p,
                std::string("\"") +
                    (r.kind == ReportItem::Kind::Finding ? "Finding " : "Recommendation ") +
                    std::to_string(r.number) + "\" is referred to but there is no such " +
                    to_string(r.kind),
                "The report's " + std::string(to_string(r.kind)) + "s are numbered " +
                    (numbered.empty() ? std::string("(none found)") : numbered) +
                    "; a reference that does not resolve sends the reader to the wrong place.",
                "Correct the number");
            f.start = cp(r.begin);
            f.end = cp(r.end);
            f.text.clear();
            icu::UnicodeString(u, r.begin, r.end - r.begin).toUTF8String(f.text);
            out.push_back(std::move(f));
        }
    }
}

} // namespace scrqm::structure
