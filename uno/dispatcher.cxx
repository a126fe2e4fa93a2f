// Commands for the toolbar, menu and keyboard: the protocol handler for
// vnd.scrqm: URLs. vnd.scrqm:NextFinding selects the next finding of the
// anonymisation check after the cursor (the results panel lists every check's).
#include "convert.hxx"
#include "locate.hxx"
#include "main_thread.hxx"
#include "office_check.hxx"
#include "passphrase_dialog.hxx"
#include "prelude.hxx"
#include "publication.hxx"
#include "reader.hxx"
#include "register_dialog.hxx"
#include "results_panel.hxx"
#include "service_info.hxx"
#include "sidebar.hxx"

#include <com/sun/star/frame/DispatchDescriptor.hpp>
#include <com/sun/star/frame/FeatureStateEvent.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatch.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/frame/XStatusListener.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XInitialization.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/lang/XSingleComponentFactory.hpp>
#include <com/sun/star/text/XTextRangeCompare.hpp>
#include <com/sun/star/text/XTextViewCursorSupplier.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <cppuhelper/implbase4.hxx>
#include <cppuhelper/supportsservice.hxx>

#include <exception>

namespace scrqm::lo
{

namespace
{

constexpr const char* kImplementation = "org.scrqm.comp.Dispatcher";
constexpr const char kProtocol[] = "vnd.scrqm:";

class Dispatcher
    : public WithServiceInfo<cppu::WeakImplHelper4<frame::XDispatchProvider, frame::XDispatch,
                                                   lang::XInitialization, lang::XServiceInfo>>
{
public:
    explicit Dispatcher(const Reference<uno::XComponentContext>& context)
        : WithServiceInfo(kImplementation, "com.sun.star.frame.ProtocolHandler"), context_(context)
    {
    }

    // XInitialization: the frame the commands act on.
    void SAL_CALL initialize(const uno::Sequence<uno::Any>& args) override
    {
        if (args.getLength() > 0)
            args[0] >>= frame_;
        try
        {
            hook_context_menu(frame_);
        }
        catch (...)
        {
        }
    }

    Reference<frame::XDispatch> SAL_CALL queryDispatch(const util::URL& url, const OUString&,
                                                       sal_Int32) override
    {
        if (url.Complete.startsWith(kProtocol))
            return this;
        return {};
    }

    uno::Sequence<Reference<frame::XDispatch>>
        SAL_CALL queryDispatches(const uno::Sequence<frame::DispatchDescriptor>& requests) override
    {
        uno::Sequence<Reference<frame::XDispatch>> out(requests.getLength());
        for (sal_Int32 i = 0; i < requests.getLength(); ++i)
            out[i] = queryDispatch(requests[i].FeatureURL, requests[i].FrameName,
                                   requests[i].SearchFlags);
        return out;
    }

    // Never throws into the office: a failing command does nothing.
    void SAL_CALL dispatch(const util::URL& url,
                           const uno::Sequence<beans::PropertyValue>&) override
    {
        try
        {
            const OUString path = url.Path;
            if (path == "CheckAll" || path == "Results.Recheck" || path == "Results.Cancel")
                // On the caller's thread. The check gives the main thread
                // back only to its own events (its progress), so a check
                // run there from a macro could not be cancelled from
                // another thread; and a cancel must not wait for the
                // check it stops.
                results_command(context_, frame_, path);
            else
                // The panels, their tracker and the document's reading live
                // on the main thread, which refreshes them after edits: a
                // macro's command on another thread runs there too.
                run_on_main_thread(context_,
                                   [this, path]
                                   {
                                       if (path == "NextFinding")
                                           next_finding();
                                       else if (path == "PublicationCopy")
                                           publication_copy_ui(context_, frame_);
                                       else if (path == "CaseRegister")
                                           run_register_dialog(context_, frame_);
                                       else if (!results_command(context_, frame_, path))
                                           sidebar_command(context_, frame_, path);
                                   });
        }
        catch (const uno::Exception&)
        {
        }
        catch (const std::exception&)
        {
        }
        catch (...)
        {
        }
    }

    void SAL_CALL addStatusListener(const Reference<frame::XStatusListener>& listener,
                                    const util::URL& url) override
    {
        if (!listener.is())
            return;
        frame::FeatureStateEvent e;
        e.FeatureURL = url;
        e.IsEnabled = true;
        e.Source = static_cast<cppu::OWeakObject*>(this);
        listener->statusChanged(e);
    }
    void SAL_CALL removeStatusListener(const Reference<frame::XStatusListener>&,
                                       const util::URL&) override
    {
    }

private:
    void next_finding()
    {
        if (!frame_.is())
            return;
        Reference<frame::XController> controller = frame_->getController();
        Reference<frame::XModel> model = controller.is() ? controller->getModel() : nullptr;
        Reference<text::XTextViewCursorSupplier> vcs(controller, UNO_QUERY);
        Reference<view::XSelectionSupplier> selection(controller, UNO_QUERY);
        if (!model.is() || !vcs.is() || !selection.is())
            return;
        std::vector<Reference<uno::XInterface>> sources;
        const Document doc = read_document(model, "", &sources);
        const std::vector<Finding> findings =
            run_check(doc,
                      office_check_request(context_, {{"Checks", "anonymisation"}},
                                           [this](const std::string& case_id)
                                           { return ask_case_passphrase(context_, case_id); }),
                      office_check_runner())
                .result.findings;
        // The first finding after the view cursor in the same text; else the
        // first one anywhere (wrap around).
        Reference<text::XTextRange> here(vcs->getViewCursor(), UNO_QUERY);
        Reference<text::XTextCursor> first;
        for (const Finding& f : findings)
        {
            Reference<text::XTextCursor> c = locate(doc, sources, f);
            if (!c.is())
                continue;
            if (!first.is())
                first = c;
            Reference<text::XTextRangeCompare> compare(c->getText(), UNO_QUERY);
            try
            {
                if (compare.is() && compare->compareRegionStarts(here->getEnd(), c->getStart()) > 0)
                {
                    selection->select(uno::Any(Reference<text::XTextRange>(c, UNO_QUERY)));
                    return;
                }
            }
            catch (const com::sun::star::lang::IllegalArgumentException&)
            {
                // the cursor is in another text (a header, a cell): not comparable
            }
        }
        if (first.is())
            selection->select(uno::Any(Reference<text::XTextRange>(first, UNO_QUERY)));
    }

    Reference<uno::XComponentContext> context_;
    Reference<frame::XFrame> frame_;
};

} // namespace

Reference<uno::XInterface>
    SAL_CALL create_dispatcher(const Reference<uno::XComponentContext>& context)
{
    return static_cast<cppu::OWeakObject*>(new Dispatcher(context));
}

} // namespace scrqm::lo
