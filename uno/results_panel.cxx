// The "Pre-publication check" deck's panel: the verdict, the counts and the
// findings of the frame's last check (results_check.hxx runs and keeps it),
// and Go to, Fix, Ignore, Re-check and Cancel. Ignored findings are
// remembered in the document as salted hashes (scrqm/ignore.hxx) in the
// user-defined property scrqm.ignored, which survives .docx.
#include "results_panel.hxx"
#include "hidden.hxx"
#include "publication.hxx"
#include "results_check.hxx"

#include "case_register.hxx"
#include "controls.hxx"
#include "convert.hxx"
#include "locate.hxx"
#include "office_check.hxx"
#include "pages.hxx"
#include "panel_factory.hxx"
#include "reader.hxx"
#include "register_dialog.hxx"
#include "replace_actions.hxx"

#include <scrqm/results_list.hxx>

#include <com/sun/star/awt/AsyncCallback.hpp>
#include <com/sun/star/awt/ContainerWindowProvider.hpp>
#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/awt/XActionListener.hpp>
#include <com/sun/star/awt/XButton.hpp>
#include <com/sun/star/awt/XCallback.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XItemListener.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/ui/LayoutSize.hpp>
#include <com/sun/star/ui/UIElementType.hpp>
#include <com/sun/star/ui/XSidebarPanel.hpp>
#include <com/sun/star/ui/XToolPanel.hpp>
#include <com/sun/star/ui/XUIElement.hpp>
#include <com/sun/star/ui/XUIElementFactory.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/implbase6.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <osl/file.hxx>
#include <rtl/ref.hxx>

#include <algorithm>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>

using namespace com::sun::star;
using com::sun::star::uno::Reference;
using com::sun::star::uno::UNO_QUERY;
using com::sun::star::uno::UNO_QUERY_THROW;
using rtl::OUString;

