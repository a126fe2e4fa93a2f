// The case register in the office: stored per case in the user's profile as
// salted hashes (never in the document or next to it), and the "Replace with
// pseudonym" fix.
#pragma once

#include <scrqm/finding.hxx>
#include <scrqm/register.hxx>

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

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

// Hashes `entries` and writes them (a private file, mode 0600).
std::size_t store_register(const std::string& path, const std::vector<RegisterEntry>& entries);
std::optional<HashedRegister> load_stored_register(const std::string& path);
// Writes a hashed register (a private file); returns its number of forms.
std::size_t store_register(const std::string& path, const HashedRegister& reg);

// One finding's text and what it becomes ("" removes it).
struct TextFix
{
    Finding finding;
    std::string replacement;
};

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
