// Loading a document must never fetch anything: a .docx whose image is
// linked to an address (not embedded) otherwise makes LibreOffice request
// it (OPTIONS, HEAD, GET) as the document loads, a web bug that tells the
// sender when and where the report is read.
//
// LibreOffice 7.4 has one switch for it: Tools > Options > Security >
// Options > "Block any links from documents not among the trusted
// locations" (/org.openoffice.Office.Common/Security/Scripting/
// BlockUntrustedRefererLinks). With it on, a document's references to
// external resources (linked images, media, colour tables, auto-reload) are
// not resolved unless the document comes from a trusted location, and the
// office scrqm starts has none. UpdateDocMode=NO_UPDATE (in the load
// arguments) covers linked sections and OLE links.
#pragma once

#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>

namespace scrqm::lo
{

// Sets the switch and returns its previous value. Throws uno::Exception.
bool set_block_external_links(
    const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context,
    bool block);

// The switch on while it lives, then as it was: for a document the extension
// loads itself in the user's office (a board response's --from report).
class ExternalLinksBlocked
{
public:
    explicit ExternalLinksBlocked(
        com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext> context);
    ~ExternalLinksBlocked();
    ExternalLinksBlocked(const ExternalLinksBlocked&) = delete;
    ExternalLinksBlocked& operator=(const ExternalLinksBlocked&) = delete;

private:
    com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext> context_;
    bool restore_ = false;
};

} // namespace scrqm::lo
