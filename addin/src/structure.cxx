#include <scrqm/catalogue.hxx>
#include <scrqm/report_items.hxx>
#include <scrqm/structure.hxx>
#include <scrqm/text.hxx>

#include "checks/structure/rules.hxx"

#include <boost/property_tree/ptree.hpp>
#include <unicode/regex.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace pt = boost::property_tree;

namespace scrqm
{

namespace
{

namespace R = rules::structure;

using Pattern = std::unique_ptr<icu::RegexPattern>;

Pattern compile(const std::string& pattern, const std::string& where)
{
    UErrorCode status = U_ZERO_ERROR;
    UParseError pe;
    Pattern p(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern),
                                         UREGEX_CASE_INSENSITIVE, pe, status));
    if (U_FAILURE(status))
        throw DataError(where + ": bad pattern \"" + pattern + "\" at offset " +
                        std::to_string(pe.offset) + ": " + u_errorName(status));
    return p;
}

bool finds(const icu::RegexPattern& p, const icu::UnicodeString& text)
{
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexMatcher> m(p.matcher(text, status));
    return U_SUCCESS(status) && m->find(status);
}

std::string trim(const std::string& s)
{
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos)
        return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::vector<std::string> strings(const pt::ptree& node, const std::string& name,
                                 const std::string& where)
{
    std::vector<std::string> out;
    const auto child = node.get_child_optional(name);
    if (!child)
        return out;
    for (const auto& [k, v] : *child)
    {
        if (!k.empty() || !v.empty())
            throw DataError(where + ": \"" + name + "\" must be a list of strings");
        out.push_back(v.data());
    }
    return out;
}

std::size_t words(const std::string& text)
{
    std::size_t n = 0;
    for (const Token& t : tokenize(icu::UnicodeString::fromUTF8(text)))
        n += t.alpha || t.number;
    return n;
}

std::size_t code_points(const std::string& text)
{
    return static_cast<std::size_t>(icu::UnicodeString::fromUTF8(text).countChar32());
}

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

std::string join(const std::vector<std::string>& list, std::size_t limit)
{
    std::string out;
    for (std::size_t i = 0; i < list.size() && i < limit; ++i)
        out += (i ? ", " : "") + list[i];
    if (list.size() > limit)
        out += ", ...";
    return out;
}

constexpr const char* kMonths = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|"
                                "july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|"
                                "dec(?:ember)?)";

struct Patterns
{
    Pattern heading_number = compile("^\\s*(?:\\d+(?:\\.\\d+)*\\.?|[A-Z]\\.)\\s+", "built-in");
    Pattern date =
        compile(std::string("\\b\\d{1,2}(?:st|nd|rd|th)?\\s+") + kMonths + "\\b|\\b" + kMonths +
                    "\\.?\\s+(?:\\d{1,2}(?:st|nd|rd|th)?,?\\s+)?(?:19|20)\\d\\d\\b|"
                    "\\b\\d{1,2}[/.]\\d{1,2}[/.](?:19|20)?\\d\\d\\b",
                "built-in");
    Pattern reference = compile("\\b(finding|recommendation)s?\\s+(\\d{1,3})((?:\\s*(?:,|and|&|or|"
                                "to)\\s*\\d{1,3}\\b)*)",
                                "built-in");
    Pattern number = compile("\\d{1,3}", "built-in");
};

const Patterns& patterns()
{
    static const Patterns p;
    return p;
}

struct Reference
{
    ReportItem::Kind kind;
    int number;
    int32_t begin, end; // UTF-16 in the paragraph
};

