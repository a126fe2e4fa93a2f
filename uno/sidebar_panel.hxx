// The Quality Markers deck's insides, shared by its files: the tracker (one
// per frame: listens to the document, refreshes its panels after a pause)
// and the two panels. sidebar.cxx registers the factory and the commands;
// sidebar_tracker.cxx reads the document; sidebar_panel.cxx is the panel's
// UNO side; sidebar_markers.cxx and sidebar_sections.cxx fill the panels.
#pragma once

#include "controls.hxx"
#include "convert.hxx"
#include "prelude.hxx"
#include "sidebar_actions.hxx"

#include <scrqm/coverage.hxx>

#include <com/sun/star/awt/AsyncCallback.hpp>
#include <com/sun/star/awt/XActionListener.hpp>
#include <com/sun/star/awt/XCallback.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XItemListener.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/awt/XWindowListener.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/graphic/XGraphic.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/ui/LayoutSize.hpp>
#include <com/sun/star/ui/UIElementType.hpp>
#include <com/sun/star/ui/XSidebar.hpp>
#include <com/sun/star/ui/XSidebarPanel.hpp>
#include <com/sun/star/ui/XToolPanel.hpp>
#include <com/sun/star/ui/XUIElement.hpp>
#include <com/sun/star/util/XModifyBroadcaster.hpp>
#include <com/sun/star/util/XModifyListener.hpp>
#include <com/sun/star/view/XSelectionChangeListener.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <cppuhelper/implbase3.hxx>
#include <cppuhelper/implbase7.hxx>
#include <rtl/ref.hxx>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace scrqm::lo::deck
{

// How long typing must pause before the panels refresh.
constexpr auto kDebounce = std::chrono::milliseconds(400);
constexpr sal_Int32 kScrollBarRoom = 16; // pixels

// The string `key` of dialogs/strings-en-GB.properties with {0}, {1}, ...
// filled in; the key itself when the file lacks it, so that a missing string
// shows which one.
std::string tr(const std::string& key, const std::vector<std::string>& args = {});

std::string join(const std::vector<std::string>& items, const char* sep);

// The headings inferred for a body with no heading of its own (empty when it
// has some): how its paragraphs look is read for it (read_looks).
std::vector<InferredHeading> inferred_headings(const XModelRef& model, const Document& doc);

class Panel;

// ---- the tracker: one per frame, shared by its panels ----

// What a refresh does: find the cursor's section only; follow a change (in
// place when it is typing in body text, see update_state); read in full.
enum class Refresh
{
    Cursor,
    Changed,
    Full,
};

class Tracker : public cppu::WeakImplHelper3<util::XModifyListener, view::XSelectionChangeListener,
                                             awt::XCallback>
{
public:
    // `framework`: the one the user named in the settings, or empty to
    // follow the document (see framework_for).
    Tracker(const Reference<uno::XComponentContext>& context, const Reference<frame::XFrame>& frame,
            const std::string& framework)
        : context_(context), frame_(frame), named_framework_(framework)
    {
    }

    // Registers the listeners and starts the worker; called once the tracker
    // is held by a reference (a UNO object must not hand out `this` while
    // its count is zero).
    void start()
    {
        Reference<frame::XController> controller = frame_->getController();
        model_ = controller.is() ? controller->getModel() : XModelRef();
        Reference<util::XModifyBroadcaster> mb(model_, UNO_QUERY);
        if (mb.is())
            mb->addModifyListener(this);
        selection_.set(controller, UNO_QUERY);
        if (selection_.is())
            selection_->addSelectionChangeListener(this);
        // The worker holds a reference: it may outlive shutdown() (see there).
        worker_ = std::thread([self = rtl::Reference<Tracker>(this)] { self->wait_loop(); });
    }

    ~Tracker() override
    {
        // The worker held the last reference, so it has left its loop; this
        // may run on the worker itself, which cannot join itself.
        if (worker_.joinable())
            worker_.detach();
    }

    void add(Panel* p) { panels_.insert(p); }
    void remove(Panel* p) { panels_.erase(p); }
    bool empty() const { return panels_.empty(); }
    const Reference<frame::XFrame>& frame() const { return frame_; }
    const XModelRef& model() const { return model_; }
    const Reference<uno::XComponentContext>& context() const { return context_; }
    const DocumentState* state() const { return state_.get(); }
    std::size_t current() const { return current_; }
    // The framework the panels show: the one named, else the document's.
    const std::string& framework() const
    {
        return state_                     ? state_->framework
               : named_framework_.empty() ? default_framework_
                                          : named_framework_;
    }

    // Stops the worker and the listeners; the panels are gone. Never joins:
    // this runs on the main thread under the SolarMutex, and the worker may be
    // inside AsyncCallback::addCallback waiting for that same mutex.
    void shutdown()
    {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            stop_ = true;
        }
        wake_.notify_all();
        if (worker_.joinable())
            worker_.detach();
        try
        {
            Reference<util::XModifyBroadcaster> mb(model_, UNO_QUERY);
            if (mb.is())
                mb->removeModifyListener(this);
            if (selection_.is())
                selection_->removeSelectionChangeListener(this);
        }
        catch (const uno::Exception&)
        {
        }
    }

    // Re-reads the document (see Refresh) or only finds the cursor's
    // section, then updates the panels. Main thread only.
    void refresh(Refresh how);

    // The last refresh that read the document, for tests and the benchmark:
    // "<count> <incremental|full> read=<ms> total=<ms>" and, for an
    // incremental one, its steps (see update_state).
    const std::string& last_info() const { return last_info_; }

    // XModifyListener / XSelectionChangeListener: only note the time.
    void SAL_CALL modified(const lang::EventObject&) override { schedule(true); }
    void SAL_CALL selectionChanged(const lang::EventObject&) override { schedule(false); }
    void SAL_CALL disposing(const lang::EventObject&) override
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
        wake_.notify_all();
    }

    // XCallback: on the main thread, after the pause.
    void SAL_CALL notify(const uno::Any& data) override
    {
        bool full = true;
        data >>= full;
        {
            // A callback posted just before shutdown(): the panels are gone.
            std::lock_guard<std::mutex> lock(mutex_);
            if (stop_)
                return;
        }
        try
        {
            refresh(full ? Refresh::Changed : Refresh::Cursor);
        }
        catch (...)
        {
            // A refresh that fails leaves the panels as they were.
        }
    }

