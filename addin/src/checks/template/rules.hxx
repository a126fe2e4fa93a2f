// The rules of the template family: the one place their ids are written.
#pragma once

#include <scrqm/rule_ids.hxx>

// The handles of the family's rules, as a list macro (SCRQM_DECLARE_RULES,
// scrqm/rule_ids.hxx): declared here, defined in rules.cxx.
// clang-format off
#define SCRQM_TEMPLATES_RULES(X)                                                                   \
    X(placeholder)
// clang-format on

namespace scrqm::rules::templates
{

SCRQM_DECLARE_RULES(SCRQM_TEMPLATES_RULES)

} // namespace scrqm::rules::templates
