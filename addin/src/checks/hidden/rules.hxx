// The rules of the hidden family: the one place their ids are written.
#pragma once

#include <scrqm/rule_ids.hxx>

// The handles of the family's rules, as a list macro (SCRQM_DECLARE_RULES,
// scrqm/rule_ids.hxx): declared here, defined in rules.cxx.
// clang-format off
#define SCRQM_HIDDEN_RULES(X)                                                                      \
    X(comment) X(custom_property) X(custom_xml) X(embedded_object) X(field) X(footer) X(frame)     \
    X(header) X(hidden_paragraph) X(hidden_text) X(image) X(link_target) X(personal_info_setting)  \
    X(property) X(scrqm_data) X(tracked_change) X(version)
// clang-format on

namespace scrqm::rules::hidden
{

SCRQM_DECLARE_RULES(SCRQM_HIDDEN_RULES)

} // namespace scrqm::rules::hidden
