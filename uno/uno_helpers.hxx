// Small UNO idioms used across uno/: a named argument and closing a document
// that is done with (a failure to close leaves nothing to recover, so it is
// not an error) wherever documents are loaded and stored; a node of the
// office's configuration and setting a value in it; counting tracked changes;
// the file a picker chose; a reference held while a UNO object is built.
#pragma once

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XEnumeration.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XNameReplace.hpp>
#include <com/sun/star/document/XRedlinesSupplier.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/ui/dialogs/ExecutableDialogResults.hpp>
#include <com/sun/star/ui/dialogs/XFilePicker3.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/uno/XInterface.hpp>
#include <com/sun/star/util/XChangesBatch.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <osl/interlck.h>

#include <cstddef>

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

// The media descriptor of a document loaded out of sight to be read or
// copied: hidden, read-only when asked, no macros run, no links updated.
inline com::sun::star::uno::Sequence<com::sun::star::beans::PropertyValue>
hidden_load_arguments(bool read_only = true)
{
    com::sun::star::uno::Sequence<com::sun::star::beans::PropertyValue> media(4);
    media[0] = prop("Hidden", com::sun::star::uno::Any(true));
    media[1] = prop("ReadOnly", com::sun::star::uno::Any(read_only));
    media[2] = prop("MacroExecutionMode", com::sun::star::uno::Any(sal_Int16(0))); // never
    media[3] = prop("UpdateDocMode", com::sun::star::uno::Any(sal_Int16(0)));      // no links
    return media;
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

// A node of the office's configuration ("/org.openoffice.Office.Common/
// Security/Scripting"): read-only, or with `update` one that set_config
// writes to. Throws uno::Exception.
inline com::sun::star::uno::Reference<com::sun::star::uno::XInterface>
config_node(const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context,
            const char* path, bool update)
{
    namespace css = com::sun::star;
    css::uno::Reference<css::lang::XMultiServiceFactory> provider =
        css::configuration::theDefaultProvider::get(context);
    css::beans::NamedValue nodepath("nodepath",
                                    css::uno::Any(rtl::OUString::createFromAscii(path)));
    css::uno::Sequence<css::uno::Any> args(1);
    args[0] <<= nodepath;
    return provider->createInstanceWithArguments(
        update ? rtl::OUString("com.sun.star.configuration.ConfigurationUpdateAccess")
               : rtl::OUString("com.sun.star.configuration.ConfigurationAccess"),
        args);
}

// Sets `name` in a node from config_node(..., true) and commits it. Throws
// uno::Exception.
inline void set_config(const com::sun::star::uno::Reference<com::sun::star::uno::XInterface>& node,
                       const rtl::OUString& name, const com::sun::star::uno::Any& value)
{
    namespace css = com::sun::star;
    css::uno::Reference<css::container::XNameReplace>(node, css::uno::UNO_QUERY_THROW)
        ->replaceByName(name, value);
    css::uno::Reference<css::util::XChangesBatch>(node, css::uno::UNO_QUERY_THROW)->commitChanges();
}

// The tracked changes in a document, accepted or not yet.
inline std::size_t
count_redlines(const com::sun::star::uno::Reference<com::sun::star::frame::XModel>& model)
{
    namespace css = com::sun::star;
    css::uno::Reference<css::document::XRedlinesSupplier> supplier(model, css::uno::UNO_QUERY);
    if (!supplier.is())
        return 0;
    css::uno::Reference<css::container::XEnumeration> e =
        supplier->getRedlines()->createEnumeration();
    std::size_t n = 0;
    for (; e->hasMoreElements(); e->nextElement())
        ++n;
    return n;
}

// Runs a file picker: the file (URL) the user chose, empty when cancelled.
inline rtl::OUString
chosen_file(const com::sun::star::uno::Reference<com::sun::star::ui::dialogs::XFilePicker3>& picker)
{
    namespace css = com::sun::star;
    if (picker->execute() != css::ui::dialogs::ExecutableDialogResults::OK)
        return {};
    const css::uno::Sequence<rtl::OUString> files = picker->getSelectedFiles();
    return files.getLength() == 0 ? rtl::OUString() : files[0];
}

// Holds one reference to a UNO object while its constructor runs: the
// listeners it registers get `this` (and may acquire and release it) before
// anyone else holds it. Released however the constructor ends.
class HeldWhileConstructed
{
public:
    explicit HeldWhileConstructed(oslInterlockedCount& count) : count_(count)
    {
        osl_atomic_increment(&count_);
    }
    ~HeldWhileConstructed() { osl_atomic_decrement(&count_); }
    HeldWhileConstructed(const HeldWhileConstructed&) = delete;
    HeldWhileConstructed& operator=(const HeldWhileConstructed&) = delete;

private:
    oslInterlockedCount& count_;
};

} // namespace scrqm::lo
