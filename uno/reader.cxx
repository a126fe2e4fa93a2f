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
#include <com/sun/star/text/XBookmarksSupplier.hpp>
#include <com/sun/star/text/XEndnotesSupplier.hpp>
#include <com/sun/star/text/XFootnote.hpp>
#include <com/sun/star/text/XFootnotesSupplier.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/text/XTextField.hpp>
#include <com/sun/star/text/XTextFieldsSupplier.hpp>
#include <com/sun/star/text/XTextFrame.hpp>
#include <com/sun/star/text/XTextFramesSupplier.hpp>
#include <com/sun/star/text/XTextGraphicObjectsSupplier.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/text/XTextTable.hpp>
#include <com/sun/star/util/DateTime.hpp>

#include <scrqm/tags.hxx>

#include <map>
#include <optional>
#include <set>
#include <vector>

using namespace com::sun::star;
using com::sun::star::uno::Reference;
using com::sun::star::uno::UNO_QUERY;
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
                // Word's hidden _Toc/_Ref marks, and scrqm's own tags (read
                // as tags in the portion walk), are not personal data.
                if (!names[i].startsWith("_") && !is_scrqm_name(to_utf8(names[i])))
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
        walk_portions(info);
        walk_anchored(info);
    }

    // Footnotes, endnotes and comments are read where they are anchored, so
    // that they follow their paragraph in reading order.
    void walk_portions(const Reference<lang::XServiceInfo>& paragraph)
    {
        Reference<container::XEnumerationAccess> access(paragraph, UNO_QUERY);
        if (!access.is())
            return;
        // Tags count in the body and its tables, at the body paragraph.
        const Paragraph& current = doc_.paragraphs.back();
        const bool taggable = current.where == Where::Body || current.where == Where::Table;
        const std::size_t here = current.anchor;
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
                walk_text(Reference<text::XText>(note, UNO_QUERY), w,
                          std::string(endnote ? "endnote " : "footnote ") +
                              (label.empty() ? std::to_string(note_count_[endnote]) : label));
            }
            else if (type == "Bookmark" && taggable)
                read_tag(portion, here);
            else if (type == "Annotation")
            {
                Reference<beans::XPropertySet> field(portion->getPropertyValue("TextField"),
                                                     UNO_QUERY);
                if (field.is() && first_visit(field))
                    add_comment(field);
            }
        }
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
    std::map<std::string, std::size_t> open_tags_; // bookmark name -> index in doc_.tags
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
    Reader reader(doc, sources);
    reader.walk_text(text_doc->getText(), Where::Body, std::string());
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