private:
    void schedule(bool full)
    {
        std::lock_guard<std::mutex> lock(mutex_);
        cursor_moved_ = cursor_moved_ || !full;
        // A long document takes long to read: wait longer after typing
        // there, so a refresh does not come between two bursts of typing.
        due_ = std::chrono::steady_clock::now() + std::max(kDebounce, 2 * last_refresh_);
        pending_ = true;
        full_ = full_ || full;
        wake_.notify_all();
    }

    void wait_loop()
    {
        std::unique_lock<std::mutex> lock(mutex_);
        while (!stop_)
        {
            if (!pending_)
            {
                wake_.wait(lock);
                continue;
            }
            // Each new event moves the deadline: wait for a pause.
            if (wake_.wait_until(lock, due_) == std::cv_status::no_timeout)
                continue;
            if (std::chrono::steady_clock::now() < due_)
                continue;
            const bool full = full_;
            pending_ = full_ = false;
            lock.unlock();
            try
            {
                awt::AsyncCallback::create(context_)->addCallback(this, uno::Any(full));
            }
            catch (...)
            {
            }
            lock.lock();
        }
    }

    Reference<uno::XComponentContext> context_;
    Reference<frame::XFrame> frame_;
    XModelRef model_;
    Reference<view::XSelectionSupplier> selection_;
    std::set<Panel*> panels_;
    std::unique_ptr<DocumentState> state_;
    SuggestCache cache_;
    std::size_t current_ = static_cast<std::size_t>(-1);
    std::string named_framework_;
    std::string default_framework_ = kDefaultFramework; // before the first read

    std::mutex mutex_;
    std::condition_variable wake_;
    std::thread worker_;
    std::chrono::steady_clock::time_point due_;
    bool pending_ = false, full_ = false, stop_ = false;
    bool cursor_moved_ = true; // since the last refresh found the cursor's section
    std::chrono::milliseconds last_refresh_{0};
    std::size_t refreshes_ = 0;
    std::string last_info_;
    std::vector<std::size_t> shown_headings_; // the sections' heading paragraphs
};

// The frames' trackers and the live panels, under g_registry_mutex
// (sidebar.cxx).
extern std::mutex g_registry_mutex;
extern std::map<const void*, Reference<Tracker>> g_trackers; // by frame
extern std::vector<Panel*> g_panels;

enum class Kind
{
    Markers,
    Sections,
};

