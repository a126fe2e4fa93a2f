#include "fixes.hxx"

#include "rules.hxx"

#include <scrqm/text.hxx>

#include <array>
#include <cctype>

namespace scrqm
{

namespace
{

namespace R = rules::anonymisation;

constexpr std::array<const char*, 12> kMonths = {"January",   "February", "March",    "April",
                                                 "May",       "June",     "July",     "August",
                                                 "September", "October",  "November", "December"};

// The words and numbers of a folded text, in order ("14th" -> "14", "th").
std::vector<std::string> pieces(const std::string& folded)
{
    std::vector<std::string> out;
    std::string cur;
    bool digits = false;
    for (char c : folded)
    {
        const bool d = std::isdigit(static_cast<unsigned char>(c)) != 0;
        const bool a = std::isalpha(static_cast<unsigned char>(c)) != 0;
        if ((!d && !a) || (!cur.empty() && d != digits))
        {
            if (!cur.empty())
                out.push_back(cur);
            cur.clear();
        }
        if (d || a)
        {
            cur += c;
            digits = d;
        }
    }
    if (!cur.empty())
        out.push_back(cur);
    return out;
}

bool is_number(const std::string& s)
{
    return !s.empty() && std::isdigit(static_cast<unsigned char>(s[0])) != 0;
}

// 1-12 for a month's name or its three-letter short form, else 0.
int month_of(const std::string& word)
{
    for (std::size_t m = 0; m < kMonths.size(); ++m)
    {
        const std::string full = fold(std::string(kMonths[m]));
        if (word == full || (word.size() == 3 && full.compare(0, 3, word) == 0) ||
            (word == "sept" && m == 8))
            return static_cast<int>(m) + 1;
    }
    return 0;
}

std::string full_year(const std::string& digits)
{
    if (digits.size() == 4)
        return digits;
    if (digits.size() == 2)
        return (digits < "50" ? "20" : "19") + digits;
    return {};
}

} // namespace

std::string month_and_year(const std::string& text)
{
    const std::vector<std::string> p = pieces(fold(text));
    std::vector<std::string> numbers;
    int month = 0;
    for (const std::string& w : p)
    {
        if (is_number(w))
            numbers.push_back(w);
        else if (!month)
            month = month_of(w);
    }
    std::string year;
    if (month)
    {
        // "14 June 2013", "June 14, 2013": the year is the 4-digit number.
        for (const std::string& n : numbers)
            if (n.size() == 4)
                year = n;
    }
    else if (numbers.size() == 3)
    {
        // 2013-06-14 (ISO 8601) or 14/06/2013, 14.6.13 (day first, as in the UK).
        const bool iso = numbers[0].size() == 4;
        month = digits_value(numbers[1]); // the middle number either way
        year = full_year(iso ? numbers[0] : numbers[2]);
        if (year.empty())
            return {};
    }
    if (month < 1 || month > 12)
        return {};
    return year.empty() ? std::string(kMonths[static_cast<std::size_t>(month - 1)])
                        : std::string(kMonths[static_cast<std::size_t>(month - 1)]) + " " + year;
}

std::string year_of(const std::string& text)
{
    const std::vector<std::string> p = pieces(fold(text));
    for (auto it = p.rbegin(); it != p.rend(); ++it)
        if (is_number(*it) && (it->size() == 4 || (it->size() == 2 && p.size() >= 3)))
            return full_year(*it);
    return {};
}

std::string age_in_years(const std::string& text)
{
    const std::string folded = fold(text);
    const std::vector<std::string> p = pieces(folded);
    int years = 0, months = 0;
    bool under_year_unit = false, any_unit = false;
    for (std::size_t i = 0; i + 1 < p.size(); ++i)
    {
        if (!is_number(p[i]))
            continue;
        const int n = digits_value(p[i]);
        const std::string& unit = p[i + 1];
        if (unit.rfind("year", 0) == 0)
            years += n, any_unit = true;
        else if (unit.rfind("month", 0) == 0)
            months += n, any_unit = true;
        else if (unit.rfind("week", 0) == 0 || unit.rfind("day", 0) == 0)
            under_year_unit = true, any_unit = true;
    }
    // Whole years only ("aged 4 years", "just 17"): nothing to round.
    if (!any_unit || (months == 0 && !under_year_unit))
        return {};
    years += months / 12;
    const bool old = folded.size() >= 3 && folded.compare(folded.size() - 3, 3, "old") == 0;
    const bool aged = folded.rfind("age", 0) == 0;
    if (years == 0)
        return aged ? "aged under one" : "under a year old";
    const std::string n = std::to_string(years);
    if (aged && !old)
        return (folded.rfind("aged", 0) == 0 ? "aged " : "age ") + n;
    return n + (years == 1 ? " year old" : " years old");
}

std::string postcode_area(const std::string& text)
{
    std::string s;
    for (char c : text)
        if (c != ' ')
            s += c;
    // The inward code is always a digit and two letters.
    return s.size() > 3 ? s.substr(0, s.size() - 3) : std::string{};
}

std::string institution_kind(const std::string& text)
{
    static const std::array<std::pair<const char*, const char*>, 16> kinds = {{
        {"primary school", "the primary school"},
        {"secondary school", "the secondary school"},
        {"high school", "the secondary school"},
        {"academy", "the school"},
        {"school", "the school"},
        {"nursery", "the nursery"},
        {"college", "the college"},
        {"children's centre", "the children's centre"},
        {"hospital", "the hospital"},
        {"surgery", "the GP surgery"},
        {"medical centre", "the GP surgery"},
        {"health centre", "the health centre"},
        {"ward", "the ward"},
        {"church", "the place of worship"},
        {"mosque", "the place of worship"},
        {"temple", "the place of worship"},
    }};
    const std::string folded = fold(text);
    for (const auto& [word, kind] : kinds)
        if (folded.find(word) != std::string::npos)
            return kind;
    return {};
}

// "on " (or "On ") as a word ending `before`, else "".
std::string on_before(const std::string& before)
{
    const std::size_t n = before.size();
    if (n < 3 || (before.compare(n - 3, 3, "on ") != 0 && before.compare(n - 3, 3, "On ") != 0))
        return {};
    if (n > 3 && std::isalnum(static_cast<unsigned char>(before[n - 4])) != 0)
        return {}; // "Upon 3 May": not the word "on"
    return before.substr(n - 3);
}

std::vector<FixAction> anonymisation_fixes(const Rule& rule, const std::string& text,
                                           const std::string& before)
{
    std::vector<FixAction> out;
    for (FixKind kind : rule.fixes)
    {
        FixAction a{kind, {}, {}, {}};
        if (kind == FixKind::Allow)
            a.target = "document";
        else if (kind == FixKind::Generalise)
        {
            if (&rule == &R::date)
            {
                // "on 12 March 2020" reads "in March 2020", not "on March 2020".
                a = {kind, month_and_year(text), "month-year", on_before(before)};
                if (!a.lead_in.empty() && !a.replacement.empty())
                    a.replacement = (a.lead_in[0] == 'O' ? "In " : "in ") + a.replacement;
                else
                    a.lead_in.clear();
            }
            else if (&rule == &R::date_of_birth)
                a = {kind, year_of(text), "year", {}};
            else if (&rule == &R::age)
                a = {kind, age_in_years(text), "years", {}};
            else if (&rule == &R::postcode)
                a = {kind, postcode_area(text), "area", {}};
            else if (&rule == &R::institution)
                a = {kind, institution_kind(text), "kind", {}};
            else if (&rule == &R::address)
                a = {kind, "the family home", "kind", {}};
            if (a.replacement.empty())
                continue; // nothing it can be generalised to: not offered
        }
        out.push_back(std::move(a));
    }
    return out;
}

} // namespace scrqm
