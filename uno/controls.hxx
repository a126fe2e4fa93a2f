// Small helpers for the controls of the panels and dialogs (.xdl): find a
// control by name, set its model's properties, fill a list box without
// flicker. Shared by the sidebar, the results panel and the dialogs.
#pragma once

#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/uno/Any.hxx>

#include <string>
#include <vector>

namespace scrqm::lo
{

com::sun::star::uno::Reference<com::sun::star::awt::XControl>
control(const com::sun::star::uno::Reference<com::sun::star::awt::XControlContainer>& c,
        const char* name);
void set_model(const com::sun::star::uno::Reference<com::sun::star::awt::XControl>& c,
               const char* property, const com::sun::star::uno::Any& value);
// Label and text are set only when they change: a multi-line field lays
// itself out anew each time.
void set_label(const com::sun::star::uno::Reference<com::sun::star::awt::XControl>& c,
               const std::string& text);
void set_text(const com::sun::star::uno::Reference<com::sun::star::awt::XControl>& c,
              const std::string& text);
std::string get_text(const com::sun::star::uno::Reference<com::sun::star::awt::XControl>& c);
// Replaces a list's items only when they changed (no flicker, keeps the
// scroll position), then selects `select` (-1: keep the selection).
void fill_list(const com::sun::star::uno::Reference<com::sun::star::awt::XControl>& c,
               const std::vector<std::string>& items, int select = -1);
int selected(const com::sun::star::uno::Reference<com::sun::star::awt::XControl>& c);

} // namespace scrqm::lo
