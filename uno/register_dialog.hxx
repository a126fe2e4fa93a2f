// The case register in Writer (Tools > Add-Ons > Case register, and the
// results panel's Register... button): add, change and delete identifier ->
// pseudonym pairs, import a CSV or JSON register, clear a case, and replace
// everything the register finds in the document in one undo step. The
// register stays where the office keeps it (case_register.hxx: salted
// hashes in the profile, never the document), so pairs stored earlier
// cannot be listed or exported: the dialog says so.
#pragma once

#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <string>

namespace scrqm::lo
{

// Shows the dialog (modal) for the frame's document; returns the last
// status line it showed.
std::string run_register_dialog(
    const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context,
    const com::sun::star::uno::Reference<com::sun::star::frame::XFrame>& frame);

} // namespace scrqm::lo
