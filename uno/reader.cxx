#include "reader.hxx"

#include "convert.hxx"

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
#include <com/sun/star/drawing/XDrawPageSupplier.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
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
#include <com/sun/star/text/XTextField.hpp>
#include <com/sun/star/text/XTextFieldsSupplier.hpp>
#include <com/sun/star/text/XTextFrame.hpp>
#include <com/sun/star/text/XTextFramesSupplier.hpp>
#include <com/sun/star/text/XTextGraphicObjectsSupplier.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/text/XTextRangeCompare.hpp>
#include <com/sun/star/text/XTextTable.hpp>
#include <com/sun/star/text/XTextTablesSupplier.hpp>
#include <com/sun/star/util/DateTime.hpp>

#include <algorithm>
#include <set>
#include <vector>

using namespace com::sun::star;
using com::sun::star::uno::Reference;
using com::sun::star::uno::UNO_QUERY;
using com::sun::star::uno::UNO_QUERY_THROW;
using rtl::OUString;

namespace scrqm::lo
{

namespace
{

class Reader
{
public:
    Reader(Document& doc, std::vector<Reference<uno::XInterface>>* sources)
        : doc_(doc), sources_(sources)
    {
    }

    // Adds a paragraph and remembers where it came from.
    void add(Where where, std::string text, int level, const std::string& container,
             const Reference<uno::XInterface>& source)
    {
        doc_.add(where, std::move(text), level, container);
        if (sources_)
            sources_->push_back(source);
    }

    // Walks a text (body, cell, note, header, frame) in reading order.
    void walk_text(const Reference<text::XText>& text, Where where, const std::string& container)
    {
        Reference<container::XEnumerationAccess> access(text, UNO_QUERY);
        if (!access.is())
            return;
        if (!first_visit(text))
            return; // a frame seen from its anchor, a note seen from its portion
        Reference<container::XEnumeration> items = access->createEnumeration();
        while (items->hasMoreElements())
        {
            Reference<lang::XServiceInfo> info(items->nextElement(), UNO_QUERY);
            if (!info.is())
                continue;
            if (info->supportsService("com.sun.star.text.TextTable"))
                walk_table(Reference<text::XTextTable>(info, UNO_QUERY), container);
            else if (info->supportsService("com.sun.star.text.Paragraph"))
                walk_paragraph(info, where, container);
        }
    }

    void walk_frames_anywhere(const Reference<frame::XModel>& model)
    {
        Reference<text::XTextFramesSupplier> supplier(model, UNO_QUERY);
        if (!supplier.is())
            return;
        Reference<container::XNameAccess> frames = supplier->getTextFrames();
        const uno::Sequence<OUString> names = frames->getElementNames();
        for (sal_Int32 i = 0; i < names.getLength(); ++i)
        {
            Reference<text::XText> text(frames->getByName(names[i]), UNO_QUERY);
            walk_text(text, Where::Frame, "frame " + to_utf8(names[i]));
        }
    }

    // Text boxes that are drawing shapes (what .docx text boxes become) are
    // not text frames: read them from the draw page.
    void walk_shapes(const Reference<frame::XModel>& model)
    {
        Reference<drawing::XDrawPageSupplier> supplier(model, UNO_QUERY);
        if (!supplier.is())
            return;
// Writer has exactly one draw page; the IDL marks the accessor deprecated in
// favour of a newer one that 7.4 does not have for text documents.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
        Reference<container::XIndexAccess> shapes(supplier->getDrawPage(), UNO_QUERY);
#pragma GCC diagnostic pop
        if (!shapes.is())
            return;
        for (sal_Int32 i = 0; i < shapes->getCount(); ++i)
        {
            Reference<lang::XServiceInfo> info(shapes->getByIndex(i), UNO_QUERY);
            if (!info.is() || info->supportsService("com.sun.star.text.TextFrame"))
                continue; // frames were read with their anchor paragraph
            Reference<text::XText> text(info, UNO_QUERY);
            if (!text.is() || text->getString().isEmpty())
                continue;
            Reference<container::XNamed> named(info, UNO_QUERY);
            const std::string name = named.is() ? to_utf8(named->getName()) : std::string();
            walk_text(text, Where::Frame, "shape " + name);
        }
    }

