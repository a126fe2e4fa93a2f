#include "commands.hxx"

#include "batch.hxx"
#include "options.hxx"
#include "passphrase.hxx"
#include "publish.hxx"
#include "register_passphrase.hxx"

#include <scrqm/catalogue.hxx>
#include <scrqm/check_entry.hxx>
#include <scrqm/checks.hxx>
#include <scrqm/coverage.hxx>
#include <scrqm/formats.hxx>
#include <scrqm/input_file.hxx>
#include <scrqm/kinds.hxx>
#include <scrqm/office.hxx>
#include <scrqm/register.hxx>
#include <scrqm/report_export.hxx>
#include <scrqm/result.hxx>
#include <scrqm/results_list.hxx>
#include <scrqm/rules.hxx>
#include <scrqm/structure.hxx>
#include <scrqm/text_reader.hxx>

#include <boost/property_tree/ptree.hpp>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <ostream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace scrqm::cli
{

namespace
{

// Why standard output could not be written (a full disk), kept from the
// first failed write: what fails later says nothing.
int output_errno = 0;

// What one worker of a batch keeps between files: its private office and
// its check data, both loaded on first use.
struct WorkerState
{
    std::unique_ptr<OfficeSession> office;
    std::unique_ptr<CheckRunner> runner;
    std::unique_ptr<Catalogue> catalogue; // for a report's coverage of text files
    std::unique_ptr<Suggester> suggester;
};

// One file's outcome, handed back in the order the files were given.
struct FileOutcome
{
    std::string out;   // for stdout (text formats)
    std::string error; // the one stderr line when it could not be read
    bool has_result = false;
    Result result;
    std::vector<ReportMarker> coverage; // for reports
};

class Runner
{
public:
    Runner(const Options& opt, std::ostream& out, std::ostream& err)
        : opt_(opt), out_(out), err_(err), exe_dir_(executable_dir()),
          progress_(opt.progress || (opt.files.size() > 1 && ::isatty(2) == 1)),
          terminal_(::isatty(2) == 1)
    {
    }

    // Beside the binary (the build tree), else the installed layout
    // (bin/../share/scrqm), else the source tree it was built from.
    std::string installed(const char* what) const
    {
        const std::string beside = exe_dir_ + "/" + what;
        if (file_exists(beside))
            return beside;
        const std::string shared = exe_dir_ + "/../share/scrqm/" + what;
        return file_exists(shared) ? shared : std::string();
    }

    std::string data_directory() const
    {
        const std::string dir = installed("data");
        return scrqm::data_dir(
            !dir.empty() && file_exists(dir + "/frameworks") ? dir : SCRQM_SOURCE_DATA_DIR);
    }

    int markers()
    {
        const Catalogue cat = load_framework(data_directory(), opt_.framework);
        put(opt_.format == "json" ? catalogue_to_json(cat) + "\n" : catalogue_to_text(cat));
        return finish() ? kExitOk : kExitCannotCheck;
    }

    int rules()
    {
        put(opt_.format == "json"       ? rules_to_json() + "\n"
            : opt_.format == "markdown" ? rules_to_markdown()
                                        : rules_to_text());
        return finish() ? kExitOk : kExitCannotCheck;
    }

    int outline()
    {
        if (opt_.files.empty())
        {
            err_ << "scrqm: outline needs at least one FILE\n";
            return kExitCannotCheck;
        }
        const bool failed = each_file([this](const std::string& file, WorkerState& state)
                                      { return outline_one(file, state); },
                                      [&](FileOutcome& o) { put(o.out); });
        return finish() && !failed ? kExitOk : kExitCannotCheck;
    }

    int check()
    {
        if (opt_.files.empty())
        {
            err_ << "scrqm: check needs at least one FILE\n";
            return kExitCannotCheck;
        }
        // The arguments the office gets too, so that a text file and an
        // office document are checked with the same request.
        CheckRequest request = check_request({{"Checks", opt_.checks},
                                              {"Framework", opt_.framework},
                                              {"Profile", opt_.profile},
                                              {"Allow", join_lines(opt_.allow)},
                                              {"Deny", join_lines(opt_.deny)},
                                              {"Named", join_lines(opt_.named)}});
        const std::vector<std::string>& checks = request.checks;
        // The office runs elsewhere: a profile file is passed by its full path.
        std::string& profile = request.profile;
        if (profile.find('/') != std::string::npos ||
            (profile.size() > 5 && profile.compare(profile.size() - 5, 5, ".json") == 0))
        {
            check_input_file(profile, "a structure profile", kMaxProfileBytes);
            char buf[PATH_MAX];
            if (::realpath(profile.c_str(), buf) == nullptr)
                throw DataError(profile + ": cannot open the structure profile");
            profile = buf;
        }
        // A broken or unknown profile is reported once, before any file.
        if (!profile.empty())
            StructureCheck(data_directory())
                .run(Document{}, check_options(request)); // loads (and validates) the profile
        if (!opt_.register_file.empty())
        {
            const std::string text =
                read_input_file(opt_.register_file, "a case register", kMaxRegisterBytes);
            if (is_sealed_register(text) || is_unprotected_stored_register(text))
                add_sealed_register(request, text, passphrase(), opt_.register_file);
            else
                request.register_entries = parse_register(text, opt_.register_file);
        }
        // Said once, before any file: a register that is locked.
        for (const std::string& note : request.notes)
            err_ << "scrqm: note: " << note << "\n";
        // Said once, here, not from the workers (their output is ordered).
        if (std::find(checks.begin(), checks.end(), "hidden") != checks.end() &&
            !opt_.checks.empty() && opt_.checks != "all")
            for (const std::string& file : opt_.files)
            {
                const Format format = format_of(file);
                if (format != Format::Unsupported && !needs_office(format))
                    err_ << "scrqm: note: " << file
                         << ": plain text carries no hidden data; the hidden check reads office "
                            "documents (.odt, .docx, ...)\n";
            }
        const bool report = opt_.format != "text";
        request.context = report;
        bool errors = false;
        std::vector<ReportedFile> items;
        const bool cannot =
            each_file([&](const std::string& file, WorkerState& state)
                      { return check_one(file, request, state); },
                      [&](FileOutcome& o)
                      {
                          if (o.has_result)
                              errors = errors || !verdict_of(o.result.findings).ready;
                          if (!report)
                              put(o.out);
                          else
                          {
                              ReportedFile item;
                              item.file = o.has_result ? o.result.file : std::string();
                              item.error = o.error;
                              item.result = std::move(o.result);
                              item.coverage = std::move(o.coverage);
                              items.push_back(std::move(item));
                          }
                      });
        if (report)
        {
            for (std::size_t i = 0; i < items.size(); ++i)
                items[i].file = opt_.files[i];
            put(render_report(items, request));
        }
        if (!finish())
            return kExitCannotCheck;
        return cannot ? kExitCannotCheck : errors ? kExitFindings : kExitOk;
    }

    int make_template()
    {
        const auto& names = template_names();
        if (opt_.files.size() != 1 ||
            std::find(names.begin(), names.end(), opt_.files[0]) == names.end())
        {
            err_ << "scrqm: template needs one NAME: " << template_list() << "\n";
            return kExitCannotCheck;
        }
        const std::string& name = opt_.files[0];
        const auto dot = opt_.output.find_last_of('.');
        const std::string ext = dot == std::string::npos ? "" : opt_.output.substr(dot);
        if (opt_.output.empty() || (ext != ".odt" && ext != ".docx"))
        {
            err_ << "scrqm: template needs -o OUT.odt or -o OUT.docx\n";
            return kExitCannotCheck;
        }
        // The office writes the file: give it an absolute path in a directory
        // that exists.
        const auto slash = opt_.output.find_last_of('/');
        const std::string dir = slash == std::string::npos ? "." : opt_.output.substr(0, slash);
        char resolved[PATH_MAX];
        if (::realpath(dir.empty() ? "/" : dir.c_str(), resolved) == nullptr)
        {
            err_ << "scrqm: " << opt_.output << ": the directory does not exist\n";
            return kExitCannotCheck;
        }
        const std::string output =
            std::string(resolved) + "/" +
            (slash == std::string::npos ? opt_.output : opt_.output.substr(slash + 1));
        NamedArgs args = {
            {"Template", name}, {"Where", "new"}, {"Output", output}, {"Hidden", "true"}};
        std::string json;
        try
        {
            if (!opt_.from.empty())
            {
                const Format format = format_of(opt_.from);
                if (format == Format::Unsupported || !needs_office(format))
                    throw ReadError(opt_.from +
                                    ": --from needs an office document (.odt .fodt .docx .doc "
                                    ".rtf)");
                precheck_office_file(opt_.from, format);
            }
            json = office().run(opt_.from, "insert-template", args);
        }
        catch (const ReadError& e)
        {
            err_ << "scrqm: " << e.what() << "\n";
            return kExitCannotCheck;
        }
        catch (const OfficeError& e)
        {
            err_ << "scrqm: " << (opt_.from.empty() ? name : opt_.from) << ": " << e.what() << "\n";
            return kExitCannotCheck;
        }
        const boost::property_tree::ptree r = parse_json_data(json, "the office's answer");
        if (const auto error = r.get_optional<std::string>("error"))
        {
            err_ << "scrqm: " << name << ": " << *error << "\n";
            return kExitCannotCheck;
        }
        if (opt_.format == "json")
        {
            out_ << json << "\n";
            return kExitOk;
        }
        out_ << "wrote " << opt_.output << ": " << name;
        if (!opt_.from.empty())
            out_ << ", " << r.get<int>("rows", 0) << " action rows from " << opt_.from << " ("
                 << r.get<int>("findings", 0) << " findings, " << r.get<int>("recommendations", 0)
                 << " recommendations)";
        out_ << "\n";
        if (const auto items = r.get_child_optional("items"))
            for (const auto& [k, item] : *items)
                out_ << "  " << item.get<std::string>("label", "") << ": "
                     << shorten(item.get<std::string>("title", ""), 70, "...") << "\n";
        return kExitOk;
    }

    int coverage()
    {
        if (opt_.files.empty())
        {
            err_ << "scrqm: coverage needs at least one FILE\n";
            return kExitCannotCheck;
        }
        return each_file([this](const std::string& file) { coverage_one(file); }) ? kExitCannotCheck
                                                                                  : kExitOk;
    }

private:
    void coverage_one(const std::string& file)
    {
        const Format format = format_of(file);
        if (format == Format::Unsupported)
            throw ReadError(file + ": unsupported document type; scrqm reads " +
                            supported_formats());
        std::string json;
        if (!needs_office(format))
        {
            // Text files carry no tags: coverage is suggestions only.
            const Document doc = read_text_file(file);
            const Catalogue cat = load_framework(data_directory(), opt_.framework);
            const Suggester sg = Suggester::load_for(data_directory(), cat);
            json = analysis_to_json(analyse(doc, cat, sg), cat, file);
        }
        else
        {
            precheck_office_file(file, format);
            json = office().run(file, "coverage", {{"Framework", opt_.framework}});
        }
        if (opt_.format == "json")
        {
            out_ << json << "\n";
            return;
        }
        try
        {
            out_ << coverage_text_from_json(json);
        }
        catch (const std::exception& e)
        {
            throw OfficeError(e.what());
        }
    }

private:
    // Runs `one` on each file (on --jobs workers); `take` gets the outcomes
    // in the order of the files, with progress on stderr. A file that cannot
    // be read gets one line on stderr and the others still run. Returns
    // whether any file failed.
    bool each_file(const std::function<FileOutcome(const std::string&, WorkerState&)>& one,
                   const std::function<void(FileOutcome&)>& take)
    {
        bool failed = false;
        const std::size_t n = opt_.files.size();
        // Before the workers start, so that they inherit the blocked signals.
        if (std::any_of(opt_.files.begin(), opt_.files.end(),
                        [](const std::string& f) { return needs_office(format_of(f)); }))
            install_interrupt_cleanup();
        run_batch<WorkerState, FileOutcome>(
            n, opt_.jobs,
            [&](std::size_t i, WorkerState& state)
            {
                const std::string& file = opt_.files[i];
                FileOutcome o;
                try
                {
                    o = one(file, state);
                }
                catch (const ReadError& e)
                {
                    o.error = std::string("scrqm: ") + e.what() + "\n";
                }
                catch (const OfficeError& e)
                {
                    o.error = "scrqm: " + file + ": " + e.what() + "\n";
                }
                return o;
            },
            [&](std::size_t i, FileOutcome& o)
            {
                if (progress_ && terminal_)
                    err_ << "\r\033[K";
                err_ << o.error;
                failed = failed || !o.error.empty();
                take(o);
                if (progress_)
                    err_ << "[" << i + 1 << "/" << n << "] " << opt_.files[i]
                         << (terminal_ && i + 1 < n ? "" : "\n");
                err_.flush();
            });
        return failed;
    }

    // One file at a time on this thread, `one` printing as it goes (the form
    // commands without --jobs use). Returns whether any file failed.
    template <typename Fn> bool each_file(Fn one)
    {
        bool failed = false;
        for (const std::string& file : opt_.files)
        {
            try
            {
                one(file);
            }
            catch (const ReadError& e)
            {
                err_ << "scrqm: " << e.what() << "\n";
                failed = true;
            }
            catch (const OfficeError& e)
            {
                err_ << "scrqm: " << file << ": " << e.what() << "\n";
                failed = true;
            }
        }
        return failed;
    }

    // The office of the calling thread, for the one-file-at-a-time form.
    OfficeSession& office() { return office(main_state_); }

    // The report's masking covers every file: an identifier found in one
    // document is masked wherever it appears in the others.
    std::string render_report(std::vector<ReportedFile>& items, const CheckRequest& request)
    {
        const Catalogue cat = load_framework(data_directory(), opt_.framework);
        // The register first, so its entries are labelled by their kind.
        Masker masker;
        masker.add_register(request.register_entries);
        for (const ReportedFile& item : items)
            masker.add_findings(item.result.findings);

        std::string out;
        if (opt_.format == "html")
        {
            ReportInfo info;
            info.framework_title = cat.title + " (" + std::to_string(cat.year) + ")";
            info.version = SCRQM_VERSION;
            info.checks = request.checks;
            info.clusters = cat.clusters;
            for (const CheckInfo& c : registered_checks())
                info.check_summaries[c.id] = c.summary;
            return report_to_html(items, masker, info);
        }
        for (const ReportedFile& item : items)
            if (item.error.empty())
                out +=
                    (opt_.show_identifiers ? to_json(item.result) : report_to_json(item, masker)) +
                    "\n";
        return out;
    }

    // The sealed register's passphrase: --passphrase-file, else asked on a
    // terminal; "" (locked) otherwise.
    std::string passphrase() const
    {
        return cli::register_passphrase(opt_.passphrase_file, opt_.register_file);
    }

public:
    // seal REGISTER -o OUT (passphrase.hxx).
    int seal()
    {
        if (opt_.files.size() != 1 || opt_.output.empty() || opt_.output == "-")
        {
            err_ << "scrqm: seal needs one REGISTER and -o OUT (see scrqm --help)\n";
            return kExitCannotCheck;
        }
        std::size_t entries = 0;
        put(cli::sealed_copy(opt_.files[0], opt_.passphrase_file, entries));
        if (!finish())
            return kExitCannotCheck;
        out_ << "sealed " << entries << " entries into " << opt_.output
             << "; keep the passphrase: nothing else opens it\n";
        return kExitOk;
    }

private:
    // Output goes to stdout as it comes, or is kept for --output FILE.
    void put(const std::string& text)
    {
        // Every output is bounded: past it, one line and nothing half written.
        put_bytes_ += text.size();
        if (put_bytes_ > kMaxOutputBytes)
            throw ReadError("the output would be larger than " +
                            std::to_string(kMaxOutputBytes >> 20) +
                            " MB (the limit); check fewer files, or fewer checks with --checks");
        if (opt_.output.empty() || opt_.output == "-")
        {
            out_ << text << std::flush;
            if (!out_ && output_errno == 0)
                output_errno = errno != 0 ? errno : EIO; // said once, at the end
        }
        else
            pending_ += text;
    }
    std::size_t put_bytes_ = 0;

    // Writes --output FILE (created readable by the user only, as it may
    // hold a report). A regular file is written whole or not at all: the
    // text goes to a new file beside it, renamed over it once complete, so
    // a full disk leaves the old file as it was. Returns false, with a
    // message, on failure.
    bool finish()
    {
        if (opt_.output.empty() || opt_.output == "-")
            return true;
        const std::string& text = pending_;
        struct stat st
        {
        };
        const bool special = ::stat(opt_.output.c_str(), &st) == 0 && !S_ISREG(st.st_mode);
        std::string tmp = opt_.output + ".XXXXXX";
        const int fd = special ? ::open(opt_.output.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC)
                               : ::mkostemp(tmp.data(), O_CLOEXEC); // mode 0600
        bool ok = fd >= 0;
        std::size_t done = 0;
        while (ok && done < text.size())
        {
            const ssize_t w = ::write(fd, text.data() + done, text.size() - done);
            ok = w > 0 || (w < 0 && errno == EINTR);
            done += w > 0 ? static_cast<std::size_t>(w) : 0;
        }
        int error = errno;
        if (fd >= 0 && ::close(fd) != 0 && ok)
            ok = false, error = errno;
        if (ok && !special && ::rename(tmp.c_str(), opt_.output.c_str()) != 0)
            ok = false, error = errno;
        if (!ok && fd >= 0 && !special)
            ::unlink(tmp.c_str());
        if (!ok)
            err_ << "scrqm: cannot write " << opt_.output << ": " << std::strerror(error) << "\n";
        return ok;
    }

    FileOutcome check_one(const std::string& file, const CheckRequest& request, WorkerState& state)
    {
        const Format format = format_of(file);
        if (format == Format::Unsupported)
            throw ReadError(file + ": unsupported document type; scrqm reads " +
                            supported_formats());
        const bool report = request.context;
        FileOutcome o;
        Result& r = o.result;
        if (!needs_office(format))
        {
            const Document doc = read_text_file(file);
            CheckRequest one = request;
            one.file = file;
            if (report)
            {
                one.catalogue = &catalogue(state);
                one.suggester = &suggester(state);
            }
            CheckOutcome outcome = run_check(doc, one, runner(state));
            r = std::move(outcome.result);
            // Text files carry no tags: suggested or missing.
            if (report)
                o.coverage = report_coverage(catalogue(state), coverage_statuses(outcome.coverage));
        }
        else
        {
            precheck_office_file(file, format);
            const CheckArguments args = check_arguments(request);
            const std::string json =
                office(state).run(file, "check", NamedArgs(args.begin(), args.end()));
            std::map<std::string, CoverageStatus> coverage;
            try
            {
                r = result_from_json(json);
                if (report)
                    coverage = coverage_statuses_from_json(json);
            }
            catch (const std::runtime_error& e)
            {
                throw OfficeError(e.what());
            }
            r.file = file;
            if (report)
                o.coverage = coverage.empty() ? coverage_from_tags(catalogue(state), r.sections)
                                              : report_coverage(catalogue(state), coverage);
        }
        o.has_result = true;
        if (!report)
            o.out = findings_to_text(r);
        return o;
    }

    CheckRunner& runner(WorkerState& state)
    {
        if (!state.runner)
            state.runner = std::make_unique<CheckRunner>(data_directory());
        return *state.runner;
    }

    const Suggester& suggester(WorkerState& state)
    {
        if (!state.suggester)
            state.suggester = std::make_unique<Suggester>(
                Suggester::load_for(data_directory(), catalogue(state)));
        return *state.suggester;
    }

    const Catalogue& catalogue(WorkerState& state)
    {
        if (!state.catalogue)
            state.catalogue =
                std::make_unique<Catalogue>(load_framework(data_directory(), opt_.framework));
        return *state.catalogue;
    }

    FileOutcome outline_one(const std::string& file, WorkerState& state)
    {
        const Format format = format_of(file);
        if (format == Format::Unsupported)
            throw ReadError(file + ": unsupported document type; scrqm reads " +
                            supported_formats());
        FileOutcome o;
        if (!needs_office(format))
        {
            CheckRequest outline; // no checks
            outline.file = file;
            outline.framework = opt_.framework;
            const Result r = run_check(read_text_file(file), outline, runner(state)).result;
            o.out = opt_.format == "json" ? to_json(r) + "\n" : outline_to_text(r);
            return o;
        }
        precheck_office_file(file, format);
        const std::string json =
            office(state).run(file, "outline", {{"Framework", opt_.framework}});
        o.out = opt_.format == "json" ? json + "\n" : outline_text_from_json(json, file);
        return o;
    }

    // The office answers JSON; the text form is rendered from it so both
    // formats always agree.
    static std::string outline_text_from_json(const std::string& json, const std::string& file)
    {
        Result r = result_from_json(json);
        r.file = file;
        return outline_to_text(r);
    }

    OfficeSession& office(WorkerState& state)
    {
        if (!state.office)
        {
            OfficeOptions o;
            const std::string oxt = installed("scrqm.oxt");
            o.oxt = oxt.empty() ? exe_dir_ + "/scrqm.oxt" : oxt;
            state.office = start_office(o);
        }
        return *state.office;
    }

    const Options& opt_;
    std::ostream& out_;
    std::ostream& err_;
    std::string exe_dir_;
    bool progress_;
    bool terminal_;
    std::string pending_;
    WorkerState main_state_; // declared last: its office stops first
};

} // namespace

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    if (!args.empty() && args[0] == "passphrase") // its own options (register_passphrase.cxx)
        return passphrase_command(args, out, err);
    // Bad data or an unreadable file: its one line, and nothing done.
    auto cannot = [&err](const std::exception& e)
    {
        err << "scrqm: " << e.what() << "\n";
        return kExitCannotCheck;
    };
    Options opt;
    std::string problem;
    try
    {
        problem = parse(args, opt);
    }
    catch (const std::invalid_argument& e)
    {
        problem = e.what();
    }
    catch (const ReadError& e) // an --allow-file or --deny-file
    {
        return cannot(e);
    }
    if (!problem.empty())
    {
        err << "scrqm: " << problem << " (see scrqm --help)\n";
        return kExitCannotCheck;
    }
    const bool help = std::find(args.begin(), args.end(), "--help") != args.end() ||
                      std::find(args.begin(), args.end(), "-h") != args.end();
    if (opt.command.empty() || opt.command == "help" || help)
    {
        (opt.command.empty() ? err : out) << kUsage;
        return opt.command.empty() ? kExitCannotCheck : kExitOk;
    }
    if (opt.command == "--version" || opt.command == "version")
    {
        out << "scrqm " << SCRQM_VERSION << "\n";
        return kExitOk;
    }
    if (const std::string input = output_is_input(opt); !input.empty())
    {
        err << "scrqm: --output " << opt.output << " is the input file " << input
            << "; write the output to another file (the input is left as it is)\n";
        return kExitCannotCheck;
    }
    int status = kExitCannotCheck;
    try
    {
        Runner runner(opt, out, err);
        if (opt.command == "markers")
            status = runner.markers();
        else if (opt.command == "rules")
            status = runner.rules();
        else if (opt.command == "outline")
            status = runner.outline();
        else if (opt.command == "check")
            status = runner.check();
        else if (opt.command == "template")
            status = runner.make_template();
        else if (opt.command == "coverage")
            status = runner.coverage();
        else if (opt.command == "seal")
            status = runner.seal();
        else if (opt.command == "publish")
        {
            PublishOptions p;
            p.files = opt.files;
            p.output = opt.output;
            p.format = opt.format;
            p.oxt = executable_dir() + "/scrqm.oxt";
            p.keep_changes = opt.keep_changes;
            p.checks = opt.checks;
            p.framework = opt.framework == kDefaultFramework ? "" : opt.framework;
            p.profile = opt.profile;
            p.allow = join_lines(opt.allow);
            p.deny = join_lines(opt.deny);
            p.named = join_lines(opt.named);
            status = publish(p, out, err);
        }
        else
        {
            err << "scrqm: unknown command " << opt.command << " (see scrqm --help)\n";
            return kExitCannotCheck;
        }
    }
    catch (const DataError& e)
    {
        return cannot(e);
    }
    catch (const ReadError& e) // a register or a profile
    {
        return cannot(e);
    }
    // Output lost (a full disk, a closed pipe) is not success.
    errno = 0;
    out.flush();
    if (!out)
    {
        const int error = output_errno != 0 ? output_errno : errno;
        err << "scrqm: cannot write the output"
            << (error != 0 ? std::string(": ") + std::strerror(error) : std::string()) << "\n";
        return kExitCannotCheck;
    }
    return status;
}

} // namespace scrqm::cli