std::vector<Reference> references(const icu::UnicodeString& text)
{
    std::vector<Reference> out;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexMatcher> m(patterns().reference->matcher(text, status));
    while (U_SUCCESS(status) && m->find(status))
    {
        const bool rec = u_tolower(text.char32At(m->start(1, status))) == u'r';
        const ReportItem::Kind kind =
            rec ? ReportItem::Kind::Recommendation : ReportItem::Kind::Finding;
        // The first number, then each number of a list "Findings 1, 2 and 4".
        const int32_t from = m->start(2, status), to = m->end(3, status);
        icu::UnicodeString list = text.tempSubStringBetween(from, to);
        std::unique_ptr<icu::RegexMatcher> n(patterns().number->matcher(list, status));
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

Finding make(const Rule& rule, const std::string& marker, const Paragraph* p, std::string message,
             std::string explanation, std::string advice = {})
{
    Finding f(rule);
    f.marker = marker; // the profile's marker for the section
    f.message = std::move(message);
    f.explanation = std::move(explanation);
    f.advice = std::move(advice);
    if (p)
    {
        f.where = p->where;
        f.paragraph = p->index;
        f.text = p->text;
        f.end = code_points(p->text);
    }
    return f;
}

} // namespace

std::string profile_path(const std::string& data_dir, const std::string& name)
{
    if (name.find('/') != std::string::npos ||
        (name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0))
        return name;
    return data_dir + "/profiles/" + (name.empty() ? std::string("scr-report") : name) + ".json";
}

StructureProfile load_profile(const std::string& path, const std::string& data_dir)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw DataError(path + ": cannot open the structure profile");
    std::stringstream text;
    text << in.rdbuf();
    const pt::ptree root = parse_json_data(text.str(), path);
    StructureProfile p;
    p.path = path;
    p.id = root.get<std::string>("id", "");
    p.title = root.get<std::string>("title", "");
    if (p.id.empty())
        throw DataError(path + ": missing \"id\"");
    p.max_heading_level = root.get<int>("max_heading_level", 2);
    const auto sections = root.get_child_optional("sections");
    if (!sections || sections->empty())
        throw DataError(path + ": missing \"sections\" (a list of the expected sections)");
    std::set<std::string> ids;
    for (const auto& [k, node] : *sections)
    {
        ProfileSection s;
        s.id = node.get<std::string>("id", "");
        const std::string where = path + ": section " + std::to_string(p.sections.size() + 1) +
                                  (s.id.empty() ? "" : " \"" + s.id + "\"");
        if (s.id.empty() || !ids.insert(s.id).second)
            throw DataError(where + ": missing or duplicate id");
        s.title = node.get<std::string>("title", s.id);
        s.names = strings(node, "names", where);
        if (s.names.empty())
            throw DataError(where + ": \"names\" must list at least one pattern");
        for (const std::string& n : s.names)
            compile(n, where);
        const std::string required = node.get<std::string>("required", "false");
        if (required != "true" && required != "false")
            throw DataError(where + ": \"required\" must be true or false");
        s.required = required == "true";
        s.marker = node.get<std::string>("marker", "");
        if (s.marker.rfind("QM", 0) != 0)
            throw DataError(where + ": \"marker\" must name a quality marker (\"QM14\")");
        s.why = node.get<std::string>("why", "");
        try
        {
            s.min_words = node.get<std::size_t>("min_words", 1);
        }
        catch (const pt::ptree_error&)
        {
            throw DataError(where + ": \"min_words\" must be a number");
        }
        p.sections.push_back(std::move(s));
    }
    if (const auto f = root.get_child_optional("findings"))
    {
        p.findings_marker = f->get<std::string>("marker", p.findings_marker);
        const std::string cues = f->get<std::string>("explanation_cues", "");
        if (!cues.empty())
        {
            const std::string cue_path = data_dir + "/lexicons/" + cues;
            p.explanation_cues = Lexicon::load(cue_path);
            std::ifstream cf(cue_path);
            std::string line;
            while (std::getline(cf, line))
                if (!line.empty() && line[0] != '#')
                    p.explanation_cue_list.push_back(trim(line));
        }
        for (const std::string& c : strings(*f, "board_question_cues", path + ": findings"))
            p.board_question_cues.push_back(fold(c));
        for (const std::string& a : strings(*f, "addressees", path + ": findings"))
            p.addressees.push_back(fold(a));
    }
    if (const auto c = root.get_child_optional("chronology"))
    {
        p.chronology_marker = c->get<std::string>("marker", p.chronology_marker);
        try
        {
            p.chronology_min_run = c->get<std::size_t>("min_run", 6);
        }
        catch (const pt::ptree_error&)
        {
            throw DataError(path + ": chronology: \"min_run\" must be a number");
        }
        if (p.chronology_min_run < 2)
            throw DataError(path + ": chronology: \"min_run\" must be at least 2");
    }
    return p;
}