    void walk_notes(const Reference<container::XIndexAccess>& notes, Where where)
    {
        if (!notes.is())
            return;
        for (sal_Int32 i = 0; i < notes->getCount(); ++i)
        {
            Reference<text::XText> text(notes->getByIndex(i), UNO_QUERY);
            walk_text(text, where, std::string(to_string(where)) + " " + std::to_string(i + 1));
        }
    }

    void walk_page_styles(const Reference<frame::XModel>& model)
    {
        Reference<style::XStyleFamiliesSupplier> supplier(model, UNO_QUERY);
        if (!supplier.is())
            return;
        Reference<container::XNameAccess> styles(
            supplier->getStyleFamilies()->getByName("PageStyles"), UNO_QUERY);
        const uno::Sequence<OUString> names = styles->getElementNames();
        for (sal_Int32 i = 0; i < names.getLength(); ++i)
        {
            Reference<beans::XPropertySet> props(styles->getByName(names[i]), UNO_QUERY);
            if (!props.is())
                continue;
            const std::string style = to_utf8(names[i]);
            for (const char* kind : {"Header", "Footer"})
            {
                const OUString k = OUString::createFromAscii(kind);
                bool on = false;
                props->getPropertyValue(k + "IsOn") >>= on;
                if (!on)
                    continue;
                const Where where = kind[0] == 'H' ? Where::Header : Where::Footer;
                Reference<beans::XPropertySetInfo> psi = props->getPropertySetInfo();
                // Left and first-page texts are separate only when not shared.
                auto shared = [&](const OUString& name)
                {
                    bool value = true;
                    if (psi->hasPropertyByName(name))
                        props->getPropertyValue(name) >>= value;
                    return value;
                };
                const bool left_shared = shared(k + "IsShared");
                const bool first_shared = shared(k + "FirstIsShared") && shared("FirstIsShared");
                for (const char* variant : {"", "Left", "First"})
                {
                    if ((variant[0] == 'L' && left_shared) || (variant[0] == 'F' && first_shared))
                        continue;
                    const OUString prop = k + "Text" + OUString::createFromAscii(variant);
                    if (!psi->hasPropertyByName(prop))
                        continue;
                    Reference<text::XText> text(props->getPropertyValue(prop), UNO_QUERY);
                    std::string container = "page style " + style;
                    if (*variant)
                        container += std::string(" (") + variant + ")";
                    walk_text(text, where, container);
                }
            }
        }
    }

    // Names people give to bookmarks and images, and image descriptions,
    // travel with the file and can carry a real name.
    void read_object_names(const Reference<frame::XModel>& model)
    {
        Reference<text::XBookmarksSupplier> bookmarks(model, UNO_QUERY);
        if (bookmarks.is())
        {
            const uno::Sequence<OUString> names = bookmarks->getBookmarks()->getElementNames();
            for (sal_Int32 i = 0; i < names.getLength(); ++i)
                if (!names[i].startsWith("_")) // Word's hidden _Toc/_Ref marks
                    add(Where::Property, to_utf8(names[i]), 0, "bookmark name", {});
        }
        Reference<text::XTextGraphicObjectsSupplier> graphics(model, UNO_QUERY);
        if (!graphics.is())
            return;
        Reference<container::XNameAccess> images = graphics->getGraphicObjects();
        const uno::Sequence<OUString> names = images->getElementNames();
        for (sal_Int32 i = 0; i < names.getLength(); ++i)
        {
            const std::string name = to_utf8(names[i]);
            add(Where::Property, name, 0, "image name", {});
            Reference<beans::XPropertySet> props(images->getByName(names[i]), UNO_QUERY);
            for (const char* p : {"Title", "Description"})
            {
                OUString value;
                if (props.is() &&
                    (props->getPropertyValue(OUString::createFromAscii(p)) >>= value) &&
                    !value.isEmpty())
                    add(Where::Property, to_utf8(value), 0,
                        "image " + name + " " + (p[0] == 'T' ? "title" : "description"), {});
            }
        }
    }

