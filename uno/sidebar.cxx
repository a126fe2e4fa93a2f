// The "Quality Markers" sidebar deck: a Markers panel (coverage strip,
// markers by cluster, statement, questions with state and note, tagged
// sections) and a Sections panel (headings with tags, the cursor's section
// selected, tag/untag, suggestions with their cues, accept/reject).
//
// Live: the document's modify and selection events only note the time; a
// worker thread waits until typing has paused, then asks the main thread
// (awt::AsyncCallback) to refresh. Keystrokes never wait for a refresh.
#include "sidebar.hxx"

#include "controls.hxx"
#include "convert.hxx"
#include "office_check.hxx"
#include "sidebar_actions.hxx"

#include <scrqm/coverage.hxx>
#include <scrqm/properties.hxx>
#include <scrqm/tags.hxx>
#include <scrqm/text_diff.hxx>

#include <com/sun/star/awt/AsyncCallback.hpp>
#include <com/sun/star/awt/ContainerWindowProvider.hpp>
#include <com/sun/star/awt/ImageScaleMode.hpp>
#include <com/sun/star/awt/PosSize.hpp>
#include <com/sun/star/awt/XActionListener.hpp>
#include <com/sun/star/awt/XButton.hpp>
#include <com/sun/star/awt/XCallback.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XItemList.hpp>
#include <com/sun/star/awt/XItemListener.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/awt/XWindowListener.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexContainer.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/graphic/GraphicProvider.hpp>
#include <com/sun/star/graphic/XGraphic.hpp>
#include <com/sun/star/io/SequenceInputStream.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/ui/ContextMenuExecuteEvent.hpp>
#include <com/sun/star/ui/ContextMenuInterceptorAction.hpp>
#include <com/sun/star/ui/LayoutSize.hpp>
#include <com/sun/star/ui/UIElementType.hpp>
#include <com/sun/star/ui/XContextMenuInterception.hpp>
#include <com/sun/star/ui/XContextMenuInterceptor.hpp>
#include <com/sun/star/ui/XSidebar.hpp>
#include <com/sun/star/ui/XSidebarPanel.hpp>
#include <com/sun/star/ui/XToolPanel.hpp>
#include <com/sun/star/ui/XUIElement.hpp>
#include <com/sun/star/ui/XUIElementFactory.hpp>
#include <com/sun/star/util/XModifyBroadcaster.hpp>
#include <com/sun/star/util/XModifyListener.hpp>
#include <com/sun/star/view/XSelectionChangeListener.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/implbase3.hxx>
#include <cppuhelper/implbase7.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <cppuhelper/weakref.hxx>
#include <osl/file.hxx>
#include <rtl/ref.hxx>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

using namespace com::sun::star;
using com::sun::star::uno::Reference;
using com::sun::star::uno::UNO_QUERY;
using com::sun::star::uno::UNO_QUERY_THROW;
using rtl::OUString;

