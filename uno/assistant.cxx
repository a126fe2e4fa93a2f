// org.scrqm.ReviewAssistant: the macro API. Every call returns a JSON string;
// every failure becomes {"error": ...}, never an exception into the caller.
#include "allow.hxx"
#include "case_register.hxx"
#include "convert.hxx"
#include "hidden.hxx"
#include "main_thread.hxx"
#include "office_check.hxx"
#include "options.hxx"
#include "publication.hxx"
#include "reader.hxx"
#include "replace.hxx"
#include "results_check.hxx"
#include "results_panel.hxx"
#include "service_info.hxx"
#include "sidebar.hxx"
#include "sidebar_actions.hxx"
#include "templates.hxx"

#include <scrqm/catalogue.hxx>
#include <scrqm/coverage.hxx>
#include <scrqm/input_file.hxx>
#include <scrqm/json.hxx>
#include <scrqm/kinds.hxx>
#include <scrqm/report_export.hxx>
#include <scrqm/result.hxx>
#include <scrqm/structure.hxx>

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/lang/XSingleComponentFactory.hpp>
#include <com/sun/star/task/XJob.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/factory.hxx>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <sal/types.h>

#include <cstdio>
#include <cstring>
#include <exception>
#include <map>

using namespace com::sun::star;
using com::sun::star::uno::Reference;
using com::sun::star::uno::UNO_QUERY;
using rtl::OUString;

namespace scrqm::lo
{

constexpr const char* kImplementationName = "org.scrqm.comp.ReviewAssistant";
constexpr const char* kServiceName = "org.scrqm.ReviewAssistant";
constexpr const char* kActions =
    "outline, check, fix, replace, allow, register-set, register-clear, catalogue, model, "
    "insert-template, tag, suggest, coverage, question, publication-copy, options";

namespace
{

struct Args
{
    std::map<std::string, uno::Any> values;

    std::string text(const std::string& name, const std::string& fallback = {}) const
    {
        const auto it = values.find(name);
        OUString s;
        if (it != values.end() && (it->second >>= s))
            return to_utf8(s);
        return fallback;
    }

    // A true|false argument, as text or a boolean; throws for anything else.
    bool flag(const std::string& name, bool fallback) const
    {
        const auto it = values.find(name);
        if (it == values.end())
            return fallback;
        if (bool b = false; it->second >>= b)
            return b;
        const std::string t = text(name);
        if (t == "true" || t == "false")
            return t == "true";
        throw std::invalid_argument(name + " must be true or false");
    }

    // Every argument given as text: what a check request is built from.
    CheckArguments texts() const
    {
        CheckArguments out;
        for (const auto& [name, value] : values)
            if (OUString s; value >>= s)
                out[name] = to_utf8(s);
        return out;
    }

