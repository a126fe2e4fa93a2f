// The "Quality Markers" sidebar deck: a Markers panel (coverage strip,
// markers by cluster, statement, questions with state and note, tagged
// sections) and a Sections panel (headings with tags, the cursor's section
// selected, tag/untag, suggestions with their cues, accept/reject).
//
// Live: the document's modify and selection events only note the time; a
// worker thread waits until typing has paused, then asks the main thread
// (awt::AsyncCallback) to refresh. Keystrokes never wait for a refresh.
#include "sidebar.hxx"

#include "panel_factory.hxx"
#include "prelude.hxx"
#include "sidebar_panel.hxx"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexContainer.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/ui/ContextMenuExecuteEvent.hpp>
#include <com/sun/star/ui/ContextMenuInterceptorAction.hpp>
#include <com/sun/star/ui/XContextMenuInterception.hpp>
#include <com/sun/star/ui/XContextMenuInterceptor.hpp>
#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/weakref.hxx>
#include <rtl/ref.hxx>

#include <algorithm>
#include <mutex>
#include <vector>

namespace scrqm::lo
{

namespace deck
{

std::mutex g_registry_mutex;
std::map<const void*, Reference<Tracker>> g_trackers;
std::vector<Panel*> g_panels;

} // namespace deck

namespace
{

using deck::Kind;
using deck::Panel;
using deck::tr;

constexpr const char* kFactoryName = "org.scrqm.comp.PanelFactory";
constexpr const char* kDeckCommand = ".uno:SidebarDeck.ScrqmQualityMarkersDeck";

void open_deck(const Reference<uno::XComponentContext>& context,
               const Reference<frame::XFrame>& frame)
{
    Reference<frame::XDispatchProvider> provider(frame, UNO_QUERY);
    if (!provider.is())
        return;
    frame::DispatchHelper::create(context)->executeDispatch(
        provider, OUString::createFromAscii(kDeckCommand), "", 0, {});
}

// Adds the command to the text's context menu.
class ContextMenu : public cppu::WeakImplHelper1<ui::XContextMenuInterceptor>
{
public:
    ui::ContextMenuInterceptorAction SAL_CALL
    notifyContextMenuExecute(const ui::ContextMenuExecuteEvent& event) override
    {
        try
        {
            Reference<container::XIndexContainer> menu = event.ActionTriggerContainer;
            Reference<lang::XMultiServiceFactory> factory(menu, UNO_QUERY);
            if (!menu.is() || !factory.is())
                return ui::ContextMenuInterceptorAction_IGNORED;
            Reference<beans::XPropertySet> separator(
                factory->createInstance("com.sun.star.ui.ActionTriggerSeparator"), UNO_QUERY);
            Reference<beans::XPropertySet> item(
                factory->createInstance("com.sun.star.ui.ActionTrigger"), UNO_QUERY);
            if (!separator.is() || !item.is())
                return ui::ContextMenuInterceptorAction_IGNORED;
            item->setPropertyValue("Text", uno::Any(to_ou(tr("context.tag"))));
            item->setPropertyValue("CommandURL", uno::Any(OUString("vnd.scrqm:TagSection")));
            menu->insertByIndex(menu->getCount(), uno::Any(separator));
            menu->insertByIndex(menu->getCount(), uno::Any(item));
            return ui::ContextMenuInterceptorAction_CONTINUE_MODIFIED;
        }
        catch (...)
        {
            return ui::ContextMenuInterceptorAction_IGNORED;
        }
    }
};

} // namespace

void hook_context_menu(const Reference<frame::XFrame>& frame)
{
    if (!frame.is())
        return;
    Reference<frame::XController> controller = frame->getController();
    Reference<ui::XContextMenuInterception> interception(controller, UNO_QUERY);
    Reference<frame::XModel> model = controller.is() ? controller->getModel() : XModelRef();
    Reference<lang::XServiceInfo> info(model, UNO_QUERY);
    if (!interception.is() || !info.is() ||
        !info->supportsService("com.sun.star.text.TextDocument"))
        return;
    // Once per controller: weak references, so closed documents go away.
    static std::mutex mutex;
    static std::vector<uno::WeakReference<frame::XController>> hooked;
    std::lock_guard<std::mutex> lock(mutex);
    hooked.erase(std::remove_if(hooked.begin(), hooked.end(),
                                [](const uno::WeakReference<frame::XController>& w)
                                { return !Reference<frame::XController>(w).is(); }),
                 hooked.end());
    for (const auto& w : hooked)
        if (Reference<frame::XController>(w) == controller)
            return;
    interception->registerContextMenuInterceptor(new ContextMenu);
    hooked.emplace_back(controller);
}

Reference<uno::XInterface>
    SAL_CALL create_panel_factory(const Reference<uno::XComponentContext>& context)
{
    return make_panel_factory(
        kFactoryName,
        [context](const OUString& url, const Reference<frame::XFrame>& frame,
                  const Reference<awt::XWindow>& parent,
                  const Reference<ui::XSidebar>& sidebar) -> Reference<ui::XUIElement>
        {
            Kind kind;
            if (url.endsWith("/MarkersPanel"))
                kind = Kind::Markers;
            else if (url.endsWith("/SectionsPanel"))
                kind = Kind::Sections;
            else
                throw lang::IllegalArgumentException("unknown scrqm panel " + url, {}, 0);
            rtl::Reference<Panel> panel(new Panel(kind, url, context, frame, parent, sidebar));
            panel->first_refresh();
            return panel.get();
        });
}

bool sidebar_command(const Reference<uno::XComponentContext>& context,
                     const Reference<frame::XFrame>& frame, const OUString& command)
{
    if (command == "QualityMarkers")
    {
        open_deck(context, frame);
        return true;
    }
    const bool tag_dialog = command == "TagSection";
    if (!tag_dialog && !command.startsWith("Panel."))
        return false;
    if (tag_dialog)
        open_deck(context, frame);
    const std::string name = tag_dialog ? "FocusMarker" : to_utf8(command.copy(6));
    // The panels of this frame (Markers first, then Sections).
    std::vector<rtl::Reference<Panel>> panels;
    {
        std::lock_guard<std::mutex> lock(deck::g_registry_mutex);
        for (Panel* p : deck::g_panels)
            if (p->frame() == frame)
                panels.emplace_back(p);
    }
    const bool for_markers = name == "SaveQuestion" || name == "GotoTagged";
    // GotoHeading, TagSection, ... belong to the Sections panel.
    for (const auto& p : panels)
        if ((p->kind() == Kind::Markers) == for_markers || name == "Refresh")
            p->command(name);
    return true;
}

} // namespace scrqm::lo
