// The "Quality Markers" sidebar deck: the panel factory and the commands the
// dispatcher forwards to the panels of a frame.
#pragma once

#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <rtl/ustring.hxx>

namespace scrqm::lo
{

// org.scrqm.comp.PanelFactory (an XUIElementFactory).
com::sun::star::uno::Reference<com::sun::star::uno::XInterface> SAL_CALL create_panel_factory(
    const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context);

// vnd.scrqm:<command> for the sidebar: QualityMarkers (open the deck),
// TagSection ("Tag section to marker…": open the deck at the Sections
// panel's marker list) and Panel.* (the panel buttons: Panel.TagSection,
// Panel.UntagSection, Panel.TagSelection, Panel.Accept, Panel.Reject,
// Panel.SaveQuestion, Panel.GotoTagged, Panel.ApplyHeadings, Panel.Refresh).
// Returns false for other commands.
bool sidebar_command(
    const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context,
    const com::sun::star::uno::Reference<com::sun::star::frame::XFrame>& frame,
    const rtl::OUString& command);

// Adds "Tag section to marker…" to the text's context menu of the frame's
// controller (once per controller).
void hook_context_menu(const com::sun::star::uno::Reference<com::sun::star::frame::XFrame>& frame);

} // namespace scrqm::lo
