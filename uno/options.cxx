// The extension's settings and its Options page: see options.hxx.
#include "options.hxx"

#include "case_register.hxx"
#include "convert.hxx"
#include "prelude.hxx"
#include "service_info.hxx"
#include "uno_helpers.hxx"

#include <scrqm/checks.hxx>
#include <scrqm/json.hxx>

#include <com/sun/star/awt/MessageBoxButtons.hpp>
#include <com/sun/star/awt/MessageBoxResults.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XCheckBox.hpp>
#include <com/sun/star/awt/XContainerWindowEventHandler.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XMessageBox.hpp>
#include <com/sun/star/awt/XMessageBoxFactory.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNameReplace.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/util/XChangesBatch.hpp>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/supportsservice.hxx>

#include <algorithm>
#include <filesystem>
#include <stdexcept>

namespace scrqm::lo
{

namespace
{

constexpr const char* kNode = "/org.scrqm.Settings/Review";
constexpr const char* kHandlerName = "org.scrqm.comp.OptionsHandler";
constexpr const char* kHandlerService = "org.scrqm.OptionsHandler";

bool is_setting(const std::string& name)
{
    return std::any_of(std::begin(kSettingNames), std::end(kSettingNames),
                       [&](const char* n) { return name == n; });
}

// The Options page's text fields, by control name = setting name.
constexpr const char* kTextFields[] = {"Profile", "Framework", "Allow",
                                       "Deny",    "Named",     "RegisterFolder"};

class OptionsHandler
    : public WithServiceInfo<
          cppu::WeakImplHelper2<awt::XContainerWindowEventHandler, lang::XServiceInfo>>
{
public:
    explicit OptionsHandler(const Reference<uno::XComponentContext>& context)
        : WithServiceInfo(kHandlerName, kHandlerService), context_(context)
    {
    }

    // "external_event" with "initialize" (the page opens), "ok" (OK or
    // Apply) or "back" (Reset); "delete_registers" from the page's button.
    sal_Bool SAL_CALL callHandlerMethod(const Reference<awt::XWindow>& window,
                                        const uno::Any& event, const OUString& method) override
    {
        try
        {
            Reference<awt::XControlContainer> controls(window, UNO_QUERY);
            if (!controls.is())
                return false;
            if (method == "delete_registers")
            {
                if (!confirmed(window))
                    return true;
                const std::size_t n = delete_all_registers(context_);
                set_text(controls, "RegistersStatus",
                         std::to_string(n) +
                             (n == 1 ? " register deleted." : " registers deleted."));
                return true;
            }
            if (method != "external_event")
                return false;
            OUString what;
            event >>= what;
            if (what == "initialize" || what == "back")
                load(controls);
            else if (what == "ok")
                save(controls);
            return true;
        }
        catch (const std::exception& e)
        {
            status(window, std::string("Not saved: ") + e.what());
        }
        catch (const uno::Exception& e)
        {
            status(window, "Not saved: " + to_utf8(e.Message));
        }
        return true;
    }

    uno::Sequence<OUString> SAL_CALL getSupportedMethodNames() override
    {
        uno::Sequence<OUString> names(2);
        names[0] = "external_event";
        names[1] = "delete_registers";
        return names;
    }

private:
    static void set_text(const Reference<awt::XControlContainer>& controls, const char* name,
                         const std::string& value)
    {
        Reference<awt::XTextComponent> text(controls->getControl(OUString::createFromAscii(name)),
                                            UNO_QUERY);
        if (text.is())
            text->setText(to_ou(value));
        else if (Reference<awt::XControl> c{controls->getControl(OUString::createFromAscii(name))};
                 c.is())
            Reference<beans::XPropertySet>(c->getModel(), UNO_QUERY_THROW)
                ->setPropertyValue("Label", uno::Any(to_ou(value)));
    }
    static std::string text_of(const Reference<awt::XControlContainer>& controls, const char* name)
    {
        Reference<awt::XTextComponent> text(controls->getControl(OUString::createFromAscii(name)),
                                            UNO_QUERY);
        return text.is() ? to_utf8(text->getText()) : std::string();
    }
    static Reference<awt::XCheckBox> check_box(const Reference<awt::XControlContainer>& controls,
                                               const std::string& id)
    {
        return Reference<awt::XCheckBox>(controls->getControl(to_ou("Check_" + id)), UNO_QUERY);
    }

    void load(const Reference<awt::XControlContainer>& controls)
    {
        const Settings s = read_settings(context_);
        for (const char* name : kTextFields)
            set_text(controls, name, s.at(name));
        const std::vector<std::string> on = parse_check_list(s.at("Checks"));
        for (const CheckInfo& check : registered_checks())
            if (Reference<awt::XCheckBox> box = check_box(controls, check.id); box.is())
                box->setState(std::find(on.begin(), on.end(), check.id) != on.end() ? 1 : 0);
        set_text(controls, "RegistersStatus", "");
    }

    void save(const Reference<awt::XControlContainer>& controls)
    {
        Settings s;
        for (const char* name : kTextFields)
            s[name] = text_of(controls, name);
        // Every check ticked (or none, which would check nothing): "" = all.
        std::string checks;
        std::size_t ticked = 0;
        for (const CheckInfo& check : registered_checks())
            if (Reference<awt::XCheckBox> box = check_box(controls, check.id);
                box.is() && box->getState() == 1)
            {
                checks += (checks.empty() ? "" : ",") + std::string(check.id);
                ++ticked;
            }
        s["Checks"] = ticked == registered_checks().size() || ticked == 0 ? "" : checks;
        write_settings(context_, s);
    }

    // Deleting every register cannot be undone: asked first.
    bool confirmed(const Reference<awt::XWindow>& window)
    {
        Reference<awt::XControl> control(window, UNO_QUERY);
        Reference<awt::XWindowPeer> peer = control.is() ? control->getPeer() : nullptr;
        Reference<awt::XMessageBoxFactory> factory(awt::Toolkit::create(context_), UNO_QUERY);
        if (!peer.is() || !factory.is())
            return false;
        Reference<awt::XMessageBox> box = factory->createMessageBox(
            peer, awt::MessageBoxType_QUERYBOX, awt::MessageBoxButtons::BUTTONS_YES_NO,
            "Delete all registers",
            "Delete every stored case register? Their pseudonyms cannot be recovered.");
        return box.is() && box->execute() == awt::MessageBoxResults::YES;
    }

    static void status(const Reference<awt::XWindow>& window, const std::string& text)
    {
        try
        {
            Reference<awt::XControlContainer> controls(window, UNO_QUERY);
            if (controls.is())
                set_text(controls, "RegistersStatus", text);
        }
        catch (...)
        {
        }
    }

    Reference<uno::XComponentContext> context_;
};

} // namespace

Settings read_settings(const Reference<uno::XComponentContext>& context)
{
    Settings out;
    for (const char* name : kSettingNames)
        out[name] = "";
    try
    {
        Reference<container::XNameAccess> node(config_node(context, kNode, false), UNO_QUERY_THROW);
        for (const char* name : kSettingNames)
        {
            OUString value;
            if (node->hasByName(OUString::createFromAscii(name)))
                node->getByName(OUString::createFromAscii(name)) >>= value;
            out[name] = to_utf8(value);
        }
    }
    catch (const uno::Exception&)
    {
        // No schema (an office without the extension's registry data): defaults.
    }
    return out;
}

void write_settings(const Reference<uno::XComponentContext>& context, const Settings& changes)
{
    for (const auto& [name, value] : changes)
    {
        if (!is_setting(name))
            throw std::invalid_argument("unknown setting \"" + name +
                                        "\" (Checks, Profile, Framework, Allow, Deny, Named, "
                                        "RegisterFolder)");
        if (name == "Checks")
            try
            {
                (void)parse_check_list(value);
            }
            catch (const std::exception& e)
            {
                throw std::invalid_argument(e.what());
            }
    }
    Reference<uno::XInterface> node = config_node(context, kNode, true);
    Reference<container::XNameReplace> replace(node, UNO_QUERY_THROW);
    for (const auto& [name, value] : changes)
        replace->replaceByName(to_ou(name), uno::Any(to_ou(value)));
    Reference<util::XChangesBatch>(node, UNO_QUERY_THROW)->commitChanges();
}

void add_setting_defaults(const Settings& settings, CheckArguments& args)
{
    for (const auto& [name, value] : settings)
        if (name != "RegisterFolder" && name != "Allow" && !value.empty() &&
            args.find(name) == args.end())
            args[name] = value;
}

std::size_t delete_all_registers(const Reference<uno::XComponentContext>& context)
{
    const std::string sample = register_path(context, "default");
    const std::filesystem::path folder = std::filesystem::path(sample).parent_path();
    std::size_t removed = 0;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec))
        if (entry.is_regular_file() && entry.path().extension() == ".json" &&
            std::filesystem::remove(entry.path(), ec))
            ++removed;
    return removed;
}

std::string options_action(const Reference<uno::XComponentContext>& context,
                           const CheckArguments& args)
{
    Settings changes;
    for (const auto& [name, value] : args)
        if (is_setting(name))
            changes[name] = value;
    if (!changes.empty())
        write_settings(context, changes);
    std::size_t deleted = 0;
    const auto del = args.find("DeleteRegisters");
    const bool delete_registers = del != args.end() && del->second == "true";
    if (delete_registers)
        deleted = delete_all_registers(context);
    JsonWriter w;
    w.begin_object();
    w.key("settings").begin_object();
    for (const auto& [name, value] : read_settings(context))
        w.member(name, value);
    w.end_object();
    w.member("written", static_cast<std::uint64_t>(changes.size()));
    if (delete_registers)
        w.member("registers_deleted", static_cast<std::uint64_t>(deleted));
    w.end_object();
    return w.take();
}

Reference<uno::XInterface>
    SAL_CALL create_options_handler(const Reference<uno::XComponentContext>& context)
{
    return static_cast<cppu::OWeakObject*>(new OptionsHandler(context));
}

} // namespace scrqm::lo
