#include "options.hxx"

#include <scrqm/input_file.hxx>

#include <climits>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

namespace scrqm::cli
{

const char* const kUsage = R"(usage: scrqm COMMAND [OPTIONS] [FILE...]

Commands:
  outline FILE...     the document's sections (headings) with their marker tags
  markers             the quality markers of the framework, with their questions
  rules               every rule a check can report: id, family, severity, marker,
                      name, fix kinds and summary (--format text|json|markdown)
  check FILE...       run checks; exit 1 when there is an error-severity finding
  template NAME -o OUT.odt|OUT.docx [--from REPORT]
                      a new terms-of-reference or board-response document; with
                      --from, the response's action table has one row per
                      finding and recommendation of REPORT
  coverage FILE...    which markers are tagged, only suggested (with the cues) or missing
  seal REGISTER -o OUT
                      a sealed copy of a register kept in clear: only its passphrase
                      opens it (the form Writer stores for a case)
  passphrase REGISTER [--passphrase-file OLD] [--new-passphrase-file NEW] [-o OUT]
                      a sealed register's passphrase changed (asked on a terminal
                      when no file is given); the old one no longer opens it
  publish FILE -o OUT.docx|OUT.odt|OUT.pdf [--keep-changes]
                      a publication copy: comments removed, tracked changes accepted
                      (--keep-changes: refused if any are undecided), hidden text,
                      personal properties and scrqm's own data removed; then the copy
                      is checked (exit 1 when it is not ready to publish)

Check options:
  --checks LIST       comma-separated check ids (default: all): anonymisation, hidden,
                      language, response (a board response, QM16), structure,
                      template (placeholders left)
  --profile NAME|FILE structure profile (default: the kind of review the cover names:
                      scr-report, lcspr-report, sar-report or dhr-overview; a name in
                      data/profiles or a .json file of your board's own)
  --allow TEXT        never flag TEXT (e.g. the lead reviewer's name); repeatable
  --deny TEXT         always flag TEXT; repeatable
  --named NAME        a named review: NAME is named with the family's agreement and
                      reported as info (their other details still are); repeatable
  --allow-file FILE   one allowed term per line; --deny-file FILE likewise
  --register FILE     the case's identifier register: JSON, CSV with a header
                      (real,pseudonym,kind; comma, semicolon or tab), or sealed
  --passphrase-file F the sealed register's passphrase: the first line of F (else it
                      is asked when stdin is a terminal; else the register is locked)
  --format html       one printable report for the board: verdict, marker coverage,
                      findings with their context; identifiers are masked
  --show-identifiers  with --format json: findings' text and context in clear

Options:
  --format text|json  output format (default: text; json is one object per line;
                      for check, json is the report's content, masked like html)
  --output FILE       write the output to FILE instead of standard output
  --jobs N            check N office documents at once, each in its own office
                      (default: 1)
  --progress          show "[3/50] file" on stderr (default: only on a terminal)
  --framework ID      quality-marker framework: scr-qm-2016 (default) or sar-qm-2022
  -h, --help          this help
  --version           the version

Documents: .txt and .md are read directly; .odt .fodt .docx .doc .rtf are opened by
a private headless LibreOffice that scrqm starts and stops itself.
Exit status: 0 done (check: no error-severity finding), 1 check found an error-severity
finding, 2 a file could not be read (one line on stderr says why; other files still run).
)";

std::string executable_dir()
{
    char buf[PATH_MAX];
    const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0)
        return ".";
    std::string path(buf, static_cast<std::size_t>(n));
    return path.substr(0, path.find_last_of('/'));
}

bool file_exists(const std::string& path)
{
    return ::access(path.c_str(), R_OK) == 0;
}

namespace
{

// Throws ReadError (not a usage error: the option was right).
std::vector<std::string> read_lines(const std::string& path)
{
    std::istringstream in(read_input_file(path, "a list of terms", kMaxTermListBytes));
    std::vector<std::string> out;
    std::string line;
    while (std::getline(in, line))
    {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (!line.empty() && line[0] != '#')
            out.push_back(line);
    }
    return out;
}

} // namespace

std::string join_lines(const std::vector<std::string>& items)
{
    std::string out;
    for (const std::string& s : items)
        out += (out.empty() ? "" : "\n") + s;
    return out;
}

