#include "passphrase_dialog.hxx"

#include "convert.hxx"
#include "main_thread.hxx"
#include "prelude.hxx"

#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XControlModel.hpp>
#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/awt/XToolkit.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>

#include <utility>
#include <vector>

namespace scrqm::lo
{

namespace
{

using Properties = std::vector<std::pair<const char*, uno::Any>>;

void set(const Reference<beans::XPropertySet>& object, const Properties& properties)
{
    for (const auto& [name, value] : properties)
        object->setPropertyValue(OUString::createFromAscii(name), value);
}

// Dialog units: the toolkit scales them with the user's font.
Properties box(sal_Int32 x, sal_Int32 y, sal_Int32 w, sal_Int32 h)
{
    return {{"PositionX", uno::Any(x)},
            {"PositionY", uno::Any(y)},
            {"Width", uno::Any(w)},
            {"Height", uno::Any(h)}};
}

std::string ask_now(const Reference<uno::XComponentContext>& context, const std::string& case_id)
{
    Reference<lang::XMultiComponentFactory> smgr = context->getServiceManager();
    Reference<awt::XControlModel> model(
        smgr->createInstanceWithContext("com.sun.star.awt.UnoControlDialogModel", context),
        UNO_QUERY_THROW);
    set(Reference<beans::XPropertySet>(model, UNO_QUERY_THROW),
        {{"Title", uno::Any(OUString("Case register"))}});
    set(Reference<beans::XPropertySet>(model, UNO_QUERY_THROW), box(100, 100, 210, 78));
    Reference<lang::XMultiServiceFactory> factory(model, UNO_QUERY_THROW);
    Reference<container::XNameContainer> controls(model, UNO_QUERY_THROW);
    auto add = [&](const char* type, const char* name, const Properties& where,
                   const Properties& properties)
    {
        Reference<beans::XPropertySet> control(
            factory->createInstance(OUString::createFromAscii(type)), UNO_QUERY_THROW);
        set(control, where);
        set(control, properties);
        controls->insertByName(OUString::createFromAscii(name), uno::Any(control));
    };
    const std::string which = case_id.empty() ? std::string("default") : case_id;
    add("com.sun.star.awt.UnoControlFixedTextModel", "question", box(6, 6, 198, 26),
        {{"MultiLine", uno::Any(true)},
         {"Label", uno::Any(to_ou("The register of case \"" + which +
                                  "\" is locked. Its passphrase (kept until LibreOffice "
                                  "closes, never saved):"))}});
    add("com.sun.star.awt.UnoControlEditModel", "passphrase", box(6, 36, 198, 12),
        {{"EchoChar", uno::Any(static_cast<sal_Int16>('*'))}});
    // PushButtonType: 1 OK, 2 CANCEL (they end execute() with 1 and 0).
    add("com.sun.star.awt.UnoControlButtonModel", "ok", box(98, 58, 50, 14),
        {{"Label", uno::Any(OUString("Open"))},
         {"PushButtonType", uno::Any(static_cast<sal_Int16>(1))},
         {"DefaultButton", uno::Any(true)}});
    add("com.sun.star.awt.UnoControlButtonModel", "cancel", box(154, 58, 50, 14),
        {{"Label", uno::Any(OUString("Not now"))},
         {"PushButtonType", uno::Any(static_cast<sal_Int16>(2))}});

    Reference<awt::XControl> dialog(
        smgr->createInstanceWithContext("com.sun.star.awt.UnoControlDialog", context),
        UNO_QUERY_THROW);
    dialog->setModel(model);
    Reference<awt::XToolkit> toolkit(awt::Toolkit::create(context), UNO_QUERY_THROW);
    dialog->createPeer(toolkit, nullptr);
    std::string answer;
    try
    {
        if (Reference<awt::XDialog>(dialog, UNO_QUERY_THROW)->execute() == 1)
        {
            Reference<awt::XTextComponent> field(
                Reference<awt::XControlContainer>(dialog, UNO_QUERY_THROW)
                    ->getControl("passphrase"),
                UNO_QUERY_THROW);
            answer = to_utf8(field->getText());
        }
    }
    catch (...)
    {
        Reference<lang::XComponent>(dialog, UNO_QUERY_THROW)->dispose();
        throw;
    }
    Reference<lang::XComponent>(dialog, UNO_QUERY_THROW)->dispose();
    return answer;
}

} // namespace

std::string ask_case_passphrase(const Reference<uno::XComponentContext>& context,
                                const std::string& case_id)
{
    std::string answer;
    run_on_main_thread(context, [&] { answer = ask_now(context, case_id); });
    return answer;
}

} // namespace scrqm::lo