    void read_properties(const Reference<frame::XModel>& model)
    {
        Reference<document::XDocumentPropertiesSupplier> supplier(model, UNO_QUERY);
        if (!supplier.is())
            return;
        Reference<document::XDocumentProperties> dp = supplier->getDocumentProperties();
        add_property("title", dp->getTitle());
        add_property("subject", dp->getSubject());
        add_property("description", dp->getDescription());
        add_property("author", dp->getAuthor());
        add_property("modified-by", dp->getModifiedBy());
        add_property("template", dp->getTemplateName());
        const uno::Sequence<OUString> keywords = dp->getKeywords();
        OUString joined;
        for (sal_Int32 i = 0; i < keywords.getLength(); ++i)
            joined += (i ? OUString(", ") : OUString()) + keywords[i];
        add_property("keywords", joined);

        Reference<beans::XPropertySet> user(dp->getUserDefinedProperties(), UNO_QUERY);
        if (!user.is())
            return;
        const uno::Sequence<beans::Property> all = user->getPropertySetInfo()->getProperties();
        for (sal_Int32 i = 0; i < all.getLength(); ++i)
        {
            const uno::Any value = user->getPropertyValue(all[i].Name);
            OUString s;
            double d = 0;
            bool b = false;
            util::DateTime dt;
            if (value >>= s)
                ;
            else if (value >>= d)
                s = OUString::number(d);
            else if (value >>= b)
                s = b ? OUString("true") : OUString("false");
            else if (value >>= dt)
                s = OUString::number(dt.Year) + "-" + OUString::number(dt.Month) + "-" +
                    OUString::number(dt.Day);
            add_property("custom:" + to_utf8(all[i].Name), s);
        }
    }

private:
    void add_property(const std::string& name, const OUString& value)
    {
        if (value.isEmpty())
            return;
        const std::string v = to_utf8(value);
        doc_.properties[name] = v;
        add(Where::Property, v, 0, name, {});
    }

    void walk_table(const Reference<text::XTextTable>& table, const std::string& outer)
    {
        if (!table.is())
            return;
        Reference<container::XNamed> named(table, UNO_QUERY);
        const std::string name = named.is() ? to_utf8(named->getName()) : "table";
        const uno::Sequence<OUString> cells = table->getCellNames();
        for (sal_Int32 i = 0; i < cells.getLength(); ++i)
        {
            Reference<text::XText> cell(table->getCellByName(cells[i]), UNO_QUERY);
            std::string container = name + " " + to_utf8(cells[i]);
            if (!outer.empty())
                container += " (in " + outer + ")";
            walk_text(cell, Where::Table, container);
        }
    }