// Parses the command line; returns an error message or "".
std::string parse(const std::vector<std::string>& args, Options& opt)
{
    for (std::size_t i = 0; i < args.size(); ++i)
    {
        const std::string& a = args[i];
        auto value = [&](const char* name) -> std::string
        {
            const std::string prefix = std::string(name) + "=";
            if (a.rfind(prefix, 0) == 0)
                return a.substr(prefix.size());
            if (i + 1 >= args.size())
                throw std::invalid_argument(std::string(name) + " needs a value");
            return args[++i];
        };
        if (a == "--format" || a.rfind("--format=", 0) == 0)
            opt.format = value("--format");
        else if (a == "--framework" || a.rfind("--framework=", 0) == 0)
            opt.framework = value("--framework");
        else if (a == "--checks" || a.rfind("--checks=", 0) == 0)
            opt.checks = value("--checks");
        else if (a == "--allow" || a.rfind("--allow=", 0) == 0)
            opt.allow.push_back(value("--allow"));
        else if (a == "--deny" || a.rfind("--deny=", 0) == 0)
            opt.deny.push_back(value("--deny"));
        else if (a == "--named" || a.rfind("--named=", 0) == 0)
            opt.named.push_back(value("--named"));
        else if (a == "--allow-file" || a.rfind("--allow-file=", 0) == 0)
            for (auto& l : read_lines(opt.term_files.emplace_back(value("--allow-file"))))
                opt.allow.push_back(l);
        else if (a == "--deny-file" || a.rfind("--deny-file=", 0) == 0)
            for (auto& l : read_lines(opt.term_files.emplace_back(value("--deny-file"))))
                opt.deny.push_back(l);
        else if (a == "--register" || a.rfind("--register=", 0) == 0)
            opt.register_file = value("--register");
        else if (a == "--passphrase-file" || a.rfind("--passphrase-file=", 0) == 0)
            opt.passphrase_file = value("--passphrase-file");
        else if (a == "--output" || a.rfind("--output=", 0) == 0 || a == "-o")
            opt.output = value(a == "-o" ? "-o" : "--output");
        else if (a == "--from" || a.rfind("--from=", 0) == 0)
            opt.from = value("--from");
        else if (a == "--profile" || a.rfind("--profile=", 0) == 0)
            opt.profile = value("--profile");
        else if (a == "--jobs" || a.rfind("--jobs=", 0) == 0 || a == "-j")
        {
            const std::string n = value(a == "-j" ? "-j" : "--jobs");
            if (n.empty() || n.size() > 2 || n.find_first_not_of("0123456789") != n.npos ||
                std::stoi(n) < 1 || std::stoi(n) > 32)
                return "--jobs must be a number from 1 to 32, not " + n;
            opt.jobs = static_cast<unsigned>(std::stoi(n));
        }
        else if (a == "--progress")
            opt.progress = true;
        else if (a == "--show-identifiers")
            opt.show_identifiers = true;
        else if (a == "--keep-changes")
            opt.keep_changes = true;
        else if (a == "--version" || a == "-h" || a == "--help")
            opt.command = opt.command.empty() ? a : opt.command;
        else if (a == "--")
        {
            opt.files.insert(opt.files.end(), args.begin() + static_cast<long>(i) + 1, args.end());
            break;
        }
        else if (a.size() > 1 && a[0] == '-')
            return "unknown option " + a +
                   (::access(a.c_str(), F_OK) == 0
                        ? "; a file whose name starts with - goes after --"
                        : "");
        else if (opt.command.empty())
            opt.command = a;
        else
            opt.files.push_back(a);
    }
    if (opt.format != "text" && opt.format != "json" && opt.format != "html" &&
        opt.format != "markdown")
        return "--format must be text, json or html, not " + opt.format;
    if (opt.format == "markdown" && opt.command != "rules")
        return "--format markdown is for rules only";
    if (opt.format == "html" && opt.command != "check")
        return "--format html is for check only";
    if (opt.show_identifiers && opt.format != "json")
        return "--show-identifiers only goes with --format json (reports are always masked)";
    return {};
}

// The input file that --output names (the same file, however it is written:
// through a link, or ./name), or "". The output is never written over an
// input.
std::string output_is_input(const Options& opt)
{
    if (opt.output.empty() || opt.output == "-")
        return {};
    std::vector<std::string> inputs = opt.files;
    inputs.insert(inputs.end(), opt.term_files.begin(), opt.term_files.end());
    for (const std::string* f : {&opt.from, &opt.register_file, &opt.profile, &opt.passphrase_file})
        if (!f->empty())
            inputs.push_back(*f);
    for (const std::string& input : inputs)
        if (same_file(opt.output, input))
            return input;
    return {};
}

} // namespace scrqm::cli
