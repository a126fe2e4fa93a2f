// Hidden data that needs the office rather than the document model (stored
// versions, the "remove personal information on saving" option), and the
// fixes for hidden data (Action=fix, Fix=...).
#pragma once

#include <scrqm/model.hxx>

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <string>

namespace scrqm::lo
{

// Adds stored versions and the office's personal-information option to
// `doc` (as Property paragraphs and HiddenItems). Reads only.
void read_office_hidden(
    const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context,
    const com::sun::star::uno::Reference<com::sun::star::frame::XModel>& model, Document& doc);

// The Fix= names handled here.
bool is_hidden_fix(const std::string& fix);
constexpr const char* kHiddenFixes =
    "delete-comments, accept-changes, reject-changes, clear-property, remove-personal-info-on-save";

// Applies one fix; returns the result JSON. A change to the document is one
// undo step; clear-property and remove-personal-info-on-save are not undoable
// (properties and office options are outside the undo manager) and say so.
std::string apply_hidden_fix(
    const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context,
    const com::sun::star::uno::Reference<com::sun::star::frame::XModel>& model,
    const std::string& fix, const std::string& property);

} // namespace scrqm::lo