    void walk_paragraph(const Reference<lang::XServiceInfo>& info, Where where,
                        const std::string& container)
    {
        Reference<text::XTextRange> range(info, UNO_QUERY);
        Reference<beans::XPropertySet> props(info, UNO_QUERY);
        std::string text = to_utf8(range->getString());
        sal_Int16 level = 0;
        if (where == Where::Body && props.is())
            props->getPropertyValue("OutlineLevel") >>= level;
        // An empty paragraph in a heading style is not a section.
        if (text.find_first_not_of(" \t\u00a0") == std::string::npos)
            level = 0;
        add(where, std::move(text), level, container, Reference<uno::XInterface>(info, UNO_QUERY));
        // Enumerating a paragraph's portions or anchored content costs more
        // than reading it: skip them when nothing is left to find there.
        if (portion_items_left_ > 0)
            walk_portions(info);
        if (has_frames_)
            walk_anchored(info);
    }

public:
    // The body through one text cursor. Writer's paragraph enumeration costs
    // more per paragraph the longer the document (measured on a 4,845-
    // paragraph report: 2.3 s for half of it, 5.8 s for all, doing nothing
    // else), a cursor moving paragraph by paragraph does not. The cursor
    // skips tables: each top-level table is walked before the first
    // paragraph that follows its anchor. Returns false when the document is
    // not one this walk handles (it starts inside a table, a comparison
    // fails); the caller then starts again with the enumeration.
    bool walk_body_by_cursor(const Reference<text::XText>& body,
                             const Reference<frame::XModel>& model)
    {
        try
        {
            Reference<text::XTextRangeCompare> compare(body, UNO_QUERY_THROW);
            struct Table
            {
                Reference<text::XTextTable> table;
                Reference<text::XTextRange> anchor;
            };
            std::vector<Table> tables;
            std::set<const void*> nested;
            std::vector<Reference<uno::XInterface>> hold; // identity lasts while held
            Reference<text::XTextTablesSupplier> supplier(model, UNO_QUERY);
            Reference<container::XIndexAccess> all(
                supplier.is() ? supplier->getTextTables() : Reference<container::XNameAccess>(),
                UNO_QUERY);
            for (sal_Int32 i = 0; all.is() && i < all->getCount(); ++i)
            {
                Reference<text::XTextTable> table(all->getByIndex(i), UNO_QUERY);
                hold.emplace_back(table, UNO_QUERY);
                const uno::Sequence<OUString> cells =
                    table.is() ? table->getCellNames() : uno::Sequence<OUString>();
                for (sal_Int32 c = 0; c < cells.getLength(); ++c)
                {
                    Reference<container::XEnumerationAccess> cell(table->getCellByName(cells[c]),
                                                                  UNO_QUERY);
                    Reference<container::XEnumeration> items =
                        cell.is() ? cell->createEnumeration()
                                  : Reference<container::XEnumeration>();
                    while (items.is() && items->hasMoreElements())
                    {
                        Reference<text::XTextTable> inner(items->nextElement(), UNO_QUERY);
                        if (inner.is())
                        {
                            hold.emplace_back(inner, UNO_QUERY);
                            nested.insert(hold.back().get());
                        }
                    }
                }
            }
            for (const Reference<uno::XInterface>& held : hold)
            {
                Reference<text::XTextTable> table(held, UNO_QUERY);
                if (!table.is())
                    continue;
                Reference<text::XTextRange> anchor = table->getAnchor();
                if (!anchor.is())
                    return false;
                // Frames, notes and headers are not comparable with the body
                // (below); tables nested in a cell are walked with their cell.
                if (nested.count(Reference<uno::XInterface>(table, UNO_QUERY).get()))
                    continue;
                try
                {
                    compare->compareRegionStarts(anchor, body->getStart());
                }
                catch (const lang::IllegalArgumentException&)
                {
                    continue; // not in the body (a header's table)
                }
                tables.push_back({table, anchor});
            }
            std::stable_sort(tables.begin(), tables.end(),
                             [&](const Table& a, const Table& b)
                             { return compare->compareRegionStarts(a.anchor, b.anchor) > 0; });

            // The text of the whole body in one call, cut at paragraph ends,
            // costs far less than a call per paragraph. It holds the
            // tables' cell paragraphs too; they are counted and skipped.
            // Checked below; any doubt (a line break inside a paragraph
            // makes more lines) and the caller reads paragraph by paragraph.
            const OUString whole = body->getString();
            std::vector<OUString> lines;
            for (sal_Int32 pos = 0;;)
            {
                const sal_Int32 nl = whole.indexOf('\n', pos);
                lines.push_back(whole.copy(pos, (nl < 0 ? whole.getLength() : nl) - pos));
                if (nl < 0)
                    break;
                pos = nl + 1;
            }
            struct Item
            {
                std::size_t slot;  // body paragraph: its place in doc_.paragraphs
                std::size_t lines; // table: its cell paragraphs
                bool table;
            };
            std::vector<Item> items;
            std::vector<std::pair<std::size_t, OUString>> checks; // slot, its own text

            Reference<text::XTextCursor> cursor = body->createTextCursor();
            Reference<text::XParagraphCursor> paragraphs(cursor, UNO_QUERY_THROW);
            Reference<beans::XPropertySet> props(cursor, UNO_QUERY_THROW);
            Reference<container::XEnumerationAccess> access(cursor, UNO_QUERY);
            cursor->gotoStart(false);
            // Moving by paragraph steps over tables, but a body starting with
            // a table puts the cursor in it.
            if (props->getPropertyValue("TextTable").hasValue())
                return false;
            std::size_t next_table = 0;
            bool after_table = true; // check the first paragraph as well
            do
            {
                // The cursor stays collapsed at the paragraph's start: it is
                // only selected when its own text or object is needed.
                while (next_table < tables.size() &&
                       compare->compareRegionStarts(tables[next_table].anchor,
                                                    Reference<text::XTextRange>(cursor.get())) > 0)
                {
                    const std::size_t before = doc_.count(Where::Table);
                    walk_table(tables[next_table++].table, std::string());
                    items.push_back({0, doc_.count(Where::Table) - before, true});
                    after_table = true;
                }
                sal_Int16 level = 0;
                props->getPropertyValue("OutlineLevel") >>= level;
                const std::size_t slot = doc_.paragraphs.size();
                if (after_table)
                {
                    paragraphs->gotoEndOfParagraph(true);
                    checks.emplace_back(slot, cursor->getString());
                    cursor->collapseToStart();
                }
                after_table = false;
                add(Where::Body, std::string(), level, std::string(), {});
                items.push_back({slot, 0, false});
                if ((portion_items_left_ > 0 || has_frames_) && access.is())
                {
                    // The paragraph object, only when something may hang on it.
                    paragraphs->gotoEndOfParagraph(true);
                    Reference<container::XEnumeration> one = access->createEnumeration();
                    Reference<lang::XServiceInfo> paragraph(
                        one.is() && one->hasMoreElements() ? one->nextElement() : uno::Any(),
                        UNO_QUERY);
                    if (paragraph.is() && portion_items_left_ > 0)
                        walk_portions(paragraph);
                    if (paragraph.is() && has_frames_)
                        walk_anchored(paragraph);
                }
            } while (paragraphs->gotoNextParagraph(false));
            if (!items.empty() && !items.back().table)
            {
                paragraphs->gotoStartOfParagraph(false);
                paragraphs->gotoEndOfParagraph(true);
                checks.emplace_back(items.back().slot, cursor->getString());
            }
            while (next_table < tables.size())
            {
                const std::size_t before = doc_.count(Where::Table);
                walk_table(tables[next_table++].table, std::string());
                items.push_back({0, doc_.count(Where::Table) - before, true});
            }

            std::size_t line = 0;
            std::vector<std::pair<std::size_t, std::size_t>> texts; // slot, line
            for (const Item& item : items)
            {
                if (item.table)
                    line += item.lines;
                else
                    texts.emplace_back(item.slot, line++);
            }
            if (line != lines.size())
                return false;
            for (const auto& [slot, own] : checks)
            {
                const auto it = std::find_if(texts.begin(), texts.end(),
                                             [&](const auto& t) { return t.first == slot; });
                if (it == texts.end() || lines[it->second] != own)
                    return false;
            }
            for (const auto& [slot, l] : texts)
            {
                Paragraph& p = doc_.paragraphs[slot];
                p.text = to_utf8(lines[l]);
                // An empty paragraph in a heading style is not a section.
                if (p.text.find_first_not_of(" \t\u00a0") == std::string::npos)
                    p.outline_level = 0;
            }
            return true;
        }
        catch (const uno::RuntimeException&)
        {
            throw;
        }
        catch (const uno::Exception&)
        {
            return false;
        }
    }

