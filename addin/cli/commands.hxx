#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace scrqm::cli
{

// Exit codes of every command.
constexpr int kExitOk = 0;
constexpr int kExitFindings = 1; // an error-severity finding (checks)
constexpr int kExitCannotCheck = 2;

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace scrqm::cli
