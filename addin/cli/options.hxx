// The command line's words: its usage text, its options and their parsing,
// shared by the commands (commands.cxx) and by commands in files of their own.
#pragma once

#include <scrqm/catalogue.hxx>

#include <string>
#include <vector>

namespace scrqm::cli
{

extern const char* const kUsage;

struct Options
{
    std::string command;
    std::string format = "text";
    std::string framework = kDefaultFramework;
    std::string checks;
    std::vector<std::string> allow, deny, named;
    std::string register_file;
    std::string passphrase_file;
    std::string output, from; // --output: report or template file
    std::string profile;
    std::vector<std::string> term_files; // --allow-file, --deny-file
    unsigned jobs = 1;
    bool progress = false;
    bool show_identifiers = false;
    bool keep_changes = false; // publish
    std::vector<std::string> files;
};

// Parses the command line into `opt`; returns an error message or "".
// Throws std::invalid_argument (an option without its value) and ReadError
// (an --allow-file or --deny-file that cannot be read).
std::string parse(const std::vector<std::string>& args, Options& opt);

// The input file that --output names, or "" (see options.cxx).
std::string output_is_input(const Options& opt);

// The folder of the running binary.
std::string executable_dir();
bool file_exists(const std::string& path);
std::string join_lines(const std::vector<std::string>& items);

} // namespace scrqm::cli
