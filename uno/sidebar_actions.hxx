// Tagging, question states and coverage on an open Writer document: shared by
// the macro API (ReviewAssistant) and the sidebar panels. Every change is one
// undo step.
#pragma once

#include <scrqm/coverage.hxx>
#include <scrqm/outline.hxx>

#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

#include <string>
#include <vector>

namespace scrqm::lo
{

using XModelRef = com::sun::star::uno::Reference<com::sun::star::frame::XModel>;

// The framework and its cues, loaded once per process from the extension's
// data directory.
const Catalogue& framework_catalogue(const std::string& framework);
const Suggester& framework_suggester(const std::string& framework);

// What the last full read by Writer's outline saw, kept so that typing in
// body text can be patched into the model (update_state) instead of read
// again. Not valid after a read by paragraph enumeration.
struct LeanKeep
{
    bool valid = false;
    rtl::OUString text;                    // the body's getString
    std::vector<sal_Int32> starts;         // where each line (paragraph) starts in `text`
    std::vector<std::size_t> paragraph_of; // line -> body paragraph; npos: a table's line
    std::vector<rtl::OUString> headings;   // Writer's outline ("Headings" link targets)
    std::vector<rtl::OUString> tag_names;  // scrqm_ bookmark names, sorted
    sal_Int32 tables = -1;                 // text tables, anywhere
};

struct DocumentState
{
    Document doc; // body, tables, tags and question states only (read lean)
    // The framework `analysis` is computed against (see framework_for) and
    // the kind of review, as one line (describe_kind).
    std::string framework;
    std::string kind;
    Analysis analysis;
    // A body with no heading of its own: the headings inferred from how its
    // paragraphs look (read_looks), shown until heading styles are applied.
    // Read by the sidebar on a full read only; typing does not re-infer.
    std::vector<InferredHeading> inferred;
    // Body paragraph index -> its text range (for going there and tagging);
    // after a read without a call per paragraph, only headings have one
    // (at their start).
    std::vector<com::sun::star::uno::Reference<com::sun::star::text::XTextRange>> body;
    LeanKeep keep;
};

// How the lean read reads the body: Auto tries read_outline_body (no call
// per paragraph) and falls back to the paragraph enumeration.
enum class LeanRead
{
    Auto,
    Enumeration,
};

// The lean model (for tests: the two ways must agree); `by_outline` says
// which way was used.
Document read_lean_model(const XModelRef& model, const std::string& file, LeanRead how,
                         bool* by_outline);

// `framework`: the one named by the user or the request; empty follows the
// document (framework_for).
DocumentState read_state(const XModelRef& model, const std::string& file,
                         const std::string& framework, SuggestCache* cache = nullptr);

// A change without a full read: one getString of the body, the outline's
// names and the bookmarks' names, then only the paragraphs that changed.
// Typing inside body text patches their text; a paragraph added, removed,
// split or joined, a heading typed, renamed or removed re-reads the changed
// paragraphs with a cursor from the heading before them; a tag added or
// removed is placed from its bookmark. True when `state` was brought up to
// date that way, and then it equals what read_state would give. False
// (state untouched) when the change may be anything else: a table or its
// cells, a line break, a style or a level with no text changed, text and
// tags changed at once; the caller then reads in full.
// `steps`, when given, gets the milliseconds of its steps (for the
// benchmark): the body's text, the outline's names, the bookmarks' names, the
// recompute.
bool update_state(const XModelRef& model, DocumentState& state, const std::string& framework,
                  SuggestCache* cache = nullptr, double (*steps)[4] = nullptr);

// Shared by the lean read and the refresh after a change
// (sidebar_refresh.cxx): the document's bookmarks, Writer's outline (its
// headings' names, "number text", in order), the scrqm_ bookmarks' names
// among `names` (sorted), the number of text tables, and the question
// states stored in the user-defined properties, with the properties the kind
// and the framework are read from (title, subject, scrqm_Framework).
com::sun::star::uno::Reference<com::sun::star::container::XNameAccess>
bookmarks_of(const XModelRef& model);
std::vector<rtl::OUString> outline_names(const XModelRef& model);
std::vector<rtl::OUString>
tag_bookmark_names(const com::sun::star::uno::Sequence<rtl::OUString>& names);
sal_Int32 table_count(const XModelRef& model);
void read_document_properties(const XModelRef& model, Document& doc);

// The section holding the view cursor, or npos.
std::size_t cursor_section(const XModelRef& model, const DocumentState& state);

enum class TagMode
{
    Add,
    Remove,
    Set,
};
TagMode tag_mode_from_string(const std::string& mode); // add|remove|set

// Tags or untags section `index` with `markers`. One undo step ("Tag section
// to QM13"); nothing changes, and no undo step is added, when there is
// nothing to do. Returns the result JSON.
std::string tag_section(const XModelRef& model, const std::string& framework, std::size_t index,
                        const std::vector<std::string>& markers, TagMode mode);

// Tags (Add) or untags (Remove) the passage selected in the document.
std::string tag_selection(const XModelRef& model, const std::string& framework,
                          const std::vector<std::string>& markers, TagMode mode);

// Stores a question's state and note in the user-defined property
// scrqm_Q_<marker>, as one undo step.
std::string set_question(const XModelRef& model, const std::string& framework,
                         const std::string& marker, int question, QuestionState state,
                         const std::string& note);

// Moves the view cursor to the heading of section `index`.
void goto_section(const XModelRef& model, const DocumentState& state, std::size_t index);

} // namespace scrqm::lo
