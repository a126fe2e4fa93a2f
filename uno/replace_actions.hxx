// The results panel's Fix menu: the selected finding's fixes (scrqm's
// fix_choices) as a popup menu under the Fix button, reachable by keyboard
// (Tab to Fix, Enter or Space, the arrow keys, Enter), and applying the one
// chosen: each change to the document one undo step, and said plainly where
// Writer cannot undo it.
#pragma once

#include "results_check.hxx"

#include <scrqm/replace.hxx>

#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <string>
#include <vector>

namespace scrqm::lo
{

// Shows `choices` as a popup menu under `button`; the index chosen, or -1.
int choose_fix(
    const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context,
    const com::sun::star::uno::Reference<com::sun::star::awt::XControl>& button,
    const std::vector<FixChoice>& choices);

// Applies `choice` for finding `f` of `r` (the Replace dialog, a preview
// before "Fix all of this kind"); returns the line for the panel's status,
// "" when the user cancelled. Throws Changed when the document no longer
// reads as checked.
std::string apply_fix_choice(
    const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context,
    Results& r, const Finding& f, const FixChoice& choice,
    const com::sun::star::uno::Reference<com::sun::star::awt::XControl>& button);

} // namespace scrqm::lo
