// The UNO names the sources of uno/ write unqualified (uno::Any, frame::XModel,
// Reference, UNO_QUERY, OUString), made visible inside scrqm::lo only: a
// source includes this instead of repeating the same using-declarations.
#pragma once

#include <com/sun/star/uno/Reference.hxx>
#include <rtl/ustring.hxx>

namespace scrqm::lo
{

using namespace com::sun::star;
using com::sun::star::uno::Reference;
using com::sun::star::uno::UNO_QUERY;
using com::sun::star::uno::UNO_QUERY_THROW;
using rtl::OUString;

} // namespace scrqm::lo
