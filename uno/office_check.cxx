#include "office_check.hxx"

#include "allow.hxx"
#include "case_register.hxx"
#include "options.hxx"

#include <scrqm/catalogue.hxx>
#include <scrqm/input_file.hxx>
#include <scrqm/structure.hxx>

#include <dlfcn.h>
#include <optional>

namespace scrqm::lo
{

std::string extension_dir()
{
    // The data ships beside this library: where the loader found it.
    Dl_info info{};
    if (dladdr(reinterpret_cast<void*>(&extension_dir), &info) == 0 || !info.dli_fname)
        return ".";
    const std::string lib = info.dli_fname;
    return lib.substr(0, lib.find_last_of('/'));
}

std::string extension_data_dir()
{
    return data_dir(extension_dir() + "/data");
}

CheckRequest office_check_request(
    const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context,
    const CheckArguments& args, const PassphraseQuestion& ask)
{
    // Tools > Options > Case review gives what the caller did not.
    CheckArguments with_settings = args;
    add_setting_defaults(read_settings(context), with_settings);
    CheckRequest request = check_request(with_settings);
    // The user's allow-list (the Options page's Allow, and what "Allow in all my
    // documents" added to it), on top of the caller's Allow.
    for (std::string& term : user_allow_list(context))
        request.allow.push_back(std::move(term));
    // A profile file is checked before the check reads it: a FIFO would hang
    // the office, /dev/zero fill its memory.
    if (!request.profile.empty() && profile_path("", request.profile) == request.profile)
        check_input_file(request.profile, "a structure profile", kMaxProfileBytes);
    const auto arg = [&args](const char* name)
    {
        const auto it = args.find(name);
        return it == args.end() ? std::string() : it->second;
    };
    const std::string case_id = arg("Case");
    const std::string path = register_path(context, case_id);
    const std::optional<std::string> stored = read_stored_register(path);
    if (!stored)
        return request;
    const std::string which =
        "the register of case \"" + (case_id.empty() ? std::string("default") : case_id) + "\"";
    if (is_unprotected_stored_register(*stored))
    {
        request.notes.push_back(which + " was stored by an older scrqm without a passphrase and "
                                        "is not used: set it again with a passphrase");
        return request;
    }
    // The macro's Passphrase, else the one given in this session, else the
    // user's answer (in Writer); none: the register is locked.
    std::string passphrase = arg("Passphrase");
    bool asked = false;
    if (passphrase.empty())
        passphrase = session_passphrase(case_id);
    // Asked once per session: a user who declined is not asked at every check.
    if (passphrase.empty() && ask && !session_declined(case_id))
    {
        passphrase = ask(case_id);
        asked = true;
        if (passphrase.empty())
            remember_declined(case_id);
    }
    if (passphrase.empty())
    {
        request.notes.push_back(register_locked_note(which));
        return request;
    }
    request.hashed_registers.push_back(open_stored_register(path, *stored, passphrase));
    if (asked)
        remember_passphrase(case_id, passphrase);
    return request;
}

CheckRunner& office_check_runner()
{
    static CheckRunner runner(extension_data_dir());
    return runner;
}

} // namespace scrqm::lo
