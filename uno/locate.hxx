// Finding a finding's text in the open document again.
#pragma once

#include <scrqm/finding.hxx>
#include <scrqm/model.hxx>

#include <com/sun/star/text/XTextCursor.hpp>
#include <com/sun/star/text/XTextRange.hpp>

#include <string>
#include <vector>

namespace scrqm::lo
{

// UTF-16 length of the first `code_points` code points of `utf8`.
sal_Int32 utf16_offset(const std::string& utf8, std::size_t code_points);

// A cursor selecting [start16, start16 + length16) of the paragraph's string,
// or an empty reference when the text cannot be selected exactly.
com::sun::star::uno::Reference<com::sun::star::text::XTextCursor>
select_text(const com::sun::star::uno::Reference<com::sun::star::text::XTextRange>& paragraph,
            sal_Int32 start16, sal_Int32 length16);

// The finding's text as a cursor, when it lives in document text (not in a
// comment or a property); `sources` as filled by read_document.
com::sun::star::uno::Reference<com::sun::star::text::XTextCursor>
locate(const Document& doc,
       const std::vector<com::sun::star::uno::Reference<com::sun::star::uno::XInterface>>& sources,
       const Finding& finding);

} // namespace scrqm::lo
