#include "external_links.hxx"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNameReplace.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/util/XChangesBatch.hpp>

#include <utility>

using namespace com::sun::star;
using com::sun::star::uno::Reference;
using com::sun::star::uno::UNO_QUERY_THROW;
using rtl::OUString;

namespace scrqm::lo
{

bool set_block_external_links(const Reference<uno::XComponentContext>& context, bool block)
{
    Reference<lang::XMultiServiceFactory> provider(
        context->getServiceManager()->createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", context),
        UNO_QUERY_THROW);
    beans::NamedValue path;
    path.Name = "nodepath";
    path.Value <<= OUString("/org.openoffice.Office.Common/Security/Scripting");
    const uno::Any arg(path);
    const uno::Sequence<uno::Any> args(&arg, 1);
    Reference<container::XNameAccess> scripting(
        provider->createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationUpdateAccess", args),
        UNO_QUERY_THROW);
    const OUString name("BlockUntrustedRefererLinks");
    bool was = false;
    scripting->getByName(name) >>= was;
    if (was != block)
    {
        Reference<container::XNameReplace>(scripting, UNO_QUERY_THROW)
            ->replaceByName(name, uno::Any(block));
        Reference<util::XChangesBatch>(scripting, UNO_QUERY_THROW)->commitChanges();
    }
    return was;
}

ExternalLinksBlocked::ExternalLinksBlocked(Reference<uno::XComponentContext> context)
    : context_(std::move(context))
{
    restore_ = !set_block_external_links(context_, true);
}

ExternalLinksBlocked::~ExternalLinksBlocked()
{
    if (!restore_)
        return;
    try
    {
        set_block_external_links(context_, false);
    }
    catch (const uno::Exception&)
    {
        // Left on: the safe side.
    }
}

} // namespace scrqm::lo
