#include "external_links.hxx"

#include "prelude.hxx"
#include "uno_helpers.hxx"

#include <com/sun/star/container/XNameAccess.hpp>

#include <utility>

namespace scrqm::lo
{

bool set_block_external_links(const Reference<uno::XComponentContext>& context, bool block)
{
    const Reference<uno::XInterface> scripting =
        config_node(context, "/org.openoffice.Office.Common/Security/Scripting", true);
    const OUString name("BlockUntrustedRefererLinks");
    bool was = false;
    Reference<container::XNameAccess>(scripting, UNO_QUERY_THROW)->getByName(name) >>= was;
    if (was != block)
        set_config(scripting, name, uno::Any(block));
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
