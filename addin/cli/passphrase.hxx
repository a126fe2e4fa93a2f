// The case register's passphrase on the command line: from a file
// (--passphrase-file), or asked on the terminal without echo; and `scrqm
// seal`, which writes the sealed form of a register kept in clear.
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

// The passphrase of the sealed register `register_file`: the first line of
// `passphrase_file` if given, else asked on a terminal; "" (the register is
// locked) when neither.
std::string register_passphrase(const std::string& passphrase_file,
                                const std::string& register_file);

// `register_file` read strictly and sealed under the passphrase of
// `passphrase_file`, or one asked twice on a terminal. Sets `entries`.
// Throws DataError (no passphrase, two that differ, a bad register).
std::string sealed_copy(const std::string& register_file, const std::string& passphrase_file,
                        std::size_t& entries);

} // namespace scrqm::cli
