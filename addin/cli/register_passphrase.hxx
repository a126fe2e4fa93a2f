// scrqm passphrase REGISTER: a sealed case register's passphrase changed.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace scrqm::cli
{

// `args` starts with "passphrase". Exit 0 when the register was re-sealed,
// 2 (one line on stderr, the register as it was) otherwise.
int passphrase_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace scrqm::cli
