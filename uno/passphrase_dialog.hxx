// Asking the user for a case register's passphrase in Writer: a small dialog
// with a masked field, shown once per session for a case (the answer is kept
// in memory only, case_register.hxx).
#pragma once

#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <string>

namespace scrqm::lo
{

// Shows the dialog on the office's main thread and waits for it; "" when the
// user cancels. A headless office cancels every dialog at once, so a check
// there finds the register locked instead of waiting.
std::string ask_case_passphrase(
    const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context,
    const std::string& case_id);

} // namespace scrqm::lo
