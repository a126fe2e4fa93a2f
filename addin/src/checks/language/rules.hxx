// The rules of the language family: the one place their ids are written.
#pragma once

#include <scrqm/rule_ids.hxx>

// The handles of the family's rules, as a list macro (SCRQM_DECLARE_RULES,
// scrqm/rule_ids.hxx): declared here, defined in rules.cxx.
// clang-format off
#define SCRQM_LANGUAGE_RULES(X)                                                                    \
    X(abbreviation_late) X(abbreviation_redefined) X(abbreviation_undefined)                       \
    X(abbreviation_unused) X(blame) X(hindsight) X(long_sentence) X(passive) X(readability)
// clang-format on

namespace scrqm::rules::language
{

SCRQM_DECLARE_RULES(SCRQM_LANGUAGE_RULES)

} // namespace scrqm::rules::language
