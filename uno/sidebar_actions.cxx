#include "sidebar_actions.hxx"

#include "convert.hxx"
#include "office_check.hxx"
#include "prelude.hxx"
#include "reader.hxx"
#include "undo_context.hxx"

#include <scrqm/json.hxx>
#include <scrqm/kinds.hxx>
#include <scrqm/tags.hxx>

#include <com/sun/star/beans/PropertyAttribute.hpp>
#include <com/sun/star/beans/XPropertyContainer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XEnumeration.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/document/XDocumentProperties.hpp>
#include <com/sun/star/document/XDocumentPropertiesSupplier.hpp>
#include <com/sun/star/document/XLinkTargetSupplier.hpp>
#include <com/sun/star/document/XUndoAction.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/text/XBookmarksSupplier.hpp>
#include <com/sun/star/text/XParagraphCursor.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextCursor.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/text/XTextRangeCompare.hpp>
#include <com/sun/star/text/XTextTable.hpp>
#include <com/sun/star/text/XTextTablesSupplier.hpp>
#include <com/sun/star/text/XTextViewCursor.hpp>
#include <com/sun/star/text/XTextViewCursorSupplier.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <cppuhelper/implbase1.hxx>
#include <rtl/ustrbuf.hxx>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>

namespace scrqm::lo
{

namespace
{

struct Loaded
{
    Catalogue catalogue;
    std::unique_ptr<Suggester> suggester;
};

const Loaded& loaded(const std::string& framework)
{
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<Loaded>> cache;
    std::lock_guard<std::mutex> lock(mutex);
    auto& slot = cache[framework];
    if (!slot)
    {
        auto l = std::make_unique<Loaded>();
        const std::string dir = extension_data_dir();
        l->catalogue = load_framework(dir, framework);
        l->suggester = std::make_unique<Suggester>(Suggester::load_for(dir, l->catalogue));
        slot = std::move(l);
    }
    return *slot;
}

std::string join(const std::vector<std::string>& items, const char* sep = ",")
{
    std::string out;
    for (const auto& s : items)
        out += (out.empty() ? "" : sep) + s;
    return out;
}

std::set<std::string> bookmark_names(const Reference<container::XNameAccess>& bookmarks)
{
    std::set<std::string> out;
    const uno::Sequence<OUString> names = bookmarks->getElementNames();
    for (sal_Int32 i = 0; i < names.getLength(); ++i)
        out.insert(to_utf8(names[i]));
    return out;
}

void insert_bookmark(const XModelRef& model, const Reference<text::XTextRange>& range,
                     const std::string& name)
{
    Reference<lang::XMultiServiceFactory> factory(model, UNO_QUERY_THROW);
    Reference<text::XTextContent> bookmark(factory->createInstance("com.sun.star.text.Bookmark"),
                                           UNO_QUERY_THROW);
    Reference<container::XNamed>(bookmark, UNO_QUERY_THROW)->setName(to_ou(name));
    Reference<text::XText> text = range->getText();
    Reference<text::XTextCursor> cursor = text->createTextCursorByRange(range);
    // Absorbing makes the bookmark span the range; the text stays.
    text->insertTextContent(Reference<text::XTextRange>(cursor, UNO_QUERY_THROW), bookmark, true);
}

void remove_bookmark(const Reference<container::XNameAccess>& bookmarks, const std::string& name)
{
    Reference<text::XTextContent> bookmark(bookmarks->getByName(to_ou(name)), UNO_QUERY_THROW);
    bookmark->getAnchor()->getText()->removeTextContent(bookmark);
}

void write_section(JsonWriter& w, const std::vector<Section>& sections, std::size_t index)
{
    const Section& s = sections[index];
    w.key("section")
        .begin_object()
        .member("index", static_cast<std::uint64_t>(index))
        .member("title", s.title)
        .member("paragraph", static_cast<std::uint64_t>(s.paragraph));
    w.key("markers").begin_array();
    for (const std::string& m : s.markers)
        w.value(m);
    w.end_array().end_object();
}

// A property change is no document edit Writer can undo, so the question
// state brings its own undo action.
class PropertyUndo : public cppu::WeakImplHelper1<document::XUndoAction>
{
public:
    PropertyUndo(const Reference<document::XDocumentProperties>& props, const OUString& name,
                 const OUString& before, const OUString& after, const OUString& title)
        : props_(props), name_(name), before_(before), after_(after), title_(title)
    {
    }
    OUString SAL_CALL getTitle() override { return title_; }
    void SAL_CALL undo() override { apply(before_); }
    void SAL_CALL redo() override { apply(after_); }

