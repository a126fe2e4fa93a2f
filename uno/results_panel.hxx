// The pre-publication check in Writer: vnd.scrqm:CheckAll runs every
// registered check on the frame's document and shows the results in the
// "Pre-publication check" sidebar deck (verdict, counts, findings grouped by
// check and severity; Go to, Fix, Ignore, Re-check).
#pragma once

#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <rtl/ustring.hxx>

namespace scrqm::lo
{

// org.scrqm.comp.ResultsPanelFactory (an XUIElementFactory).
com::sun::star::uno::Reference<com::sun::star::uno::XInterface>
    SAL_CALL create_results_panel_factory(
        const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context);

// vnd.scrqm:CheckAll, and vnd.scrqm:Results.GoTo / .Fix / .Ignore /
// .Recheck / .Cancel (the panel's buttons, acting on the selected finding or
// the running check; also for tests, macros and key bindings). Returns false
// for other commands.
bool results_command(
    const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context,
    const com::sun::star::uno::Reference<com::sun::star::frame::XFrame>& frame,
    const rtl::OUString& command);

} // namespace scrqm::lo
