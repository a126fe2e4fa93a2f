// The rules of the anonymisation family: the one place their ids are written.
#pragma once

#include <scrqm/rule_ids.hxx>

// The handles of the family's rules, as a list macro (SCRQM_DECLARE_RULES,
// scrqm/rule_ids.hxx): declared here, defined in rules.cxx.
// clang-format off
#define SCRQM_ANONYMISATION_RULES(X)                                                               \
    X(address) X(age) X(date) X(date_of_birth) X(deny_list) X(disability) X(email) X(ethnicity)    \
    X(health) X(immigration) X(institution) X(jigsaw) X(jigsaw_section) X(language) X(name)        \
    X(named_person) X(nationality) X(nhs_number) X(ni_number) X(org_contact) X(phone) X(place)     \
    X(postcode) X(postcode_district) X(professional_name) X(pseudonym_before_introduction)         \
    X(pseudonym_case) X(pseudonym_scheme) X(public_party) X(reference_number) X(register_)         \
    X(religion) X(social_handle) X(url) X(vehicle_registration)
// clang-format on

namespace scrqm::rules::anonymisation
{

SCRQM_DECLARE_RULES(SCRQM_ANONYMISATION_RULES)

} // namespace scrqm::rules::anonymisation
