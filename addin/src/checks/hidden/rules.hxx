// The rules of the hidden family: the one place their ids are written.
#pragma once

#include <scrqm/rules.hxx>

#include <vector>

namespace scrqm::rules::hidden
{

extern const Rule comment;
extern const Rule custom_property;
extern const Rule custom_xml;
extern const Rule embedded_object;
extern const Rule field;
extern const Rule footer;
extern const Rule frame;
extern const Rule header;
extern const Rule hidden_paragraph;
extern const Rule hidden_text;
extern const Rule image;
extern const Rule link_target;
extern const Rule personal_info_setting;
extern const Rule property;
extern const Rule scrqm_data;
extern const Rule tracked_change;
extern const Rule version;

// Every rule above, for the registry.
const std::vector<const Rule*>& registered();

} // namespace scrqm::rules::hidden
