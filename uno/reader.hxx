// Reads an open Writer document into the core's model, in one pass inside
// the office process.
#pragma once

#include <scrqm/model.hxx>

#include <com/sun/star/frame/XModel.hpp>

#include <vector>

namespace scrqm::lo
{

// Throws css::uno::Exception subclasses for documents that are not text
// documents; the caller turns them into an error result.
// `sources`, when given, receives for each paragraph of the result the UNO
// object it came from (the paragraph's text range, the comment's field;
// empty for properties), so that a fix can find its text again.
Document read_document(const com::sun::star::uno::Reference<com::sun::star::frame::XModel>& model,
                       const std::string& file_name,
                       std::vector<com::sun::star::uno::Reference<com::sun::star::uno::XInterface>>*
                           sources = nullptr);

} // namespace scrqm::lo