class Panel : public cppu::WeakImplHelper7<ui::XUIElement, ui::XToolPanel, ui::XSidebarPanel,
                                           lang::XComponent, awt::XActionListener,
                                           awt::XItemListener, awt::XWindowListener>
{
public:
    Panel(Kind kind, const OUString& url, const Reference<uno::XComponentContext>& context,
          const Reference<frame::XFrame>& frame, const Reference<awt::XWindow>& parent,
          const Reference<ui::XSidebar>& sidebar);

    void construct(const Reference<awt::XWindow>& parent);

    Kind kind() const { return kind_; }
    const Reference<frame::XFrame>& frame() const { return frame_; }

    void first_refresh();

    // The last refresh's kind and time, on the dialog model's Tag (not
    // shown): tests and the benchmark read it.
    void note_refresh(const std::string& info);

    // Fills the panel from the tracker's state.
    void update();

    // The panel's commands (buttons, and vnd.scrqm:Panel.* for tests and
    // key bindings).
    void command(const std::string& name);

    // XUIElement, XToolPanel
    Reference<uno::XInterface> SAL_CALL getRealInterface() override;

    Reference<accessibility::XAccessible>
        SAL_CALL createAccessible(const Reference<accessibility::XAccessible>&) override;

    // XSidebarPanel: the layout's height, in pixels.
    ui::LayoutSize SAL_CALL getHeightForWidth(sal_Int32) override;

    // XComponent
    void SAL_CALL dispose() override;

    // XActionListener: buttons, and double-click/Enter in the lists.
    void SAL_CALL actionPerformed(const awt::ActionEvent& e) override;

    // XItemListener: a new selection in a list.
    void SAL_CALL itemStateChanged(const awt::ItemEvent& e) override;

    // XWindowListener: stretch the controls across the panel's width.
    void SAL_CALL windowResized(const awt::WindowEvent&) override;

    Reference<frame::XFrame> SAL_CALL getFrame() override { return frame_; }
    OUString SAL_CALL getResourceURL() override { return url_; }
    sal_Int16 SAL_CALL getType() override { return ui::UIElementType::TOOLPANEL; }
    Reference<awt::XWindow> SAL_CALL getWindow() override { return window_; }
    sal_Int32 SAL_CALL getMinimalWidth() override { return 220; }
    void SAL_CALL addEventListener(const Reference<lang::XEventListener>&) override {}
    void SAL_CALL removeEventListener(const Reference<lang::XEventListener>&) override {}
    void SAL_CALL disposing(const lang::EventObject&) override {}
    void SAL_CALL windowMoved(const awt::WindowEvent&) override {}
    void SAL_CALL windowShown(const lang::EventObject&) override {}
    void SAL_CALL windowHidden(const lang::EventObject&) override {}

private:
    Reference<awt::XControl> c(const char* name) const { return control(controls_, name); }

    void status(const std::string& text) { set_label(c("Status"), text); }
    std::string name_of(const uno::Reference<uno::XInterface>& source);

    void listen_list(const char* name);

    void listen_button(const char* name, const char* label_key);

    void setup();

    void go_to(const std::string& which);

    Reference<graphic::XGraphic> svg_graphic(const std::string& svg);

    const Catalogue& cat() const { return framework_catalogue(tracker_->framework()); }

    // ---- Markers panel (sidebar_markers.cxx) ----

    void update_markers(const DocumentState& st);

    const MarkerCoverage* selected_marker(const DocumentState& st) const;

    void show_marker(const DocumentState& st, bool keep_question);

    void save_question();

    // ---- Sections panel (sidebar_sections.cxx) ----

    bool show_inferred(const DocumentState& st);

    void apply_headings();

    void update_sections(const DocumentState& st, std::size_t current);

    std::size_t selected_section(const DocumentState& st) const;

    std::vector<const Suggestion*> visible_suggestions(const DocumentState& st,
                                                       std::size_t si) const;

    void show_suggestions(const DocumentState& st, bool keep);

    std::string chosen_marker() const;

    void tag_section(bool add);

    void tag_selection();

    void tag_selection_impl(const std::string& marker);

    // The suggestion selected in the list, with its section: what Accept
    // tags and Reject hides.
    struct ChosenSuggestion
    {
        std::size_t section;
        std::string title;
        std::string marker;
    };
    std::optional<ChosenSuggestion> chosen_suggestion(const DocumentState& st) const;

    void accept();

    void reject();

    Kind kind_;
    OUString url_;
    Reference<uno::XComponentContext> context_;
    Reference<frame::XFrame> frame_;
    Reference<ui::XSidebar> sidebar_;
    Reference<awt::XWindow> window_;
    Reference<awt::XControlContainer> controls_;
    Reference<Tracker> tracker_;
    std::vector<std::pair<Reference<awt::XWindow>, awt::Rectangle>> design_;
    sal_Int32 design_width_ = 0;

    std::string strip_svg_;
    std::deque<std::pair<std::string, Reference<graphic::XGraphic>>> strips_; // recent ones
    std::vector<int> marker_rows_; // list row -> coverage index, -1 for a cluster
    std::string shown_marker_;
    int shown_question_ = -1;
    std::size_t shown_current_ = static_cast<std::size_t>(-2);
    std::vector<std::string> marker_choices_;
    std::size_t suggest_section_ = static_cast<std::size_t>(-2);
    std::string choices_framework_;  // the framework marker_choices_ come from
    bool inferred_shown_ = false;    // the Headings list shows an inferred outline
    std::set<std::string> rejected_; // "section title\nmarker", for this session
};

} // namespace scrqm::lo::deck
