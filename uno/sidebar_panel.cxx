// A Quality Markers panel's UNO side: its window from the .xdl layout,
// its listeners and commands, stretching to the sidebar's width.
#include "sidebar_panel.hxx"

#include "office_check.hxx"
#include "options.hxx"
#include "uno_helpers.hxx"

#include <com/sun/star/awt/ContainerWindowProvider.hpp>
#include <com/sun/star/awt/ImageScaleMode.hpp>
#include <com/sun/star/awt/PosSize.hpp>
#include <com/sun/star/awt/XButton.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/graphic/GraphicProvider.hpp>
#include <com/sun/star/io/SequenceInputStream.hpp>
#include <osl/file.hxx>

#include <algorithm>

namespace scrqm::lo::deck
{

Panel::Panel(Kind kind, const OUString& url, const Reference<uno::XComponentContext>& context,
             const Reference<frame::XFrame>& frame, const Reference<awt::XWindow>& parent,
             const Reference<ui::XSidebar>& sidebar)
    : kind_(kind), url_(url), context_(context), frame_(frame), sidebar_(sidebar)
{
    const HeldWhileConstructed hold(m_refCount);
    construct(parent);
}

void Panel::construct(const Reference<awt::XWindow>& parent)
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

    // A framework named in the settings wins over the document's kind.
    const Settings settings = read_settings(context_);
    const auto named = settings.find("Framework");
    std::lock_guard<std::mutex> lock(g_registry_mutex);
    Reference<Tracker>& t = g_trackers[frame_.get()];
    if (!t.is())
    {
        t = new Tracker(context_, frame_, named == settings.end() ? "" : named->second);
        t->start();
    }
    tracker_ = t;
    tracker_->add(this);
    g_panels.push_back(this);
}

void Panel::first_refresh()
{
    if (tracker_->state())
        update();
    else
        tracker_->refresh(Refresh::Full);
}

// The last refresh's kind and time, on the dialog model's Tag (not
// shown): tests and the benchmark read it.
void Panel::note_refresh(const std::string& info)
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
void Panel::update()
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
void Panel::command(const std::string& name)
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
        else if (name == "ApplyHeadings")
            apply_headings();
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

Reference<uno::XInterface> SAL_CALL Panel::getRealInterface()
{
    return static_cast<cppu::OWeakObject*>(this);
}

Reference<accessibility::XAccessible>
    SAL_CALL Panel::createAccessible(const Reference<accessibility::XAccessible>&)
{
    // The dialog's own controls are accessible; nothing to add.
    return {};
}

// XSidebarPanel: the layout's height, in pixels.
ui::LayoutSize SAL_CALL Panel::getHeightForWidth(sal_Int32)
{
    const sal_Int32 h = window_.is() ? window_->getPosSize().Height : 300;
    return ui::LayoutSize(h, h, h);
}

// XComponent
void SAL_CALL Panel::dispose()
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

// XActionListener: buttons, and double-click/Enter in the lists.
void SAL_CALL Panel::actionPerformed(const awt::ActionEvent& e)
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
void SAL_CALL Panel::itemStateChanged(const awt::ItemEvent& e)
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

// XWindowListener: stretch the controls across the panel's width.
void SAL_CALL Panel::windowResized(const awt::WindowEvent&)
{
    try
    {
        if (!window_.is() || design_width_ <= 0)
            return;
        // Room on the right for the deck's scroll bar, which overlays
        // the panels when they are taller than the deck.
        const double f = double(window_->getPosSize().Width - kScrollBarRoom) / design_width_;
        for (const auto& [w, r] : design_)
            w->setPosSize(static_cast<sal_Int32>(r.X * f), r.Y, static_cast<sal_Int32>(r.Width * f),
                          r.Height, awt::PosSize::POSSIZE);
    }
    catch (...)
    {
    }
}

std::string Panel::name_of(const uno::Reference<uno::XInterface>& source)
{
    for (const char* n :
         {"Markers", "Questions", "Tagged", "Headings", "Suggestions", "State", "Marker"})
        if (Reference<uno::XInterface>(control(controls_, n), UNO_QUERY) == source)
            return n;
    return {};
}

void Panel::listen_list(const char* name)
{
    Reference<awt::XListBox> list(c(name), UNO_QUERY);
    if (!list.is())
        return;
    list->addItemListener(this);
    list->addActionListener(this);
}

void Panel::listen_button(const char* name, const char* label_key)
{
    Reference<awt::XButton> b(c(name), UNO_QUERY);
    if (!b.is())
        return;
    set_label(c(name), tr(label_key));
    b->setActionCommand(OUString::createFromAscii(name));
    b->addActionListener(this);
}

void Panel::setup()
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
        fill_list(c("State"), {tr("state.open"), tr("state.answered"), tr("state.not-applicable")});
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
        listen_button("ApplyHeadings", "apply.headings");
    }
}

void Panel::go_to(const std::string& which)
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

Reference<graphic::XGraphic> Panel::svg_graphic(const std::string& svg)
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

} // namespace scrqm::lo::deck