namespace scrqm::lo
{

namespace
{

constexpr const char* kFactoryName = "org.scrqm.comp.PanelFactory";
constexpr const char* kDeckCommand = ".uno:SidebarDeck.ScrqmQualityMarkersDeck";
// How long typing must pause before the panels refresh.
constexpr auto kDebounce = std::chrono::milliseconds(400);
constexpr sal_Int32 kScrollBarRoom = 16; // pixels

// ---- strings: one en-GB resource file, dialogs/strings-en-GB.properties ----

const std::map<std::string, std::string>& strings()
{
    static const std::map<std::string, std::string> table = []
    {
        std::ifstream in(extension_dir() + "/dialogs/strings-en-GB.properties");
        std::ostringstream text;
        text << in.rdbuf();
        return parse_properties(text.str());
    }();
    return table;
}

// The string `key` with {0}, {1}, ... filled in; the key itself when the
// file lacks it, so that a missing string shows which one.
std::string tr(const std::string& key, const std::vector<std::string>& args = {})
{
    const auto it = strings().find(key);
    return fill_slots(it == strings().end() ? key : it->second, args);
}

std::string join(const std::vector<std::string>& items, const char* sep)
{
    std::string out;
    for (const auto& s : items)
        out += (out.empty() ? "" : sep) + s;
    return out;
}

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
    Tracker(const Reference<uno::XComponentContext>& context, const Reference<frame::XFrame>& frame)
        : context_(context), frame_(frame)
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

std::mutex g_registry_mutex;
std::map<const void*, Reference<Tracker>> g_trackers; // by frame
std::vector<Panel*> g_panels;

// ---- the panels ----

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
          const Reference<ui::XSidebar>& sidebar)
        : kind_(kind), url_(url), context_(context), frame_(frame), sidebar_(sidebar)
    {
        // Listeners get `this` during construction: hold a count meanwhile.
        osl_atomic_increment(&m_refCount);
        try
        {
            construct(parent);
        }
        catch (...)
        {
            osl_atomic_decrement(&m_refCount);
            throw;
        }
        osl_atomic_decrement(&m_refCount);
    }

    void construct(const Reference<awt::XWindow>& parent)
    {
        OUString file_url;
        const std::string xdl =
            extension_dir() + "/dialogs/" +
            (kind_ == Kind::Markers ? "sidebar-markers.xdl" : "sidebar-sections.xdl");
        osl::FileBase::getFileURLFromSystemPath(to_ou(xdl), file_url);
        Reference<awt::XContainerWindowProvider> provider =
            awt::ContainerWindowProvider::create(context_);
        window_ = provider->createContainerWindow(
            file_url, OUString(), Reference<awt::XWindowPeer>(parent, UNO_QUERY_THROW), {});
        controls_.set(window_, UNO_QUERY_THROW);
        // The layout is designed for one width; the sidebar's may differ.
        const uno::Sequence<Reference<awt::XControl>> all = controls_->getControls();
        for (sal_Int32 i = 0; i < all.getLength(); ++i)
        {
            Reference<awt::XWindow> w(all[i], UNO_QUERY);
            if (!w.is())
                continue;
            const awt::Rectangle r = w->getPosSize();
            design_.emplace_back(w, r);
            design_width_ = std::max(design_width_, r.X + r.Width + design_.front().second.X);
        }
        window_->addWindowListener(this);
        setup();
        window_->setVisible(true);

        std::lock_guard<std::mutex> lock(g_registry_mutex);
        Reference<Tracker>& t = g_trackers[frame_.get()];
        if (!t.is())
        {
            t = new Tracker(context_, frame_);
            t->start();
        }
        tracker_ = t;
        tracker_->add(this);
        g_panels.push_back(this);
    }

    Kind kind() const { return kind_; }
    const Reference<frame::XFrame>& frame() const { return frame_; }

    void first_refresh()
    {
        if (tracker_->state())
            update();
        else
            tracker_->refresh(Refresh::Full);
    }

    // The last refresh's kind and time, on the dialog model's Tag (not
    // shown): tests and the benchmark read it.
    void note_refresh(const std::string& info)
    {
        for (const Reference<awt::XControl>& holder :
             {Reference<awt::XControl>(window_, UNO_QUERY),
              c(kind_ == Kind::Markers ? "Markers" : "Headings")})
        {
            Reference<beans::XPropertySet> model(
                holder.is() ? holder->getModel() : Reference<awt::XControlModel>(), UNO_QUERY);
            if (model.is() && model->getPropertySetInfo()->hasPropertyByName("Tag"))
            {
                model->setPropertyValue("Tag", uno::Any(to_ou(info)));
                return;
            }
        }
    }

    // Fills the panel from the tracker's state.
    void update()
    {
        const DocumentState* st = tracker_->state();
        if (!st)
            return;
        if (kind_ == Kind::Markers)
            update_markers(*st);
        else
            update_sections(*st, tracker_->current());
    }

