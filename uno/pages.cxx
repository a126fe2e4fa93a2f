// Pages of findings: see pages.hxx.
//
// One pass: the view cursor jumps to each page in turn (XPageCursor::
// jumpToPage puts it on the page's first character), and one text cursor
// walks the body from page start to page start; the getString of each step
// counts the paragraph ends and the characters up to the page's start. So
// each page start becomes a (line, column) of the body's text, where the
// lines are the body's paragraphs and its tables' cell paragraphs in reading
// order, as the reader reads them (reader_body.cxx cuts the same getString
// at the same ends). A finding's (line, column) then finds its page by
// binary search. The cost is a few calls per page and the body's text read
// once, not a cursor move per finding (5,000 findings, 300 pages).
//
// The walk runs with the model's controllers locked (lockControllers starts
// an action on every view: Writer holds back its change link, the sidebar's
// context changes and the selection listeners until it ends), so it costs
// no repaint and no context change per page. Locked, Writer formats no
// layout either: the pages are those of the layout as it stands. Right after
// a load Writer is still laying out in the background (under Xvfb on a busy
// machine, 5 of the sample's 7 pages two seconds after the load, and a jump
// to the last page unlocked did not finish it): the panel finds the pages
// again when the page count has changed since (results_panel.cxx). The panel never walks while the
// sidebar builds it (results_panel.cxx): a cursor move then told the sidebar the context changed,
// the sidebar built our panel again, whose show walked again: the office died of a stack overflow,
// 900 walks deep on the sample.
#include "pages.hxx"

#include <scrqm/finding.hxx>

#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/text/XPageCursor.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/text/XTextRangeCompare.hpp>
#include <com/sun/star/text/XTextViewCursor.hpp>
#include <com/sun/star/text/XTextViewCursorSupplier.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <com/sun/star/view/XViewCursor.hpp>

#include <algorithm>
#include <atomic>
#include <map>
#include <utility>

using namespace com::sun::star;
using com::sun::star::uno::Reference;
using com::sun::star::uno::UNO_QUERY;
using rtl::OUString;

