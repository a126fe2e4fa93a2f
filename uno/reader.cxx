#include "reader.hxx"

#include "convert.hxx"

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

#include <scrqm/tags.hxx>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_set>
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
        if (progress_ && ++added_ % 256 == 0 && !(*progress_)(added_))
            throw ReadCancelled();
    }

    const ReadProgress* progress_ = nullptr; // read_document's, when given

    // Records a hidden-data item (see HiddenItem in model.hxx).
    void hidden(const char* kind, Where where, std::size_t paragraph, std::string container,
                std::string name, std::string text, bool fixable = false, std::size_t start = 0,
                std::size_t end = 0)
    {
        HiddenItem h;
        h.kind = kind;
        h.where = where;
        h.paragraph = paragraph;
        h.container = std::move(container);
        h.name = std::move(name);
        h.text = std::move(text);
        h.fixable = fixable;
        h.start = start;
        h.end = end;
        doc_.hidden.push_back(std::move(h));
    }

    // Walks `text` and records it as a hidden-data item of `kind` when the
    // walk added paragraphs with content.
    void walk_container(const char* kind, const Reference<text::XText>& text, Where where,
                        const std::string& container, const std::string& name)
    {
        const std::size_t before = doc_.paragraphs.size();
        const std::size_t first = doc_.count(where);
        walk_text(text, where, container);
        std::string content;
        for (std::size_t i = before; i < doc_.paragraphs.size(); ++i)
            if (doc_.paragraphs[i].where == where && !doc_.paragraphs[i].text.empty())
                content += (content.empty() ? "" : " / ") + doc_.paragraphs[i].text;
        if (content.find_first_not_of(" \t\u00a0") != std::string::npos)
            hidden(kind, where, first, container, name, content);
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
            walk_container("frame", text, Where::Frame, "frame " + to_utf8(names[i]),
                           to_utf8(names[i]));
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
            walk_container("frame", text, Where::Frame, "shape " + name, name);
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
                    walk_container(where == Where::Header ? "header" : "footer", text, where,
                                   container, style);
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
                // Word's hidden _Toc/_Ref marks, and scrqm's own tags (read
                // as tags in the portion walk), are not personal data.
                if (!names[i].startsWith("_") && !is_scrqm_name(to_utf8(names[i])))
                {
                    // "Liam_Carter": a bookmark name cannot hold a space, so
                    // its underscores are read as spaces (one for one, so
                    // the offsets stay the name's own).
                    std::string text = to_utf8(names[i]);
                    std::replace(text.begin(), text.end(), '_', ' ');
                    add(Where::Property, text, 0, "bookmark name", {});
                }
        }
        Reference<text::XTextGraphicObjectsSupplier> graphics(model, UNO_QUERY);
        if (!graphics.is())
            return;
        Reference<container::XNameAccess> images = graphics->getGraphicObjects();
        const uno::Sequence<OUString> names = images->getElementNames();
        for (sal_Int32 i = 0; i < names.getLength(); ++i)
        {
            const std::string name = to_utf8(names[i]);
            const std::size_t at = doc_.count(Where::Property);
            add(Where::Property, name, 0, "image name", {});
            // Default names (Image1, Graphic2, Picture 3) say nothing.
            std::string stem = name;
            while (!stem.empty() &&
                   (std::isdigit(static_cast<unsigned char>(stem.back())) || stem.back() == ' '))
                stem.pop_back();
            if (stem != "Image" && stem != "Graphic" && stem != "Picture" && stem != "Grafik")
                hidden("image", Where::Property, at, "image name", name, name);
            Reference<beans::XPropertySet> props(images->getByName(names[i]), UNO_QUERY);
            for (const char* p : {"Title", "Description"})
            {
                OUString value;
                if (props.is() &&
                    (props->getPropertyValue(OUString::createFromAscii(p)) >>= value) &&
                    !value.isEmpty())
                {
                    const std::string container =
                        "image " + name + " " + (p[0] == 'T' ? "title" : "description");
                    hidden("image", Where::Property, doc_.count(Where::Property), container, name,
                           to_utf8(value));
                    add(Where::Property, to_utf8(value), 0, container, {});
                }
            }
        }
    }

    void read_embedded_objects(const Reference<frame::XModel>& model)
    {
        Reference<text::XTextEmbeddedObjectsSupplier> supplier(model, UNO_QUERY);
        if (!supplier.is())
            return;
        Reference<container::XNameAccess> objects = supplier->getEmbeddedObjects();
        const uno::Sequence<OUString> names = objects->getElementNames();
        for (sal_Int32 i = 0; i < names.getLength(); ++i)
        {
            const std::string name = to_utf8(names[i]);
            hidden("embedded-object", Where::Property, doc_.count(Where::Property), {}, name, name);
            add(Where::Property, name, 0, "embedded object name", {});
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
            // The results panel's ignore list (salted hashes) is not the
            // author's data.
            if (all[i].Name == "scrqm.ignored")
                continue;
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
            const std::string name = to_utf8(all[i].Name);
            const std::string marker = marker_of_question_property(name);
            if (!marker.empty())
            {
                add_question_states(marker, to_utf8(s));
                continue;
            }
            add_property("custom:" + name, s);
        }
    }

private:
    // The reviewer's notes are typed text and are checked like any other
    // property; the encoded states around them are not.
    void add_question_states(const std::string& marker, const std::string& value)
    {
        doc_.question_states[marker] = value;
        try
        {
            for (const auto& [n, q] : parse_question_states(value, marker, 999))
                if (!q.note.empty())
                    add(Where::Property, q.note, 0,
                        "note on " + marker + " question " + std::to_string(n), {});
        }
        catch (const DataError&)
        {
            add(Where::Property, value, 0, question_property_name(marker), {});
        }
    }

    void add_property(const std::string& name, const OUString& value)
    {
        if (value.isEmpty())
            return;
        const std::string v = to_utf8(value);
        doc_.properties[name] = v;
        hidden(name.rfind("custom:", 0) == 0 ? "custom-property" : "property", Where::Property,
               doc_.count(Where::Property), "property " + name, name, v, true);
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
        hidden_section(props, where, doc_.count(where) - 1, container);
        // The portions carry hidden data, tags and placeholders as well as
        // notes and comments: this walk always reads them.
        walk_portions(info, where, doc_.count(where) - 1, container);
        // Enumerating anchored content costs more than reading the
        // paragraph: skip it in a document without text frames.
        if (has_frames_)
            walk_anchored(info);
    }