    // The panel's commands (buttons, and vnd.scrqm:Panel.* for tests and
    // key bindings).
    void command(const std::string& name)
    {
        try
        {
            if (name == "TagSection" || name == "UntagSection")
                tag_section(name == "TagSection");
            else if (name == "TagSelection")
                tag_selection();
            else if (name == "Accept")
                accept();
            else if (name == "Reject")
                reject();
            else if (name == "SaveQuestion")
                save_question();
            else if (name == "GotoTagged" || name == "GotoHeading")
                go_to(name);
            else if (name == "Refresh")
                tracker_->refresh(Refresh::Full);
            else if (name == "FocusMarker")
            {
                Reference<awt::XWindow> w(control(controls_, "Marker"), UNO_QUERY);
                if (w.is())
                    w->setFocus();
            }
        }
        catch (const uno::Exception& e)
        {
            status(tr("status.error", {to_utf8(e.Message)}));
        }
        catch (const std::exception& e)
        {
            status(tr("status.error", {e.what()}));
        }
    }

    // XUIElement
    Reference<frame::XFrame> SAL_CALL getFrame() override { return frame_; }
    OUString SAL_CALL getResourceURL() override { return url_; }
    sal_Int16 SAL_CALL getType() override { return ui::UIElementType::TOOLPANEL; }
    Reference<uno::XInterface> SAL_CALL getRealInterface() override
    {
        return static_cast<cppu::OWeakObject*>(this);
    }
    // XToolPanel
    Reference<awt::XWindow> SAL_CALL getWindow() override { return window_; }
    Reference<accessibility::XAccessible>
        SAL_CALL createAccessible(const Reference<accessibility::XAccessible>&) override
    {
        // The dialog's own controls are accessible; nothing to add.
        return {};
    }
    // XSidebarPanel: the layout's height, in pixels.
    ui::LayoutSize SAL_CALL getHeightForWidth(sal_Int32) override
    {
        const sal_Int32 h = window_.is() ? window_->getPosSize().Height : 300;
        return ui::LayoutSize(h, h, h);
    }
    // The controls stretch to any width; below this they get cramped.
    sal_Int32 SAL_CALL getMinimalWidth() override { return 220; }
    // XComponent
    void SAL_CALL dispose() override
    {
        {
            std::lock_guard<std::mutex> lock(g_registry_mutex);
            g_panels.erase(std::remove(g_panels.begin(), g_panels.end(), this), g_panels.end());
            if (tracker_.is())
            {
                tracker_->remove(this);
                if (tracker_->empty())
                {
                    g_trackers.erase(frame_.get());
                    tracker_->shutdown();
                }
            }
        }
        tracker_.clear();
        design_.clear();
        if (window_.is())
            window_->removeWindowListener(this);
        Reference<lang::XComponent> w(window_, UNO_QUERY);
        window_.clear();
        controls_.clear();
        if (w.is())
            w->dispose();
    }
    void SAL_CALL addEventListener(const Reference<lang::XEventListener>&) override {}
    void SAL_CALL removeEventListener(const Reference<lang::XEventListener>&) override {}

    // XActionListener: buttons, and double-click/Enter in the lists.
    void SAL_CALL actionPerformed(const awt::ActionEvent& e) override
    {
        std::string name = to_utf8(e.ActionCommand);
        if (name.empty())
            name = name_of(e.Source);
        if (name == "Tagged")
            name = "GotoTagged";
        else if (name == "Headings")
            name = "GotoHeading";
        else if (name == "Suggestions")
            name = "Accept";
        command(name);
    }
    // XItemListener: a new selection in a list.
    void SAL_CALL itemStateChanged(const awt::ItemEvent& e) override
    {
        try
        {
            const std::string name = name_of(e.Source);
            const DocumentState* st = tracker_.is() ? tracker_->state() : nullptr;
            if (!st)
                return;
            if (name == "Markers" || name == "Questions")
                show_marker(*st, name == "Questions");
            else if (name == "Headings" || name == "Suggestions")
                show_suggestions(*st, name == "Suggestions");
        }
        catch (...)
        {
        }
    }
    void SAL_CALL disposing(const lang::EventObject&) override {}

