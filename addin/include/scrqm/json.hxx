// A small streaming JSON writer. Boost.PropertyTree reads our data files but
// writes every value as a string, so results are written with this instead.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace scrqm
{

class JsonWriter
{
public:
    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
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
    std::string out_;
    // true when the current container already holds an element.
    std::vector<bool> has_element_;
    bool after_key_ = false;
};

} // namespace scrqm
