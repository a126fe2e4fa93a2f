// The extension's settings (Tools > Options > LibreOffice Writer > Case
// review): stored in the LibreOffice registry under /org.scrqm.Settings/Review
// (packaging/Settings.xcs), edited on the Options page (dialogs/options.xdl,
// the handler here), read by the results panel and the macro API through
// office_check_request, and read and written by Action=options.
#pragma once

#include <scrqm/check_entry.hxx>

#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/uno/XInterface.hpp>

#include <map>
#include <string>

namespace scrqm::lo
{

// The settings' names, as in the schema; each is also the check argument it
// gives a default for (Checks, Profile, Framework, Deny, Named), but
// RegisterFolder (where the case registers are kept; empty: the profile)
// and Allow: the user's allow-list, the same list "Allow in all my
// documents" adds to (allow.hxx), applies to every check in the office on
// top of any Allow the caller gives.
constexpr const char* kSettingNames[] = {"Checks", "Profile", "Framework",     "Allow",
                                         "Deny",   "Named",   "RegisterFolder"};

using Settings = std::map<std::string, std::string>;

// Every setting (empty when unset). Never throws: no registry, no settings.
Settings read_settings(
    const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context);

// Writes the given settings. Throws std::invalid_argument naming an unknown
// setting or a Checks list with an unknown check; uno::Exception when the
// registry refuses.
void write_settings(
    const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context,
    const Settings& changes);

// The arguments a caller did not give, taken from the settings (not Allow:
// office_check_request adds the user's allow-list to every check).
void add_setting_defaults(const Settings& settings, CheckArguments& args);

// Removes every stored case register from the register folder; returns how
// many were removed.
std::size_t delete_all_registers(
    const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context);

// Action=options: writes the settings named in `args` (DeleteRegisters=true
// deletes the registers), then returns every setting as JSON.
std::string options_action(
    const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context,
    const CheckArguments& args);

// The Options page's event handler (org.scrqm.OptionsHandler).
com::sun::star::uno::Reference<com::sun::star::uno::XInterface> SAL_CALL create_options_handler(
    const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context);

} // namespace scrqm::lo