    // XWindowListener: stretch the controls across the panel's width.
    void SAL_CALL windowResized(const awt::WindowEvent&) override
    {
        try
        {
            if (!window_.is() || design_width_ <= 0)
                return;
            // Room on the right for the deck's scroll bar, which overlays
            // the panels when they are taller than the deck.
            const double f = double(window_->getPosSize().Width - kScrollBarRoom) / design_width_;
            for (const auto& [w, r] : design_)
                w->setPosSize(static_cast<sal_Int32>(r.X * f), r.Y,
                              static_cast<sal_Int32>(r.Width * f), r.Height, awt::PosSize::POSSIZE);
        }
        catch (...)
        {
        }
    }
    void SAL_CALL windowMoved(const awt::WindowEvent&) override {}
    void SAL_CALL windowShown(const lang::EventObject&) override {}
    void SAL_CALL windowHidden(const lang::EventObject&) override {}

private:
    std::string name_of(const uno::Reference<uno::XInterface>& source)
    {
        for (const char* n :
             {"Markers", "Questions", "Tagged", "Headings", "Suggestions", "State", "Marker"})
            if (Reference<uno::XInterface>(control(controls_, n), UNO_QUERY) == source)
                return n;
        return {};
    }

    Reference<awt::XControl> c(const char* name) const { return control(controls_, name); }

    void status(const std::string& text) { set_label(c("Status"), text); }

    void listen_list(const char* name)
    {
        Reference<awt::XListBox> list(c(name), UNO_QUERY);
        if (!list.is())
            return;
        list->addItemListener(this);
        list->addActionListener(this);
    }

    void listen_button(const char* name, const char* label_key)
    {
        Reference<awt::XButton> b(c(name), UNO_QUERY);
        if (!b.is())
            return;
        set_label(c(name), tr(label_key));
        b->setActionCommand(OUString::createFromAscii(name));
        b->addActionListener(this);
    }

    void setup()
    {
        if (kind_ == Kind::Markers)
        {
            set_label(c("Legend"), tr("legend"));
            set_label(c("MarkersLabel"), tr("markers.label"));
            set_model(c("Strip"), "ScaleMode", uno::Any(awt::ImageScaleMode::ISOTROPIC));
            set_model(c("Strip"), "Border", uno::Any(sal_Int16(0)));
            listen_list("Markers");
            listen_list("Questions");
            listen_list("Tagged");
            fill_list(c("State"),
                      {tr("state.open"), tr("state.answered"), tr("state.not-applicable")});
            listen_button("SaveQuestion", "save.question");
            listen_button("GotoTagged", "goto");
        }
        else
        {
            set_label(c("HeadingsLabel"), tr("headings.label"));
            set_label(c("SuggestionsLabel"), tr("suggestions.label"));
            listen_list("Headings");
            listen_list("Suggestions");
            listen_button("TagSection", "tag.section");
            listen_button("UntagSection", "untag.section");
            listen_button("TagSelection", "tag.selection");
            listen_button("Accept", "accept");
            listen_button("Reject", "reject");
        }
    }

    static const Catalogue& cat() { return framework_catalogue(kDefaultFramework); }

    // ---- Markers panel ----

