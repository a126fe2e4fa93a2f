#include <scrqm/replace.hxx>
#include <scrqm/results_list.hxx>
#include <scrqm/rules.hxx>

#include <algorithm>
#include <array>
#include <limits>
#include <map>

namespace scrqm
{

namespace
{

std::string plural(std::size_t n, const char* one, const char* many)
{
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

int severity_rank(Severity s)
{
    return s == Severity::Error ? 0 : s == Severity::Warning ? 1 : 2;
}

} // namespace

std::string finding_place(const Finding& f, const Document& doc)
{
    std::string where = to_string(f.where);
    for (const Paragraph& p : doc.paragraphs)
        if (p.where == f.where && p.index == f.paragraph)
        {
            if (!p.container.empty())
                where = p.container;
            break;
        }
    if (f.where == Where::Body)
        where += " ¶" + std::to_string(f.paragraph + 1);
    return where;
}

std::string shorten(const std::string& text, std::size_t max, const char* ellipsis)
{
    std::size_t cps = 0;
    for (std::size_t i = 0; i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && cps++ == max)
            return text.substr(0, i) + ellipsis;
    return text;
}

const FixAction* one_click_fix(const Finding& f)
{
    for (const FixAction& a : f.fixes)
        switch (a.kind)
        {
        case FixKind::Replace:
        case FixKind::Generalise:
            // A document property's text is not in the body to replace.
            if (!a.replacement.empty() && f.where != Where::Property)
                return &a;
            break;
        case FixKind::Remove:
            if (f.where != Where::Property)
                return &a;
            break;
        case FixKind::DeleteComment:
        case FixKind::AcceptOrRejectChanges:
        case FixKind::ClearProperty:
            return &a;
        case FixKind::RemoveHiddenText:
        case FixKind::Allow:
            break;
        }
    return nullptr;
}

namespace
{

// The section titles of a document, built once: a lookup per finding by
// binary search (a scan per finding would be quadratic on 5,000 rows).
class Sections
{
public:
    explicit Sections(const Document& doc)
    {
        for (const Paragraph& p : doc.paragraphs)
        {
            if (p.where == Where::Body && p.outline_level > 0)
                headings_.emplace_back(p.index, p.text);
            if (p.where != Where::Body)
                anchors_[{static_cast<int>(p.where), p.index}] = p.anchor;
        }
        std::stable_sort(headings_.begin(), headings_.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
    }

    // Headers, footers and properties belong to no section.
    std::string of(const Finding& f) const
    {
        if (f.where == Where::Property || f.where == Where::Header || f.where == Where::Footer)
            return {};
        std::size_t anchor = f.paragraph;
        if (f.where != Where::Body)
            if (const auto it = anchors_.find({static_cast<int>(f.where), f.paragraph});
                it != anchors_.end())
                anchor = it->second;
        const auto after =
            std::upper_bound(headings_.begin(), headings_.end(), anchor,
                             [](std::size_t a, const std::pair<std::size_t, std::string>& h)
                             { return a < h.first; });
        return after == headings_.begin() ? std::string() : std::prev(after)->second;
    }

private:
    std::vector<std::pair<std::size_t, std::string>> headings_;  // body index, title
    std::map<std::pair<int, std::size_t>, std::size_t> anchors_; // (where, index) -> body index
};

const char* const kDot = " \u00b7 ";

} // namespace

std::string finding_section(const Finding& finding, const Document& doc)
{
    return Sections(doc).of(finding);
}

std::string finding_detail(const Finding& f)
{
    const Rule* rule = find_rule(f.check);
    std::string out = rule ? std::string(rule->name) + ": " + rule->summary + "\n" : std::string();
    out += "This one: " + f.message;
    if (!f.marker.empty())
        out += " (" + f.marker + ")";
    if (!f.explanation.empty())
        out += "\nWhy: " + f.explanation;
    std::string fixes;
    for (const FixChoice& c : fix_choices(f))
        fixes += (fixes.empty() ? "" : "; ") + c.label;
    out += "\nFixes: " +
           (fixes.empty() ? std::string("none automatic: edit the text, or Ignore") : fixes);
    if (!f.advice.empty())
        out += "\nAdvice: " + f.advice;
    return out;
}

ResultsList results_list(const CheckOutcome& outcome, const Document& doc, const ResultsView& view)
{
    const std::vector<Finding>& all = outcome.result.findings;
    auto page_of = [&](std::size_t i) { return i < view.pages.size() ? view.pages[i] : 0; };
    auto name_of = [&](const Finding& f)
    {
        const Rule* rule = find_rule(f.check);
        return rule ? std::string(rule->name) : f.check;
    };
    const Sections sections(doc);
    // "p. 7 · 4. Family involvement", then the place when it is not the body
    // ("Table1 B2", "footnote", "comment by …"); without a page the section,
    // else the place ("body ¶12", "property author").
    auto where_of = [&](std::size_t i)
    {
        const Finding& f = all[i];
        std::string out;
        if (const int page = page_of(i); page > 0)
            out = "p. " + std::to_string(page);
        if (const std::string section = sections.of(f); !section.empty())
            out += (out.empty() ? "" : kDot) + section;
        if (f.where != Where::Body || out.empty())
            out += (out.empty() ? "" : kDot) + finding_place(f, doc);
        return out;
    };
    auto row_of = [&](std::size_t i, bool with_name)
    {
        const Finding& f = all[i];
        return "    " + where_of(i) + kDot + (with_name ? name_of(f) + ": " : std::string()) +
               "\u201c" + shorten(f.text, 60) + "\u201d \u2014 " + f.message;
    };
    std::vector<std::size_t> order;
    order.reserve(outcome.shown.size());
    for (std::size_t i : outcome.shown)
        if (!view.only || all[i].severity == *view.only)
            order.push_back(i);
    // Unknown pages (0) after every known one.
    auto page_key = [&](std::size_t i)
    {
        const int p = page_of(i);
        return p > 0 ? p : std::numeric_limits<int>::max();
    };
    ResultsList out;
    out.rows.reserve(order.size() + 64);
    out.finding.reserve(order.size() + 64);
    if (view.sort == ResultsSort::ByPage)
    {
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return page_key(a) < page_key(b); });
        for (std::size_t k = 0; k < order.size();)
        {
            std::size_t end = k;
            while (end < order.size() && page_key(order[end]) == page_key(order[k]))
                ++end;
            const int page = page_of(order[k]);
            out.rows.push_back(
                (page > 0 ? "Page " + std::to_string(page) : std::string("No page")) + " (" +
                std::to_string(end - k) + ")");
            out.finding.push_back(-1);
            for (; k < end; ++k)
            {
                out.rows.push_back(row_of(order[k], true));
                out.finding.push_back(static_cast<long>(order[k]));
            }
        }
        return out;
    }
    // By kind: each rule name's most severe finding orders the groups.
    std::map<std::string, int> best;
    std::map<std::string, std::vector<std::size_t>> members;
    for (std::size_t i : order)
    {
        const std::string name = name_of(all[i]);
        const int rank = severity_rank(all[i].severity);
        const auto it = best.find(name);
        if (it == best.end() || rank < it->second)
            best[name] = rank;
        members[name].push_back(i);
    }
    std::vector<std::string> names;
    for (const auto& [name, rank] : best)
        names.push_back(name);
    std::stable_sort(names.begin(), names.end(),
                     [&](const std::string& a, const std::string& b) { return best[a] < best[b]; });
    for (const std::string& name : names)
    {
        std::vector<std::size_t>& rows = members[name];
        std::stable_sort(rows.begin(), rows.end(),
                         [&](std::size_t a, std::size_t b) { return page_key(a) < page_key(b); });
        out.rows.push_back(name + " (" + std::to_string(rows.size()) + ")");
        out.finding.push_back(-1);
        for (std::size_t i : rows)
        {
            out.rows.push_back(row_of(i, false));
            out.finding.push_back(static_cast<long>(i));
        }
    }
    return out;
}

std::string results_counts(const CheckOutcome& outcome, const std::vector<std::string>& checks)
{
    std::map<std::string, std::array<std::size_t, 3>> counts; // by family: errors, warnings, info
    for (const std::size_t i : outcome.shown)
    {
        const Finding& f = outcome.result.findings[i];
        ++counts[f.check.substr(0, f.check.find('.'))]
                [static_cast<std::size_t>(severity_rank(f.severity))];
    }
    std::string out;
    for (const std::string& id : checks)
    {
        const auto it = counts.find(id);
        const std::array<std::size_t, 3> n =
            it == counts.end() ? std::array<std::size_t, 3>{0, 0, 0} : it->second;
        out += id + ": " + plural(n[0], "error", "errors") + ", " +
               plural(n[1], "warning", "warnings") + ", " + std::to_string(n[2]) + " info\n";
    }
    return out + plural(outcome.shown.size(), "finding", "findings") + " shown, " +
           std::to_string(outcome.ignored) + " ignored";
}

} // namespace scrqm
