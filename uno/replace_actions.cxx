#include "replace_actions.hxx"

#include "allow.hxx"
#include "case_register.hxx"
#include "convert.hxx"
#include "hidden.hxx"
#include "prelude.hxx"
#include "replace.hxx"
#include "undo_context.hxx"

#include <com/sun/star/awt/MessageBoxButtons.hpp>
#include <com/sun/star/awt/MessageBoxResults.hpp>
#include <com/sun/star/awt/MessageBoxType.hpp>
#include <com/sun/star/awt/PopupMenuDirection.hpp>
#include <com/sun/star/awt/Rectangle.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XMessageBox.hpp>
#include <com/sun/star/awt/XMessageBoxFactory.hpp>
#include <com/sun/star/awt/XPopupMenu.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextContent.hpp>

namespace scrqm::lo
{

namespace
{

constexpr std::size_t kPreviewLines = 25;

const char* kNotUndoable = "not undoable: document properties are outside Edit > Undo";

// "Fix all of this kind...": a preview of every change, then one undo step.
std::string fix_all(const Reference<uno::XComponentContext>& context, Results& r, const Finding& f,
                    const FixChoice& choice, const Reference<awt::XControl>& button)
{
    const std::vector<std::size_t> targets =
        fix_all_targets(r.all(), r.outcome.shown, f, choice.action.kind);
    if (targets.empty())
        return "Nothing of this kind left to fix";
    std::string preview = std::to_string(targets.size()) + " changes, one Edit > Undo step:\n";
    std::vector<TextFix> fixes;
    for (std::size_t k = 0; k < targets.size(); ++k)
    {
        const Finding& g = r.all()[targets[k]];
        TextFix fix = text_fix_of(g, text_fix(g, choice.action.kind));
        const std::string& to = fix.replacement;
        if (k < kPreviewLines)
            preview += "\u201c" + fix.finding.text + "\u201d \u2192 " +
                       (to.empty() ? std::string("(removed)") : "\u201c" + to + "\u201d") + "\n";
        fixes.push_back(std::move(fix));
    }
    if (targets.size() > kPreviewLines)
        preview += "\u2026 and " + std::to_string(targets.size() - kPreviewLines) + " more\n";
    Reference<awt::XMessageBoxFactory> factory(awt::Toolkit::create(context), UNO_QUERY_THROW);
    Reference<awt::XWindowPeer> peer = button->getPeer();
    Reference<awt::XMessageBox> box = factory->createMessageBox(
        peer, awt::MessageBoxType_QUERYBOX, awt::MessageBoxButtons::BUTTONS_OK_CANCEL,
        "Fix all of this kind", to_ou(preview));
    if (box->execute() != awt::MessageBoxResults::OK)
        return {};
    for (const TextFix& fix : fixes)
        need_source(context, r, fix.finding);
    const std::size_t n =
        apply_text_fixes(r.model, r.doc, r.sources, fixes, "Fix all: " + fix_label(choice.action));
    return "Fixed " + std::to_string(n) + " of " + std::to_string(fixes.size()) +
           " (one Edit > Undo takes them all back)";
}

std::string hidden_fix(const Reference<uno::XComponentContext>& context, Results& r,
                       const std::string& name, const std::string& target, const std::string& label)
{
    const std::string answer = apply_hidden_fix(context, r.model, name, target);
    if (answer.find("\"undo\":false") != std::string::npos)
        return label + " (" + kNotUndoable + ")";
    return label + " (Edit > Undo takes it back)";
}

// The comment the finding is in: the annotation field its first paragraph
// was read from (the reader keeps it as the paragraph's source).
std::string delete_this_comment(const Reference<uno::XComponentContext>& context, Results& r,
                                const Finding& f)
{
    need_source(context, r, f);
    Reference<text::XTextContent> comment;
    for (std::size_t i = 0; i < r.doc.paragraphs.size() && i < r.sources.size(); ++i)
    {
        const Paragraph& p = r.doc.paragraphs[i];
        if (p.where == Where::Comment && p.index == f.paragraph)
        {
            comment.set(r.sources[i], UNO_QUERY);
            break;
        }
    }
    Reference<text::XTextRange> anchor = comment.is() ? comment->getAnchor() : nullptr;
    if (!anchor.is())
        throw Changed();
    {
        UndoContext undo(r.model, "scrqm: delete a comment");
        anchor->getText()->removeTextContent(comment);
    }
    return "Deleted the comment (Edit > Undo takes it back)";
}

} // namespace

int choose_fix(const Reference<uno::XComponentContext>& context,
               const Reference<awt::XControl>& button, const std::vector<FixChoice>& choices)
{
    Reference<awt::XPopupMenu> menu(context->getServiceManager()->createInstanceWithContext(
                                        "com.sun.star.awt.PopupMenu", context),
                                    UNO_QUERY_THROW);
    for (std::size_t i = 0; i < choices.size(); ++i)
        // Item ids start at 1: 0 is "nothing chosen".
        menu->insertItem(static_cast<sal_Int16>(i + 1), to_ou(choices[i].label), 0,
                         static_cast<sal_Int16>(i));
    Reference<awt::XWindow> window(button, UNO_QUERY_THROW);
    const awt::Rectangle at = window->getPosSize();
    const sal_Int16 chosen =
        menu->execute(button->getPeer(), awt::Rectangle(0, 0, at.Width, at.Height),
                      awt::PopupMenuDirection::EXECUTE_DOWN);
    return chosen > 0 && chosen <= static_cast<sal_Int16>(choices.size()) ? chosen - 1 : -1;
}

std::string apply_fix_choice(const Reference<uno::XComponentContext>& context, Results& r,
                             const Finding& f, const FixChoice& choice,
                             const Reference<awt::XControl>& button)
{
    const FixAction& a = choice.action;
    if (choice.all_of_kind)
        return fix_all(context, r, f, choice, button);
    switch (a.kind)
    {
    case FixKind::Replace:
        return run_replace_dialog(context, r.model, f.text, a.replacement);
    case FixKind::Generalise:
    case FixKind::Remove:
    case FixKind::RemoveHiddenText:
    {
        need_source(context, r, f);
        const FixAction* fix = a.kind == FixKind::RemoveHiddenText ? &a : text_fix(f, a.kind);
        if (apply_text_fixes(r.model, r.doc, r.sources, {text_fix_of(f, fix)}, choice.label) == 0)
            throw Changed();
        return choice.label + " (Edit > Undo takes it back)";
    }
    case FixKind::Allow:
        if (a.target == "user")
            return allow_for_user(context, f.text)
                       ? "Allowed in all your documents (your allow-list in the profile)"
                       : "Already allowed in all your documents";
        return allow_in_document(r.model, f.text)
                   ? std::string("Allowed in this document, kept as a salted key in its "
                                 "properties (") +
                         kNotUndoable + ")"
                   : "Already allowed in this document";
    case FixKind::DeleteComment:
        if (a.target == "this")
            return delete_this_comment(context, r, f);
        return hidden_fix(context, r, "delete-comments", {}, "Deleted the comments");
    case FixKind::AcceptOrRejectChanges:
        return a.target == "reject"
                   ? hidden_fix(context, r, "reject-changes", {}, "Rejected the tracked changes")
                   : hidden_fix(context, r, "accept-changes", {}, "Accepted the tracked changes");
    case FixKind::ClearProperty:
        return hidden_fix(context, r, "clear-property", a.target, choice.label);
    }
    return {};
}

} // namespace scrqm::lo