    void update_markers(const DocumentState& st)
    {
        const Analysis& a = st.analysis;
        const std::string svg = coverage_svg(a.coverage, cat());
        if (svg != strip_svg_)
        {
            strip_svg_ = svg;
            set_model(c("Strip"), "Graphic", uno::Any(svg_graphic(svg)));
            set_model(c("Strip"), "HelpText",
                      uno::Any(to_ou(tr("strip.title", {std::to_string(a.coverage.size())}))));
        }
        std::vector<std::string> rows;
        marker_rows_.clear();
        std::string cluster;
        for (std::size_t i = 0; i < a.coverage.size(); ++i)
        {
            const MarkerCoverage& mc = a.coverage[i];
            const Marker* m = cat().find(mc.marker);
            if (!m)
                continue;
            if (m->cluster != cluster)
            {
                cluster = m->cluster;
                const Cluster* cl = cat().find_cluster(cluster);
                rows.push_back(tr("cluster.header", {cl ? cl->title : cluster}));
                marker_rows_.push_back(-1);
            }
            const std::size_t tagged = mc.tagged_sections.size() + mc.passages;
            rows.push_back(mc.status == CoverageStatus::Tagged
                               ? tr("marker.tagged", {m->id, m->title, std::to_string(tagged)})
                           : mc.status == CoverageStatus::Suggested
                               ? tr("marker.suggested", {m->id, m->title})
                               : tr("marker.missing", {m->id, m->title}));
            marker_rows_.push_back(static_cast<int>(i));
        }
        fill_list(c("Markers"), rows);
        if (selected(c("Markers")) < 0)
            fill_list(c("Markers"), rows, 1); // the first marker
        show_marker(st, true);
    }

    const MarkerCoverage* selected_marker(const DocumentState& st) const
    {
        const int row = selected(c("Markers"));
        if (row < 0 || row >= static_cast<int>(marker_rows_.size()) || marker_rows_[row] < 0)
            return nullptr;
        return &st.analysis.coverage[static_cast<std::size_t>(marker_rows_[row])];
    }

    void show_marker(const DocumentState& st, bool keep_question)
    {
        const MarkerCoverage* mc = selected_marker(st);
        if (!mc)
            return;
        const Marker* m = cat().find(mc->marker);
        set_text(c("Statement"), m->title + ": " + m->statement);
        const auto q = st.analysis.questions.find(m->id);
        std::vector<std::string> rows;
        for (std::size_t i = 0; i < m->questions.size(); ++i)
        {
            QuestionState state = QuestionState::Open;
            if (q != st.analysis.questions.end())
                if (const auto it = q->second.find(static_cast<int>(i + 1)); it != q->second.end())
                    state = it->second.state;
            rows.push_back(tr(std::string("question.") + to_string(state),
                              {std::to_string(i + 1), m->questions[i]}));
        }
        const bool new_marker = shown_marker_ != m->id;
        shown_marker_ = m->id;
        fill_list(c("Questions"), rows, new_marker ? 0 : -1);
        set_label(c("QuestionsLabel"), tr("questions.label", {std::to_string(mc->answered),
                                                              std::to_string(mc->not_applicable),
                                                              std::to_string(mc->questions)}));
        // The selected question's state and note.
        const int qi = selected(c("Questions"));
        if (qi >= 0 && (!keep_question || new_marker || shown_question_ != qi))
        {
            QuestionNote note;
            if (q != st.analysis.questions.end())
                if (const auto it = q->second.find(qi + 1); it != q->second.end())
                    note = it->second;
            fill_list(c("State"),
                      {tr("state.open"), tr("state.answered"), tr("state.not-applicable")},
                      note.state == QuestionState::Answered        ? 1
                      : note.state == QuestionState::NotApplicable ? 2
                                                                   : 0);
            set_text(c("Note"), note.note);
            shown_question_ = qi;
        }
        set_label(c("TaggedLabel"), tr("tagged.label", {m->id}));
        std::vector<std::string> tagged;
        for (const std::size_t si : mc->tagged_sections)
            tagged.push_back(st.analysis.sections[si].title);
        if (tagged.empty())
            tagged.push_back(tr("tagged.none"));
        fill_list(c("Tagged"), tagged);
    }

