// The rules of the response family: the one place their ids are written.
#pragma once

#include <scrqm/rule_ids.hxx>

// The handles of the family's rules, as a list macro (SCRQM_DECLARE_RULES,
// scrqm/rule_ids.hxx): declared here, defined in rules.cxx.
// clang-format off
#define SCRQM_RESPONSE_RULES(X)                                                                    \
    X(acceptance) X(actions) X(monitoring) X(national) X(plain_english) X(priorities)              \
    X(time_scheduled)
// clang-format on

namespace scrqm::rules::response
{

SCRQM_DECLARE_RULES(SCRQM_RESPONSE_RULES)

} // namespace scrqm::rules::response
