// The rules of the structure family: the one place their ids are written.
#pragma once

#include <scrqm/rule_ids.hxx>

// The handles of the family's rules, as a list macro (SCRQM_DECLARE_RULES,
// scrqm/rule_ids.hxx): declared here, defined in rules.cxx.
// clang-format off
#define SCRQM_STRUCTURE_RULES(X)                                                                   \
    X(appendix_missing) X(chronology) X(cross_reference) X(empty_section)                          \
    X(finding_without_explanation) X(finding_without_recommendation) X(findings_unidentified)      \
    X(missing_section) X(no_headings) X(numbering_duplicate) X(numbering_gap)                      \
    X(recommendation_unaddressed) X(recommendation_untraced) X(recommendations_unnumbered)         \
    X(section_order)
// clang-format on

namespace scrqm::rules::structure
{

SCRQM_DECLARE_RULES(SCRQM_STRUCTURE_RULES)

} // namespace scrqm::rules::structure