    // Counts what the per-paragraph walks look for (notes, comments, text
    // frames), so that a paragraph walk can skip them once all are found.
    void plan(const Reference<frame::XModel>& model)
    {
        std::size_t items = 0;
        Reference<text::XFootnotesSupplier> fs(model, UNO_QUERY);
        if (fs.is() && fs->getFootnotes().is())
            items += static_cast<std::size_t>(fs->getFootnotes()->getCount());
        Reference<text::XEndnotesSupplier> es(model, UNO_QUERY);
        if (es.is() && es->getEndnotes().is())
            items += static_cast<std::size_t>(es->getEndnotes()->getCount());
        Reference<text::XTextFieldsSupplier> fields(model, UNO_QUERY);
        if (fields.is())
        {
            Reference<container::XEnumeration> all = fields->getTextFields()->createEnumeration();
            while (all.is() && all->hasMoreElements())
            {
                Reference<lang::XServiceInfo> field(all->nextElement(), UNO_QUERY);
                if (field.is() && field->supportsService("com.sun.star.text.textfield.Annotation"))
                    ++items;
            }
        }
        portion_items_left_ = items;
        Reference<text::XTextFramesSupplier> frames(model, UNO_QUERY);
        has_frames_ = !frames.is() || frames->getTextFrames()->hasElements();
    }

private:
    // Footnotes, endnotes and comments are read where they are anchored, so
    // that they follow their paragraph in reading order.
    void walk_portions(const Reference<lang::XServiceInfo>& paragraph)
    {
        Reference<container::XEnumerationAccess> access(paragraph, UNO_QUERY);
        if (!access.is())
            return;
        Reference<container::XEnumeration> portions = access->createEnumeration();
        while (portions->hasMoreElements())
        {
            Reference<beans::XPropertySet> portion(portions->nextElement(), UNO_QUERY);
            if (!portion.is())
                continue;
            OUString type;
            portion->getPropertyValue("TextPortionType") >>= type;
            if (type == "Footnote")
            {
                Reference<text::XFootnote> note(portion->getPropertyValue("Footnote"), UNO_QUERY);
                Reference<lang::XServiceInfo> ni(note, UNO_QUERY);
                const bool endnote = ni.is() && ni->supportsService("com.sun.star.text.Endnote");
                const Where w = endnote ? Where::Endnote : Where::Footnote;
                const std::string label = note.is() ? to_utf8(note->getLabel()) : std::string();
                ++note_count_[endnote];
                if (portion_items_left_ > 0)
                    --portion_items_left_;
                walk_text(Reference<text::XText>(note, UNO_QUERY), w,
                          std::string(endnote ? "endnote " : "footnote ") +
                              (label.empty() ? std::to_string(note_count_[endnote]) : label));
            }
            else if (type == "Annotation")
            {
                Reference<beans::XPropertySet> field(portion->getPropertyValue("TextField"),
                                                     UNO_QUERY);
                if (field.is() && first_visit(field))
                {
                    add_comment(field);
                    if (portion_items_left_ > 0)
                        --portion_items_left_;
                }
            }
        }
    }

