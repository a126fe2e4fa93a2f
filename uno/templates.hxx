// Action=insert-template: the terms of reference and the board's written
// response, inserted at the cursor (one undo step, styles kept) or opened as
// a new document from the .ott the extension ships.
#pragma once

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <string>

namespace scrqm::lo
{

struct TemplateRequest
{
    std::string name;   // terms-of-reference | board-response
    std::string where;  // cursor | new
    std::string from;   // report to pre-fill from (file URL or path); "" = `document`
    std::string output; // Where=new: store the new document here (path or URL) and close it
    bool hidden = false;
    // The document to insert into (Where=cursor) and, without `from`, the
    // report to pre-fill from. May be empty for Where=new.
    com::sun::star::uno::Reference<com::sun::star::frame::XModel> document;
};

// Returns the result JSON; throws on bad arguments or when the office fails
// (the caller turns exceptions into {"error": ...}).
std::string insert_template(
    const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context,
    const std::string& extension_dir, const TemplateRequest& request);

} // namespace scrqm::lo
