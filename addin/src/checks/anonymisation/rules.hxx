// The rules of the anonymisation family: the one place their ids are written.
#pragma once

#include <scrqm/rules.hxx>

#include <vector>

namespace scrqm::rules::anonymisation
{

extern const Rule address;
extern const Rule age;
extern const Rule date;
extern const Rule date_of_birth;
extern const Rule deny_list;
extern const Rule disability;
extern const Rule email;
extern const Rule ethnicity;
extern const Rule health;
extern const Rule immigration;
extern const Rule institution;
extern const Rule jigsaw;
extern const Rule jigsaw_section;
extern const Rule language;
extern const Rule name;
extern const Rule named_person;
extern const Rule nationality;
extern const Rule nhs_number;
extern const Rule ni_number;
extern const Rule org_contact;
extern const Rule phone;
extern const Rule place;
extern const Rule postcode;
extern const Rule postcode_district;
extern const Rule professional_name;
extern const Rule pseudonym_before_introduction;
extern const Rule pseudonym_case;
extern const Rule pseudonym_scheme;
extern const Rule public_party;
extern const Rule reference_number;
extern const Rule register_;
extern const Rule religion;
extern const Rule social_handle;
extern const Rule url;
extern const Rule vehicle_registration;

// Every rule above, for the registry.
const std::vector<const Rule*>& registered();

} // namespace scrqm::rules::anonymisation