namespace scrqm::lo
{

namespace
{

constexpr const char* kFactoryName = "org.scrqm.comp.ResultsPanelFactory";
constexpr const char kDeckId[] = "ScrqmPrepublicationDeck";

// ---- the results of one frame's last check ----

class ResultsPanel;

std::mutex g_mutex; // guards g_panels, never held across UNO calls
std::vector<ResultsPanel*> g_panels;

// ---- the panel ----

bool check_with_panels(const Reference<uno::XComponentContext>& context,
                       const Reference<frame::XFrame>& frame, const void* from,
                       const std::function<void()>& after);

class ResultsPanel
    : public cppu::WeakImplHelper6<ui::XUIElement, ui::XToolPanel, ui::XSidebarPanel,
                                   lang::XComponent, awt::XActionListener, awt::XItemListener>
{
public:
    ResultsPanel(const OUString& url, const Reference<uno::XComponentContext>& context,
                 const Reference<frame::XFrame>& frame, const Reference<awt::XWindow>& parent)
        : url_(url), context_(context), frame_(frame)
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

    const Reference<frame::XFrame>& frame() const { return frame_; }

    // Shows the results again if their pages are not known yet (the panel
    // was built without them), keeping the selected row.
    void show_pages()
    {
        const std::shared_ptr<Results> r = results_of(frame_);
        if (window_.is() && r && !r->paged && r->error.empty())
            show(selected_row());
    }

    // Fills the panel from the frame's results; their pages too unless
    // `with_pages` is false (while the sidebar builds the panel: pages.hxx).
    void show(int select_row = -1, bool with_pages = true)
    {
        std::string summary;
        const std::shared_ptr<Results> r = results_of(frame_);
        results_ = r;
        set_model(c("Verdict"), "TextColor", uno::Any(sal_Int32(0x333333)));
        if (!r)
        {
            set_label(c("Verdict"), "Not checked yet");
            set_text(c("Summary"), "Press Re-check (or Tools > Add-Ons > Pre-publication check, "
                                   "Ctrl+Alt+Shift+C) to run every check.");
        }
        else if (!r->cancelled.empty() && !r->checked)
        {
            set_label(c("Verdict"), "Check cancelled");
            set_text(c("Summary"), cancelled_text(*r));
        }
        else if (!r->error.empty())
        {
            set_label(c("Verdict"), "Could not check");
            set_text(c("Summary"), r->error);
        }
        else
        {
            const Verdict& verdict = r->outcome.verdict;
            set_label(c("Verdict"), verdict.text);
            set_model(c("Verdict"), "TextColor",
                      uno::Any(sal_Int32(verdict.ready ? 0x1E7B34 : 0xB00020)));
            char secs[64];
            std::snprintf(secs, sizeof secs, "%.2f s (reading %.2f s)", r->seconds,
                          r->read_seconds);
            // Every check ran: the counts list them all.
            summary = results_counts(r->outcome, parse_check_list("all")) + "; checked in " + secs;
            // A locked case register: said above the counts, in one line.
            for (const std::string& note : r->outcome.result.notes)
                summary = "Note: " + note + "\n" + summary;
            if (!r->cancelled.empty())
            {
                // The previous check's findings stay, under a verdict that
                // says the last one did not finish.
                summary = cancelled_text(*r) + "\nPrevious check: " + verdict.text + "\n" + summary;
                set_label(c("Verdict"), "Check cancelled");
                set_model(c("Verdict"), "TextColor", uno::Any(sal_Int32(0x333333)));
            }
            if (!r->paged && with_pages)
            {
                // Once per check, when its results are first listed.
                // Not while another panel's walk is under way: that one
                // lists them, or the next show does.
                const auto t0 = std::chrono::steady_clock::now();
                int last_page = 0;
                if (auto pages = finding_pages(r->model, r->doc, r->all(), &last_page))
                {
                    r->pages = std::move(*pages);
                    r->paged = true;
                    r->page_count = last_page;
                    r->page_seconds =
                        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
                            .count();
                }
            }
        }
        const double listed = fill_list();
        if (!summary.empty())
        {
            // The times to find the pages and to list (the benchmark reads them).
            char secs[64];
            std::snprintf(secs, sizeof secs, ", pages in %.3f s, listed in %.3f s", r->page_seconds,
                          listed);
            set_text(c("Summary"), summary + secs);
        }
        set_model(c("Recheck"), "Enabled", uno::Any(true));
        set_model(c("Cancel"), "Enabled", uno::Any(false));
        // The first finding, or the row asked for (the next one after an
        // Ignore or a Fix).
        select_finding_row(select_row >= 0 ? select_row : 1);
        show_selected();
        if (running_of(frame_))
            running(false); // a panel opened during a check
    }

    // While a check runs: its progress, Cancel the only button.
    void running(bool focus)
    {
        for (const char* name : {"GoTo", "Fix", "Ignore", "Recheck"})
            set_model(c(name), "Enabled", uno::Any(false));
        set_model(c("Cancel"), "Enabled", uno::Any(true));
        set_text(c("Summary"), "Cancel (or Esc in the document) stops the check. The check does "
                               "not change the document.");
        set_model(c("Verdict"), "TextColor", uno::Any(sal_Int32(0x333333)));
        set_label(c("Verdict"), "Checking\u2026"); // last: a test waits for it
        if (Reference<awt::XWindow> w{c("Cancel"), UNO_QUERY}; focus && w.is())
            w->setFocus(); // Enter or Space cancels at once
    }

    void status(const std::string& text) { set_label(c("Status"), text); }

    void command(const std::string& name)
    {
        try
        {
            if (name == "Cancel")
            {
                if (const auto run = running_of(frame_))
                    run->stop("cancelled by the user");
                return;
            }
            if (running_of(frame_))
            {
                // Only reachable while the check handles input (its
                // progress updates): nothing else may touch the document.
                status("A check is running: wait for it or press Cancel");
                return;
            }
            if (name == "GoTo")
                go_to();
            else if (name == "Fix" || name == "FixMenu")
                fix(name == "FixMenu");
            else if (name == "Ignore")
                ignore();
            else if (name == "Recheck")
                recheck(-1);
            else if (name == "PublicationCopy")
                publication_copy_ui(context_, frame_); // its own dialog and message box
            else if (name == "Register")
                status(run_register_dialog(context_, frame_));
        }
        catch (const Changed& e)
        {
            status(e.what());
        }
        catch (const uno::Exception& e)
        {
            status("Error: " + to_utf8(e.Message));
        }
        catch (const std::exception& e)
        {
            status(std::string("Error: ") + e.what());
        }
    }

    void recheck(int select_row)
    {
        rtl::Reference<ResultsPanel> self(this); // the check handles input: a close may dispose
        check_with_panels(context_, frame_, this,
                          [&]
                          {
                              show(select_row);
                              status("");
                          });
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
        return {};
    }
    // XSidebarPanel: the layout's height, in pixels.
    ui::LayoutSize SAL_CALL getHeightForWidth(sal_Int32) override
    {
        const sal_Int32 h = window_.is() ? window_->getPosSize().Height : 400;
        return ui::LayoutSize(h, h, h);
    }
    sal_Int32 SAL_CALL getMinimalWidth() override
    {
        return window_.is() ? window_->getPosSize().Width : 280;
    }
    // XComponent
    void SAL_CALL dispose() override
    {
        {
            std::lock_guard<std::mutex> lock(g_mutex);
            g_panels.erase(std::remove(g_panels.begin(), g_panels.end(), this), g_panels.end());
        }
        Reference<lang::XComponent> w(window_, UNO_QUERY);
        window_.clear();
        controls_.clear();
        results_.reset();
        if (w.is())
            w->dispose();
    }
    void SAL_CALL addEventListener(const Reference<lang::XEventListener>&) override {}
    void SAL_CALL removeEventListener(const Reference<lang::XEventListener>&) override {}

    // XActionListener: the buttons, and double-click/Enter in the list (Go to).
    void SAL_CALL actionPerformed(const awt::ActionEvent& e) override
    {
        const std::string name = to_utf8(e.ActionCommand);
        command(name.empty() ? "GoTo" : name);
    }
    // XItemListener: a new selection in the list, or in Sort or Show.
    void SAL_CALL itemStateChanged(const awt::ItemEvent& e) override
    {
        try
        {
            const Reference<uno::XInterface> source(e.Source, UNO_QUERY);
            if (source.is() && (source == Reference<uno::XInterface>(c("Sort"), UNO_QUERY) ||
                                source == Reference<uno::XInterface>(c("Show"), UNO_QUERY)))
                relist();
            else
                show_selected();
        }
        catch (...)
        {
        }
    }
    void SAL_CALL disposing(const lang::EventObject&) override {}

private:
    void construct(const Reference<awt::XWindow>& parent)
    {
        OUString file_url;
        osl::FileBase::getFileURLFromSystemPath(
            to_ou(extension_dir() + "/dialogs/results-panel.xdl"), file_url);
        window_ = awt::ContainerWindowProvider::create(context_)->createContainerWindow(
            file_url, OUString(), Reference<awt::XWindowPeer>(parent, UNO_QUERY_THROW), {});
        controls_.set(window_, UNO_QUERY_THROW);
        set_model(c("Verdict"), "FontWeight", uno::Any(float(awt::FontWeight::BOLD)));
        set_model(c("Verdict"), "FontHeight", uno::Any(float(12)));
        set_label(c("FindingsLabel"), "~Findings:");
        if (Reference<awt::XListBox> list{c("Findings"), UNO_QUERY}; list.is())
        {
            list->addItemListener(this);
            list->addActionListener(this);
        }
        // Sort and Show: drop-down lists (Alt+Down opens, the arrows choose).
        set_label(c("SortLabel"), "~Sort:");
        set_label(c("ShowLabel"), "S~how:");
        choices("Sort", {"By kind", "By page"});
        choices("Show", {"All", "Errors", "Warnings", "Info"});
        button("GoTo", "Go to");
        button("Fix", "Fix\u2026");
        // The button opens the menu; Results.Fix stays the one-click fix.
        if (Reference<awt::XButton> b{c("Fix"), UNO_QUERY}; b.is())
            b->setActionCommand("FixMenu");
        button("Ignore", "Ignore");
        button("Recheck", "Re-check");
        button("Cancel", "Cancel");
        button("PublicationCopy", "Save publication copy\u2026");
        button("Register", "Case register\u2026");
        set_model(c("Cancel"), "Enabled", uno::Any(false));
        window_->setVisible(true);
        std::lock_guard<std::mutex> lock(g_mutex);
        g_panels.push_back(this);
    }

    void choices(const char* name, const std::vector<const char*>& items)
    {
        uno::Sequence<OUString> seq(static_cast<sal_Int32>(items.size()));
        for (std::size_t i = 0; i < items.size(); ++i)
            seq[static_cast<sal_Int32>(i)] = OUString::createFromAscii(items[i]);
        set_model(c(name), "StringItemList", uno::Any(seq));
        if (Reference<awt::XListBox> list{c(name), UNO_QUERY}; list.is())
        {
            list->selectItemPos(0, true);
            list->addItemListener(this);
        }
    }

    // The list of findings (all rows in one call: a listbox takes 5,000 rows
    // in one StringItemList without a visible stall), sorted and filtered as
    // Sort and Show say. Returns the seconds it took.
    double fill_list()
    {
        const auto t0 = std::chrono::steady_clock::now();
        std::vector<std::string> rows;
        rows_.clear();
        const Results* r = results_.get();
        if (r && r->error.empty() && (r->cancelled.empty() || r->checked))
        {
            ResultsView view;
            view.pages = r->pages;
            const auto pos = [&](const char* name)
            {
                Reference<awt::XListBox> list(c(name), UNO_QUERY);
                return list.is() ? list->getSelectedItemPos() : 0;
            };
            view.sort = pos("Sort") == 1 ? ResultsSort::ByPage : ResultsSort::ByKind;
            constexpr Severity kShow[] = {Severity::Error, Severity::Warning, Severity::Info};
            if (const sal_Int16 show = pos("Show"); show >= 1 && show <= 3)
                view.only = kShow[show - 1];
            ResultsList list = results_list(r->outcome, r->doc, view);
            rows = std::move(list.rows);
            rows_ = std::move(list.finding);
        }
        uno::Sequence<OUString> seq(static_cast<sal_Int32>(rows.size()));
        OUString* out = seq.getArray();
        for (std::size_t i = 0; i < rows.size(); ++i)
            out[i] = to_ou(rows[i]);
        set_model(c("Findings"), "StringItemList", uno::Any(seq));
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    }

    // Selects the first finding row at or after `row` (or the last one).
    void select_finding_row(int row)
    {
        Reference<awt::XListBox> list(c("Findings"), UNO_QUERY);
        const int n = static_cast<int>(rows_.size());
        if (!list.is() || n == 0)
            return;
        row = std::min(row, n - 1);
        while (row < n && rows_[static_cast<std::size_t>(row)] < 0)
            ++row;
        if (row >= n)
            row = n - 1;
        if (row >= 0 && rows_[static_cast<std::size_t>(row)] >= 0)
        {
            list->selectItemPos(static_cast<sal_Int16>(row), true);
            list->makeVisible(static_cast<sal_Int16>(row));
        }
    }

    // Sort or Show changed: the list again, the same finding selected if
    // it is still shown.
    void relist()
    {
        const long keep = selected_finding();
        fill_list();
        const auto at = std::find(rows_.begin(), rows_.end(), keep);
        select_finding_row(keep >= 0 && at != rows_.end() ? static_cast<int>(at - rows_.begin())
                                                          : 0);
        show_selected();
    }

    void button(const char* name, const char* label)
    {
        Reference<awt::XButton> b(c(name), UNO_QUERY);
        if (!b.is())
            return;
        set_label(c(name), label);
        b->setActionCommand(OUString::createFromAscii(name));
        b->addActionListener(this);
    }

    Reference<awt::XControl> c(const char* name) const { return control(controls_, name); }

    static std::string cancelled_text(const Results& r)
    {
        return "Check cancelled: " + r.cancelled +
               ". The check did not change the document; Re-check runs it again.";
    }

    int selected_row() const
    {
        Reference<awt::XListBox> list(c("Findings"), UNO_QUERY);
        return list.is() ? list->getSelectedItemPos() : -1;
    }

    // The selected finding's index in results_->all(), or -1.
    long selected_finding() const
    {
        const int row = selected_row();
        if (!results_ || row < 0 || row >= static_cast<int>(rows_.size()))
            return -1;
        return rows_[static_cast<std::size_t>(row)];
    }

    const Finding& need_finding()
    {
        const long i = selected_finding();
        if (i < 0)
            throw std::invalid_argument("choose a finding in the list first");
        return results_->all()[static_cast<std::size_t>(i)];
    }

    void show_selected()
    {
        const long i = selected_finding();
        std::string detail;
        bool fixable = false;
        if (i >= 0)
        {
            const Finding& f = results_->all()[static_cast<std::size_t>(i)];
            detail = finding_detail(f);
            fixable = !fix_choices(f).empty();
        }
        set_text(c("Detail"), detail);
        set_model(c("GoTo"), "Enabled", uno::Any(i >= 0));
        set_model(c("Ignore"), "Enabled", uno::Any(i >= 0));
        set_model(c("Fix"), "Enabled", uno::Any(fixable));
    }

    // The layout's page count (0: unknown).
    int page_count() const
    {
        sal_Int32 n = 0;
        try
        {
            Reference<beans::XPropertySet> view(frame_->getController(), UNO_QUERY);
            if (view.is())
                view->getPropertyValue("PageCount") >>= n;
        }
        catch (const uno::Exception&)
        {
        }
        return n;
    }

    // Pages found while Writer was still laying out after a load (the page
    // count has changed since, and the text has not): found again, the
    // selected finding kept.
    void repage_if_laid_out()
    {
        Results* r = results_.get();
        if (!r || !r->paged || r->page_count == page_count())
            return;
        const long finding = selected_finding();
        r->paged = false;
        show();
        for (std::size_t row = 0; row < rows_.size(); ++row)
            if (rows_[row] == finding && finding >= 0)
                select_finding_row(static_cast<int>(row));
        show_selected();
    }

    void go_to()
    {
        repage_if_laid_out();
        const Finding& f = need_finding();
        Results& r = *results_;
        Reference<frame::XController> controller = frame_->getController();
        Reference<view::XSelectionSupplier> selection(controller, UNO_QUERY);
        if (!selection.is())
            return;
        if (f.where == Where::Property)
        {
            status("In the document properties (File > Properties): " + finding_place(f, r.doc));
            return;
        }
        need_source(context_, *results_, f);
        if (f.where == Where::Comment)
        {
            // A comment's text cannot be selected through the API: select
            // the text the comment is anchored to.
            for (std::size_t i = 0; i < r.doc.paragraphs.size() && i < r.sources.size(); ++i)
                if (r.doc.paragraphs[i].where == f.where &&
                    r.doc.paragraphs[i].index == f.paragraph)
                    if (Reference<text::XTextContent> field{r.sources[i], UNO_QUERY}; field.is())
                    {
                        selection->select(uno::Any(field->getAnchor()));
                        status("In a comment: " + finding_place(f, r.doc));
                        return;
                    }
            status("The comment is gone: Re-check");
            return;
        }
        Reference<text::XTextCursor> cursor = locate(r.doc, r.sources, f);
        if (!cursor.is() || to_utf8(cursor->getString()) != f.text)
        {
            status("The text has changed since the check: Re-check");
            return;
        }
        selection->select(uno::Any(Reference<text::XTextRange>(cursor, UNO_QUERY)));
        status("");
    }

    // The Fix... button: the finding's fixes as a menu under it (keyboard:
    // Enter on Fix, the arrow keys, Enter). Results.Fix (macros, key
    // bindings): the finding's one-click fix, without a menu or a dialog.
    void fix(bool menu)
    {
        const Finding f = need_finding();
        std::vector<FixChoice> choices;
        if (menu)
            choices = fix_choices(f);
        else if (const FixAction* a = one_click_fix(f))
            choices.push_back({fix_label(*a), *a, false});
        if (choices.empty())
        {
            status("No automatic fix for this finding");
            return;
        }
        const int row = selected_row();
        const int chosen = menu ? choose_fix(context_, c("Fix"), choices) : 0;
        if (chosen < 0)
            return;
        const FixChoice& choice = choices[static_cast<std::size_t>(chosen)];
        const std::shared_ptr<Results> r = results_; // a dialog may let the panel go
        std::string line;
        if (!menu &&
            (choice.action.kind == FixKind::Replace || choice.action.kind == FixKind::Generalise ||
             choice.action.kind == FixKind::Remove))
        {
            need_source(context_, *r, f);
            if (apply_text_fixes(r->model, r->doc, r->sources, {text_fix_of(f, &choice.action)},
                                 choice.label) == 0)
                throw Changed();
            line = choice.label + " (Edit > Undo takes it back)";
        }
        else
            line = apply_fix_choice(context_, *r, f, choice, c("Fix"));
        if (line.empty())
            return; // cancelled
        // Offsets after the change moved: check again.
        recheck(row);
        status(line);
    }

    void ignore()
    {
        const long i = selected_finding();
        if (i < 0)
            throw std::invalid_argument("choose a finding in the list first");
        const int row = selected_row();
        Results& r = *results_;
        const auto k = static_cast<std::size_t>(i);
        // Read the stored list again: another window may have added to it.
        IgnoreList list = read_ignored(r.model);
        list.add(r.outcome.ignore_key(k));
        write_ignored(r.model, list);
        r.outcome.apply_ignored(&list);
        show(row);
        status("Ignored; remembered in the document (File > Properties > Custom Properties)");
    }

    OUString url_;
    Reference<uno::XComponentContext> context_;
    Reference<frame::XFrame> frame_;
    Reference<awt::XWindow> window_;
    Reference<awt::XControlContainer> controls_;
    std::shared_ptr<Results> results_;
    std::vector<long> rows_; // list row -> index into results_->all(), -1 for a group header
};

class ShowPagesLater : public cppu::WeakImplHelper1<awt::XCallback>
{
public:
    explicit ShowPagesLater(const rtl::Reference<ResultsPanel>& panel) : panel_(panel) {}
    void SAL_CALL notify(const uno::Any&) override
    {
        try
        {
            panel_->show_pages();
        }
        catch (...)
        {
        }
    }

private:
    rtl::Reference<ResultsPanel> panel_;
};

std::vector<rtl::Reference<ResultsPanel>> panels_of(const Reference<frame::XFrame>& frame)
{
    std::vector<rtl::Reference<ResultsPanel>> out;
    std::lock_guard<std::mutex> lock(g_mutex);
    for (ResultsPanel* p : g_panels)
        if (p->frame() == frame)
            out.emplace_back(p);
    return out;
}

// check_frame with the frame's panels: they show the check running (the
// one it was started from, `from`, takes the focus on Cancel) and its
// progress.
bool check_with_panels(const Reference<uno::XComponentContext>& context,
                       const Reference<frame::XFrame>& frame, const void* from,
                       const std::function<void()>& after)
{
    std::vector<rtl::Reference<ResultsPanel>> panels;
    return check_frame(
        context, frame,
        [&]
        {
            panels = panels_of(frame);
            for (const auto& p : panels)
                p->running(p.get() == from);
        },
        [&](const std::string& text)
        {
            for (const auto& p : panels)
                p->status(text);
        },
        after);
}

} // namespace

Reference<uno::XInterface>
    SAL_CALL create_results_panel_factory(const Reference<uno::XComponentContext>& context)
{
    return make_panel_factory(
        kFactoryName,
        [context](const OUString& url, const Reference<frame::XFrame>& frame,
                  const Reference<awt::XWindow>& parent,
                  const Reference<ui::XSidebar>&) -> Reference<ui::XUIElement>
        {
            if (!url.endsWith("/ResultsPanel"))
                throw lang::IllegalArgumentException("unknown scrqm panel " + url, {}, 0);
            rtl::Reference<ResultsPanel> panel(new ResultsPanel(url, context, frame, parent));
            // No pages while the sidebar builds the panel: the pages move the
            // view cursor, which makes the sidebar build it again. They come
            // from the main loop once it is built (or from CheckAll, first).
            panel->show(-1, false);
            awt::AsyncCallback::create(context)->addCallback(new ShowPagesLater(panel), uno::Any());
            return panel.get();
        });
}

bool results_command(const Reference<uno::XComponentContext>& context,
                     const Reference<frame::XFrame>& frame, const OUString& command)
{
    if (command != "CheckAll" && !command.startsWith("Results."))
        return false;
    if (!frame.is())
        return true;
    if (command == "CheckAll")
    {
        check_with_panels(context, frame, nullptr,
                          [&]
                          {
                              // A panel created by opening the deck fills itself
                              // from the results, without their pages: those
                              // are found here, once the deck is built.
                              const bool had_panel = !panels_of(frame).empty();
                              show_deck(context, frame, kDeckId);
                              for (const auto& p : panels_of(frame))
                              {
                                  if (had_panel)
                                      p->show();
                                  else
                                      p->show_pages();
                                  p->status(""); // the progress
                              }
                          });
        return true;
    }
    if (command == "Results.Cancel")
    {
        // No UNO call: a macro or another thread may cancel while the
        // check holds the office.
        if (const auto run = running_of(frame))
            run->stop("cancelled by the user");
        return true;
    }
    const std::string name = to_utf8(command.copy(8));
    for (const auto& p : panels_of(frame))
        p->command(name);
    return true;
}

} // namespace scrqm::lo
