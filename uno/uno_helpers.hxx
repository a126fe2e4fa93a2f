// Two small UNO idioms used wherever documents are loaded and stored: a named
// argument, and closing a document that is done with (a failure to close
// leaves nothing to recover, so it is not an error).
#pragma once

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/uno/XInterface.hpp>
#include <com/sun/star/util/XCloseable.hpp>

namespace scrqm::lo
{

inline com::sun::star::beans::PropertyValue prop(const char* name,
                                                 const com::sun::star::uno::Any& value)
{
    com::sun::star::beans::PropertyValue p;
    p.Name = rtl::OUString::createFromAscii(name);
    p.Value = value;
    return p;
}

inline void close(const com::sun::star::uno::Reference<com::sun::star::uno::XInterface>& component)
{
    try
    {
        com::sun::star::uno::Reference<com::sun::star::util::XCloseable> closeable(
            component, com::sun::star::uno::UNO_QUERY);
        if (closeable.is())
            closeable->close(true);
    }
    catch (const com::sun::star::uno::Exception&)
    {
    }
}

} // namespace scrqm::lo
