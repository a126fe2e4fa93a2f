// Allow: a name that is public (the lead reviewer, the chair) stops being a
// finding, in this document or in all of the user's documents.
//   - In this document: a salted key in the document's ignore list (the
//     user-defined property scrqm.ignored, scrqm/ignore.hxx), so that the
//     name is never in the document in clear; every finding of that text,
//     in every check that offers Allow, goes at the next check.
//   - For all my documents: the user's allow-list, the Allow setting that
//     Tools > Options > LibreOffice Writer > Case review edits (one term a
//     line, in the LibreOffice registry of the profile: options.hxx), which
//     every check in the office passes to the anonymisation check as Allow
//     terms, whatever Allow terms the caller gives.
#pragma once

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <string>
#include <vector>

namespace scrqm::lo
{

// Returns false when it was allowed already. Not undoable: a document
// property is outside Edit > Undo (the panel says so).
bool allow_in_document(const com::sun::star::uno::Reference<com::sun::star::frame::XModel>& model,
                       const std::string& text);

// The user's allow-list (and, once, the names of the file an older scrqm
// kept, <profile>/user/scrqm/allow.txt, moved into it).
std::vector<std::string> user_allow_list(
    const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context);
// Adds `text` (without its title) to the user's allow-list; false when it
// was there already. Throws as write_settings does.
bool allow_for_user(
    const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context,
    const std::string& text);

} // namespace scrqm::lo
