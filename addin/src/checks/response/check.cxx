// The board written response check (QM16): the response's own text against
// the rules and plain-English settings of data/response.json.
#include <scrqm/catalogue.hxx>
#include <scrqm/response.hxx>
#include <scrqm/rules.hxx>
#include <scrqm/strings.hxx>
#include <scrqm/text.hxx>

#include "rules.hxx"

#include <boost/property_tree/ptree.hpp>
#include <unicode/brkiter.h>
#include <unicode/regex.h>

#include <algorithm>
#include <map>

namespace pt = boost::property_tree;

namespace scrqm
{

namespace
{

std::vector<std::string> strings(const pt::ptree& node, const std::string& key)
{
    std::vector<std::string> out;
    if (const auto child = node.get_child_optional(key))
        for (const auto& [k, v] : *child)
            out.push_back(v.get_value<std::string>());
    return out;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to)
{
    for (std::size_t pos = s.find(from); pos != std::string::npos;
         pos = s.find(from, pos + to.size()))
        s.replace(pos, from.size(), to);
    return s;
}

std::unique_ptr<icu::RegexPattern> compile(const std::string& pattern, const std::string& what)
{
    UErrorCode status = U_ZERO_ERROR;
    UParseError pe{};
    std::unique_ptr<icu::RegexPattern> p(icu::RegexPattern::compile(
        icu::UnicodeString::fromUTF8(pattern), UREGEX_CASE_INSENSITIVE, pe, status));
    if (U_FAILURE(status))
        throw DataError(what + ": bad pattern \"" + pattern + "\"");
    return p;
}

bool contains_any(const std::string& folded, const std::vector<std::string>& cues)
{
    return std::any_of(cues.begin(), cues.end(),
                       [&](const std::string& c) { return folded.find(c) != std::string::npos; });
}

// "Table1 B2" -> table "Table1", column 1, row 2; nested tables are skipped.
bool parse_cell(const std::string& container, std::string& table, int& column, int& row)
{
    if (container.find(" (in ") != std::string::npos)
        return false;
    const auto space = container.rfind(' ');
    if (space == std::string::npos)
        return false;
    const std::string cell = container.substr(space + 1);
    std::size_t i = 0;
    column = 0;
    while (i < cell.size() && std::isupper(static_cast<unsigned char>(cell[i])))
        column = column * 26 + (cell[i++] - 'A' + 1);
    if (column == 0 || i == cell.size() ||
        !std::all_of(cell.begin() + static_cast<long>(i), cell.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
        return false;
    row = digits_value(std::string_view(cell).substr(i));
    table = container.substr(0, space);
    return true;
}

} // namespace

struct ResponseCheck::Impl
{
    struct Rule
    {
        std::string id;
        const scrqm::Rule* rule = nullptr;
        int question = 0;
        std::vector<std::vector<std::string>> cues; // every group needs one cue
        bool needs_date = false;
        std::vector<std::string> heading; // where to point when missing
        std::vector<std::string> table_header;
        std::string message, fix;
    };
    struct Jargon
    {
        std::string term, plain;
        std::unique_ptr<icu::RegexPattern> pattern;
    };

    std::string tag_prefix;
    std::vector<std::string> title_cues;
    std::vector<Rule> rules;
    std::vector<Jargon> jargon;
    const scrqm::Rule* plain_rule = nullptr;
    std::string plain_message, plain_fix, jargon_message;
    int plain_question = 2;
    std::size_t max_words = 30;
    std::unique_ptr<icu::RegexPattern> date;

    // The text a rule may read: body and table paragraphs that are not
    // headings, without placeholders, folded.
    struct Text
    {
        const Paragraph* p;
        std::string folded;
    };

    static std::vector<Text> texts(const Document& doc)
    {
        std::vector<Text> out;
        for (const Paragraph& p : doc.paragraphs)
            if (own_text(p))
                out.push_back({&p, fold(text_without_placeholders(p))});
        return out;
    }

    // Body and table text that is the board's own: not headings, and not a
    // finding or recommendation quoted from the report (the pre-filled
    // action table), which neither answers QM16 nor is the board's wording.
    static bool own_text(const Paragraph& p)
    {
        if (!((p.where == Where::Body && p.outline_level == 0) || p.where == Where::Table))
            return false;
        const std::string f = fold(p.text.substr(0, 40));
        for (const char* label : {"finding ", "recommendation "})
        {
            const std::size_t n = std::char_traits<char>::length(label);
            if (f.compare(0, n, label) == 0 && f.size() > n &&
                std::isdigit(static_cast<unsigned char>(f[n])))
                return false;
        }
        return true;
    }

    bool has_date(const std::string& text) const
    {
        UErrorCode status = U_ZERO_ERROR;
        const icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
        std::unique_ptr<icu::RegexMatcher> m(date->matcher(u, status));
        return U_SUCCESS(status) && m->find(status);
    }

    // Whether the rule's cues are met; an action table, when there is one,
    // is judged by its rows instead.
    bool met(const Rule& r, const std::vector<Text>& texts) const
    {
        if (!r.table_header.empty())
        {
            // A table with an agency column: met when a row names an agency.
            std::map<std::string, int> agency_column;
            for (const Text& t : texts)
            {
                std::string table;
                int column = 0, row = 0;
                if (t.p->where == Where::Table && parse_cell(t.p->container, table, column, row) &&
                    row == 1 && contains_any(t.folded, r.table_header) &&
                    !agency_column.count(table))
                    agency_column[table] = column;
            }
            if (!agency_column.empty())
            {
                for (const Text& t : texts)
                {
                    std::string table;
                    int column = 0, row = 0;
                    if (t.p->where == Where::Table &&
                        parse_cell(t.p->container, table, column, row) && row > 1 &&
                        agency_column.count(table) && agency_column[table] == column &&
                        !trim(t.folded, " \t\r\n\u00a0").empty())
                        return true;
                }
                return false;
            }
        }
        for (std::size_t g = 0; g < r.cues.size(); ++g)
        {
            const bool found = std::any_of(texts.begin(), texts.end(),
                                           [&](const Text& t)
                                           {
                                               return contains_any(t.folded, r.cues[g]) &&
                                                      (g > 0 || !r.needs_date ||
                                                       has_date(text_without_placeholders(*t.p)));
                                           });
            if (!found)
                return false;
        }
        return true;
    }

    void load(const std::string& dir);
    void plain_english(const Paragraph& p, std::vector<Finding>& out) const;
};

void ResponseCheck::Impl::load(const std::string& dir)
{
    const std::string path = dir + "/response.json";
    const pt::ptree root = read_json_data(path);
    tag_prefix = root.get<std::string>("applies_when.tag_prefix", "");
    for (const std::string& c : strings(root, "applies_when.title_cues"))
        title_cues.push_back(fold(c));
    if (tag_prefix.empty() || title_cues.empty())
        throw DataError(path + ": applies_when needs tag_prefix and title_cues");

    const auto plain = root.get_child_optional("plain_english");
    if (!plain)
        throw DataError(path + ": missing object \"plain_english\"");
    plain_rule = &rule_named(plain->get<std::string>("rule", ""), path + ": plain_english");
    plain_question = plain->get<int>("question", 2);
    max_words = plain->get<std::size_t>("max_sentence_words", 30);
    plain_message = plain->get<std::string>("message", "");
    plain_fix = plain->get<std::string>("fix", "");
    jargon_message = plain->get<std::string>("jargon_message", "");
    if (plain_message.empty() || jargon_message.empty() || max_words < 5)
        throw DataError(path + ": plain_english needs message, jargon_message and "
                               "max_sentence_words of at least 5");
    if (const auto j = plain->get_child_optional("jargon"))
        for (const auto& [k, node] : *j)
        {
            Jargon entry;
            entry.term = node.get<std::string>("term", "");
            entry.plain = node.get<std::string>("plain", "");
            if (entry.term.empty() || entry.plain.empty())
                throw DataError(path + ": plain_english.jargon: an entry lacks term or plain");
            // The term as literal text, between word boundaries.
            entry.pattern =
                compile("\\b\\Q" + entry.term + "\\E\\b", path + ": jargon \"" + entry.term + "\"");
            jargon.push_back(std::move(entry));
        }

    date = compile("\\b(?:\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}|(?:january|february|march|april|may|"
                   "june|july|august|september|october|november|december)|(?:19|20)\\d\\d)\\b",
                   "built-in date pattern");

    std::vector<std::string> ids;
    const pt::ptree none;
    const auto rule_nodes = root.get_child_optional("rules");
    for (const auto& [k, node] : rule_nodes ? *rule_nodes : none)
    {
        Rule r;
        r.id = node.get<std::string>("rule", "");
        const std::string where = "rule \"" + r.id + "\"";
        if (r.id.empty() || std::find(ids.begin(), ids.end(), r.id) != ids.end())
            throw DataError(path + ": " + where + ": missing or duplicate rule");
        ids.push_back(r.id);
        r.rule = &rule_named(r.id, path);
        r.question = node.get<int>("question", 0);
        r.needs_date = node.get<bool>("needs_date", false);
        r.message = node.get<std::string>("message", "");
        r.fix = node.get<std::string>("fix", "");
        const auto groups = node.get_child_optional("cues");
        for (const auto& [gk, group] : groups ? *groups : none)
        {
            std::vector<std::string> cues;
            for (const auto& [ck, cue] : group)
                cues.push_back(fold(cue.get_value<std::string>()));
            if (cues.empty())
                throw DataError(path + ": " + where + ": an empty cue group");
            r.cues.push_back(std::move(cues));
        }
        for (const std::string& h : strings(node, "heading"))
            r.heading.push_back(fold(h));
        for (const std::string& h : strings(node, "action_table.header_cues"))
            r.table_header.push_back(fold(h));
        if (r.cues.empty() || r.message.empty() || r.question < 1 || r.question > 7)
            throw DataError(path + ": " + where + ": needs cues, a message and a question 1-7");
        // The rule's own examples: one paragraph each.
        for (const char* kind : {"match", "nomatch"})
            for (const std::string& e : strings(node, std::string("examples.") + kind))
            {
                Document d;
                d.add(Where::Body, e);
                const Rule probe = [&]
                {
                    Rule copy = r;
                    copy.table_header.clear();
                    return copy;
                }();
                if (met(probe, texts(d)) != (kind[0] == 'm'))
                    throw DataError(path + ": " + where + ": example \"" + e + "\" should " +
                                    (kind[0] == 'm' ? "" : "not ") + "satisfy the rule");
            }
        rules.push_back(std::move(r));
    }
    if (rules.empty())
        throw DataError(path + ": no rules");
}

void ResponseCheck::Impl::plain_english(const Paragraph& p, std::vector<Finding>& out) const
{
    const std::string plain = text_without_placeholders(p);
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(plain);
    const CodePoints cp(u);
    auto finding = [&](int32_t b, int32_t e, std::string message, std::string fix)
    {
        Finding f(*plain_rule);
        u.tempSubStringBetween(b, e).toUTF8String(f.text);
        f.message = std::move(message);
        f.where = p.where;
        f.paragraph = p.index;
        f.start = cp(b);
        f.end = cp(e);
        f.explanation = "QM16 question " + std::to_string(plain_question) +
                        ": is the response written in plain English?";
        f.advice = std::move(fix);
        out.push_back(std::move(f));
    };

    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> sentences(
        icu::BreakIterator::createSentenceInstance(icu::Locale::getUK(), status));
    if (U_SUCCESS(status))
    {
        sentences->setText(u);
        int32_t start = sentences->first();
        for (int32_t end = sentences->next(); end != icu::BreakIterator::DONE;
             start = end, end = sentences->next())
        {
            std::size_t words = 0;
            bool in_word = false;
            for (int32_t i = start; i < end; ++i)
            {
                const bool letter = u_isalnum(u.charAt(i));
                if (letter && !in_word)
                    ++words;
                in_word = letter || (in_word && (u.charAt(i) == '\'' || u.charAt(i) == '-'));
            }
            if (words > max_words)
            {
                int32_t e = end;
                while (e > start && u_isspace(u.charAt(e - 1)))
                    --e;
                finding(start, e,
                        replace_all(plain_message, "{max}", std::to_string(max_words)) + " (" +
                            std::to_string(words) + " words)",
                        plain_fix);
            }
        }
    }
    for (const Jargon& j : jargon)
    {
        status = U_ZERO_ERROR;
        std::unique_ptr<icu::RegexMatcher> m(j.pattern->matcher(u, status));
        while (U_SUCCESS(status) && m->find(status))
        {
            const int32_t b = m->start(status), e = m->end(status);
            finding(b, e,
                    replace_all(replace_all(jargon_message, "{term}", j.term), "{plain}", j.plain),
                    "Write \"" + j.plain + "\".");
        }
    }
}

ResponseCheck::ResponseCheck(const std::string& data_dir) : impl_(std::make_unique<Impl>())
{
    impl_->load(data_dir);
}

ResponseCheck::~ResponseCheck() = default;

bool ResponseCheck::applies(const Document& doc) const
{
    std::size_t body_seen = 0;
    for (const Paragraph& p : doc.paragraphs)
    {
        if (p.where == Where::Property && p.container == "bookmark name" &&
            p.text.rfind(impl_->tag_prefix, 0) == 0)
            return true;
        // The title: the first few lines, where a report would not say
        // "written response" in passing.
        if (p.where == Where::Body && !trim(p.text, " \t\r\n\u00a0").empty() && body_seen++ < 3 &&
            contains_any(fold(text_without_placeholders(p)), impl_->title_cues))
            return true;
    }
    const auto title = doc.properties.find("title");
    return title != doc.properties.end() && contains_any(fold(title->second), impl_->title_cues);
}

std::vector<Finding> ResponseCheck::run(const Document& doc) const
{
    std::vector<Finding> out;
    if (!applies(doc))
        return out;
    const auto texts = Impl::texts(doc);
    for (const Impl::Rule& r : impl_->rules)
    {
        if (impl_->met(r, texts))
            continue;
        Finding f(*r.rule);
        f.message = r.message;
        f.advice = r.fix;
        f.explanation = "QM16 question " + std::to_string(r.question) +
                        "; none of the expected statements was found (placeholders and headings "
                        "do not count)";
        f.score = 0.7;
        // Point at the section that should answer the question, if any.
        for (const Paragraph& p : doc.paragraphs)
            if (p.where == Where::Body && p.outline_level > 0 &&
                contains_any(fold(p.text), r.heading))
            {
                f.paragraph = p.index;
                f.text = p.text;
                f.end =
                    static_cast<std::size_t>(icu::UnicodeString::fromUTF8(p.text).countChar32());
                break;
            }
        out.push_back(std::move(f));
    }
    for (const Paragraph& p : doc.paragraphs)
        if (Impl::own_text(p))
            impl_->plain_english(p, out);
    return out;
}

} // namespace scrqm
