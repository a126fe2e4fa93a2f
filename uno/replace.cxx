#include "replace.hxx"

#include "case_register.hxx"
#include "controls.hxx"
#include "convert.hxx"
#include "locate.hxx"
#include "office_check.hxx"
#include "prelude.hxx"
#include "reader.hxx"
#include "undo_context.hxx"

#include <com/sun/star/awt/DialogProvider2.hpp>
#include <com/sun/star/awt/XCheckBox.hpp>
#include <com/sun/star/awt/XComboBox.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextCursor.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <osl/file.hxx>

#include <algorithm>
#include <map>

namespace scrqm::lo
{

namespace
{

sal_Int32 length16(const std::string& utf8)
{
    return to_ou(utf8).getLength();
}

// A comment's lines are paragraphs of the model with the comment field as
// their source: rewrites its Content once, its occurrences last first, when
// it still reads as checked.
std::size_t replace_in_comment(const Document& doc,
                               const std::vector<Reference<uno::XInterface>>& sources,
                               std::size_t first_line, const std::vector<const Occurrence*>& in,
                               const std::string& replacement)
{
    Reference<beans::XPropertySet> field(sources[first_line], UNO_QUERY);
    if (!field.is())
        return 0;
    OUString content;
    field->getPropertyValue("Content") >>= content;
    // Where each line starts in the comment's text.
    std::map<std::size_t, sal_Int32> line_start;
    std::string joined;
    for (std::size_t i = first_line;
         i < doc.paragraphs.size() && i < sources.size() && sources[i] == sources[first_line]; ++i)
    {
        if (i > first_line)
            joined += '\n';
        line_start[i] = length16(joined);
        joined += doc.paragraphs[i].text;
    }
    if (to_utf8(content) != joined)
        return 0; // edited since it was read
    std::size_t n = 0;
    for (const Occurrence* o : in) // last first
    {
        const std::string& text = doc.paragraphs[o->paragraph].text;
        const sal_Int32 at = line_start[o->paragraph] + utf16_offset(text, o->start);
        const sal_Int32 len = utf16_offset(text, o->end) - utf16_offset(text, o->start);
        if (to_utf8(content.copy(at, len)) != o->text)
            continue;
        content = content.replaceAt(at, len, to_ou(replacement));
        ++n;
    }
    if (n)
        field->setPropertyValue("Content", uno::Any(content));
    return n;
}

} // namespace

bool add_to_register(const Reference<uno::XComponentContext>& context, const std::string& case_id,
                     const std::string& identifier, const std::string& pseudonym)
{
    return edit_case_register(context, case_id,
                              [&](HashedRegister& reg) {
                                  reg.add({{identifier, pseudonym, "name"}});
                              });
}

std::size_t apply_occurrences(const Reference<frame::XModel>& model, const Document& doc,
                              const std::vector<Reference<uno::XInterface>>& sources,
                              const std::vector<Occurrence>& occurrences,
                              const std::string& replacement, const std::string& undo_title)
{
    // Last first, so that earlier offsets in a paragraph stay valid.
    std::vector<const Occurrence*> todo;
    for (const Occurrence& o : occurrences)
        if (o.paragraph < doc.paragraphs.size() && o.paragraph < sources.size())
            todo.push_back(&o);
    std::sort(todo.begin(), todo.end(),
              [](const Occurrence* a, const Occurrence* b) {
                  return a->paragraph != b->paragraph ? a->paragraph > b->paragraph
                                                      : a->start > b->start;
              });
    if (todo.empty())
        return 0;
    UndoContext undo(model, undo_title);
    std::size_t replaced = 0;
    // A comment's occurrences, by the comment's first line.
    std::map<std::size_t, std::vector<const Occurrence*>> comments;
    for (const Occurrence* o : todo)
    {
        const Paragraph& p = doc.paragraphs[o->paragraph];
        if (p.where == Where::Comment)
        {
            std::size_t first = o->paragraph;
            while (first > 0 && sources[first - 1] == sources[o->paragraph] &&
                   doc.paragraphs[first - 1].where == Where::Comment)
                --first;
            comments[first].push_back(o);
            continue;
        }
        if (p.where == Where::Property)
            continue;
        Reference<text::XTextRange> range(sources[o->paragraph], UNO_QUERY);
        if (!range.is())
            continue;
        const sal_Int32 start16 = utf16_offset(p.text, o->start);
        Reference<text::XTextCursor> cursor =
            select_text(range, start16, utf16_offset(p.text, o->end) - start16);
        if (!cursor.is() || to_utf8(cursor->getString()) != o->text)
            continue; // changed since it was read: left to the user
        cursor->setString(to_ou(replacement));
        ++replaced;
    }
    for (const auto& [first, list] : comments)
        replaced += replace_in_comment(doc, sources, first, list, replacement);
    return replaced;
}

ReplaceOutcome replace_everywhere(const Reference<uno::XComponentContext>& context,
                                  const Reference<frame::XModel>& model,
                                  const std::string& identifier, const std::string& replacement,
                                  bool also_register, const std::string& case_id)
{
    if (identifier_key(identifier).empty())
        throw std::invalid_argument("nothing to replace: give the text of the identifier");
    if (replacement.find_first_not_of(" \t") == std::string::npos)
        throw std::invalid_argument("the pseudonym is empty: give the text that replaces it");
    std::vector<Reference<uno::XInterface>> sources;
    const Document doc = read_document(model, "", &sources);
    const std::vector<Occurrence> found = find_occurrences(doc, identifier);
    ReplaceOutcome out;
    out.found = found.size();
    out.replaced = apply_occurrences(model, doc, sources, found, replacement,
                                     "Replace with \"" + replacement + "\"");
    if (also_register)
    {
        out.registered = add_to_register(context, case_id, without_title(identifier), replacement);
    }
    return out;
}

std::string run_replace_dialog(const Reference<uno::XComponentContext>& context,
                               const Reference<frame::XModel>& model, const std::string& identifier,
                               const std::string& preferred)
{
    std::vector<Reference<uno::XInterface>> sources;
    const Document doc = read_document(model, "", &sources);
    const std::vector<Occurrence> found = find_occurrences(doc, identifier);
    std::vector<std::string> proposals = pseudonym_suggestions(doc);
    // A register's pseudonym for it comes first.
    if (!preferred.empty())
    {
        proposals.erase(std::remove(proposals.begin(), proposals.end(), preferred),
                        proposals.end());
        proposals.insert(proposals.begin(), preferred);
    }

    OUString url;
    osl::FileBase::getFileURLFromSystemPath(
        to_ou(extension_dir() + "/dialogs/replace-pseudonym.xdl"), url);
    Reference<awt::XDialog> dialog = awt::DialogProvider2::create(context)->createDialog(url);
    Reference<awt::XControlContainer> controls(dialog, UNO_QUERY_THROW);
    // The dialog is disposed however it ends.
    struct Dispose
    {
        Reference<lang::XComponent> c;
        ~Dispose()
        {
            try
            {
                if (c.is())
                    c->dispose();
            }
            catch (...)
            {
            }
        }
    } dispose{Reference<lang::XComponent>(dialog, UNO_QUERY)};

    set_model(control(controls, "What"), "Label",
              uno::Any(to_ou("Replace \u201c" + without_title(identifier) +
                             "\u201d: " + describe_occurrences(found) + ".")));
    uno::Sequence<OUString> items(static_cast<sal_Int32>(proposals.size()));
    for (std::size_t i = 0; i < proposals.size(); ++i)
        items.getArray()[i] = to_ou(proposals[i]);
    set_model(control(controls, "Pseudonym"), "StringItemList", uno::Any(items));
    if (Reference<awt::XTextComponent> t{control(controls, "Pseudonym"), UNO_QUERY};
        t.is() && !proposals.empty())
    {
        t->setText(to_ou(proposals.front()));
        t->setSelection(awt::Selection(0, items[0].getLength()));
    }
    set_model(control(controls, "Pseudonym"), "Dropdown", uno::Any(true));
    // Ticked by default: a replaced name stays found in the next drafts.
    set_model(control(controls, "Register"), "State", uno::Any(sal_Int16(1)));
    if (found.empty())
        set_model(control(controls, "OK"), "Enabled", uno::Any(false));
    if (dialog->execute() != 1)
        return {};
    Reference<awt::XTextComponent> text(control(controls, "Pseudonym"), UNO_QUERY_THROW);
    const std::string replacement = to_utf8(text->getText());
    Reference<awt::XCheckBox> reg(control(controls, "Register"), UNO_QUERY);
    const bool add = reg.is() && reg->getState() == 1;
    if (replacement.find_first_not_of(" \t") == std::string::npos)
        return "Nothing replaced: the pseudonym was empty";
    const std::size_t n = apply_occurrences(model, doc, sources, found, replacement,
                                            "Replace with \"" + replacement + "\"");
    std::string line = "Replaced " + std::to_string(n) + " of " + std::to_string(found.size()) +
                       " with \u201c" + replacement + "\u201d (Edit > Undo takes it back)";
    if (add)
    {
        line += add_to_register(context, {}, without_title(identifier), replacement)
                    ? "; added to the case register"
                    : "; not added to the case register (it is locked: no passphrase given)";
    }
    return line;
}

} // namespace scrqm::lo
