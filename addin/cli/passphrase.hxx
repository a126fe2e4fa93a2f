// The case register's passphrase on the command line: from a file
// (--passphrase-file), or asked on the terminal without echo.
#pragma once

#include <cstddef>
#include <string>

namespace scrqm::cli
{

// A passphrase file holds one line; anything longer is not one.
constexpr std::size_t kMaxPassphraseFileBytes = 4096;

// The first line of `path`, without its line ending. Throws ReadError for a
// file that is not a regular file or is past the bound, DataError for an
// empty first line.
std::string read_passphrase_file(const std::string& path);

// Asks on the terminal (the prompt on stderr, the answer read from stdin
// with echo off) and returns the answer without its line ending; "" when
// stdin is not a terminal (nothing is asked then).
std::string ask_passphrase(const std::string& prompt);

} // namespace scrqm::cli