namespace scrqm::lo
{

namespace
{

// A place in the body's text: its line (paragraph) and code point.
using Pos = std::pair<std::size_t, std::size_t>;

// Moves `at` over `text`: a line per paragraph end, code points after the
// last one (a surrogate pair is one code point, as in Finding::start).
void advance(Pos& at, const OUString& text)
{
    for (sal_Int32 i = 0; i < text.getLength(); ++i)
    {
        const sal_Unicode c = text[i];
        if (c == '\n')
            at = {at.first + 1, 0};
        else if (c < 0xDC00 || c > 0xDFFF)
            ++at.second;
    }
}

// Puts the user's selection back, whatever happens in between.
struct KeepSelection
{
    Reference<view::XSelectionSupplier> supplier;
    uno::Any selection;
    ~KeepSelection()
    {
        try
        {
            if (selection.hasValue())
                supplier->select(selection);
        }
        catch (...)
        {
        }
    }
};

// Locks the model's controllers for the walk.
struct LockControllers
{
    Reference<frame::XModel> model;
    explicit LockControllers(const Reference<frame::XModel>& m) : model(m)
    {
        model->lockControllers();
    }
    LockControllers(const LockControllers&) = delete;
    LockControllers& operator=(const LockControllers&) = delete;
    ~LockControllers()
    {
        try
        {
            model->unlockControllers();
        }
        catch (...)
        {
        }
    }
};

// A walk under way (any document, any thread): a second one would move the
// same kind of cursor under the first, and is what recursion would look like.
std::atomic<bool> walking{false};

std::vector<int> walk_pages(const Reference<frame::XModel>& model, const Document& doc,
                            const std::vector<Finding>& findings, int& last_page)
{
    std::vector<int> pages(findings.size(), 0);
    Reference<text::XTextDocument> text_doc(model, UNO_QUERY);
    Reference<frame::XController> controller = model.is() ? model->getCurrentController() : nullptr;
    Reference<text::XTextViewCursorSupplier> supplier(controller, UNO_QUERY);
    Reference<view::XSelectionSupplier> selection(controller, UNO_QUERY);
    if (!text_doc.is() || !supplier.is() || !selection.is() || findings.empty())
        return pages;
    Reference<text::XTextViewCursor> view = supplier->getViewCursor();
    Reference<text::XPageCursor> page_cursor(view, UNO_QUERY);
    Reference<view::XViewCursor> lines_cursor(view, UNO_QUERY);
    Reference<text::XText> body = text_doc->getText();
    Reference<text::XTextRangeCompare> compare(body, UNO_QUERY);
    if (!page_cursor.is() || !lines_cursor.is() || !body.is() || !compare.is())
        return pages;

    // The lines of the body's text: where each body and table paragraph is.
    std::map<std::pair<int, std::size_t>, std::size_t> line_of;   // (where, index) -> line
    std::map<std::pair<int, std::size_t>, std::size_t> anchor_of; // (where, index) -> body index
    std::size_t lines = 0;
    for (const Paragraph& p : doc.paragraphs)
    {
        if (p.where == Where::Body || p.where == Where::Table)
            line_of[{static_cast<int>(p.where), p.index}] = lines++;
        else
            anchor_of[{static_cast<int>(p.where), p.index}] = p.anchor;
    }

    KeepSelection keep{selection, selection->getSelection()};
    LockControllers lock(model); // unlocked before the selection is put back
    if (!page_cursor->jumpToLastPage())
        return pages;
    const sal_Int16 count = page_cursor->getPage();
    last_page = count;
    // Known page starts in order; a page whose start could not be placed
    // (it starts in a frame, or in a table with no body text after it on
    // that page) is not among them: its findings count to the page before.
    std::vector<std::pair<Pos, int>> starts{{{0, 0}, 1}};
    Pos at{0, 0};
    Reference<text::XTextCursor> walker = body->createTextCursor();
    walker->gotoStart(false);
    for (sal_Int16 page = 2; page <= count; ++page)
    {
        if (!page_cursor->jumpToPage(page))
            continue;
        bool placed = false;
        // A page that starts inside a table: its first line after the
        // table on that page.
        for (int down = 0; down < 200 && !placed && page_cursor->getPage() == page; ++down)
        {
            try
            {
                placed = compare->compareRegionStarts(walker->getStart(), view->getStart()) >= 0;
            }
            catch (const lang::IllegalArgumentException&)
            {
                // Not in the body's own text (a table cell, a frame).
            }
            if (!placed && !lines_cursor->goDown(1, false))
                break;
        }
        if (!placed || page_cursor->getPage() != page)
            continue;
        walker->gotoRange(view->getStart(), true);
        advance(at, walker->getString());
        walker->collapseToEnd();
        starts.push_back({at, page});
    }
    walker->gotoEnd(true);
    advance(at, walker->getString());
    if (at.first + 1 != lines)
        return pages; // the text is not the model's paragraphs: no pages rather than wrong ones

    for (std::size_t i = 0; i < findings.size(); ++i)
    {
        const Finding& f = findings[i];
        Pos pos;
        if (const auto it = line_of.find({static_cast<int>(f.where), f.paragraph});
            it != line_of.end())
            pos = {it->second, f.start};
        else if (f.where == Where::Header || f.where == Where::Footer || f.where == Where::Property)
            continue;
        else if (const auto a = anchor_of.find({static_cast<int>(f.where), f.paragraph});
                 a != anchor_of.end())
        {
            const auto body_line = line_of.find({static_cast<int>(Where::Body), a->second});
            if (body_line == line_of.end())
                continue;
            pos = {body_line->second, 0};
        }
        else
            continue;
        const auto after = std::upper_bound(starts.begin(), starts.end(), pos,
                                            [](const Pos& p, const std::pair<Pos, int>& s)
                                            { return p < s.first; });
        pages[i] = std::prev(after)->second;
    }
    return pages;
}

} // namespace

std::optional<std::vector<int>> finding_pages(const Reference<frame::XModel>& model,
                                              const Document& doc,
                                              const std::vector<Finding>& findings, int* last_page)
{
    if (walking.exchange(true))
        return std::nullopt;
    std::vector<int> pages(findings.size(), 0);
    int last = 0;
    try
    {
        // No view (a document being closed, a model without a window): no
        // pages, and nothing to lock.
        if (model.is() && model->getCurrentController().is() && !findings.empty())
            pages = walk_pages(model, doc, findings, last);
    }
    catch (...)
    {
        // A disposed view, a layout that refused a jump: no pages, no crash.
        pages.assign(findings.size(), 0);
    }
    walking = false;
    if (last_page)
        *last_page = last;
    return pages;
}

} // namespace scrqm::lo
