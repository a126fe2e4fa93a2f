// "Replace with pseudonym" everywhere in the open document: the core finds
// every form of the identifier (scrqm/replace.hxx), this applies them all in
// one undo step and, if asked, adds the pair to the case register.
#pragma once

#include <scrqm/model.hxx>
#include <scrqm/replace.hxx>

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace scrqm::lo
{

struct ReplaceOutcome
{
    std::size_t found = 0;    // occurrences the core found
    std::size_t replaced = 0; // those still as checked, replaced
    bool registered = false;  // the pair went into the case register
};

// Replaces every occurrence of `identifier` (any case, possessive, with or
// without a title, split across a line break) with `replacement` inside
// one undo context, last first; an occurrence whose text changed is left.
// Comments are rewritten once each. With `also_register`, the pair is added to the register of
// `case_id` in the user's profile (salted hashes, never the document).
ReplaceOutcome replace_everywhere(
    const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context,
    const com::sun::star::uno::Reference<com::sun::star::frame::XModel>& model,
    const std::string& identifier, const std::string& replacement, bool also_register,
    const std::string& case_id = {});

// Applies `occurrences` of the document read with `sources` (read_document),
// each replaced with `replacement`, in one undo context named `undo_title`.
// Returns how many were replaced.
std::size_t apply_occurrences(
    const com::sun::star::uno::Reference<com::sun::star::frame::XModel>& model, const Document& doc,
    const std::vector<com::sun::star::uno::Reference<com::sun::star::uno::XInterface>>& sources,
    const std::vector<Occurrence>& occurrences, const std::string& replacement,
    const std::string& undo_title);

// The "Replace with pseudonym" dialog (dialogs/replace-pseudonym.xdl) for
// `identifier`: proposes the next free pseudonym of the document's scheme,
// says how many occurrences it replaces, and replaces them (the register
// box ticked by default); `preferred` (a register's pseudonym) is proposed
// first. Returns a line for the panel's status ("" when cancelled).
std::string run_replace_dialog(
    const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context,
    const com::sun::star::uno::Reference<com::sun::star::frame::XModel>& model,
    const std::string& identifier, const std::string& preferred = {});

// Adds identifier -> pseudonym to the register of `case_id` ("" the
// default case) in the user's profile, as salted hashes.
// False when the register stays locked (the user gave no passphrase).
bool add_to_register(
    const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context,
    const std::string& case_id, const std::string& identifier, const std::string& pseudonym);

} // namespace scrqm::lo
