#include <scrqm/check_entry.hxx>
#include <scrqm/kinds.hxx>
#include <scrqm/report_export.hxx>
#include <scrqm/strings.hxx>

#include <iterator>
#include <mutex>

namespace scrqm
{

namespace
{

std::string argument(const CheckArguments& args, const char* name, const std::string& fallback = {})
{
    const auto it = args.find(name);
    return it == args.end() ? fallback : it->second;
}

// One term a line; empty lines are no terms.
std::vector<std::string> lines(const std::string& text)
{
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < text.size())
    {
        std::size_t nl = text.find('\n', pos);
        if (nl == std::string::npos)
            nl = text.size();
        if (nl > pos)
            out.push_back(text.substr(pos, nl - pos));
        pos = nl + 1;
    }
    return out;
}

} // namespace

CheckRequest check_request(const CheckArguments& args)
{
    CheckRequest r;
    r.checks = parse_check_list(argument(args, "Checks"));
    r.framework = argument(args, "Framework");
    r.profile = argument(args, "Profile");
    r.allow = lines(argument(args, "Allow"));
    r.deny = lines(argument(args, "Deny"));
    r.named = lines(argument(args, "Named"));
    const std::string reg = argument(args, "Register");
    if (is_sealed_register(reg) || is_unprotected_stored_register(reg))
        add_sealed_register(r, reg, argument(args, "Passphrase"), "the case register");
    else if (!reg.empty())
        r.register_entries = parse_register(reg, "Register");
    r.context = argument(args, "Context") == "1";
    return r;
}

void add_sealed_register(CheckRequest& request, const std::string& sealed,
                         const std::string& passphrase, const std::string& name)
{
    request.sealed_register = sealed;
    request.passphrase = passphrase;
    if (passphrase.empty())
    {
        request.notes.push_back(register_locked_note("the case register given"));
        return;
    }
    // The register opened last is kept (in memory, like the passphrase the
    // caller holds anyway): an office checks a batch file after file with
    // the same one, and Argon2id costs about 0.1 s each time.
    static std::mutex mutex;
    static std::string last_sealed, last_passphrase;
    static std::shared_ptr<const HashedRegister> last;
    {
        std::lock_guard<std::mutex> lock(mutex);
        if (last && last_sealed == sealed && last_passphrase == passphrase)
        {
            request.hashed_registers.push_back(last);
            return;
        }
    }
    auto opened = std::make_shared<const HashedRegister>(open_register(sealed, passphrase, name));
    std::lock_guard<std::mutex> lock(mutex);
    last_sealed = sealed;
    last_passphrase = passphrase;
    last = opened;
    request.hashed_registers.push_back(std::move(opened));
}

CheckArguments check_arguments(const CheckRequest& request)
{
    CheckArguments args{{"Checks", join(request.checks, ",")},
                        {"Framework", request.framework},
                        {"Profile", request.profile},
                        {"Allow", join(request.allow, "\n")},
                        {"Deny", join(request.deny, "\n")},
                        {"Named", join(request.named, "\n")},
                        {"Register", register_to_json(request.register_entries)},
                        {"Context", request.context ? "1" : "0"}};
    if (!request.sealed_register.empty())
    {
        args["Register"] = request.sealed_register;
        args["Passphrase"] = request.passphrase;
    }
    return args;
}

CheckOptions check_options(const CheckRequest& request)
{
    CheckOptions o;
    o.profile = request.profile;
    o.anonymisation.allow = request.allow;
    o.anonymisation.deny = request.deny;
    o.anonymisation.named = request.named;
    o.anonymisation.register_entries = request.register_entries;
    for (const auto& reg : request.hashed_registers)
        o.anonymisation.hashed_registers.push_back(reg.get());
    return o;
}

void CheckOutcome::apply_ignored(const IgnoreList* list)
{
    shown.clear();
    ignored = 0;
    std::size_t errors = 0;
    const std::vector<Finding>& all = result.findings;
    for (std::size_t i = 0; i < all.size(); ++i)
        // An empty list hashes nothing: most documents ignore no finding.
        if (list && list->size() && i < occurrence.size() && list->contains(ignore_key(i)))
            ++ignored;
        else
        {
            shown.push_back(i);
            errors += all[i].severity == Severity::Error;
        }
    verdict = verdict_of(errors);
}

std::string CheckOutcome::ignore_key(std::size_t i) const
{
    return finding_key(result.findings.at(i), occurrence.at(i));
}

CheckOutcome run_check(const Document& doc, const CheckRequest& request, CheckRunner& runner)
{
    CheckOutcome out;
    Result& r = out.result;
    r.file = request.file;
    r.framework = framework_for(doc, request.framework);
    r.sections = compute_sections(doc);
    r.paragraphs = doc.paragraphs.size();
    r.notes = request.notes;
    CheckOptions options = check_options(request);
    // The kind is decided once here, so the structure check and the result
    // agree on the profile; a profile given by the caller wins.
    const DetectedKind kind = detect_kind(doc);
    r.kind = options.profile.empty() ? kind.kind->profile : options.profile;
    r.kind_detected = kind.detected && options.profile.empty();
    r.kind_note = describe_kind(kind, options.profile);
    if (options.profile.empty())
        options.profile = kind.kind->profile;
    // One check at a time, so that the caller sees progress and may cancel
    // between them, and a shared runner is held for one check only. Each
    // comes back sorted, and sort_findings is stable: the order is the one a
    // single run of them all gives.
    for (std::size_t step = 0; step < request.checks.size(); ++step)
    {
        const std::string& id = request.checks[step];
        if (request.before_check)
            request.before_check(id, step, request.checks.size());
        std::vector<Finding> f = runner.run(doc, {id}, options);
        r.findings.insert(r.findings.end(), std::make_move_iterator(f.begin()),
                          std::make_move_iterator(f.end()));
    }
    sort_findings(r.findings);
    // Names allowed in this document are not findings at all.
    if (request.ignored)
        out.allowed = drop_allowed(r.findings, *request.ignored);
    if (request.context)
        add_context(r.findings, doc, r.sections);
    if (request.catalogue && request.suggester)
        out.coverage = compute_coverage(doc, *request.catalogue, *request.suggester);
    // Ignore keys fold every finding's text: only when a list may use them.
    if (request.ignored)
        out.occurrence = occurrences(r.findings);
    out.summary = summary_of(r);
    out.apply_ignored(request.ignored ? &*request.ignored : nullptr);
    return out;
}

} // namespace scrqm
