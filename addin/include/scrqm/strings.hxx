// The string helpers the core had written several times over.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace scrqm
{

constexpr std::string_view kBlanks = " \t\r\n";

// `s` without the bytes of `front` at its start and of `back` at its end.
std::string trim(std::string_view s, std::string_view front = kBlanks,
                 std::string_view back = kBlanks);

// The items with `separator` between them; a separator only follows text,
// so empty items at the start add none.
std::string join(const std::vector<std::string>& items, std::string_view separator);

// The pieces of `s` between any two of the bytes of `separators`, empty ones
// included ("a,,b" gives "a", "", "b"; "" gives one empty piece).
std::vector<std::string> split(std::string_view s, std::string_view separators);

// The length of the valid UTF-8 sequence that starts at s[i] (1 to 4), or 0
// for an invalid one: a stray or missing continuation byte, an overlong
// form, a surrogate or a code point past U+10FFFF.
std::size_t utf8_sequence(std::string_view s, std::size_t i);

} // namespace scrqm
