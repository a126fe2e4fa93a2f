#include "register_dialog.hxx"

#include "case_register.hxx"
#include "convert.hxx"
#include "office_check.hxx"
#include "prelude.hxx"
#include "reader.hxx"
#include "replace.hxx"
#include "uno_helpers.hxx"

#include <scrqm/catalogue.hxx>
#include <scrqm/check_entry.hxx>

#include <com/sun/star/awt/DialogProvider2.hpp>
#include <com/sun/star/awt/MessageBoxButtons.hpp>
#include <com/sun/star/awt/MessageBoxResults.hpp>
#include <com/sun/star/awt/MessageBoxType.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XActionListener.hpp>
#include <com/sun/star/awt/XButton.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/XMessageBox.hpp>
#include <com/sun/star/awt/XMessageBoxFactory.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/ui/dialogs/ExecutableDialogResults.hpp>
#include <com/sun/star/ui/dialogs/FilePicker.hpp>
#include <com/sun/star/ui/dialogs/TemplateDescription.hpp>
#include <com/sun/star/ui/dialogs/XFilterManager.hpp>
#include <cppuhelper/implbase1.hxx>
#include <osl/file.hxx>
#include <rtl/ref.hxx>

#include <cstdio>

namespace scrqm::lo
{

namespace
{

class RegisterDialog : public cppu::WeakImplHelper1<awt::XActionListener>
{
public:
    RegisterDialog(const Reference<uno::XComponentContext>& context,
                   const Reference<frame::XModel>& model)
        : context_(context), model_(model)
    {
    }

    std::string run()
    {
        OUString url;
        osl::FileBase::getFileURLFromSystemPath(
            to_ou(extension_dir() + "/dialogs/case-register.xdl"), url);
        dialog_ = awt::DialogProvider2::create(context_)->createDialog(url);
        controls_.set(dialog_, UNO_QUERY_THROW);
        set_text("Case", "default");
        if (model_.is())
        {
            std::vector<Reference<uno::XInterface>> sources;
            const Document doc = read_document(model_, "", &sources);
            list("Pseudonym", pseudonym_suggestions(doc));
        }
        list("Kind", {"name", "address", "date", "school", "place", "other"});
        set_text("Kind", "name");
        set_model("Note", "Label",
                  "The register keeps salted hashes only, never the names in clear: pairs stored "
                  "earlier can be changed or deleted by typing them, but not listed or exported.");
        set_model("ReplaceAll", "Enabled", model_.is());
        for (const char* name : {"Add", "Delete", "Import", "Clear", "ReplaceAll"})
            if (Reference<awt::XButton> b{control(name), UNO_QUERY}; b.is())
            {
                b->setActionCommand(OUString::createFromAscii(name));
                b->addActionListener(this);
            }
        dialog_->execute();
        Reference<lang::XComponent>(dialog_, UNO_QUERY_THROW)->dispose();
        return status_;
    }

    void SAL_CALL actionPerformed(const awt::ActionEvent& e) override
    {
        try
        {
            act(to_utf8(e.ActionCommand));
        }
        catch (const uno::Exception& x)
        {
            status("Error: " + to_utf8(x.Message));
        }
        catch (const std::exception& x)
        {
            status(std::string("Error: ") + x.what());
        }
    }
    void SAL_CALL disposing(const lang::EventObject&) override {}

private:
    void act(const std::string& name)
    {
        const std::string path = register_path(context_, text("Case"));
        if (name == "Add" || name == "Delete")
        {
            const std::string real = without_title(text("Real"));
            const std::string pseudonym = text("Pseudonym");
            if (identifier_key(real).empty())
                return status("Type the real identifier first");
            if (name == "Add" && pseudonym.find_first_not_of(' ') == std::string::npos)
                return status("Type or choose a pseudonym first");
            const RegisterEntry entry{real, pseudonym, text("Kind")};
            if (!edit_case_register(context_, text("Case"),
                                    [&](HashedRegister& reg)
                                    {
                                        if (name == "Add")
                                            reg.add({entry});
                                        else
                                            reg.remove({entry});
                                    }))
                return status("The register is locked: give the case's passphrase");
            session(name == "Add" ? real + " \u2192 " + pseudonym : real + " deleted");
            set_text("Real", "");
            return status(name == "Add"
                              ? "Added to the register of \u201c" + text("Case") + "\u201d"
                              : "Deleted from the register");
        }
        if (name == "Import")
            return import();
        if (name == "Clear")
        {
            if (!confirm("Delete the whole register of the case \u201c" + text("Case") + "\u201d?"))
                return;
            const bool removed = std::remove(path.c_str()) == 0;
            session("register of " + text("Case") + " cleared");
            return status(removed ? "The case's register is deleted" : "The case had no register");
        }
        if (name == "ReplaceAll" && model_.is())
        {
            std::vector<Reference<uno::XInterface>> sources;
            const Document doc = read_document(model_, "", &sources);
            const CheckRequest request = office_check_request(
                context_, {{"Checks", "anonymisation"}, {"Case", text("Case")}});
            const std::vector<Finding> findings =
                run_check(doc, request, office_check_runner()).result.findings;
            const std::size_t n = replace_with_pseudonyms(model_, doc, sources, findings);
            return status("Replaced " + std::to_string(n) +
                          " (one Edit > Undo takes them all back)");
        }
    }

