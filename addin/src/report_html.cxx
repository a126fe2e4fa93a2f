// The exported report as one printable HTML page (report_export.hxx).
#include <scrqm/enum_names.hxx>
#include <scrqm/report_export.hxx>
#include <scrqm/rule_ids.hxx>

#include "report_pieces.hxx"

#include <algorithm>
#include <array>
#include <cstdint>

namespace scrqm
{

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

// In the order of Where's values.
// clang-format off
constexpr const char* kPlaceNames[] = {"Body", "Table", "Footnote", "Endnote", "Header", "Footer",
                                       "Frame or text box", "Comment", "Document property"};
// clang-format on

std::string place_name(Where where)
{
    return name_of(kPlaceNames, where, "Body");
}

std::string capitalised(std::string s)
{
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z')
        s[0] = static_cast<char>(s[0] - 'a' + 'A');
    std::replace(s.begin(), s.end(), '-', ' ');
    return s;
}

// In the order of Severity's values.
constexpr const char* kSeverityHeadings[] = {"Information", "Warnings", "Errors"};

const char* severity_heading(Severity s)
{
    return name_of(kSeverityHeadings, s, "Warnings");
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
        if (std::find(families.begin(), families.end(), id_family(f.check)) == families.end())
            families.push_back(id_family(f.check));
    std::string out = "<h3>Findings</h3>\n";
    std::size_t number = 0;
    for (const std::string& family : families)
    {
        std::vector<const Finding*> mine;
        for (const Finding& f : findings)
            if (id_family(f.check) == family)
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

} // namespace scrqm
