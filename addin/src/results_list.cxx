#include <scrqm/results_list.hxx>

#include <algorithm>
#include <array>
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

ResultsList results_list(const CheckOutcome& outcome, const Document& doc)
{
    const std::vector<Finding>& all = outcome.result.findings;
    std::vector<std::size_t> order = outcome.shown;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b)
                     {
                         if (all[a].check != all[b].check)
                             return all[a].check < all[b].check;
                         return severity_rank(all[a].severity) < severity_rank(all[b].severity);
                     });
    ResultsList out;
    out.rows.reserve(order.size() + 32);
    out.finding.reserve(order.size() + 32);
    for (std::size_t k = 0; k < order.size();)
    {
        const Finding& head = all[order[k]];
        std::size_t end = k;
        while (end < order.size() && all[order[end]].check == head.check &&
               all[order[end]].severity == head.severity)
            ++end;
        out.rows.push_back(head.check + " · " + to_string(head.severity) + " (" +
                           std::to_string(end - k) + ")");
        out.finding.push_back(-1);
        for (; k < end; ++k)
        {
            const Finding& f = all[order[k]];
            out.rows.push_back("    “" + shorten(f.text, 60) + "”  " + finding_place(f, doc) +
                               " — " + f.message);
            out.finding.push_back(static_cast<long>(order[k]));
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