    void add_comment(const Reference<beans::XPropertySet>& field)
    {
        OUString content, author;
        field->getPropertyValue("Content") >>= content;
        field->getPropertyValue("Author") >>= author;
        const std::string container = "comment by " + to_utf8(author);
        const std::string text = to_utf8(content);
        std::size_t pos = 0;
        while (pos <= text.size())
        {
            std::size_t nl = text.find('\n', pos);
            if (nl == std::string::npos)
                nl = text.size();
            add(Where::Comment, text.substr(pos, nl - pos), 0, container,
                Reference<uno::XInterface>(field, UNO_QUERY));
            pos = nl + 1;
        }
    }

    // Frames anchored to this paragraph.
    void walk_anchored(const Reference<lang::XServiceInfo>& paragraph)
    {
        Reference<container::XContentEnumerationAccess> access(paragraph, UNO_QUERY);
        if (!access.is())
            return;
        Reference<container::XEnumeration> contents =
            access->createContentEnumeration("com.sun.star.text.TextContent");
        while (contents.is() && contents->hasMoreElements())
        {
            Reference<text::XTextFrame> frame(contents->nextElement(), UNO_QUERY);
            if (!frame.is())
                continue;
            Reference<container::XNamed> named(frame, UNO_QUERY);
            walk_text(frame->getText(), Where::Frame,
                      "frame " + (named.is() ? to_utf8(named->getName()) : std::string()));
        }
    }

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
    std::size_t portion_items_left_ = static_cast<std::size_t>(-1);
    bool has_frames_ = true;
};

} // namespace

Document read_document(const Reference<frame::XModel>& model, const std::string& file_name,
                       std::vector<Reference<uno::XInterface>>* sources)
{
    Reference<text::XTextDocument> text_doc(model, UNO_QUERY);
    if (!text_doc.is())
        throw lang::IllegalArgumentException("not a text document: scrqm works on Writer documents",
                                             Reference<uno::XInterface>(), 0);
    Document doc;
    doc.file = file_name;
    // A fix needs every paragraph's object (sources): the enumeration keeps them.
    Reader fast(doc, nullptr);
    fast.plan(model);
    const bool by_cursor =
        sources == nullptr && fast.walk_body_by_cursor(text_doc->getText(), model);
    if (!by_cursor)
    {
        doc = Document();
        doc.file = file_name;
    }
    Reader slow(doc, sources);
    Reader& reader = by_cursor ? fast : slow;
    if (!by_cursor)
    {
        slow.plan(model);
        slow.walk_text(text_doc->getText(), Where::Body, std::string());
    }
    // Whatever the anchored walk did not reach: notes in headers, frames
    // anchored to the page, comments outside the body.
    reader.walk_frames_anywhere(model);
    reader.walk_shapes(model);
    Reference<text::XFootnotesSupplier> fs(model, UNO_QUERY);
    if (fs.is())
        reader.walk_notes(fs->getFootnotes(), Where::Footnote);
    Reference<text::XEndnotesSupplier> es(model, UNO_QUERY);
    if (es.is())
        reader.walk_notes(es->getEndnotes(), Where::Endnote);
    reader.walk_page_styles(model);
    reader.read_properties(model);
    reader.read_object_names(model);
    return doc;
}

} // namespace scrqm::lo