    void save_question()
    {
        const DocumentState* st = tracker_->state();
        const MarkerCoverage* mc = st ? selected_marker(*st) : nullptr;
        const int qi = selected(c("Questions"));
        if (!mc || qi < 0)
            return;
        const int s = selected(c("State"));
        const QuestionState state = s == 1   ? QuestionState::Answered
                                    : s == 2 ? QuestionState::NotApplicable
                                             : QuestionState::Open;
        set_question(tracker_->model(), kDefaultFramework, mc->marker, qi + 1, state,
                     get_text(c("Note")));
        shown_question_ = -1;
        tracker_->refresh(Refresh::Full);
        status(tr("status.saved", {mc->marker, std::to_string(qi + 1)}));
    }

    // ---- Sections panel ----

    void update_sections(const DocumentState& st, std::size_t current)
    {
        const auto& sections = st.analysis.sections;
        std::vector<std::string> rows;
        for (const Section& s : sections)
        {
            std::string row(static_cast<std::size_t>(std::max(0, s.level - 1)) * 3, ' ');
            row += s.title;
            if (!s.markers.empty())
                row += tr("heading.tags", {join(s.markers, ", ")});
            rows.push_back(row);
        }
        // Follow the cursor: select its section when it moves to another.
        int select = -1;
        if (current != shown_current_ && current < sections.size())
            select = static_cast<int>(current);
        shown_current_ = current;
        fill_list(c("Headings"), rows, select);
        if (rows.size() && marker_choices_.empty())
        {
            std::vector<std::string> choices;
            for (const Marker& m : cat().markers)
                choices.push_back(m.id + "  " + m.title);
            marker_choices_ = choices;
            fill_list(c("Marker"), choices, 0);
        }
        show_suggestions(st, false);
    }

    std::size_t selected_section(const DocumentState& st) const
    {
        const int row = selected(c("Headings"));
        if (row >= 0 && row < static_cast<int>(st.analysis.sections.size()))
            return static_cast<std::size_t>(row);
        return tracker_->current();
    }

    std::vector<const Suggestion*> visible_suggestions(const DocumentState& st,
                                                       std::size_t si) const
    {
        std::vector<const Suggestion*> out;
        if (si >= st.analysis.sections.size())
            return out;
        for (const Suggestion& s : st.analysis.suggestions[si])
            if (!rejected_.count(st.analysis.sections[si].title + "\n" + s.marker))
                out.push_back(&s);
        return out;
    }

    void show_suggestions(const DocumentState& st, bool keep)
    {
        const std::size_t si = selected_section(st);
        const auto list = visible_suggestions(st, si);
        std::vector<std::string> rows;
        for (const Suggestion* s : list)
        {
            const Marker* m = cat().find(s->marker);
            char score[32];
            std::snprintf(score, sizeof score, "%.0f", s->score);
            rows.push_back(tr("suggestion", {s->marker, m ? m->title : "", score}));
        }
        if (rows.empty())
            rows.push_back(tr("suggestions.none"));
        fill_list(c("Suggestions"), rows, keep ? -1 : 0);
        // A newly selected section offers its best suggestion in the marker
        // list, so Tag applies it; later refreshes leave the choice alone.
        if (si != suggest_section_)
        {
            suggest_section_ = si;
            if (!list.empty())
                for (std::size_t i = 0; i < cat().markers.size(); ++i)
                    if (cat().markers[i].id == list[0]->marker)
                        fill_list(c("Marker"), marker_choices_, static_cast<int>(i));
        }
        const int row = selected(c("Suggestions"));
        std::string cues;
        if (row >= 0 && row < static_cast<int>(list.size()))
            for (const CueHit& h : list[static_cast<std::size_t>(row)]->hits)
                cues += (cues.empty() ? "" : "\n") +
                        tr("cue", {h.cue, std::to_string(h.count), std::to_string(h.weight),
                                   h.in_title ? tr("cue.title") : ""});
        set_text(c("Cues"), cues);
    }

    std::string chosen_marker() const
    {
        const int i = selected(c("Marker"));
        if (i < 0 || i >= static_cast<int>(cat().markers.size()))
            throw std::invalid_argument("choose a marker in the list first");
        return cat().markers[static_cast<std::size_t>(i)].id;
    }

