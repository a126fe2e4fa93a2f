#include "case_register.hxx"

#include "convert.hxx"

#include <scrqm/catalogue.hxx>

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextCursor.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/util/PathSubstitution.hpp>
#include <com/sun/star/util/XStringSubstitution.hpp>
#include <osl/file.hxx>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

using namespace com::sun::star;
using com::sun::star::uno::Reference;
using com::sun::star::uno::UNO_QUERY;
using rtl::OUString;

namespace scrqm::lo
{

std::string register_path(const Reference<uno::XComponentContext>& context, const std::string& case_id)
{
    Reference<util::XStringSubstitution> subst = util::PathSubstitution::create(context);
    const OUString url = subst->substituteVariables("$(user)", true);
    OUString sys;
    osl::FileBase::getSystemPathFromFileURL(url, sys);
    std::string id;
    for (char c : case_id.empty() ? std::string("default") : case_id)
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')
            id += c;
    if (id.empty())
        id = "default";
    return to_utf8(sys) + "/scrqm/registers/" + id + ".json";
}

std::size_t store_register(const std::string& path, const std::vector<RegisterEntry>& entries)
{
    const HashedRegister reg = HashedRegister::from_entries(entries);
    // mkdir -p of the two levels under the profile's user directory.
    const std::string dir = path.substr(0, path.rfind('/'));
    ::mkdir(dir.substr(0, dir.rfind('/')).c_str(), 0700);
    ::mkdir(dir.c_str(), 0700);
    const std::string tmp = path + ".tmp";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0)
        throw DataError(path + ": cannot write the register: " + std::strerror(errno));
    const std::string json = reg.to_json();
    const bool ok = ::write(fd, json.data(), json.size()) == static_cast<ssize_t>(json.size());
    ::close(fd);
    if (!ok || ::rename(tmp.c_str(), path.c_str()) != 0)
        throw DataError(path + ": cannot write the register");
    return reg.size();
}

std::optional<HashedRegister> load_stored_register(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::stringstream ss;
    ss << in.rdbuf();
    return HashedRegister::from_json(ss.str(), path);
}

namespace
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
} // namespace

std::size_t replace_with_pseudonyms(const Reference<frame::XModel>& model, const Document& doc,
                                    const std::vector<Reference<uno::XInterface>>& sources,
                                    const std::vector<Finding>& findings)
{
    // Last first, so earlier offsets in the same paragraph stay valid.
    std::vector<const Finding*> todo;
    for (const Finding& f : findings)
        if (f.category == "register")
            todo.push_back(&f);
    std::sort(todo.begin(), todo.end(), [](const Finding* a, const Finding* b) {
        if (a->where != b->where)
            return a->where < b->where;
        if (a->paragraph != b->paragraph)
            return a->paragraph < b->paragraph;
        return a->start > b->start;
    });
    Reference<document::XUndoManagerSupplier> undo_supplier(model, UNO_QUERY);
    Reference<document::XUndoManager> undo =
        undo_supplier.is() ? undo_supplier->getUndoManager() : Reference<document::XUndoManager>();
    if (undo.is())
        undo->enterUndoContext("Replace with pseudonyms");
    std::size_t replaced = 0;
    try
    {
        // Comments are rewritten once each, with all their replacements.
        for (const Finding* f : todo)
        {
            const std::string pseudonym =
                f->fix.rfind("Replace with \"", 0) == 0 ? f->fix.substr(14, f->fix.size() - 15) : "";
            if (pseudonym.empty())
                continue;
            for (std::size_t i = 0; i < doc.paragraphs.size(); ++i)
            {
                const Paragraph& p = doc.paragraphs[i];
                if (p.where != f->where || p.index != f->paragraph || i >= sources.size())
                    continue;
                Reference<text::XTextRange> range(sources[i], UNO_QUERY);
                if (range.is() && p.where != Where::Comment)
                {
                    const sal_Int32 start16 = utf16_offset(p.text, f->start);
                    Reference<text::XTextCursor> cursor =
                        select_text(range, start16, utf16_offset(p.text, f->end) - start16);
                    if (cursor.is() && to_utf8(cursor->getString()) == f->text)
                    {
                        cursor->setString(to_ou(pseudonym));
                        ++replaced;
                    }
                }
                else if (Reference<beans::XPropertySet> field{sources[i], UNO_QUERY}; field.is())
                {
                    OUString content;
                    field->getPropertyValue("Content") >>= content;
                    const OUString from = to_ou(f->text);
                    const sal_Int32 at = content.indexOf(from);
                    if (at >= 0)
                    {
                        field->setPropertyValue(
                            "Content", uno::Any(content.replaceAt(at, from.getLength(), to_ou(pseudonym))));
                        ++replaced;
                    }
                }
            }
        }
    }
    catch (...)
    {
        if (undo.is())
            undo->leaveUndoContext();
        throw;
    }
    if (undo.is())
        undo->leaveUndoContext();
    return replaced;
}

} // namespace scrqm::lo
