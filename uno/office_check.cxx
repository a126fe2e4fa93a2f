#include "office_check.hxx"

#include "allow.hxx"
#include "case_register.hxx"

#include <scrqm/catalogue.hxx>
#include <scrqm/input_file.hxx>
#include <scrqm/structure.hxx>

#include <dlfcn.h>

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
    const CheckArguments& args)
{
    CheckRequest request = check_request(args);
    // The user's own allow-list (Allow in all my documents).
    for (std::string& term : user_allow_list(context))
        request.allow.push_back(std::move(term));
    // A profile file is checked before the check reads it: a FIFO would hang
    // the office, /dev/zero fill its memory.
    if (!request.profile.empty() && profile_path("", request.profile) == request.profile)
        check_input_file(request.profile, "a structure profile", kMaxProfileBytes);
    const auto it = args.find("Case");
    if (auto stored =
            load_stored_register(register_path(context, it == args.end() ? "" : it->second)))
        request.stored_register = std::make_shared<const HashedRegister>(std::move(*stored));
    return request;
}

CheckRunner& office_check_runner()
{
    static CheckRunner runner(extension_data_dir());
    return runner;
}

} // namespace scrqm::lo
