// The page each finding is on, for the results list ("p. 7 · 4. Family
// involvement"). Writer's API gives a page only to the view cursor
// (XPageCursor::getPage), so finding_pages walks the pages once with it and
// measures where each page starts in the body's text; see pages.cxx.
#pragma once

#include <scrqm/model.hxx>

#include <com/sun/star/frame/XModel.hpp>

#include <optional>
#include <vector>

namespace scrqm
{
struct Finding;
}

namespace scrqm::lo
{

// Per finding, its page (1-based), 0 where none is known: headers, footers
// and properties (on every page or none), a document without a view, or a
// body whose text does not read as `doc`'s paragraphs (then every page is 0:
// no page rather than a wrong one). Notes, comments and frames take the page
// of the paragraph they are anchored to. Moves the view cursor and puts the
// user's selection back; never changes the document and never throws (an
// error gives no pages).
//
// Not to be called while the sidebar builds a panel: a cursor move then
// makes the sidebar build it again (see pages.cxx). Empty (nullopt) when a
// walk is already under way: ask again later. `last_page`: the last page
// the view cursor reached (0: none), less than the view's PageCount while
// Writer is still laying out.
std::optional<std::vector<int>>
finding_pages(const com::sun::star::uno::Reference<com::sun::star::frame::XModel>& model,
              const Document& doc, const std::vector<Finding>& findings, int* last_page = nullptr);

} // namespace scrqm::lo