    void add(const uno::Sequence<beans::NamedValue>& seq)
    {
        for (sal_Int32 i = 0; i < seq.getLength(); ++i)
        {
            // The job framework wraps a caller's arguments in DynamicData.
            uno::Sequence<beans::NamedValue> nested;
            if (seq[i].Name == "DynamicData" && (seq[i].Value >>= nested))
                add(nested);
            else
                values[to_utf8(seq[i].Name)] = seq[i].Value;
        }
    }
};

class ReviewAssistant
    : public WithServiceInfo<cppu::WeakImplHelper2<task::XJob, lang::XServiceInfo>>
{
public:
    explicit ReviewAssistant(const Reference<uno::XComponentContext>& context)
        : WithServiceInfo(kImplementationName, kServiceName), context_(context)
    {
    }

    uno::Any SAL_CALL execute(const uno::Sequence<beans::NamedValue>& arguments) override
    {
        std::string json;
        auto run = [&]
        {
            Args args;
            args.add(arguments);
            json = dispatch(args);
        };
        // On the main thread, like the sidebar's refresh: Writer's outline
        // (link targets) is not safe to read from a bridge's thread while
        // the main thread reads it, and crashed the office so. Its
        // exceptions come back here.
        try
        {
            run_on_main_thread(context_, run);
        }
        catch (const uno::Exception& e)
        {
            json = error_json(to_utf8(e.Message));
        }
        catch (const std::exception& e)
        {
            json = error_json(e.what());
        }
        catch (...)
        {
            json = error_json("unexpected failure");
        }
        return uno::Any(to_ou(json));
    }

private:
    std::string dispatch(const Args& args)
    {
        const std::string action = args.text("Action");
        // Empty: the document's framework (framework_for), once it is read.
        const std::string framework = args.text("Framework");
        if (action == "catalogue")
            return catalogue_to_json(load_framework(
                extension_data_dir(), framework.empty() ? kDefaultFramework : framework));
        if (action == "register-set")
        {
            const std::string path = register_path(context_, args.text("Case"));
            const std::string passphrase = args.text("Passphrase");
            if (passphrase.empty())
                throw DataError("register-set needs a Passphrase: the register is stored sealed "
                                "under it, and only it opens the register again");
            const std::vector<RegisterEntry> entries =
                parse_register(args.text("Register"), "Register");
            store_register(path, entries, passphrase);
            // Given now, so this session's checks use it without asking.
            remember_passphrase(args.text("Case"), passphrase);
            JsonWriter w;
            w.begin_object()
                .member("case", args.text("Case", "default"))
                .member("entries", static_cast<std::uint64_t>(entries.size()))
                .member("stored", "sealed under the passphrase in the user profile")
                .end_object();
            return w.take();
        }
        if (action == "replace")
        {
            // Every form of Text (possessives, capitals, a title, across a
            // line break) in one undo step; Register=true (the default, as in
            // the dialog) adds the pair to the case register, sealed under
            // Passphrase (or the one given earlier in this session).
            if (const std::string passphrase = args.text("Passphrase"); !passphrase.empty())
                remember_passphrase(args.text("Case"), passphrase);
            const ReplaceOutcome r = replace_everywhere(
                context_, document(args), args.text("Text"), args.text("Pseudonym"),
                args.flag("Register", true), args.text("Case"));
            JsonWriter w;
            w.begin_object()
                .member("replaced", static_cast<std::uint64_t>(r.replaced))
                .member("found", static_cast<std::uint64_t>(r.found))
                .member("registered", r.registered)
                .end_object();
            return w.take();
        }
        if (action == "allow")
        {
            const std::string scope = args.text("Scope", "document");
            if (scope != "document" && scope != "user")
                return error_json("unknown Scope \"" + scope + "\" (one of: document, user)");
            const std::string text = args.text("Text");
            const bool added = scope == "user" ? allow_for_user(context_, text)
                                               : allow_in_document(document(args), text);
            JsonWriter w;
            w.begin_object().member("scope", scope).member("added", added).end_object();
            return w.take();
        }
        if (action == "register-forget")
        {
            // The passphrase kept in memory for this session goes: someone
            // leaving the machine locks the registers without closing Writer.
            const std::string which = args.text("Case");
            if (which.empty())
                forget_all_passphrases();
            else
                forget_passphrase(which);
            JsonWriter w;
            w.begin_object().member("forgotten", which.empty() ? "every case" : which).end_object();
            return w.take();
        }
        if (action == "register-clear")
        {
            const bool removed =
                std::remove(register_path(context_, args.text("Case")).c_str()) == 0;
            forget_passphrase(args.text("Case"));
            JsonWriter w;
            w.begin_object().member("removed", removed).end_object();
            return w.take();
        }
        if (action == "check" || action == "fix")
        {
            Reference<frame::XModel> model = document(args);
            const std::string fix_name = args.text("Fix");
            if (action == "fix" && is_hidden_fix(fix_name))
                return apply_hidden_fix(context_, model, fix_name, args.text("Property"));
            const std::string file = args.text("File", model_name(model));
            std::vector<Reference<uno::XInterface>> sources;
            Document doc = read_document(model, file, action == "fix" ? &sources : nullptr);
            if (action == "check")
                read_office_hidden(context_, model, doc);
            CheckArguments arguments = args.texts();
            if (action == "fix")
                arguments["Checks"] = "anonymisation"; // the register's findings
            CheckRequest request = office_check_request(context_, arguments);
            request.file = file;
            // Names allowed in this document are no findings (its ignore list).
            request.ignored = read_ignored(model);
            if (action == "fix")
            {
                const std::string fix = args.text("Fix");
                if (fix != "replace-with-pseudonyms")
                    return error_json("unknown Fix \"" + fix +
                                      "\" (one of: replace-with-pseudonyms, " + kHiddenFixes + ")");
                const auto findings =
                    run_check(doc, request, office_check_runner()).result.findings;
                const std::size_t n = replace_with_pseudonyms(model, doc, sources, findings);
                JsonWriter w;
                w.begin_object()
                    .member("fix", fix)
                    .member("replaced", static_cast<std::uint64_t>(n))
                    .end_object();
                return w.take();
            }
            if (request.context)
            {
                // For reports: each finding's section and surrounding text,
                // and the markers' coverage as the sidebar computes it.
                request.framework = framework_for(doc, request.framework);
                request.catalogue = &framework_catalogue(request.framework);
                request.suggester = &framework_suggester(request.framework);
                const CheckOutcome outcome = run_check(doc, request, office_check_runner());
                return with_coverage_json(to_json(outcome.result), outcome.coverage);
            }
            return to_json(run_check(doc, request, office_check_runner()).result);
        }
        if (action == "apply-heading-styles")
        {
            Reference<frame::XModel> model = document(args);
            return apply_heading_styles(model, args.text("File", model_name(model)));
        }
        if (action == "publication-copy")
        {
            PublicationRequest request;
            request.output = args.text("Output");
            request.format = args.text("Format");
            const std::string changes = args.text("Changes", "accept");
            if (changes != "accept" && changes != "keep")
                return error_json("unknown Changes \"" + changes + "\" (accept or keep)");
            request.keep_changes = changes == "keep";
            request.check = args.texts();
            try
            {
                (void)publication_format(request.output, request.format);
            }
            catch (const std::invalid_argument& e)
            {
                return error_json(e.what());
            }
            return publication_json(publish_copy(context_, document(args), request));
        }
        if (action == "options")
            return options_action(context_, args.texts());
        if (action == "outline" || action == "model")
        {
            Reference<frame::XModel> model = document(args);
            const std::string file = args.text("File", model_name(model));
            // Read=full|cursor|outline forces a way of reading the body (for
            // tests and benchmarks); the answer then says which was used.
            // Read=lean|lean-enumeration: the sidebar's lean read.
            const std::string read = args.text("Read");
            // The model's JSON leaves tags and question states out: the
            // answer to Read=... has them.
            auto answer = [](const char* how, const Document& d)
            {
                JsonWriter w;
                w.begin_object().member("read", how);
                w.key("tags").begin_array();
                for (const Tag& t : d.tags)
                    w.begin_object()
                        .member("bookmark", t.bookmark)
                        .member("paragraph", static_cast<std::uint64_t>(t.paragraph))
                        .member("last", static_cast<std::uint64_t>(t.last))
                        .end_object();
                // Hidden data, so that a test sees a fast read record the same.
                w.end_array().key("hidden").begin_array();
                for (const HiddenItem& h : d.hidden)
                    w.begin_object()
                        .member("kind", h.kind)
                        .member("where", to_string(h.where))
                        .member("paragraph", static_cast<std::uint64_t>(h.paragraph))
                        .member("start", static_cast<std::uint64_t>(h.start))
                        .member("end", static_cast<std::uint64_t>(h.end))
                        .member("container", h.container)
                        .member("name", h.name)
                        .member("text", h.text)
                        .end_object();
                w.end_array().key("questions").begin_object();
                for (const auto& [marker, value] : d.question_states)
                    w.member(marker, value);
                w.end_object().end_object();
                std::string json = w.take();
                json.pop_back(); // the closing brace
                return json + ",\"model\":" + model_to_json(d) + "}";
            };
            if (action == "model" && (read == "lean" || read == "lean-enumeration"))
            {
                bool by_outline = false;
                const Document lean = read_lean_model(
                    model, file, read == "lean" ? LeanRead::Auto : LeanRead::Enumeration,
                    &by_outline);
                return answer(by_outline ? "outline" : "enumeration", lean);
            }
            static const char* const kReads[] = {"auto", "full", "cursor", "outline"};
            BodyRead force = BodyRead::Auto, used = BodyRead::Auto;
            for (int i = 0; i < 4; ++i)
                if (read == kReads[i])
                    force = static_cast<BodyRead>(i);
            const Document doc = read_document(model, file, nullptr, false, force, &used);
            if (action == "model" && !read.empty())
                return answer(kReads[static_cast<int>(used)], doc);
            if (action == "model")
                return model_to_json(doc);
            CheckRequest outline; // no checks
            outline.file = file;
            outline.framework = framework;
            return to_json(run_check(doc, outline, office_check_runner()).result);
        }
        if (action == "insert-template")
        {
            TemplateRequest request;
            request.name = args.text("Template");
            request.where = args.text("Where", "cursor");
            request.from = args.text("From");
            request.output = args.text("Output");
            const auto hidden = args.values.find("Hidden");
            bool flag = false;
            request.hidden = hidden != args.values.end() &&
                             ((hidden->second >>= flag) ? flag : args.text("Hidden") == "true");
            // Where=new needs no document; the current one, if any, is the report.
            try
            {
                request.document = document(args);
            }
            catch (const std::runtime_error&)
            {
                if (request.where != "new")
                    throw;
            }
            return insert_template(context_, extension_dir(), request);
        }
        if (action == "tag" || action == "suggest" || action == "coverage" || action == "question")
            return marker_action(action, framework, args);
        if (action.empty())
            return error_json("missing Action (one of: " + std::string(kActions) + ")");
        return error_json("unknown Action \"" + action + "\" (one of: " + kActions + ")");
    }

    // Tags, suggestions, coverage and question states (sidebar_actions.cxx).
    std::string marker_action(const std::string& action, const std::string& framework,
                              const Args& args)
    {
        Reference<frame::XModel> model = document(args);
        const std::string file = args.text("File", model_name(model));
        if (action == "suggest" || action == "coverage")
        {
            const DocumentState st = read_state(model, file, framework);
            return analysis_to_json(st.analysis, framework_catalogue(st.framework), file);
        }
        // Markers and questions are the document's framework's unless one is
        // named.
        const std::string fw =
            framework.empty() ? read_state(model, file, framework).framework : framework;
        const Catalogue& cat = framework_catalogue(fw);
        if (action == "question")
        {
            int question = 0;
            const auto it = args.values.find("Question");
            if (it == args.values.end() || !(it->second >>= question))
                question = std::atoi(args.text("Question").c_str());
            return set_question(model, fw, args.text("Marker"), question,
                                question_state_from_string(args.text("State")), args.text("Note"));
        }
        const std::vector<std::string> markers = parse_marker_list(args.text("Markers"), cat);
        const TagMode mode = tag_mode_from_string(args.text("Mode", "add"));
        if (markers.empty() && mode != TagMode::Set)
            return error_json("missing Markers (e.g. QM13,QM14)");
        std::string section = args.text("Section");
        sal_Int32 index = -1;
        if (section.empty())
            if (const auto it = args.values.find("Section");
                it != args.values.end() && (it->second >>= index) && index >= 0)
                section = std::to_string(index);
        if (args.text("Selection") == "true" || section == "selection")
            return tag_selection(model, fw, markers, mode);
        const DocumentState st = read_state(model, file, fw);
        const std::size_t si = section.empty() || section == "current"
                                   ? cursor_section(model, st)
                                   : find_section(st.analysis.sections, section);
        if (si >= st.analysis.sections.size())
            return error_json("the cursor is not in a section; give Section");
        return tag_section(model, fw, si, markers, mode);
    }

    Reference<frame::XModel> document(const Args& args)
    {
        Reference<frame::XModel> model;
        const auto it = args.values.find("Document");
        if (it != args.values.end())
        {
            it->second >>= model;
            if (!model.is())
                throw std::runtime_error("Document is not a document model (XModel)");
            return model;
        }
        Reference<frame::XDesktop2> desktop = frame::Desktop::create(context_);
        model.set(desktop->getCurrentComponent(), UNO_QUERY);
        if (!model.is())
            throw std::runtime_error("no Document given and no current document");
        return model;
    }

    static std::string model_name(const Reference<frame::XModel>& model)
    {
        const std::string url = to_utf8(model->getURL());
        return url.empty() ? std::string("Untitled") : url;
    }

    Reference<uno::XComponentContext> context_;
};

} // namespace

Reference<uno::XInterface>
    SAL_CALL create_dispatcher(const Reference<uno::XComponentContext>& context);

namespace
{

Reference<uno::XInterface> SAL_CALL create(const Reference<uno::XComponentContext>& context)
{
    return static_cast<cppu::OWeakObject*>(new ReviewAssistant(context));
}

} // namespace

} // namespace scrqm::lo

