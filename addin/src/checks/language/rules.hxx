// The rules of the language family: the one place their ids are written.
#pragma once

#include <scrqm/rules.hxx>

#include <vector>

namespace scrqm::rules::language
{

extern const Rule abbreviation_late;
extern const Rule abbreviation_redefined;
extern const Rule abbreviation_undefined;
extern const Rule abbreviation_unused;
extern const Rule blame;
extern const Rule hindsight;
extern const Rule long_sentence;
extern const Rule passive;
extern const Rule readability;

// Every rule above, for the registry.
const std::vector<const Rule*>& registered();

} // namespace scrqm::rules::language