public:
    // The body without a call per paragraph (read_outline_body), when it
    // holds nothing that only the portion or paragraph walks find (frames,
    // portion data). Notes and comments anchored in the body's paragraphs
    // are placed (place_anchored) and read after their paragraph, in the
    // order the portion walk meets them; those in tables are read by the
    // table walk, as in the full walk.
    bool walk_body_by_outline(const Reference<frame::XModel>& model)
    {
        if (has_frames_ || has_portion_data(model, false))
            return false;
        const std::optional<OutlineBody> body = read_outline_body(model);
        if (!body)
            return false;
        std::vector<Anchored> anchored;
        if (!place_anchored(model, *body, anchored))
            return false;
        std::size_t next_anchored = 0;
        // body_paragraph() cannot step out of a table the body starts with.
        if (sources_ && !body->table.empty() && body->table[0] >= 0)
            return false;
        // Tags from their bookmarks, ordered by where they start (as the
        // portion walk meets them), at the body paragraph (a table's: the
        // one before it, as Document::add anchors its paragraphs).
        std::vector<std::size_t> paragraph_of(body->lines.size(), 0);
        for (std::size_t i = 0, count = 0; i < body->lines.size(); ++i)
            paragraph_of[i] = body->table[i] < 0 ? count++ : (count == 0 ? 0 : count - 1);
        struct Placed
        {
            std::size_t first; // start line
            Tag tag;
            Reference<text::XTextRange> start;
        };
        std::vector<Placed> tags;
        Reference<text::XBookmarksSupplier> bookmarks(model, UNO_QUERY);
        Reference<text::XTextRangeCompare> compare(
            Reference<text::XTextDocument>(model, UNO_QUERY_THROW)->getText(), UNO_QUERY_THROW);
        try
        {
            Reference<container::XNameAccess> all =
                bookmarks.is() ? bookmarks->getBookmarks() : Reference<container::XNameAccess>();
            for (const OUString& name :
                 all.is() ? all->getElementNames() : uno::Sequence<OUString>())
            {
                std::optional<Tag> tag = parse_tag_name(to_utf8(name));
                if (!tag)
                    continue;
                Reference<text::XTextContent> bm(all->getByName(name), UNO_QUERY_THROW);
                const Reference<text::XTextRange> anchor = bm->getAnchor();
                try
                {
                    compare->compareRegionStarts(anchor, anchor);
                }
                catch (const lang::IllegalArgumentException&)
                {
                    continue; // in a header, a frame or a note: no section's tag
                }
                const std::size_t first = body->line_of(model, anchor->getStart());
                const std::size_t last = body->line_of(model, anchor->getEnd());
                if (first >= paragraph_of.size() || last >= paragraph_of.size())
                    return false; // in a nested table: not sure where
                if (body->table[first] >= 0)
                {
                    // The table walk reads it; one that ends outside the
                    // table would need the body's portions.
                    if (last != first)
                        return false;
                    continue;
                }
                tag->paragraph = paragraph_of[first];
                tag->last = paragraph_of[last];
                tags.push_back({first, std::move(*tag), anchor->getStart()});
            }
            std::stable_sort(tags.begin(), tags.end(),
                             [](const Placed& a, const Placed& b) { return a.first < b.first; });
            // Several in one paragraph: in the order its portions give them
            // (bookmarks at one place are not in the name list's order).
            for (std::size_t from = 0, to = 0; from < tags.size(); from = to)
            {
                for (to = from + 1; to < tags.size() && tags[to].first == tags[from].first; ++to)
                    ;
                if (to - from < 2)
                    continue;
                const std::vector<std::string> order = bookmark_order(tags[from].start);
                auto rank = [&](const Placed& p)
                { return std::find(order.begin(), order.end(), p.tag.bookmark) - order.begin(); };
                for (std::size_t k = from; k < to; ++k)
                    if (rank(tags[k]) == static_cast<std::ptrdiff_t>(order.size()))
                        return false;
                std::stable_sort(tags.begin() + static_cast<std::ptrdiff_t>(from),
                                 tags.begin() + static_cast<std::ptrdiff_t>(to),
                                 [&](const Placed& a, const Placed& b)
                                 { return rank(a) < rank(b); });
            }
        }
        catch (const uno::Exception&)
        {
            return false;
        }
        std::size_t next_tag = 0;
        std::size_t next_table = 0;
        for (std::size_t i = 0; i < body->lines.size(); ++i)
        {
            if (body->table[i] < 0)
            {
                add(Where::Body, to_utf8(body->lines[i]), body->levels[i], std::string(), {});
                for (; next_tag < tags.size() && tags[next_tag].first == i; ++next_tag)
                    doc_.tags.push_back(tags[next_tag].tag);
                for (; next_anchored < anchored.size() && anchored[next_anchored].line == i;
                     ++next_anchored)
                {
                    const Anchored& a = anchored[next_anchored];
                    if (a.note.is())
                        walk_note(a.note);
                    else
                        read_comment(a.comment);
                }
                continue;
            }
            const OutlineBody::Table& t = body->tables.at(next_table++);
            if (t.line != i)
                return false;
            const std::size_t before = doc_.paragraphs.size();
            walk_table(t.table, std::string());
            // The walk must read the lines the table stands for.
            std::size_t line = i;
            for (std::size_t p = before; p < doc_.paragraphs.size(); ++p)
                if (doc_.paragraphs[p].where == Where::Table &&
                    (line >= i + t.lines ||
                     doc_.paragraphs[p].text != to_utf8(body->lines[line++])))
                    return false;
            if (line != i + t.lines)
                return false;
            i += t.lines - 1;
        }
        return true;
    }

    // The bookmarks starting in the paragraph of `pos`, in portion order.
    static std::vector<std::string> bookmark_order(const Reference<text::XTextRange>& pos)
    {
        std::vector<std::string> out;
        Reference<text::XTextCursor> cursor = pos->getText()->createTextCursorByRange(pos);
        Reference<text::XParagraphCursor> paragraph(cursor, UNO_QUERY_THROW);
        paragraph->gotoStartOfParagraph(false);
        paragraph->gotoEndOfParagraph(true);
        Reference<container::XEnumerationAccess> access(cursor, UNO_QUERY_THROW);
        Reference<container::XEnumerationAccess> one(access->createEnumeration()->nextElement(),
                                                     UNO_QUERY_THROW);
        Reference<container::XEnumeration> portions = one->createEnumeration();
        while (portions->hasMoreElements())
        {
            Reference<beans::XPropertySet> portion(portions->nextElement(), UNO_QUERY_THROW);
            OUString type;
            bool start = true;
            portion->getPropertyValue("TextPortionType") >>= type;
            if (type != "Bookmark")
                continue;
            portion->getPropertyValue("IsStart") >>= start;
            Reference<container::XNamed> named(portion->getPropertyValue("Bookmark"), UNO_QUERY);
            if (start && named.is())
                out.push_back(to_utf8(named->getName()));
        }
        return out;
    }

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
                        std::vector<Anchored>& out)
    {
        try
        {
            const Reference<text::XText> text =
                Reference<text::XTextDocument>(model, UNO_QUERY_THROW)->getText();
            Reference<text::XTextRangeCompare> compare(text, UNO_QUERY_THROW);
            auto in_body = [&](const Reference<text::XTextContent>& content)
            {
                Reference<text::XTextRange> anchor =
                    content.is() ? content->getAnchor() : Reference<text::XTextRange>();
                if (!anchor.is())
                    throw lang::IllegalArgumentException(); // not sure: give up
                // Notes, tables and headers are walked portion by portion:
                // what is anchored in them is read there.
                return Reference<text::XText>(anchor->getText()) == text
                           ? anchor->getStart()
                           : Reference<text::XTextRange>();
            };
            for (const bool endnotes : {false, true})
            {
                Reference<container::XIndexAccess> notes;
                if (endnotes)
                {
                    Reference<text::XEndnotesSupplier> es(model, UNO_QUERY);
                    if (es.is())
                        notes = es->getEndnotes();
                }
                else
                {
                    Reference<text::XFootnotesSupplier> fs(model, UNO_QUERY);
                    if (fs.is())
                        notes = fs->getFootnotes();
                }
                for (sal_Int32 i = 0; notes.is() && i < notes->getCount(); ++i)
                {
                    Reference<text::XFootnote> note(notes->getByIndex(i), UNO_QUERY_THROW);
                    if (Reference<text::XTextRange> start =
                            in_body(Reference<text::XTextContent>(note, UNO_QUERY));
                        start.is())
                        out.push_back({start, note, {}, 0});
                }
            }
            for (const Field& f : fields(model))
            {
                if (!f.annotation)
                    continue;
                if (Reference<text::XTextRange> start =
                        in_body(Reference<text::XTextContent>(f.field, UNO_QUERY));
                    start.is())
                    out.push_back(
                        {start, {}, Reference<beans::XPropertySet>(f.field, UNO_QUERY), 0});
            }
            if (out.empty())
                return true;
            // Two anchors at the same place: not sure of the portions' order.
            bool tie = false;
            auto before = [&](const Anchored& a, const Anchored& b)
            {
                const sal_Int16 c = compare->compareRegionStarts(a.start, b.start);
                tie = tie || c == 0;
                return c > 0;
            };
            // Footnotes and endnotes come in document order, comments (7.4)
            // the first one then the others backwards: runs going up or down,
            // merged, cost far fewer comparisons (0.1-0.2 ms each) than a
            // sort. Many runs: a sort.
            std::vector<std::size_t> cuts{0};
            for (std::size_t i = 0; i < out.size() && cuts.size() <= 16;)
            {
                std::size_t j = i + 1;
                if (j < out.size() && before(out[j], out[i]))
                {
                    while (j < out.size() && before(out[j], out[j - 1]))
                        ++j;
                    std::reverse(out.begin() + static_cast<std::ptrdiff_t>(i),
                                 out.begin() + static_cast<std::ptrdiff_t>(j));
                }
                else
                    while (j < out.size() && !before(out[j], out[j - 1]))
                        ++j;
                cuts.push_back(j);
                i = j;
            }
            if (cuts.size() > 16)
                std::stable_sort(out.begin(), out.end(), before);
            else
                for (std::size_t k = 2; k < cuts.size(); ++k)
                    std::inplace_merge(out.begin(),
                                       out.begin() + static_cast<std::ptrdiff_t>(cuts[k - 1]),
                                       out.begin() + static_cast<std::ptrdiff_t>(cuts[k]), before);
            if (tie)
                return false;
            Reference<text::XTextCursor> cursor = text->createTextCursor();
            cursor->gotoStart(false);
            std::size_t line = 0;
            sal_Int32 column = 0; // in UTF-16 units, as the lines are
            for (Anchored& a : out)
            {
                cursor->gotoRange(a.start, true);
                const OUString between = cursor->getString();
                cursor->collapseToEnd();
                const sal_Int32 nl = between.lastIndexOf('\n');
                for (sal_Int32 k = 0; k < between.getLength(); ++k)
                    line += between[k] == '\n';
                column = nl < 0 ? column + between.getLength() : between.getLength() - nl - 1;
                if (line >= body.lines.size() || body.table[line] >= 0 ||
                    column > body.lines[line].getLength())
                    return false;
                if (a.note.is())
                {
                    // The note's mark is its label or its number.
                    const OUString label = a.note->getLabel();
                    const OUString& l = body.lines[line];
                    if (column >= l.getLength() || (!label.isEmpty() && !l.match(label, column)) ||
                        (label.isEmpty() && (l[column] < '0' || l[column] > '9') &&
                         (l[column] < 'a' || l[column] > 'z') &&
                         (l[column] < 'A' || l[column] > 'Z')))
                        return false;
                }
                a.line = line;
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

    static bool blank(const OUString& s)
    {
        for (sal_Int32 i = 0; i < s.getLength(); ++i)
            if (s[i] != ' ' && s[i] != '\t' && s[i] != 0x00a0)
                return false;
        return true;
    }

    bool portion_data(const Reference<frame::XModel>& model)
    {
        if (!portion_data_)
            portion_data_ = has_portion_data(model);
        return *portion_data_;
    }

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
            // This walk reads notes and comments only; a document with
            // hidden data, tags or placeholders takes the full walk.
            if (portion_data(model))
                return false;
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
                        walk_portions(paragraph, Where::Body, doc_.count(Where::Body) - 1, {});
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

    // True when the body may hold what only a portion walk finds: tracked
    // changes, fields in the body's own paragraphs that record something
    // (placeholders, author and file-name fields, hidden-text fields: see
    // portion_field), text sections, scrqm_ tag bookmarks, hidden
    // (CharHidden) text. Notes and comments are not: they are placed.
    bool has_portion_data(const Reference<frame::XModel>& model, bool tags = true)
    {
        Reference<document::XRedlinesSupplier> redlines(model, UNO_QUERY);
        if (redlines.is() && redlines->getRedlines().is() &&
            redlines->getRedlines()->createEnumeration()->hasMoreElements())
            return true;
        Reference<text::XText> body(
            Reference<text::XTextDocument>(model, UNO_QUERY_THROW)->getText());
        for (const Field& f : fields(model))
        {
            if (!f.recorded)
                continue;
            // Tables, notes and headers are walked portion by portion
            // whatever the way the body is read.
            Reference<text::XTextContent> content(f.field, UNO_QUERY);
            Reference<text::XTextRange> anchor =
                content.is() ? content->getAnchor() : Reference<text::XTextRange>();
            if (!anchor.is() || Reference<text::XText>(anchor->getText()) == body)
                return true;
        }
        Reference<text::XTextSectionsSupplier> sections(model, UNO_QUERY);
        if (sections.is() && sections->getTextSections()->hasElements())
            return true;
        Reference<text::XBookmarksSupplier> bookmarks(model, UNO_QUERY);
        if (bookmarks.is() && tags)
            for (const OUString& name : bookmarks->getBookmarks()->getElementNames())
                if (name.startsWith("scrqm_"))
                    return true;
        // Hidden text: Writer's own attribute search, one call.
        Reference<util::XSearchable> searchable(model, UNO_QUERY);
        if (searchable.is())
        {
            Reference<util::XSearchDescriptor> descriptor = searchable->createSearchDescriptor();
            Reference<util::XPropertyReplace> attributes(descriptor, UNO_QUERY);
            if (!attributes.is())
                return true;
            beans::PropertyValue hidden;
            hidden.Name = "CharHidden";
            hidden.Value <<= true;
            attributes->setSearchAttributes(uno::Sequence<beans::PropertyValue>(&hidden, 1));
            descriptor->setSearchString("");
            if (searchable->findFirst(descriptor).is())
                return true;
        }
        return false;
    }

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

    const std::vector<Field>& fields(const Reference<frame::XModel>& model)
    {
        if (fields_)
            return *fields_;
        fields_.emplace();
        static const std::set<OUString> kRecorded = {
            "com.sun.star.text.textfield.Author",
            "com.sun.star.text.textfield.ExtendedUser",
            "com.sun.star.text.textfield.FileName",
            "com.sun.star.text.textfield.TemplateName",
            "com.sun.star.text.textfield.docinfo.CreateAuthor",
            "com.sun.star.text.textfield.docinfo.ChangeAuthor",
            "com.sun.star.text.textfield.docinfo.PrintAuthor",
            "com.sun.star.text.textfield.HiddenText",
            "com.sun.star.text.textfield.HiddenParagraph",
            "com.sun.star.text.TextField.JumpEdit",
            "com.sun.star.text.TextField.Input",
            "com.sun.star.text.textfield.JumpEdit",
            "com.sun.star.text.textfield.Input",
        };
        Reference<text::XTextFieldsSupplier> supplier(model, UNO_QUERY);
        Reference<container::XEnumeration> all =
            supplier.is() ? supplier->getTextFields()->createEnumeration()
                          : Reference<container::XEnumeration>();
        while (all.is() && all->hasMoreElements())
        {
            Field f;
            f.field.set(all->nextElement(), UNO_QUERY);
            if (!f.field.is())
                continue;
            for (const OUString& name : f.field->getSupportedServiceNames())
            {
                f.annotation = f.annotation || name == "com.sun.star.text.textfield.Annotation";
                f.recorded = f.recorded || kRecorded.count(name);
            }
            fields_->push_back(std::move(f));
        }
        return *fields_;
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
        for (const Field& f : fields(model))
            items += f.annotation;
        portion_items_left_ = items;
        Reference<text::XTextFramesSupplier> frames(model, UNO_QUERY);
        has_frames_ = !frames.is() || frames->getTextFrames()->hasElements();
    }

private:
    // Footnotes, endnotes and comments are read where they are anchored, so
    // that they follow their paragraph in reading order.
    // Also records the paragraph's hidden data: tracked changes, hidden text,
    // fields that show an author or a file name (`where`/`index`: the
    // paragraph; offsets in code points), and its template placeholders.
    void walk_portions(const Reference<lang::XServiceInfo>& paragraph, Where where,
                       std::size_t index, const std::string& container)
    {
        // Called right after add(): the paragraph is the model's last one.
        const std::size_t self = doc_.paragraphs.size() - 1;
        std::size_t placeholder_from = 0; // bytes of the paragraph's text already matched
        Reference<container::XEnumerationAccess> access(paragraph, UNO_QUERY);
        if (!access.is())
            return;
        // Tags count in the body and its tables, at the body paragraph.
        const Paragraph& current = doc_.paragraphs.back();
        const bool taggable = current.where == Where::Body || current.where == Where::Table;
        const std::size_t here = current.anchor;
        Reference<container::XEnumeration> portions = access->createEnumeration();
        std::size_t offset = 0;
        OUString whole;
        std::size_t hidden_start = 0, hidden_chars = 0, visible_chars = 0;
        OUString hidden_text;
        bool change_open = false;
        std::size_t change_start = 0;
        OUString change_text, change_kind, change_author;
        auto flush_hidden = [&]
        {
            if (!hidden_text.isEmpty())
                hidden("hidden-text", where, index, container, {}, to_utf8(hidden_text), false,
                       hidden_start, hidden_start + code_points(hidden_text));
            hidden_text.clear();
        };
        auto close_change = [&]
        {
            if (!change_open)
                return;
            const std::string kind = to_utf8(change_kind);
            hidden("tracked-change", where, index,
                   (kind.empty() ? std::string("change") : kind) + " by " + to_utf8(change_author),
                   to_utf8(change_author), to_utf8(change_text), true, change_start, offset);
            change_open = false;
        };
        while (portions->hasMoreElements())
        {
            Reference<beans::XPropertySet> portion(portions->nextElement(), UNO_QUERY);
            if (!portion.is())
                continue;
            OUString type;
            portion->getPropertyValue("TextPortionType") >>= type;
            Reference<text::XTextRange> range(portion, UNO_QUERY);
            const OUString piece = range.is() ? range->getString() : OUString();
            const std::size_t length = code_points(piece);
            if (type == "Redline")
            {
                bool start = false;
                portion->getPropertyValue("IsStart") >>= start;
                if (start)
                {
                    close_change();
                    change_open = true;
                    change_start = offset;
                    change_text.clear();
                    portion->getPropertyValue("RedlineType") >>= change_kind;
                    portion->getPropertyValue("RedlineAuthor") >>= change_author;
                }
                else
                    close_change();
                continue;
            }
            if (change_open)
                change_text += piece;
            if (type == "Text" && length > 0)
            {
                bool is_hidden = false;
                portion->getPropertyValue("CharHidden") >>= is_hidden;
                if (is_hidden)
                {
                    if (hidden_text.isEmpty())
                        hidden_start = offset;
                    hidden_text += piece;
                    hidden_chars += length;
                }
                else
                {
                    flush_hidden();
                    visible_chars += piece.trim().getLength();
                }
            }
            else if (type == "TextField")
                read_field(Reference<lang::XServiceInfo>(portion->getPropertyValue("TextField"),
                                                         UNO_QUERY),
                           where, index, container, offset, offset + length);
            offset += length;
            if (type == "Footnote")
                walk_note(
                    Reference<text::XFootnote>(portion->getPropertyValue("Footnote"), UNO_QUERY));
            else if (type == "Bookmark" && taggable)
                read_tag(portion, here);
            else if (type == "Annotation")
                read_comment(Reference<beans::XPropertySet>(portion->getPropertyValue("TextField"),
                                                            UNO_QUERY));
            else if (type == "TextField")
            {
                Reference<lang::XServiceInfo> field(portion->getPropertyValue("TextField"),
                                                    UNO_QUERY);
                // Input fields are what placeholders (Word content controls)
                // become after a .docx round trip.
                const bool jump =
                    field.is() && field->supportsService("com.sun.star.text.TextField.JumpEdit");
                if (jump ||
                    (field.is() && field->supportsService("com.sun.star.text.TextField.Input")))
                    add_placeholder(self, Reference<beans::XPropertySet>(field, UNO_QUERY), jump,
                                    placeholder_from);
            }
        }
        close_change(); // a change that runs on into the next paragraph
        if (hidden_chars > 0 && visible_chars == 0 && doc_.count(where) > index)
        {
            // Every character hidden: the paragraph itself is hidden.
            hidden("hidden-paragraph", where, index, container, {}, to_utf8(hidden_text));
            hidden_text.clear();
        }
        flush_hidden();
    }

    // A footnote or endnote where it is anchored (the portion walk meets it,
    // or the outline read places it).
    void walk_note(const Reference<text::XFootnote>& note)
    {
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

    void read_comment(const Reference<beans::XPropertySet>& field)
    {
        if (field.is() && first_visit(field))
        {
            add_comment(field);
            if (portion_items_left_ > 0)
                --portion_items_left_;
        }
    }

    // A text section that is hidden (Format > Sections > Hide), recorded at
    // its first paragraph.
    void hidden_section(const Reference<beans::XPropertySet>& paragraph, Where where,
                        std::size_t index, const std::string& container)
    {
        if (!paragraph.is() || !paragraph->getPropertySetInfo()->hasPropertyByName("TextSection"))
            return;
        Reference<beans::XPropertySet> section(paragraph->getPropertyValue("TextSection"),
                                               UNO_QUERY);
        if (!section.is() || !first_visit(section))
            return;
        bool visible = true;
        OUString condition;
        section->getPropertyValue("IsVisible") >>= visible;
        section->getPropertyValue("Condition") >>= condition;
        if (visible && condition.isEmpty())
            return;
        Reference<container::XNamed> named(section, UNO_QUERY);
        const std::string name = named.is() ? to_utf8(named->getName()) : std::string();
        Reference<text::XTextContent> content(section, UNO_QUERY);
        hidden("hidden-paragraph", where, index,
               "hidden section " + name + (container.empty() ? "" : " in " + container), name,
               content.is() ? to_utf8(content->getAnchor()->getString()) : std::string());
    }

    static std::size_t code_points(const OUString& s)
    {
        std::size_t n = 0;
        for (sal_Int32 i = 0; i < s.getLength(); ++n)
            s.iterateCodePoints(&i);
        return n;
    }

    // Fields that fill in an author or a file name, and conditional hidden
    // text and paragraphs.
    void read_field(const Reference<lang::XServiceInfo>& field, Where where, std::size_t index,
                    const std::string& container, std::size_t start, std::size_t end)
    {
        if (!field.is())
            return;
        Reference<text::XTextField> tf(field, UNO_QUERY);
        const std::string shown = tf.is() ? to_utf8(tf->getPresentation(false)) : std::string();
        static const char* const kPersonal[][2] = {
            {"com.sun.star.text.textfield.Author", "author field"},
            {"com.sun.star.text.textfield.ExtendedUser", "user data field"},
            {"com.sun.star.text.textfield.FileName", "file name field"},
            {"com.sun.star.text.textfield.TemplateName", "template name field"},
            {"com.sun.star.text.textfield.docinfo.CreateAuthor", "document author field"},
            {"com.sun.star.text.textfield.docinfo.ChangeAuthor", "modified-by field"},
            {"com.sun.star.text.textfield.docinfo.PrintAuthor", "printed-by field"},
        };
        for (const auto& k : kPersonal)
            if (field->supportsService(OUString::createFromAscii(k[0])))
            {
                hidden("field", where, index,
                       std::string(k[1]) + " in " + where_name(where, container), k[1], shown,
                       false, start, end);
                return;
            }
        Reference<beans::XPropertySet> props(field, UNO_QUERY);
        if (field->supportsService("com.sun.star.text.textfield.HiddenText") && props.is())
        {
            OUString content, condition;
            props->getPropertyValue("Content") >>= content;
            props->getPropertyValue("Condition") >>= condition;
            hidden("hidden-text", where, index,
                   "conditional hidden text (" + to_utf8(condition) + ")", "hidden text field",
                   to_utf8(content), false, start, end);
        }
        else if (field->supportsService("com.sun.star.text.textfield.HiddenParagraph") &&
                 props.is())
        {
            OUString condition;
            props->getPropertyValue("Condition") >>= condition;
            const Paragraph* p = nullptr;
            for (const Paragraph& q : doc_.paragraphs)
                if (q.where == where && q.index == index)
                    p = &q;
            hidden("hidden-paragraph", where, index,
                   "hidden paragraph field (" + to_utf8(condition) + ")", "hidden paragraph field",
                   p ? p->text : std::string());
        }
    }

    static std::string where_name(Where where, const std::string& container)
    {
        return container.empty() ? std::string(to_string(where)) : container;
    }

    // A placeholder field shows as "<text>" in the paragraph's string (an
    // input field as its content): its span is recorded so that checks can
    // tell guidance from written text.
    void add_placeholder(std::size_t self, const Reference<beans::XPropertySet>& field, bool jump,
                         std::size_t& from)
    {
        OUString value;
        if (!field.is() ||
            !(field->getPropertyValue(
                  OUString::createFromAscii(jump ? "PlaceHolder" : "Content")) >>= value) ||
            value.isEmpty())
            return;
        Paragraph& p = doc_.paragraphs[self];
        const std::string shown = jump ? "<" + to_utf8(value) + ">" : to_utf8(value);
        const std::size_t at = p.text.find(shown, from);
        if (at == std::string::npos)
            return;
        auto code_points = [&](std::size_t bytes)
        {
            std::size_t n = 0;
            for (std::size_t i = 0; i < bytes; ++i)
                n += (static_cast<unsigned char>(p.text[i]) & 0xC0) != 0x80;
            return n;
        };
        p.placeholders.emplace_back(code_points(at), code_points(at + shown.size()));
        from = at + shown.size();
    }

    void read_tag(const Reference<beans::XPropertySet>& portion, std::size_t here)
    {
        Reference<container::XNamed> bookmark(portion->getPropertyValue("Bookmark"), UNO_QUERY);
        if (!bookmark.is())
            return;
        const std::string name = to_utf8(bookmark->getName());
        bool start = true;
        portion->getPropertyValue("IsStart") >>= start;
        const auto open = open_tags_.find(name);
        if (!start)
        {
            if (open != open_tags_.end())
                doc_.tags[open->second].last = here;
            return;
        }
        std::optional<Tag> tag = parse_tag_name(name);
        if (!tag || open != open_tags_.end())
            return;
        tag->paragraph = tag->last = here;
        open_tags_[name] = doc_.tags.size();
        doc_.tags.push_back(std::move(*tag));
    }

    void add_comment(const Reference<beans::XPropertySet>& field)
    {
        OUString content, author;
        field->getPropertyValue("Content") >>= content;
        field->getPropertyValue("Author") >>= author;
        const std::string container = "comment by " + to_utf8(author);
        const std::string text = to_utf8(content);
        hidden("comment", Where::Comment, doc_.count(Where::Comment), container, to_utf8(author),
               text, true);
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
            const std::string name = named.is() ? to_utf8(named->getName()) : std::string();
            walk_container("frame", frame->getText(), Where::Frame, "frame " + name, name);
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
    std::map<std::string, std::size_t> open_tags_; // bookmark name -> index in doc_.tags
    std::size_t portion_items_left_ = static_cast<std::size_t>(-1);
    bool has_frames_ = true;
    std::size_t added_ = 0;
    std::optional<bool> portion_data_;
    std::optional<std::vector<Field>> fields_;
};

} // namespace

// The body's paragraphs and headings without a call per paragraph: the text
// from one getString cut at paragraph ends (table cells included), the
// headings from Writer's outline (the "Headings" link targets list each in
// order as its number and text). Every line whose text ends one of those
// names is found with one regular-expression search; only the paragraphs
// found are asked their outline level (the match is the paragraph's first
// character: asked of a whole paragraph, the level costs more). Each top-
// level table is placed where its cells' lines stand, between the headings
// around its anchor, and only when they stand there once. Checked: the
// paragraphs found must be the lines with those texts, one for one, and the
// headings found the outline's, one for one and in order. Any doubt: empty.
std::optional<OutlineBody> read_outline_body(const Reference<frame::XModel>& model)
{
    // Its searches crash Writer (LibreOffice 7.4) on a model loaded with no
    // view, as the command line loads documents; with no layout to wait
    // for, the cursor walk is fast there.
    if (!model.is() || !model->getCurrentController().is())
        return std::nullopt;
    try
    {
        Reference<text::XTextDocument> text_doc(model, UNO_QUERY);
        Reference<document::XLinkTargetSupplier> links(model, UNO_QUERY);
        Reference<util::XSearchable> searchable(model, UNO_QUERY);
        if (!text_doc.is() || !links.is() || !searchable.is())
            return std::nullopt;
        const Reference<text::XText> body = text_doc->getText();
        Reference<text::XTextRangeCompare> compare(body, UNO_QUERY_THROW);
        Reference<container::XNameAccess> outline(links->getLinks()->getByName("Headings"),
                                                  UNO_QUERY_THROW);
        std::vector<OUString> headings;
        for (const OUString& name : outline->getElementNames())
        {
            if (!name.endsWith("|outline"))
                return std::nullopt;
            headings.push_back(name.copy(0, name.getLength() - 8));
        }

        // A line break (Shift+Enter) would make two lines of a paragraph.
        Reference<util::XSearchDescriptor> breaks = searchable->createSearchDescriptor();
        Reference<beans::XPropertySet> breaks_props(breaks, UNO_QUERY_THROW);
        breaks_props->setPropertyValue("SearchRegularExpression", uno::Any(true));
        breaks->setSearchString("\\n");
        if (searchable->findFirst(breaks).is())
            return std::nullopt;

        OutlineBody out;
        const OUString whole = body->getString();
        for (sal_Int32 pos = 0;;)
        {
            const sal_Int32 nl = whole.indexOf('\n', pos);
            out.lines.push_back(whole.copy(pos, (nl < 0 ? whole.getLength() : nl) - pos));
            if (nl < 0)
                break;
            pos = nl + 1;
        }
        const std::size_t n = out.lines.size();
        out.levels.assign(n, 0);
        out.table.assign(n, -1);

        // Lines that may be headings: their text ends a heading's name.
        std::unordered_set<OUString, rtl::OUStringHash> endings;
        // The number before a heading's text is short: a longer one makes
        // the heading unfound and the read give up.
        for (const OUString& h : headings)
            for (sal_Int32 i = 0; i < std::min<sal_Int32>(h.getLength(), 64); ++i)
                endings.insert(h.copy(i));
        std::vector<std::size_t> candidates;
        std::set<OUString> texts;
        for (std::size_t i = 0; i < n; ++i)
            if (!out.lines[i].isEmpty() && endings.count(out.lines[i]))
            {
                candidates.push_back(i);
                texts.insert(out.lines[i]);
            }
        // Every heading (in tables as well): line, its match.
        std::vector<std::pair<std::size_t, Reference<text::XTextRange>>> found;
        if (!texts.empty())
        {
            OUString pattern = "^(?=(?:";
            bool first = true;
            for (const OUString& t : texts)
            {
                pattern += (first ? OUString() : OUString("|")) + "\\Q" +
                           t.replaceAll("\\E", "\\E\\\\E\\Q") + "\\E";
                first = false;
            }
            pattern += ")$).";
            Reference<util::XSearchDescriptor> search = searchable->createSearchDescriptor();
            Reference<beans::XPropertySet> search_props(search, UNO_QUERY_THROW);
            search_props->setPropertyValue("SearchRegularExpression", uno::Any(true));
            search_props->setPropertyValue("SearchCaseSensitive", uno::Any(true));
            search->setSearchString(pattern);
            Reference<container::XIndexAccess> all = searchable->findAll(search);
            if (!all.is() || all->getCount() != static_cast<sal_Int32>(candidates.size()))
                return std::nullopt;
            const OUString outline_level("OutlineLevel");
            for (std::size_t i = 0; i < candidates.size(); ++i)
            {
                Reference<text::XTextRange> hit(all->getByIndex(static_cast<sal_Int32>(i)),
                                                UNO_QUERY_THROW);
                // A match outside the body (a header) comes before or after
                // the body's.
                // (a table's cell is in the body, a header is not
                // comparable with it).
                if (i == 0 || i + 1 == candidates.size())
                    compare->compareRegionStarts(hit, body->getStart());
                Reference<beans::XPropertySet> props(hit, UNO_QUERY_THROW);
                sal_Int16 level = 0;
                props->getPropertyValue(outline_level) >>= level;
                if (level > 0)
                {
                    out.levels[candidates[i]] = level;
                    found.emplace_back(candidates[i], hit);
                }
            }
        }
        if (found.size() != headings.size())
            return std::nullopt;
        for (std::size_t i = 0; i < found.size(); ++i)
            if (!headings[i].endsWith(out.lines[found[i].first]))
                return std::nullopt;

        // Tables: their cells' lines, between the headings around the anchor.
        Reference<text::XTextTablesSupplier> supplier(model, UNO_QUERY_THROW);
        Reference<container::XIndexAccess> tables(supplier->getTextTables(), UNO_QUERY_THROW);
        // A nested table's lines are its outer cell's: it is found inside
        // the outer table's lines (or not at all) and the read gives up.
        std::vector<Reference<uno::XInterface>> hold; // identity lasts while held
        for (sal_Int32 i = 0; i < tables->getCount(); ++i)
            hold.emplace_back(tables->getByIndex(i), UNO_QUERY);
        for (const Reference<uno::XInterface>& held : hold)
        {
            Reference<text::XTextTable> table(held, UNO_QUERY_THROW);
            Reference<text::XTextRange> anchor = table->getAnchor();
            try
            {
                compare->compareRegionStarts(anchor, body->getStart());
            }
            catch (const lang::IllegalArgumentException&)
            {
                continue; // not in the body (a header's table)
            }
            std::vector<OUString> block;
            auto add_lines = [&](const OUString& s)
            {
                for (sal_Int32 pos = 0;;)
                {
                    const sal_Int32 nl = s.indexOf('\n', pos);
                    block.push_back(s.copy(pos, (nl < 0 ? s.getLength() : nl) - pos));
                    if (nl < 0)
                        break;
                    pos = nl + 1;
                }
            };
            // Every cell's text in one call, row by row, for a table without
            // merged cells and numbers; else cell by cell.
            bool by_cell = true;
            Reference<sheet::XCellRangeData> data(table, UNO_QUERY);
            if (data.is())
            {
                try
                {
                    by_cell = false;
                    for (const uno::Sequence<uno::Any>& row : data->getDataArray())
                        for (const uno::Any& cell : row)
                        {
                            OUString s;
                            if (!(cell >>= s))
                                by_cell = true;
                            add_lines(s);
                        }
                }
                catch (const uno::RuntimeException&)
                {
                    by_cell = true; // too complex a table
                }
            }
            if (by_cell)
            {
                block.clear();
                for (const OUString& cell_name : table->getCellNames())
                    add_lines(
                        Reference<text::XText>(table->getCellByName(cell_name), UNO_QUERY_THROW)
                            ->getString());
            }
            // The headings before and after the anchor (binary search).
            std::size_t lo = 0, hi = found.size();
            while (lo < hi)
            {
                const std::size_t mid = (lo + hi) / 2;
                if (compare->compareRegionStarts(found[mid].second, anchor) >= 0)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            const std::size_t from = lo == 0 ? 0 : found[lo - 1].first + 1;
            const std::size_t to = lo == found.size() ? n : found[lo].first + 1;
            std::size_t at = n;
            for (std::size_t s = from; s < to && s + block.size() <= n; ++s)
                if (std::equal(block.begin(), block.end(), out.lines.begin() + s))
                {
                    if (at != n)
                        return std::nullopt; // there twice: which is it?
                    at = s;
                }
            if (at == n)
                return std::nullopt;
            for (std::size_t i = at; i < at + block.size(); ++i)
            {
                if (out.table[i] >= 0)
                    return std::nullopt;
                out.table[i] = static_cast<int>(out.tables.size());
                out.levels[i] = 0; // a heading style in a cell is not a section
            }
            out.tables.push_back({table, at, block.size()});
        }
        std::sort(out.tables.begin(), out.tables.end(),
                  [](const OutlineBody::Table& a, const OutlineBody::Table& b)
                  { return a.line < b.line; });
        for (std::size_t t = 0; t < out.tables.size(); ++t)
            for (std::size_t i = 0; i < out.tables[t].lines; ++i)
                out.table[out.tables[t].line + i] = static_cast<int>(t);
        for (const auto& [line, hit] : found)
            if (out.table[line] < 0)
            {
                if (std::all_of(out.lines[line].getStr(),
                                out.lines[line].getStr() + out.lines[line].getLength(),
                                [](sal_Unicode c) { return c == ' ' || c == '\t' || c == 0xa0; }))
                    out.levels[line] = 0; // an empty paragraph in a heading style
                else
                    out.headings.emplace_back(line, hit);
            }
        return out;
    }
    catch (const uno::RuntimeException&)
    {
        throw;
    }
    catch (const uno::Exception&)
    {
        return std::nullopt;
    }
}

std::size_t OutlineBody::line_of(const Reference<frame::XModel>& model,
                                 const Reference<text::XTextRange>& pos) const
{
    const std::size_t none = static_cast<std::size_t>(-1);
    Reference<text::XTextDocument> text_doc(model, UNO_QUERY_THROW);
    const Reference<text::XText> body = text_doc->getText();
    Reference<text::XTextRangeCompare> compare(body, UNO_QUERY_THROW);
    if (Reference<text::XText>(pos->getText()) != body)
    {
        // In a table: the table's first line.
        Reference<beans::XPropertySet> props(pos->getText()->createTextCursorByRange(pos),
                                             UNO_QUERY);
        Reference<uno::XInterface> holder;
        if (props.is() && props->getPropertySetInfo()->hasPropertyByName("TextTable"))
            props->getPropertyValue("TextTable") >>= holder;
        for (const Table& t : tables)
            if (holder.is() && Reference<uno::XInterface>(t.table, UNO_QUERY) == holder)
                return t.line;
        return none;
    }
    std::size_t lo = 0, hi = headings.size();
    while (lo < hi)
    {
        const std::size_t mid = (lo + hi) / 2;
        if (compare->compareRegionStarts(headings[mid].second, pos) >= 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    // Count the paragraph ends from the heading before (or the start).
    Reference<text::XTextCursor> cursor =
        body->createTextCursorByRange(lo == 0 ? body->getStart() : headings[lo - 1].second);
    cursor->collapseToStart();
    cursor->gotoRange(pos, true);
    const OUString between = cursor->getString();
    std::size_t line = lo == 0 ? 0 : headings[lo - 1].first;
    for (sal_Int32 i = 0; i < between.getLength(); ++i)
        line += between[i] == '\n';
    return line < lines.size() ? line : none;
}

Document read_document(const Reference<frame::XModel>& model, const std::string& file_name,
                       std::vector<Reference<uno::XInterface>>* sources, bool lazy_body,
                       BodyRead force, BodyRead* used, const ReadProgress& progress)
{
    Reference<text::XTextDocument> text_doc(model, UNO_QUERY);
    if (!text_doc.is())
        throw lang::IllegalArgumentException("not a text document: scrqm works on Writer documents",
                                             Reference<uno::XInterface>(), 0);
    Document doc;
    // Each attempt starts afresh: a failed one may have added paragraphs and
    // marked texts as visited.
    std::optional<Reader> reader;
    auto fresh = [&](std::vector<Reference<uno::XInterface>>* keep)
    {
        doc = Document();
        doc.file = file_name;
        if (sources)
            sources->clear();
        reader.emplace(doc, keep);
        reader->progress_ = progress ? &progress : nullptr;
        reader->plan(model);
    };
    // A fix needs every paragraph's object (sources): the enumeration keeps
    // them; the fast walks only when the caller finds body paragraphs
    // itself (lazy_body).
    BodyRead how = BodyRead::Full;
    if ((sources == nullptr || lazy_body) && force != BodyRead::Full)
    {
        if (force == BodyRead::Auto || force == BodyRead::Outline)
        {
            fresh(sources);
            if (reader->walk_body_by_outline(model))
                how = BodyRead::Outline;
        }
        if (how == BodyRead::Full && force != BodyRead::Outline)
        {
            fresh(sources);
            if (reader->walk_body_by_cursor(text_doc->getText(), model))
                how = BodyRead::Cursor;
        }
    }
    if (used)
        *used = how;
    if (how == BodyRead::Full)
    {
        fresh(sources);
        reader->walk_text(text_doc->getText(), Where::Body, std::string());
    }
    // Whatever the anchored walk did not reach: notes in headers, frames
    // anchored to the page, comments outside the body.
    reader->walk_frames_anywhere(model);
    reader->walk_shapes(model);
    Reference<text::XFootnotesSupplier> fs(model, UNO_QUERY);
    if (fs.is())
        reader->walk_notes(fs->getFootnotes(), Where::Footnote);
    Reference<text::XEndnotesSupplier> es(model, UNO_QUERY);
    if (es.is())
        reader->walk_notes(es->getEndnotes(), Where::Endnote);
    reader->walk_page_styles(model);
    reader->read_properties(model);
    reader->read_object_names(model);
    reader->read_embedded_objects(model);
    // Reports written without heading styles: their outline is inferred.
    read_looks(model, doc);
    return doc;
}

Reference<text::XTextRange> body_paragraph(const Reference<frame::XModel>& model, std::size_t index)
{
    Reference<text::XTextDocument> text_doc(model, UNO_QUERY);
    if (!text_doc.is())
        return {};
    Reference<text::XTextCursor> cursor = text_doc->getText()->createTextCursor();
    Reference<text::XParagraphCursor> paragraphs(cursor, UNO_QUERY);
    Reference<beans::XPropertySet> props(cursor, UNO_QUERY);
    if (!paragraphs.is() || !props.is())
        return {};
    cursor->gotoStart(false);
    if (props->getPropertyValue("TextTable").hasValue())
        return {};
    for (std::size_t i = 0; i < index; ++i)
        if (!paragraphs->gotoNextParagraph(false))
            return {};
    paragraphs->gotoEndOfParagraph(true);
    return Reference<text::XTextRange>(cursor, UNO_QUERY);
}

} // namespace scrqm::lo
