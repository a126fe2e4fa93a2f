#include <scrqm/catalogue.hxx>

#include <scrqm/json.hxx>

#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>

#include <algorithm>
#include <cstdlib>
#include <dirent.h>
#include <fstream>
#include <set>
#include <sstream>

namespace pt = boost::property_tree;

namespace scrqm
{

namespace
{

[[noreturn]] void fail(const std::string& path, const std::string& problem)
{
    throw DataError(path + ": " + problem);
}

std::string required_string(const std::string& path, const pt::ptree& node,
                            const std::string& where, const char* name)
{
    const auto child = node.get_child_optional(name);
    if (!child)
        fail(path, where + ": missing field \"" + name + "\"");
    if (!child->empty())
        fail(path, where + ": field \"" + name + "\" must be a string");
    std::string value = child->data();
    if (value.find_first_not_of(" \t\r\n") == std::string::npos)
        fail(path, where + ": field \"" + name + "\" is empty");
    return value;
}

std::vector<std::string> string_array(const std::string& path, const pt::ptree& node,
                                      const std::string& where, const char* name,
                                      bool must_be_non_empty)
{
    const auto child = node.get_child_optional(name);
    if (!child)
        fail(path, where + ": missing field \"" + name + "\"");
    // PropertyTree has no array type: an array is a node whose children have
    // empty keys; an empty array reads back as an empty string value.
    if (child->empty() && !child->data().empty())
        fail(path, where + ": field \"" + name + "\" must be an array");
    std::vector<std::string> out;
    std::size_t n = 0;
    for (const auto& [key, item] : *child)
    {
        ++n;
        if (!key.empty() || !item.empty())
            fail(path,
                 where + ": \"" + name + "\" item " + std::to_string(n) + " must be a string");
        if (item.data().find_first_not_of(" \t\r\n") == std::string::npos)
            fail(path, where + ": \"" + name + "\" item " + std::to_string(n) + " is empty");
        out.push_back(item.data());
    }
    if (must_be_non_empty && out.empty())
        fail(path, where + ": \"" + name + "\" must not be empty");
    return out;
}

int required_int(const std::string& path, const pt::ptree& node, const std::string& where,
                 const char* name)
{
    const std::string s = required_string(path, node, where, name);
    try
    {
        std::size_t used = 0;
        const int v = std::stoi(s, &used);
        if (used != s.size())
            throw std::invalid_argument(s);
        return v;
    }
    catch (const std::exception&)
    {
        fail(path, where + ": field \"" + name + "\" must be a whole number, not \"" + s + "\"");
    }
}

// A marker of a framework whose questions are split by audience. Text that
// could not be found may be left empty, but only when "missing" says so: an
// empty statement or question list is then a known gap, not a slip.
void load_by_audience(const std::string& path, const pt::ptree& node, const std::string& where,
                      const Catalogue& cat, Marker& m)
{
    m.statement = node.get<std::string>("statement", "");
    m.rationale = node.get<std::string>("rationale", "");
    if (m.statement.empty() && m.missing.empty())
        fail(path, where + ": \"statement\" is empty and \"missing\" does not say why");
    const auto by = node.get_child_optional("questions_by_audience");
    if (!by)
        fail(path, where + ": missing field \"questions_by_audience\"");
    for (const auto& entry : *by)
    {
        // A named copy: clang 14 (the fuzz build) cannot capture a structured binding.
        const std::string& key = entry.first;
        if (std::none_of(cat.audiences.begin(), cat.audiences.end(),
                         [&](const Cluster& a) { return a.id == key; }))
            fail(path, where + ": unknown audience \"" + key + "\"");
    }
    for (const Cluster& a : cat.audiences)
    {
        std::vector<std::string> q =
            by->get_child_optional(a.id)
                ? string_array(path, *by, where + ": questions_by_audience", a.id.c_str(), false)
                : std::vector<std::string>{};
        m.questions.insert(m.questions.end(), q.begin(), q.end());
        m.questions_by_audience.emplace_back(a.id, std::move(q));
    }
    if (m.questions.empty() && m.missing.empty())
        fail(path, where + ": no questions and \"missing\" does not say why");
}

} // namespace

pt::ptree parse_json_data(const std::string& text, const std::string& name)
{
    if (const std::size_t line = json_too_deep(text))
        throw DataError(name + ": line " + std::to_string(line) +
                        ": not valid JSON for scrqm: nested more than " +
                        std::to_string(kMaxJsonDepth) + " levels deep");
    pt::ptree root;
    std::istringstream in(text);
    try
    {
        pt::read_json(in, root);
    }
    catch (const pt::json_parser_error& e)
    {
        throw DataError(name + ": line " + std::to_string(e.line()) +
                        ": not valid JSON: " + e.message());
    }
    return root;
}

const Marker* Catalogue::find(const std::string& marker_id) const
{
    for (const Marker& m : markers)
        if (m.id == marker_id)
            return &m;
    return nullptr;
}

const Cluster* Catalogue::find_cluster(const std::string& cluster_id) const
{
    for (const Cluster& c : clusters)
        if (c.id == cluster_id)
            return &c;
    return nullptr;
}

pt::ptree read_json_data(const std::string& path, const std::string& cannot_open)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        fail(path, cannot_open);
    std::stringstream text;
    text << in.rdbuf();
    return parse_json_data(text.str(), path);
}

