// "Save publication copy…" (vnd.scrqm:PublicationCopy from the toolbar, the
// Tools > Add-ons menu and the results panel): a save dialog, the copy
// (publication.cxx), and its verdict and findings in a message box.
#include "convert.hxx"
#include "prelude.hxx"
#include "publication.hxx"
#include "uno_helpers.hxx"

#include <scrqm/rules.hxx>

#include <com/sun/star/awt/MessageBoxButtons.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XMessageBox.hpp>
#include <com/sun/star/awt/XMessageBoxFactory.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/ui/dialogs/ExecutableDialogResults.hpp>
#include <com/sun/star/ui/dialogs/FilePicker.hpp>
#include <com/sun/star/ui/dialogs/TemplateDescription.hpp>
#include <com/sun/star/ui/dialogs/XFilePicker3.hpp>
#include <com/sun/star/uno/Exception.hpp>
#include <osl/file.hxx>

#include <exception>
#include <map>
#include <stdexcept>

namespace scrqm::lo
{

namespace
{

struct Choice
{
    const char* title;
    const char* pattern;
    const char* format;
};

constexpr Choice kChoices[] = {
    {"Word document (.docx)", "*.docx", "docx"},
    {"ODF text document (.odt)", "*.odt", "odt"},
    {"PDF (.pdf)", "*.pdf", "pdf"},
};

void show(const Reference<uno::XComponentContext>& context, const Reference<frame::XFrame>& frame,
          awt::MessageBoxType type, const std::string& title, const std::string& text)
{
    Reference<awt::XMessageBoxFactory> factory(awt::Toolkit::create(context), UNO_QUERY);
    Reference<awt::XWindowPeer> parent(frame->getContainerWindow(), UNO_QUERY);
    if (!factory.is() || !parent.is())
        return;
    Reference<awt::XMessageBox> box = factory->createMessageBox(
        parent, type, awt::MessageBoxButtons::BUTTONS_OK, to_ou(title), to_ou(text));
    if (box.is())
        box->execute();
}

std::string plural(std::size_t n, const char* one, const char* many)
{
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// What the box says: where, the verdict, what was taken out, and the
// copy's findings grouped by rule name with counts.
std::string summary(const std::string& path, const PublicationOutcome& o)
{
    std::string text = "Saved: " + path + "\n\nVerdict of the copy: " + o.check.verdict.text;
    const PublicationCleaned& c = o.cleaned;
    text += "\n\nTaken out of the copy: " + plural(c.comments, "comment", "comments") + ", " +
            plural(c.changes_accepted, "tracked change accepted", "tracked changes accepted") +
            ", " + plural(c.hidden_text, "hidden passage", "hidden passages") + ", " +
            plural(c.properties + c.user_properties, "document property", "document properties") +
            ", " + plural(c.scrqm_bookmarks, "tag bookmark", "tag bookmarks") + ".";
    std::map<std::string, std::size_t> by_rule;
    for (std::size_t i : o.check.shown)
    {
        const Finding& f = o.check.result.findings[i];
        const Rule* rule = find_rule(f.check);
        ++by_rule[rule ? rule->name : f.check];
    }
    if (by_rule.empty())
        text += "\n\nThe copy has no findings.";
    else
    {
        text += "\n\nFindings in the copy:";
        for (const auto& [name, n] : by_rule)
            text += "\n  " + name + " (" + std::to_string(n) + ")";
    }
    return text;
}

} // namespace

void publication_copy_ui(const Reference<uno::XComponentContext>& context,
                         const Reference<frame::XFrame>& frame)
{
    if (!frame.is())
        return;
    Reference<frame::XController> controller = frame->getController();
    Reference<frame::XModel> model = controller.is() ? controller->getModel() : nullptr;
    if (!model.is())
        return;
    try
    {
        uno::Sequence<uno::Any> mode(1);
        mode[0] <<= ui::dialogs::TemplateDescription::FILESAVE_AUTOEXTENSION;
        Reference<ui::dialogs::XFilePicker3> picker(
            ui::dialogs::FilePicker::createWithMode(
                context, ui::dialogs::TemplateDescription::FILESAVE_AUTOEXTENSION),
            UNO_QUERY);
        if (!picker.is())
            return;
        picker->setTitle("Save publication copy");
        for (const Choice& c : kChoices)
            picker->appendFilter(OUString::createFromAscii(c.title),
                                 OUString::createFromAscii(c.pattern));
        picker->setCurrentFilter(OUString::createFromAscii(kChoices[0].title));
        picker->setDefaultName("publication copy.docx");
        const OUString file = chosen_file(picker);
        if (file.isEmpty())
            return;
        PublicationRequest request;
        request.output = to_utf8(file);
        const OUString filter = picker->getCurrentFilter();
        for (const Choice& c : kChoices)
            if (filter == OUString::createFromAscii(c.title))
                request.format = c.format;
        // A name typed with another known extension wins over the filter.
        try
        {
            (void)publication_format(request.output, request.format);
        }
        catch (const std::invalid_argument&)
        {
            request.format.clear();
        }
        const PublicationOutcome outcome = publish_copy(context, model, request);
        OUString path;
        if (osl::FileBase::getSystemPathFromFileURL(file, path) != osl::FileBase::E_None)
            path = file;
        show(context, frame,
             outcome.check.verdict.ready ? awt::MessageBoxType_INFOBOX
                                         : awt::MessageBoxType_WARNINGBOX,
             "Publication copy", summary(to_utf8(path), outcome));
    }
    catch (const uno::Exception& e)
    {
        show(context, frame, awt::MessageBoxType_ERRORBOX, "Publication copy",
             "No copy was saved: " + to_utf8(e.Message));
    }
    catch (const std::exception& e)
    {
        show(context, frame, awt::MessageBoxType_ERRORBOX, "Publication copy",
             std::string("No copy was saved: ") + e.what());
    }
}

} // namespace scrqm::lo
