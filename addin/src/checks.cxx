#include <scrqm/catalogue.hxx>
#include <scrqm/checks.hxx>
#include <scrqm/hidden.hxx>
#include <scrqm/language.hxx>
#include <scrqm/response.hxx>
#include <scrqm/strings.hxx>
#include <scrqm/structure.hxx>

#include <algorithm>

namespace scrqm
{

namespace
{

class AnonymisationAdapter final : public Check
{
public:
    explicit AnonymisationAdapter(const std::string& data_dir) : check_(data_dir) {}
    std::vector<Finding> run(const Document& doc, const CheckOptions& options) const override
    {
        return check_.run(doc, options.anonymisation);
    }

private:
    AnonymisationCheck check_;
};

class ResponseAdapter final : public Check
{
public:
    explicit ResponseAdapter(const std::string& data_dir) : check_(data_dir) {}
    std::vector<Finding> run(const Document& doc, const CheckOptions&) const override
    {
        return check_.run(doc);
    }

private:
    ResponseCheck check_;
};

class TemplateAdapter final : public Check
{
public:
    explicit TemplateAdapter(const std::string&) {}
    std::vector<Finding> run(const Document& doc, const CheckOptions&) const override
    {
        return find_placeholders(doc);
    }
};

template <class T> std::unique_ptr<Check> make(const std::string& data_dir)
{
    return std::make_unique<T>(data_dir);
}

} // namespace

const std::vector<CheckInfo>& registered_checks()
{
    // One line per check, sorted by id.
    static const std::vector<CheckInfo> checks = {
        {"anonymisation", "details that could identify the family (QM14)",
         &make<AnonymisationAdapter>},
        {"hidden", "hidden data: comments, tracked changes, properties, ... (QM14)",
         &make<HiddenCheck>},
        {"language", "plain English, abbreviations, hindsight and blame language (QM5, QM13, QM14)",
         &make<LanguageCheck>},
        {"response", "a board written response against QM16's seven questions",
         &make<ResponseAdapter>},
        {"structure", "sections, findings, recommendations, chronology (QM1-QM14)",
         &make<StructureCheck>},
        {"template", "template placeholders left in the document", &make<TemplateAdapter>},
    };
    return checks;
}

std::vector<std::string> parse_check_list(const std::string& list)
{
    std::vector<std::string> out;
    if (list.empty() || list == "all")
    {
        for (const CheckInfo& c : registered_checks())
            out.push_back(c.id);
        return out;
    }
    for (const std::string& item : split(list, ","))
    {
        const std::string id = trim(item, " ", " ");
        if (id.empty())
            continue;
        const auto& known = registered_checks();
        if (std::none_of(known.begin(), known.end(),
                         [&](const CheckInfo& c) { return id == c.id; }))
        {
            std::string names;
            for (const CheckInfo& c : known)
                names += (names.empty() ? "" : ", ") + std::string(c.id);
            throw DataError("unknown check \"" + id + "\" (known: " + names + ")");
        }
        if (std::find(out.begin(), out.end(), id) == out.end())
            out.push_back(id);
    }
    return out;
}

CheckRunner::CheckRunner(std::string data_dir) : data_dir_(std::move(data_dir)) {}
CheckRunner::~CheckRunner() = default;

std::vector<Finding> CheckRunner::run(const Document& doc, const std::vector<std::string>& checks,
                                      const CheckOptions& options)
{
    const std::lock_guard<std::mutex> lock(mutex_);
    std::vector<Finding> findings;
    for (const std::string& id : checks)
    {
        std::unique_ptr<Check>& check = loaded_[id];
        if (!check)
        {
            const auto& known = registered_checks();
            const auto info = std::find_if(known.begin(), known.end(),
                                           [&](const CheckInfo& c) { return id == c.id; });
            if (info == known.end())
                throw DataError("unknown check \"" + id + "\"");
            check = info->create(data_dir_);
        }
        auto f = check->run(doc, options);
        findings.insert(findings.end(), std::make_move_iterator(f.begin()),
                        std::make_move_iterator(f.end()));
    }
    sort_findings(findings);
    return findings;
}

void sort_findings(std::vector<Finding>& findings)
{
    std::stable_sort(findings.begin(), findings.end(),
                     [](const Finding& a, const Finding& b)
                     {
                         if (a.where != b.where)
                             return a.where < b.where;
                         if (a.paragraph != b.paragraph)
                             return a.paragraph < b.paragraph;
                         return a.start < b.start;
                     });
}

} // namespace scrqm