StructureCheck::StructureCheck(const std::string& data_dir) : data_dir_(data_dir)
{
    profile(""); // the default profile is validated when the check is created
}

StructureCheck::~StructureCheck() = default;

const StructureProfile& StructureCheck::profile(const std::string& name) const
{
    const std::lock_guard<std::mutex> lock(mutex_);
    const std::string path = profile_path(data_dir_, name);
    auto& slot = profiles_[path];
    if (!slot)
    {
        std::ifstream probe(path);
        if (!probe && path != name)
        {
            std::string known;
            std::error_code ec;
            for (const auto& e : std::filesystem::directory_iterator(data_dir_ + "/profiles", ec))
                if (e.path().extension() == ".json")
                    known += (known.empty() ? "" : ", ") + e.path().stem().string();
            throw DataError("unknown structure profile \"" + name + "\" (available: " + known +
                            "; or give the path of a .json profile)");
        }
        slot = std::make_unique<StructureProfile>(load_profile(path, data_dir_));
    }
    return *slot;
}

std::vector<Finding> StructureCheck::run(const Document& doc, const CheckOptions& options) const
{
    return run(doc, profile(options.profile));
}

std::vector<Finding> StructureCheck::run(const Document& doc, const StructureProfile& profile) const
{
    std::vector<Finding> out;
    std::vector<const Paragraph*> body;
    for (const Paragraph& p : doc.paragraphs)
        if (p.where == Where::Body)
            body.push_back(&p);
    if (body.empty())
        return out;
    const std::vector<Section> sections = compute_sections(doc);
    if (sections.empty())
    {
        // Without headings every section would be "missing": say it once.
        Finding f = make(R::no_headings, "QM14", nullptr,
                         "The document has no headings, so its sections cannot be checked",
                         "The " + profile.id +
                             " profile recognises sections by their headings (heading styles "
                             "or outline levels; \"# Title\" in Markdown). QM14 question 1: "
                             "the structure should make the analysis and findings easy to find.",
                         "Give each section a heading in a heading style");
        f.where = body[0]->where;
        f.paragraph = body[0]->index;
        out.push_back(std::move(f));
    }

    // --- Sections: which heading serves which profile section.
    std::vector<std::vector<Pattern>> names(profile.sections.size());
    for (std::size_t i = 0; i < profile.sections.size(); ++i)
        for (const std::string& n : profile.sections[i].names)
            names[i].push_back(compile(n, profile.path));
    std::vector<const Section*> served(profile.sections.size(), nullptr);
    for (const Section& s : sections)
    {
        if (s.level > profile.max_heading_level)
            continue;
        icu::UnicodeString title = icu::UnicodeString::fromUTF8(s.title);
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::RegexMatcher> m(patterns().heading_number->matcher(title, status));
        title = m->replaceFirst("", status);
        for (std::size_t i = 0; i < profile.sections.size(); ++i)
            if (!served[i] && std::any_of(names[i].begin(), names[i].end(),
                                          [&](const Pattern& p) { return finds(*p, title); }))
                served[i] = &s;
    }
    for (std::size_t i = 0; i < profile.sections.size(); ++i)
    {
        const ProfileSection& ps = profile.sections[i];
        if (served[i])
        {
            const Section& s = *served[i];
            std::size_t n = 0;
            for (const Paragraph& p : doc.paragraphs)
                if ((p.where == Where::Body && p.index > s.paragraph && p.index < s.end) ||
                    (p.where == Where::Table && p.anchor >= s.paragraph && p.anchor < s.end))
                    n += words(p.text);
            if (n < ps.min_words)
                out.push_back(make(R::empty_section, ps.marker, body[s.paragraph],
                                   "Section \"" + s.title + "\" (" + ps.title + ") is " +
                                       (n == 0 ? std::string("empty")
                                               : "almost empty: " + std::to_string(n) + " words"),
                                   "The " + profile.id + " profile expects at least " +
                                       std::to_string(ps.min_words) + " words here. " + ps.why,
                                   "Write the section, or remove the heading"));
            continue;
        }
        if (!ps.required || sections.empty())
            continue;
        // Point at where it would usually go: the next section present, or
        // the end when only earlier sections are there.
        const bool earlier = std::any_of(served.begin(), served.begin() + static_cast<long>(i),
                                         [](const Section* x) { return x != nullptr; });
        const Paragraph* at = earlier ? body.back() : body[0];
        for (std::size_t j = i + 1; j < profile.sections.size(); ++j)
            if (served[j])
            {
                at = body[served[j]->paragraph];
                break;
            }
        Finding f = make(R::missing_section, ps.marker, nullptr, "No section for " + ps.title, {},
                         "Add a section \"" + ps.title + "\"");
        f.where = at->where;
        f.paragraph = at->index;
        f.explanation = "No heading (level 1-" + std::to_string(profile.max_heading_level) +
                        ") matches any name this section goes by (" + join(ps.names, 4) + "). " +
                        ps.why;
        out.push_back(std::move(f));
    }
    // Order: sections present, in document order; the longest run in the
    // usual order stays, the others are out of order.
    std::vector<std::size_t> present;
    for (std::size_t i = 0; i < served.size(); ++i)
        if (served[i])
            present.push_back(i);
    std::sort(present.begin(), present.end(),
              [&](std::size_t a, std::size_t b)
              { return served[a]->paragraph < served[b]->paragraph; });
    {
        const std::size_t n = present.size();
        std::vector<std::size_t> len(n, 1), prev(n, n);
        std::size_t best = n;
        for (std::size_t i = 0; i < n; ++i)
        {
            for (std::size_t j = 0; j < i; ++j)
                if (present[j] < present[i] && len[j] + 1 > len[i])
                {
                    len[i] = len[j] + 1;
                    prev[i] = j;
                }
            if (best == n || len[i] > len[best])
                best = i;
        }
        std::vector<bool> in_order(n, false);
        for (std::size_t i = best; i < n; i = prev[i])
            in_order[i] = true;
        for (std::size_t i = 0; i < n; ++i)
        {
            if (in_order[i])
                continue;
            const ProfileSection& ps = profile.sections[present[i]];
            // The first section before it that usually comes after it.
            std::string after;
            for (std::size_t j = 0; j < i && after.empty(); ++j)
                if (present[j] > present[i])
                    after = profile.sections[present[j]].title;
            std::string next;
            for (std::size_t j = i + 1; j < n && next.empty(); ++j)
                if (present[j] < present[i])
                    next = profile.sections[present[j]].title;
            out.push_back(make(
                R::section_order, ps.marker, body[served[present[i]]->paragraph],
                "Section \"" + served[present[i]]->title + "\" (" + ps.title +
                    ") is out of the usual order" +
                    (!after.empty() ? ": it comes after " + after : ": it comes before " + next),
                "The " + profile.id +
                    " profile lists the sections in the order readers expect them; " + ps.title +
                    " usually comes " + (!after.empty() ? "before " + after : "after " + next) +
                    ".",
                "Move the section"));
        }
    }

    // --- Findings and recommendations.
    const std::vector<ReportItem> items = extract_report_items(doc);
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
        if (s && !any)
        {
            std::size_t n = 0;
            for (std::size_t i = s->paragraph + 1; i < s->end && i < body.size(); ++i)
                n += words(body[i]->text);
            if (n > 0)
                out.push_back(make(
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
            if (it.kind != kind)
                continue;
            const Paragraph* p = body[it.paragraph];
            if (!seen.insert(it.number).second)
                out.push_back(make(R::numbering_duplicate, profile.findings_marker, p,
                                   it.label + " is numbered twice",
                                   "Each finding and recommendation needs its own number so that "
                                   "the board's response and cross-references can name it.",
                                   "Renumber"));
            else if (it.number != expected)
                out.push_back(make(
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
                out.push_back(make(
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
            if (!question && !recommended.count(it.number))
                out.push_back(
                    make(R::finding_without_recommendation, profile.findings_marker, p,
                         it.label + " leads to no recommendation and no question for the board",
                         "No recommendation cites \"" + it.label +
                             "\" or follows it in its section, and the finding asks the board no "
                             "question. QM14 and QM15: each finding should lead to action.",
                         "Add a recommendation that cites " + it.label +
                             ", or a question for the board"));
            continue;
        }
        if (!traced[i])
            out.push_back(
                make(R::recommendation_untraced, profile.findings_marker, p,
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
            out.push_back(make(
                R::recommendation_unaddressed, profile.findings_marker, p,
                it.label + " is not addressed to anyone: it names no board, agency or service",
                "A recommendation says who is to act. The check looked for an addressee word (" +
                    join(profile.addressees, 8) + ") and found none.",
                "Name who should act: \"The board should ...\", \"Children's services should "
                "...\""));
    }

    // --- Cross-references: every "Finding N" / "Recommendation N" exists.
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
            Finding f = make(
                R::cross_reference, profile.findings_marker, &p,
                std::string("\"") +
                    (r.kind == ReportItem::Kind::Finding ? "Finding " : "Recommendation ") +
                    std::to_string(r.number) + "\" is referred to but there is no such " +
                    to_string(r.kind),
                "The report's " + std::string(to_string(r.kind)) + "s are numbered " +
                    [&]
                    {
                        std::string list;
                        for (const ReportItem& it : items)
                            if (it.kind == r.kind)
                                list += (list.empty() ? "" : ", ") + std::to_string(it.number);
                        return list.empty() ? std::string("(none found)") : list;
                    }() +
                    "; a reference that does not resolve sends the reader to the wrong place.",
                "Correct the number");
            f.start = cp(r.begin);
            f.end = cp(r.end);
            f.text.clear();
            icu::UnicodeString(u, r.begin, r.end - r.begin).toUTF8String(f.text);
            out.push_back(std::move(f));
        }
    }

    // --- Chronology: a long run of paragraphs that each open with a date.
    std::vector<const Paragraph*> run;
    auto flush = [&]
    {
        if (run.size() >= profile.chronology_min_run)
        {
            Finding f = make(
                R::chronology, profile.chronology_marker, run.front(),
                std::to_string(run.size()) + " dated paragraphs in a row (body paragraphs " +
                    std::to_string(run.front()->index + 1) + "-" +
                    std::to_string(run.back()->index + 1) + ") read as a blow-by-blow chronology",
                "Each of these paragraphs gives a date in its first words. The National Panel "
                "asks reports not to include blow-by-blow accounts (QM14 knowledge base): "
                "they add family detail and hide the analysis. The profile flags runs of " +
                    std::to_string(profile.chronology_min_run) + " or more.",
                "Summarise the period and keep the dates the analysis needs; a full "
                "chronology belongs in the review's working papers");
            out.push_back(std::move(f));
        }
        run.clear();
    };
    for (const Paragraph* p : body)
    {
        const std::string t = trim(p->text);
        if (t.empty())
            continue;
        if (p->outline_level > 0)
        {
            flush();
            continue;
        }
        icu::UnicodeString u = icu::UnicodeString::fromUTF8(t);
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::RegexMatcher> m(patterns().date->matcher(u, status));
        if (U_SUCCESS(status) && m->find(status) && m->start(status) < 40)
            run.push_back(p);
        else
            flush();
    }
    flush();
    return out;
}

} // namespace scrqm
