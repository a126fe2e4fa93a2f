// The check entry in the office: the macro API, the Pre-publication check
// panel and Next finding make their request here and run it with the one
// shared runner, so they check with the same options as the command line.
#pragma once

#include <scrqm/check_entry.hxx>

#include <com/sun/star/uno/XComponentContext.hpp>

#include <functional>
#include <string>

namespace scrqm::lo
{

// The extension's own directory (libscrqm.so, dialogs/, templates/) and its
// data directory ($SCRQM_DATA_DIR overrides it).
std::string extension_dir();
std::string extension_data_dir();

// Asks the user for a case's passphrase; "" when they give none.
using PassphraseQuestion = std::function<std::string(const std::string& case_id)>;

// check_request(args) with the register stored for the case the argument
// Case names ("" the default case) in the user's profile, opened with the
// argument Passphrase, else the passphrase given for the case in this
// session, else what `ask` gets from the user (then remembered for the
// session). Without one the register is locked: the request's notes say so.
// Throws WrongPassphrase when the passphrase does not open it.
CheckRequest office_check_request(
    const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context,
    const CheckArguments& args, const PassphraseQuestion& ask = {});

// The check data of the extension's data directory, loaded once per office
// on its first use and shared by every caller (it runs one check at a time).
CheckRunner& office_check_runner();

} // namespace scrqm::lo
