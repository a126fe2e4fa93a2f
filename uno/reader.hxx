// Reads an open Writer document into the core's model, in one pass inside
// the office process.
#pragma once

#include <scrqm/model.hxx>

#include <com/sun/star/frame/XModel.hpp>

namespace scrqm::lo
{

// Throws css::uno::Exception subclasses for documents that are not text
// documents; the caller turns them into an error result.
Document read_document(const com::sun::star::uno::Reference<com::sun::star::frame::XModel>& model,
                       const std::string& file_name);

} // namespace scrqm::lo
