// The walk that reads a Writer document into the core model: one Reader
// per read. Its members are defined in reader.cxx (texts, tables, frames),
// reader_body.cxx (the fast body walks) and reader_parts.cxx (portions,
// fields, properties, object names).
#pragma once

#include "reader.hxx"

#include <algorithm>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertySetInfo.hpp>
#include <com/sun/star/container/XContentEnumerationAccess.hpp>
#include <com/sun/star/container/XEnumeration.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/document/XDocumentProperties.hpp>
#include <com/sun/star/document/XDocumentPropertiesSupplier.hpp>
#include <com/sun/star/document/XLinkTargetSupplier.hpp>
#include <com/sun/star/document/XRedlinesSupplier.hpp>
#include <com/sun/star/drawing/XDrawPageSupplier.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/style/XStyleFamiliesSupplier.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/text/XBookmarksSupplier.hpp>
#include <com/sun/star/text/XEndnotesSupplier.hpp>
#include <com/sun/star/text/XFootnote.hpp>
#include <com/sun/star/text/XFootnotesSupplier.hpp>
#include <com/sun/star/text/XParagraphCursor.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextCursor.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/text/XTextEmbeddedObjectsSupplier.hpp>
#include <com/sun/star/text/XTextField.hpp>
#include <com/sun/star/text/XTextFieldsSupplier.hpp>
#include <com/sun/star/text/XTextFrame.hpp>
#include <com/sun/star/text/XTextFramesSupplier.hpp>
#include <com/sun/star/text/XTextGraphicObjectsSupplier.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/text/XTextRangeCompare.hpp>
#include <com/sun/star/text/XTextSectionsSupplier.hpp>
#include <com/sun/star/text/XTextTable.hpp>
#include <com/sun/star/text/XTextTablesSupplier.hpp>
#include <com/sun/star/util/DateTime.hpp>
#include <com/sun/star/util/XPropertyReplace.hpp>
#include <com/sun/star/util/XSearchable.hpp>
#include <map>
#include <optional>
#include <scrqm/tags.hxx>
#include <set>
#include <unordered_set>
#include <vector>

using namespace com::sun::star;
using com::sun::star::uno::Reference;
using com::sun::star::uno::UNO_QUERY;
using com::sun::star::uno::UNO_QUERY_THROW;
using rtl::OUString;

namespace scrqm::lo::detail
{

// A header's or footer's text of a page style, with where it is shown.
struct PageStyleText
{
    Where where;           // Header or Footer
    std::string container; // "page style Standard (Left)"
    std::string style;
    Reference<text::XText> text;
};

// The header and footer texts of every page style that has them on (left
// and first-page texts only where they are not shared).
std::vector<PageStyleText> page_style_texts(const Reference<frame::XModel>& model);

// The texts of the draw page's shapes that are not text frames (what .docx
// text boxes become), with their names.
std::vector<std::pair<std::string, Reference<text::XText>>>
shape_texts(const Reference<frame::XModel>& model);

class Reader
{
public:
    Reader(Document& doc, std::vector<Reference<uno::XInterface>>* sources)
        : doc_(doc), sources_(sources)
    {
    }

    // Adds a paragraph and remembers where it came from.
    void add(Where where, std::string text, int level, const std::string& container,
             const Reference<uno::XInterface>& source);

    const ReadProgress* progress_ = nullptr; // read_document's, when given

    // Records a hidden-data item (see HiddenItem in model.hxx).
    void hidden(const char* kind, Where where, std::size_t paragraph, std::string container,
                std::string name, std::string text, bool fixable = false, std::size_t start = 0,
                std::size_t end = 0);

    // Walks `text` and records it as a hidden-data item of `kind` when the
    // walk added paragraphs with content.
    void walk_container(const char* kind, const Reference<text::XText>& text, Where where,
                        const std::string& container, const std::string& name);

    // Walks a text (body, cell, note, header, frame) in reading order.
    void walk_text(const Reference<text::XText>& text, Where where, const std::string& container);

    void walk_frames_anywhere(const Reference<frame::XModel>& model);

    // Text boxes that are drawing shapes (what .docx text boxes become) are
    // not text frames: read them from the draw page.
    void walk_shapes(const Reference<frame::XModel>& model);

    void walk_notes(const Reference<container::XIndexAccess>& notes, Where where);

    void walk_page_styles(const Reference<frame::XModel>& model);

    // Names people give to bookmarks and images, and image descriptions,
    // travel with the file and can carry a real name.
    void read_object_names(const Reference<frame::XModel>& model);

    void read_embedded_objects(const Reference<frame::XModel>& model);

    void read_properties(const Reference<frame::XModel>& model);

    // Identifiers where the page does not show them (reader_hidden.cxx):
    // links' targets, hidden fields' values and conditions, comment and
    // tracked-change authors, custom XML parts.
    void read_hidden_places(const Reference<frame::XModel>& model);

private:
    void read_link_targets(const Reference<frame::XModel>& model);
    void collect_links(const Reference<text::XText>& text,
                       std::vector<std::pair<OUString, OUString>>& links, std::set<OUString>& seen);
    void read_authors(const Reference<frame::XModel>& model);
    void read_custom_xml(const Reference<frame::XModel>& model);

    // The reviewer's notes are typed text and are checked like any other
    // property; the encoded states around them are not.
    void add_question_states(const std::string& marker, const std::string& value);

    void add_property(const std::string& name, const OUString& value);

    void walk_table(const Reference<text::XTextTable>& table, const std::string& outer);

