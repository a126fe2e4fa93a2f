#include <scrqm/catalogue.hxx>
#include <scrqm/enum_names.hxx>
#include <scrqm/json.hxx>
#include <scrqm/rule_ids.hxx>
#include <scrqm/rules.hxx>

#include "checks/anonymisation/rules.hxx"
#include "checks/hidden/rules.hxx"
#include "checks/language/rules.hxx"
#include "checks/response/rules.hxx"
#include "checks/structure/rules.hxx"
#include "checks/template/rules.hxx"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace scrqm
{

namespace
{

// In the order of FixKind's values.
// clang-format off
constexpr const char* kFixKinds[] = {"replace", "generalise", "remove", "delete-comment",
                                     "accept-or-reject-changes", "remove-hidden-text",
                                     "clear-property", "allow"};
// clang-format on

std::string anchor_of(const Rule& rule)
{
    // GitHub's heading slug of "### anonymisation.postcode": dots dropped.
    std::string a;
    for (const char* c = rule.id; *c; ++c)
        if (*c != '.')
            a += *c;
    return a;
}

std::string fix_kinds_text(const Rule& rule)
{
    std::string s;
    for (FixKind k : rule.fixes)
        s += (s.empty() ? "" : ", ") + std::string(to_string(k));
    return s;
}

} // namespace

const char* to_string(FixKind kind)
{
    return name_of(kFixKinds, kind, "remove");
}

FixKind fix_kind_from(std::string_view text)
{
    if (const auto kind = value_named<FixKind>(kFixKinds, text))
        return *kind;
    throw std::invalid_argument("unknown fix kind \"" + std::string(text) + "\"");
}

std::string fix_label(const FixAction& a)
{
    switch (a.kind)
    {
    case FixKind::Replace:
        return a.replacement.empty() ? "Replace with a pseudonym…"
                                     : "Replace with \"" + a.replacement + "\"";
    case FixKind::Generalise:
        return a.replacement.empty() ? "Generalise (remove it)"
                                     : "Generalise to \"" + a.replacement + "\"";
    case FixKind::Remove:
        return "Remove it";
    case FixKind::DeleteComment:
        return "Delete the comments";
    case FixKind::AcceptOrRejectChanges:
        return "Accept or reject the tracked changes";
    case FixKind::RemoveHiddenText:
        return "Remove the hidden text";
    case FixKind::ClearProperty:
        return "Clear the property \"" + a.target + "\"";
    case FixKind::Allow:
        return a.target == "user" ? "Allow in all my documents" : "Allow in this document";
    }
    return {};
}

std::string fix_summary(const Finding& f)
{
    std::string out;
    for (const FixAction& a : f.fixes)
        out += (out.empty() ? "" : "; ") + fix_label(a);
    if (!f.advice.empty())
        out += (out.empty() ? "" : ". ") + f.advice;
    return out;
}

Finding::Finding(const Rule& rule)
    : check(rule.id), category(rule.category), severity(rule.severity), marker(rule.marker)
{
}

bool Finding::offers(FixKind kind) const
{
    return fix_of(kind) != nullptr;
}

const FixAction* Finding::fix_of(FixKind kind) const
{
    for (const FixAction& a : fixes)
        if (a.kind == kind)
            return &a;
    return nullptr;
}

const std::vector<const Rule*>& all_rules()
{
    static const std::vector<const Rule*> rules = []
    {
        std::vector<const Rule*> all;
        for (const auto* family :
             {&rules::anonymisation::registered(), &rules::hidden::registered(),
              &rules::language::registered(), &rules::response::registered(),
              &rules::structure::registered(), &rules::templates::registered()})
            all.insert(all.end(), family->begin(), family->end());
        std::sort(all.begin(), all.end(),
                  [](const Rule* a, const Rule* b) { return std::string_view(a->id) < b->id; });
        for (std::size_t i = 1; i < all.size(); ++i)
            if (std::string_view(all[i - 1]->id) == all[i]->id)
                throw std::logic_error(std::string("rule registered twice: ") + all[i]->id);
        return all;
    }();
    return rules;
}

const Rule* find_rule(std::string_view id)
{
    const auto& all = all_rules();
    const auto it = std::lower_bound(all.begin(), all.end(), id,
                                     [](const Rule* r, std::string_view v) { return r->id < v; });
    return it != all.end() && (*it)->id == id ? *it : nullptr;
}

const Rule& rule_named(std::string_view id, const std::string& where)
{
    if (const Rule* r = find_rule(id))
        return *r;
    throw DataError(where + ": \"" + std::string(id) +
                    "\" is not a registered rule (scrqm rules lists them)");
}

std::vector<const Rule*> rules_of(std::string_view family)
{
    std::vector<const Rule*> out;
    for (const Rule* r : all_rules())
        if (family == r->family)
            out.push_back(r);
    return out;
}

std::string id_family(std::string_view id)
{
    return std::string(id.substr(0, id.find('.')));
}

std::string id_rule(std::string_view id)
{
    const std::size_t dot = id.find('.');
    return dot == std::string_view::npos ? std::string() : std::string(id.substr(dot + 1));
}

std::string rule_doc(const Rule& rule)
{
    return "docs/rules.md#" + anchor_of(rule);
}

std::string rules_to_json()
{
    JsonWriter w;
    w.begin_array();
    for (const Rule* r : all_rules())
    {
        w.begin_object()
            .member("id", r->id)
            .member("family", r->family)
            .member("category", r->category)
            .member("severity", to_string(r->severity))
            .member("marker", r->marker)
            .member("name", r->name)
            .member("summary", r->summary);
        w.key("fixes").begin_array();
        for (FixKind k : r->fixes)
            w.value(to_string(k));
        w.end_array().member("doc", rule_doc(*r)).end_object();
    }
    w.end_array();
    return w.take();
}

std::string rules_to_text()
{
    std::string out;
    for (const Rule* r : all_rules())
    {
        out += std::string(r->id) + "  " + to_string(r->severity) + "  " + r->marker + "  " +
               r->name + "\n    " + r->summary + "\n";
        if (!r->fixes.empty())
            out += "    fixes: " + fix_kinds_text(*r) + "\n";
    }
    return out;
}

std::string rules_to_markdown()
{
    std::string out = "# Rules reference\n\n"
                      "Generated from the rule registry by `scrqm rules --format markdown`; do not "
                      "edit by hand. Every finding names one of these rules in its `check` field. "
                      "The severity and marker are defaults: some findings carry the marker of "
                      "the section they are about.\n";
    std::string family;
    for (const Rule* r : all_rules())
    {
        if (family != r->family)
        {
            family = r->family;
            out += "\n## " + family + "\n";
        }
        out += "\n### " + std::string(r->id) + "\n\n**" + r->name + "** · " +
               to_string(r->severity) + " · " + r->marker + "\n\n" + r->summary + "\n";
        if (!r->fixes.empty())
            out += "\nFixes: " + fix_kinds_text(*r) + "\n";
    }
    return out;
}

} // namespace scrqm