extern "C" SAL_DLLPUBLIC_EXPORT uno::XInterface*
org_scrqm_ReviewAssistant_get_implementation(uno::XComponentContext* context,
                                             const uno::Sequence<uno::Any>&)
{
    auto* instance = new scrqm::lo::ReviewAssistant(context);
    instance->acquire();
    return static_cast<cppu::OWeakObject*>(instance);
}

// An extension installed into a running office is registered through its
// factory, not its constructor: both entry points exist.
extern "C" SAL_DLLPUBLIC_EXPORT void* component_getFactory(const char* implementation, void*, void*)
{
    if (implementation == nullptr)
        return nullptr;
    // Every component of the extension: its implementation, its one service, its constructor.
    const struct
    {
        const char* name;
        const char* service;
        cppu::ComponentFactoryFunc create;
    } components[] = {
        // The two sidebar decks' panel factories: Quality Markers, Pre-publication check.
        {"org.scrqm.comp.PanelFactory", "com.sun.star.ui.UIElementFactory",
         scrqm::lo::create_panel_factory},
        {"org.scrqm.comp.ResultsPanelFactory", "com.sun.star.ui.UIElementFactory",
         scrqm::lo::create_results_panel_factory},
        {"org.scrqm.comp.OptionsHandler", "org.scrqm.OptionsHandler",
         scrqm::lo::create_options_handler},
        {"org.scrqm.comp.Dispatcher", "com.sun.star.frame.ProtocolHandler",
         scrqm::lo::create_dispatcher},
        {scrqm::lo::kImplementationName, scrqm::lo::kServiceName, scrqm::lo::create},
    };
    for (const auto& c : components)
        if (std::strcmp(implementation, c.name) == 0)
        {
            uno::Sequence<rtl::OUString> names(1);
            names[0] = rtl::OUString::createFromAscii(c.service);
            Reference<lang::XSingleComponentFactory> factory = cppu::createSingleComponentFactory(
                c.create, rtl::OUString::createFromAscii(c.name), names);
            factory->acquire();
            return factory.get();
        }
    return nullptr;
}