    void import()
    {
        Reference<ui::dialogs::XFilePicker3> picker = ui::dialogs::FilePicker::createWithMode(
            context_, ui::dialogs::TemplateDescription::FILEOPEN_SIMPLE);
        picker->appendFilter("Registers (*.csv, *.json)", "*.csv;*.json");
        picker->setTitle("Import a case register");
        const OUString file = chosen_file(picker);
        if (file.isEmpty())
            return;
        OUString sys;
        osl::FileBase::getSystemPathFromFileURL(file, sys);
        const std::vector<RegisterEntry> entries = load_register(to_utf8(sys));
        if (!edit_case_register(context_, text("Case"),
                                [&](HashedRegister& reg) { reg.add(entries); }))
            return status("The register is locked: give the case's passphrase");
        session("imported " + std::to_string(entries.size()) + " pairs");
        status("Imported " + std::to_string(entries.size()) +
               " pairs; the file itself is not kept (delete it if it holds names in clear)");
    }

    bool confirm(const std::string& question)
    {
        Reference<awt::XMessageBoxFactory> factory(awt::Toolkit::create(context_), UNO_QUERY_THROW);
        Reference<awt::XControl> c(dialog_, UNO_QUERY_THROW);
        Reference<awt::XMessageBox> box = factory->createMessageBox(
            c->getPeer(), awt::MessageBoxType_QUERYBOX, awt::MessageBoxButtons::BUTTONS_OK_CANCEL,
            "Case register", to_ou(question));
        return box->execute() == awt::MessageBoxResults::OK;
    }

    Reference<awt::XControl> control(const char* name) const
    {
        return controls_->getControl(OUString::createFromAscii(name));
    }

    template <class T> void set_model(const char* name, const char* property, const T& value)
    {
        Reference<beans::XPropertySet> props(control(name)->getModel(), UNO_QUERY);
        if (props.is())
            props->setPropertyValue(OUString::createFromAscii(property), uno::Any(value));
    }
    void set_model(const char* name, const char* property, const char* value)
    {
        set_model(name, property, to_ou(value));
    }
    void set_model(const char* name, const char* property, const std::string& value)
    {
        set_model(name, property, to_ou(value));
    }

    std::string text(const char* name) const
    {
        Reference<awt::XTextComponent> t(control(name), UNO_QUERY);
        return t.is() ? to_utf8(t->getText()) : std::string();
    }
    void set_text(const char* name, const std::string& value)
    {
        if (Reference<awt::XTextComponent> t{control(name), UNO_QUERY}; t.is())
            t->setText(to_ou(value));
    }
    void list(const char* name, const std::vector<std::string>& items)
    {
        uno::Sequence<OUString> seq(static_cast<sal_Int32>(items.size()));
        for (std::size_t i = 0; i < items.size(); ++i)
            seq.getArray()[i] = to_ou(items[i]);
        set_model(name, "StringItemList", seq);
        set_model(name, "Dropdown", true);
    }
    // What this session did, shown while the dialog is open only.
    void session(const std::string& line)
    {
        session_.push_back(line);
        uno::Sequence<OUString> seq(static_cast<sal_Int32>(session_.size()));
        for (std::size_t i = 0; i < session_.size(); ++i)
            seq.getArray()[i] = to_ou(session_[i]);
        set_model("Session", "StringItemList", seq);
    }
    void status(const std::string& line)
    {
        status_ = line;
        set_model("Status", "Label", line);
    }

    Reference<uno::XComponentContext> context_;
    Reference<frame::XModel> model_;
    Reference<awt::XDialog> dialog_;
    Reference<awt::XControlContainer> controls_;
    std::vector<std::string> session_;
    std::string status_;
};

} // namespace

std::string run_register_dialog(const Reference<uno::XComponentContext>& context,
                                const Reference<frame::XFrame>& frame)
{
    Reference<frame::XController> controller = frame.is() ? frame->getController() : nullptr;
    rtl::Reference<RegisterDialog> dialog(
        new RegisterDialog(context, controller.is() ? controller->getModel() : nullptr));
    return dialog->run();
}

} // namespace scrqm::lo
