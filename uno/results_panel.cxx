// The pre-publication check in Writer and its results panel.
//
// vnd.scrqm:CheckAll reads the document once (read_document only reads: the
// document is never modified or marked modified by a check), runs every
// registered check, keeps the findings per frame and shows them in the
// "Pre-publication check" deck. Ignored findings are remembered in the
// document as salted hashes (scrqm/ignore.hxx) in the user-defined property
// scrqm.ignored, which survives .docx.
#include "results_panel.hxx"
#include "hidden.hxx"

#include "case_register.hxx"
#include "convert.hxx"
#include "locate.hxx"
#include "reader.hxx"

#include <scrqm/catalogue.hxx>
#include <scrqm/checks.hxx>
#include <scrqm/ignore.hxx>
#include <scrqm/register.hxx>

#include <com/sun/star/awt/ContainerWindowProvider.hpp>
#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/awt/XActionListener.hpp>
#include <com/sun/star/awt/XButton.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XItemListener.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/PropertyAttribute.hpp>
#include <com/sun/star/beans/XPropertyContainer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertySetInfo.hpp>
#include <com/sun/star/document/XDocumentProperties.hpp>
#include <com/sun/star/document/XDocumentPropertiesSupplier.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XController2.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/task/XStatusIndicator.hpp>
#include <com/sun/star/task/XStatusIndicatorFactory.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/ui/LayoutSize.hpp>
#include <com/sun/star/ui/UIElementType.hpp>
#include <com/sun/star/ui/XDeck.hpp>
#include <com/sun/star/ui/XDecks.hpp>
#include <com/sun/star/ui/XSidebarPanel.hpp>
#include <com/sun/star/ui/XSidebarProvider.hpp>
#include <com/sun/star/ui/XToolPanel.hpp>
#include <com/sun/star/ui/XUIElement.hpp>
#include <com/sun/star/ui/XUIElementFactory.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/implbase6.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <osl/file.hxx>
#include <rtl/ref.hxx>

#include <algorithm>
#include <array>
#include <chrono>
#include <dlfcn.h>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>

using namespace com::sun::star;
using com::sun::star::uno::Reference;
using com::sun::star::uno::UNO_QUERY;
using com::sun::star::uno::UNO_QUERY_THROW;
using rtl::OUString;

namespace scrqm::lo
{

std::string extension_data_dir(); // assistant.cxx

namespace
{

constexpr const char* kFactoryName = "org.scrqm.comp.ResultsPanelFactory";
constexpr const char kDeckId[] = "ScrqmPrepublicationDeck";
constexpr const char kIgnoredProperty[] = "scrqm.ignored";

std::string library_dir()
{
    Dl_info info{};
    if (dladdr(reinterpret_cast<void*>(&library_dir), &info) == 0 || !info.dli_fname)
        return ".";
    const std::string lib = info.dli_fname;
    return lib.substr(0, lib.find_last_of('/'));
}

// ---- the results of one frame's last check ----

struct Results
{
    // Held so that the frame's address (the registry key) is never reused
    // while these results exist.
    Reference<frame::XFrame> frame;
    Reference<frame::XModel> model;
    Document doc;
    // Where each paragraph came from, for Go to and Fix: read on their first
    // use (the check reads faster without), body paragraphs found one by one.
    std::vector<Reference<uno::XInterface>> sources;
    bool sourced = false;
    std::vector<Finding> all; // reading order
    std::vector<std::size_t> occurrence;
    IgnoreList ignored = IgnoreList::parse("");
    std::vector<std::size_t> shown; // indices into `all`, not ignored
    std::size_t ignored_count = 0;
    double seconds = 0, read_seconds = 0;
    std::string error; // the check could not run