    void tag_section(bool add)
    {
        const DocumentState* st = tracker_->state();
        const std::size_t si = st ? selected_section(*st) : static_cast<std::size_t>(-1);
        if (!st || si >= st->analysis.sections.size())
        {
            status(tr("status.no-section"));
            return;
        }
        const std::string marker = chosen_marker();
        const std::string title = st->analysis.sections[si].title;
        const auto& markers = st->analysis.sections[si].markers;
        const bool has = std::find(markers.begin(), markers.end(), marker) != markers.end();
        if (has == add)
        {
            status(tr("status.nothing"));
            return;
        }
        lo::tag_section(tracker_->model(), kDefaultFramework, si, {marker},
                        add ? TagMode::Add : TagMode::Remove);
        tracker_->refresh(Refresh::Full);
        status(tr(add ? "status.tagged" : "status.untagged", {title, marker}));
    }

    void tag_selection()
    {
        const std::string marker = chosen_marker();
        tag_selection_impl(marker);
    }

    void tag_selection_impl(const std::string& marker)
    {
        lo::tag_selection(tracker_->model(), kDefaultFramework, {marker}, TagMode::Add);
        tracker_->refresh(Refresh::Full);
        status(tr("status.passage", {marker}));
    }

    void accept()
    {
        const DocumentState* st = tracker_->state();
        if (!st)
            return;
        const std::size_t si = selected_section(*st);
        const auto list = visible_suggestions(*st, si);
        const int row = selected(c("Suggestions"));
        if (row < 0 || row >= static_cast<int>(list.size()))
            return;
        const std::string marker = list[static_cast<std::size_t>(row)]->marker;
        const std::string title = st->analysis.sections[si].title;
        lo::tag_section(tracker_->model(), kDefaultFramework, si, {marker}, TagMode::Add);
        tracker_->refresh(Refresh::Full);
        status(tr("status.tagged", {title, marker}));
    }

    void reject()
    {
        const DocumentState* st = tracker_->state();
        if (!st)
            return;
        const std::size_t si = selected_section(*st);
        const auto list = visible_suggestions(*st, si);
        const int row = selected(c("Suggestions"));
        if (row < 0 || row >= static_cast<int>(list.size()))
            return;
        const std::string marker = list[static_cast<std::size_t>(row)]->marker;
        const std::string title = st->analysis.sections[si].title;
        rejected_.insert(title + "\n" + marker);
        show_suggestions(*st, false);
        status(tr("status.rejected", {title, marker}));
    }

    void go_to(const std::string& which)
    {
        const DocumentState* st = tracker_->state();
        if (!st)
            return;
        std::size_t si = static_cast<std::size_t>(-1);
        if (which == "GotoHeading")
            si = selected_section(*st);
        else if (const MarkerCoverage* mc = selected_marker(*st))
        {
            const int row = selected(c("Tagged"));
            if (row >= 0 && row < static_cast<int>(mc->tagged_sections.size()))
                si = mc->tagged_sections[static_cast<std::size_t>(row)];
        }
        if (si >= st->analysis.sections.size())
            return;
        goto_section(tracker_->model(), *st, si);
        // Hand the keyboard back to the text.
        Reference<awt::XWindow> doc_window =
            frame_.is() ? frame_->getContainerWindow() : Reference<awt::XWindow>();
        if (doc_window.is())
            doc_window->setFocus();
    }

