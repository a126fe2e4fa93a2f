// One XUIElementFactory for the extension's sidebar panels: the Quality
// Markers deck (sidebar.cxx) and the pre-publication results panel
// (results_panel.cxx) differ only in which panels they make.
#pragma once

#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/ui/XSidebar.hpp>
#include <com/sun/star/ui/XUIElement.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

#include <functional>

namespace scrqm::lo
{

// Makes the panel for `url` (the panel's resource URL from Sidebar.xcu) in
// `parent`; throws lang::IllegalArgumentException for a URL it does not know.
using PanelMaker = std::function<com::sun::star::uno::Reference<com::sun::star::ui::XUIElement>(
    const rtl::OUString& url, const com::sun::star::uno::Reference<com::sun::star::frame::XFrame>&,
    const com::sun::star::uno::Reference<com::sun::star::awt::XWindow>& parent,
    const com::sun::star::uno::Reference<com::sun::star::ui::XSidebar>&)>;

// A com.sun.star.ui.UIElementFactory named `implementation_name` that reads
// Frame, ParentWindow and Sidebar from the arguments and calls `make`. The
// sidebar asks for panels with a frame and a parent window only; anything
// else, and any failure to make the panel, becomes an
// IllegalArgumentException (the sidebar then shows the deck without it).
com::sun::star::uno::Reference<com::sun::star::uno::XInterface>
make_panel_factory(const char* implementation_name, PanelMaker make);

// Shows the sidebar deck `deck_id` of `frame`. .uno:SidebarDeck.<id> toggles
// (it closes a deck that is already shown), so it is only dispatched when
// the deck is not showing.
void show_deck(const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>&,
               const com::sun::star::uno::Reference<com::sun::star::frame::XFrame>& frame,
               const char* deck_id);

} // namespace scrqm::lo