    void walk_paragraph(const Reference<lang::XServiceInfo>& info, Where where,
                        const std::string& container);

public:
    // The body without a call per paragraph (read_outline_body), when it
    // holds nothing that only the portion or paragraph walks find (frames,
    // portion data). Notes and comments anchored in the body's paragraphs
    // are placed (place_anchored) and read after their paragraph, in the
    // order the portion walk meets them; those in tables are read by the
    // table walk, as in the full walk.
    bool walk_body_by_outline(const Reference<frame::XModel>& model);

    // The bookmarks starting in the paragraph of `pos`, in portion order.
    static std::vector<std::string> bookmark_order(const Reference<text::XTextRange>& pos);

    // A footnote, endnote or comment anchored in a body paragraph.
    struct Anchored
    {
        Reference<text::XTextRange> start;
        Reference<text::XFootnote> note;
        Reference<beans::XPropertySet> comment;
        std::size_t line = 0;
    };

    // The body line of every note and comment anchored in the body's own
    // paragraphs, in document order. Sorted by their anchors, then one
    // getString from each anchor to the next counts the paragraph ends in
    // between (the body's getString, of which `body.lines` are cut, reads
    // tables' cells too; so does a range over them). The text at each anchor
    // is checked (a note's label stands there). False on any doubt.
    bool place_anchored(const Reference<frame::XModel>& model, const OutlineBody& body,
                        std::vector<Anchored>& out);

    static bool blank(const OUString& s);

    bool portion_data(const Reference<frame::XModel>& model);

    // The body through one text cursor. Writer's paragraph enumeration costs
    // more per paragraph the longer the document (measured on a 4,845-
    // paragraph report: 2.3 s for half of it, 5.8 s for all, doing nothing
    // else), a cursor moving paragraph by paragraph does not. The cursor
    // skips tables: each top-level table is walked before the first
    // paragraph that follows its anchor. Returns false when the document is
    // not one this walk handles (it starts inside a table, a comparison
    // fails); the caller then starts again with the enumeration.
    bool walk_body_by_cursor(const Reference<text::XText>& body,
                             const Reference<frame::XModel>& model);

    // True when the body may hold what only a portion walk finds: tracked
    // changes, fields in the body's own paragraphs that record something
    // (placeholders, author and file-name fields, hidden-text fields: see
    // portion_field), text sections, scrqm_ tag bookmarks, hidden
    // (CharHidden) text. Notes and comments are not: they are placed.
    bool has_portion_data(const Reference<frame::XModel>& model, bool tags = true);

    // The document's fields, enumerated once per read (three uses), each
    // asked its services once.
    struct Field
    {
        Reference<lang::XServiceInfo> field;
        bool annotation = false; // a comment
        // The portion walk records something for it (read_field,
        // add_placeholder); the others (page numbers, dates, cross-
        // references...) only give the paragraph's text, which getString
        // has too.
        bool recorded = false;
    };

    const std::vector<Field>& fields(const Reference<frame::XModel>& model);

    // Counts what the per-paragraph walks look for (notes, comments, text
    // frames), so that a paragraph walk can skip them once all are found.
    void plan(const Reference<frame::XModel>& model);

private:
    // Footnotes, endnotes and comments are read where they are anchored, so
    // that they follow their paragraph in reading order.
    // Also records the paragraph's hidden data: tracked changes, hidden text,
    // fields that show an author or a file name (`where`/`index`: the
    // paragraph; offsets in code points), and its template placeholders.
    void walk_portions(const Reference<lang::XServiceInfo>& paragraph, Where where,
                       std::size_t index, const std::string& container);

    // A footnote or endnote where it is anchored (the portion walk meets it,
    // or the outline read places it).
    void walk_note(const Reference<text::XFootnote>& note);

    void read_comment(const Reference<beans::XPropertySet>& field);

    // A text section that is hidden (Format > Sections > Hide), recorded at
    // its first paragraph.
    void hidden_section(const Reference<beans::XPropertySet>& paragraph, Where where,
                        std::size_t index, const std::string& container);

    static std::size_t code_points(const OUString& s);

    // Fields that fill in an author or a file name, and conditional hidden
    // text and paragraphs.
    void read_field(const Reference<lang::XServiceInfo>& field, Where where, std::size_t index,
                    const std::string& container, std::size_t start, std::size_t end);

    static std::string where_name(Where where, const std::string& container);

    // A placeholder field shows as "<text>" in the paragraph's string (an
    // input field as its content): its span is recorded so that checks can
    // tell guidance from written text.
    void add_placeholder(std::size_t self, const Reference<beans::XPropertySet>& field, bool jump,
                         std::size_t& from);

    void read_tag(const Reference<beans::XPropertySet>& portion, std::size_t here);

    void add_comment(const Reference<beans::XPropertySet>& field);

    // Frames anchored to this paragraph.
    void walk_anchored(const Reference<lang::XServiceInfo>& paragraph);

    // Writer hands out UNO wrappers on demand: identity is only stable while
    // a reference is held, so the references are kept, not just addresses.
    template <typename T> bool first_visit(const Reference<T>& object)
    {
        Reference<uno::XInterface> id(object, UNO_QUERY);
        if (!id.is() || !seen_.insert(id.get()).second)
            return false;
        keep_.push_back(id);
        return true;
    }

    Document& doc_;
    std::vector<Reference<uno::XInterface>>* sources_;
    std::set<const void*> seen_;
    std::vector<Reference<uno::XInterface>> keep_;
    std::size_t note_count_[2] = {};
    std::map<std::string, std::size_t> open_tags_; // bookmark name -> index in doc_.tags
    std::size_t portion_items_left_ = static_cast<std::size_t>(-1);
    bool has_frames_ = true;
    std::size_t added_ = 0;
    std::optional<bool> portion_data_;
    std::optional<std::vector<Field>> fields_;
};

} // namespace scrqm::lo::detail