    Reference<graphic::XGraphic> svg_graphic(const std::string& svg)
    {
        // A tag and its undo go back and forth between two pictures.
        for (const auto& [text, graphic] : strips_)
            if (text == svg)
                return graphic;
        uno::Sequence<sal_Int8> bytes(static_cast<sal_Int32>(svg.size()));
        std::copy(svg.begin(), svg.end(), reinterpret_cast<char*>(bytes.getArray()));
        uno::Sequence<beans::PropertyValue> props(1);
        props[0].Name = "InputStream";
        props[0].Value <<= io::SequenceInputStream::createStreamFromSequence(context_, bytes);
        Reference<graphic::XGraphic> graphic =
            graphic::GraphicProvider::create(context_)->queryGraphic(props);
        if (strips_.size() == 8)
            strips_.pop_front();
        strips_.emplace_back(svg, graphic);
        return graphic;
    }

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
    std::set<std::string> rejected_; // "section title\nmarker", for this session
};

void Tracker::refresh(Refresh how)
{
    if (!model_.is())
        return;
    using clock = std::chrono::steady_clock;
    auto ms = [](clock::duration d)
    { return std::chrono::duration<double, std::milli>(d).count(); };
    const auto start = clock::now();
    const char* kind = nullptr; // the cursor's section only
    double steps[4] = {};
    if (how != Refresh::Cursor || !state_)
    {
        kind = "incremental";
        if (how == Refresh::Full || !state_ ||
            !update_state(model_, *state_, kDefaultFramework, &cache_, &steps))
        {
            kind = "full";
            state_ = std::make_unique<DocumentState>(
                read_state(model_, to_utf8(model_->getURL()), kDefaultFramework, &cache_));
        }
        const auto took =
            std::chrono::duration_cast<std::chrono::milliseconds>(clock::now() - start);
        std::lock_guard<std::mutex> lock(mutex_);
        last_refresh_ = std::min(took, std::chrono::milliseconds(5000));
    }
    const auto read = clock::now();
    bool moved = true;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        std::swap(moved, cursor_moved_);
    }
    // The cursor's section is asked for (a few calls through the view)
    // unless neither the cursor nor the headings moved: a tag, say.
    std::vector<std::size_t> headings;
    for (const Section& s : state_->analysis.sections)
        headings.push_back(s.paragraph);
    if (moved || how == Refresh::Full || headings != shown_headings_)
        current_ = cursor_section(model_, *state_);
    shown_headings_ = std::move(headings);
    // Copy: a panel's update may add or remove panels.
    const std::set<Panel*> panels = panels_;
    for (Panel* p : panels)
        if (panels_.count(p))
            p->update();
    if (kind == nullptr)
        return; // the note is of the last read
    char info[160];
    std::snprintf(info, sizeof info,
                  "%zu %s read=%.1f total=%.1f text=%.1f outline=%.1f tags=%.1f core=%.1f",
                  ++refreshes_, kind, ms(read - start), ms(clock::now() - start), steps[0],
                  steps[1], steps[2], steps[3]);
    last_info_ = info;
    for (Panel* p : panels)
        if (panels_.count(p))
            p->note_refresh(last_info_);
}

// ---- the factory ----

class PanelFactory : public cppu::WeakImplHelper2<ui::XUIElementFactory, lang::XServiceInfo>
{
public:
    explicit PanelFactory(const Reference<uno::XComponentContext>& context) : context_(context) {}

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
        Kind kind;
        if (url.endsWith("/MarkersPanel"))
            kind = Kind::Markers;
        else if (url.endsWith("/SectionsPanel"))
            kind = Kind::Sections;
        else
            throw lang::IllegalArgumentException("unknown scrqm panel " + url, {}, 0);
        try
        {
            rtl::Reference<Panel> panel(new Panel(kind, url, context_, frame, parent, sidebar));
            panel->first_refresh();
            return panel.get();
        }
        catch (const uno::RuntimeException&)
        {
            throw;
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

    OUString SAL_CALL getImplementationName() override
    {
        return OUString::createFromAscii(kFactoryName);
    }
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
    Reference<uno::XComponentContext> context_;
};

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
    return static_cast<cppu::OWeakObject*>(new PanelFactory(context));
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
        std::lock_guard<std::mutex> lock(g_registry_mutex);
        for (Panel* p : g_panels)
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
