#include "locate.hxx"

#include "convert.hxx"
#include "prelude.hxx"

#include <com/sun/star/text/XText.hpp>

namespace scrqm::lo
{

// UTF-16 length of the first `code_points` code points of `utf8`.
sal_Int32 utf16_offset(const std::string& utf8, std::size_t code_points)
{
    const OUString u = to_ou(utf8);
    sal_Int32 index = 0;
    for (std::size_t k = 0; k < code_points && index < u.getLength(); ++k)
        u.iterateCodePoints(&index);
    return index;
}

// Positions in a paragraph's string and cursor positions differ where the
// paragraph holds anchors (a comment, a footnote, a frame): those are one
// cursor step and no (or other) text. So the cursor is moved by the text it
// actually covers, and anchors are stepped over, never selected.
Reference<text::XTextCursor> select_text(const Reference<text::XTextRange>& paragraph,
                                         sal_Int32 start16, sal_Int32 length16)
{
    Reference<text::XText> text = paragraph->getText();
    Reference<text::XTextCursor> cursor = text->createTextCursorByRange(paragraph->getStart());
    Reference<text::XTextCursor> probe = text->createTextCursorByRange(paragraph->getStart());
    sal_Int32 covered = 0;
    for (int guard = 0; covered < start16 && guard < 1000000; ++guard)
    {
        probe->gotoRange(cursor->getStart(), false);
        if (!probe->goRight(1, true))
            return {};
        covered += probe->getString().getLength();
        cursor->goRight(1, false);
    }
    // Skip anchors that sit right before the text.
    for (int guard = 0; guard < 64; ++guard)
    {
        probe->gotoRange(cursor->getStart(), false);
        if (!probe->goRight(1, true) || !probe->getString().isEmpty())
            break;
        cursor->goRight(1, false);
    }
    covered = 0;
    for (int guard = 0; covered < length16 && guard < 1000000; ++guard)
    {
        probe->gotoRange(cursor->getEnd(), false);
        if (!probe->goRight(1, true))
            break;
        const sal_Int32 step = probe->getString().getLength();
        if (step == 0)
            return {}; // an anchor inside the text: leave it to the user
        covered += step;
        cursor->goRight(1, true);
    }
    return cursor;
}

Reference<text::XTextCursor> locate(const Document& doc,
                                    const std::vector<Reference<uno::XInterface>>& sources,
                                    const Finding& f)
{
    if (f.where == Where::Comment || f.where == Where::Property)
        return {};
    for (std::size_t i = 0; i < doc.paragraphs.size() && i < sources.size(); ++i)
    {
        const Paragraph& p = doc.paragraphs[i];
        if (p.where != f.where || p.index != f.paragraph)
            continue;
        Reference<text::XTextRange> range(sources[i], UNO_QUERY);
        if (!range.is())
            return {};
        const sal_Int32 start16 = utf16_offset(p.text, f.start);
        return select_text(range, start16, utf16_offset(p.text, f.end) - start16);
    }
    return {};
}

} // namespace scrqm::lo