    bool is_ignored(std::size_t i) const
    {
        return ignored.size() && ignored.contains(finding_key(all[i], occurrence[i]));
    }
    void filter()
    {
        shown.clear();
        ignored_count = 0;
        for (std::size_t i = 0; i < all.size(); ++i)
            if (is_ignored(i))
                ++ignored_count;
            else
                shown.push_back(i);
    }
};

class ResultsPanel;

std::mutex g_mutex; // guards the two registries, never held across UNO calls
std::map<const void*, std::shared_ptr<Results>> g_results; // by frame
std::vector<ResultsPanel*> g_panels;

std::shared_ptr<Results> results_of(const Reference<frame::XFrame>& frame)
{
    std::lock_guard<std::mutex> lock(g_mutex);
    const auto it = g_results.find(frame.get());
    return it == g_results.end() ? nullptr : it->second;
}

// Runs one check with the shared runner; the data is loaded on the first
// check (DataError when broken). A macro may dispatch from another thread:
// the runner is not thread-safe, and nothing in it calls UNO, so a plain lock.
std::vector<Finding> run_check(const Document& doc, const std::string& id,
                               const CheckOptions& options)
{
    static std::mutex mutex;
    static std::unique_ptr<CheckRunner> r;
    std::lock_guard<std::mutex> lock(mutex);
    if (!r)
        r = std::make_unique<CheckRunner>(extension_data_dir());
    return r->run(doc, {id}, options);
}

Reference<beans::XPropertySet> user_properties(const Reference<frame::XModel>& model)
{
    Reference<document::XDocumentPropertiesSupplier> dps(model, UNO_QUERY);
    if (!dps.is())
        return {};
    return Reference<beans::XPropertySet>(dps->getDocumentProperties()->getUserDefinedProperties(),
                                          UNO_QUERY);
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

// Runs every registered check on the frame's document, with progress in the
// frame's status bar. Only reads the document.
std::shared_ptr<Results> run_checks(const Reference<uno::XComponentContext>& context,
                                    const Reference<frame::XFrame>& frame)
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
    const auto& checks = registered_checks();
    if (progress.is())
        progress->start("Pre-publication check", static_cast<sal_Int32>(checks.size()) + 1);
    const auto t0 = std::chrono::steady_clock::now();
    try
    {
        r->doc = read_document(r->model, to_utf8(r->model->getURL()));
        // Stored versions and the office's personal-information option, as
        // Action=check reads them (appended after every sourced paragraph).
        read_office_hidden(context, r->model, r->doc);
        r->read_seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        CheckOptions options;
        std::optional<HashedRegister> stored = load_stored_register(register_path(context, ""));
        if (stored)
            options.anonymisation.hashed_register = &*stored;
        sal_Int32 step = 1;
        for (const CheckInfo& c : checks)
        {
            if (progress.is())
            {
                progress->setText(OUString::createFromAscii("Pre-publication check: ") +
                                  OUString::createFromAscii(c.id));
                progress->setValue(step++);
            }
            auto f = run_check(r->doc, c.id, options);
            r->all.insert(r->all.end(), std::make_move_iterator(f.begin()),
                          std::make_move_iterator(f.end()));
        }
        sort_findings(r->all);
    }
    catch (...)
    {
        if (progress.is())
            progress->end();
        throw;
    }
    if (progress.is())
        progress->end();
    r->occurrence = occurrences(r->all);
    r->ignored = read_ignored(r->model);
    r->filter();
    r->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return r;
}

// Thrown when the document no longer matches the findings.
struct Changed : std::runtime_error
{
    Changed() : std::runtime_error("The text has changed since the check: Re-check") {}
};

bool same_paragraphs(const Document& a, const Document& b)
{
    if (a.paragraphs.size() != b.paragraphs.size())
        return false;
    for (std::size_t i = 0; i < a.paragraphs.size(); ++i)
    {
        const Paragraph& p = a.paragraphs[i];
        const Paragraph& q = b.paragraphs[i];
        if (p.where != q.where || p.index != q.index || p.text != q.text)
            return false;
    }
    return true;
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

// ---- control helpers ----

Reference<awt::XControl> control(const Reference<awt::XControlContainer>& c, const char* name)
{
    return c.is() ? c->getControl(OUString::createFromAscii(name)) : Reference<awt::XControl>();
}

void set_model(const Reference<awt::XControl>& c, const char* property, const uno::Any& value)
{
    if (!c.is())
        return;
    Reference<beans::XPropertySet> props(c->getModel(), UNO_QUERY);
    if (props.is())
        props->setPropertyValue(OUString::createFromAscii(property), value);
}

void set_label(const Reference<awt::XControl>& c, const std::string& text)
{
    set_model(c, "Label", uno::Any(to_ou(text)));
}

void set_text(const Reference<awt::XControl>& c, const std::string& text)
{
    Reference<awt::XTextComponent> t(c, UNO_QUERY);
    if (t.is())
        t->setText(to_ou(text));
}

std::string plural(std::size_t n, const char* one, const char* many)
{
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

int severity_rank(Severity s)
{
    return s == Severity::Error ? 0 : s == Severity::Warning ? 1 : 2;
}

std::string top_check(const std::string& id)
{
    return id.substr(0, id.find('.'));
}

std::string place(const Finding& f, const Document& doc)
{
    std::string where = to_string(f.where);
    for (const Paragraph& p : doc.paragraphs)
        if (p.where == f.where && p.index == f.paragraph)
        {
            if (!p.container.empty())
                where = p.container;
            break;
        }
    if (f.where == Where::Body)
        where += " ¶" + std::to_string(f.paragraph + 1);
    return where;
}

// At most `max` code points of `text`, with an ellipsis when cut (a jigsaw
// finding's text is a whole paragraph).
std::string shorten(const std::string& text, std::size_t max)
{
    std::size_t cps = 0;
    for (std::size_t i = 0; i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && cps++ == max)
            return text.substr(0, i) + "…";
    return text;
}

bool has_fix(const Finding& f)
{
    // Only register findings carry a pseudonym to put in their place.
    return f.fix.rfind("Replace with \"", 0) == 0 && f.where != Where::Property;
}

// ---- the panel ----

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

    // Fills the panel from the frame's results (all rows in one call: a
    // listbox takes 5,000 rows in one StringItemList without a visible stall).
    void show(int select_row = -1)
    {
        const auto t0 = std::chrono::steady_clock::now();
        std::string summary;
        const std::shared_ptr<Results> r = results_of(frame_);
        results_ = r;
        rows_.clear();
        std::vector<std::string> rows;
        if (!r)
        {
            set_label(c("Verdict"), "Not checked yet");
            set_text(c("Summary"), "Press Re-check (or Tools > Add-Ons > Pre-publication check, "
                                   "Ctrl+Alt+Shift+C) to run every check.");
        }
        else if (!r->error.empty())
        {
            set_label(c("Verdict"), "Could not check");
            set_text(c("Summary"), r->error);
        }
        else
        {
            // Counts by check and severity, of the findings shown.
            std::map<std::string, std::array<std::size_t, 3>> counts;
            std::size_t errors = 0;
            for (const std::size_t i : r->shown)
            {
                const Finding& f = r->all[i];
                ++counts[top_check(f.check)][static_cast<std::size_t>(severity_rank(f.severity))];
                errors += f.severity == Severity::Error;
            }
            set_label(c("Verdict"), errors == 0
                                        ? std::string("Ready to publish")
                                        : "Not ready: " + plural(errors, "error", "errors"));
            set_model(c("Verdict"), "TextColor",
                      uno::Any(sal_Int32(errors == 0 ? 0x1E7B34 : 0xB00020)));
            for (const CheckInfo& ci : registered_checks())
            {
                const auto it = counts.find(ci.id);
                const std::array<std::size_t, 3> n =
                    it == counts.end() ? std::array<std::size_t, 3>{0, 0, 0} : it->second;
                summary += std::string(ci.id) + ": " + plural(n[0], "error", "errors") + ", " +
                           plural(n[1], "warning", "warnings") + ", " + std::to_string(n[2]) +
                           " info\n";
            }
            char secs[64];
            std::snprintf(secs, sizeof secs, "%.2f s (reading %.2f s)", r->seconds,
                          r->read_seconds);
            summary += plural(r->shown.size(), "finding", "findings") + " shown, " +
                       std::to_string(r->ignored_count) + " ignored; checked in " + secs;

            // Rows grouped by check id and severity, each group in reading order.
            std::vector<std::size_t> order = r->shown;
            std::stable_sort(order.begin(), order.end(),
                             [&](std::size_t a, std::size_t b)
                             {
                                 const Finding& fa = r->all[a];
                                 const Finding& fb = r->all[b];
                                 if (fa.check != fb.check)
                                     return fa.check < fb.check;
                                 return severity_rank(fa.severity) < severity_rank(fb.severity);
                             });
            rows.reserve(order.size() + 32);
            rows_.reserve(order.size() + 32);
            for (std::size_t k = 0; k < order.size();)
            {
                const Finding& head = r->all[order[k]];
                std::size_t end = k;
                while (end < order.size() && r->all[order[end]].check == head.check &&
                       r->all[order[end]].severity == head.severity)
                    ++end;
                rows.push_back(head.check + " · " + to_string(head.severity) + " (" +
                               std::to_string(end - k) + ")");
                rows_.push_back(-1);
                for (; k < end; ++k)
                {
                    const Finding& f = r->all[order[k]];
                    rows.push_back("    “" + shorten(f.text, 60) + "”  " + place(f, r->doc) +
                                   " — " + f.message);
                    rows_.push_back(static_cast<long>(order[k]));
                }
            }
        }
        uno::Sequence<OUString> seq(static_cast<sal_Int32>(rows.size()));
        OUString* out = seq.getArray();
        for (std::size_t i = 0; i < rows.size(); ++i)
            out[i] = to_ou(rows[i]);
        set_model(c("Findings"), "StringItemList", uno::Any(seq));
        if (!summary.empty())
        {
            // The time to list the findings (the benchmark reads it).
            char secs[32];
            std::snprintf(
                secs, sizeof secs, "%.3f",
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
            set_text(c("Summary"), summary + ", listed in " + secs + " s");
        }
        Reference<awt::XListBox> list(c("Findings"), UNO_QUERY);
        if (list.is() && !rows.empty())
        {
            // The first finding, or the row asked for (the next one after an
            // Ignore or a Fix).
            int row =
                select_row >= 0 ? std::min<int>(select_row, static_cast<int>(rows.size()) - 1) : 1;
            while (row < static_cast<int>(rows_.size()) && rows_[static_cast<std::size_t>(row)] < 0)
                ++row;
            if (row >= static_cast<int>(rows_.size()))
                row = static_cast<int>(rows_.size()) - 1;
            if (row >= 0 && rows_[static_cast<std::size_t>(row)] >= 0)
            {
                list->selectItemPos(static_cast<sal_Int16>(row), true);
                list->makeVisible(static_cast<sal_Int16>(row));
            }
        }
        show_selected();
    }

    void command(const std::string& name)
    {
        try
        {
            if (name == "GoTo")
                go_to();
            else if (name == "Fix")
                fix();
            else if (name == "Ignore")
                ignore();
            else if (name == "Recheck")
                recheck(-1);
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
        std::shared_ptr<Results> r;
        try
        {
            r = run_checks(context_, frame_);
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
        r->frame = frame_;
        {
            std::lock_guard<std::mutex> lock(g_mutex);
            g_results[frame_.get()] = r;
        }
        show(select_row);
        status("");
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
    // XItemListener: a new selection in the list.
    void SAL_CALL itemStateChanged(const awt::ItemEvent&) override
    {
        try
        {
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
        osl::FileBase::getFileURLFromSystemPath(to_ou(library_dir() + "/dialogs/results-panel.xdl"),
                                                file_url);
        window_ = awt::ContainerWindowProvider::create(context_)->createContainerWindow(
            file_url, OUString(), Reference<awt::XWindowPeer>(parent, UNO_QUERY_THROW), {});
        controls_.set(window_, UNO_QUERY_THROW);
        set_model(c("Verdict"), "FontWeight", uno::Any(float(awt::FontWeight::BOLD)));
        set_model(c("Verdict"), "FontHeight", uno::Any(float(12)));
        set_label(c("FindingsLabel"), "Findings by check and severity:");
        if (Reference<awt::XListBox> list{c("Findings"), UNO_QUERY}; list.is())
        {
            list->addItemListener(this);
            list->addActionListener(this);
        }
        button("GoTo", "Go to");
        button("Fix", "Fix");
        button("Ignore", "Ignore");
        button("Recheck", "Re-check");
        window_->setVisible(true);
        std::lock_guard<std::mutex> lock(g_mutex);
        g_panels.push_back(this);
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
    void status(const std::string& text) { set_label(c("Status"), text); }

    int selected_row() const
    {
        Reference<awt::XListBox> list(c("Findings"), UNO_QUERY);
        return list.is() ? list->getSelectedItemPos() : -1;
    }

    // The selected finding's index in results_->all, or -1.
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
        return results_->all[static_cast<std::size_t>(i)];
    }

    void show_selected()
    {
        const long i = selected_finding();
        std::string detail;
        bool fixable = false;
        if (i >= 0)
        {
            const Finding& f = results_->all[static_cast<std::size_t>(i)];
            detail = f.message;
            if (!f.marker.empty())
                detail += " (" + f.marker + ")";
            if (!f.explanation.empty())
                detail += "\nWhy: " + f.explanation;
            if (!f.fix.empty())
                detail += "\nFix: " + f.fix;
            fixable = has_fix(f);
        }
        set_text(c("Detail"), detail);
        set_model(c("GoTo"), "Enabled", uno::Any(i >= 0));
        set_model(c("Ignore"), "Enabled", uno::Any(i >= 0));
        set_model(c("Fix"), "Enabled", uno::Any(fixable));
    }

    void go_to()
    {
        const Finding& f = need_finding();
        Results& r = *results_;
        Reference<frame::XController> controller = frame_->getController();
        Reference<view::XSelectionSupplier> selection(controller, UNO_QUERY);
        if (!selection.is())
            return;
        if (f.where == Where::Property)
        {
            status("In the document properties (File > Properties): " + place(f, r.doc));
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
                        status("In a comment: " + place(f, r.doc));
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

    void fix()
    {
        const Finding f = need_finding();
        if (!has_fix(f))
        {
            status("No automatic fix for this finding");
            return;
        }
        const int row = selected_row();
        need_source(context_, *results_, f);
        const std::size_t n =
            replace_with_pseudonyms(results_->model, results_->doc, results_->sources, {f});
        if (n == 0)
        {
            status("The text has changed since the check: Re-check");
            return;
        }
        // Offsets after the replacement moved: check again.
        recheck(row);
        status("Replaced with the pseudonym (Edit > Undo takes it back)");
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
        list.add(finding_key(r.all[k], r.occurrence[k]));
        write_ignored(r.model, list);
        r.ignored = list;
        r.filter();
        show(row);
        status("Ignored; remembered in the document (File > Properties > Custom Properties)");
    }

    OUString url_;
    Reference<uno::XComponentContext> context_;
    Reference<frame::XFrame> frame_;
    Reference<awt::XWindow> window_;
    Reference<awt::XControlContainer> controls_;
    std::shared_ptr<Results> results_;
    std::vector<long> rows_; // list row -> index into results_->all, -1 for a group header
};

class ResultsPanelFactory : public cppu::WeakImplHelper2<ui::XUIElementFactory, lang::XServiceInfo>
{
public:
    explicit ResultsPanelFactory(const Reference<uno::XComponentContext>& context)
        : context_(context)
    {
    }

    Reference<ui::XUIElement> SAL_CALL
    createUIElement(const OUString& url, const uno::Sequence<beans::PropertyValue>& args) override
    {
        Reference<frame::XFrame> frame;
        Reference<awt::XWindow> parent;
        for (sal_Int32 i = 0; i < args.getLength(); ++i)
        {
            if (args[i].Name == "Frame")
                args[i].Value >>= frame;
            else if (args[i].Name == "ParentWindow")
                args[i].Value >>= parent;
        }
        if (!frame.is() || !parent.is())
            throw lang::IllegalArgumentException("scrqm panels need Frame and ParentWindow", {}, 1);
        if (!url.endsWith("/ResultsPanel"))
            throw lang::IllegalArgumentException("unknown scrqm panel " + url, {}, 0);
        try
        {
            rtl::Reference<ResultsPanel> panel(new ResultsPanel(url, context_, frame, parent));
            panel->show();
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

std::vector<rtl::Reference<ResultsPanel>> panels_of(const Reference<frame::XFrame>& frame)
{
    std::vector<rtl::Reference<ResultsPanel>> out;
    std::lock_guard<std::mutex> lock(g_mutex);
    for (ResultsPanel* p : g_panels)
        if (p->frame() == frame)
            out.emplace_back(p);
    return out;
}

// Shows the deck. .uno:SidebarDeck.<id> toggles (it closes a deck that is
// already shown), so it is only dispatched when the deck is not showing.
void open_deck(const Reference<uno::XComponentContext>& context,
               const Reference<frame::XFrame>& frame)
{
    Reference<frame::XController2> controller(frame->getController(), UNO_QUERY);
    Reference<ui::XSidebarProvider> sidebar =
        controller.is() ? controller->getSidebar() : Reference<ui::XSidebarProvider>();
    if (sidebar.is() && sidebar->isVisible())
    {
        Reference<ui::XDecks> decks = sidebar->getDecks();
        Reference<ui::XDeck> deck;
        if (decks.is() && decks->hasByName(kDeckId))
            deck.set(decks->getByName(kDeckId), UNO_QUERY);
        if (deck.is() && deck->isActive())
            return;
    }
    Reference<frame::XDispatchProvider> provider(frame, UNO_QUERY);
    if (provider.is())
        frame::DispatchHelper::create(context)->executeDispatch(
            provider, OUString(".uno:SidebarDeck.") + kDeckId, "", 0, {});
}

} // namespace

Reference<uno::XInterface>
    SAL_CALL create_results_panel_factory(const Reference<uno::XComponentContext>& context)
{
    return static_cast<cppu::OWeakObject*>(new ResultsPanelFactory(context));
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
        std::shared_ptr<Results> r;
        try
        {
            r = run_checks(context, frame);
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
        // A panel created by opening the deck fills itself from the results.
        const bool had_panel = !panels_of(frame).empty();
        open_deck(context, frame);
        if (had_panel)
            for (const auto& p : panels_of(frame))
                p->show();
        return true;
    }
    const std::string name = to_utf8(command.copy(8));
    for (const auto& p : panels_of(frame))
        p->command(name);
    return true;
}

} // namespace scrqm::lo
