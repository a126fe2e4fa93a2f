// The panels' user-facing strings: a .properties file as LibreOffice's
// dialogs use them (dialogs/strings-en-GB.properties), and the {0}, {1}, ...
// slots the panels fill in.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace scrqm
{

// key=value lines; '#' lines, empty lines and lines without '=' are skipped.
// In values, \n is a line break and \uXXXX a character (written as UTF-8);
// a \u without four hex digits, and any other backslash, stay as they are.
// A line's carriage return (a file saved on Windows) is not part of it.
std::map<std::string, std::string> parse_properties(const std::string& text);

// `pattern` with each {0}, {1}, ... replaced by args[0], args[1], ...; a slot
// with no argument stays, and nothing in an argument is replaced again.
std::string fill_slots(const std::string& pattern, const std::vector<std::string>& args);

} // namespace scrqm
