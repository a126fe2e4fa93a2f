// The rules of the template family: the one place their ids are written.
#pragma once

#include <scrqm/rules.hxx>

#include <vector>

namespace scrqm::rules::templates
{

extern const Rule placeholder;

// Every rule above, for the registry.
const std::vector<const Rule*>& registered();

} // namespace scrqm::rules::templates
