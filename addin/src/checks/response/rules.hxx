// The rules of the response family: the one place their ids are written.
#pragma once

#include <scrqm/rules.hxx>

#include <vector>

namespace scrqm::rules::response
{

extern const Rule acceptance;
extern const Rule actions;
extern const Rule monitoring;
extern const Rule national;
extern const Rule plain_english;
extern const Rule priorities;
extern const Rule time_scheduled;

// Every rule above, for the registry.
const std::vector<const Rule*>& registered();

} // namespace scrqm::rules::response