    static void set(const Reference<document::XDocumentProperties>& props, const OUString& name,
                    const OUString& value)
    {
        Reference<beans::XPropertyContainer> container = props->getUserDefinedProperties();
        Reference<beans::XPropertySet> set(container, UNO_QUERY_THROW);
        const bool exists = set->getPropertySetInfo()->hasPropertyByName(name);
        if (value.isEmpty())
        {
            if (exists)
                container->removeProperty(name);
        }
        else if (exists)
            set->setPropertyValue(name, uno::Any(value));
        else
            container->addProperty(name, beans::PropertyAttribute::REMOVABLE, uno::Any(value));
    }

private:
    void apply(const OUString& value) { set(props_, name_, value); }

    Reference<document::XDocumentProperties> props_;
    OUString name_, before_, after_, title_;
};

} // namespace

const Catalogue& framework_catalogue(const std::string& framework)
{
    return loaded(framework).catalogue;
}

const Suggester& framework_suggester(const std::string& framework)
{
    return *loaded(framework).suggester;
}

Reference<container::XNameAccess> bookmarks_of(const XModelRef& model)
{
    Reference<text::XBookmarksSupplier> supplier(model, UNO_QUERY);
    if (!supplier.is())
        throw std::runtime_error("the document has no bookmarks (not a Writer document)");
    return supplier->getBookmarks();
}

// Writer's outline: its headings' names ("number text"), in order.
std::vector<OUString> outline_names(const XModelRef& model)
{
    Reference<document::XLinkTargetSupplier> links(model, UNO_QUERY_THROW);
    Reference<container::XNameAccess> outline(links->getLinks()->getByName("Headings"),
                                              UNO_QUERY_THROW);
    const uno::Sequence<OUString> names = outline->getElementNames();
    return std::vector<OUString>(names.begin(), names.end());
}

// The scrqm_ bookmarks' names, sorted.
std::vector<OUString> tag_bookmark_names(const uno::Sequence<OUString>& names)
{
    std::vector<OUString> out;
    for (const OUString& name : names)
        if (name.startsWith("scrqm_"))
            out.push_back(name);
    std::sort(out.begin(), out.end());
    return out;
}

sal_Int32 table_count(const XModelRef& model)
{
    Reference<text::XTextTablesSupplier> supplier(model, UNO_QUERY_THROW);
    return Reference<container::XIndexAccess>(supplier->getTextTables(), UNO_QUERY_THROW)
        ->getCount();
}

void read_document_properties(const XModelRef& model, Document& doc)
{
    Reference<document::XDocumentPropertiesSupplier> dps(model, UNO_QUERY);
    Reference<document::XDocumentProperties> props =
        dps.is() ? dps->getDocumentProperties() : Reference<document::XDocumentProperties>();
    if (!props.is())
        return;
    // The kind of review may be named in the title or subject (detect_kind).
    if (const std::string title = to_utf8(props->getTitle()); !title.empty())
        doc.properties["title"] = title;
    if (const std::string subject = to_utf8(props->getSubject()); !subject.empty())
        doc.properties["subject"] = subject;
    Reference<beans::XPropertySet> user(props->getUserDefinedProperties(), UNO_QUERY);
    if (!user.is())
        return;
    const uno::Sequence<beans::Property> all = user->getPropertySetInfo()->getProperties();
    for (sal_Int32 i = 0; i < all.getLength(); ++i)
    {
        const std::string name = to_utf8(all[i].Name);
        const std::string marker = marker_of_question_property(name);
        OUString value;
        if (!marker.empty() && (user->getPropertyValue(all[i].Name) >>= value))
            doc.question_states[marker] = to_utf8(value);
        else if (name == kFrameworkProperty && (user->getPropertyValue(all[i].Name) >>= value))
            doc.properties["custom:" + name] = to_utf8(value);
    }
}

namespace
{

// The body paragraph holding `pos`: binary search with the text's own
// comparison (O(log n) calls). npos when `pos` is not in the body text.
std::size_t body_index(const Reference<text::XTextRangeCompare>& compare,
                       const std::vector<Reference<text::XTextRange>>& body,
                       const Reference<text::XTextRange>& pos)
{
    std::size_t lo = 0, hi = body.size();
    while (lo < hi)
    {
        const std::size_t mid = (lo + hi) / 2;
        if (compare->compareRegionStarts(body[mid], pos) >= 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo == 0 ? static_cast<std::size_t>(-1) : lo - 1;
}

// Where a bookmark's range starts or ends, as a body paragraph; a position in
// a table counts at the table's anchor.
std::size_t locate_in_body(const Reference<text::XText>& body_text,
                           const Reference<text::XTextRangeCompare>& compare,
                           const std::vector<Reference<text::XTextRange>>& body,
                           const Reference<text::XTextRange>& pos)
{
    if (Reference<text::XText>(pos->getText()) == body_text)
        return body_index(compare, body, pos);
    Reference<beans::XPropertySet> props(pos->getText()->createTextCursorByRange(pos), UNO_QUERY);
    Reference<text::XTextContent> table;
    if (props.is() && props->getPropertySetInfo()->hasPropertyByName("TextTable"))
        props->getPropertyValue("TextTable") >>= table;
    if (!table.is())
        return static_cast<std::size_t>(-1);
    return body_index(compare, body, table->getAnchor());
}

// The scrqm_ tag bookmarks among `names`, each placed by `locate` (a
// position -> its body paragraph). A tag whose placing throws `Skip` is
// outside the body (a header or a frame holds no section's tag); any other
// exception is the caller's.
template <class Skip, class Locate>
void add_tags(const Reference<container::XNameAccess>& bookmarks,
              const uno::Sequence<OUString>& names, std::size_t body_size, Locate locate,
              Document& doc)
{
    for (const OUString& name : names)
    {
        std::optional<Tag> tag = parse_tag_name(to_utf8(name));
        if (!tag)
            continue;
        try
        {
            Reference<text::XTextContent> bm(bookmarks->getByName(name), UNO_QUERY_THROW);
            const Reference<text::XTextRange> anchor = bm->getAnchor();
            tag->paragraph = locate(anchor->getStart());
            tag->last = locate(anchor->getEnd());
            if (tag->paragraph < body_size)
                doc.tags.push_back(std::move(*tag));
        }
        catch (const Skip&)
        {
        }
    }
}

// What the sidebar needs, read lean: body paragraphs with their heading
// level, scrqm_ bookmarks and question states.
// The full reader also walks text portions, notes, frames, headers and
// comments for the checks, which costs seconds on a 300-page report.
// The lean read without a call per paragraph (read_outline_body): only the
// headings get a range in `body`; tags are placed from their bookmarks'
// anchors with a few calls each. False when that read is not sure of the
// document.
bool read_lean_by_outline(const XModelRef& model, Document& doc,
                          std::vector<Reference<text::XTextRange>>& body, LeanKeep* keep)
{
    std::optional<OutlineBody> outline;
    try
    {
        // Read first: a change between the two reads can only make the kept
        // names differ from the next ones, which means a full read then.
        // Not on a model with no view (the command line's): asking it for
        // its links crashes Writer, and read_outline_body gives up there.
        std::vector<OUString> headings;
        if (keep && model->getCurrentController().is())
            headings = outline_names(model);
        outline = read_outline_body(model);
        if (!outline)
            return false;
        const std::size_t none = static_cast<std::size_t>(-1);
        // Line -> body paragraph; a table's line -> the paragraph before it.
        std::vector<std::size_t> paragraph_of(outline->lines.size(), none);
        std::size_t count = 0;
        for (std::size_t i = 0; i < outline->lines.size(); ++i)
        {
            if (outline->table[i] >= 0)
            {
                paragraph_of[i] = count == 0 ? none : count - 1;
                continue;
            }
            paragraph_of[i] = count++;
            doc.add(Where::Body, to_utf8(outline->lines[i]), outline->levels[i]);
        }
        body.assign(count, Reference<text::XTextRange>());
        for (const auto& [line, range] : outline->headings)
            body.at(paragraph_of[line]) = range;
        Reference<text::XTextRangeCompare> compare(
            Reference<text::XTextDocument>(model, UNO_QUERY_THROW)->getText(), UNO_QUERY_THROW);
        auto locate = [&](const Reference<text::XTextRange>& pos)
        {
            compare->compareRegionStarts(pos, pos); // throws outside the body
            const std::size_t line = outline->line_of(model, pos);
            return line < paragraph_of.size() ? paragraph_of[line] : none;
        };
        Reference<container::XNameAccess> bookmarks = bookmarks_of(model);
        const uno::Sequence<OUString> names = bookmarks->getElementNames();
        add_tags<lang::IllegalArgumentException>(bookmarks, names, body.size(), locate, doc);
        if (keep)
        {
            keep->headings = std::move(headings);
            keep->tag_names = tag_bookmark_names(names);
            keep->tables = table_count(model);
            keep->paragraph_of = std::move(paragraph_of);
            for (std::size_t i = 0; i < outline->lines.size(); ++i)
                if (outline->table[i] >= 0)
                    keep->paragraph_of[i] = none;
            rtl::OUStringBuffer text;
            for (std::size_t i = 0; i < outline->lines.size(); ++i)
            {
                if (i)
                    text.append("\n"); // (u'\n' would append the number 10)
                keep->starts.push_back(text.getLength());
                text.append(outline->lines[i]);
            }
            keep->text = text.makeStringAndClear();
            keep->valid = true;
        }
        return true;
    }
    catch (const uno::Exception&)
    {
        return false; // the enumeration below reads it, or says what is wrong
    }
}

Document read_lean(const XModelRef& model, const std::string& file,
                   std::vector<Reference<text::XTextRange>>& body, LeanRead how, bool* by_outline,
                   LeanKeep* keep = nullptr)
{
    if (keep)
        *keep = LeanKeep();
    Reference<text::XTextDocument> text_doc(model, UNO_QUERY);
    if (!text_doc.is())
        throw std::invalid_argument("not a text document: scrqm works on Writer documents");
    Document doc;
    doc.file = file;
    const bool outline =
        how != LeanRead::Enumeration && read_lean_by_outline(model, doc, body, keep);
    if (by_outline)
        *by_outline = outline;
    if (keep && !outline)
        *keep = LeanKeep();
    if (outline)
    {
        std::sort(doc.tags.begin(), doc.tags.end(),
                  [](const Tag& a, const Tag& b) { return a.paragraph < b.paragraph; });
        read_document_properties(model, doc);
        return doc;
    }
    doc = Document();
    doc.file = file;
    body.clear();
    const Reference<text::XText> text = text_doc->getText();
    Reference<container::XEnumerationAccess> access(text, UNO_QUERY_THROW);
    Reference<container::XEnumeration> items = access->createEnumeration();
    const OUString outline_level("OutlineLevel");
    while (items->hasMoreElements())
    {
        const uno::Any item = items->nextElement();
        // Tables are skipped: reading every cell through UNO doubles the
        // time on a long report, and a section's heading and prose carry
        // its cues. Their anchor paragraph still counts for tags.
        Reference<text::XTextTable> table(item, UNO_QUERY);
        if (table.is())
            continue;
        Reference<text::XTextRange> range(item, UNO_QUERY);
        Reference<beans::XPropertySet> props(item, UNO_QUERY);
        if (!range.is())
            continue;
        std::string s = to_utf8(range->getString());
        sal_Int16 level = 0;
        // An empty paragraph is no heading: no need to ask its level.
        if (props.is() && s.find_first_not_of(" \t\u00a0") != std::string::npos)
            props->getPropertyValue(outline_level) >>= level;
        doc.add(Where::Body, std::move(s), level);
        body.push_back(range);
    }

    Reference<text::XTextRangeCompare> compare(text, UNO_QUERY_THROW);
    Reference<container::XNameAccess> bookmarks = bookmarks_of(model);
    const uno::Sequence<OUString> names = bookmarks->getElementNames();
    add_tags<uno::Exception>(
        bookmarks, names, body.size(),
        [&](const Reference<text::XTextRange>& pos)
        { return locate_in_body(text, compare, body, pos); },
        doc);
    std::sort(doc.tags.begin(), doc.tags.end(),
              [](const Tag& a, const Tag& b) { return a.paragraph < b.paragraph; });
    read_document_properties(model, doc);
    return doc;
}

} // namespace

Document read_lean_model(const XModelRef& model, const std::string& file, LeanRead how,
                         bool* by_outline)
{
    std::vector<Reference<text::XTextRange>> body;
    return read_lean(model, file, body, how, by_outline);
}

DocumentState read_state(const XModelRef& model, const std::string& file,
                         const std::string& framework, SuggestCache* cache)
{
    DocumentState st;
    st.doc = read_lean(model, file, st.body, LeanRead::Auto, nullptr, &st.keep);
    st.framework = framework_for(st.doc, framework);
    st.kind = describe_kind(detect_kind(st.doc), "");
    st.analysis = analyse(st.doc, framework_catalogue(st.framework),
                          framework_suggester(st.framework), cache);
    return st;
}

std::size_t cursor_section(const XModelRef& model, const DocumentState& state)
{
    const auto& sections = state.analysis.sections;
    const std::size_t none = static_cast<std::size_t>(-1);
    if (sections.empty())
        return none;
    Reference<text::XTextViewCursorSupplier> vcs(model->getCurrentController(), UNO_QUERY);
    Reference<text::XTextDocument> text_doc(model, UNO_QUERY);
    if (!vcs.is() || !text_doc.is())
        return none;
    Reference<text::XTextRange> cursor(vcs->getViewCursor(), UNO_QUERY);
    Reference<text::XTextRangeCompare> compare(text_doc->getText(), UNO_QUERY);
    if (!cursor.is() || !compare.is())
        return none;
    try
    {
        const Reference<text::XTextRange> at = cursor->getStart();
        return last_section_before(sections,
                                   [&](const Section& s)
                                   {
                                       const auto& heading = state.body.at(s.paragraph);
                                       return heading.is() &&
                                              compare->compareRegionStarts(heading, at) >= 0;
                                   });
    }
    catch (const uno::Exception&)
    {
        return none; // the cursor is outside the body text (a frame, a note)
    }
}

TagMode tag_mode_from_string(const std::string& mode)
{
    if (mode.empty() || mode == "add")
        return TagMode::Add;
    if (mode == "remove")
        return TagMode::Remove;
    if (mode == "set")
        return TagMode::Set;
    throw std::invalid_argument("unknown Mode \"" + mode + "\" (one of: add, remove, set)");
}

std::string tag_section(const XModelRef& model, const std::string& framework, std::size_t index,
                        const std::vector<std::string>& markers, TagMode mode)
{
    const DocumentState st = read_state(model, to_utf8(model->getURL()), framework);
    const auto& sections = st.analysis.sections;
    if (index >= sections.size())
        throw std::invalid_argument("Section " + std::to_string(index) + " does not exist");
    const Section& section = sections[index];
    std::vector<std::string> add, remove_names, removed;
    for (const std::string& m : markers)
        if (mode != TagMode::Remove &&
            std::find(section.markers.begin(), section.markers.end(), m) == section.markers.end())
            add.push_back(m);
    for (const Tag& t : st.doc.tags)
    {
        if (t.passage || section_of(sections, t.paragraph) != index)
            continue;
        const bool listed = std::find(markers.begin(), markers.end(), t.marker) != markers.end();
        if ((mode == TagMode::Remove && listed) || (mode == TagMode::Set && !listed))
        {
            remove_names.push_back(t.bookmark);
            if (std::find(removed.begin(), removed.end(), t.marker) == removed.end())
                removed.push_back(t.marker);
        }
    }
    if (!add.empty() || !remove_names.empty())
    {
        const Reference<text::XTextRange>& start = st.body.at(section.paragraph);
        if (!start.is())
            throw std::runtime_error("the section's heading cannot be found in the document");
        // The whole heading paragraph (the read may keep only its start).
        Reference<text::XTextCursor> heading =
            start->getText()->createTextCursorByRange(start->getStart());
        Reference<text::XParagraphCursor>(heading, UNO_QUERY_THROW)->gotoEndOfParagraph(true);
        const std::string title = add.empty()       ? "Untag section from " + join(removed, ", ")
                                  : removed.empty() ? "Tag section to " + join(add, ", ")
                                                    : "Retag section to " + join(markers, ", ");
        UndoContext undo(model, title);
        Reference<container::XNameAccess> bookmarks = bookmarks_of(model);
        for (const std::string& name : remove_names)
            remove_bookmark(bookmarks, name);
        std::set<std::string> taken = bookmark_names(bookmarks);
        for (const std::string& m : add)
        {
            const std::string name = make_tag_name(false, m, taken);
            taken.insert(name);
            insert_bookmark(model, Reference<text::XTextRange>(heading, UNO_QUERY_THROW), name);
        }
    }
    const DocumentState after = read_state(model, to_utf8(model->getURL()), framework);
    JsonWriter w;
    w.begin_object().member("action", "tag");
    write_section(w, after.analysis.sections, std::min(index, after.analysis.sections.size() - 1));
    w.key("added").begin_array();
    for (const auto& m : add)
        w.value(m);
    w.end_array().key("removed").begin_array();
    for (const auto& m : removed)
        w.value(m);
    w.end_array().end_object();
    return w.take();
}

std::string tag_selection(const XModelRef& model, const std::string& framework,
                          const std::vector<std::string>& markers, TagMode mode)
{
    if (mode == TagMode::Set)
        throw std::invalid_argument("Mode set is for sections; use add or remove for a passage");
    Reference<view::XSelectionSupplier> supplier(model->getCurrentController(), UNO_QUERY);
    Reference<container::XIndexAccess> ranges(supplier.is() ? supplier->getSelection() : uno::Any(),
                                              UNO_QUERY);
    Reference<text::XTextRange> selection;
    if (ranges.is() && ranges->getCount() > 0)
        selection.set(ranges->getByIndex(0), UNO_QUERY);
    if (!selection.is())
        throw std::invalid_argument("select the passage in the text first");
    (void)framework;
    Reference<container::XNameAccess> bookmarks = bookmarks_of(model);
    std::vector<std::string> changed;
    if (mode == TagMode::Add)
    {
        if (selection->getString().isEmpty())
            throw std::invalid_argument("select the passage to tag first");
        UndoContext undo(model, "Tag passage to " + join(markers, ", "));
        std::set<std::string> taken = bookmark_names(bookmarks);
        for (const std::string& m : markers)
        {
            const std::string name = make_tag_name(true, m, taken);
            taken.insert(name);
            insert_bookmark(model, selection, name);
            changed.push_back(name);
        }
    }
    else
    {
        // Passage tags of these markers that touch the selection (or hold
        // the cursor).
        Reference<text::XTextRangeCompare> compare(selection->getText(), UNO_QUERY);
        std::vector<std::string> names;
        for (const std::string& name : bookmark_names(bookmarks))
        {
            const auto tag = parse_tag_name(name);
            if (!tag || !tag->passage ||
                std::find(markers.begin(), markers.end(), tag->marker) == markers.end())
                continue;
            Reference<text::XTextContent> bm(bookmarks->getByName(to_ou(name)), UNO_QUERY);
            try
            {
                const Reference<text::XTextRange> a = bm->getAnchor();
                const bool before =
                    compare->compareRegionStarts(a->getEnd(), selection->getStart()) == 1;
                const bool after =
                    compare->compareRegionStarts(selection->getEnd(), a->getStart()) == 1;
                if (!before && !after)
                    names.push_back(name);
            }
            catch (const uno::Exception&)
            {
                // in another text (a table cell, a frame): not this selection
            }
        }
        if (!names.empty())
        {
            UndoContext undo(model, "Untag passage from " + join(markers, ", "));
            for (const std::string& name : names)
                remove_bookmark(bookmarks, name);
        }
        changed = names;
    }
    JsonWriter w;
    w.begin_object().member("action", "tag").member("passage", true);
    w.key(mode == TagMode::Add ? "added" : "removed").begin_array();
    for (const auto& n : changed)
        w.value(n);
    w.end_array().end_object();
    return w.take();
}

std::string set_question(const XModelRef& model, const std::string& framework,
                         const std::string& marker, int question, QuestionState state,
                         const std::string& note)
{
    const Marker* m = framework_catalogue(framework).find(marker);
    if (!m)
        throw std::invalid_argument("unknown Marker \"" + marker + "\"");
    if (question < 1 || static_cast<std::size_t>(question) > m->questions.size())
        throw std::invalid_argument("Question must be 1.." + std::to_string(m->questions.size()) +
                                    " for " + marker);
    Reference<document::XDocumentPropertiesSupplier> dps(model, UNO_QUERY_THROW);
    Reference<document::XDocumentProperties> props = dps->getDocumentProperties();
    const OUString name = to_ou(question_property_name(marker));
    Reference<beans::XPropertySet> user(props->getUserDefinedProperties(), UNO_QUERY_THROW);
    OUString before;
    if (user->getPropertySetInfo()->hasPropertyByName(name))
        user->getPropertyValue(name) >>= before;
    std::map<int, QuestionNote> states;
    try
    {
        states = parse_question_states(to_utf8(before), marker, m->questions.size());
    }
    catch (const DataError&)
    {
        // An unreadable value is replaced; the old one stays in undo.
    }
    states[question] = QuestionNote{state, clean_note(note)};
    const OUString after = to_ou(format_question_states(states));
    if (after != before)
    {
        const OUString title = to_ou("Question " + std::to_string(question) + " of " + marker +
                                     ": " + to_string(state));
        PropertyUndo::set(props, name, after);
        Reference<document::XUndoManagerSupplier> us(model, UNO_QUERY);
        if (us.is())
            us->getUndoManager()->addUndoAction(
                new PropertyUndo(props, name, before, after, title));
    }
    JsonWriter w;
    w.begin_object()
        .member("action", "question")
        .member("marker", marker)
        .member("question", question)
        .member("state", to_string(state))
        .member("note", states[question].note)
        .member("stored", to_utf8(after))
        .end_object();
    return w.take();
}

void goto_section(const XModelRef& model, const DocumentState& state, std::size_t index)
{
    const auto& sections = state.analysis.sections;
    if (index >= sections.size())
        return;
    const Reference<text::XTextRange>& heading = state.body.at(sections[index].paragraph);
    Reference<text::XTextViewCursorSupplier> vcs(model->getCurrentController(), UNO_QUERY);
    if (!heading.is() || !vcs.is())
        return;
    vcs->getViewCursor()->gotoRange(heading->getStart(), false);
}

} // namespace scrqm::lo
