// The names of an enum's values for JSON and text, as one array per enum in
// the order of its values (0, 1, 2...): to_string and the reading back use
// the same array, so that no name is spelled twice and no switch repeats
// another.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace scrqm
{

// `value`'s name, or `otherwise` for a value past the array.
template <typename E, std::size_t N>
const char* name_of(const char* const (&names)[N], E value, const char* otherwise)
{
    const auto i = static_cast<std::size_t>(value);
    return i < N ? names[i] : otherwise;
}

// The value named `name`, or nothing.
template <typename E, std::size_t N>
std::optional<E> value_named(const char* const (&names)[N], std::string_view name)
{
    for (std::size_t i = 0; i < N; ++i)
        if (name == names[i])
            return static_cast<E>(i);
    return std::nullopt;
}

} // namespace scrqm
