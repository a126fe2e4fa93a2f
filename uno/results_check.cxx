#include "results_check.hxx"

#include "case_register.hxx"
#include "convert.hxx"
#include "hidden.hxx"
#include "office_check.hxx"
#include "passphrase_dialog.hxx"
#include "prelude.hxx"
#include "reader.hxx"

#include <com/sun/star/awt/AsyncCallback.hpp>
#include <com/sun/star/awt/Key.hpp>
#include <com/sun/star/awt/XCallback.hpp>
#include <com/sun/star/awt/XKeyHandler.hpp>
#include <com/sun/star/awt/XUserInputInterception.hpp>
#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/PropertyAttribute.hpp>
#include <com/sun/star/beans/XPropertyContainer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertySetInfo.hpp>
#include <com/sun/star/document/XDocumentProperties.hpp>
#include <com/sun/star/document/XDocumentPropertiesSupplier.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerListener.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/task/XStatusIndicator.hpp>
#include <com/sun/star/task/XStatusIndicatorFactory.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/util/CloseVetoException.hpp>
#include <com/sun/star/util/XCloseBroadcaster.hpp>
#include <com/sun/star/util/XCloseListener.hpp>
#include <com/sun/star/util/XModifiable.hpp>
#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/implbase3.hxx>
#include <rtl/ref.hxx>

#include <algorithm>
#include <chrono>
#include <map>

