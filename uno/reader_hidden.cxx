// Identifiers in places the page does not show: links' targets, hidden-text
// and hidden-paragraph fields' values and conditions, the authors of comments
// and tracked changes, and a .docx's custom XML parts. Each is read as a
// paragraph of its own (Where::Property), so the anonymisation check scans it
// like the body; links to addresses and paths and custom XML parts are also
// hidden-data items.
#include "reader_walker.hxx"

#include "convert.hxx"

#include <com/sun/star/beans/XPropertyState.hpp>
#include <com/sun/star/xml/dom/NodeType.hpp>
#include <com/sun/star/xml/dom/XDocument.hpp>
#include <com/sun/star/xml/dom/XElement.hpp>
#include <com/sun/star/xml/dom/XNamedNodeMap.hpp>
#include <com/sun/star/xml/dom/XNode.hpp>
#include <rtl/uri.hxx>

namespace scrqm::lo::detail
{

namespace
{

// Bounds: a hostile file may hold millions of links or XML nodes.
constexpr std::size_t kMaxLinks = 20000;
constexpr std::size_t kMaxXmlNodes = 200000;
constexpr std::size_t kMaxXmlBytes = 4u << 20;

// A link whose target is not a public web page: an e-mail address, a file
// on someone's disk or share. Those are hidden-data items; every target is
// scanned for identifiers whatever its scheme.
bool private_target(const OUString& url)
{
    const OUString lower = url.toAsciiLowerCase();
    for (const char* scheme : {"http:", "https:", "ftp:", "#", "vnd.sun.star.", "macro:"})
        if (lower.startsWith(OUString::createFromAscii(scheme)))
            return false;
    return true;
}

// The text and attribute values of an XML document, without recursion (a
// deeply nested part must not exhaust the stack), within the bounds.
std::vector<std::string> xml_texts(const Reference<xml::dom::XDocument>& document)
{
    std::vector<std::string> out;
    Reference<xml::dom::XNode> root(document.is() ? document->getDocumentElement() : nullptr,
                                    UNO_QUERY);
    std::size_t nodes = 0, bytes = 0;
    auto keep = [&](const OUString& value)
    {
        const OUString v = value.trim();
        if (v.isEmpty() || bytes > kMaxXmlBytes)
            return;
        out.push_back(to_utf8(v));
        bytes += out.back().size();
    };
    for (Reference<xml::dom::XNode> node = root; node.is() && ++nodes < kMaxXmlNodes;)
    {
        const xml::dom::NodeType type = node->getNodeType();
        if (type == xml::dom::NodeType_TEXT_NODE || type == xml::dom::NodeType_CDATA_SECTION_NODE)
            keep(node->getNodeValue());
        else if (type == xml::dom::NodeType_ELEMENT_NODE)
        {
            Reference<xml::dom::XNamedNodeMap> attributes = node->getAttributes();
            for (sal_Int32 i = 0; attributes.is() && i < attributes->getLength(); ++i)
            {
                Reference<xml::dom::XNode> a = attributes->item(i);
                // Namespace declarations are schema addresses, not data.
                if (a.is() && !a->getNodeName().startsWith("xmlns"))
                    keep(a->getNodeValue());
            }
        }
        Reference<xml::dom::XNode> next = node->getFirstChild();
        while (!next.is() && node.is() && node != root)
        {
            next = node->getNextSibling();
            if (!next.is())
                node = node->getParentNode();
        }
        node = next;
    }
    return out;
}

// The link a text portion carries: Writer's HyperLinkURL attribute, or in a
// drawing shape's own text a URL field.
OUString portion_link(const Reference<beans::XPropertySet>& portion)
{
    OUString url;
    Reference<beans::XPropertySetInfo> info = portion->getPropertySetInfo();
    if (info.is() && info->hasPropertyByName("HyperLinkURL"))
        portion->getPropertyValue("HyperLinkURL") >>= url;
    if (url.isEmpty() && info.is() && info->hasPropertyByName("TextField"))
    {
        Reference<beans::XPropertySet> field(portion->getPropertyValue("TextField"), UNO_QUERY);
        Reference<beans::XPropertySetInfo> field_info =
            field.is() ? field->getPropertySetInfo() : Reference<beans::XPropertySetInfo>();
        if (field_info.is() && field_info->hasPropertyByName("URL"))
            field->getPropertyValue("URL") >>= url;
    }
    return url;
}

} // namespace

void Reader::read_hidden_places(const Reference<frame::XModel>& model)
{
    read_link_targets(model);
    // Hidden-text and hidden-paragraph fields: their value and their
    // condition are typed text nobody sees ("child == \"Liam Carter\"").
    for (const Field& f : fields(model))
    {
        Reference<beans::XPropertySet> props(f.field, UNO_QUERY);
        if (!props.is())
            continue;
        const bool text = f.field->supportsService("com.sun.star.text.textfield.HiddenText");
        if (!text && !f.field->supportsService("com.sun.star.text.textfield.HiddenParagraph"))
            continue;
        OUString value, condition;
        if (text)
            props->getPropertyValue("Content") >>= value;
        props->getPropertyValue("Condition") >>= condition;
        const std::string what = text ? "hidden text field" : "hidden paragraph field";
        if (!blank(value))
            add(Where::Property, to_utf8(value), 0, what + " value", {});
        if (!blank(condition))
            add(Where::Property, to_utf8(condition), 0, what + " condition", {});
    }
    read_authors(model);
    read_custom_xml(model);
}

void Reader::read_link_targets(const Reference<frame::XModel>& model)
{
    // Writer keeps a link as a text attribute (an INetFormat hint). A search
    // descriptor cannot find it: SwXTextDocument::findAll's attribute search
    // takes character, paragraph and frame attributes only and drops
    // HyperLinkURL, so it finds nothing. The links are read from the text
    // portions instead, in the texts that hold any (one cursor over a whole
    // text tells: its HyperLinkURL state is the default when none does).
    std::vector<Reference<text::XText>> texts;
    Reference<text::XTextDocument> text_doc(model, UNO_QUERY);
    if (text_doc.is())
        texts.push_back(text_doc->getText());
    Reference<text::XTextFramesSupplier> frames(model, UNO_QUERY);
    Reference<container::XNameAccess> all_frames =
        frames.is() ? frames->getTextFrames() : Reference<container::XNameAccess>();
    for (const OUString& name :
         all_frames.is() ? all_frames->getElementNames() : uno::Sequence<OUString>())
        texts.emplace_back(all_frames->getByName(name), UNO_QUERY);
    Reference<text::XFootnotesSupplier> fs(model, UNO_QUERY);
    Reference<text::XEndnotesSupplier> es(model, UNO_QUERY);
    for (const Reference<container::XIndexAccess>& notes :
         {fs.is() ? fs->getFootnotes() : Reference<container::XIndexAccess>(),
          es.is() ? es->getEndnotes() : Reference<container::XIndexAccess>()})
        for (sal_Int32 i = 0; notes.is() && i < notes->getCount(); ++i)
            texts.emplace_back(notes->getByIndex(i), UNO_QUERY);
    for (const PageStyleText& t : page_style_texts(model))
        texts.push_back(t.text);
    for (const auto& shape : shape_texts(model))
        texts.push_back(shape.second);

    std::vector<std::pair<OUString, OUString>> links; // target, the text it is on
    std::set<OUString> seen;
    for (const Reference<text::XText>& text : texts)
        if (text.is() && links.size() < kMaxLinks)
            collect_links(text, links, seen);
    for (const auto& [url, shown] : links)
    {
        // "Kelly%20Hartwell" is read as the name it encodes.
        const std::string target =
            to_utf8(rtl::Uri::decode(url, rtl_UriDecodeWithCharset, RTL_TEXTENCODING_UTF8));
        if (private_target(url))
        {
            const std::string name = to_utf8(shown);
            hidden("link-target", Where::Property, doc_.count(Where::Property),
                   "link target of \"" + name + "\"", name, target);
        }
        add(Where::Property, target, 0, "link target", {});
    }
}

// The distinct link targets in `text`, its tables and their nested tables,
// each with the text of its first linked run.
void Reader::collect_links(const Reference<text::XText>& text,
                           std::vector<std::pair<OUString, OUString>>& links,
                           std::set<OUString>& seen)
{
    Reference<text::XTextCursor> whole = text->createTextCursor();
    Reference<beans::XPropertyState> state(whole, UNO_QUERY);
    if (!state.is())
        return;
    whole->gotoStart(false);
    whole->gotoEnd(true);
    try
    {
        if (state->getPropertyState("HyperLinkURL") == beans::PropertyState_DEFAULT_VALUE)
            return;
    }
    catch (const uno::Exception&)
    {
        // A drawing shape's own text has no such attribute: its links are
        // URL fields, read portion by portion below.
    }
    std::vector<Reference<container::XEnumerationAccess>> pending{
        Reference<container::XEnumerationAccess>(text, UNO_QUERY)};
    while (!pending.empty() && links.size() < kMaxLinks)
    {
        Reference<container::XEnumerationAccess> access = pending.back();
        pending.pop_back();
        Reference<container::XEnumeration> items =
            access.is() ? access->createEnumeration() : Reference<container::XEnumeration>();
        while (items.is() && items->hasMoreElements() && links.size() < kMaxLinks)
        {
            Reference<lang::XServiceInfo> item(items->nextElement(), UNO_QUERY);
            Reference<text::XTextTable> table(item, UNO_QUERY);
            if (table.is())
            {
                for (const OUString& cell : table->getCellNames())
                    pending.emplace_back(table->getCellByName(cell), UNO_QUERY);
                continue;
            }
            Reference<container::XEnumerationAccess> paragraph(item, UNO_QUERY);
            Reference<container::XEnumeration> portions =
                paragraph.is() ? paragraph->createEnumeration()
                               : Reference<container::XEnumeration>();
            OUString url, shown;
            auto flush = [&]
            {
                if (!blank(url) && seen.insert(url).second)
                    links.emplace_back(url, shown);
                url.clear();
                shown.clear();
            };
            while (portions.is() && portions->hasMoreElements())
            {
                Reference<beans::XPropertySet> portion(portions->nextElement(), UNO_QUERY);
                const OUString here = portion.is() ? portion_link(portion) : OUString();
                if (here != url)
                    flush();
                url = here;
                Reference<text::XTextRange> range(portion, UNO_QUERY);
                if (!blank(url) && range.is())
                    shown += range->getString();
            }
            flush();
        }
    }
}

// The authors of comments and tracked changes are names published with the
// file: each distinct author is read once.
void Reader::read_authors(const Reference<frame::XModel>& model)
{
    std::set<OUString> comment_authors, change_authors;
    for (const Field& f : fields(model))
    {
        Reference<beans::XPropertySet> props(f.field, UNO_QUERY);
        OUString author;
        if (f.annotation && props.is() && (props->getPropertyValue("Author") >>= author) &&
            !blank(author))
            comment_authors.insert(author);
    }
    Reference<document::XRedlinesSupplier> supplier(model, UNO_QUERY);
    Reference<container::XEnumeration> redlines = supplier.is() && supplier->getRedlines().is()
                                                      ? supplier->getRedlines()->createEnumeration()
                                                      : Reference<container::XEnumeration>();
    while (redlines.is() && redlines->hasMoreElements())
    {
        Reference<beans::XPropertySet> props(redlines->nextElement(), UNO_QUERY);
        OUString author;
        if (props.is() && (props->getPropertyValue("RedlineAuthor") >>= author) && !blank(author))
            change_authors.insert(author);
    }
    for (const OUString& a : comment_authors)
        add(Where::Property, to_utf8(a), 0, "comment author", {});
    for (const OUString& a : change_authors)
        add(Where::Property, to_utf8(a), 0, "tracked-change author", {});
}

// Word's custom XML parts, which LibreOffice keeps (as DOM documents) in
// the model's interoperability grab bag to write them back.
void Reader::read_custom_xml(const Reference<frame::XModel>& model)
{
    Reference<beans::XPropertySet> props(model, UNO_QUERY);
    if (!props.is() || !props->getPropertySetInfo()->hasPropertyByName("InteropGrabBag"))
        return;
    uno::Sequence<beans::PropertyValue> bag;
    props->getPropertyValue("InteropGrabBag") >>= bag;
    for (const beans::PropertyValue& entry : bag)
    {
        if (entry.Name != "OOXCustomXml")
            continue;
        uno::Sequence<Reference<xml::dom::XDocument>> parts;
        entry.Value >>= parts;
        for (sal_Int32 i = 0; i < parts.getLength(); ++i)
        {
            const std::vector<std::string> texts = xml_texts(parts[i]);
            if (texts.empty())
                continue;
            const std::string part = "item" + std::to_string(i + 1) + ".xml";
            std::string joined;
            for (const std::string& t : texts)
                joined += (joined.empty() ? "" : " / ") + t;
            hidden("custom-xml", Where::Property, doc_.count(Where::Property),
                   "custom XML part " + part, part, joined);
            for (const std::string& t : texts)
                add(Where::Property, t, 0, "custom XML part " + part, {});
        }
    }
}

} // namespace scrqm::lo::detail
