// How each body paragraph looks (bold share, font size, list label), read
// into the model for the outline inference (scrqm/outline.hxx) of a report
// written without heading styles. Only a body with no heading of its own is
// read this way: a styled report pays nothing for it.
#include "reader.hxx"

#include "convert.hxx"
#include "prelude.hxx"

#include <scrqm/outline.hxx>

#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XEnumeration.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/text/XTextDocument.hpp>

#include <map>
#include <optional>

namespace scrqm::lo
{

namespace
{

// Bold share and the size most of the paragraph's letters have, portion by
// portion (a paragraph may be bold only in its lead-in).
void read_paragraph_look(const Reference<lang::XServiceInfo>& info, ParagraphLook& look)
{
    Reference<beans::XPropertySet> props(info, UNO_QUERY);
    if (props.is())
    {
        OUString label;
        if (props->getPropertySetInfo()->hasPropertyByName("ListLabelString") &&
            (props->getPropertyValue("ListLabelString") >>= label))
            look.label = to_utf8(label);
    }
    Reference<container::XEnumerationAccess> access(info, UNO_QUERY);
    if (!access.is())
        return;
    Reference<container::XEnumeration> portions = access->createEnumeration();
    sal_Int32 letters = 0, bold = 0;
    std::map<float, sal_Int32> sizes;
    while (portions->hasMoreElements())
    {
        Reference<beans::XPropertySet> portion(portions->nextElement(), UNO_QUERY);
        Reference<text::XTextRange> range(portion, UNO_QUERY);
        if (!portion.is() || !range.is())
            continue;
        OUString kind;
        portion->getPropertyValue("TextPortionType") >>= kind;
        if (kind != "Text")
            continue;
        const OUString text = range->getString().trim();
        if (text.isEmpty())
            continue;
        float weight = 0, height = 0;
        portion->getPropertyValue("CharWeight") >>= weight;
        portion->getPropertyValue("CharHeight") >>= height;
        letters += text.getLength();
        if (weight >= awt::FontWeight::SEMIBOLD)
            bold += text.getLength();
        sizes[height] += text.getLength();
    }
    if (letters == 0)
        return;
    look.bold = static_cast<float>(bold) / static_cast<float>(letters);
    sal_Int32 most = 0;
    for (const auto& [size, n] : sizes)
        if (n > most)
            most = n, look.size = size;
}

} // namespace

void read_looks(const Reference<frame::XModel>& model, Document& doc)
{
    bool styled = false;
    for (const Paragraph& p : doc.paragraphs)
        styled = styled || (p.where == Where::Body && p.outline_level > 0 && !p.heading_inferred);
    // The author's own headings are the outline: only the contents page.
    if (styled)
    {
        if (std::optional<Document> marked = with_inferred_outline(doc))
            doc = std::move(*marked);
        return;
    }
    Reference<text::XTextDocument> text_doc(model, UNO_QUERY);
    Reference<container::XEnumerationAccess> access(
        text_doc.is() ? text_doc->getText() : Reference<text::XText>(), UNO_QUERY);
    if (!access.is())
        return;
    // Body paragraphs in the model's order, as the body walk counts them:
    // the main text's paragraphs, tables apart.
    std::vector<Paragraph*> body;
    for (Paragraph& p : doc.paragraphs)
        if (p.where == Where::Body)
            body.push_back(&p);
    std::vector<ParagraphLook> looks;
    Reference<container::XEnumeration> items = access->createEnumeration();
    while (items->hasMoreElements())
    {
        Reference<lang::XServiceInfo> info(items->nextElement(), UNO_QUERY);
        if (!info.is() || !info->supportsService("com.sun.star.text.Paragraph"))
            continue;
        looks.emplace_back();
        read_paragraph_look(info, looks.back());
    }
    // A body counted differently (content the walks place elsewhere) is not
    // matched paragraph by paragraph: better no look than the wrong one.
    if (looks.size() != body.size())
        return;
    for (std::size_t i = 0; i < body.size(); ++i)
        body[i]->look = std::move(looks[i]);
    if (std::optional<Document> inferred = with_inferred_outline(doc))
        doc = std::move(*inferred);
}

} // namespace scrqm::lo
