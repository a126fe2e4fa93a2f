#include "tables.hxx"

#include "fixes.hxx"
#include "rules.hxx"

#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <map>

namespace scrqm::anonymisation
{

namespace
{

std::string lower(std::string s)
{
    for (char& ch : s)
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

// "58", "11 weeks", "4 months", "83 years": a person's age as a table gives it.
bool age_value(const std::string& cell)
{
    std::size_t k = 0;
    while (k < cell.size() && std::isdigit(static_cast<unsigned char>(cell[k])))
        ++k;
    if (k == 0 || k > 3)
        return false;
    std::string rest = lower(cell.substr(k));
    // "13 years 4 months", "2 years and 7 months"
    for (const char* years : {" years and ", " years ", " year and ", " year "})
    {
        const std::size_t n = std::char_traits<char>::length(years);
        if (rest.compare(0, n, years) == 0 && n < rest.size() &&
            std::isdigit(static_cast<unsigned char>(rest[n])))
        {
            std::size_t m = n;
            while (m < rest.size() && std::isdigit(static_cast<unsigned char>(rest[m])))
                ++m;
            rest = rest.substr(m);
            break;
        }
    }
    for (const char* unit : {"", " years", " year", " yrs", " months", " month", " weeks", " week",
                             " days", " day", " years old", " months old", " weeks old"})
        if (rest == unit)
            return true;
    return false;
}

bool age_header(const std::string& cell)
{
    const std::string l = lower(cell);
    return l == "age" || l.rfind("age at ", 0) == 0 || l.rfind("age when ", 0) == 0 ||
           l == "age (years)";
}

// A cell that names an age and is followed by its value: "Child's age at
// the time", "Age at death", "Mother's age".
bool names_an_age(const std::string& cell)
{
    const std::string l = " " + lower(cell) + " ";
    return l.find(" age ") != std::string::npos || l.find("'s age ") != std::string::npos;
}

bool deadline_header(const std::string& row)
{
    for (const char* h :
         {"arget date", "eadline", "imescale", "ompletion date", "ue date", "y when"})
        if (row.find(h) != std::string::npos)
            return true;
    return false;
}

} // namespace

std::vector<TableCell> cells_of(const std::string& row, std::size_t paragraph)
{
    std::vector<TableCell> cells;
    if (row.find('|') == std::string::npos)
        return cells;
    for (std::size_t from = 0;;)
    {
        const std::size_t bar = std::min(row.find('|', from), row.size());
        std::size_t b = from, e = bar;
        while (b < e && row[b] == ' ')
            ++b;
        while (e > b && row[e - 1] == ' ')
            --e;
        cells.push_back({paragraph, b, e, row.substr(b, e - b)});
        if (bar == row.size())
            break;
        from = bar + 1;
    }
    return cells;
}

TableFacts read_tables(const Document& doc)
{
    TableFacts facts;
    int author_column = -1, age_column = -1;
    bool action_plan = false;
    for (std::size_t pi = 0; pi < doc.paragraphs.size(); ++pi)
    {
        const Paragraph& p = doc.paragraphs[pi];
        if (p.text.empty())
            continue;
        // Rows under a target-date header (also a Writer table's cells).
        const bool row = p.where == Where::Table || p.text.find('|') != std::string::npos;
        if (row && deadline_header(p.text))
            action_plan = true;
        else if (!row)
            action_plan = false;
        else if (action_plan)
            facts.deadline_rows.insert(pi);

        const std::vector<TableCell> cells = cells_of(p.text, pi);
        if (cells.empty())
        {
            author_column = age_column = -1;
            continue;
        }
        bool header = false;
        for (std::size_t k = 0; k < cells.size(); ++k)
        {
            const std::string& t = cells[k].text;
            if (t == "Author" || t == "Authors" || t == "Reviewer" || t == "Lead reviewer")
                author_column = static_cast<int>(k), header = true;
            if (age_header(t))
                age_column = static_cast<int>(k), header = true;
        }
        if (header)
            continue;
        if (author_column >= 0 && author_column < static_cast<int>(cells.size()))
            facts.author_cells.emplace_back(pi,
                                            cells[static_cast<std::size_t>(author_column)].text);
        for (std::size_t k = 0; k < cells.size(); ++k)
        {
            const bool under_age = static_cast<int>(k) == age_column;
            const bool after_age = k > 0 && names_an_age(cells[k - 1].text);
            if ((under_age || after_age) && age_value(cells[k].text))
                facts.age_cells.push_back(cells[k]);
        }
    }
    return facts;
}

// Ages a table gives ("Adult A | 58 | Lived alone" under "Age"), which no
// pattern can see: a bare number is an age only because of its column.
void add_table_ages(const Document& doc, const std::vector<TableCell>& cells,
                    std::vector<Finding>& findings)
{
    if (cells.empty())
        return;
    for (const TableCell& cell : cells)
    {
        const Paragraph& p = doc.paragraphs[cell.paragraph];
        const auto points = [&](std::size_t byte)
        {
            return static_cast<std::size_t>(
                icu::UnicodeString::fromUTF8(p.text.substr(0, byte)).countChar32());
        };
        const std::size_t start = points(cell.begin), end = points(cell.end);
        const bool covered = std::any_of(findings.begin(), findings.end(),
                                         [&](const Finding& f) {
                                             return f.where == p.where && f.paragraph == p.index &&
                                                    f.start < end && start < f.end;
                                         });
        if (covered)
            continue;
        Finding f(rules::anonymisation::age);
        f.where = p.where;
        f.paragraph = p.index;
        f.start = start;
        f.end = end;
        f.text = cell.text;
        f.score = 0.8;
        f.message = "Exact age";
        f.explanation = "a number in a table's age column";
        f.fixes = anonymisation_fixes(rules::anonymisation::age, f.text);
        findings.push_back(std::move(f));
    }
    // In reading order again, as the rest of the check gives them.
    std::map<std::pair<Where, std::size_t>, std::size_t> order;
    for (std::size_t k = 0; k < doc.paragraphs.size(); ++k)
        order[{doc.paragraphs[k].where, doc.paragraphs[k].index}] = k;
    std::stable_sort(findings.begin(), findings.end(),
                     [&](const Finding& a, const Finding& b)
                     {
                         const std::size_t pa = order[{a.where, a.paragraph}];
                         const std::size_t pb = order[{b.where, b.paragraph}];
                         return pa != pb ? pa < pb : a.start < b.start;
                     });
}

} // namespace scrqm::anonymisation
