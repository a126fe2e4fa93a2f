// Rule ids and the families' registries: the parts of an id, and the list
// macros that each family's addin/src/checks/<family>/rules.hxx is made of.
#pragma once

#include <scrqm/rules.hxx>

#include <string>
#include <string_view>
#include <vector>

namespace scrqm
{

// The two parts of a rule id: "anonymisation" and "postcode" of
// "anonymisation.postcode" (an id without a dot: itself and "").
std::string id_family(std::string_view id);
std::string id_rule(std::string_view id);

} // namespace scrqm

// A family lists its rules' handles once, in its rules.hxx, as a list macro
// (#define SCRQM_HIDDEN_RULES(X) X(comment) X(field) ...), and
// SCRQM_DECLARE_RULES(that list) declares each handle and the family's
// registered() list; SCRQM_DEFINE_REGISTERED(that list) in its rules.cxx,
// after the rules, defines registered() in the list's order. One list, so a
// rule can neither be declared and not registered nor the other way round.
#define SCRQM_DECLARE_RULE(handle) extern const ::scrqm::Rule handle;
#define SCRQM_DECLARE_RULES(LIST)                                                                  \
    LIST(SCRQM_DECLARE_RULE)                                                                       \
    const std::vector<const ::scrqm::Rule*>& registered();
#define SCRQM_RULE_ADDRESS(handle) &handle,
#define SCRQM_DEFINE_REGISTERED(LIST)                                                              \
    const std::vector<const ::scrqm::Rule*>& registered()                                          \
    {                                                                                              \
        static const std::vector<const ::scrqm::Rule*> rules = {LIST(SCRQM_RULE_ADDRESS)};         \
        return rules;                                                                              \
    }