Catalogue load_catalogue(const std::string& path)
{
    const pt::ptree root = read_json_data(path);

    Catalogue cat;
    const auto fw = root.get_child_optional("framework");
    if (!fw)
        fail(path, "missing object \"framework\"");
    cat.id = required_string(path, *fw, "framework", "id");
    cat.title = required_string(path, *fw, "framework", "title");
    cat.publisher = required_string(path, *fw, "framework", "publisher");
    cat.year = required_int(path, *fw, "framework", "year");

    cat.source = fw->get<std::string>("source", "");
    if (const auto audiences = fw->get_child_optional("audiences"))
        for (const auto& [key, node] : *audiences)
        {
            const std::string where = "audience " + std::to_string(cat.audiences.size() + 1);
            cat.audiences.push_back({required_string(path, node, where, "id"),
                                     required_string(path, node, where, "title")});
        }

    const auto clusters = fw->get_child_optional("clusters");
    if (!clusters || clusters->empty())
        fail(path, "framework: \"clusters\" must be a non-empty array");
    for (const auto& [key, node] : *clusters)
    {
        const std::string where = "cluster " + std::to_string(cat.clusters.size() + 1);
        Cluster c{required_string(path, node, where, "id"),
                  required_string(path, node, where, "title")};
        if (cat.find_cluster(c.id))
            fail(path, where + ": duplicate cluster id \"" + c.id + "\"");
        cat.clusters.push_back(std::move(c));
    }

    const auto markers = root.get_child_optional("markers");
    if (!markers || markers->empty())
        fail(path, "\"markers\" must be a non-empty array");
    std::set<std::string> ids;
    std::set<int> numbers;
    for (const auto& [key, node] : *markers)
    {
        std::string where = "marker " + std::to_string(cat.markers.size() + 1);
        Marker m;
        m.id = required_string(path, node, where, "id");
        where += " (" + m.id + ")";
        if (!ids.insert(m.id).second)
            fail(path, where + ": duplicate marker id \"" + m.id + "\"");
        m.number = required_int(path, node, where, "number");
        if (!numbers.insert(m.number).second)
            fail(path, where + ": duplicate marker number " + std::to_string(m.number));
        m.title = required_string(path, node, where, "title");
        m.cluster = required_string(path, node, where, "cluster");
        if (!cat.find_cluster(m.cluster))
            fail(path, where + ": unknown cluster \"" + m.cluster + "\"");
        m.source = node.get<std::string>("source", "");
        m.missing = node.get<std::string>("missing", "");
        if (cat.audiences.empty())
        {
            m.statement = required_string(path, node, where, "statement");
            m.rationale = required_string(path, node, where, "rationale");
            m.questions = string_array(path, node, where, "questions", true);
            m.equality_diversity = string_array(path, node, where, "equality_diversity", false);
            m.guidance = string_array(path, node, where, "guidance", true);
        }
        else
            load_by_audience(path, node, where, cat, m);
        cat.markers.push_back(std::move(m));
    }
    return cat;
}

std::string data_dir(const std::string& fallback)
{
    if (const char* env = std::getenv("SCRQM_DATA_DIR"); env && *env)
        return env;
    return fallback;
}

std::vector<std::string> available_frameworks(const std::string& dir)
{
    std::vector<std::string> ids;
    if (DIR* d = ::opendir((dir + "/frameworks").c_str()))
    {
        while (const dirent* e = ::readdir(d))
        {
            const std::string name = e->d_name;
            if (name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0)
                ids.push_back(name.substr(0, name.size() - 5));
        }
        ::closedir(d);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

Catalogue load_framework(const std::string& dir, const std::string& id)
{
    const std::vector<std::string> ids = available_frameworks(dir);
    if (std::find(ids.begin(), ids.end(), id) == ids.end())
    {
        std::string list;
        for (const std::string& i : ids)
            list += (list.empty() ? "" : ", ") + i;
        throw DataError("unknown framework \"" + id + "\" (available: " +
                        (list.empty() ? "none; the data directory is missing" : list) + ")");
    }
    const std::string path = framework_path(dir, id);
    Catalogue cat = load_catalogue(path);
    if (cat.id != id)
        throw DataError(path + ": framework id \"" + cat.id + "\" does not match the file name");
    return cat;
}

std::string framework_path(const std::string& data_dir, const std::string& framework_id)
{
    return data_dir + "/frameworks/" + framework_id + ".json";
}

} // namespace scrqm
