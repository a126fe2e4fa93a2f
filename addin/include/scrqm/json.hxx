// A small streaming JSON writer. Boost.PropertyTree reads our data files but
// writes every value as a string, so results are written with this instead.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace scrqm
{

// How deep JSON read by scrqm may nest objects and arrays. Boost.PropertyTree's
// reader recurses once per level and overflows the stack on deep input (a
// segmentation fault, or a dead office for the macro API), so every JSON
// input is checked before it is parsed. scrqm's own files nest 5 levels.
constexpr std::size_t kMaxJsonDepth = 64;

// 0 when `text` nests objects and arrays no deeper than `limit` (brackets
// inside strings do not count), else the line (from 1) where it first goes
// deeper. Linear, no recursion.
std::size_t json_too_deep(std::string_view text, std::size_t limit = kMaxJsonDepth);

class JsonWriter
{
public:
    JsonWriter& begin_object() { return open('{'); }
    JsonWriter& end_object() { return close('}'); }
    JsonWriter& begin_array() { return open('['); }
    JsonWriter& end_array() { return close(']'); }
    JsonWriter& key(std::string_view name);
    JsonWriter& value(std::string_view s);
    JsonWriter& value(const char* s) { return value(std::string_view(s)); }
    JsonWriter& value(const std::string& s) { return value(std::string_view(s)); }
    JsonWriter& value(std::int64_t n);
    JsonWriter& value(std::uint64_t n);
    JsonWriter& value(int n) { return value(static_cast<std::int64_t>(n)); }
    JsonWriter& value(double d);
    JsonWriter& value(bool b);
    JsonWriter& null();

    template <typename T> JsonWriter& member(std::string_view name, const T& v)
    {
        key(name);
        return value(v);
    }

    const std::string& str() const { return out_; }
    std::string take() { return std::move(out_); }

    // Escapes a UTF-8 string for JSON. Invalid UTF-8 bytes become U+FFFD so
    // the output is always valid JSON.
    static void escape(std::string& out, std::string_view s);

private:
    void separate();
    JsonWriter& open(char bracket);
    JsonWriter& close(char bracket);
    std::string out_;
    // true when the current container already holds an element.
    std::vector<bool> has_element_;
    bool after_key_ = false;
};

} // namespace scrqm
