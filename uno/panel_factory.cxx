#include "panel_factory.hxx"

#include "convert.hxx"
#include "prelude.hxx"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/XController2.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/ui/XDeck.hpp>
#include <com/sun/star/ui/XDecks.hpp>
#include <com/sun/star/ui/XSidebarProvider.hpp>
#include <com/sun/star/ui/XUIElementFactory.hpp>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/supportsservice.hxx>

#include <exception>

namespace scrqm::lo
{

namespace
{

class PanelFactory : public cppu::WeakImplHelper2<ui::XUIElementFactory, lang::XServiceInfo>
{
public:
    PanelFactory(const char* name, PanelMaker make) : name_(name), make_(std::move(make)) {}

    Reference<ui::XUIElement> SAL_CALL
    createUIElement(const OUString& url, const uno::Sequence<beans::PropertyValue>& args) override
    {
        Reference<frame::XFrame> frame;
        Reference<awt::XWindow> parent;
        Reference<ui::XSidebar> sidebar;
        for (sal_Int32 i = 0; i < args.getLength(); ++i)
        {
            if (args[i].Name == "Frame")
                args[i].Value >>= frame;
            else if (args[i].Name == "ParentWindow")
                args[i].Value >>= parent;
            else if (args[i].Name == "Sidebar")
                args[i].Value >>= sidebar;
        }
        if (!frame.is() || !parent.is())
            throw lang::IllegalArgumentException("scrqm panels need Frame and ParentWindow", {}, 1);
        try
        {
            return make_(url, frame, parent, sidebar);
        }
        catch (const uno::RuntimeException&)
        {
            throw; // an IllegalArgumentException for an unknown URL too
        }
        catch (const uno::Exception& e)
        {
            throw lang::IllegalArgumentException("scrqm panel: " + e.Message, {}, 0);
        }
        catch (const std::exception& e)
        {
            throw lang::IllegalArgumentException("scrqm panel: " + to_ou(e.what()), {}, 0);
        }
    }

    OUString SAL_CALL getImplementationName() override { return OUString::createFromAscii(name_); }
    sal_Bool SAL_CALL supportsService(const OUString& name) override
    {
        return cppu::supportsService(this, name);
    }
    uno::Sequence<OUString> SAL_CALL getSupportedServiceNames() override
    {
        uno::Sequence<OUString> names(1);
        names[0] = "com.sun.star.ui.UIElementFactory";
        return names;
    }

private:
    const char* name_;
    PanelMaker make_;
};

} // namespace

Reference<uno::XInterface> make_panel_factory(const char* implementation_name, PanelMaker make)
{
    return static_cast<cppu::OWeakObject*>(new PanelFactory(implementation_name, std::move(make)));
}

void show_deck(const Reference<uno::XComponentContext>& context,
               const Reference<frame::XFrame>& frame, const char* deck_id)
{
    const OUString id = OUString::createFromAscii(deck_id);
    Reference<frame::XController2> controller(frame->getController(), UNO_QUERY);
    Reference<ui::XSidebarProvider> sidebar =
        controller.is() ? controller->getSidebar() : Reference<ui::XSidebarProvider>();
    if (sidebar.is() && sidebar->isVisible())
    {
        Reference<ui::XDecks> decks = sidebar->getDecks();
        Reference<ui::XDeck> deck;
        if (decks.is() && decks->hasByName(id))
            deck.set(decks->getByName(id), UNO_QUERY);
        if (deck.is() && deck->isActive())
            return;
    }
    Reference<frame::XDispatchProvider> provider(frame, UNO_QUERY);
    if (provider.is())
        frame::DispatchHelper::create(context)->executeDispatch(provider, ".uno:SidebarDeck." + id,
                                                                "", 0, {});
}

} // namespace scrqm::lo
