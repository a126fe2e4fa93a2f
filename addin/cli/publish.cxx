#include "publish.hxx"

#include "commands.hxx"

#include <scrqm/catalogue.hxx>
#include <scrqm/formats.hxx>
#include <scrqm/input_file.hxx>
#include <scrqm/office.hxx>
#include <scrqm/rules.hxx>
#include <scrqm/text_reader.hxx>

#include <boost/property_tree/ptree.hpp>

#include <cctype>
#include <climits>
#include <cstdlib>
#include <ostream>

namespace scrqm::cli
{

namespace
{

std::string extension_of(const std::string& path)
{
    const std::string name = path.substr(path.find_last_of('/') + 1);
    const auto dot = name.find_last_of('.');
    std::string ext = dot == std::string::npos ? "" : name.substr(dot + 1);
    for (char& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

// The office writes the file: an absolute path in a directory that exists.
std::string absolute_output(const std::string& output)
{
    const auto slash = output.find_last_of('/');
    const std::string dir = slash == std::string::npos ? "." : output.substr(0, slash);
    char resolved[PATH_MAX];
    if (::realpath(dir.empty() ? "/" : dir.c_str(), resolved) == nullptr)
        throw ReadError(output + ": the directory does not exist");
    return std::string(resolved) + "/" +
           (slash == std::string::npos ? output : output.substr(slash + 1));
}

std::string plural(int n, const char* one, const char* many)
{
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

} // namespace

int publish(const PublishOptions& opt, std::ostream& out, std::ostream& err)
{
    const std::string ext = extension_of(opt.output);
    if (opt.files.size() != 1 || opt.output.empty() ||
        (ext != "docx" && ext != "odt" && ext != "pdf"))
    {
        err << "scrqm: publish needs one FILE and -o OUT.docx, OUT.odt or OUT.pdf\n";
        return kExitCannotCheck;
    }
    const std::string& input = opt.files[0];
    std::string json;
    try
    {
        const Format format = format_of(input);
        if (format == Format::Unsupported || !needs_office(format))
            throw ReadError(input + ": publish needs an office document (.odt .fodt .docx .doc "
                                    ".rtf); a text file has nothing hidden to remove");
        precheck_office_file(input, format);
        NamedArgs args = {{"Output", absolute_output(opt.output)}, {"Format", ext}};
        if (opt.keep_changes)
            args.emplace_back("Changes", "keep");
        const std::pair<const char*, const std::string*> check[] = {
            {"Checks", &opt.checks}, {"Framework", &opt.framework}, {"Profile", &opt.profile},
            {"Allow", &opt.allow},   {"Deny", &opt.deny},           {"Named", &opt.named}};
        for (const auto& [name, value] : check)
            if (!value->empty())
                args.emplace_back(name, *value);
        OfficeOptions o;
        o.oxt = opt.oxt;
        json = start_office(o)->run(input, "publication-copy", args);
    }
    catch (const ReadError& e)
    {
        err << "scrqm: " << e.what() << "\n";
        return kExitCannotCheck;
    }
    catch (const OfficeError& e)
    {
        err << "scrqm: " << input << ": " << e.what() << "\n";
        return kExitCannotCheck;
    }
    const boost::property_tree::ptree r = parse_json_data(json, "the office's answer");
    if (const auto error = r.get_optional<std::string>("error"))
    {
        err << "scrqm: " << input << ": " << *error << "\n";
        return kExitCannotCheck;
    }
    const bool ready = r.get<bool>("verdict.ready", false);
    if (opt.format == "json")
    {
        out << json << "\n";
        return ready ? kExitOk : kExitFindings;
    }
    const auto& c = r.get_child("publication.cleaned");
    out << "wrote " << opt.output << ": the publication copy of " << input << "\n"
        << "taken out: " << plural(c.get<int>("comments", 0), "comment", "comments") << ", "
        << plural(c.get<int>("changes_accepted", 0), "tracked change accepted",
                  "tracked changes accepted")
        << ", " << plural(c.get<int>("hidden_text", 0), "hidden passage", "hidden passages") << ", "
        << plural(c.get<int>("properties", 0) + c.get<int>("user_properties", 0),
                  "document property", "document properties")
        << ", " << plural(c.get<int>("scrqm_bookmarks", 0), "tag bookmark", "tag bookmarks") << "\n"
        << "verdict of the copy: " << r.get<std::string>("verdict.text", "") << "\n";
    if (const auto findings = r.get_child_optional("findings"))
        for (const auto& [key, f] : *findings)
        {
            (void)key;
            const Rule* rule = find_rule(f.get<std::string>("check", ""));
            out << "  " << f.get<std::string>("severity", "") << "  "
                << (rule ? rule->name : f.get<std::string>("check", "")) << ": "
                << f.get<std::string>("message", "") << "\n";
        }
    return ready ? kExitOk : kExitFindings;
}

} // namespace scrqm::cli
