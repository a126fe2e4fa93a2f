// The reviewer's own lists: the case register (real identifiers and their
// pseudonyms, matched by salted hash) and the deny-list, found in a
// paragraph; and reading a clear-text register from JSON or CSV.
#include <scrqm/catalogue.hxx>
#include <scrqm/json.hxx>
#include <scrqm/register.hxx>

#include "internal.hxx"
#include "rules.hxx"

#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>

#include <fstream>
#include <sstream>

namespace pt = boost::property_tree;

namespace scrqm
{

void AnonymisationCheck::Impl::find_listed(ParagraphScan& s, const Lexicon& deny,
                                           const std::vector<const HashedRegister*>& registers)
{
    namespace R = rules::anonymisation;
    using anonymisation::hit_finding;
    const std::vector<Token>& tokens = s.tokens;
    for (std::size_t i = 0; i < tokens.size(); ++i)
    {
        for (const HashedRegister* reg : registers)
        {
            const HashedRegister::Target* target = nullptr;
            if (const std::size_t n = reg->match(tokens, i, &target))
            {
                Finding f = hit_finding(
                    R::register_, 1.0, "Identifier from the case register",
                    "register: a real " +
                        (target->kind.empty() ? std::string("identifier") : target->kind) +
                        " of this case (matched by its salted hash)",
                    {});
                f.fixes.push_back({FixKind::Replace, target->pseudonym, {}});
                s.hits.add(s.tokens_span(i, n), std::move(f), 2);
                break;
            }
        }
        if (const std::size_t n = deny.match(tokens, i))
            s.hits.add(s.tokens_span(i, n), hit_finding(R::deny_list, 1.0, "Term on the deny-list",
                                                        "deny-list: always flagged", {}));
    }
}

std::vector<RegisterEntry> load_register(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw DataError(path + ": cannot open the register");
    std::stringstream ss;
    ss << in.rdbuf();
    return parse_register(ss.str(), path);
}

std::vector<RegisterEntry> parse_register(const std::string& text, const std::string& path)
{
    std::vector<RegisterEntry> out;
    const std::size_t first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (first != std::string::npos && (text[first] == '[' || text[first] == '{'))
    {
        const pt::ptree root = parse_json_data(text, path);
        const pt::ptree& list =
            root.get_child_optional("entries") ? root.get_child("entries") : root;
        std::size_t n = 0;
        for (const auto& [k, node] : list)
        {
            ++n;
            RegisterEntry r{node.get<std::string>("real", ""),
                            node.get<std::string>("pseudonym", ""),
                            node.get<std::string>("kind", "")};
            if (r.real.find_first_not_of(" \t") == std::string::npos)
                throw DataError(path + ": entry " + std::to_string(n) + ": missing \"real\"");
            out.push_back(std::move(r));
        }
        return out;
    }
    // CSV: real,pseudonym[,kind]; quotes allowed; a header line is skipped.
    std::istringstream lines(text);
    std::string line;
    std::size_t number = 0;
    while (std::getline(lines, line))
    {
        ++number;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.find_first_not_of(" \t,") == std::string::npos || line[0] == '#')
            continue;
        std::vector<std::string> cells(1);
        bool quoted = false;
        for (std::size_t i = 0; i < line.size(); ++i)
        {
            const char c = line[i];
            if (c == '"')
            {
                if (quoted && i + 1 < line.size() && line[i + 1] == '"')
                    cells.back() += '"', ++i;
                else
                    quoted = !quoted;
            }
            else if (c == ',' && !quoted)
                cells.emplace_back();
            else
                cells.back() += c;
        }
        if (number == 1 && fold(cells[0]) == "real")
            continue;
        RegisterEntry r{cells[0], cells.size() > 1 ? cells[1] : "",
                        cells.size() > 2 ? cells[2] : ""};
        if (r.real.find_first_not_of(" \t") == std::string::npos)
            throw DataError(path + ": line " + std::to_string(number) + ": empty real identifier");
        out.push_back(std::move(r));
    }
    return out;
}

std::string register_to_json(const std::vector<RegisterEntry>& entries)
{
    JsonWriter w;
    w.begin_array();
    for (const RegisterEntry& r : entries)
        w.begin_object()
            .member("real", r.real)
            .member("pseudonym", r.pseudonym)
            .member("kind", r.kind)
            .end_object();
    w.end_array();
    return w.take();
}

} // namespace scrqm
