// The case register in the office: stored per case in the user's profile,
// sealed under the case's passphrase (never in the document or next to it;
// register.hxx), the passphrases given in this session (in memory only), and
// the "Replace with pseudonym" fix.
#pragma once

#include <scrqm/finding.hxx>
#include <scrqm/register.hxx>

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace scrqm::lo
{

// <profile>/user/scrqm/registers/<case>.json; the case id is reduced to
// letters, digits, '-' and '_'.
std::string
register_path(const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context,
              const std::string& case_id);

// Seals `entries` under `passphrase` and writes them (a private file, mode
// 0600, written whole or not at all). Throws DataError.
void store_register(const std::string& path, const std::vector<RegisterEntry>& entries,
                    const std::string& passphrase);
// Writes an already sealed register (same file rules).
void write_sealed_register(const std::string& path, const std::string& sealed);
// Changes the case's stored register (a new one when it has none) under the
// case's passphrase, asked once per session when not yet given; false when
// the user gives none (nothing changed).
bool edit_case_register(
    const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context,
    const std::string& case_id, const std::function<void(HashedRegister&)>& edit);
// The stored register's text; none when the case has no register.
std::optional<std::string> read_stored_register(const std::string& path);
// Opens a stored register (throws WrongPassphrase, DataError). The last one
// opened is kept, so that each check does not derive its key again.
std::shared_ptr<const HashedRegister> open_stored_register(const std::string& path,
                                                           const std::string& sealed,
                                                           const std::string& passphrase);

// The passphrase of a case given in this office session: kept in this
// process's memory only, never written anywhere; "" when none was given.
std::string session_passphrase(const std::string& case_id);
void remember_passphrase(const std::string& case_id, const std::string& passphrase);
// The user declined to give it when asked: not asked again this session.
void remember_declined(const std::string& case_id);
bool session_declined(const std::string& case_id);
void forget_passphrase(const std::string& case_id);
// Every case's passphrase forgotten (Action=register-forget without Case):
// the next check asks again, or finds the registers locked.
void forget_all_passphrases();

// One finding's text and what it becomes ("" removes it).
struct TextFix
{
    Finding finding;
    std::string replacement;
};

// The change `action` makes to `finding` (null: remove the finding's text):
// the span widened by the action's lead-in ("on " of "on 12 March 2020").
TextFix text_fix_of(const Finding& finding, const FixAction* action);

// Replaces each finding's text, last first so that offsets stay valid, inside
// one undo context named `undo_title`. A finding whose text changed since the
// check is left. Returns the number of replacements; findings in document
// properties are left (not undoable).
std::size_t apply_text_fixes(
    const com::sun::star::uno::Reference<com::sun::star::frame::XModel>& model, const Document& doc,
    const std::vector<com::sun::star::uno::Reference<com::sun::star::uno::XInterface>>& sources,
    const std::vector<TextFix>& fixes, const std::string& undo_title);

// apply_text_fixes for every finding whose Replace fix names its pseudonym
// (the case register's findings).
std::size_t replace_with_pseudonyms(
    const com::sun::star::uno::Reference<com::sun::star::frame::XModel>& model, const Document& doc,
    const std::vector<com::sun::star::uno::Reference<com::sun::star::uno::XInterface>>& sources,
    const std::vector<Finding>& findings);

} // namespace scrqm::lo