namespace scrqm::lo
{

namespace
{

constexpr const char kIgnoredProperty[] = "scrqm.ignored";

// Thrown while reading or between checks once `Running::cancel` is set.
struct Cancelled : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

std::mutex g_mutex; // guards the registries, never held across UNO calls
std::map<const void*, std::shared_ptr<Results>> g_results; // by frame
std::map<const void*, std::shared_ptr<Running>> g_running; // by frame

// While a check runs: an edit of the document or a close of the window or
// document cancels it; the close is vetoed (the check's stack still uses the
// document) and, when the closer gave up ownership, done after the check.
// An edit is a new undo action. Not the modified flag: Writer sets and
// resets it while it lays out a just loaded long document (seen in a check
// started right after loading); check_frame compares it at the end.
// Esc in the document stops the check too (the controller's key handler).
// Esc in the panel did not reach a key listener on its controls (tried under
// Xvfb): a check started from the panel puts the focus on Cancel instead.
class Watch : public cppu::WeakImplHelper3<util::XCloseListener, document::XUndoManagerListener,
                                           awt::XKeyHandler>
{
public:
    explicit Watch(std::shared_ptr<Running> run) : run_(std::move(run)) {}

    sal_Bool SAL_CALL keyPressed(const awt::KeyEvent& e) override
    {
        if (e.KeyCode != awt::Key::ESCAPE || e.Modifiers != 0)
            return false;
        run_->stop("cancelled by the user");
        return true;
    }
    sal_Bool SAL_CALL keyReleased(const awt::KeyEvent& e) override
    {
        return e.KeyCode == awt::Key::ESCAPE && e.Modifiers == 0;
    }
    void SAL_CALL undoActionAdded(const document::UndoManagerEvent&) override { edited(); }
    void SAL_CALL actionUndone(const document::UndoManagerEvent&) override { edited(); }
    void SAL_CALL actionRedone(const document::UndoManagerEvent&) override { edited(); }
    void SAL_CALL enteredContext(const document::UndoManagerEvent&) override { edited(); }
    void SAL_CALL enteredHiddenContext(const document::UndoManagerEvent&) override { edited(); }
    void SAL_CALL allActionsCleared(const lang::EventObject&) override {}
    void SAL_CALL redoActionsCleared(const lang::EventObject&) override {}
    void SAL_CALL resetAll(const lang::EventObject&) override {}
    void SAL_CALL leftContext(const document::UndoManagerEvent&) override {}
    void SAL_CALL leftHiddenContext(const document::UndoManagerEvent&) override {}
    void SAL_CALL cancelledContext(const document::UndoManagerEvent&) override {}

    void SAL_CALL queryClosing(const lang::EventObject& e, sal_Bool ownership) override
    {
        if (!ownership)
        {
            run_->stop("the window was not closed because a check was running: close it again");
        }
        else
        {
            run_->stop("the window is being closed");
            std::lock_guard<std::mutex> lock(run_->mutex);
            if (!run_->close_later.is())
                run_->close_later.set(e.Source, UNO_QUERY);
        }
        throw util::CloseVetoException("scrqm: a pre-publication check is stopping",
                                       static_cast<cppu::OWeakObject*>(this));
    }
    void SAL_CALL notifyClosing(const lang::EventObject&) override
    {
        run_->stop("the document was closed during the check");
    }
    void SAL_CALL disposing(const lang::EventObject&) override
    {
        run_->stop("the document was closed during the check");
    }

private:
    void edited() { run_->stop("the document was edited during the check"); }

    std::shared_ptr<Running> run_;
};

Reference<beans::XPropertySet> user_properties(const Reference<frame::XModel>& model)
{
    Reference<document::XDocumentPropertiesSupplier> dps(model, UNO_QUERY);
    if (!dps.is())
        return {};
    return Reference<beans::XPropertySet>(dps->getDocumentProperties()->getUserDefinedProperties(),
                                          UNO_QUERY);
}

// The paragraph count the document's statistics give (saved with the file;
// 0 when unknown): only to scale the progress bar while reading.
std::size_t stored_paragraph_count(const Reference<frame::XModel>& model)
{
    Reference<document::XDocumentPropertiesSupplier> dps(model, UNO_QUERY);
    if (!dps.is())
        return 0;
    for (const beans::NamedValue& v : dps->getDocumentProperties()->getDocumentStatistics())
        if (v.Name == "ParagraphCount")
        {
            sal_Int32 n = 0;
            v.Value >>= n;
            return n > 0 ? static_cast<std::size_t>(n) : 0;
        }
    return 0;
}

// Runs every registered check on the frame's document, with progress in the
// frame's status bar and through `tell` (the panels). Only reads the
// document. Throws Cancelled as soon as `run.cancel` is seen: every 256
// paragraphs while reading, before every check.
std::shared_ptr<Results> run_checks(const Reference<uno::XComponentContext>& context,
                                    const Reference<frame::XFrame>& frame, Running& run,
                                    const std::function<void(const std::string&)>& tell)
{
    auto r = std::make_shared<Results>();
    r->frame = frame;
    Reference<frame::XController> controller = frame.is() ? frame->getController() : nullptr;
    r->model = controller.is() ? controller->getModel() : nullptr;
    if (!r->model.is())
        throw lang::IllegalArgumentException("no document in this window", {}, 0);
    Reference<task::XStatusIndicator> progress;
    if (Reference<task::XStatusIndicatorFactory> f{frame, UNO_QUERY}; f.is())
        progress = f->createStatusIndicator();
    constexpr sal_Int32 kRange = 1000; // reading 0-500, the checks 500-1000
    if (progress.is())
        progress->start("Pre-publication check", kRange);
    const auto t0 = std::chrono::steady_clock::now();
    auto last = t0 - std::chrono::seconds(1);
    // Each update lets the office handle pending input (the framework's
    // status indicator reschedules in setText), so at most every 100 ms.
    auto update = [&](const std::string& text, sal_Int32 value, bool force)
    {
        const auto now = std::chrono::steady_clock::now();
        if (!force && now - last < std::chrono::milliseconds(100))
            return;
        last = now;
        if (progress.is())
        {
            progress->setText(to_ou(text));
            progress->setValue(value);
        }
        tell(text);
    };
    std::string stage = "while reading";
    auto stopped = [&]
    { return run.why() + "; stopped after " + std::to_string(run.read) + " paragraphs, " + stage; };
    auto poll = [&]
    {
        if (run.cancel)
            throw Cancelled(stopped());
    };
    try
    {
        const std::size_t estimate = stored_paragraph_count(r->model);
        update("Pre-publication check: reading", 0, true);
        poll();
        const ReadProgress on_read = [&](std::size_t n)
        {
            run.read = n;
            if (run.cancel)
                return false;
            const sal_Int32 value =
                estimate
                    ? static_cast<sal_Int32>(std::min<std::size_t>(n, estimate) * 500 / estimate)
                    : 250;
            update("Pre-publication check: reading, " + std::to_string(n) + " paragraphs", value,
                   false);
            return !run.cancel;
        };
        try
        {
            r->doc = read_document(r->model, to_utf8(r->model->getURL()), nullptr, false,
                                   BodyRead::Auto, nullptr, on_read);
        }
        catch (const ReadCancelled&)
        {
            throw Cancelled(stopped());
        }
        run.read = r->doc.paragraphs.size();
        poll();
        // Stored versions and the office's personal-information option, as
        // Action=check reads them (appended after every sourced paragraph).
        read_office_hidden(context, r->model, r->doc);
        r->read_seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        // Every check, with the document's own ignore list.
        // A locked case register is asked for once per session.
        CheckRequest request =
            office_check_request(context, {},
                                 [&context](const std::string& case_id)
                                 { return ask_case_passphrase(context, case_id); });
        request.file = r->doc.file;
        request.ignored = read_ignored(r->model);
        // Between checks: progress, and the place to stop at on a cancel
        // (the runner is held for one check only).
        request.before_check = [&](const std::string& id, std::size_t step, std::size_t count)
        {
            stage = "before the " + id + " check";
            poll();
            update("Pre-publication check: " + id, static_cast<sal_Int32>(500 + 500 * step / count),
                   true);
            poll();
        };
        r->outcome = run_check(r->doc, request, office_check_runner());
        stage = "after the checks";
        poll();
    }
    catch (...)
    {
        if (progress.is())
            progress->end();
        // Whatever broke after a cancel (a document closed under the read)
        // is the cancel.
        if (run.cancel)
            throw Cancelled(stopped());
        throw;
    }
    if (progress.is())
        progress->end();
    r->checked = true;
    r->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return r;
}

bool same_paragraphs(const Document& a, const Document& b)
{
    if (a.paragraphs.size() != b.paragraphs.size())
        return false;
    for (std::size_t i = 0; i < a.paragraphs.size(); ++i)
    {
        const Paragraph& p = a.paragraphs[i];
        const Paragraph& q = b.paragraphs[i];
        // A header's or footer's text holds its page-number fields as
        // Writer last formatted them ("page 5", then "page 7" once the layout
        // formatted on after a load): that is not an edit. Go to a finding
        // there still compares the finding's own text (locate).
        const bool running = p.where == Where::Header || p.where == Where::Footer;
        if (p.where != q.where || p.index != q.index || (!running && p.text != q.text))
            return false;
    }
    return true;
}

void add_watch(const Reference<frame::XFrame>& frame, const Reference<frame::XModel>& model,
               const rtl::Reference<Watch>& watch, bool add)
{
    Reference<util::XCloseListener> closing(watch.get());
    for (const Reference<uno::XInterface>& o : {Reference<uno::XInterface>(frame, UNO_QUERY),
                                                Reference<uno::XInterface>(model, UNO_QUERY)})
        try
        {
            if (Reference<util::XCloseBroadcaster> b{o, UNO_QUERY}; b.is())
            {
                if (add)
                    b->addCloseListener(closing);
                else
                    b->removeCloseListener(closing);
            }
        }
        catch (const uno::Exception&)
        {
        }
    try
    {
        Reference<document::XUndoManagerSupplier> undo(model, UNO_QUERY);
        Reference<document::XUndoManager> manager = undo.is() ? undo->getUndoManager() : nullptr;
        Reference<document::XUndoManagerListener> listening(watch.get());
        Reference<awt::XUserInputInterception> input(frame->getController(), UNO_QUERY);
        Reference<awt::XKeyHandler> keys(watch.get());
        if (input.is() && add)
            input->addKeyHandler(keys);
        else if (input.is())
            input->removeKeyHandler(keys);
        if (manager.is() && add)
            manager->addUndoManagerListener(listening);
        else if (manager.is())
            manager->removeUndoManagerListener(listening);
    }
    catch (const uno::Exception&)
    {
    }
}

// Closes a window or document whose close came during a check.
class CloseLater : public cppu::WeakImplHelper1<awt::XCallback>
{
public:
    explicit CloseLater(const Reference<util::XCloseable>& target) : target_(target) {}
    void SAL_CALL notify(const uno::Any&) override
    {
        try
        {
            target_->close(true);
        }
        catch (const uno::Exception&)
        {
        }
    }

private:
    Reference<util::XCloseable> target_;
};

} // namespace

std::shared_ptr<Running> running_of(const Reference<frame::XFrame>& frame)
{
    std::lock_guard<std::mutex> lock(g_mutex);
    const auto it = g_running.find(frame.get());
    return it == g_running.end() ? nullptr : it->second;
}

std::shared_ptr<Results> results_of(const Reference<frame::XFrame>& frame)
{
    std::lock_guard<std::mutex> lock(g_mutex);
    const auto it = g_results.find(frame.get());
    return it == g_results.end() ? nullptr : it->second;
}

IgnoreList read_ignored(const Reference<frame::XModel>& model)
{
    OUString stored;
    Reference<beans::XPropertySet> user = user_properties(model);
    if (user.is() && user->getPropertySetInfo()->hasPropertyByName(kIgnoredProperty))
        user->getPropertyValue(kIgnoredProperty) >>= stored;
    return IgnoreList::parse(to_utf8(stored));
}

// A document property change is not recorded by the undo manager (there is
// no undo action for it in Writer): it marks the document modified and is
// saved, but Edit > Undo does not take it back.
void write_ignored(const Reference<frame::XModel>& model, const IgnoreList& list)
{
    Reference<beans::XPropertySet> user = user_properties(model);
    if (!user.is())
        throw uno::RuntimeException("the document has no user-defined properties");
    const OUString value = to_ou(list.serialise());
    if (user->getPropertySetInfo()->hasPropertyByName(kIgnoredProperty))
        user->setPropertyValue(kIgnoredProperty, uno::Any(value));
    else
        Reference<beans::XPropertyContainer>(user, UNO_QUERY_THROW)
            ->addProperty(kIgnoredProperty, beans::PropertyAttribute::REMOVABLE, uno::Any(value));
}

// The sources Go to and Fix need for finding `f`: on first use the document
// is read again with them (body paragraphs left to body_paragraph) and must
// give the same paragraphs as the check read; then `f`'s body paragraph is
// found by its place and must still hold the checked text.
void need_source(const Reference<uno::XComponentContext>& context, Results& r, const Finding& f)
{
    if (!r.sourced)
    {
        std::vector<Reference<uno::XInterface>> sources;
        Document again = read_document(r.model, to_utf8(r.model->getURL()), &sources, true);
        read_office_hidden(context, r.model, again);
        if (!same_paragraphs(again, r.doc))
            throw Changed();
        r.sources = std::move(sources);
        r.sourced = true;
    }
    if (f.where != Where::Body)
        return;
    for (std::size_t i = 0; i < r.doc.paragraphs.size() && i < r.sources.size(); ++i)
    {
        const Paragraph& p = r.doc.paragraphs[i];
        if (p.where != f.where || p.index != f.paragraph)
            continue;
        if (!r.sources[i].is())
        {
            Reference<text::XTextRange> range = body_paragraph(r.model, p.index);
            if (!range.is() || to_utf8(range->getString()) != p.text)
                throw Changed();
            r.sources[i] = range;
        }
        return;
    }
}

bool check_frame(const Reference<uno::XComponentContext>& context,
                 const Reference<frame::XFrame>& frame, const std::function<void()>& started,
                 const std::function<void(const std::string&)>& tell,
                 const std::function<void()>& after)
{
    auto run = std::make_shared<Running>();
    {
        std::lock_guard<std::mutex> lock(g_mutex);
        auto& slot = g_running[frame.get()];
        if (slot)
            return false;
        slot = run;
    }
    Reference<frame::XController> controller = frame->getController();
    Reference<frame::XModel> model = controller.is() ? controller->getModel() : nullptr;
    rtl::Reference<Watch> watch(new Watch(run));
    Reference<util::XModifiable> modifiable(model, UNO_QUERY);
    const bool was_modified = !modifiable.is() || modifiable->isModified();
    std::shared_ptr<Results> r;
    std::string cancelled;
    try
    {
        started();
        add_watch(frame, model, watch, true);
        r = run_checks(context, frame, *run, tell);
        if (!was_modified && modifiable->isModified())
            throw Cancelled("the document was edited during the check; stopped after the checks");
    }
    catch (const Cancelled& e)
    {
        cancelled = e.what();
    }
    catch (const uno::Exception& e)
    {
        r = std::make_shared<Results>();
        r->error = to_utf8(e.Message);
    }
    catch (const std::exception& e)
    {
        r = std::make_shared<Results>();
        r->error = e.what();
    }
    add_watch(frame, model, watch, false);
    {
        std::lock_guard<std::mutex> lock(g_mutex);
        g_running.erase(frame.get());
    }
    if (!cancelled.empty())
    {
        std::shared_ptr<Results> previous = results_of(frame);
        r = previous && previous->checked ? previous : std::make_shared<Results>();
        r->cancelled = cancelled;
    }
    r->frame = frame;
    // Forget the results of closed windows (checked outside the lock).
    std::map<const void*, std::shared_ptr<Results>> all;
    {
        std::lock_guard<std::mutex> lock(g_mutex);
        all = g_results;
    }
    std::vector<const void*> gone;
    for (const auto& [key, old] : all)
        if (!old || !old->frame.is() || !old->frame->getController().is())
            gone.push_back(key);
    {
        std::lock_guard<std::mutex> lock(g_mutex);
        for (const void* key : gone)
            g_results.erase(key);
        g_results[frame.get()] = r;
    }
    after();
    Reference<util::XCloseable> close;
    {
        std::lock_guard<std::mutex> lock(run->mutex);
        close = run->close_later;
    }
    // Closed from the main loop: here the frame may still be in use (a
    // close from inside the dispatch was refused: seen with Ctrl+W).
    if (close.is())
        awt::AsyncCallback::create(context)->addCallback(new CloseLater(close), uno::Any());
    return true;
}

} // namespace scrqm::lo
